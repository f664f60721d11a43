"""Invariants that must hold on any input (Hypothesis)."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from saring.article import Article, SourceRef
from saring.clean import clean
from saring.clean.boilerplate import PATTERNS, match_pattern
from saring.clean.normalize import normalize_chars, split_comma_joins
from saring.clean.paragraphs import paragraph_key
from saring.errors import SaringError
from saring.ingest.decode import decode_bytes

PROSE = st.text(
    alphabet=st.sampled_from(
        list("abcdeiknmorstu ABCKM.,!?\"'\n\u00a0\u200b-:*()0123456789\u201c\u201d\u2013\u00e9")
    ),
    max_size=600,
)
ANY_TEXT = st.one_of(st.text(max_size=400), PROSE)


def _cleaned(text: str, title: str = "") -> Article:
    return clean(Article(id="p", raw_text=text, title=title, source=SourceRef("p")))


# Scrape debris the plain strategies rarely combine: dateline stubs, link boilerplate, repeated headlines.
DEBRIS = st.lists(
    st.sampled_from(
        ["\n", "\n\n", " ", ",", "-,", ", ,", "0", "Judul", "Baca juga", "Foto:", "Isi berita ini."]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(ANY_TEXT, DEBRIS), st.one_of(st.sampled_from(["0", "Judul"]), st.text(max_size=60)))
@example("0\n,", "0")  # a stub left at the start once the repeated headline is dropped
@example("Baca juga\n0", "0")  # a headline repeat behind a boilerplate line
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


JOINS = st.text(alphabet=st.sampled_from(list(" \n\t\u00a0\u2028-,,,.!?\"\u201c\u201dAaB")), max_size=40)


@settings(max_examples=400, deadline=None)
@given(st.one_of(JOINS, PROSE))
def test_comma_joins_split_as_their_plain_pattern(text: str) -> None:
    """The fast scrape-join split replaces exactly what the readable patterns do."""
    plain = re.compile(r"\s*,{2,}\s*|(?<=[.!?\"\u201d]),(?=[\"\u201cA-Z])")
    assert split_comma_joins(text) == plain.sub("\n", re.sub(r"^(?:\s*-?\s*,+)+\s*", "", text))


def _plain_normalize(text: str) -> str:
    """`normalize_chars` as first written: every substitution on every text."""
    text = unicodedata.normalize("NFC", re.sub("[\ud800-\udfff]", "\ufffd", text))
    text = re.sub("\r\n?|[\u2028\u2029\u0085]", "\n", text)
    text = re.sub("[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "", text)
    text = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", " ", text)
    text = re.sub("[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


ODD_CHARS = st.text(
    alphabet=st.sampled_from(list(" \t\n\r\x0b\x1c\x85\x9f\u00a0\u00ad\u1680\u2000\u2028\u200b\u3000\ud800")
                             + list("e\u0301A.")),
    max_size=40,
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(ODD_CHARS, ANY_TEXT))
def test_normalize_chars_equals_its_plain_form(text: str) -> None:
    assert normalize_chars(text) == _plain_normalize(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(PROSE, st.text(max_size=80)))
def test_paragraph_key_equals_its_plain_form(text: str) -> None:
    assert paragraph_key(text) == " ".join(re.findall(r"\w+", text.casefold()))


BOILERPLATE_WORDS = st.lists(
    st.sampled_from(
        ["Berlangganan", "SUBSCRIBE", "newsletter", "Klik di sini", "click here", "email", "artikel", "Foto:",
         "(Foto: Reuters)", "Baca juga", "kabar", ".", ",", "\u017fubscribe", "\u212alik disini", "blog."]
    ),
    max_size=12,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(BOILERPLATE_WORDS)
def test_match_pattern_equals_trying_every_pattern(text: str) -> None:
    """The lowercase word test that skips subscribe_prompt on ASCII text never skips a match."""
    plain = next((f"boilerplate:{reason}" for reason, pattern in PATTERNS if pattern.search(text)), None)
    assert match_pattern(text) == plain
