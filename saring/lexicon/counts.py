"""Unigram and bigram counts over a corpus, pruned to what the spin checks need (build time only).

Counting runs over integer ids so that 7M tokens fit in a few numpy arrays. Every text is framed by
boundaries, so "first word" and "last word" are ordinary bigrams with `BOUNDARY`. Pruning keeps a
bigram only if one side is a kept word and it was seen at least `min_count` times; the vocabulary
then shrinks to the kept words and those the kept bigrams use. The number of distinct neighbours of
each word is counted before pruning (the smoothing needs it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from saring.lexicon.tokens import BOUNDARY, tokenize

KEY_BITS = 21  # bigram key = left_id << KEY_BITS | right_id; vocabularies stay below 2**21 words


@dataclass(slots=True)
class Counts:
    """Vocabulary with unigram counts and sorted bigram keys with their counts."""

    words: list[str]
    unigrams: np.ndarray  # int64 per word id
    keys: np.ndarray  # uint64, sorted: left_id << KEY_BITS | right_id
    bigrams: np.ndarray  # int64 per key
    # Per word id, over all bigrams before pruning: how many distinct words follow it / precede it
    # (the Kneser-Ney continuation counts: a context that admits few words is selective).
    after: np.ndarray
    before: np.ndarray

    def index(self) -> dict[str, int]:
        return {w: i for i, w in enumerate(self.words)}


def count_texts(texts: Iterable[str]) -> Counts:
    """Count unigrams and bigrams of the tokens of `texts` (each framed by boundaries)."""
    ids: dict[str, int] = {BOUNDARY: 0}
    chunks: list[np.ndarray] = []
    for text in texts:
        seq = [0] + [ids.setdefault(t.norm, len(ids)) for t in tokenize(text)] + [0]
        chunks.append(np.asarray(seq, dtype=np.int64))
    words = list(ids)
    if len(words) >= 1 << KEY_BITS:
        raise ValueError(f"vocabulary of {len(words)} words does not fit {KEY_BITS}-bit ids")
    unigrams = np.bincount(np.concatenate(chunks), minlength=len(words)) if chunks else np.zeros(1, np.int64)
    pairs = [(c[:-1] << KEY_BITS) | c[1:] for c in chunks if len(c) > 1]
    keys, counts = (
        np.unique(np.concatenate(pairs), return_counts=True) if pairs else (np.zeros(0, np.int64),) * 2
    )
    left, right = keys >> KEY_BITS, keys & ((1 << KEY_BITS) - 1)
    after = np.bincount(left, minlength=len(words))
    before = np.bincount(right, minlength=len(words))
    return Counts(words, unigrams, keys.astype(np.uint64), counts.astype(np.int64), after, before)


def prune(counts: Counts, keep_words: set[str], min_count: int) -> Counts:
    """Keep bigrams touching `keep_words` seen >= `min_count` times; re-index a smaller vocabulary."""
    keep = np.zeros(len(counts.words), dtype=bool)
    keep[[i for i, w in enumerate(counts.words) if w in keep_words]] = True
    keep[0] = True  # the boundary is always needed
    left = (counts.keys >> np.uint64(KEY_BITS)).astype(np.int64)
    right = (counts.keys & np.uint64((1 << KEY_BITS) - 1)).astype(np.int64)
    sel = (counts.bigrams >= min_count) & (keep[left] | keep[right])
    used = keep.copy()
    used[left[sel]] = True
    used[right[sel]] = True
    old_ids = np.flatnonzero(used)
    new_id = np.full(len(counts.words), -1, dtype=np.int64)
    new_id[old_ids] = np.arange(len(old_ids))
    keys = (new_id[left[sel]] << KEY_BITS) | new_id[right[sel]]
    order = np.argsort(keys, kind="stable")
    return Counts(
        words=[counts.words[i] for i in old_ids],
        unigrams=counts.unigrams[old_ids],
        keys=keys[order].astype(np.uint64),
        bigrams=counts.bigrams[sel][order],
        after=counts.after[old_ids],
        before=counts.before[old_ids],
    )
