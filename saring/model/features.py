"""Features: hashed word n-grams of the verdict-masked, distorted text, plus Saring's signal scores.

Hashing (CRC32 into `n_hash` buckets) needs no vocabulary file and is stable across Python runs.
The n-gram block is sublinear tf x idf, L2-normalised, so article length does not matter; buckets
seen in fewer than `min_df` training texts get idf 0 (story-specific words, which memorise topics).
Before n-gramming, words outside the model's common-word list are masked (`distort`), so the n-grams
describe how an article is written rather than which story it tells.
Signal scores are appended as extra columns (one per signal, order recorded in the model metadata),
centred on their training mean and scaled so their weights are comparable with n-gram weights.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from saring.model.distort import distort
from saring.model.text import tokens

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

TermFreq = tuple[np.ndarray, np.ndarray]  # (sorted bucket indices, sublinear term frequencies)


@dataclass(frozen=True, slots=True)
class FeatureSpec:
    """How texts become vectors; stored in the model JSON so inference rebuilds the same vector."""

    n_hash: int = 1 << 18
    max_n: int = 3  # on distorted text 1-3-grams beat 1-2 and matched 1-4 (docs/model.md)
    min_df: int = 5
    common_words: int = 1000  # words kept by `distort`; 1000-3000 measured alike, 300-500 worse
    signal_scale: float = 0.1  # chosen on Rahutomo CV (0, 0.1, 0.3, 1.0 tried; docs/model.md)


def feature_words(text: str, keep: frozenset[str]) -> list[str]:
    """The words the n-grams are made of: verdict-masked tokens, distorted when `keep` is given."""
    words = tokens(text)
    return distort(words, keep) if keep else words


def gram_buckets(words: list[str], max_n: int, n_hash: int) -> np.ndarray:
    """The bucket (CRC-32 of the UTF-8 n-gram "a b c", masked to `n_hash`) of every 1..max_n-gram of
    `words`: unigrams first, then bigrams, and so on (the order `gram_at` reads back).

    The n-gram strings are never built: CRC-32 can be continued (`zlib.crc32(data, crc)`), so the hash
    of "a b" is the hash of "a" continued over " b", and each word is encoded once.
    """
    encoded = [_encoded(w) for w in words]
    level = [crc for crc, _ in encoded]
    crcs = list(level)
    for n in range(2, max_n + 1):
        level = [zlib.crc32(encoded[i + n - 1][1], crc) for i, crc in enumerate(level[:-1])]
        crcs += level
    return np.array(crcs, dtype=np.int64) & (n_hash - 1)


def gram_at(words: list[str], index: int) -> str:
    """The n-gram at `index` of `gram_buckets` order (unigrams, then bigrams, ...), from the words."""
    n = 1
    while index >= len(words) - n + 1:
        index -= len(words) - n + 1
        n += 1
    return " ".join(words[index : index + n])


@lru_cache(maxsize=1 << 16)
def _encoded(word: str) -> tuple[int, bytes]:
    """A word's CRC-32 and its UTF-8 bytes after a space (how it continues an n-gram)."""
    data = word.encode("utf-8")
    return zlib.crc32(data), b" " + data


def article_text(title: str, text: str) -> str:
    return f"{title}\n{text}" if title else text


def term_freq(text: str, spec: FeatureSpec, keep: frozenset[str] = frozenset()) -> TermFreq:
    """(sorted buckets, sublinear term frequency): the same computation training and inference use."""
    buckets = gram_buckets(feature_words(text, keep), spec.max_n, spec.n_hash)
    idx, counts = np.unique(buckets, return_counts=True)
    return idx, 1.0 + np.log(counts)


def fit_idf(tfs: list[TermFreq], spec: FeatureSpec) -> np.ndarray:
    """Smoothed idf per bucket, 0 where the document frequency is below `min_df`."""
    df = np.zeros(spec.n_hash, dtype=np.float64)
    for idx, _ in tfs:
        df[idx] += 1
    idf = np.log((1.0 + len(tfs)) / (1.0 + df)) + 1.0
    idf[df < spec.min_df] = 0.0
    return idf


def tfidf(tf: TermFreq, idf: np.ndarray) -> TermFreq:
    """(indices, values) of the L2-normalised tf-idf vector; zero-idf buckets dropped."""
    idx, freq = tf
    values = freq * idf[idx]
    keep = values > 0
    idx, values = idx[keep], values[keep]
    norm = float(np.sqrt(values @ values))
    return idx, values / norm if norm > 0 else values


def design_matrix(
    tfs: list[TermFreq], idf: np.ndarray, signals: np.ndarray, signal_mean: np.ndarray, spec: FeatureSpec
) -> csr_matrix:
    """Rows = texts: the n-gram block, then one column per signal (`signals` is n_texts x n_signals)."""
    from scipy.sparse import csr_matrix, hstack

    vectors = [tfidf(tf, idf) for tf in tfs]
    indptr = np.cumsum([0] + [len(i) for i, _ in vectors])
    indices = np.concatenate([i for i, _ in vectors]) if vectors else np.zeros(0, dtype=np.int64)
    data = np.concatenate([v for _, v in vectors]) if vectors else np.zeros(0)
    grams = csr_matrix((data, indices, indptr), shape=(len(tfs), spec.n_hash))
    if signals.shape[1] == 0:
        return grams
    return hstack([grams, csr_matrix((signals - signal_mean) * spec.signal_scale)], format="csr")
