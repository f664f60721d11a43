"""CSV/TSV with a header row, as Python's csv module and spreadsheets write it (RFC 4180 quoting).

Only the delimiter is guessed, from the header line (`,` `;` tab `|`, whichever it has most of): the
quoting rules stay the standard ones, because `csv.Sniffer` guesses those from a sample and can turn
doubled quotes off, which splits a quoted text into dozens of cells. Lines are decoded one at a time
and are at most `max_bytes` long, so a huge file never sits in memory; line numbers are kept.
"""

from __future__ import annotations

import csv
import io
import sys
from typing import BinaryIO

from saring.article import SourceRef
from saring.errors import SaringError
from saring.ingest.base import ReadStream, article_from_fields, check_size, reject
from saring.ingest.streams import LongLine, bounded_lines
from saring.messages import Msg, msg
from saring.settings import IngestOptions

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # fields are bounded by the row limit instead
_DELIMITERS = ",;\t|"


class _DecodedLines:
    """Decoded lines of a byte stream; a bad line raises a coded error once, and reading goes on after it.

    An iterator class, not a generator: a generator that raises is finished, and csv.reader asks
    for the next line again after an error (and starts a new row). A row, which may span lines (an
    unclosed quote can swallow the rest of the file), is also held to `max_bytes`: `row_bytes` is
    reset by the caller at each row.
    """

    def __init__(self, stream: BinaryIO | io.BufferedIOBase, options: IngestOptions) -> None:
        self._lines = bounded_lines(stream, options.max_bytes)
        self._options = options
        self._held: str | None = None
        self.line_no = 0
        self.row_bytes = 0

    def peek(self) -> str | None:
        """The first line, which the next `next()` returns again (the header is read twice)."""
        self._held = next(self, None)
        return self._held

    def __iter__(self) -> _DecodedLines:
        return self

    def __next__(self) -> str:
        from saring.ingest.decode import decode_bytes

        if self._held is not None:
            held, self._held = self._held, None
            return held
        raw = next(self._lines)
        self.line_no += 1
        limit = self._options.max_bytes
        label = msg("errors.label.line", line=self.line_no)
        if isinstance(raw, LongLine):
            check_size(raw.size, self._options, label)  # over the limit: raises too_large
        self.row_bytes += len(raw)
        if self.row_bytes > limit:
            self.row_bytes = 0
            detail = msg("errors.detail.csv_row_too_long", line=self.line_no, limit=limit)
            raise SaringError("too_large", detail)
        return decode_bytes(raw, self._options.encoding, label)


def csv_error(exc: csv.Error) -> Msg:
    """The csv module's own message ("line contains NUL", "field larger than field limit") in a sentence."""
    return msg("errors.detail.bad_csv", reason=str(exc))


def header_delimiter(header: str) -> str:
    """The delimiter the header line uses most; a one-column header gives ','."""
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(stream: BinaryIO | io.BufferedIOBase, path: str, options: IngestOptions) -> ReadStream:
    lines = _DecodedLines(stream, options)
    try:
        header = lines.peek()
    except SaringError as exc:
        yield reject(SourceRef(path, 1), exc)
        return
    if header is None:
        return
    reader = csv.DictReader(lines, delimiter=header_delimiter(header))
    while True:
        line_no = lines.line_no + 1  # where the next row starts (rows may span lines)
        lines.row_bytes = 0
        try:
            row = next(reader)
        except StopIteration:
            return
        except (csv.Error, SaringError) as exc:
            error = exc if isinstance(exc, SaringError) else SaringError("malformed_record", csv_error(exc))
            yield reject(SourceRef(path, line_no), error)  # a failed stream then reads as its end
            continue
        yield from _row_result(row, options, SourceRef(path, line_no))


def _row_result(row: dict[str | None, object], options: IngestOptions, source: SourceRef) -> ReadStream:
    extra = row.pop(None, None)
    if isinstance(extra, list) and any(str(cell).strip() for cell in extra):
        detail = msg("errors.detail.cells_beyond_header", n=len(extra))
        yield reject(source, SaringError("malformed_record", detail))
        return
    try:
        yield article_from_fields(row, options, source)  # type: ignore[arg-type]
    except SaringError as exc:
        yield reject(source, exc, str(row)[:200])
