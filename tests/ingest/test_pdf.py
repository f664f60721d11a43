"""PDF input: a word-processor PDF through its text layer (paragraphs joined back from wrapped lines),
a scan through OCR, damaged PDFs as coded errors. The letter (tests/resources/surat_edaran.html) is a
made-up "surat edaran" of the kind fact-checkers debunk; surat_edaran.pdf is chromium's print of it,
surat_edaran_scan.pdf a screenshot of it saved as an image-only PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from saring.article import Article, Rejected, SourceRef
from saring.errors import SaringError
from saring.ingest import detect_format, read_inputs
from saring.ingest.pdf import Line, paragraphs, read_pdf
from saring.settings import IngestOptions
from tests.conftest import RESOURCES

pytest.importorskip("pypdfium2", reason="PDF input needs the pdf extra: pip install -e '.[pdf]'")

TITLE = "SURAT EDARAN TENTANG BANTUAN LANGSUNG TUNAI BAGI PEMILIK KENDARAAN LISTRIK"
LAST = ("Pendaftaran ditutup dalam tiga hari. Harap sebarkan informasi ini kepada keluarga dan tetangga "
        "agar tidak ada yang tertinggal.")


def _read(path: Path) -> list[Article | Rejected]:
    return list(read_inputs([str(path)], IngestOptions()))


def test_text_layer_gives_the_headline_and_whole_paragraphs() -> None:
    (article,) = _read(RESOURCES / "surat_edaran.pdf")
    assert isinstance(article, Article) and article.ocr is None
    assert article.title == TITLE
    paras = article.raw_text.strip().split("\n\n")
    assert len(paras) == 3 and paras[0].startswith("Sehubungan dengan") and paras[0].endswith("30 Juni.")
    assert paras[2] == LAST


def test_format_is_known_by_name_and_by_content() -> None:
    data = (RESOURCES / "surat_edaran.pdf").read_bytes()
    assert detect_format("x.pdf") == "pdf" and detect_format("download", data[:4096]) == "pdf"


def test_scan_is_read_by_ocr_and_says_so(ocr_ready: Path) -> None:
    (article,) = _read(RESOURCES / "surat_edaran_scan.pdf")
    assert isinstance(article, Article) and article.ocr is not None and article.ocr.mean_confidence > 80
    assert article.title == TITLE
    assert LAST in article.raw_text


@pytest.mark.parametrize("cut", [100, 2000, 10_900])
def test_damaged_pdf_is_a_coded_error(tmp_path: Path, cut: int) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes((RESOURCES / "surat_edaran.pdf").read_bytes()[:cut])
    (rejected,) = _read(broken)
    assert isinstance(rejected, Rejected) and rejected.code == "SAR-E025"
    with pytest.raises(SaringError, match="damaged or not a PDF"):
        read_pdf(b"%PDF-1.4 not really", SourceRef("x.pdf"))


def test_paragraphs_follow_spacing_size_and_sentence_ends() -> None:
    def line(text: str, top: float, height: float = 10.0) -> Line:
        return Line(text, top - height, top)

    wrapped = [
        line("JUDUL BESAR DI DUA", 700, 15), line("BARIS", 680, 15),  # 5 pt apart: one heading
        line("Kalimat pertama yang cukup panjang sampai ke tepi kanan halaman ini", 660),
        line("berlanjut di baris kedua.", 647),  # ends a sentence well short of a full line
        line("Paragraf kedua tanpa spasi di atasnya, tetap terpisah karena kalimat", 634),
        line("sebelumnya selesai jauh sebelum tepi kanan.", 621),
        line("Paragraf ketiga setelah jarak kosong yang lebar sekali di atasnya", 595),
    ]
    assert paragraphs(wrapped) == [
        "JUDUL BESAR DI DUA BARIS",
        "Kalimat pertama yang cukup panjang sampai ke tepi kanan halaman ini berlanjut di baris kedua.",
        ("Paragraf kedua tanpa spasi di atasnya, tetap terpisah karena kalimat sebelumnya selesai jauh "
         "sebelum tepi kanan."),
        "Paragraf ketiga setelah jarak kosong yang lebar sekali di atasnya",
    ]
