"""One document given as bytes (an upload, a fetched page): the reader its format calls for.

The API's upload and URL routes and the CLI's links all end here, so a page read from a link and the
same page saved to a file give the same article.
"""

from __future__ import annotations

from saring.article import Article, SourceRef
from saring.errors import SaringError
from saring.ingest.base import check_size, site_from_url
from saring.messages import msg
from saring.settings import IngestOptions


def read_document(
    data: bytes,
    name: str,
    options: IngestOptions,
    url: str | None = None,
    fmt: str | None = None,
    title: str = "",
) -> Article:
    """HTML, text, PDF or an image as one Article; a given `title` wins (and a text's first line then
    stays body). `fmt` None: from the name, then the content."""
    from saring.ingest import detect_format
    from saring.ingest.decode import decode_bytes

    source = SourceRef(name)
    check_size(len(data), options, name)
    if not data.strip():
        raise SaringError("empty_input", msg("errors.detail.named_file_empty", name=name))
    fmt = fmt or detect_format(name, data[:4096])
    if fmt in ("image", "pdf"):
        from saring.ingest.image import read_image
        from saring.ingest.pdf import read_pdf

        article = (read_image if fmt == "image" else read_pdf)(data, source)
        article.title = title or article.title
    elif fmt == "html":
        from saring.ingest.html import parse_html

        article = parse_html(decode_bytes(data, None, name), source, options, url=url)
        article.title = title or article.title
    elif fmt == "text":
        from saring.ingest.text import parse_text

        article = parse_text(decode_bytes(data, None, name), source, title=title)
    else:
        raise SaringError("unsupported_format", msg("inputs.document.one_article", name=name, format=fmt))
    article.url = url or article.url
    article.site = article.site or site_from_url(article.url)
    return article
