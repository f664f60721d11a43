"""Feature hashing: the fast inference path gives exactly the buckets of the n-gram strings."""

from __future__ import annotations

from pathlib import Path

import pytest

from saring.model.features import bucket, gram_at, gram_buckets, ngrams
from saring.model.text import tokens


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
