"""Corpus index at scale (issue 5): build throughput, trace latency and bytes per article.

For each backend the store is filled with the cleaned 2019 news corpus (21,980 articles), then with
generated articles up to each size in --sizes. Generated articles are word-bigram samples of the
corpus (lengths drawn from the corpus), so they have its vocabulary and phrase statistics but are not
copies of each other. At each size:

- build: articles/s over the articles added since the last size, wall clock and CPU of this process
  (the machine is shared: wall clock includes waiting for the CPU; PostgreSQL's own CPU is not in the
  process figure);
- trace latency p50/p95 over --queries queries, wall clock and CPU time of this process (on SQLite
  all the work is in this process, so CPU time is the latency on an idle core): a third verbatim
  copies, a third 40%-spun copies of corpus articles, a third articles from another corpus
  (rahutomo2017) that are not in the index; and recall@1 of the copies and spins at that size;
- bytes per article: SQLite file size, or PostgreSQL index tables with their indexes and TOAST.

Also printed once: end-to-end `saring index add` throughput (read + clean + index) with 1 and 2
workers on --e2e-records JSONL records, since cleaning (language ID) costs more than indexing.

Usage: python benchmarks/index.py [--backends sqlite,postgres] [--sizes 21980,100000,1000000]
       [--pg postgresql://...] [--dir /tmp/saring-bench]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from _common import CORPUS_2019, header, peak_rss_mb, percentiles
from provenance_eval import _as_input, _spin_share, cleaned_corpus, out_of_period

from saring.article import Article
from saring.index import add_articles, trace
from saring.index.stats import index_stats
from saring.index.writer import MERGE_EVERY
from saring.store import Store, open_store

SEED = 42


class BigramText:
    """Samples article-like text from the corpus' word bigrams (for sizes beyond the real corpus)."""

    def __init__(self, articles: list[Article], seed: int) -> None:
        self.rng = random.Random(seed)
        self.next: dict[str, list[str]] = {}
        self.lengths = [len(a.text.split()) for a in articles]
        for a in articles[:5000]:
            words = ["."] + a.text.split()
            for w, n in zip(words, words[1:], strict=False):
                self.next.setdefault(w, []).append(n)

    def text(self) -> str:
        n = max(30, self.rng.choice(self.lengths))
        word, out = ".", []
        choice = self.rng.choice
        for _ in range(n):
            word = choice(self.next.get(word) or self.next["."])
            out.append(word)
        return " ".join(out)

    def articles(self, start: int, count: int) -> Iterator[Article]:
        for i in range(start, start + count):
            text = self.text()
            yield Article(id=f"gen-{i}", raw_text="", title=f"Artikel {i}", url=f"https://gen.example/{i}",
                          site="gen.example", text=text, paragraphs=[(0, len(text))])


