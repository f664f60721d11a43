"""One shard, start to finish: read its splits, prepare and analyse each article, write outputs atomically.

`run_shard(plan, index)` is all an engine calls; it is idempotent. A finished shard leaves a marker and is
skipped by later calls, an unfinished one is redone from its first record into fresh temp files, so a kill at
any point loses at most the shard in progress and never leaves a half-written output. The report shard holds
nothing that varies between runs (no timings); those go to the stats file.
"""

from __future__ import annotations

import itertools
import json
import os
import resource
import time
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from saring.article import Article, Rejected
from saring.batch.outputs import (
    JsonlWriter,
    open_writer,
    report_path,
    sha256_file,
    work_path,
    write_json_atomic,
    writing,
)
from saring.batch.plan import BatchPlan, Split
from saring.batch.stats import ShardStats, place
from saring.clean import SiteBoilerplate
from saring.errors import CODES, SaringError
from saring.ingest.base import ReadStream
from saring.messages import msg
from saring.pipeline import Analyzer, prepare
from saring.settings import IngestOptions

PROGRESS_EVERY_S = 1.0
INDEX_BATCH = 500  # articles per store transaction with --db


# Analysed once per worker so that every lazily loaded model and word list is loaded before the first shard.
WARM_UP = (
    "Pemerintah kota mengumumkan perbaikan jalan di kawasan pasar induk akan dimulai pekan depan. "
    "Kepala dinas mengatakan pengerjaan ditargetkan selesai sebelum musim hujan tiba."
)


@lru_cache(maxsize=1)
def worker_analyzer() -> Analyzer:
    """One Analyzer per process (pool or dask worker): models and indexes load once, not per article."""
    from saring.article import SourceRef
    from saring.ingest.text import parse_text

    analyzer = Analyzer()
    warm = prepare(parse_text(WARM_UP, SourceRef("<warm-up>"), title="Perbaikan jalan"), IngestOptions())
    if isinstance(warm, Article):
        analyzer.analyze(warm)
    return analyzer


@lru_cache(maxsize=1)
def worker_boilerplate(path: str) -> SiteBoilerplate:
    """Per-site boilerplate statistics (--boilerplate-stats), read once per process."""
    with open(path, encoding="utf-8") as fh:
        return SiteBoilerplate.from_json(fh.read())


@lru_cache(maxsize=1)
def worker_store(url: str) -> Any:
    """One store connection per process for --db (the driver has applied migrations already)."""
    from saring.store import open_store

    return open_store(url)


class _Indexer:
    """--db: adds prepared articles to the store in batches; content-hash keys make a redo add nothing."""

    def __init__(self, url: str | None, stats: ShardStats) -> None:
        self.store = worker_store(url) if url else None
        self.stats = stats
        self.pending: list[Article] = []

    def add(self, article: Article) -> None:
        if self.store is not None:
            self.pending.append(article)
            if len(self.pending) >= INDEX_BATCH:
                self.flush()

    def flush(self) -> None:
        if self.store is None or not self.pending:
            return
        from saring.index import add_articles

        start = time.perf_counter()
        for added in add_articles(self.store, self.pending):
            self.stats.indexed += added.added
            self.stats.index_existing += added.existing
        self.pending = []
        self.stats.seconds["index"] += time.perf_counter() - start


def read_split(split: Split, options: IngestOptions) -> ReadStream:
    """The records of one split, with the same line numbers and messages as reading the whole file."""
    from saring.ingest import read_path
    from saring.ingest.jsonl import read_jsonl
    from saring.ingest.streams import bounded_lines, open_gzip

    if split.stripes > 1:
        # Inflated as read, lines bounded, damage a coded rejection (saring.ingest.streams).
        with open(split.path, "rb") as raw_file, open_gzip(raw_file) as fh:
            # Other stripes' lines become blank: the reader skips them unparsed and keeps counting lines.
            numbered = enumerate(bounded_lines(fh, options.max_bytes))
            lines = (raw if i % split.stripes == split.stripe else b"" for i, raw in numbered)
            yield from read_jsonl(lines, split.path, options)
    elif split.end is not None:
        with open(split.path, "rb") as fh:
            fh.seek(split.start)
            # Blank lines for the lines before the split keep the reader's line numbers (and messages) right.
            before = itertools.repeat(b"", split.first_line - 1)
            split_lines = _lines_until(fh, split.end - split.start, options.max_bytes)
            yield from read_jsonl(itertools.chain(before, split_lines), split.path, options)
    else:
        yield from read_path(split.path, options)


