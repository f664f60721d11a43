"""Batch throughput, memory and per-stage cost of `saring batch` on the 2019 news corpus (issue 8).

    python benchmarks/batch.py                                # all 22,136 records, 1x and 10x
    python benchmarks/batch.py --limit 2000 --scales 1,5      # a reduced run (on a busy machine)
    python benchmarks/batch.py --profile 1000 --no-matrix     # only the per-stage profile

1. Stage profile, one process, one core: CPU ms per article for read (JSONL parse, field mapping, decoding),
   clean (normalise, paragraphs, boilerplate, repeats) and language ID, each signal of the registry, the rest
   of `Analyzer.analyze` (hoax model, provenance, claims: whatever is wired in), report building, JSON encode.
2. Matrix: for each scale (the first --limit records repeated k times into a temp file, never in the repo) x
   engine x workers, a fresh `saring batch` process writes to a temp directory; its summary.json gives the
   wall-clock rate (startup, pool/cluster start and model loading included), the rate per worker core
   (records / worker busy seconds) and the peak RSS of a worker process (flat across scales: it streams).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _common import CORPUS_2019, ROOT, header, percentiles, require_data

from saring.article import Rejected
from saring.batch.outputs import encode_line
from saring.batch.plan import auto_shards, list_inputs
from saring.clean.lang import identify
from saring.ingest import read_inputs
from saring.pipeline import Analyzer, prepare
from saring.settings import IngestOptions
from saring.signals import SIGNALS


def _head(path: Path, limit: int | None, dest: Path, repeat: int = 1) -> Path:
    """The first `limit` lines of `path`, `repeat` times over, streamed into `dest`."""
    with open(dest, "wb") as out:
        for _ in range(repeat):
            with open(path, "rb") as fh:
                for i, line in enumerate(fh):
                    if limit is not None and i >= limit:
                        break
                    out.write(line)
    return dest


def _clock(samples: dict[str, list[float]], stage: str, fn: Callable[..., Any], *args: Any) -> Any:
    t0 = time.process_time()  # CPU time: other processes on a shared machine do not inflate it
    result = fn(*args)
    samples.setdefault(stage, []).append((time.process_time() - t0) * 1000)
    return result


def profile(path: Path, n: int) -> None:
    """Per-stage ms per article on `n` records, one core (signals also timed one by one)."""
    options, analyzer = IngestOptions(), Analyzer()
    samples: dict[str, list[float]] = {}
    stream = iter(read_inputs([str(path)], options))
    warm = 20  # lazy imports and model loading are paid before timing
    done = 0
    while done < n + warm:
        item = _clock(samples, "read", next, stream, None)
        if item is None:
            break
        done += 1
        result = (
            item if isinstance(item, Rejected) else _clock(samples, "clean+langid", prepare, item, options)
        )
        if isinstance(result, Rejected):
            continue
        _clock(
            samples,
            "  of which langid",
            identify,
            result.text,
            result.title,
        )
        for name, spec in SIGNALS.items():
            _clock(samples, f"  signal {name}", spec.detect, result)
        signal_ms = sum(samples[f"  signal {name}"][-1] for name in SIGNALS)
        report = _clock(samples, "analyze (all)", analyzer.analyze, result)
        samples.setdefault("  model+rest", []).append(max(0.0, samples["analyze (all)"][-1] - signal_ms))
        document = _clock(samples, "report to_dict", report.to_dict)
        _clock(samples, "json encode", encode_line, document)
    samples = {k: v[warm:] if k == "read" else v[warm // 2 :] for k, v in samples.items()}
    print(f"\n## Stage profile: {n} records, one core (CPU ms per article)")
    total = sum(
        sum(v) / len(v)
        for k, v in samples.items()
        if k in ("read", "clean+langid", "analyze (all)", "report to_dict", "json encode") and v
    )
    for stage, values in samples.items():
        if len(values) >= 2:
            mean = sum(values) / len(values)
            share = 100 * mean / total
            print(f"  {stage:<28} mean {mean:7.3f} ms  {percentiles(values)}  ({share:4.1f}% of total)")
    print(
        f"  total per article {total:.3f} ms -> {1000 / total:.0f} articles/s per core "
        f"(signals registered: {len(SIGNALS)}: {', '.join(SIGNALS) or 'none'})"
    )


def run_config(path: Path, engine: str, workers: int, shards: int, tmp: Path) -> dict[str, Any]:
    out = tmp / f"out-{engine}-{workers}"
    cmd = [sys.executable, "-m", "saring", "batch", str(path), "--out", str(out)]
    cmd += ["--engine", engine, "-j", str(workers), "--shards", str(shards)]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 3):
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    summary: dict[str, Any] = json.loads((out / "summary.json").read_text())
    shutil.rmtree(out)
    summary["process_wall"] = wall
    return summary


def matrix(args: argparse.Namespace, tmp: Path) -> None:
    print("\n## Throughput matrix (a fresh `saring batch` process per row)")
    print("  wall: the whole command (startup, pool/cluster start, model loading included);")
    print("  per core: records / worker CPU seconds after model loading (not inflated by other load)")
    print("  load: seconds each worker spent loading models before its first record")
    print(
        f"  {'scale':>5} {'records':>8} {'engine':>6} {'-j':>3} {'shards':>6} {'wall s':>8} "
        f"{'rec/s wall':>10} {'rec/s/core':>10} {'load s':>7} {'peak RSS/worker MB':>19}"
    )
    for scale in args.scales:
        path = _head(CORPUS_2019, args.limit, tmp / f"input-x{scale}.jsonl", repeat=scale)
        # Enough shards to keep every worker busy (saring's default is one per ~4 MB of input).
        default = auto_shards(list_inputs([str(path)], IngestOptions()))
        shards = args.shards or max(default, 4 * max(args.workers))
        for engine in args.engines:
            for workers in args.workers:
                s = run_config(path, engine, workers, shards, tmp)
                t = s["throughput"]
                print(
                    f"  {scale:>4}x {s['records']:>8} {engine:>6} {workers:>3} {s['shards']:>6} "
                    f"{s['process_wall']:>8.1f} {s['records'] / s['process_wall']:>10.1f} "
                    f"{t['records_per_cpu_second'] or 0:>10.1f} {t['model_load_seconds'] / workers:>7.1f} "
                    f"{t['peak_rss_mb_per_worker']:>19.0f}",
                    flush=True,
                )
        path.unlink()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--limit", type=int, help="records taken from the corpus (default: all 22,136)")
    p.add_argument(
        "--scales", default="1,10", help="repetitions of the sample, comma-separated (default: 1,10)"
    )
    p.add_argument("--engines", default="local,dask", help="comma-separated: local,dask")
    p.add_argument("--workers", default="1,2", help="worker counts, comma-separated (default: 1,2)")
    p.add_argument("--shards", type=int, help="shards per run (default: saring's, at least 4 per worker)")
    p.add_argument("--profile", type=int, default=2000, help="records for the stage profile (0: skip)")
    p.add_argument("--no-matrix", action="store_true", help="only the stage profile")
    p.add_argument("--tmp", help="directory for the repeated inputs and outputs (default: a new temp dir)")
    args = p.parse_args()
    args.scales = [int(x) for x in args.scales.split(",")]
    args.engines = args.engines.split(",")
    args.workers = [int(x) for x in args.workers.split(",")]
    require_data(CORPUS_2019)
    header("saring batch benchmark")
    tmp = Path(tempfile.mkdtemp(prefix="saring-bench-", dir=args.tmp))
    try:
        if args.profile:
            profile(_head(CORPUS_2019, args.profile + 20, tmp / "profile.jsonl"), args.profile)
        if not args.no_matrix:
            matrix(args, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
