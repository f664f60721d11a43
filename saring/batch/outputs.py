"""Where a batch writes, and how: every file appears whole or not at all (temp file + fsync + os.replace).

A write that fails (read-only folder, full disk, quota) raises the coded `output_error`, naming the file, so
the driver can stop the batch with that reason instead of a traceback.

Layout of `--out DIR`:
    plan.json                     the shard plan (a re-run must match it to resume)
    shard-00007.jsonl|.parquet    reports of shard 7, in input order
    rejects.jsonl                 every rejected record with file:line and coded reason (merged at the end)
    summary.json                  counts by label, flag and error, throughput, stage timings
    _work/done/shard-00007.json   completion marker (deterministic: counts and output digest)
    _work/stats/shard-00007.json  per-shard stats with timings and peak RSS
    _work/rejects/shard-00007.jsonl, _work/progress/shard-00007, _work/lock
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from saring.errors import SaringError, require
from saring.messages import msg

PARQUET_ROW_GROUP = 1000  # rows buffered before a row group is written: bounds memory to a few MB


def shard_name(index: int) -> str:
    return f"shard-{index:05d}"


def report_path(out: str, index: int, format_out: str) -> Path:
    return Path(out) / f"{shard_name(index)}.{format_out}"


def work_path(out: str, kind: str, index: int, suffix: str = ".json") -> Path:
    return Path(out) / "_work" / kind / f"{shard_name(index)}{suffix}"


# Made once, not per line; a report is a tree built by `to_dict`, so the circular-reference check (a tenth
# of the encoding time) could never fire. The output is `json.dumps(document, ensure_ascii=False)`'s.
_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def encode_line(document: dict[str, Any]) -> bytes:
    """One JSONL line; lone surrogates become JSON \\u escapes instead of invalid UTF-8."""
    return (_ENCODER.encode(document) + "\n").encode("utf-8", "backslashreplace")


@contextmanager
def writing(path: Path) -> Iterator[None]:
    """Turn an OSError while writing `path` into the coded `output_error`."""
    try:
        yield
    except OSError as exc:
        detail = msg("errors.detail.cannot_write", path=str(path), reason=exc.strerror or str(exc))
        raise SaringError("output_error", detail) from exc


class AtomicFile:
    """A binary file written under a unique temp name and renamed into place by `commit`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with writing(path):
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        self.tmp = Path(tmp)
        os.chmod(fd, _file_mode())  # mkstemp makes 0600; outputs should follow the umask like any file
        self.fh: BinaryIO = os.fdopen(fd, "wb")

    def write(self, data: bytes) -> None:
        with writing(self.path):
            self.fh.write(data)

    def commit(self) -> None:
        """Publish the file; if that fails, the temp file goes too."""
        try:
            with writing(self.path):
                self.fh.flush()
                os.fsync(self.fh.fileno())
                self.fh.close()
                os.replace(self.tmp, self.path)
        except SaringError:
            self.abort()
            raise

    def abort(self) -> None:
        with suppress(OSError):  # closing flushes the buffer, which fails again on a full disk
            self.fh.close()
        self.tmp.unlink(missing_ok=True)


@lru_cache(maxsize=1)
def _file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: Path, data: bytes) -> None:
    f = AtomicFile(path)
    try:
        f.write(data)
    except SaringError:
        f.abort()
        raise
    f.commit()


def write_json_atomic(path: Path, data: Any) -> None:
    write_atomic(
        path, (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
    )


def remove_stale_temps(out: str) -> int:
    """Temp files left by a killed run (only called while holding the batch lock)."""
    n = 0
    for tmp in [*Path(out).glob(".*.tmp"), *Path(out).glob("_work/*/.*.tmp")]:
        tmp.unlink(missing_ok=True)
        n += 1
    return n


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class ReportWriter(Protocol):
    def write(self, document: dict[str, Any]) -> None: ...
    def commit(self) -> None: ...
    def abort(self) -> None: ...


class JsonlWriter:
    def __init__(self, path: Path) -> None:
        self.file = AtomicFile(path)

    def write(self, document: dict[str, Any]) -> None:
        self.file.write(encode_line(document))

    def commit(self) -> None:
        self.file.commit()

    def abort(self) -> None:
        self.file.abort()


def _parquet_row(document: dict[str, Any]) -> dict[str, Any]:
    """Flat columns for querying, plus the whole report as JSON so nothing is lost."""
    article = document["article"]
    source = article.get("source") or {}
    hoax = document.get("hoax") or {}
    return {
        "id": article["id"],
        "title": article["title"],
        "url": article.get("url"),
        "site": article.get("site"),
        "published": article.get("published"),
        "source_path": source.get("path"),
        "source_line": source.get("line"),
        "lang": article.get("lang"),
        "n_chars": article["n_chars"],
        "hoax_label": hoax.get("label"),
        "hoax_probability": hoax.get("probability"),
        "flags": [s["name"] for s in document["signals"] if s["flag"]],
        "report": encode_line(document)[:-1].decode("utf-8"),
    }


class ParquetWriter:
    """Row groups of `PARQUET_ROW_GROUP` reports with a fixed schema (the same for every shard)."""

    def __init__(self, path: Path) -> None:
        require("pyarrow", "batch")  # a coded error naming the extra, not an ImportError traceback
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.pa = pa
        self.schema = pa.schema(
            [
                ("id", pa.string()),
                ("title", pa.string()),
                ("url", pa.string()),
                ("site", pa.string()),
                ("published", pa.string()),
                ("source_path", pa.string()),
                ("source_line", pa.int64()),
                ("lang", pa.string()),
                ("n_chars", pa.int64()),
                ("hoax_label", pa.string()),
                ("hoax_probability", pa.float64()),
                ("flags", pa.list_(pa.string())),
                ("report", pa.string()),
            ]
        )
        self.file = AtomicFile(path)
        self.writer = pq.ParquetWriter(self.file.fh, self.schema, compression="zstd")
        self.rows: list[dict[str, Any]] = []

    def write(self, document: dict[str, Any]) -> None:
        self.rows.append(_parquet_row(document))
        if len(self.rows) >= PARQUET_ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            with writing(self.file.path):
                self.writer.write_table(self.pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def commit(self) -> None:
        self._flush()
        with writing(self.file.path):
            self.writer.close()
        self.file.commit()

    def abort(self) -> None:
        with suppress(OSError):
            self.writer.close()
        self.file.abort()


def open_writer(path: Path, format_out: str) -> ReportWriter:
    return ParquetWriter(path) if format_out == "parquet" else JsonlWriter(path)
