"""Sentence splitting on Indonesian news text: abbreviations, dates, spaced quotes, offsets."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saring.nlp import split_sentences
from saring.nlp.sentences import _CANDIDATE


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dia datang. Lalu pergi!", ["Dia datang.", "Lalu pergi!"]),
        ("Harganya Rp. 5.000 per kg. Murah sekali.", ["Harganya Rp. 5.000 per kg.", "Murah sekali."]),
        (
            "Ia tinggal di Jl. Sudirman No. 5 Jakarta. Rumahnya besar.",
            ["Ia tinggal di Jl. Sudirman No. 5 Jakarta.", "Rumahnya besar."],
        ),
        (
            "Pasien dirawat dr. Terawan dan Prof. Dr. Ir. Budi. Kondisinya membaik.",
            ["Pasien dirawat dr. Terawan dan Prof. Dr. Ir. Budi.", "Kondisinya membaik."],
        ),
        (
            "Presiden Susilo B. Yudhoyono hadir. Acara dimulai.",
            ["Presiden Susilo B. Yudhoyono hadir.", "Acara dimulai."],
        ),
        ("Rachid, 27 th., bekas montir. Ia membelot.", ["Rachid, 27 th., bekas montir.", "Ia membelot."]),
        ("Umurnya 27 th. Bekas montir.", ["Umurnya 27 th. Bekas montir."]),
        (
            "ujar Allawi, Selasa (18/4/2017). Dia menambahkan.",
            ["ujar Allawi, Selasa (18/4/2017).", "Dia menambahkan."],
        ),
        ("Nilainya 2.5 persen. Naik.", ["Nilainya 2.5 persen.", "Naik."]),
        ("Apa benar? Ya. Tentu...", ["Apa benar?", "Ya.", "Tentu..."]),
        ('"Kami siap." Kata itu diulang.', ['"Kami siap."', "Kata itu diulang."]),
        (
            '" Pada saat itu kami kalah. Namun kami bertahan, " kata Rachid.',
            ['" Pada saat itu kami kalah.', 'Namun kami bertahan, " kata Rachid.'],
        ),
        ('" Kami kalah. " kata dia. Lalu pergi.', ['" Kami kalah. " kata dia.', "Lalu pergi."]),
        ('" Kami kalah. " Dia pergi.', ['" Kami kalah. "', "Dia pergi."]),
        (
            'Ia pergi. "Mereka akan bertahan," tutup Allawi.',
            ["Ia pergi.", '"Mereka akan bertahan," tutup Allawi.'],
        ),
        ("Baris satu tanpa titik\nBaris dua.", ["Baris satu tanpa titik", "Baris dua."]),
        ("Situs RadarRakyat.Info-ISIS disebut kalah.", ["Situs RadarRakyat.Info-ISIS disebut kalah."]),
    ],
)
def test_sentences_split(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_sentences_offsets_skip_blank_paragraphs() -> None:
    text = "Satu.\n\n  Dua. Tiga.  \n"
    assert split_sentences(text) == [(0, 5), (9, 13), (14, 19)]


def test_sentences_seed_002_quotes(seed_002) -> None:  # type: ignore[no-untyped-def]
    from saring.article import SourceRef
    from saring.clean import clean
    from saring.ingest.text import parse_text

    article = clean(parse_text(seed_002.read_text(encoding="utf-8"), SourceRef("seed")))
    found = _sentences(article.text)
    assert any(
        s.endswith(
            'hancur, " kata Rachid, 27 th., bekas montir di Belgia sebelumnya berhimpun ke Suriah, '
            "seperti ditulis koran the Independent, Jumat (21/10)."
        )
        for s in found
    )
    assert any(s.endswith('pemimpin berani, " kata Yasin.') for s in found)


@given(st.text())
def test_sentences_spans_are_valid(text: str) -> None:
    last = 0
    for start, end in split_sentences(text):
        assert last <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        last = end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Persija kalah.,"Kami pecat," kata Ferry.,Dia pergi.',
            ["Persija kalah.", '"Kami pecat," kata Ferry.', "Dia pergi."],
        ),
        ("Harga naik 2,5 persen.,Inflasi turun.", ["Harga naik 2,5 persen.", "Inflasi turun."]),
    ],
)
def test_sentences_split_scraped_comma_joins(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


@settings(max_examples=500)
@given(st.text(alphabet=list('.!?…"”)x \n'), max_size=40))
def test_sentences_candidate_pattern_finds_what_its_plain_form_finds(text: str) -> None:
    """`_CANDIDATE` is spelt for speed (a character class first); it must match like the plain form."""
    plain = re.compile(r"(?:[.!?]+|…)[\"”’')\]»]*(?=\s)")
    assert [m.span() for m in _CANDIDATE.finditer(text)] == [m.span() for m in plain.finditer(text)]