def _queries(corpus: list[Article], n: int) -> list[tuple[str, Article, str | None]]:
    """(kind, query, expected id) for copies, 40% spins and articles not in the index."""
    from saring.lexicon.mythes import read_mythes
    from saring.lexicon.spinner import forward_synonyms

    rng = random.Random(SEED)
    synonyms = forward_synonyms(read_mythes())
    sources = rng.sample([a for a in corpus if len(a.text.split()) >= 80], 2 * (n // 3))
    result: list[tuple[str, Article, str | None]] = []
    for i, src in enumerate(sources[: n // 3]):
        result.append(("copy", _as_input(src.title, src.text, i, "copy"), src.id))
    for i, src in enumerate(sources[n // 3 :]):
        body, _ = _spin_share(src.text, 0.4, synonyms, SEED + i)
        result.append(("spin40", _as_input(src.title, body, i, "spin40"), src.id))
    result += [("unrelated", a, None) for a in out_of_period(SEED)[: n // 3]]
    return result


def _measure_queries(store: Store, queries: list[tuple[str, Article, str | None]]) -> dict[str, Any]:
    for _, q, _ in queries[:5]:  # warm-up: caches and lazy imports
        trace(store, q)
    latencies, cpu, hits, false = [], [], {"copy": 0, "spin40": 0}, 0
    for kind, q, expected in queries:
        t0, c0 = time.perf_counter(), time.process_time()
        matches = trace(store, q)
        latencies.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
        if expected:
            hits[kind] += bool(matches and matches[0]["id"] == expected)
        else:
            false += any(m["relation"] != "same_story" for m in matches)
    per_kind = sum(1 for k, _, _ in queries if k == "copy")
    return {"latency": percentiles(latencies), "cpu": percentiles(cpu),
            "recall@1": {k: v / per_kind for k, v in hits.items()}, "unrelated_with_match": false / per_kind}


def _add(store: Store, articles: Iterable[Article]) -> tuple[int, float, float]:
    wall, cpu, n = time.perf_counter(), time.process_time(), 0
    for stats in add_articles(store, articles):
        n += stats.added
    return n, time.perf_counter() - wall, time.process_time() - cpu


def _add_generated(store: Store, generator: BigramText, start: int, count: int, chunk: int = MERGE_EVERY,
                   ) -> tuple[int, float, float]:
    """Add generated articles; only `add_articles` is timed (generating them is not indexing)."""
    n = wall = cpu = 0.0
    for offset in range(start, start + count, chunk):
        batch = list(generator.articles(offset, min(chunk, start + count - offset)))
        added, w, c = _add(store, batch)
        n, wall, cpu = n + added, wall + w, cpu + c
    return int(n), wall, cpu


def end_to_end(path: Path, workdir: Path, limit: int, workers: int) -> str:
    """`saring index add --workers N` as a user runs it: read, clean, fingerprint, write (SQLite)."""
    import resource

    from saring.cli import main

    lines = path.read_text(encoding="utf-8").splitlines()[:limit]
    sample, db = workdir / "e2e.jsonl", workdir / "e2e.db"
    sample.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)

    def cpu() -> float:
        return sum(resource.getrusage(who).ru_utime + resource.getrusage(who).ru_stime
                   for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))

    wall, used = time.perf_counter(), cpu()
    main(["index", "add", str(sample), "--db", str(db), "--workers", str(workers)])
    wall, used = time.perf_counter() - wall, cpu() - used
    return (f"end-to-end `saring index add --workers {workers}` of {len(lines)} records: "
            f"{len(lines) / wall:.0f}/s wall, {len(lines) / used:.0f}/s per CPU-second "
            "(this process and its workers)")


def run_backend(name: str, url: str, sizes: list[int], n_queries: int, corpus: list[Article]) -> None:
    store = open_store(url)
    store.migrate()
    queries = _queries(corpus, n_queries)
    generator = BigramText(corpus, SEED)
    print(f"\n## {name}")
    total = 0
    for size in sizes:
        if total == 0:
            added, wall, cpu = _add(store, corpus[:size])
        else:
            added, wall, cpu = _add_generated(store, generator, total, size - total)
        total += added
        stats = index_stats(store)
        q = _measure_queries(store, queries)
        print(f"{name} {stats['articles']:>9} articles | build +{added}: {added / wall:.0f}/s wall, "
              f"{added / cpu:.0f}/s CPU | trace wall {q['latency']} | trace CPU {q['cpu']} | "
              f"recall@1 {q['recall@1']} | unrelated with a copy/partial/spin match "
              f"{q['unrelated_with_match']:.3f} | {stats['bytes_per_article']:.0f} bytes/article | "
              f"peak RSS {peak_rss_mb():.0f} MB", flush=True)
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--sizes", default="21980,100000,300000,1000000",
                        help="store sizes to measure at; the first is the real corpus (default: %(default)s)")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--e2e-records", type=int, default=5000,
                        help="records of the 2019 corpus for the end-to-end `index add` runs")
    parser.add_argument("--pg", default=None, help="PostgreSQL URL (default: start a throwaway local server)")
    parser.add_argument("--dir", type=Path, default=Path("/tmp/saring-bench"), help="where SQLite files go")
    args = parser.parse_args()
    header("corpus index: build throughput, trace latency, bytes per article")
    corpus = cleaned_corpus()
    sizes = [int(s) for s in args.sizes.split(",")]
    args.dir.mkdir(parents=True, exist_ok=True)
    for name in args.backends.split(","):
        if name == "sqlite":
            path = args.dir / "index-bench.db"
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
            for workers in (1, 2):
                print(end_to_end(CORPUS_2019, args.dir, args.e2e_records, workers), flush=True)
            run_backend(name, str(path), sizes, args.queries, corpus)
        elif args.pg:
            run_backend(name, args.pg, sizes, args.queries, corpus)
        else:
            from saring.store.localpg import start_local_postgres

            server = start_local_postgres()
            try:
                run_backend(name, server.dsn, sizes, args.queries, corpus)
            finally:
                server.stop()


if __name__ == "__main__":
    main()
