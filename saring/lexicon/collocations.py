"""Which synonym fits a context: bigram statistics over the thesaurus, scored in one numpy pass.

For a word `w` between `p` and `n`, every candidate `x` in {w} + synonyms(w) gets the bigram
language-model score of the sequence "p x n" (Dirichlet-smoothed towards unigram frequency):

    S(x) = log(c(p,x) + mu*P(x)) + log(c(x,n) + mu*P(n)) - log(c(x) + mu)

i.e. log P(x|p) + log P(n|x) up to a constant. `suspicion = max over synonyms S(s) - S(w)` is in
nats: how much likelier the text would be with the best synonym in place of the word written.
"serangan hawa ," scores about 7.5 (e^7.5 = 1,900 times likelier as "serangan udara ,"). A rare
synonym choice in a neutral context ("lantaran" for "karena") is caught by the P(x) part. The
right-hand factor is left out when the next token is unknown to the statistics.

The statistics live in `saring/signals/data/spin_bigrams.npz` (`python -m saring.signals.build_spin`)
and share word ids with the thesaurus: ids below `len(thesaurus.words)` are thesaurus words.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from saring.lexicon.counts import KEY_BITS, Counts
from saring.lexicon.keytable import KeyTable
from saring.lexicon.npz import open_artefact, pack_words, unpack_words
from saring.lexicon.thesaurus import Thesaurus, load_thesaurus
from saring.lexicon.tokens import BOUNDARY, Token

ARTEFACT = "spin_bigrams.npz"
UNKNOWN = -1


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
    thesaurus: Thesaurus
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
    _smoothing: dict[float, tuple[np.ndarray, np.ndarray, np.ndarray]] = field(default_factory=dict)

    @classmethod
    def create(
        cls,
        thesaurus: Thesaurus,
        words: list[str],
        unigrams: np.ndarray,
        keys: np.ndarray,
        counts: np.ndarray,
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
        return cls(thesaurus, words, index, unigrams, keys, counts, total, cand_start, cand_flat, table)

    @classmethod
    def from_counts(cls, counts: Counts, thesaurus: Thesaurus) -> Collocations:
        """Re-index corpus counts so thesaurus words keep their thesaurus ids."""
        extra = [w for w in counts.words if w not in thesaurus.index]
        words = [*thesaurus.words, *extra]
        position = {w: i for i, w in enumerate(words)}
        remap = np.array([position[w] for w in counts.words], dtype=np.int64)
        unigrams = np.zeros(len(words))
        unigrams[remap] = counts.unigrams
        left = remap[(counts.keys >> np.uint64(KEY_BITS)).astype(np.int64)]
        right = remap[(counts.keys & np.uint64((1 << KEY_BITS) - 1)).astype(np.int64)]
        keys = (left << _shift(len(words))) | right
        order = np.argsort(keys)
        return cls.create(thesaurus, words, unigrams, keys[order], counts.bigrams[order].astype(np.float64))

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


def thesaurus_digest(thesaurus: Thesaurus) -> str:
    """Identifies the word ids the statistics were built against."""
    return hashlib.sha256("\n".join(thesaurus.words).encode("utf-8")).hexdigest()[:16]


def save_collocations(col: Collocations, path: Path) -> None:
    np.savez_compressed(
        path,
        extra_words=pack_words(col.words[len(col.thesaurus.words) :]),
        unigrams=col.unigrams.astype(np.uint32),
        keys=col.keys,
        counts=np.minimum(col.counts, np.iinfo(np.uint16).max).astype(np.uint16),
        thesaurus=np.frombuffer(thesaurus_digest(col.thesaurus).encode("ascii"), dtype=np.uint8),
    )


def read_collocations(path: Path, thesaurus: Thesaurus) -> Collocations:
    with open_artefact(path, "spin statistics") as z:
        if z["thesaurus"].tobytes().decode("ascii") != thesaurus_digest(thesaurus):
            raise ValueError("built against another thesaurus")
        words = [*thesaurus.words, *unpack_words(z["extra_words"])]
        unigrams = z["unigrams"].astype(np.float64)
        counts = z["counts"].astype(np.float64)
        return Collocations.create(thesaurus, words, unigrams, z["keys"], counts)


@lru_cache(maxsize=1)
def load_collocations() -> Collocations:
    """The shipped statistics (loaded once per process)."""
    with resources.as_file(resources.files("saring.signals") / "data" / ARTEFACT) as path:
        return read_collocations(path, load_thesaurus())
