"""Readers on real small files: every format, encodings, and every kind of bad input."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from saring.article import Article, Rejected
from saring.ingest import detect_format, read_inputs, read_path
from saring.settings import FieldMap, IngestOptions
from tests.conftest import RESOURCES

OPTS = IngestOptions()


def _read(path: Path, options: IngestOptions = OPTS) -> list[Article | Rejected]:
    return list(read_path(str(path), options))


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.txt", b"", "text"),
        ("a.HTML", b"", "html"),
        ("x.jsonl.gz", b"", "jsonl"),
        ("c.warc.gz", b"", "warc"),
        ("c.tsv", b"", "csv"),
        ("-", b"WARC/1.0\r\n", "warc"),
        ("-", b'{"text": 1}', "jsonl"),
        ("-", b"<!DOCTYPE html><html>", "html"),
        ("-", b"Judul berita\n\nIsi", "text"),
    ],
)
def test_detect_format_by_name_then_content(name: str, head: bytes, expected: str) -> None:
    assert detect_format(name, head) == expected


def test_text_reader_seed_title(seed_002: Path) -> None:
    (article,) = _read(seed_002)
    assert isinstance(article, Article)
    assert article.title.startswith("ISIS AKHIRNYA MENGAKU KALAH DI IRAK DAN SURIYAH")
    assert article.source is not None and article.source.path == str(seed_002)


@pytest.mark.parametrize("name", ["cp1252_article.txt", "macroman_mojibake.txt"])
def test_text_reader_repairs_encodings(name: str) -> None:
    (article,) = _read(RESOURCES / name)
    assert isinstance(article, Article)
    assert article.title == "Pemerintah Umumkan Program Baru"
    assert "\u201cKami akan memulai program ini tahun depan,\u201d" in article.raw_text
    assert "daerah \u2013 terutama" in article.raw_text


def test_html_reader_keeps_body_only() -> None:
    (article,) = _read(RESOURCES / "news_page.html")
    assert isinstance(article, Article)
    assert article.title == "Banjir Rendam Ratusan Rumah di Bekasi"
    assert article.published == "2024-02-12"
    assert article.site == "Warta Contoh"
    assert "ratusan rumah di tiga kecamatan" in article.raw_text
    clutters = (
        "cookie",
        "Beranda",
        "ADVERTISEMENT",
        "Promo kredit",
        "Semoga cepat surut",
        "Berita Terkait",
        "Hak cipta",
        "Harga Cabai",
    )
    for clutter in clutters:
        assert clutter not in article.raw_text, clutter


def test_html_reader_fast_path_resiliparse() -> None:
    options = IngestOptions(html_extractor="resiliparse")
    (article,) = _read(RESOURCES / "news_page.html", options)
    assert isinstance(article, Article)
    assert "ratusan rumah di tiga kecamatan" in article.raw_text
    assert article.title.startswith("Banjir Rendam Ratusan Rumah")


def test_jsonl_reader_reports_bad_lines_and_goes_on() -> None:
    results = _read(RESOURCES / "records.jsonl")
    ok = [r for r in results if isinstance(r, Article)]
    bad = {r.source.line: r for r in results if isinstance(r, Rejected)}
    assert [a.id for a in ok] == ["a1", "a2", "a6", "a7"]
    assert sorted(bad) == [3, 4, 5]
    assert bad[3].code == "SAR-E007" and "invalid JSON" in bad[3].reason
    assert bad[4].code == "SAR-E007" and "list" in bad[4].reason
    assert bad[5].code == "SAR-E008"
    assert ok[0].url == "https://www.contoh.co.id/ekonomi/1" and ok[0].site == "contoh.co.id"
    assert all(a.source is not None and a.source.line for a in ok)


def test_csv_reader_custom_fields_and_line_numbers() -> None:
    options = IngestOptions(fields=FieldMap(text="isi", title="judul"))
    results = _read(RESOURCES / "records.csv", options)
    articles = [r for r in results if isinstance(r, Article)]
    assert [a.id for a in articles] == ["c1", "c2", "c3"]
    assert [a.source.line for a in articles if a.source] == [2, 3, 4]
    assert articles[0].title == "Gempa Guncang Wilayah Selatan"


def test_csv_reader_wrong_field_is_reported_per_row() -> None:
    results = _read(RESOURCES / "records.csv")
    assert all(isinstance(r, Rejected) and r.code == "SAR-E008" for r in results)
    assert [r.source.line for r in results] == [2, 3, 4]


def test_warc_reader_html_records_only() -> None:
    results = _read(RESOURCES / "tiny.warc.gz")
    assert len(results) == 2  # the PNG record is not an article
    article, empty_page = results
    assert isinstance(article, Article)
    assert article.url == "https://www.wartacontoh.id/berita/banjir-bekasi"
    assert "ratusan rumah" in article.raw_text
    assert isinstance(empty_page, Rejected) and empty_page.code == "SAR-E004"


@pytest.mark.parametrize("name", ["crawl", "-"])
def test_warc_that_cannot_seek_is_read_not_a_panic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """A `.gz` not named `.warc.gz` is inflated while read, and stdin is a pipe: neither can seek, which
    made fastwarc panic (a traceback); such streams are read by warcio with the same records."""
    data = (RESOURCES / "tiny.warc.gz").read_bytes()
    if name == "-":
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(_Pipe(data)))
    else:
        (tmp_path / name).write_bytes(data)
        name = str(tmp_path / name)
    results = list(read_path(name, IngestOptions(format="warc")))
    assert [type(r) for r in results] == [Article, Rejected] and results[1].code == "SAR-E004"
    assert isinstance(results[0], Article) and results[0].url == "https://www.wartacontoh.id/berita/banjir-bekasi"


class _Pipe(io.BytesIO):
    def seekable(self) -> bool:
        return False


def test_directory_reads_every_supported_file_in_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(
        "Judul Kedua Di Sini\n\nIsi berita kedua yang cukup panjang untuk dibaca orang."
    )
    (tmp_path / "a.txt").write_text(
        "Judul Pertama Di Sini\n\nIsi berita pertama yang cukup panjang untuk dibaca."
    )
    (tmp_path / ".hidden.txt").write_text("tidak dibaca")
    titles = [r.title for r in read_inputs([str(tmp_path)], OPTS) if isinstance(r, Article)]
    assert titles == ["Judul Pertama Di Sini", "Judul Kedua Di Sini"]


@pytest.mark.parametrize(
    ("name", "code"),
    [("empty.txt", "SAR-E001"), ("binary.bin", "SAR-E002"), ("does-not-exist.txt", "SAR-E011")],
)
def test_bad_single_inputs_are_rejected_with_codes(name: str, code: str) -> None:
    (result,) = _read(RESOURCES / name, IngestOptions(format="text") if name == "binary.bin" else OPTS)
    assert isinstance(result, Rejected)
    assert result.code == code


def test_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Judul\n\n" + "kata " * 3000)
    (result,) = _read(big, IngestOptions(max_bytes=1000))
    assert isinstance(result, Rejected) and result.code == "SAR-E005"


def test_forced_encoding_error_is_clear(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Berita caf\xe9 di Jakarta hari ini sangat ramai".encode("latin-1"))
    (result,) = _read(path, IngestOptions(encoding="utf-8"))
    assert isinstance(result, Rejected) and result.code == "SAR-E003"


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"Judul Dari Stdin Ini\n\nIsi berita yang dikirim lewat standar input program."
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    (article,) = list(read_path("-", OPTS))
    assert isinstance(article, Article) and article.title == "Judul Dari Stdin Ini"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.contoh.co.id/ekonomi/1", "http://kabar.id", "https://a.b.id?x=1", "https://a.id#top",
        "HTTPS://WWW.Contoh.CO.ID/x", "https://user@host.id/x", "https://host.id:8080/x", "https://[::1]/x",
        " https://lead.id/x", "https://ta\tb.id/x", "contoh.co.id/berita", "//www.x.id", "ftp://www.x.id/f",
        "https://www.", "https://%41.id/", "https://host.id\n",
    ],
)
def test_site_from_url_matches_urlsplit(url: str) -> None:
    """The direct read of plain hosts gives what urlsplit gives."""
    from urllib.parse import urlsplit

    from saring.ingest.base import site_from_url

    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    assert site_from_url(url) == (host.removeprefix("www.") or None)


@pytest.mark.parametrize("title", ["", "Judul Berita"])
def test_parse_text_uses_a_given_id_instead_of_the_content_hash(title: str) -> None:
    from saring.article import SourceRef
    from saring.ingest.base import content_id
    from saring.ingest.text import parse_text

    text = "Judul Utama Berita Hari Ini\nIsi berita pertama di sini.\r\nBaris kedua."
    hashed = parse_text(text, SourceRef("x"), title=title)
    given = parse_text(text, SourceRef("x"), title=title, article_id="rec-1")
    assert given.id == "rec-1" and hashed.id == content_id(hashed.title, hashed.raw_text)
    assert (given.title, given.raw_text) == (hashed.title, hashed.raw_text)
