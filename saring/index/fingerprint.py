"""What the index keeps per article to find it again: a MinHash signature, its LSH band buckets
and passage anchors, all over the canonical form (see `canonical.py`).

The band buckets make near-duplicate search a plain indexed lookup in any SQL database (no
in-memory LSH to rebuild per process). Anchors find partial copies that share too little of the
whole text for MinHash: the hashes of the ANCHOR-word windows whose hash falls in a fixed 1/SAMPLE
of the hash space. The choice depends only on the words, not on where sentences or paragraphs were
cut, so a copied run of 20 words holds a shared anchor with probability 1 - (1 - 1/SAMPLE)^13 = 0.98.
Parameters were chosen by measurement (docs/index.md, `benchmarks/provenance_eval.py --sweep`);
changing any of them means rebuilding the stored signatures, buckets and anchors.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from saring.article import Article
from saring.index.canonical import canonical_of, surface_tokens
from saring.nlp.sentences import split_sentences

SHINGLE = 3  # words per shingle
NUM_PERM = 126
BANDS = 42  # of 3 rows: finds 99.8% of 40%-spun copies by bucket alone, 0.3 false candidates a query
SEED = 1
MIN_SHINGLES = 5  # fewer (near-empty texts) would all share every bucket
ANCHOR = 8  # words per anchor window
SAMPLE = 4  # one window in SAMPLE (by hash) is an anchor

# Fixed odd 64-bit multipliers that mix word ids into window hashes and band rows into bucket keys.
_MIX = np.random.default_rng(20190918).integers(1, 2**63, size=ANCHOR + NUM_PERM // BANDS, dtype=np.uint64)
_MIX |= np.uint64(1)


@dataclass(slots=True)
class Tokens:
    """A text's sentences with their surface and canonical words: computed once, used by every step."""

    spans: list[tuple[int, int]]
    surface: list[list[str]]
    canon: list[list[str]]  # one canonical word per surface word

    def all_canon(self) -> list[str]:
        return [t for sentence in self.canon for t in sentence]

    def all_surface(self) -> list[str]:
        return [t for sentence in self.surface for t in sentence]

    def without(self, positions: set[int]) -> Tokens:
        """The same sentences without the words at `positions` (indices into `all_canon()`)."""
        surface, canon, start = [], [], 0
        for s, c in zip(self.surface, self.canon, strict=True):
            keep = [i for i in range(len(c)) if start + i not in positions]
            surface.append([s[i] for i in keep])
            canon.append([c[i] for i in keep])
            start += len(c)
        return Tokens(self.spans, surface, canon)


@dataclass(slots=True)
class Fingerprint:
    content_hash: bytes
    n_tokens: int
    signature: bytes  # NUM_PERM little-endian uint32
    buckets: list[int]  # one signed 64-bit key per band (empty for near-empty texts)
    anchors: list[int]  # distinct signed 64-bit anchor hashes


def tokens_of(text: str) -> Tokens:
    spans = split_sentences(text)
    surface = [surface_tokens(text[start:end]) for start, end in spans]
    return Tokens(spans, surface, [canonical_of(s) for s in surface])


def content_hash(article: Article) -> bytes:
    """The unique key that makes indexing idempotent: same title, text and URL -> same row."""
    key = "\0".join((article.title, article.text, article.url or ""))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).digest()


class _WordIds(dict[str, int]):
    """word -> stable 64-bit id (Python's own str hash changes from process to process)."""

    def __missing__(self, word: str) -> int:
        digest = hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest()
        self[word] = value = int.from_bytes(digest, "little")
        return value


_WORD_IDS = _WordIds()


def shingles(tokens: Sequence[str], k: int = SHINGLE) -> set[str]:
    """Word k-grams as strings (for exact comparison of a few texts)."""
    if len(tokens) < k:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + k]) for i in range(len(tokens) - k + 1)}


def word_ids(tokens: Sequence[str]) -> np.ndarray:
    return np.fromiter(map(_WORD_IDS.__getitem__, tokens), dtype=np.uint64, count=len(tokens))


