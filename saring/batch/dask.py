"""The Dask engine: the same `run_shard` mapped over a dask.distributed cluster.

With `--scheduler tcp://HOST:8786` the shards go to an existing cluster (every worker needs saring installed
and the input and output paths on a shared file system); without it a LocalCluster of `-j` single-threaded
worker processes is started for the run. The plan is scattered once; each worker process keeps one Analyzer
(`runner.worker_analyzer`), so models load once per worker. Dask re-runs a task whose worker died, and
`run_shard` is idempotent, so that is safe.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from saring.batch.local import Outcome
from saring.batch.plan import BatchPlan
from saring.batch.runner import run_shard
from saring.errors import require


def local_cluster(workers: int) -> object:
    """A LocalCluster of single-threaded processes (the GIL makes threads useless for this work)."""
    require("distributed", "batch")
    import dask
    from distributed import LocalCluster

    # The statistical profiler samples every worker thread 100 times a second: it only costs time here.
    # Dask starts workers with MALLOC_TRIM_THRESHOLD_=65536, so glibc hands freed memory back to the OS
    # almost at once and the many short-lived numpy arrays of an article are paged in again and again:
    # 4,000 records ran at ~250 records per CPU-second against ~280-310 without it (the local engine's
    # setting; RSS stays flat either way, docs/batch.md).
    settings = {
        "distributed.worker.profile.enabled": False,
        "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,  # None: not set
    }
    with dask.config.set(settings):
        return LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )


def run_dask(
    plan: BatchPlan, shards: list[int], jobs: int, scheduler: str | None = None
) -> Iterator[Outcome]:
    """Yield (shard, stats or the exception that failed it) as shards finish on the cluster."""
    require("distributed", "batch")
    from distributed import Client, as_completed

    cluster = None if scheduler else local_cluster(jobs)
    try:
        with Client(scheduler or cluster, set_as_default=False) as client:  # type: ignore[no-untyped-call]
            shared_plan = client.scatter(plan, broadcast=True)
            futures = {client.submit(run_shard, shared_plan, index, pure=False): index for index in shards}
            try:
                for future in as_completed(futures, loop=client.loop):  # type: ignore[no-untyped-call]
                    error = future.exception()
                    yield futures[future], error if error is not None else future.result()
            finally:
                client.cancel(list(futures))
    finally:
        if cluster is not None:
            cluster.close()  # type: ignore[attr-defined]
