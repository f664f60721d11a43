"""The local engine: shards mapped over a process pool (`-j N`), or run in this process for `-j 1`.

Workers are spawned (not forked) and die with their parent: if the driver is killed (SIGKILL, SIGTERM),
they exit at once instead of finishing orphaned shards, so a killed run writes nothing more and a re-run
never races with its leftovers. On Linux the kernel kills them (PR_SET_PDEATHSIG); elsewhere they poll the
parent pid.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator

from saring.batch.plan import BatchPlan
from saring.batch.runner import run_shard
from saring.batch.stats import ShardStats

Outcome = tuple[int, ShardStats | BaseException]

_PLAN: BatchPlan | None = None


def run_local(plan: BatchPlan, shards: list[int], jobs: int) -> Iterator[Outcome]:
    """Yield (shard, stats or the exception that failed it) as shards finish."""
    if jobs <= 1 or len(shards) <= 1:
        for index in shards:
            yield index, _attempt(plan, index)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    pool = ProcessPoolExecutor(
        min(jobs, len(shards)),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_worker,
        initargs=(plan, os.getpid()),
    )
    try:
        futures = {pool.submit(_run, index): index for index in shards}
        for future in as_completed(futures):
            error = future.exception()
            yield futures[future], error if error is not None else future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _attempt(plan: BatchPlan, index: int) -> ShardStats | Exception:
    try:
        return run_shard(plan, index)
    except Exception as exc:  # reported per shard by the driver; the other shards go on
        return exc


def _init_worker(plan: BatchPlan, parent: int) -> None:
    global _PLAN
    _PLAN = plan
    if not _die_with_parent():
        threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the driver died before the request above took effect
        os._exit(1)


def _die_with_parent() -> bool:
    """Ask Linux to SIGKILL this process the moment its parent exits; False where that is not available."""
    import ctypes
    import signal
    import sys

    if not sys.platform.startswith("linux"):
        return False
    pr_set_pdeathsig = 1
    libc = ctypes.CDLL(None)  # the interpreter's own symbols include libc's prctl
    return bool(libc.prctl(pr_set_pdeathsig, int(signal.SIGKILL), 0, 0, 0) == 0)


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _run(index: int) -> ShardStats:
    assert _PLAN is not None, "worker started without a plan"
    return run_shard(_PLAN, index)
