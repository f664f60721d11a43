"""Feature hashing: `gram_buckets` gives exactly the CRC-32 buckets of the n-gram strings."""

from __future__ import annotations

import math
import zlib
from pathlib import Path

import pytest

from saring.model.features import FeatureSpec, feature_words, gram_at, gram_buckets, term_freq
from saring.model.text import tokens


def ngrams(text: str, max_n: int, keep: frozenset[str] = frozenset()) -> list[str]:
    """The n-gram strings the buckets stand for, built the plain way (the reference)."""
    words = feature_words(text, keep)
    return [" ".join(words[i : i + n]) for n in range(1, max_n + 1) for i in range(len(words) - n + 1)]


def bucket(gram: str, n_hash: int) -> int:
    return zlib.crc32(gram.encode("utf-8")) & (n_hash - 1)


@pytest.mark.parametrize("max_n", [1, 2, 3, 4])
def test_features_gram_buckets_equal_buckets_of_ngram_strings(seed_000: Path, max_n: int) -> None:
    text = seed_000.read_text(encoding="utf-8")
    grams = ngrams(text, max_n)
    words = tokens(text)
    assert gram_buckets(words, max_n, 1 << 18).tolist() == [bucket(g, 1 << 18) for g in grams]
    assert [gram_at(words, i) for i in range(len(grams))] == grams


@pytest.mark.parametrize("words", [[], ["satu"], ["satu", "dua"], ["kata", "menteri", "é", "日本"]])
def test_features_gram_buckets_short_and_non_ascii(words: list[str]) -> None:
    grams = [*words, *(" ".join(words[i : i + 2]) for i in range(len(words) - 1))]
    assert gram_buckets(words, 2, 1 << 10).tolist() == [bucket(g, 1 << 10) for g in grams]


def test_features_term_freq_counts_the_ngram_buckets(seed_000: Path) -> None:
    text, spec = seed_000.read_text(encoding="utf-8"), FeatureSpec()
    keep = frozenset({"yang", "kata", "di"})
    buckets = [bucket(g, spec.n_hash) for g in ngrams(text, spec.max_n, keep)]
    idx, tf = term_freq(text, spec, keep)
    assert idx.tolist() == sorted(set(buckets))
    assert tf.tolist() == pytest.approx([1.0 + math.log(buckets.count(b)) for b in idx.tolist()], rel=1e-15)
