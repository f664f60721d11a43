"""Copy-artefacts signal: seeds, clean corpus articles, each artefact kind, span validity."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saring.article import Article, Removed, SourceRef
from saring.clean import clean
from saring.ingest.text import parse_text
from saring.messages import render
from saring.signals.copy_artefacts import THRESHOLD, detect
from tests.conftest import DATA, need


def _seed(path: Path) -> Article:
    return clean(parse_text(path.read_text(encoding="utf-8"), SourceRef(str(path))))


def _findings(article: Article) -> dict[str, int]:
    findings = detect(article).details["findings"]
    assert isinstance(findings, dict)
    return findings


def test_copy_seed_000_flagged_with_reasons(seed_000: Path) -> None:
    article = _seed(seed_000)
    result = detect(article)
    assert result.flag and result.score >= THRESHOLD
    findings = result.details["findings"]
    assert isinstance(findings, dict)
    assert findings["duplicate_paragraph"] == 5
    assert findings["blog_template"] == 2  # subscribe prompt + comment widget, removed by cleaning
    assert findings["foreign_tag"] == 1
    whys = {e.text: e.why for e in result.evidence}
    assert render(whys["detik"], "en") == "credit tag of detik"
    assert render(whys["detik"], "id") == "tag kredit milik detik"
    assert whys["RadarRakyat.Info"].code == "copy.dateline"
    assert "Reuters" in whys  # cited through detik's rewrite
    assert "duplicate paragraph (5×)" in render(result.summary, "en")
    assert "paragraf berulang (5×)" in render(result.summary, "id")


def test_copy_seed_002_not_flagged(seed_002: Path) -> None:
    result = detect(_seed(seed_002))
    assert not result.flag
    assert result.details["findings"] == {"repeated_title": 1}


@pytest.mark.parametrize(
    "article_id",
    [
        "clickidnews-kompas-03168",
        "clickidnews-tempo-00794",
        "clickidnews-sindonews-01197",
        "clickidnews-okezone-04456",
        "clickidnews-fimela-00440",
        "clickidnews-wowkeren-02013",
    ],
)
def test_copy_clean_corpus_articles_not_flagged(article_id: str) -> None:
    from saring.signals.attribution_eval import load_articles

    need(DATA / "clickid_raw_articles_2019" / "normalized.jsonl")
    article = clean(load_articles([article_id], DATA)[article_id])
    assert not detect(article).flag


@pytest.mark.parametrize(
    ("text", "site", "finding"),
    [
        ("Polisi menangkap tiga pelaku pencurian motor di pasar. (ant)", "posmetro-medan.com", "foreign_tag"),
        ("Polisi menangkap tiga pelaku pencurian motor di pasar. (Antara)", None, "foreign_tag"),
        ("Polisi menangkap tiga pelaku pencurian motor di pasar.\n\nSumber: detik.com", None, "source_line"),
        ("Polisi menangkap tiga pelaku pencurian motor di pasar pada malam hari dan ...", None, "truncated"),
        ("Polisi menangkap tiga pelaku pencurian motor [...]", None, "truncated"),
        (
            "Polisi menangkap pelaku. Artikel ini telah tayang di Kompas.com dengan judul Polisi Tangkap.",
            "tribunnews.com",
            "syndication",
        ),
        (
            "Polisi menangkap tiga pelaku pencurian motor. Baca juga: Pencuri Motor Ditangkap",
            None,
            "leftover",
        ),
        ("Polisi menangkap tiga pelaku pencurian motor di pasar. (bbs)", None, "various_sources"),
        (
            "JAKARTA, KOMPAS.com - Polisi menangkap tiga pelaku pencurian motor.",
            "posmetro-medan.com",
            "foreign_dateline",
        ),
        (
            "Polisi menangkap tiga pelaku pencurian motor dan menyita barang bukti berupa kunci",
            None,
            "truncated",
        ),
    ],
)
def test_copy_finds_each_artefact(text: str, site: str | None, finding: str) -> None:
    assert finding in _findings(clean(Article(id="t", raw_text=text, site=site)))


def _raw(text: str) -> Article:
    """One paragraph, uncleaned, so that cleaning's boilerplate rules do not remove the phrase first."""
    return Article(id="t", raw_text=text, text=text, paragraphs=[(0, len(text))])


