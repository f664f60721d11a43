"""Headline features for the clickbait model, each tied to the span of the headline it came from.

Training (`train_clickbait`, via `headline_features`) and scoring (`clickbait`, via `headline_parts`)
share one definition, so the model sees exactly the features it was trained on, and every weight can
be traced back to characters of the title for evidence. Features are hashed into a fixed number of
buckets with CRC-32 (stable across processes and platforms, unlike `hash()`), so the artefact is a
plain weight array.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache
from typing import NamedTuple

from saring.messages import Msg, msg

_TOKEN = re.compile(r"\w+|[^\w\s]")
_CHAR_NGRAMS = (2, 3, 4, 5)
_ELLIPSIS = re.compile(r"\.{3,}|\u2026")
_SPEAKER_COLON = re.compile(r"(?<=\w):(?= )")


class Feature(NamedTuple):
    """A named feature and the title span `[start, end)` that produced it."""

    name: str
    start: int
    end: int


class WordGrams(NamedTuple):
    """All character n-gram features of one (lower-cased) word, spanning that word in the title.

    Scoring keeps them together so that their buckets are computed once per distinct word
    (`ngram_buckets`) instead of hashing ~190 n-gram names per headline: with the grouped evidence
    sums this took clickbait from 0.28 to 0.15 ms per 2019 article.
    """

    word: str
    start: int
    end: int


Part = Feature | WordGrams

# Readable descriptions of shape features, used in evidence `why` texts.
SHAPE_WHY: dict[str, Msg] = {
    "s:startdigit": msg("clickbait.shape.startdigit"),
    "s:endq": msg("clickbait.shape.endq"),
    "s:ellipsis": msg("clickbait.shape.ellipsis"),
    "s:colon": msg("clickbait.shape.colon"),
}


def headline_parts(title: str) -> list[Part]:
    """Word uni/bigrams, in-word character 2-5-grams and shape features of one headline, in model order.

    Name prefixes: ``w:`` word, ``b:`` bigram, ``c:`` character n-gram, ``s:`` shape of a span,
    ``g:`` shape of the whole headline (capital ratio, length), which is never shown as evidence.
    """
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(title)]
    parts: list[Part] = []
    parts += _word_features(tokens)
    parts += _char_features(tokens)
    parts += _shape_features(title, tokens)
    return parts


def headline_features(title: str) -> list[Feature]:
    """`headline_parts` with every character n-gram as a feature of its own (what training counts)."""
    feats: list[Feature] = []
    for part in headline_parts(title):
        if isinstance(part, WordGrams):
            feats += [Feature(name, part.start, part.end) for name in _char_ngrams(part.word)]
        else:
            feats.append(part)
    return feats


def bucket(name: str, n_buckets: int) -> int:
    """Stable hash of a feature name into `[0, n_buckets)` (n_buckets is a power of two)."""
    return zlib.crc32(name.encode("utf-8", "surrogatepass")) & (n_buckets - 1)


@lru_cache(maxsize=1 << 13)  # ~10 MB; 82% hits on 2019 headlines (84% would be all their words)
def ngram_buckets(word: str, n_buckets: int) -> tuple[int, ...]:
    """The buckets of a word's character n-grams, in feature order."""
    return tuple(bucket(name, n_buckets) for name in _char_ngrams(word))


def _word_features(tokens: list[tuple[str, int, int]]) -> list[Feature]:
    feats = [Feature("w:" + tok.lower(), start, end) for tok, start, end in tokens]
    end = tokens[-1][2] if tokens else 0
    bounded = [("<s>", 0, 0), *tokens, ("</s>", end, end)]
    for (a, a_start, _), (b, _, b_end) in zip(bounded, bounded[1:], strict=False):
        feats.append(Feature(f"b:{a.lower()} {b.lower()}", a_start, b_end))
    return feats


def _char_features(tokens: list[tuple[str, int, int]]) -> list[WordGrams]:
    return [
        WordGrams(tok.lower(), start, end) for tok, start, end in tokens if tok[0].isalnum() or tok[0] == "_"
    ]


def _char_ngrams(word: str) -> list[str]:
    """Names of a word's character n-grams, shortest first."""
    padded = f" {word} "
    return ["c:" + padded[i : i + n] for n in _CHAR_NGRAMS for i in range(len(padded) - n + 1)]


def _shape_features(title: str, tokens: list[tuple[str, int, int]]) -> list[Feature]:
    whole = (0, len(title))
    words = [(t, s, e) for t, s, e in tokens if t[0].isalpha()]
    letters = [c for c in title if c.isalpha()]
    caps = sum(c.isupper() for c in letters) / max(1, len(letters))
    feats = [Feature(f"g:caps{min(10, int(caps * 10))}", *whole)]
    feats.append(Feature(f"g:len{min(8, len(words) // 3)}", *whole))
    feats += [Feature("s:capsword", s, e) for t, s, e in words if len(t) >= 2 and t.isupper()]
    if tokens and tokens[0][0].isdigit():
        feats.append(Feature("s:startdigit", tokens[0][1], tokens[0][2]))
    stripped = title.rstrip()
    if stripped.endswith("?"):
        feats.append(Feature("s:endq", len(stripped) - 1, len(stripped)))
    feats += [Feature("s:ellipsis", m.start(), m.end()) for m in _ELLIPSIS.finditer(title)]
    feats += [Feature("s:colon", m.start(), m.end()) for m in _SPEAKER_COLON.finditer(title)]
    return feats
