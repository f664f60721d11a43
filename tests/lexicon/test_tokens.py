"""Tokeniser shared by counting and lookup: offsets, case folding, numbers and boundaries."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from saring.lexicon.tokens import BOUNDARY, NUMBER, tokenize, words


@pytest.mark.parametrize(
    ("text", "norms"),
    [
        ("Serangan hawa, kata Rachid.", ["serangan", "hawa", BOUNDARY, "kata", "rachid", BOUNDARY]),
        ("mobil-mobil al-Baghdadi", ["mobil-mobil", "al-baghdadi"]),
        ("27 th. (18/4/2017)", [NUMBER, "th", BOUNDARY, NUMBER, BOUNDARY]),
        ("satu\n\ndua", ["satu", BOUNDARY, "dua"]),
    ],
)
def test_tokens_norms(text: str, norms: list[str]) -> None:
    assert [t.norm for t in tokenize(text)] == norms


def test_tokens_words_skip_numbers_and_boundaries() -> None:
    assert [t.norm for t in words("ISIS, 27 th.")] == ["isis", "th"]


@given(st.text())
def test_tokens_offsets_point_into_text(text: str) -> None:
    for tok in tokenize(text):
        assert 0 <= tok.start < tok.end <= len(text)
        if tok.is_word:
            assert text[tok.start : tok.end].casefold() == tok.norm
