"""The batch driver: plan, lock, resume, dispatch the pending shards to an engine, then merge and summarise.

Only this process writes the shared files (plan.json, rejects.jsonl, summary.json); workers write their own
shard files. An flock on `_work/lock` keeps two drivers off the same directory; the kernel drops it when a
driver is killed, so a re-run can always take over.
"""

from __future__ import annotations

import fcntl
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from saring.batch.outdir import claim_out_dir
from saring.batch.outputs import AtomicFile, remove_stale_temps, work_path, write_json_atomic
from saring.batch.plan import BatchPlan, save_plan
from saring.batch.stats import ShardStats
from saring.batch.summary import BatchSummary
from saring.errors import SaringError
from saring.messages import msg

ProgressFn = Callable[[int], None]
POLL_S = 0.5


def build_plan(inputs: list[str], out: str, shards: int | None, **fields: Any) -> BatchPlan:
    """The plan for these inputs; without --shards a re-run reuses the count of the run it resumes."""
    from saring.batch.plan import auto_shards, list_inputs, make_plan, saved_shard_count
    from saring.signals import SIGNALS

    files = list_inputs(inputs, fields["options"])
    n = shards or saved_shard_count(out) or auto_shards(files)
    analyzer = tuple((spec.name, spec.version) for spec in SIGNALS.values())
    return make_plan(files, n, out=out, analyzer=analyzer, **fields)


def run_batch(
    plan: BatchPlan,
    engine: str = "local",
    jobs: int = 1,
    scheduler: str | None = None,
    on_progress: ProgressFn | None = None,
    force: bool = False,
) -> BatchSummary:
    """Run every unfinished shard; the outputs are the same whatever the engine, jobs or interruptions.

    `force` lets the batch take over a folder that holds something else (see `outdir.py`). A folder that
    cannot be written (read-only, full) stops the batch with a coded `output_error`.
    """
    try:
        return _run(plan, engine, jobs, scheduler, on_progress, force)
    except OSError as exc:
        raise _output_error(exc, plan.out) from exc


def _output_error(exc: OSError, out: str) -> SaringError:
    detail = msg("errors.detail.cannot_write", path=exc.filename or out, reason=exc.strerror or str(exc))
    return SaringError("output_error", detail)


def _run(
    plan: BatchPlan,
    engine: str,
    jobs: int,
    scheduler: str | None,
    on_progress: ProgressFn | None,
    force: bool,
) -> BatchSummary:
    if Path(plan.out).exists() and not Path(plan.out).is_dir():
        raise SaringError("bad_request", msg("errors.detail.out_is_file", out=plan.out))
    Path(plan.out).mkdir(parents=True, exist_ok=True)
    with _locked(plan.out):
        claim_out_dir(plan, force)
        save_plan(plan)
        remove_stale_temps(plan.out)
        if plan.db:
            _migrate(plan.db)
        summary = BatchSummary()
        done = {i for i in range(plan.n_shards) if work_path(plan.out, "done", i).exists()}
        for i in sorted(done):
            summary.add(_finished_stats(plan, i))
        pending = [i for i in range(plan.n_shards) if i not in done]
        start = time.perf_counter()
        with _watch_progress(plan, summary, on_progress):
            for index, outcome in _engine(plan, pending, engine, jobs, scheduler):
                if isinstance(outcome, ShardStats):
                    summary.add(outcome)
                elif _stops_the_batch(plan, outcome):
                    raise outcome
                else:
                    summary.failed[index] = f"{type(outcome).__name__}: {outcome}"
        summary.wall = time.perf_counter() - start
        if not summary.failed:
            _merge_rejects(plan)
        write_json_atomic(Path(plan.out) / "summary.json", summary.to_dict())
    return summary


def _stops_the_batch(plan: BatchPlan, outcome: BaseException) -> bool:
    """--on-error stop ends at the first coded failure; a full or read-only disk would fail every shard."""
    if not isinstance(outcome, SaringError):
        return False
    return plan.stop_on_error or outcome.name == "output_error"


def _migrate(url: str) -> None:
    """Create or upgrade the store's tables once, before the workers open it."""
    from saring.store import open_store

    with open_store(url) as store:
        store.migrate()


def _finished_stats(plan: BatchPlan, index: int) -> ShardStats:
    from saring.batch.runner import run_shard

    return run_shard(plan, index)  # returns the saved stats of a finished shard without redoing it


def _engine(
    plan: BatchPlan, pending: list[int], engine: str, jobs: int, scheduler: str | None
) -> Iterator[Any]:
    if engine == "dask":
        from saring.batch.dask import run_dask

        return run_dask(plan, pending, jobs, scheduler)
    from saring.batch.local import run_local

    return run_local(plan, pending, jobs)


@contextmanager
def _locked(out: str) -> Iterator[None]:
    path = Path(out) / "_work" / "lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise SaringError("bad_request", msg("errors.detail.batch_locked", out=out)) from exc
        yield


@contextmanager
def _watch_progress(plan: BatchPlan, summary: BatchSummary, on_progress: ProgressFn | None) -> Iterator[None]:
    """Report records done (finished shards plus the progress files of running ones) every POLL_S."""
    if on_progress is None:
        yield
        return
    stop = threading.Event()
    progress_dir = Path(plan.out) / "_work" / "progress"

    def poll() -> None:
        while not stop.wait(POLL_S):
            on_progress(summary.read + _running_records(progress_dir))

    thread = threading.Thread(target=poll, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
        on_progress(summary.read)


def _running_records(progress_dir: Path) -> int:
    total = 0
    for path in progress_dir.glob("shard-*"):
        try:
            total += int(path.read_text(encoding="ascii"))
        except (OSError, ValueError):  # the shard finished and removed it, or it is being replaced
            continue
    return total


def _merge_rejects(plan: BatchPlan) -> None:
    """rejects.jsonl = the per-shard reject files in shard order (so it is the same after any resume)."""
    merged = AtomicFile(Path(plan.out) / "rejects.jsonl")
    for index in range(plan.n_shards):
        with open(work_path(plan.out, "rejects", index, ".jsonl"), "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):  # noqa: B023 - fh is used within the loop
                merged.write(block)
    merged.commit()
