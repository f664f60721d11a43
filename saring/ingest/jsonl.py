"""JSON Lines: one article per line; a bad line is reported with its line number and reading goes on."""

from __future__ import annotations

import json
from collections.abc import Iterable

from saring.article import SourceRef
from saring.errors import SaringError
from saring.ingest.base import ReadStream, article_from_fields, check_size, reject
from saring.settings import IngestOptions


def read_jsonl(lines: Iterable[bytes], path: str, options: IngestOptions) -> ReadStream:
    from saring.ingest.decode import decode_bytes

    for line_no, raw in enumerate(lines, start=1):
        if not raw.strip():  # also the blanked lines of other shards (saring.batch.runner.read_split)
            continue
        source = SourceRef(path, line_no)
        try:
            check_size(len(raw), options, f"line {line_no}")
            record = json.loads(decode_bytes(raw, options.encoding, f"line {line_no}"))
            if not isinstance(record, dict):
                raise SaringError("malformed_record", f"line {line_no} is a JSON {type(record).__name__}, not an object")
            yield article_from_fields(record, options, source)
        except json.JSONDecodeError as exc:
            yield reject(source, SaringError("malformed_record", f"invalid JSON ({exc.msg}, column {exc.colno})"), raw.decode("utf-8", "replace"))
        except SaringError as exc:
            yield reject(source, exc, raw.decode("utf-8", "replace"))
