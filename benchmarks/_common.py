"""Shared helpers for benchmark scripts: corpus access, timing percentiles, peak memory, versions."""

from __future__ import annotations

import json
import platform
import resource
import statistics
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
CORPUS_2019 = DATA / "clickid_raw_articles_2019" / "normalized.jsonl"


def require_data(path: Path) -> Path:
    if not path.exists():
        sys.exit(f"benchmark skipped: needs {path} (../shared/data beside the project)")
    return path


def corpus_records(limit: int | None = None) -> Iterator[dict[str, object]]:
    with open(require_data(CORPUS_2019), encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                return
            yield json.loads(line)


def percentiles(samples_ms: list[float]) -> str:
    qs = statistics.quantiles(samples_ms, n=100, method="inclusive")
    return f"p50 {qs[49]:.3f} ms  p95 {qs[94]:.3f} ms  p99 {qs[98]:.3f} ms"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def header(title: str) -> None:
    print(f"# {title}")
    print(f"python {platform.python_version()} on {platform.machine()}, {platform.node()}")
