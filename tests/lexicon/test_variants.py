"""Affix and abbreviation links among corpus words (the spin graph beyond the thesaurus)."""

from __future__ import annotations

import pytest

from saring.lexicon.collocations import load_collocations
from saring.lexicon.variants import abbreviation_edges, affix_edges, bare_forms, is_abbreviation_of, nasal


@pytest.mark.parametrize(
    ("base", "active"),
    [("kata", "mengata"), ("pakai", "memakai"), ("tulis", "menulis"), ("sampai", "menyampai"),
     ("lihat", "melihat"), ("alami", "mengalami"), ("beri", "memberi"), ("dapat", "mendapat")],
)  # fmt: skip
def test_variants_nasal_assimilation(base: str, active: str) -> None:
    assert nasal(base) == active


@pytest.mark.parametrize(
    ("short", "word", "expected"),
    [("yg", "yang", True), ("dgn", "dengan", True), ("th", "tahun", True), ("utk", "untuk", True),
     ("is", "indonesia", False), ("ya", "yang", False), ("tahun", "tahun", False), ("gy", "yang", False)],
)  # fmt: skip
def test_variants_abbreviation_rule(short: str, word: str, expected: bool) -> None:
    assert is_abbreviation_of(short, word) is expected


def test_variants_links_need_both_forms_in_the_corpus() -> None:
    vocabulary = {"mengalami": 900, "alami": 40, "katakan": 30, "mengatakan": 5000,
                  "melancarkan": 80, "lancar": 400, "memperlancar": 3, "masih": 4000, "masihlah": 1,
                  "memukau": 20}  # fmt: skip
    edges = affix_edges(vocabulary)
    assert {("alami", "mengalami"), ("katakan", "mengatakan"), ("melancarkan", "memperlancar")} <= edges
    assert ("masih", "masihlah") in edges
    assert not any("pukau" in pair for pair in edges)  # "pukau" never seen, "memukau" rare: no link


@pytest.mark.parametrize(
    ("word", "bare"),
    [("mengatakan", "katakan"), ("memiliki", "miliki"), ("mengalami", "alami"), ("membuat", "buat"),
     ("menyampaikan", "sampaikan"), ("melihat", "lihat")],
)  # fmt: skip
def test_variants_bare_forms_invert_the_nasal_prefix(word: str, bare: str) -> None:
    forms = bare_forms(word)
    assert bare in forms and all(nasal(f) == word for f in forms)


def test_variants_common_words_link_to_forms_news_never_writes() -> None:
    edges = affix_edges({"masih": 4000, "memiliki": 2000, "jarang": 20})
    assert {("masih", "masihlah"), ("memiliki", "miliki")} <= edges
    assert not any("jarang" in pair for pair in edges)  # too rare to guess its forms
    assert bare_forms("meter") == [] and bare_forms("mereka") == ["reka"]


def test_variants_abbreviation_needs_a_much_more_common_expansion() -> None:
    assert abbreviation_edges({"yang": 90_000, "yg": 300, "tahun": 20_000, "th": 50}) == {
        ("yang", "yg"),
        ("tahun", "th"),
    }
    assert abbreviation_edges({"yang": 1000, "yg": 300}) == set()


def test_variants_are_in_the_shipped_spin_graph() -> None:
    graph = load_collocations().thesaurus
    for word, variant in [("mengalami", "alami"), ("mengatakan", "katakan"), ("tahun", "th"), ("yang", "yg")]:
        assert variant in graph.synonyms(word) and word in graph.synonyms(variant)
