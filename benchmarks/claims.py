"""Latency of one claim search against 10,000 fact-checks (target: p95 <= 30 ms after load).

The collection is real: the 6,974 TurnBackHoax index titles, the 1,116 TurnBackHoax post titles and
BDC 2020 claim narratives up to 10,000 rows. Queries are check-worthy sentences from ordinary 2019
news (CLICK-ID raw articles, fixed sample). Prints load time and p50/p95/p99 per hybrid query, wall
and CPU time (on a shared machine wall time includes waiting for a core), first with words the
Sastrawi stemmer has not seen (cold, ~0.3 ms per new word) and again (warm, the steady state of a
long-running process for common words), the search plus the same-claim decision (`judge`, what
`saring check` runs per query), then the two main steps timed alone, and peak RSS.

    python benchmarks/claims.py [--db /tmp/fc10k.db] [--queries 300]

`--db` keeps the imported collection between runs (the first import embeds 10k claims: 20-150 s).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
TBH = DATA / "turnbackhoax_jibranfawaid2021"
BDC = DATA / "indonesia_false_news_bdc2020" / "normalized.jsonl"
NEWS = DATA / "clickid_raw_articles_2019" / "normalized.jsonl"
SIZE = 10_000


def collection() -> Iterator:  # type: ignore[type-arg]
    from saring.claims.factchecks import FactCheck, fact_check_from_record, read_factchecks

    for path in (TBH / "headings_normalized.csv", TBH / "normalized.jsonl"):
        yield from (x for x in read_factchecks(path) if isinstance(x, FactCheck))
    for line in BDC.open(encoding="utf-8"):
        row = json.loads(line)
        yield fact_check_from_record(
            {"claim": row["text"][:400], "rating": row["label"], "date": row["date"]}
        )


def queries(n: int) -> list[str]:
    from saring.article import SourceRef
    from saring.claims.checkworthy import checkworthy_sentences
    from saring.clean import clean
    from saring.ingest.text import parse_text

    out: list[str] = []
    lines = NEWS.open(encoding="utf-8").readlines()
    for line in random.Random(7).sample(lines, n):
        row = json.loads(line)
        article = clean(parse_text(row["text"], SourceRef(row["id"]), title=row["title"]))
        out += [c.sentence for c in checkworthy_sentences(article, 0.4, 1)]
    return out[:n]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="SQLite file to (re)use for the collection (default: a temporary file)")
    ap.add_argument("--queries", type=int, default=300)
    args = ap.parse_args()
    if not all(p.exists() for p in (TBH, BDC, NEWS)):
        print(f"skipped: needs {TBH}, {BDC} and {NEWS} (../shared/data)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        run(args.db or os.path.join(tmp, "fc10k.db"), args.queries)
    return 0


def run(db: str, n_queries: int) -> None:
    from saring.claims import storage
    from saring.claims.decide import judge
    from saring.claims.retrieval import FactCheckIndex
    from saring.claims.terms import search_terms
    from saring.store import open_store

    store = open_store(db)
    store.migrate()
    if storage.count_factchecks(store) < SIZE:
        t0 = time.perf_counter()
        stats = storage.import_factchecks(store, islice(collection(), SIZE + 200))
        print(
            f"imported {stats.added} (+{stats.unchanged} unchanged), embedded {stats.embedded} "
            f"in {time.perf_counter() - t0:.1f} s"
        )
    sample = queries(n_queries)
    index = FactCheckIndex(store)
    t0 = time.perf_counter()
    n = len(index)  # loads ids, terms and the embedding matrix
    load_s = time.perf_counter() - t0
    for text in sample[:5]:  # warm-up: model weights, caches
        index.search(text)
    timings: dict[str, list[float]] = {}
    for phase in ("cold", "warm"):  # cold: new words reach the stemmer; warm: the same queries again
        for text in sample:
            t0, c0 = time.perf_counter(), time.process_time()
            index.search(text, k=5)
            timings.setdefault(f"search, {phase} (wall)", []).append(time.perf_counter() - t0)
            timings.setdefault(f"search, {phase} (CPU)", []).append(time.process_time() - c0)
    for text in sample:  # what `saring check` runs per query: search + same-claim probability of the best 5
        t0, c0 = time.perf_counter(), time.process_time()
        judge(index, text, index.settings.judged)
        timings.setdefault("judge, warm (wall)", []).append(time.perf_counter() - t0)
        timings.setdefault("judge, warm (CPU)", []).append(time.process_time() - c0)
    for text in sample:
        t0 = time.perf_counter()
        storage.lexical_search(store, search_terms(text), index.settings.candidates)
        timings.setdefault("  full-text BM25 (wall)", []).append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        index.matrix @ index._encode(text)
        timings.setdefault("  encode + cosine (wall)", []).append(time.perf_counter() - t0)
    ms = lambda xs, q: float(np.percentile(xs, q) * 1000)  # noqa: E731
    print(
        f"python {platform.python_version()}, numpy {np.__version__}, {os.cpu_count()} cpus, "
        f"load avg {os.getloadavg()[0]:.1f}"
    )
    print(f"fact-checks: {n}, embedding matrix {index.matrix.shape} float32, load {load_s * 1000:.0f} ms")
    print(f"queries: {len(sample)} check-worthy news sentences, hybrid, k=5")
    for name, xs in timings.items():
        print(f"{name:26s} p50 {ms(xs, 50):6.1f} ms   p95 {ms(xs, 95):6.1f} ms   p99 {ms(xs, 99):6.1f} ms")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    store.close()


if __name__ == "__main__":
    sys.exit(main())
