"""Compare a text with one candidate source: overlap measures and aligned passages.

Both texts are seen sentence by sentence in two forms: canonical (spin-robust) and surface (the
words as written). Canonical overlap says how much of the text comes from the source; the surface
overlap relative to it says whether the words were kept (a copy) or swapped (a spin).
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

from saring.index.canonical import canonical_of, surface_tokens
from saring.index.fingerprint import SHINGLE, Tokens, shingle_hashes, shingles, tokens_of, word_ids

ALIGN_MIN = 0.5  # a sentence is "from" a source sentence when half of its word pairs are there
VERBATIM_MIN = 0.9  # ... and a verbatim copy of it when 90% of its surface word pairs are


@dataclass(slots=True)
class TextView:
    text: str
    tokens: Tokens
    paragraphs: list[tuple[int, int]]

    @property
    def spans(self) -> list[tuple[int, int]]:
        return self.tokens.spans

    @property
    def canon(self) -> list[list[str]]:
        return self.tokens.canon

    @property
    def surface(self) -> list[list[str]]:
        return self.tokens.surface

    def paragraph_of(self, offset: int) -> int:
        starts = [start for start, _ in self.paragraphs]
        return max(0, bisect.bisect_right(starts, offset) - 1)


def view(text: str, paragraphs: list[tuple[int, int]], tokens: Tokens | None = None) -> TextView:
    return TextView(text, tokens or tokens_of(text), paragraphs or [(0, len(text))])


@dataclass(frozen=True, slots=True)
class ShingleSets:
    """A whole text's distinct shingle hashes, canonical and surface (for fast set overlaps)."""

    canon: np.ndarray
    surface: np.ndarray


def shingle_sets(text: str | Tokens) -> ShingleSets:
    """The shingle sets of a text, or of tokens already split (no sentence split needed for a text)."""
    if isinstance(text, str):
        surface = surface_tokens(text)
        canon = canonical_of(surface)
    else:
        surface, canon = text.all_surface(), text.all_canon()
    return ShingleSets(shingle_hashes(word_ids(canon)), shingle_hashes(word_ids(surface)))


@dataclass(frozen=True, slots=True)
class Overlap:
    c_query: float  # share of the text's canonical shingles found in the source
    c_source: float  # share of the source's canonical shingles found in the text
    jaccard: float
    verbatim: float  # share of the text's surface shingles found in the source


def _share(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a) if a else 0.0


def _common(a: np.ndarray, b: np.ndarray) -> int:
    return len(np.intersect1d(a, b, assume_unique=True))


def overlap(query: ShingleSets, source: ShingleSets) -> Overlap:
    qc, sc = query.canon, source.canon
    both = _common(qc, sc)
    union = len(qc) + len(sc) - both
    return Overlap(both / len(qc) if len(qc) else 0.0, both / len(sc) if len(sc) else 0.0,
                   both / union if union else 0.0,
                   _common(query.surface, source.surface) / len(query.surface) if len(query.surface) else 0.0)


def _pairs(tokens: list[str]) -> set[str]:
    return shingles(tokens, 2)


class Pair(NamedTuple):
    query: int  # sentence index in the text
    source: int  # sentence index in the source
    share: float  # canonical word pairs of the query sentence found in the source sentence
    verbatim: bool


@dataclass(frozen=True, slots=True)
class Alignment:
    passages: list[dict[str, Any]]
    aligned_share: float  # share of the text's words in sentences taken from the source
    verbatim_words: int  # words of the text in sentences copied word for word


def _aligned_sentences(query: TextView, source: TextView) -> list[Pair]:
    """The best source sentence of each query sentence that takes at least ALIGN_MIN of its pairs."""
    where: dict[str, list[int]] = {}
    for j, tokens in enumerate(source.canon):
        for pair in _pairs(tokens):
            where.setdefault(pair, []).append(j)
    found = []
    for i, tokens in enumerate(query.canon):
        pairs = _pairs(tokens)
        if len(tokens) < SHINGLE or not pairs:
            continue
        votes = Counter(j for pair in pairs for j in where.get(pair, ()))
        if not votes:
            continue
        j, n = votes.most_common(1)[0]
        if n / len(pairs) >= ALIGN_MIN:
            surface = _share(_pairs(query.surface[i]), _pairs(source.surface[j]))
            found.append(Pair(i, j, n / len(pairs), surface >= VERBATIM_MIN))
    return found


def _passage(query: TextView, source: TextView, run: list[Pair]) -> dict[str, Any]:
    q0, q1 = query.spans[run[0].query][0], query.spans[run[-1].query][1]
    js = [p.source for p in run]
    s0, s1 = source.spans[min(js)][0], source.spans[max(js)][1]
    return {
        "kind": "verbatim" if all(p.verbatim for p in run) else "reworded",
        "similarity": round(sum(p.share for p in run) / len(run), 3),
        "query": {"start": q0, "end": q1,
                  "paragraphs": sorted({query.paragraph_of(query.spans[p.query][0]) for p in run})},
        "source": {"start": s0, "end": s1,
                   "paragraphs": sorted({source.paragraph_of(source.spans[j][0]) for j in js})},
        "text": query.text[q0:q1],
    }


def align(query: TextView, source: TextView) -> Alignment:
    """Runs of consecutive query sentences taken from nearby source sentences, as passages."""
    pairs = _aligned_sentences(query, source)
    runs: list[list[Pair]] = []
    for pair in pairs:
        last = runs[-1][-1] if runs else None
        if last and pair.query == last.query + 1 and 0 <= pair.source - last.source <= 2 \
                and pair.verbatim == last.verbatim:
            runs[-1].append(pair)
        else:
            runs.append([pair])
    n_words = sum(map(len, query.surface)) or 1
    return Alignment(passages=[_passage(query, source, run) for run in runs],
                     aligned_share=sum(len(query.surface[p.query]) for p in pairs) / n_words,
                     verbatim_words=sum(len(query.surface[p.query]) for p in pairs if p.verbatim))
