"""Readers: turn files, directories or stdin into a stream of `Article | Rejected`.

`read_inputs` is the one entry point; it picks a reader by `--format` or by file name, then by
content. Readers never raise for a bad record: they yield `Rejected` with file and line, so the
caller decides whether to stop or skip (STYLE.md lesson 4).
"""

from __future__ import annotations

import gzip
import io
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from saring.article import SourceRef
from saring.errors import SaringError
from saring.ingest.base import ReadResult, ReadStream, check_size, reject
from saring.settings import IngestOptions

__all__ = ["ReadResult", "ReadStream", "detect_format", "read_inputs", "read_path", "walk_directory"]

_SUFFIXES = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".warc": "warc",
}
STDIN = "-"


def detect_format(path: str, head: bytes = b"") -> str:
    """Format from the name (`x.warc.gz`, `x.jsonl.gz` too), else from the first bytes."""
    name = path.lower().removesuffix(".gz")
    suffix = Path(name).suffix
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
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
    """Read one file (or stdin) of any supported format."""
    try:
        stream = _open_binary(path)
    except OSError as exc:
        yield reject(SourceRef(path), SaringError("not_found", f"{path}: {exc.strerror or exc}"))
        return
    with stream:
        head = stream.peek(4096)[:4096] if hasattr(stream, "peek") else b""
        fmt = options.format if options.format != "auto" else detect_format(path, head)
        yield from _read_stream(stream, path, fmt, options)


def _open_binary(path: str) -> io.BufferedReader:
    if path == STDIN:
        return io.BufferedReader(io.BytesIO(sys.stdin.buffer.read()))
    raw = open(path, "rb")  # noqa: SIM115 - closed by the caller's with-block
    if raw.peek(2)[:2] == b"\x1f\x8b" and not path.lower().endswith(".warc.gz"):
        return io.BufferedReader(gzip.GzipFile(fileobj=raw))
    return raw


def _read_stream(stream: io.BufferedReader, path: str, fmt: str, options: IngestOptions) -> ReadStream:
    if fmt == "jsonl":
        from saring.ingest.jsonl import read_jsonl

        yield from read_jsonl(stream, path, options)
    elif fmt == "csv":
        from saring.ingest.csvfile import read_csv

        yield from read_csv(_csv_text(stream, options), path, options)
    elif fmt == "warc":
        from saring.ingest.warc import read_warc

        yield from read_warc(stream, path, options)
    elif fmt in ("text", "html"):
        yield _read_single(stream, path, fmt, options)
    else:
        yield reject(SourceRef(path), SaringError("unsupported_format", f"'{fmt}'"))


def _csv_text(stream: io.BufferedReader, options: IngestOptions) -> io.TextIOBase:
    from saring.ingest.decode import decode_bytes

    return io.StringIO(decode_bytes(stream.read(), options.encoding, "CSV file"), newline="")


def _read_single(stream: io.BufferedReader, path: str, fmt: str, options: IngestOptions) -> ReadResult:
    from saring.ingest.decode import decode_bytes

    source = SourceRef(path)
    try:
        data = stream.read(options.max_bytes + 1)
        check_size(len(data), options, path)
        if not data.strip():
            raise SaringError("empty_input", f"{path} is empty")
        text = decode_bytes(data, options.encoding, path)
        if fmt == "html":
            from saring.ingest.html import parse_html

            return parse_html(text, source, options)
        from saring.ingest.text import parse_text

        return parse_text(text, source)
    except SaringError as exc:
        return reject(source, exc)