def _lines_until(fh: Any, n_bytes: int, max_line: int) -> Iterator[bytes]:
    from saring.ingest.streams import LongLine, bounded_lines

    for raw in bounded_lines(fh, max_line):
        if n_bytes <= 0:
            return
        n_bytes -= raw.size if isinstance(raw, LongLine) else len(raw)
        yield raw


def _timed(stream: Iterator[Any], seconds: dict[str, float]) -> Iterator[Any]:
    while True:
        t = time.perf_counter()
        item = next(stream, None)
        seconds["read"] += time.perf_counter() - t
        if item is None:
            return
        yield item


def run_shard(plan: BatchPlan, index: int) -> ShardStats:
    """Process shard `index` of `plan` unless a previous run finished it."""
    marker = work_path(plan.out, "done", index)
    stats_file = work_path(plan.out, "stats", index)
    if marker.exists():
        return ShardStats.from_dict({**json.loads(stats_file.read_text(encoding="utf-8")), "resumed": True})
    stats = ShardStats(shard=index, pid=os.getpid())
    loading = time.perf_counter()
    worker_analyzer()  # instant after the first shard of this process
    stats.load = time.perf_counter() - loading
    start, start_cpu = time.perf_counter(), time.thread_time()
    reports = open_writer(report_path(plan.out, index, plan.format_out), plan.format_out)
    rejects = JsonlWriter(work_path(plan.out, "rejects", index, ".jsonl"))
    try:
        with _one_blas_thread():
            _process(plan, index, stats, reports, rejects)
    except BaseException:
        reports.abort()
        rejects.abort()
        raise
    reports.commit()
    rejects.commit()
    stats.wall = time.perf_counter() - start
    stats.cpu = time.thread_time() - start_cpu
    stats.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    write_json_atomic(stats_file, stats.to_dict())
    digest = sha256_file(report_path(plan.out, index, plan.format_out))
    write_json_atomic(marker, {"shard": index, "ok": stats.ok, "rejected": stats.rejected, "sha256": digest})
    work_path(plan.out, "progress", index, "").unlink(missing_ok=True)
    return stats


def _one_blas_thread() -> Any:
    """Workers are one per core already: BLAS threads would oversubscribe (and may reorder float sums)."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1)


def _process(plan: BatchPlan, index: int, stats: ShardStats, reports: Any, rejects: JsonlWriter) -> None:
    analyzer = worker_analyzer()
    site_stats = worker_boilerplate(plan.boilerplate) if plan.boilerplate else None
    seconds = stats.seconds
    progress = _Progress(plan.out, index)
    indexer = _Indexer(plan.db, stats)
    for split in plan.shards[index]:
        for item in _timed(read_split(split, plan.options), seconds):
            stats.read += 1
            t0 = time.perf_counter()
            result = item if isinstance(item, Rejected) else prepare(item, plan.options, site_stats)
            t1 = time.perf_counter()
            seconds["clean"] += t1 - t0
            if isinstance(result, Rejected):
                _reject(plan, stats, rejects, result)
            else:
                try:
                    report = analyzer.analyze(result)
                    t2 = time.perf_counter()
                    document = report.to_dict(plan.lang)
                except SaringError:
                    raise
                except Exception as exc:  # a bug must name the record that triggers it
                    raise RuntimeError(f"{place(result.source)}: {type(exc).__name__}: {exc}") from exc
                reports.write(document)
                stats.add_report(document)
                indexer.add(result)
                seconds["analyze"] += t2 - t1
                seconds["write"] += time.perf_counter() - t2
            progress.tick(stats.read)
    indexer.flush()  # before the marker: a shard is done only once its articles are in the store


def _reject(plan: BatchPlan, stats: ShardStats, rejects: JsonlWriter, rejected: Rejected) -> None:
    src = rejected.source
    rejects.write(
        {
            "path": src.path,
            "line": src.line,
            "code": rejected.code,
            "reason": rejected.reason,
            # The same line as a catalogue message, for tools that show rejects in the reader's language.
            "reason_msg": rejected.message.to_dict() if rejected.message else None,
            "excerpt": rejected.excerpt,
        }
    )
    stats.add_reject(rejected)
    if plan.stop_on_error:
        name = next(e.name for e in CODES.values() if e.code == rejected.code)
        raise SaringError(name, msg("errors.detail.stopped_at", place=place(rejected.source)))


class _Progress:
    """Records read so far, in a tiny file the driver polls (works the same for local and dask workers)."""

    def __init__(self, out: str, index: int) -> None:
        self.path = work_path(out, "progress", index, "")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        self.last = time.monotonic()

    def tick(self, n: int) -> None:
        now = time.monotonic()
        if now - self.last >= PROGRESS_EVERY_S:
            self.last = now
            with writing(self.path):
                self.tmp.write_text(str(n), encoding="ascii")
                os.replace(self.tmp, self.path)
