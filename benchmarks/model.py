"""Hoax estimate costs: load time, inference per article after load, artefact size, training time.

    nice python benchmarks/model.py [-n 300] [--skip-train]

Inference is timed on ~2 KB cleaned 2019 articles with their signal results computed beforehand
(signals are benchmarked in benchmarks/signals.py); the estimate runs both population models and
mixes them (`saring/model/estimate.py`). Training runs `train_default` for the report model into a
temporary folder with an empty signal cache (cleaning, signals, dedup, 5 inner folds + final fit).
Targets: <= 1 ms per article for the model part (issue 14), <= 20 MB, <= 5 min on 2 cores.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from _common import DATA, ROOT, header, peak_rss_mb, percentiles, require_data
from signals import sample_articles

from saring.model.estimate import load_default_estimator
from saring.model.train import train_default
from saring.signals import run_signals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=300, help="articles to time inference on")
    parser.add_argument("--skip-train", action="store_true", help="do not time training")
    args = parser.parse_args()
    header("hoax model")
    start = time.perf_counter()
    model = load_default_estimator()
    print(f"model {model.name}; load {1000 * (time.perf_counter() - start):.1f} ms")
    size = sum(p.stat().st_size for p in (ROOT / "saring" / "model" / "data").iterdir())
    print(f"artefact size {size / 1024:.1f} KiB")
    articles = sample_articles(args.n, 1800, 2300)
    inputs = [(a, run_signals(a)) for a in articles]
    for a, r in inputs[:10]:  # warm-up
        model.predict(a, r)
    samples = []
    for a, r in inputs:
        t0 = time.process_time()
        model.predict(a, r)
        samples.append(1000 * (time.process_time() - t0))
    n = len(samples)
    print(f"inference per article after load (n={n}, signals excluded, CPU time): {percentiles(samples)}")
    if not args.skip_train:
        require_data(DATA)
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            params = train_default(DATA, Path(tmp) / "out", cache_dir=Path(tmp) / "cache")
            print(f"training (cold signal cache) {time.perf_counter() - t0:.1f} s -> {params.model_id}")
    print(f"peak RSS {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
