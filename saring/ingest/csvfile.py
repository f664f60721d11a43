"""CSV/TSV with a header row; the delimiter is sniffed (`,` `;` tab `|`), line numbers are kept."""

from __future__ import annotations

import csv
import io
import sys

from saring.article import SourceRef
from saring.errors import SaringError
from saring.ingest.base import ReadStream, article_from_fields, reject
from saring.settings import IngestOptions

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def read_csv(stream: io.TextIOBase, path: str, options: IngestOptions) -> ReadStream:
    sample = stream.read(65536)
    stream.seek(0)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(stream, dialect=dialect)
    if not reader.fieldnames:
        return
    while True:
        line_no = reader.line_num + 1  # where the next row starts (rows may span lines)
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield reject(SourceRef(path, line_no), SaringError("malformed_record", str(exc)))
            continue
        source = SourceRef(path, line_no)
        if None in row:  # more cells than header columns
            extra = row.pop(None)
            if any(cell.strip() for cell in extra if cell):
                yield reject(source, SaringError("malformed_record", f"{len(extra)} cells beyond the header"))
                continue
        try:
            yield article_from_fields(row, options, source)
        except SaringError as exc:
            yield reject(source, exc, str(row)[:200])
