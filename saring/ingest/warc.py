"""WARC / WARC.gz crawls: each HTML or screenshot response record becomes an article.

Read with fastwarc (warcio when only it is installed); a truncated or corrupt record is a counted,
coded rejection with its byte offset, never a silent stop or a traceback.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from saring.article import Article, SourceRef
from saring.errors import SaringError, require
from saring.ingest.base import ReadStream, check_size, reject
from saring.messages import msg
from saring.settings import IngestOptions


def read_warc(stream: BinaryIO, path: str, options: IngestOptions) -> ReadStream:
    """Yield one article per `response` record with an HTML payload; the line is the record number."""
    records: Iterator[Record] | None = None
    if stream.seekable():  # fastwarc seeks inside records: a pipe or an inflated stream makes it panic
        try:
            records = _fastwarc_records(stream, options.max_bytes)
        except SaringError:  # only warcio is installed
            records = None
    if records is None:
        records = _warcio_records(stream, options.max_bytes)
    for number, (url, content_type, payload) in enumerate(records, start=1):
        source = SourceRef(path, number)
        if isinstance(payload, SaringError):  # a damaged or over-long record: counted, reading goes on
            yield reject(source, payload, url)
            continue
        try:
            if "html" in content_type:
                yield _html_record(payload, url, source, options)
            elif content_type.startswith(_IMAGE_TYPES) and _screenshot_sized(payload):
                yield _image_record(payload, url, source, options)
        except SaringError as exc:
            yield reject(source, exc, url)


# Screenshots are read from a crawl; icons, logos and thumbnails (under 300 px a side) and unreadable
# images are skipped as CSS and scripts are. A photo without text becomes a coded `empty_input` rejection.
_IMAGE_TYPES = ("image/png", "image/jpeg", "image/webp")
_MIN_SCREENSHOT_SIDE = 300


def _screenshot_sized(payload: bytes) -> bool:
    from saring.ingest.image import image_size

    size = image_size(payload)
    return size is not None and min(size) >= _MIN_SCREENSHOT_SIDE  # an unreadable image is no screenshot


def _image_record(payload: bytes, url: str, source: SourceRef, options: IngestOptions) -> Article:
    from saring.ingest.base import site_from_url
    from saring.ingest.image import read_image

    check_size(len(payload), options, msg("errors.label.record", n=source.line))
    article = read_image(payload, source)
    article.url = url or None
    article.site = site_from_url(url)
    return article


def _html_record(payload: bytes, url: str, source: SourceRef, options: IngestOptions):  # type: ignore[no-untyped-def]
    from saring.ingest.base import site_from_url
    from saring.ingest.decode import decode_bytes
    from saring.ingest.html import parse_html

    check_size(len(payload), options, msg("errors.label.record", n=source.line))
    article = parse_html(decode_bytes(payload, options.encoding, url), source, options, url=url)
    article.site = article.site or site_from_url(url)
    return article


# What the record iterators yield: (target URL, content type, payload or why the record was lost).
Record = tuple[str, str, "bytes | SaringError"]
_CONTENT_LENGTH = re.compile(rb"(?im)^content-length:[ \t]*(\d+)")
_RECORD_END = b"\r\n\r\n"  # ends a WARC header block, and a record


def _fastwarc_records(stream: BinaryIO, max_bytes: int) -> Iterator[Record]:
    """Response records; a truncated record or an unreadable rest of the file comes as a coded error.

    fastwarc stops silently at a truncated record: it yields it with a short or empty body and no
    HTTP headers, or, when a gzip member is cut early, not at all. So each record's body is checked
    against its declared length, and the file against the end of its last record.
    """
    require("fastwarc", "warc")
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    def gen() -> Iterator[Record]:
        last: int | None = None  # where the last record of any type starts
        last_cut = False  # ... and whether it was already reported as truncated
        try:
            for record in ArchiveIterator(stream, parse_http=True):
                last, last_cut = record.stream_pos, False
                if record.record_type != WarcRecordType.response:
                    continue
                headers = record.http_headers
                content_type = ((headers.get("Content-Type") if headers else "") or "").lower()
                payload = _fastwarc_payload(record, content_type, max_bytes)
                last_cut = isinstance(payload, SaringError) and payload.name == "corrupt_input"
                yield record.headers.get("WARC-Target-URI") or "", content_type, payload
        except OSError as exc:
            if last is None:
                detail = msg("errors.detail.warc_unreadable_start", reason=str(exc))
            else:
                detail = msg("errors.detail.warc_unreadable_after", offset=last, reason=str(exc))
            yield "", "", SaringError("corrupt_input", detail)
            return
        tail = None if last_cut else unread_tail(stream, last)
        if tail is not None:
            yield "", "", SaringError("corrupt_input", msg("errors.detail.warc_cut_record", offset=tail))

    return gen()


def _fastwarc_payload(record: Any, content_type: str, max_bytes: int) -> bytes | SaringError:
    wanted = "html" in content_type or content_type.startswith(_IMAGE_TYPES)
    body = record.reader.read(max_bytes + 1) if wanted else b""
    size = len(body) + _drain(record.reader)
    declared = record.headers.get("Content-Length")
    offset = record.stream_pos
    if declared is None:
        return SaringError("corrupt_input", msg("errors.detail.warc_record_truncated_headers", offset=offset))
    if size != record.content_length:
        declared_size = record.content_length
        detail = msg("errors.detail.warc_record_truncated", offset=offset, size=size, declared=declared_size)
        return SaringError("corrupt_input", detail)
    if size > max_bytes:
        label = msg("errors.label.warc_record", offset=offset)
        detail = msg("errors.detail.bytes_over_limit", label=label, n=size, limit=max_bytes)
        return SaringError("too_large", detail)
    return bytes(body)


def unread_tail(stream: BinaryIO, last: int | None) -> int | None:
    """Where data begins that no record was read from (a record cut inside its first gzip bytes), or None.

    The end of the last record is found from the file itself: the end of its gzip member, or its
    header block plus its Content-Length. Only seekable files are checked (a pipe cannot be re-read).
    """
    if not stream.seekable():
        return None
    size = stream.seek(0, 2)
    if last is None:
        return 0 if size else None
    stream.seek(last)
    end = _member_end(stream, last) if stream.read(2) == b"\x1f\x8b" else _record_end(stream, last)
    if end is None or end - len(_RECORD_END) > size:  # only a cut in the closing CRLF CRLF loses nothing
        return last
    stream.seek(end)
    return end if stream.read(64).strip(b"\r\n\x00") else None


def _member_end(stream: BinaryIO, start: int) -> int | None:
    """Offset just after the gzip member starting at `start`; None when it is cut or corrupt."""
    stream.seek(start)
    inflater = zlib.decompressobj(31)
    fed = 0
    try:
        while not inflater.eof:
            chunk = stream.read(1 << 16)
            if not chunk:
                return None
            fed += len(chunk)
            inflater.decompress(chunk, 1 << 20)
            while inflater.unconsumed_tail and not inflater.eof:  # output capped: a bomb is not held
                inflater.decompress(inflater.unconsumed_tail, 1 << 20)
    except zlib.error:
        return None
    return start + fed - len(inflater.unused_data) - len(inflater.unconsumed_tail)


def _record_end(stream: BinaryIO, start: int) -> int | None:
    """Offset just after the uncompressed record starting at `start` (headers, block, CRLF CRLF)."""
    stream.seek(start)
    head = stream.read(1 << 16)
    header_end = head.find(_RECORD_END)
    length = _CONTENT_LENGTH.search(head, 0, max(header_end, 0))
    if header_end < 0 or length is None:
        return None
    return start + header_end + len(_RECORD_END) + int(length.group(1)) + len(_RECORD_END)


def _drain(reader: Any) -> int:
    """Read the rest of a record body in chunks, for its length only."""
    n = 0
    while chunk := reader.read(1 << 20):
        n += len(chunk)
    return n


def _warcio_records(stream: BinaryIO, max_bytes: int) -> Iterator[Record]:
    """For streams that cannot seek (stdin, an inflated `.gz` of another name) and when only warcio is
    installed: damage ends the file with a coded error; a record's body is read to the byte limit."""
    require("warcio", "warc")
    from warcio.archiveiterator import ArchiveIterator

    try:
        archive = ArchiveIterator(stream)
        for record in archive:
            if record.rec_type != "response":
                continue
            headers = record.http_headers
            content_type = ((headers.get_header("Content-Type") if headers else "") or "").lower()
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            body = record.content_stream().read(max_bytes + 1)
            if len(body) > max_bytes:
                label = msg("errors.label.warc_record", offset=archive.get_record_offset())
                detail = msg("errors.detail.bytes_over_limit", label=label, n=len(body), limit=max_bytes)
                yield url, content_type, SaringError("too_large", detail)
                continue
            yield url, content_type, body
    except Exception as exc:  # noqa: BLE001 - warcio raises its own ArchiveLoadFailed, OSError, EOFError, zlib
        yield "", "", SaringError("corrupt_input", msg("errors.detail.warc_unreadable_rest", reason=str(exc)))
