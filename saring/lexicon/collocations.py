"""Which synonym fits a context: bigram statistics over the thesaurus, scored in one numpy pass.

For a word `w` between `p` and `n`, every candidate `x` in {w} + synonyms(w) gets the bigram
language-model score of the sequence "p x n" (Dirichlet-smoothed towards unigram frequency):

    S(x) = log(c(p,x) + mu*P(x)) + log(c(x,n) + mu*P(n)) - log(c(x) + mu)

i.e. log P(x|p) + log P(n|x) up to a constant. `suspicion = max over synonyms S(s) - S(w)` is in
nats: how much likelier the text would be with the best synonym in place of the word written.
"serangan hawa ," scores about 7.5 (e^7.5 = 1,900 times likelier as "serangan udara ,"). A rare
synonym choice in a neutral context ("lantaran" for "karena") is caught by the P(x) part. The
right-hand factor is left out when the next token is unknown to the statistics.

Candidates come from a word graph: the mythes-id synonyms plus the affix and abbreviation variants
found in the corpus (`variants.py`: "alami" / "mengalami", "th" / "tahun"). The statistics live in
`saring/signals/data/spin_bigrams.npz` (`python -m saring.signals.build_spin`) together with that
graph; ids below `len(thesaurus.words)` are graph words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from saring.lexicon.counts import KEY_BITS, Counts
from saring.lexicon.keytable import KeyTable
from saring.lexicon.npz import open_artefact, pack_words, unpack_words
from saring.lexicon.thesaurus import Thesaurus, graph_arrays, graph_from_arrays
from saring.lexicon.tokens import BOUNDARY, Token
from saring.messages import msg

ARTEFACT = "spin_bigrams.npz"
GRAPH = "graph_"  # key prefix of the embedded word graph
UNKNOWN = -1
KN_DISCOUNT = 0.75  # the usual absolute discount of Kneser-Ney smoothing


@dataclass(frozen=True, slots=True)
class Suspicions:
    """Per eligible token: its position in the token list, suspicion (nats), best synonym id, and the
    corpus counts an explanation compares: c(prev, best), c(prev, word), c(best, next), c(word, next)."""

    positions: np.ndarray
    suspicion: np.ndarray
    best: np.ndarray
    pair_counts: np.ndarray  # shape (len(positions), 4)
    n_tokens: int


@dataclass(frozen=True, slots=True)
class Collocations:
    thesaurus: Thesaurus  # the graph of compared words: synonyms and form variants
    words: list[str]  # thesaurus words first (same ids), then context-only words
    index: dict[str, int]
    unigrams: np.ndarray  # float64 counts per id
    keys: np.ndarray  # sorted bigram keys left << shift | right: uint32 (shift 16) while ids fit 16 bits
    counts: np.ndarray  # float64 per key
    total: float
    # Candidates of thesaurus word w: cand_flat[cand_start[w] : cand_start[w + 1]], the word itself first,
    # then its synonyms seen in the corpus (an unseen word is never "more usual").
    cand_start: np.ndarray
    cand_flat: np.ndarray
    table: KeyTable  # where each bigram key sits in `keys`, by hashing (`bigram` is called per article)
    after: np.ndarray  # float64 per id: distinct words seen after it (before pruning)
    before: np.ndarray  # float64 per id: distinct words seen before it
    _smoothing: dict[float, tuple[np.ndarray, np.ndarray, np.ndarray]] = field(default_factory=dict)

    @classmethod
    def create(
        cls,
        thesaurus: Thesaurus,
        words: list[str],
        unigrams: np.ndarray,
        keys: np.ndarray,
        counts: np.ndarray,
        after: np.ndarray,
        before: np.ndarray,
    ) -> Collocations:
        keys = keys.astype(np.uint32 if _shift(len(words)) == 16 else np.uint64)
        seen = unigrams[thesaurus.indices] > 0
        n_words = len(thesaurus.words)
        row = np.repeat(np.arange(n_words), np.diff(thesaurus.indptr))
        sizes = np.bincount(row[seen], minlength=n_words) + 1
        cand_start = np.zeros(n_words + 1, dtype=np.int64)
        np.cumsum(sizes, out=cand_start[1:])
        is_word = np.zeros(cand_start[-1], dtype=bool)
        is_word[cand_start[:-1]] = True
        cand_flat = np.empty(cand_start[-1], dtype=np.int64)
        cand_flat[is_word] = np.arange(n_words)
        cand_flat[~is_word] = thesaurus.indices[seen]
        index = {w: i for i, w in enumerate(words)}
        total = float(unigrams.sum())
        table = KeyTable.build(keys)
        types = (after.astype(np.float64), before.astype(np.float64))
        return cls(
            thesaurus, words, index, unigrams, keys, counts, total, cand_start, cand_flat, table, *types
        )

    @classmethod
    def from_counts(cls, counts: Counts, thesaurus: Thesaurus) -> Collocations:
        """Re-index corpus counts so thesaurus words keep their thesaurus ids."""
        extra = [w for w in counts.words if w not in thesaurus.index]
        words = [*thesaurus.words, *extra]
        position = {w: i for i, w in enumerate(words)}
        remap = np.array([position[w] for w in counts.words], dtype=np.int64)
        unigrams, after, before = np.zeros(len(words)), np.zeros(len(words)), np.zeros(len(words))
        unigrams[remap], after[remap], before[remap] = counts.unigrams, counts.after, counts.before
        left = remap[(counts.keys >> np.uint64(KEY_BITS)).astype(np.int64)]
        right = remap[(counts.keys & np.uint64((1 << KEY_BITS) - 1)).astype(np.int64)]
        keys = (left << _shift(len(words))) | right
        order = np.argsort(keys)
        bigrams = counts.bigrams[order].astype(np.float64)
        return cls.create(thesaurus, words, unigrams, keys[order], bigrams, after, before)

    def ids(self, tokens: list[Token]) -> np.ndarray:
        get = self.index.get
        return np.array([get(t.norm, UNKNOWN) for t in tokens], dtype=np.int64)

    def bigram(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """c(left, right) for id arrays (0 where unseen or either side is unknown)."""
        shift = _shift(len(self.words))
        at = self.table.find((np.maximum(left, 0) << shift) | np.maximum(right, 0))
        hit = (at >= 0) & (left >= 0) & (right >= 0)
        return np.where(hit, self.counts[at], 0.0)

    def suspicions(self, ids: np.ndarray, positions: np.ndarray, mu: float) -> Suspicions:
        """Score the thesaurus words at `positions` of the token-id sequence `ids` against their synonyms.

        `mu` is the Dirichlet prior strength (larger: unseen bigrams count for less).
        """
        w = ids[positions]
        sizes = self.cand_start[w + 1] - self.cand_start[w]
        n_cand = int(sizes.sum())
        if n_cand == len(w):  # nothing to compare with
            return Suspicions(positions[:0], np.zeros(0), np.zeros(0, np.int64), np.zeros((0, 4)), len(ids))
        boundary = self.index[BOUNDARY]
        padded = np.concatenate(([boundary], ids, [boundary]))
        starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
        cand = self.cand_flat[np.repeat(self.cand_start[w] - starts, sizes) + np.arange(n_cand)]
        score, c_left, c_right = self._score(
            cand, np.repeat(padded[positions], sizes), np.repeat(padded[positions + 2], sizes), mu
        )
        others = score.copy()
        others[starts] = -np.inf  # the word itself is not its own synonym
        best_score = np.maximum.reduceat(others, starts)
        first_best = np.where(others == np.repeat(best_score, sizes), np.arange(n_cand), n_cand)
        best_at = np.minimum.reduceat(first_best, starts)
        keep = sizes > 1
        suspicion = (best_score - score[starts])[keep]
        word_at, best_at = starts[keep], best_at[keep]
        pairs = np.stack((c_left[best_at], c_left[word_at], c_right[best_at], c_right[word_at]), axis=1)
        return Suspicions(positions[keep], suspicion, cand[best_at], pairs, len(ids))

    def _score(
        self, x: np.ndarray, prev: np.ndarray, nxt: np.ndarray, mu: float
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Score of each candidate `x` in its context, and the bigram counts c(prev, x), c(x, next)."""
        both = self.bigram(np.concatenate((prev, x)), np.concatenate((x, nxt)))  # one lookup
        c_left, c_right = both[: len(x)], both[len(x) :]
        mu_prior, mu_next, log_norm = self._smoothed(mu)
        left = np.log(c_left + mu_prior[x])
        known = nxt >= 0
        right = np.log(c_right + np.where(known, mu_next[np.maximum(nxt, 0)], 0.0) + 1e-12) - log_norm[x]
        return left + np.where(known, right, 0.0), c_left, c_right

    def _smoothed(self, mu: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per word id: mu * P(x) with P(x) = (c(x) + 0.5) / total, mu * c(x) / total, log(c(x) + mu).

        Computed once per `mu` (the same float operations as per candidate, so scores do not change):
        per article that saved ~0.05 ms of the spin signal's 0.9.
        """
        if mu not in self._smoothing:
            u = self.unigrams
            self._smoothing[mu] = (mu * ((u + 0.5) / self.total), mu * (u / self.total), np.log(u + mu))
        return self._smoothing[mu]

    def misfits(self, ids: np.ndarray, positions: np.ndarray) -> np.ndarray:
        """How badly each word at `positions` fits its neighbours, whatever its synonyms (nats).

        Interpolated Kneser-Ney bigrams, both directions: `log P(w | prev) - log Pcont(w)` says how much
        the left neighbour favours `w` over its usual share of contexts. An unseen pair scores the
        neighbour's back-off weight `d * types / count`: very negative after a selective word ("lalu"
        before 'akan'/'lintas'), near zero after an open one. Misfit = -(left + right): high when both
        neighbours are selective and `w` is not among their usual company ("serangan hawa ,").
        Unknown neighbours contribute 0; an unknown word gets the continuation share of a single pair.
        """
        boundary = self.index[BOUNDARY]
        padded = np.concatenate(([boundary], ids, [boundary]))
        w, prev, nxt = ids[positions], padded[positions], padded[positions + 2]
        both = self.bigram(np.concatenate((prev, w)), np.concatenate((w, nxt)))
        types = float(self.after.sum()) or 1.0
        known = w >= 0
        share_l = np.where(known, self.before[np.maximum(w, 0)], 0.0).clip(0.5) / types
        share_r = np.where(known, self.after[np.maximum(w, 0)], 0.0).clip(0.5) / types
        left = self._kn_gain(both[: len(w)], prev, self.after, share_l)
        right = self._kn_gain(both[len(w) :], nxt, self.before, share_r)
        fit: np.ndarray = -(left + right)
        return fit

    def _kn_gain(
        self, pair: np.ndarray, context: np.ndarray, context_types: np.ndarray, share: np.ndarray
    ) -> np.ndarray:
        """log P_KN(w | context) - log Pcont(w), 0 where the context word is unknown."""
        c = np.maximum(context, 0)
        count = self.unigrams[c]
        ok = (context >= 0) & (count > 0)
        count = np.where(ok, count, 1.0)
        seen = np.maximum(pair - KN_DISCOUNT, 0.0) / (count * share)
        backoff = KN_DISCOUNT * context_types[c] / count
        return np.where(ok, np.log(np.where(ok, seen + backoff, 1.0)), 0.0)

    def usual_between(self, prev: str, nxt: str) -> str | None:
        """The word ordinary news most often writes after `prev` and before `nxt` (for explanations)."""
        p, n = self.index.get(prev, UNKNOWN), self.index.get(nxt, UNKNOWN)
        if p < 0:
            return None
        shift = _shift(len(self.words))
        lo, hi = np.searchsorted(self.keys, [p << shift, (p + 1) << shift])
        if lo == hi:
            return None
        followers = (self.keys[lo:hi] & ((1 << shift) - 1)).astype(np.int64)
        right = self.bigram(followers, np.full(len(followers), n)) if n >= 0 else 1.0
        score = self.counts[lo:hi] * right / np.maximum(self.unigrams[followers], 1.0)
        if not score.any():
            score = self.counts[lo:hi]
        return self.words[int(followers[np.argmax(score)])]

    def count(self, word: str) -> int:
        i = self.index.get(word)
        return 0 if i is None else int(self.unigrams[i])

    def pairs(self, pairs: list[tuple[str, str]]) -> list[int]:
        """Corpus counts of word pairs, in one lookup."""
        get = self.index.get
        left = np.array([get(a, UNKNOWN) for a, _ in pairs], dtype=np.int64)
        right = np.array([get(b, UNKNOWN) for _, b in pairs], dtype=np.int64)
        return [int(c) for c in self.bigram(left, right)]

    def pair(self, left: str, right: str) -> int:
        return self.pairs([(left, right)])[0]


def _shift(n_words: int) -> int:
    """Bits for the right-hand id in a bigram key: 16 (uint32 keys, half the memory) when ids fit."""
    return 16 if n_words <= 1 << 16 else KEY_BITS


def save_collocations(col: Collocations, path: Path) -> None:
    """One self-contained file: the graph of compared words (ids shared with the counts) and the counts."""
    arrays: dict[str, Any] = {  # Any: numpy's stub types **kwds like allow_pickle
        "extra_words": pack_words(col.words[len(col.thesaurus.words) :]),
        "unigrams": col.unigrams.astype(np.uint32),
        "keys": col.keys,
        "counts": np.minimum(col.counts, np.iinfo(np.uint16).max).astype(np.uint16),
        "after": col.after.astype(np.uint32),
        "before": col.before.astype(np.uint32),
        **graph_arrays(col.thesaurus, GRAPH),
    }
    np.savez_compressed(path, **arrays)


def read_collocations(path: Path) -> Collocations:
    with open_artefact(path, msg("errors.label.spin_statistics")) as z:
        graph = graph_from_arrays(z, GRAPH)
        words = [*graph.words, *unpack_words(z["extra_words"])]
        unigrams = z["unigrams"].astype(np.float64)
        counts = z["counts"].astype(np.float64)
        return Collocations.create(graph, words, unigrams, z["keys"], counts, z["after"], z["before"])


@lru_cache(maxsize=1)
def load_collocations() -> Collocations:
    """The shipped statistics (loaded once per process)."""
    with resources.as_file(resources.files("saring.signals") / "data" / ARTEFACT) as path:
        return read_collocations(path)
