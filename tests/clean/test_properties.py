"""Invariants that must hold on any input (Hypothesis)."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saring.article import Article, SourceRef
from saring.clean import clean
from saring.clean.normalize import _COMMA_JOIN
from saring.ingest.decode import decode_bytes
from saring.errors import SaringError

PROSE = st.text(
    alphabet=st.sampled_from(list("abcdeiknmorstu ABCKM.,!?\"'\n\u00a0\u200b-:*()0123456789\u201c\u201d\u2013\u00e9")),
    max_size=600,
)
ANY_TEXT = st.one_of(st.text(max_size=400), PROSE)


def _cleaned(text: str, title: str = "") -> Article:
    return clean(Article(id="p", raw_text=text, title=title, source=SourceRef("p")))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT, st.text(max_size=60))
def test_cleaning_is_idempotent(text: str, title: str) -> None:
    once = _cleaned(text, title)
    twice = _cleaned(once.text, once.title)
    assert twice.text == once.text
    assert twice.title == once.title


@settings(max_examples=150, deadline=None)
@given(ANY_TEXT)
def test_paragraph_offsets_always_inside_text(text: str) -> None:
    article = _cleaned(text)
    for start, end in article.paragraphs:
        assert 0 <= start < end <= len(article.text)
        assert article.text[start:end].strip() == article.text[start:end]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_decoding_arbitrary_bytes_never_crashes(data: bytes) -> None:
    try:
        text = decode_bytes(data)
    except SaringError as exc:
        assert exc.code in {"SAR-E002", "SAR-E003"}
    else:
        assert isinstance(text, str)
        _cleaned(text)


JOINS = st.text(alphabet=st.sampled_from(list(" \n\t\u00a0,,,.!?\"\u201c\u201dAaB")), max_size=40)


@settings(max_examples=400, deadline=None)
@given(st.one_of(JOINS, PROSE))
def test_comma_join_pattern_matches_its_plain_form(text: str) -> None:
    """The fast scrape-join pattern replaces exactly what its readable form (in the comment) does."""
    plain = re.compile(r"\s*,{2,}\s*|(?<=[.!?\"\u201d]),(?=[\"\u201cA-Z])")
    assert _COMMA_JOIN.sub("\n", text) == plain.sub("\n", text)
