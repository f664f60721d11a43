"""Time all registered signals together on ~2 KB articles from the 2019 corpus.

    python benchmarks/signals.py [-n 300] [--min-chars 1800] [--max-chars 2300]

Articles are cleaned before timing (cleaning is not a signal). Prints the one-off load time of each
signal (its first call, which loads artefacts), then median/p95/p99 per article for all signals
together and per signal, and peak RSS. Target (issue 3): <= 5 ms median per article after load.
"""

from __future__ import annotations

import argparse
import random
import time

from _common import corpus_records, header, peak_rss_mb, percentiles

from saring.article import Article, SourceRef
from saring.clean import clean
from saring.ingest.text import parse_text

PROBE = "Presiden meresmikan jembatan baru di Kalimantan, kata juru bicara istana kepada wartawan, Senin."


def sample_articles(n: int, min_chars: int, max_chars: int, seed: int = 42) -> list[Article]:
    """A seeded sample of cleaned articles whose cleaned text is min_chars..max_chars long."""
    records = [r for r in corpus_records() if min_chars <= len(str(r["text"] or "")) <= max_chars * 1.2]
    random.Random(seed).shuffle(records)
    out: list[Article] = []
    for r in records:
        art = clean(parse_text(str(r["text"]), SourceRef("corpus", None), title=str(r["title"] or "")))
        if min_chars <= len(art.text) <= max_chars:
            out.append(art)
        if len(out) == n:
            break
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=300, help="articles to time (default 300)")
    parser.add_argument("--min-chars", type=int, default=1800)
    parser.add_argument("--max-chars", type=int, default=2300)
    parser.add_argument("--warmup", type=int, default=20)
    args = parser.parse_args()
    header("signals: time per article, all registered signals")
    print(f"peak RSS at start: {peak_rss_mb():.0f} MB")
    t0 = time.perf_counter()
    from saring.signals import SIGNALS

    print(f"import saring.signals: {1000 * (time.perf_counter() - t0):.1f} ms")
    probe = clean(parse_text(PROBE, SourceRef("probe"), title="Jokowi Resmikan Jembatan Baru"))
    for name, spec in SIGNALS.items():  # first call = artefact load + one short article
        t0 = time.perf_counter()
        spec.detect(probe)
        print(f"load {name} ({spec.version}): first call {1000 * (time.perf_counter() - t0):.1f} ms")
    print(f"peak RSS after loading all signals: {peak_rss_mb():.0f} MB")
    articles = sample_articles(args.n + args.warmup, args.min_chars, args.max_chars)
    for art in articles[: args.warmup]:
        for spec in SIGNALS.values():
            spec.detect(art)
    timed = articles[args.warmup :]
    per_signal: dict[str, list[float]] = {name: [] for name in SIGNALS}
    totals: list[float] = []
    for art in timed:
        total = 0.0
        for name, spec in SIGNALS.items():
            t0 = time.perf_counter()
            spec.detect(art)
            elapsed = 1000 * (time.perf_counter() - t0)
            per_signal[name].append(elapsed)
            total += elapsed
        totals.append(total)
    mean_chars = sum(len(a.text) for a in timed) / len(timed)
    print(f"{len(timed)} articles, mean {mean_chars:.0f} chars of cleaned text")
    print(f"all signals: {percentiles(totals)}")
    for name, samples in per_signal.items():
        print(f"  {name:<12} {percentiles(samples)}")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
