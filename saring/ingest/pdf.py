"""PDF files: the text layer when the PDF has one, OCR of the rendered pages when it is a scan.

Forged official letters ("surat edaran"), leaflets and "leaked documents" circulate as PDFs; a reader
who received one should be able to check it as they check a text. A PDF made by a word processor
carries its text: it is read page by page and its hard-wrapped lines are joined back into paragraphs.
A scanned or photographed letter has no text layer (or a few stray characters): its first pages are
rendered at `OCR_DPI` (fewer dots for a page so large it would pass the image pixel limit) and read
by the same OCR and layout step as screenshots (`saring.ingest.ocr`), so the report says the text
came from OCR, with its confidence.

Bounds: the byte limit of every input, `MAX_PAGES` pages of text, `MAX_OCR_PAGES` pages of OCR (a
rendered A4 page at 200 dpi is 3.9 Mpx, under the image limit). Pages past a bound are not read and
the article's `removed` says so (`pdf_pages_not_read`), like everything else taken out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from saring.article import Article, OcrInfo, OcrLine, Removed, SourceRef
from saring.errors import SaringError, require
from saring.ingest.base import content_id
from saring.ingest.text import parse_text
from saring.messages import msg

if TYPE_CHECKING:
    from saring.ingest.layout import Page

MAX_PAGES = 50
MAX_OCR_PAGES = 5
OCR_DPI = 200
# A text layer with fewer letters than this per page is a scan's stray characters (page numbers, a
# stamp's caption), not the document's text: such a PDF is read by OCR.
MIN_LETTERS_PER_PAGE = 40
_SENTENCE_END = re.compile(r"[.!?:;\"\u201d)]$")
_GAP = 0.7  # blank space between lines, as a share of the line height, that separates paragraphs
_SIZE_CHANGE = 0.25
_LETTER = re.compile(r"[^\W\d_]")


def looks_like_pdf(head: bytes) -> bool:
    return head.lstrip()[:5] == b"%PDF-"


def read_pdf(data: bytes, source: SourceRef) -> Article:
    """The PDF's text (layer or OCR) as an Article; damaged or locked PDFs are coded errors."""
    pdfium: Any = require("pypdfium2", "pdf")
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise SaringError("unsupported_format", msg("inputs.pdf.locked")) from exc
        raise SaringError("corrupt_input", msg("inputs.pdf.unreadable", error=str(exc)),
                          hint=msg("inputs.pdf.repair")) from exc
    try:
        n_pages = len(document)
        pages = [_page_lines(document[i]) for i in range(min(n_pages, MAX_PAGES))]
        letters = sum(len(_LETTER.findall(line.text)) for page in pages for line in page)
        if letters >= MIN_LETTERS_PER_PAGE * max(len(pages), 1):
            return _from_text_layer(pages, n_pages, source)
        return _from_scan(document, n_pages, source)
    finally:
        document.close()


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a page's text layer and its vertical extent (PDF points, y grows upwards)."""

    text: str
    bottom: float
    top: float

    @property
    def height(self) -> float:
        return self.top - self.bottom


def _page_lines(page: Any) -> list[Line]:
    """The page's lines in reading order with their boxes (pdfium numbers every character, the line
    breaks it generates included, the same way in the text and in the boxes)."""
    textpage = page.get_textpage()
    try:
        text = str(textpage.get_text_range())
        lines, pos = [], 0
        for raw in text.split("\r\n"):
            boxes = [textpage.get_charbox(pos + i) for i, ch in enumerate(raw) if not ch.isspace()]
            if boxes:
                lines.append(Line(raw.strip(), min(b[1] for b in boxes), max(b[3] for b in boxes)))
            pos += len(raw) + 2
        return lines
    finally:
        textpage.close()
        page.close()


def paragraphs(lines: list[Line]) -> list[str]:
    """Join hard-wrapped lines back into paragraphs. A paragraph ends where the blank space above the
    next line is over `_GAP` of the line height, where the type size changes (a heading over its
    text), or at a line that ends a sentence well short of a full line (layouts without spacing)."""
    if not lines:
        return []
    widths = sorted(len(ln.text) for ln in lines)
    full = widths[int(len(widths) * 0.75)]  # a typical full line of this page, in characters
    out: list[list[str]] = [[lines[0].text]]
    for prev, line in zip(lines, lines[1:], strict=False):
        space = prev.bottom - line.top
        size_change = abs(line.height - prev.height) > _SIZE_CHANGE * max(prev.height, line.height)
        ends = _SENTENCE_END.search(prev.text) is not None and len(prev.text) < 0.85 * full
        if space > _GAP * min(prev.height, line.height) or space < -prev.height or size_change or ends:
            out.append([line.text])
        else:
            out[-1].append(line.text)
    return [" ".join(p) for p in out]


def _from_text_layer(pages: list[list[Line]], n_pages: int, source: SourceRef) -> Article:
    body = "\n\n".join(p for page in pages for p in paragraphs(page))
    article = parse_text(body, source)
    article.removed = _skipped(len(pages), n_pages)
    return article


def _from_scan(document: Any, n_pages: int, source: SourceRef) -> Article:
    from saring.ingest.image import MAX_PIXELS
    from saring.ingest.layout import read_page
    from saring.ingest.ocr import recognize

    pages: list[Page] = []
    for i in range(min(n_pages, MAX_OCR_PAGES)):
        page = document[i]
        try:
            width, height = page.get_size()  # points; a page can declare any size: bound the pixels
            scale = min(OCR_DPI / 72, (MAX_PIXELS / max(width * height, 1.0)) ** 0.5)
            image = page.render(scale=scale, grayscale=True).to_pil().convert("L")
        finally:
            page.close()
        pages.append(read_page(recognize(image), image.height))
    paragraphs = [p for page in pages for p in page.paragraphs]
    if not paragraphs:
        raise SaringError("empty_input", msg("inputs.pdf.no_text", pages=n_pages))
    lines: list[OcrLine] = [line for page in pages for line in page.lines]
    confidence = sum(line.confidence for line in lines) / len(lines) if lines else 0.0
    ocr = OcrInfo(
        layout=pages[0].layout, mean_confidence=round(confidence, 1), lines=tuple(lines),
        low_confidence=tuple(run for page in pages for run in page.low_confidence),
    )
    title = pages[0].title
    body = "\n\n".join(paragraphs)
    removed = [r for page in pages for r in page.removed] + _skipped(len(pages), n_pages)
    article_id = content_id(title, body)
    return Article(id=article_id, raw_text=body, title=title, source=source, removed=removed, ocr=ocr)


def _skipped(read: int, n_pages: int) -> list[Removed]:
    if read >= n_pages:
        return []
    return [Removed(f"{read + 1}-{n_pages}", "pdf_pages_not_read")]
