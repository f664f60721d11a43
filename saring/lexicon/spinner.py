"""A synthetic synonym spinner, to make labelled spun text for evaluation and tests.

It does what article spinners do: pick a share of the replaceable words (words the thesaurus lists
synonyms for) and swap each for a random synonym, keeping the word's capitalisation. Seeded, so a
benchmark run is reproducible. Not used at analysis time.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from saring.lexicon.mythes import Sense
from saring.lexicon.tokens import words

SynonymSource = Callable[[str], Sequence[str]]


@dataclass(frozen=True, slots=True)
class Swap:
    start: int  # offsets in the spun text
    end: int
    original: str
    replacement: str


def forward_synonyms(entries: Mapping[str, list[Sense]]) -> SynonymSource:
    """Synonyms as a spinner using the thesaurus sees them: headword -> all its non-antonym words."""
    table = {
        h.casefold(): sorted({w for s in senses if not s.is_antonym for w in s.words})
        for h, senses in entries.items()
    }
    return lambda word: table.get(word, [])


def spin(text: str, synonyms: SynonymSource, rate: float, seed: int) -> tuple[str, list[Swap]]:
    """Replace `rate` of the replaceable words of `text`; returns the new text and the swaps made."""
    rng = random.Random(seed)
    candidates = [t for t in words(text) if synonyms(t.norm)]
    chosen = sorted(rng.sample(candidates, round(rate * len(candidates))), key=lambda t: t.start)
    parts: list[str] = []
    swaps: list[Swap] = []
    pos = shift = 0
    for tok in chosen:
        original = text[tok.start : tok.end]
        new = _match_case(rng.choice(list(synonyms(tok.norm))), original)
        parts.append(text[pos : tok.start])
        parts.append(new)
        swaps.append(Swap(tok.start + shift, tok.start + shift + len(new), original, new))
        shift += len(new) - len(original)
        pos = tok.end
    parts.append(text[pos:])
    return "".join(parts), swaps


def _match_case(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
