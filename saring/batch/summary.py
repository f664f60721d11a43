"""The batch summary: the shard tallies summed, plus this run's throughput and costs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from saring.batch.stats import STAGES, ShardStats, Tally


@dataclass(kw_only=True)
class BatchSummary(Tally):
    """The batch's tally (all shards, this run's and earlier runs') and this run's costs."""

    shards: int = 0
    resumed: int = 0
    failed: dict[int, str] = field(default_factory=dict)  # shard -> error; re-run to retry
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    processed_now: int = 0  # records read by this run (not by the run it resumed)
    wall: float = 0.0
    cpu: float = 0.0  # worker CPU seconds in this run, after loading models
    load: float = 0.0  # worker seconds loading models, summed over worker processes
    peak_rss_mb: float = 0.0

    def add(self, stats: ShardStats) -> None:
        self.shards += 1
        self.merge(stats)
        if stats.resumed:
            self.resumed += 1
            return
        self.processed_now += stats.read
        self.cpu += stats.cpu
        self.load += stats.load
        for stage, s in stats.seconds.items():
            self.seconds[stage] = self.seconds.get(stage, 0.0) + s
        self.peak_rss_mb = max(self.peak_rss_mb, stats.peak_rss_mb)

    @property
    def rate(self) -> float:
        """Records per second of wall time in this run."""
        return self.processed_now / self.wall if self.wall > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        per_record = {
            k: round(1000 * v / self.processed_now, 3) if self.processed_now else None
            for k, v in self.seconds.items()
        }
        return {
            "shards": self.shards,
            "resumed_shards": self.resumed,
            "failed_shards": self.failed,
            "records": self.read,
            "reports": self.ok,
            "rejected": self.rejected,
            "indexed": {"added": self.indexed, "already_in_store": self.index_existing},
            "labels": dict(self.labels.most_common()),
            "flags": dict(self.flags.most_common()),
            "errors": {
                k: {"count": n, "examples": self.examples.get(k, [])} for k, n in self.errors.most_common()
            },
            "throughput": {
                "records_this_run": self.processed_now,
                "wall_seconds": round(self.wall, 3),
                "worker_cpu_seconds": round(self.cpu, 3),
                "model_load_seconds": round(self.load, 3),
                "records_per_cpu_second": round(self.processed_now / self.cpu, 1) if self.cpu else None,
                "records_per_second": round(self.rate, 1),
                "stage_wall_ms_per_record": per_record,
                "peak_rss_mb_per_worker": round(self.peak_rss_mb, 1),
            },
        }
