"""Cleaning on the seeds and on small hand-made texts: what is removed, and why."""

from __future__ import annotations

from pathlib import Path

import pytest

from saring.article import Article, SourceRef
from saring.clean import SiteBoilerplate, clean
from saring.clean.boilerplate import match_pattern
from saring.clean.lang import identify
from saring.clean.normalize import strip_stub
from saring.clean.paragraphs import split_paragraphs
from saring.ingest import read_path
from saring.ingest.text import parse_text
from saring.settings import IngestOptions


def _clean_file(path: Path) -> Article:
    (article,) = list(read_path(str(path), IngestOptions()))
    assert isinstance(article, Article)
    return clean(article)


def test_seed_000_repeats_and_footer_removed(seed_000: Path) -> None:
    article = _clean_file(seed_000)
    assert article.title == "ISIS Disebut Tengah Bangun Aliansi dengan Al-Qaeda"
    assert article.lang == "id"
    assert article.text.count("Diskusi dimulai dari sekarang") == 1
    assert article.text.count("Tidak jelas bagaimana tepatnya") == 1
    assert article.text.count("sel-sel tidur untuk menyebarkan") == 1
    reasons = [r.reason for r in article.removed]
    assert reasons.count("duplicate_paragraph") == 5
    assert "berlangganan" not in article.text and "Posting Komentar" not in article.text
    assert "0 comments" not in article.text
    footer = {
        r.reason
        for r in article.removed
        if "berlangganan" in r.text or "Komentar" in r.text or "comments" in r.text
    }
    assert footer == {"boilerplate:subscribe_prompt", "boilerplate:comments_widget"}


def test_seed_002_title_once(seed_002: Path) -> None:
    article = _clean_file(seed_002)
    assert article.title == (
        "ISIS AKHIRNYA MENGAKU KALAH DI IRAK DAN SURIYAH ***LIHAT KETERANGAN DI BAWAH INI ***"
    )
    assert "MENGAKU KALAH" not in article.text
    assert [r.reason for r in article.removed] == ["repeated_title"]
    assert article.lang == "id"


def test_paragraph_offsets_match_text(seed_000: Path) -> None:
    article = _clean_file(seed_000)
    texts = article.paragraph_texts()
    assert "\n\n".join(texts) == article.text
    assert all(t and t == t.strip() for t in texts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Baris satu yang berhenti di\ntengah kalimat.\nBaris baru.",
            ["Baris satu yang berhenti di tengah kalimat.", "Baris baru."],
        ),
        ("Blok satu\nbaris dua.\n\nBlok dua.", ["Blok satu baris dua.", "Blok dua."]),
    ],
)
def test_split_paragraphs_repairs_hard_wraps(text: str, expected: list[str]) -> None:
    assert split_paragraphs(text) == expected


@pytest.mark.parametrize(
    ("paragraph", "reason"),
    [
        ("Baca juga: Harga Cabai Naik Lagi", "boilerplate:related_links"),
        ("Bagikan ke Facebook Twitter WhatsApp", "boilerplate:share_bar"),
        ("Simak Video Pilihan Berikut Ini", "boilerplate:video_prompt"),
        ("Ikuti berita terkini dari Warta di Google News", "boilerplate:follow_prompt"),
        ("12 Komentar", "boilerplate:comments_widget"),
        ("ADVERTISEMENT", "boilerplate:advertisement"),
        (
            "Presiden mengatakan berlangganan listrik gratis untuk warga miskin akan diperluas tahun depan.",
            None,
        ),
    ],
)
def test_boilerplate_patterns_with_reasons(paragraph: str, reason: str | None) -> None:
    assert match_pattern(paragraph) == reason


