"""WARC / WARC.gz crawls: every HTML response record becomes an article (fastwarc, else warcio)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from saring.article import SourceRef
from saring.errors import SaringError, require
from saring.ingest.base import ReadStream, check_size, reject
from saring.settings import IngestOptions


def read_warc(stream: BinaryIO, path: str, options: IngestOptions) -> ReadStream:
    """Yield one article per `response` record with an HTML payload; the line is the record number."""
    try:
        records = _fastwarc_records(stream)
    except SaringError:
        records = _warcio_records(stream)
    for number, (url, content_type, payload) in enumerate(records, start=1):
        if "html" not in content_type:
            continue
        source = SourceRef(path, number)
        try:
            yield _html_record(payload, url, source, options)
        except SaringError as exc:
            yield reject(source, exc, url)


def _html_record(payload: bytes, url: str, source: SourceRef, options: IngestOptions):  # type: ignore[no-untyped-def]
    from saring.ingest.base import _site_from_url
    from saring.ingest.decode import decode_bytes
    from saring.ingest.html import parse_html

    check_size(len(payload), options, f"record {source.line}")
    article = parse_html(decode_bytes(payload, options.encoding, url), source, options, url=url)
    article.site = article.site or _site_from_url(url)
    return article


def _fastwarc_records(stream: BinaryIO):  # type: ignore[no-untyped-def]
    require("fastwarc", "warc")
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    def gen() -> Iterator[tuple[str, str, bytes]]:
        for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True):
            headers = record.http_headers
            content_type = (headers.get("Content-Type") if headers else "") or ""
            yield record.headers.get("WARC-Target-URI") or "", content_type.lower(), record.reader.read()

    return gen()


def _warcio_records(stream: BinaryIO):  # type: ignore[no-untyped-def]
    require("warcio", "warc")
    from warcio.archiveiterator import ArchiveIterator

    for record in ArchiveIterator(stream):
        if record.rec_type != "response":
            continue
        content_type = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
        yield record.rec_headers.get_header("WARC-Target-URI") or "", content_type.lower(), record.content_stream().read()
