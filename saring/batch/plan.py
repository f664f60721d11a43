"""Deterministic sharding: the inputs cut into numbered shards that never depend on `-j` or the engine.

The inputs are laid end to end as one virtual byte stream and cut into `n_shards` equal byte ranges. A file
is then assigned piece by piece:

* plain JSONL is cut at the line starts nearest the range edges (a record belongs to the range holding its
  first byte), so one huge file is spread over many shards and each worker reads only its own bytes;
* gzipped JSONL cannot be seeked, so a file spanning k shards is read by each of them and split by record
  ordinal (record i goes to stripe i mod k); skipped lines are not parsed;
* every other file (text, HTML, CSV, WARC) goes whole to the shard holding its first byte.

Shards left empty are dropped and the rest renumbered, so the plan is a pure function of the input files,
the ingest options and `n_shards`. It is saved as `plan.json`; a re-run compares against it before resuming.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from saring.errors import SaringError
from saring.messages import msg
from saring.settings import IngestOptions

PLAN_VERSION = 1
TARGET_SHARD_BYTES = 4 << 20  # ~1,800 news articles: a few seconds of work, small enough to redo after a kill
MAX_AUTO_SHARDS = 100_000
_BLOCK = 1 << 20


@dataclass(frozen=True, slots=True)
class Split:
    """Part of one input file: bytes [start, end) (end None: to the end), or every `stripes`-th record."""

    path: str
    start: int = 0
    end: int | None = None
    first_line: int = 1  # line number of the byte at `start`
    stripe: int = 0
    stripes: int = 1
    records: int | None = None  # lines in the split when known (progress estimate only)


@dataclass(frozen=True, slots=True)
class InputFile:
    """An input file and the fingerprint that tells a resumed run it is still the same file."""

    path: str
    size: int
    mtime_ns: int
    format: str
    gzip: bool


@dataclass(frozen=True, slots=True)
class BatchPlan:
    """Everything that decides the bytes of the outputs (so `-j`, engine and scheduler are absent)."""

    out: str
    format_out: str
    options: IngestOptions
    inputs: tuple[InputFile, ...]
    shards: tuple[tuple[Split, ...], ...]
    analyzer: tuple[tuple[str, str], ...] = ()  # (signal, version): a code change must not mix into a resume
    stop_on_error: bool = False
    boilerplate: str | None = None  # --boilerplate-stats file, loaded once per worker
    boilerplate_sha256: str | None = None  # its content: a changed file is a different batch
    db: str | None = None  # store to index into; not saved in plan.json (a URL may hold a password)
    requested_shards: int = 0  # --shards as given; empty shards are dropped, so n_shards may be smaller
    lang: str = "id"  # language of the reports' prose (saring.messages); their codes are the same in any
    version: int = field(default=PLAN_VERSION)

    @property
    def n_shards(self) -> int:
        return len(self.shards)

    @property
    def records(self) -> int | None:
        """Total records when every split knows its count (for an ETA), else None."""
        counts = [s.records for shard in self.shards for s in shard]
        return None if any(c is None for c in counts) else sum(c or 0 for c in counts)

    def to_json(self) -> str:
        data = asdict(self)
        data.pop("out")  # the directory may be moved; it is not part of what the outputs contain
        data.pop("db")
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def list_inputs(paths: list[str], options: IngestOptions) -> list[InputFile]:
    """Files in the order `saring check` reads them (directories walked sorted), with their fingerprints."""
    from saring.ingest import detect_format, walk_directory

    files: list[InputFile] = []
    for path in paths:
        if path == "-":
            raise SaringError("bad_request", msg("errors.detail.batch_stdin"))
        if not os.path.exists(path):
            raise SaringError("not_found", msg("errors.detail.no_such_file", path=path))
        for child in walk_directory(path) if os.path.isdir(path) else [path]:
            files.append(_describe(child, options, detect_format))
    if not files:
        raise SaringError("empty_input", msg("errors.detail.no_input_files", paths=", ".join(paths)))
    return files


def _describe(path: str, options: IngestOptions, detect_format: Any) -> InputFile:
    st = os.stat(path)
    with open(path, "rb") as fh:
        head = fh.read(4096)
    gz = head[:2] == b"\x1f\x8b"
    if gz and not path.lower().endswith(".warc.gz"):
        from saring.ingest.streams import open_gzip

        with open(path, "rb") as raw, open_gzip(raw) as zh:
            try:
                head = zh.read(4096)
            except SaringError:  # damaged early: format from the name; reading it rejects it, counted
                head = b""
    fmt = options.format if options.format != "auto" else detect_format(path, head)
    return InputFile(path=path, size=st.st_size, mtime_ns=st.st_mtime_ns, format=fmt, gzip=gz)


def auto_shards(files: list[InputFile]) -> int:
    total = sum(f.size for f in files)
    return max(1, min(MAX_AUTO_SHARDS, math.ceil(total / TARGET_SHARD_BYTES)))


def make_plan(files: list[InputFile], n_shards: int, **fields: Any) -> BatchPlan:
    """Assign every input byte to exactly one shard (see module docstring)."""
    if n_shards < 1:
        raise SaringError("bad_request", msg("errors.detail.shards_at_least_one", n=n_shards))
    total = sum(f.size for f in files)
    edges = [total * i // n_shards for i in range(n_shards + 1)]
    buckets: list[list[Split]] = [[] for _ in range(n_shards)]
    offset = 0
    for f in files:
        for shard, split in _split_file(f, offset, edges):
            buckets[shard].append(split)
        offset += f.size
    shards = tuple(tuple(b) for b in buckets if b)
    return BatchPlan(inputs=tuple(files), shards=shards, requested_shards=n_shards, **fields)


def _shard_at(edges: list[int], pos: int) -> int:
    """Index of the shard whose byte range holds virtual offset `pos` (the last one for the end)."""
    import bisect

    return min(bisect.bisect_right(edges, pos) - 1, len(edges) - 2)


def _split_file(f: InputFile, offset: int, edges: list[int]) -> list[tuple[int, Split]]:
    first = _shard_at(edges, offset)
    last = _shard_at(edges, offset + max(f.size - 1, 0))
    if f.format != "jsonl" or first == last:
        return [
            (first, Split(f.path, records=None if f.gzip or f.format != "jsonl" else _count_lines(f.path)))
        ]
    if f.gzip:
        k = last - first + 1
        return [(first + j, Split(f.path, stripe=j, stripes=k)) for j in range(k)]
    cuts = [min(max(edges[i] - offset, 0), f.size) for i in range(first, last + 2)]
    return [
        (first + i, split) for i, split in enumerate(_line_ranges(f.path, f.size, cuts)) if split is not None
    ]


def _line_ranges(path: str, size: int, cuts: list[int]) -> list[Split | None]:
    """Line-aligned splits between consecutive cuts, with first line numbers, in one pass over the file."""
    with open(path, "rb") as fh:
        bounds = [_line_start(fh, c, size) for c in cuts]
        splits: list[Split | None] = []
        line = 1
        for start, end in zip(bounds, bounds[1:], strict=False):
            newlines = _count_newlines(fh, start, end)
            records = newlines + (1 if end == size and end > start and not _ends_with_newline(fh, end) else 0)
            splits.append(Split(path, start, end, first_line=line, records=records) if end > start else None)
            line += newlines
    return splits


def _line_start(fh: Any, cut: int, size: int) -> int:
    """The first line start at or after byte `cut`."""
    if cut <= 0 or cut >= size:
        return min(max(cut, 0), size)
    fh.seek(cut - 1)
    fh.readline()
    return int(fh.tell())


def _count_newlines(fh: Any, start: int, end: int) -> int:
    fh.seek(start)
    n, left = 0, end - start
    while left > 0:
        block = fh.read(min(_BLOCK, left))
        if not block:
            break
        n += block.count(b"\n")
        left -= len(block)
    return n


def _ends_with_newline(fh: Any, end: int) -> bool:
    fh.seek(end - 1)
    return bool(fh.read(1) == b"\n")


def _count_lines(path: str) -> int:
    size = os.path.getsize(path)
    with open(path, "rb") as fh:
        return _count_newlines(fh, 0, size) + (1 if size and not _ends_with_newline(fh, size) else 0)


def save_plan(plan: BatchPlan) -> None:
    """Write plan.json on a first run (a re-run has found the same one there: `outdir.claim_out_dir`)."""
    from saring.batch.outputs import write_atomic

    path = Path(plan.out) / "plan.json"
    if not path.exists():
        write_atomic(path, plan.to_json().encode("utf-8"))


def saved_shard_count(out: str) -> int | None:
    """`n_shards` asked for by the run that created `out`, so a re-run without --shards resumes it."""
    path = Path(out) / "plan.json"
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # none, or not a plan: `claim_out_dir` says so under the lock
        return None
    requested = saved.get("requested_shards", 0) if isinstance(saved, dict) else 0
    return requested if isinstance(requested, int) and requested > 0 else None