@pytest.mark.parametrize(
    "phrase",
    [
        "Baca Juga", "BACA JUGA", "Simak Video", "simak juga video", "Klik disini", "klik tautan",
        "loading...", "Posting Komentar", "Berlangganan gratis", "Jika Anda menyukai artikel",
        "Scroll to continue", "scroll untuk melanjutkan", "ADVERTISEMENT", "Download Aplikasi",
        "Tonton Video",
    ],
)
def test_copy_finds_every_widget_phrase(phrase: str) -> None:
    """Each alternative of the leftover pattern gets past the cheap substring test in front of it."""
    assert _findings(_raw(f"Polisi menangkap tiga pelaku di pasar. {phrase} sekarang juga."))["leftover"] == 1


@pytest.mark.parametrize(
    "ending",
    [
        "...", "\u2026", "[ ... ]", "( ... )", "Baca selengkapnya", "Selengkapnya", "Read more",
        "Continue reading", "...,\t", "Read more , ",
    ],
)
def test_copy_finds_every_truncation_ending(ending: str) -> None:
    result = detect(_raw(f"Polisi menangkap tiga pelaku pencurian motor di pasar {ending}"))
    assert [e.why.code for e in result.evidence] == ["copy.truncated"]


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("Polisi menangkap pelaku. Berita ini telah dimuat di Kompas.com dengan judul Baru.", "syndication"),
        ("Polisi menangkap tiga pelaku pencurian motor di pasar. SUMBER: Kompas", "source_line"),
        ("Polisi menangkap tiga pelaku pencurian motor di pasar.\nSource : kompas.com", "source_line"),
    ],
)
def test_copy_finds_credit_lines_in_any_case(text: str, finding: str) -> None:
    assert finding in _findings(_raw(text))


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("JAKARTA, KOMPAS.com - Polisi menangkap tiga pelaku pencurian motor.", "regional.kompas.com"),
        ("Pelatih Persija memuji permainan timnya (Persela) dan lawannya.", None),
        ("Acara itu berlangsung meriah hingga malam hari. (eth)", None),
    ],
)
def test_copy_ignores_own_dateline_and_initials(text: str, site: str | None) -> None:
    assert _findings(clean(Article(id="t", raw_text=text, site=site))) == {}


def test_copy_counts_removed_text_without_spans() -> None:
    article = Article(
        id="t",
        raw_text="",
        text="Isi artikel.",
        paragraphs=[(0, 12)],
        removed=[Removed("Isi artikel lama yang sama persis.", "duplicate_paragraph")] * 2
        + [Removed("0 comments:", "boilerplate:comments_widget")],
    )
    result = detect(article)
    assert result.details["findings"] == {"duplicate_paragraph": 2, "blog_template": 1}
    assert result.evidence == []


_FRAGMENTS = list("aAbB kK.,;:()\n-/") + [
    "(detik)",
    "(ant/xyz)",
    "Sumber: ",
    "Baca juga",
    "...",
    "[...]",
    "KOMPAS.com - ",
    "RadarRakyat.Info-",
    "dilansir Reuters",
    "Artikel ini telah tayang di ",
    "loading...",
]


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(), st.lists(st.sampled_from(_FRAGMENTS), max_size=60).map("".join)),
    st.sampled_from([None, "detik.com", "kompas.com"]),
)
def test_copy_never_raises_and_spans_are_valid(text: str, site: str | None) -> None:
    article = clean(Article(id="h", raw_text=text, site=site))
    result = detect(article)
    assert 0.0 <= result.score <= 1.0
    for ev in result.evidence:
        assert 0 <= ev.start < ev.end <= len(article.text)
        assert article.text[ev.start : ev.end] == ev.text