def test_site_statistics_remove_lines_recurring_across_a_site() -> None:
    footer = "Redaksi Warta Desa menerima tulisan pembaca setiap hari kerja"
    docs = [("wartadesa.id", [f"Berita nomor {i} tentang panen padi di desa.", footer]) for i in range(20)]
    stats = SiteBoilerplate.learn(docs, min_docs=5)
    raw = f"Panen raya dimulai pekan ini di seluruh desa kabupaten.\n\n{footer}"
    article = Article(id="x", raw_text=raw, title="Panen Raya", site="wartadesa.id", source=SourceRef("x"))
    cleaned = clean(article, stats)
    assert footer not in cleaned.text
    assert [r.reason for r in cleaned.removed] == ["boilerplate:site_repeated"]
    other_site = clean(Article(id="y", raw_text=raw, title="Panen Raya", site="lain.id"), stats)
    assert footer in other_site.text
    assert SiteBoilerplate.from_json(stats.to_json()).hashes == stats.hashes


@pytest.mark.parametrize("raw", ["-,Paragraf pertama berita ini.,,Paragraf kedua berita ini.",
                                 "Paragraf pertama berita ini.,Paragraf kedua berita ini."])
def test_scrape_comma_joins_become_paragraphs(raw: str) -> None:
    article = clean(parse_text(raw, SourceRef("x"), title="T"))
    assert article.paragraph_texts() == ["Paragraf pertama berita ini.", "Paragraf kedua berita ini."]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            (
                "Pemerintah Indonesia mengumumkan kebijakan baru tentang subsidi bahan bakar "
                "minyak untuk rakyat."
            ),
            "id",
        ),
        (
            (
                "Kerajaan Malaysia telah mengumumkan bahawa sekolah akan dibuka semula minggu hadapan, "
                "kata menteri."
            ),
            "ms",
        ),
        ("Aku arep lunga menyang pasar karo ibuku sesuk esuk amarga butuh tuku sayuran.", "jv"),
        ("The government announced a new fuel subsidy policy for the people on Monday.", "en"),
        ("Terlalu pendek", "und"),
    ],
)
def test_language_id_tells_close_languages_apart(text: str, lang: str) -> None:
    assert identify(text)[0] == lang


def test_dateline_stubs_go_from_every_paragraph_and_a_stub_only_text_is_empty() -> None:
    raw = "Judul Berita\n\n-, , Paragraf pertama berita ini.\n\n, Paragraf kedua berita ini."
    article = clean(parse_text(raw, SourceRef("x"), title="Judul Berita"))
    assert article.paragraph_texts() == ["Paragraf pertama berita ini.", "Paragraf kedua berita ini."]
    assert clean(parse_text(" , - , , ", SourceRef("x"), title="T")).text == ""


def test_boilerplate_before_a_repeated_headline_does_not_keep_the_headline() -> None:
    raw = (
        "Baca juga: Berita lain hari ini\nPanen Raya Padi\n"
        "Petani di desa itu memanen padi lebih awal tahun ini."
    )
    article = clean(parse_text(raw, SourceRef("x"), title="Panen Raya Padi"))
    assert article.paragraph_texts() == ["Petani di desa itu memanen padi lebih awal tahun ini."]
    assert sorted(r.reason for r in article.removed) == ["boilerplate:related_links", "repeated_title"]


def test_a_long_run_of_blank_lines_before_the_text_is_stripped_in_linear_time() -> None:
    # The stub pattern once backtracked quadratically here (30,000 newlines: 4 s; this input: minutes).
    assert strip_stub("\n" * 200_000 + ", Isi") == "Isi"
    assert strip_stub("\n" * 200_000 + "Isi") == "\n" * 200_000 + "Isi"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Vaksin booster bikin mandul, sebarkan ke grup keluarga", 1),
        (
            (
                "Vaksin booster bikin mandul, sebarkan ke grup keluarga\n\n"
                "Vaksin booster bikin mandul, sebarkan ke grup keluarga"
            ),
            1,
        ),
    ],
)
def test_clean_post_that_only_repeats_its_title_keeps_it(text: str, kept: int) -> None:
    title = "Vaksin booster bikin mandul, sebarkan ke grup keluarga"
    article = clean(parse_text(text, SourceRef("<t>"), title=title))
    assert article.text.count("bikin mandul") == kept
    assert article.text.startswith("Vaksin booster")
