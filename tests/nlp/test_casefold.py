"""Case-sensitive twins on lower-cased text find exactly what the re.I patterns find on the text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from saring.claims.checkworthy import ANTI_CUES, CUES
from saring.nlp.casefold import case_sensitive_twin, lowers_safely
from saring.signals import form_cues, scam

PATTERNS = [
    *(p for _, _, p in CUES + ANTI_CUES),
    *(p for p, _ in {**scam.LURES, **scam.ACTIONS}.values()),
    scam._NEGATED,
    *form_cues._TWINS,
]
TWINS = [(p, t) for p in PATTERNS if (t := case_sensitive_twin(p)) is not None]
WORDS = st.sampled_from(
    [
        "Semua",
        "KATA",
        "Rp",
        "RP",
        "10%",
        "Jum'at",
        "Rumah Sakit",
        "(12/3)",
        "2019",
        "Saya",
        "I",
        "We",
        "Lowongan Kerja",
        "BANSOS",
        "Klik Link",
        "OTP",
        "Jangan",
        "https://X.id/A",
        "Bapak/Ibu",
        "Copas",
        "ſemua",
        "\u212aTP",
        "İbu",
        "ıtu",
        "É",
        "é",
        "ß",
        "ǅ",
        "Σ",
        "“",
        "—",
        "_",
        "7",
        ",",
        ".",
        "?",
        " ",
        "\n",
    ]
)


def test_most_cue_patterns_get_a_twin() -> None:
    assert len(TWINS) >= 25


@pytest.mark.parametrize(
    ("pattern", "has_twin"),
    [
        (r"\bsemua\b", True),
        (r"(?:https?://|www\.)\S+", True),  # \S means the same with and without re.I
        (r"\x41pa", False),  # an escape could spell an upper-case letter
        (r"(?-i:apa)", False),  # scoped flags
        (r"[A-Z]pa", False),
        (r"Apa", False),
    ],
)
def test_twins_only_for_patterns_that_mean_the_same_on_lower_case(pattern: str, has_twin: bool) -> None:
    assert (case_sensitive_twin(re.compile(pattern, re.I)) is not None) is has_twin
    assert case_sensitive_twin(re.compile(pattern.lower())) is None  # not re.I: nothing to gain


def test_case_folding_characters_are_not_lowered_safely() -> None:
    # re.I matches the long s, the Kelvin sign and dotless i as s, k, i; lower() does not map them.
    for text in ("ſemua", "\u212aTP", "ıtu", "İbu", "ΣΑΣ"):
        assert not lowers_safely(text)
    assert lowers_safely("KATA “Semua” — 10% 😀")


@given(st.lists(WORDS | st.text(max_size=3), max_size=20).map("".join))
def test_twins_find_the_same_spans_on_random_strings(text: str) -> None:
    if not lowers_safely(text):
        return
    lowered = text.lower()
    assert len(lowered) == len(text)
    for pattern, twin in TWINS:
        assert [m.span() for m in twin.finditer(lowered)] == [m.span() for m in pattern.finditer(text)]
