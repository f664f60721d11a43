"""Text distortion: uncommon (story) words and numbers are masked, common words are kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from saring.model.distort import MASK, NUMBER, common_words, distort
from saring.model.features import FeatureSpec, feature_words
from saring.model.text import tokens
from tests.model.test_features import ngrams


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ikan lele mengandung 3000 sel kanker, kata dokter", ["*", "*", "*", "#", "*", "*", "kata", "*"]),
        ("Yang beredar itu tidak benar", ["yang", "beredar", "itu"]),  # verdict phrase masked first
    ],
)
def test_distort_masks_words_outside_the_list(text: str, expected: list[str]) -> None:
    keep = frozenset({"yang", "beredar", "itu", "kata", "tidak"})
    assert distort(tokens(text), keep) == expected
    assert feature_words(text, keep) == expected


@pytest.mark.parametrize("max_n", [3])
def test_distort_ngrams_are_patterns(max_n: int) -> None:
    grams = ngrams("kata dokter kepada wartawan", max_n, frozenset({"kata", "kepada"}))
    assert "kata * kepada" in grams and "dokter" not in " ".join(grams)


@pytest.mark.parametrize("k", [FeatureSpec().common_words])
def test_distort_common_words_of_ordinary_news(data_dir: Path, k: int) -> None:
    words = common_words(data_dir, k)
    assert len(words) == k and words[:3] == ["yang", "di", "dan"]
    assert {"kata", "menurut", "tidak"} <= set(words)
    assert not {"lele", "pokemon", "traveloka", "hoaks", MASK, NUMBER} & set(words)
