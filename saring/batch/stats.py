"""What a batch counts: a `Tally` of records per shard (`ShardStats`, saved beside the shard) and per batch.

Counts are sums over shards; costs (stage seconds, CPU, RSS) belong to the run that did the work, so a
resumed shard adds its counts to the batch but not its costs to this run's throughput.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields
from typing import Any

from saring.article import Rejected, SourceRef

STAGES = ("read", "clean", "analyze", "write", "index")
MAX_EXAMPLES = 5  # places kept per error reason (the full list is in rejects.jsonl)


def reject_key(rejected: Rejected) -> str:
    """'SAR-E007 malformed_record': the code and name that start every reason."""
    return " ".join(rejected.reason.split(" ")[:2]).rstrip(":")


def place(source: SourceRef | None) -> str:
    """'file:line' (or just the file) for messages and examples."""
    if source is None:
        return "<memory>"
    return source.path + (f":{source.line}" if source.line else "")


@dataclass(kw_only=True)
class Tally:
    """Records read, reports by hoax label and flagged signal, rejects by reason with example places."""

    read: int = 0
    ok: int = 0
    rejected: int = 0
    labels: Counter[str] = field(default_factory=Counter)
    flags: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    indexed: int = 0  # --db: articles added to the store
    index_existing: int = 0  # --db: already there (from a killed run, or a duplicate article)

    def add_reject(self, rejected: Rejected) -> None:
        key = reject_key(rejected)
        self.rejected += 1
        self.errors[key] += 1
        self._keep_examples(key, [place(rejected.source)])

    def add_report(self, document: dict[str, Any]) -> None:
        self.ok += 1
        hoax = document.get("hoax")
        self.labels[hoax["label"] if hoax else "unscored"] += 1
        self.flags.update(s["name"] for s in document["signals"] if s["flag"])

    def merge(self, other: Tally) -> None:
        for name in ("read", "ok", "rejected", "indexed", "index_existing"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.labels.update(other.labels)
        self.flags.update(other.flags)
        self.errors.update(other.errors)
        for key, places in other.examples.items():
            self._keep_examples(key, places)

    def _keep_examples(self, key: str, places: list[str]) -> None:
        kept = self.examples.setdefault(key, [])
        kept += places[: MAX_EXAMPLES - len(kept)]


@dataclass(kw_only=True)
class ShardStats(Tally):
    """One shard's tally and what it cost; saved as `_work/stats/shard-NNNNN.json`."""

    shard: int
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    load: float = 0.0  # seconds loading models (the first shard of each worker process only)
    wall: float = 0.0  # seconds processing records, after loading
    cpu: float = 0.0  # CPU seconds of the thread doing it: unlike `wall`, not inflated by other load
    peak_rss_mb: float = 0.0
    pid: int = 0
    resumed: bool = False  # finished by an earlier run: counted, but not in this run's throughput

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ShardStats:
        counters = {k: Counter(data[k]) for k in ("labels", "flags", "errors")}
        return cls(**{**data, **counters})
