"""JSON Lines: one article per line; a bad line is reported with its line number and reading goes on.

Lines are read at most `max_bytes` at a time (a longer one is skipped, counted, and named with its
real size), and a stream that fails midway (a truncated .jsonl.gz) ends the file with a coded
rejection at the line it reached.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator

from saring.article import SourceRef
from saring.errors import SaringError
from saring.ingest.base import ReadStream, article_from_fields, check_size, json_error, reject
from saring.ingest.streams import LongLine, bounded_lines
from saring.messages import msg
from saring.settings import IngestOptions


def read_jsonl(lines: Iterable[bytes] | io.BufferedIOBase, path: str, options: IngestOptions) -> ReadStream:
    """Records of a byte stream (read in bounded lines) or of already split lines (the batch runner's)."""
    from saring.ingest.decode import decode_bytes

    if isinstance(lines, io.BufferedIOBase):
        source_lines = bounded_lines(lines, options.max_bytes)
    else:
        source_lines = iter(lines)
    for line_no, raw in _numbered(source_lines, path):
        if isinstance(raw, SaringError):
            yield reject(SourceRef(path, line_no), raw)
            return
        if not raw.strip():  # also the blanked lines of other shards (saring.batch.runner.read_split)
            continue
        source = SourceRef(path, line_no)
        try:
            label = msg("errors.label.line", line=line_no)
            check_size(raw.size if isinstance(raw, LongLine) else len(raw), options, label)
            record = json.loads(decode_bytes(raw, options.encoding, label))
            if not isinstance(record, dict):
                kind = type(record).__name__
                detail = msg("errors.detail.json_not_object", line=line_no, kind=kind)
                raise SaringError("malformed_record", detail)
            yield article_from_fields(record, options, source)
        except json.JSONDecodeError as exc:
            yield reject(source, json_error(exc), raw.decode("utf-8", "replace"))
        except SaringError as exc:
            yield reject(source, exc, raw.decode("utf-8", "replace"))


def _numbered(lines: Iterator[bytes], path: str) -> Iterator[tuple[int, bytes | SaringError]]:
    """(line number, line); a failing stream gives (the line it stopped at, the error) and ends."""
    line_no = 0
    while True:
        line_no += 1
        try:
            raw = next(lines)
        except StopIteration:
            return
        except SaringError as exc:
            yield line_no, exc
            return
        yield line_no, raw
