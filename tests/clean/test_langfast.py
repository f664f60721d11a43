"""The vectorised language identifier gives py3langid's exact rankings (scores bitwise equal)."""

from __future__ import annotations

import random
from collections import Counter
from functools import lru_cache
from typing import Any

import numpy as np
import pytest

from saring.clean.langfast import FastIdentifier, counted
from tests.conftest import RESOURCES, SEED_000, SEED_002


@lru_cache(maxsize=1)
def _pair() -> tuple[Any, Any]:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return (
        LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True),
        FastIdentifier.from_model_file(MODEL_FILE, norm_probs=True),
    )


def _real_texts() -> list[str]:
    files = [RESOURCES / n for n in ("english.txt", "batch_sentences.txt", "cp1252_article.txt")]
    return [
        p.read_text(encoding="utf-8", errors="replace") for p in [*files, SEED_000, SEED_002] if p.exists()
    ]


def _odd_texts() -> list[str]:
    rng = random.Random(42)
    texts = ["", "a", "AB CD", "12345", "\U0001f600 \u00e9\u00e8", "\ud800 lone surrogate"]
    return texts + [
        "".join(chr(rng.randrange(32, 0x3000)) for _ in range(rng.randrange(0, 60))) for _ in range(300)
    ]


@pytest.mark.parametrize("texts", [_real_texts(), _odd_texts()], ids=["real", "odd"])
def test_langfast_rank_equals_py3langid(texts: list[str]) -> None:
    stock, fast = _pair()
    assert [fast.rank(t) for t in texts] == [stock.rank(t) for t in texts]


def test_langfast_depth_is_the_longest_feature() -> None:
    assert _pair()[1]._depth == 6  # the shipped model's n-grams are at most 6 bytes


@pytest.mark.parametrize("texts", [_real_texts(), _odd_texts()], ids=["real", "odd"])
def test_langfast_top_equals_rank(texts: list[str]) -> None:
    fast = _pair()[1]
    for text in texts:
        ranked = fast.rank(text)
        assert fast.top(text, "id", "ms") == (*ranked[0], (dict(ranked)["id"], dict(ranked)["ms"]))


@pytest.mark.parametrize("n", [1, 2, 7, 600])
def test_langfast_counted_is_in_counter_order(n: int) -> None:
    features = np.random.default_rng(n).integers(0, 50, n)
    unique, counts = counted(features)
    expected = Counter(features.tolist())
    assert unique.tolist() == list(expected)
    assert counts.tolist() == list(expected.values())
