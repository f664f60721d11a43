"""Readers: turn files, directories or stdin into a stream of `Article | Rejected`.

`read_inputs` is the one entry point; it picks a reader by `--format` or by file name, then by
content. Readers never raise for a bad record: they yield `Rejected` with file and line, so the
caller decides whether to stop or skip (STYLE.md lesson 4).
"""

from __future__ import annotations

import io
import os
import stat
import sys
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

from saring.article import SourceRef
from saring.errors import SaringError
from saring.ingest.base import ReadResult, ReadStream, open_error, reject
from saring.ingest.streams import read_bounded
from saring.messages import msg
from saring.settings import IngestOptions

__all__ = ["ReadResult", "ReadStream", "detect_format", "read_inputs", "read_path", "walk_directory"]

_SUFFIXES = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".warc": "warc",
    ".pdf": "pdf",
    ".png": "image", ".jpg": "image", ".jpeg": "image", ".webp": "image", ".gif": "image",
}
STDIN = "-"


def detect_format(path: str, head: bytes = b"") -> str:
    """Format from the name (`x.warc.gz`, `x.jsonl.gz` too), else from the first bytes."""
    name = path.lower().removesuffix(".gz")
    suffix = Path(name).suffix
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    from saring.ingest.image import looks_like_image

    if looks_like_image(head):
        return "image"
    from saring.ingest.pdf import looks_like_pdf

    if looks_like_pdf(head):
        return "pdf"
    start = head.lstrip()[:200].lower()
    if start.startswith(b"warc/"):
        return "warc"
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith((b"<!doctype html", b"<html")) or b"<body" in head[:4000].lower():
        return "html"
    return "text"


def read_inputs(paths: Iterable[str], options: IngestOptions) -> ReadStream:
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            for child in walk_directory(path):
                yield from read_path(child, options)
        else:
            yield from read_path(path, options)


def walk_directory(directory: str) -> list[str]:
    """Files below `directory` in sorted order, hidden ones skipped: the order every command reads in."""
    found = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [os.path.join(root, f) for f in sorted(files) if not f.startswith(".")]
    return found


def read_path(path: str, options: IngestOptions) -> ReadStream:
    """Read one file (or stdin, or a link) of any supported format."""
    from saring.ingest.fetch import is_url

    if is_url(path) and not os.path.exists(path):
        yield _read_url(path, options)
        return
    try:
        stream, recoded = _open_binary(path, options.encoding)
    except OSError as exc:
        yield reject(SourceRef(path), open_error(exc))
        return
    except SaringError as exc:  # a gzip file damaged in its first bytes
        yield reject(SourceRef(path), exc)
        return
    if recoded and options.encoding:  # a forced UTF-16/32 codec was applied while recoding to UTF-8
        options = replace(options, encoding="utf-8-sig")
    with stream:
        try:
            head = stream.peek(4096)[:4096]
            fmt = options.format if options.format != "auto" else detect_format(path, head)
            yield from _read_stream(stream, path, fmt, options)
        except SaringError as exc:  # the stream failed (truncated gzip, bad UTF-16): the file ends here
            yield reject(SourceRef(path), exc)


def _read_whole(stream: io.BufferedReader, path: str, fmt: str, options: IngestOptions) -> ReadResult:
    """A file read whole into one document (an image, a PDF), never past the byte limit."""
    from saring.ingest.document import read_document

    try:
        return read_document(stream.read(options.max_bytes + 1), path, options, fmt=fmt)
    except SaringError as exc:
        return reject(SourceRef(path), exc)


def _read_url(url: str, options: IngestOptions) -> ReadResult:
    """The page behind a link, read as one document (an article, a PDF, a screenshot)."""
    from saring.ingest.document import read_document
    from saring.ingest.fetch import fetch

    try:
        page = fetch(url, options.max_bytes)
        fmt = options.format if options.format != "auto" else page.fmt
        return read_document(page.body, url, options, url=page.url, fmt=fmt)
    except SaringError as exc:
        return reject(SourceRef(url), exc)


def _open_binary(path: str, encoding: str | None) -> tuple[io.BufferedReader, bool]:
    """A buffered byte stream of the input, gzip inflated and UTF-16/32 (by its BOM, or forced) recoded
    to UTF-8 on the fly, never whole; and whether it was recoded."""
    from saring.ingest.decode import is_wide, wide_bom_codec
    from saring.ingest.streams import open_gzip, recode_to_utf8

    stream: io.BufferedReader
    if path == STDIN:
        stream = io.BufferedReader(cast(Any, sys.stdin.buffer))
    else:
        stream = open(path, "rb")  # noqa: SIM115 - closed by the caller's with-block
    try:
        if stream.peek(2)[:2] == b"\x1f\x8b" and not path.lower().endswith(".warc.gz"):
            stream = open_gzip(stream)
        if encoding is None:
            codec = wide_bom_codec(stream.peek(4)[:4])
        else:
            codec = encoding if is_wide(encoding) else None
    except SaringError:
        stream.close()
        raise
    return (recode_to_utf8(stream, codec), True) if codec else (stream, False)


def _read_stream(stream: io.BufferedReader, path: str, fmt: str, options: IngestOptions) -> ReadStream:
    if fmt == "jsonl":
        from saring.ingest.jsonl import read_jsonl

        yield from read_jsonl(stream, path, options)
    elif fmt == "csv":
        from saring.ingest.csvfile import read_csv

        yield from read_csv(stream, path, options)
    elif fmt == "warc":
        from saring.ingest.warc import read_warc

        yield from read_warc(stream, path, options)
    elif fmt in ("image", "pdf"):
        yield _read_whole(stream, path, fmt, options)
    elif fmt in ("text", "html"):
        yield from _read_single(stream, path, fmt, options)
    else:
        error = SaringError("unsupported_format", msg("errors.detail.unknown_format", fmt=fmt))
        yield reject(SourceRef(path), error)


def _read_single(stream: io.BufferedReader, path: str, fmt: str, options: IngestOptions) -> ReadStream:
    """One article from a text or HTML file; a WhatsApp chat export gives one per turn worth judging."""
    from saring.ingest.decode import decode_bytes

    source = SourceRef(path)  # messages say "the file": the rejection names the path once, in front
    try:
        the_file = msg("errors.label.the_file")
        data = read_bounded(stream, options.max_bytes, the_file, _plain_size(stream))
        if not data.strip():
            raise SaringError("empty_input", msg("errors.detail.file_empty"))
        text = decode_bytes(data, options.encoding, the_file)
        if fmt == "html":
            from saring.ingest.html import parse_html

            yield parse_html(text, source, options)
            return
        from saring.ingest.chat_export import looks_like_chat_export, read_chat_export

        if looks_like_chat_export(text):
            yield from read_chat_export(text, path)
            return
        from saring.ingest.text import parse_text

        yield parse_text(text, source)
    except SaringError as exc:
        yield reject(source, exc)


def _plain_size(stream: io.BufferedReader) -> int | None:
    """The byte size of a plain file (for the size-limit message); None for stdin and inflated streams."""
    if not isinstance(stream.raw, io.FileIO):
        return None
    st = os.fstat(stream.fileno())
    return st.st_size if stat.S_ISREG(st.st_mode) else None