def window_hashes(ids: np.ndarray, k: int) -> np.ndarray:
    """64-bit hash of every k-word window of `word_ids`, in order (vectorised: runs for every article).

    A text shorter than k words gives one window of all its words; an empty text gives none.
    """
    if 0 < len(ids) < k:
        ids = np.concatenate([ids, np.zeros(k - len(ids), np.uint64)])
    n = max(len(ids) - k + 1, 0)
    mixed = np.zeros(n, np.uint64)
    with np.errstate(over="ignore"):
        for i in range(k):
            mixed += ids[i : i + n] * _MIX[i]
        mixed ^= mixed >> np.uint64(29)
    return mixed


def shingle_hashes(ids: np.ndarray) -> np.ndarray:
    """Distinct hashes of the word SHINGLE-grams: the set MinHash summarises."""
    return np.unique(window_hashes(ids, SHINGLE))


def anchors(ids: np.ndarray) -> list[tuple[int, int]]:
    """(position of the first word, signed hash) of each anchor window of `word_ids`."""
    hashes = window_hashes(ids, ANCHOR)
    positions = np.flatnonzero((hashes >> np.uint64(40)) % np.uint64(SAMPLE) == 0)
    return list(zip(positions.tolist(), hashes[positions].view(np.int64).tolist(), strict=True))


def signatures(hash_sets: Sequence[np.ndarray]) -> np.ndarray:
    """(n, NUM_PERM) uint32 MinHash signatures, computed in one call to rensa."""
    from rensa import RMinHash

    if not hash_sets:
        return np.zeros((0, NUM_PERM), dtype=np.uint32)
    offsets = np.cumsum([0, *map(len, hash_sets)], dtype=np.uint64)
    flat = np.concatenate(hash_sets) if offsets[-1] else np.zeros(0, np.uint64)
    matrix = RMinHash.digest_matrix_from_flat_token_hashes(flat, offsets, NUM_PERM, SEED)
    return np.asarray(matrix.to_rows(), dtype=np.uint32).reshape(len(hash_sets), NUM_PERM)


def band_buckets(sigs: np.ndarray) -> np.ndarray:
    """(n, BANDS) signed 64-bit bucket keys: each band's rows mixed together with the band number."""
    rows = sigs.reshape(len(sigs), BANDS, NUM_PERM // BANDS).astype(np.uint64)
    with np.errstate(over="ignore"):
        keys = (rows * _MIX[ANCHOR:]).sum(axis=2, dtype=np.uint64)
        keys ^= np.arange(BANDS, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        keys ^= keys >> np.uint64(31)
        keys *= np.uint64(0xBF58476D1CE4E5B9)
        keys ^= keys >> np.uint64(29)
    signed: np.ndarray = keys.view(np.int64)
    return signed


def canonical_words(text: str) -> list[str]:
    """All canonical words of `text` (what `tokens_of(text).all_canon()` gives, without sentences)."""
    return canonical_of(surface_tokens(text))


def fingerprint_many(articles: Sequence[Article], canon: Sequence[list[str]] | None = None,
                     ) -> list[Fingerprint]:
    """Fingerprints of a batch of cleaned articles (batching amortises the MinHash call).

    `canon`: the articles' canonical words when the caller has them already.
    """
    canon = canon if canon is not None else [canonical_words(a.text) for a in articles]
    ids = [word_ids(c) for c in canon]
    hash_sets = [shingle_hashes(i) for i in ids]
    sigs = signatures(hash_sets)
    buckets = band_buckets(sigs)
    return [
        Fingerprint(
            content_hash=content_hash(article),
            n_tokens=len(canon[n]),
            signature=sigs[n].astype("<u4").tobytes(),
            buckets=buckets[n].tolist() if len(hash_sets[n]) >= MIN_SHINGLES else [],
            anchors=sorted({h for _, h in anchors(ids[n])}),
        )
        for n, article in enumerate(articles)
    ]


def signature_array(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4")
