"""Batch at crawl scale: deterministic shards, one `run_shard` per shard, mapped by a local pool or Dask.

`build_plan` cuts the inputs into shards, `run_batch` runs the unfinished ones and writes the summary;
`run_shard` is the unit an engine executes (idempotent, so resuming and retrying are safe).
"""

from saring.batch.driver import build_plan, run_batch
from saring.batch.plan import BatchPlan, Split
from saring.batch.runner import run_shard
from saring.batch.stats import ShardStats
from saring.batch.summary import BatchSummary

__all__ = ["BatchPlan", "BatchSummary", "ShardStats", "Split", "build_plan", "run_batch", "run_shard"]
