"""Links on the command line: the page behind a link is read like the same file saved (HTML, PDF), and
a link that fails is a coded rejection naming it."""

from __future__ import annotations

import json
import socket
import subprocess
import sys

import pytest

from saring.article import Article, Rejected
from saring.ingest import read_inputs
from saring.settings import IngestOptions
from tests.conftest import RESOURCES


def _read(url: str) -> Article | Rejected:
    (result,) = list(read_inputs([url], IngestOptions()))
    return result


def test_a_linked_page_is_the_saved_page_with_its_url(static_site: str) -> None:
    url = f"{static_site}/news_page.html"
    article = _read(url)
    saved = _read(str(RESOURCES / "news_page.html"))
    assert isinstance(article, Article) and isinstance(saved, Article)
    assert (article.title, article.raw_text) == (saved.title, saved.raw_text)
    assert article.title == "Banjir Rendam Ratusan Rumah di Bekasi"
    assert article.url == url and article.site == saved.site == "Warta Contoh"  # the page names its outlet


def test_a_linked_pdf_is_read_as_a_pdf(static_site: str) -> None:
    pytest.importorskip("pypdfium2", reason="PDF input needs the pdf extra")
    article = _read(f"{static_site}/surat_edaran.pdf")
    assert isinstance(article, Article) and article.title.startswith("SURAT EDARAN TENTANG BANTUAN")


def test_missing_page_and_unreachable_site_are_coded(static_site: str) -> None:
    missing = _read(f"{static_site}/no-such-page.html")
    assert isinstance(missing, Rejected) and missing.code == "SAR-E011" and "404" in missing.reason
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    down = _read(f"http://127.0.0.1:{port}/x.html")
    assert isinstance(down, Rejected) and down.code == "SAR-E019"


def test_saring_check_takes_a_link(static_site: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "saring", "check", "--json", f"{static_site}/news_page.html"],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["article"]["title"] == "Banjir Rendam Ratusan Rumah di Bekasi"
    assert report["article"]["url"].endswith("/news_page.html")
