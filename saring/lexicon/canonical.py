"""Canonical tokens: every word mapped to one head of its synonym group, so spun copies match.

A synonym spinner rewrites "serangan udara" as "serangan hawa"; a near-duplicate index that compares
raw words then misses the copy. `canonical_tokens` maps both to the same tokens.

How a head is chosen (`hill_climb`, at build time): each thesaurus word points to the most frequent
word (2019 news corpus counts) among itself and its synonyms, and pointers are followed to the top.
"hawa" -> "udara", "bakal" -> "akan" -> ..., so a word and the synonym that replaced it climb the
same hill in almost all cases (measured in `benchmarks/spin_eval.py`). The price: loosely linked
function words merge into a few heads, which matters little for near-duplicate search.

With ``stem=True`` each canonical word is also reduced to its Sastrawi root (cached), so affix
variants a spinner produces ("memperlancar" / "melancarkan" -> "lancar") match too. Stemming is
slower on first sight of a word (about 3k new words/s) and over-stems some words
(pemerintah -> perintah); it is off by default.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import numpy as np

from saring.lexicon.thesaurus import load_thesaurus
from saring.lexicon.tokens import words


def hill_climb(indptr: np.ndarray, indices: np.ndarray, freq: np.ndarray, words_: list[str]) -> np.ndarray:
    """Canonical id of every node: climb to the most frequent neighbour until none is better."""
    n = len(words_)
    order = np.lexsort((np.arange(n), -freq))  # best first: frequent, then alphabetical
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    best = np.arange(n)
    has = np.diff(indptr) > 0
    starts = indptr[:-1][has]
    neighbour_best = np.minimum.reduceat(rank[indices], starts) if len(indices) else np.zeros(0, np.int64)
    best[has] = order[np.minimum(neighbour_best, rank[has])]
    canon = best
    while True:
        nxt = best[canon]
        if np.array_equal(nxt, canon):
            return canon
        canon = nxt


def canonical_tokens(text: str, stem: bool = False) -> list[str]:
    """Case-folded words of `text`, each replaced by its synonym-group head (numbers are dropped).

    Deterministic for a given shipped thesaurus; a spun copy maps to (nearly) the same list as its
    original. Use ``stem=True`` to also merge affix variants (needs pysastrawi).
    """
    canon = _canonicalizer(stem)
    return [canon(t.norm) for t in words(text)]


def _canonicalizer(stem: bool) -> Callable[[str], str]:
    return _canonical_stem if stem else _canonical_word


@lru_cache(maxsize=200_000)
def _canonical_word(word: str) -> str:
    return load_thesaurus().canonical(word)


@lru_cache(maxsize=200_000)
def _canonical_stem(word: str) -> str:
    return _stem(_canonical_word(word))


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _stemmer().stem(word) or word


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    from saring.errors import require

    factory = require("Sastrawi.Stemmer.StemmerFactory", "core").StemmerFactory  # type: ignore[attr-defined]
    return factory().create_stemmer()
