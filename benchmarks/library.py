"""Speed of the Python API: `saring.check` latency on ~2 KB articles, `check_many` throughput per core.

`check` is timed after a first call (which loads the models). `check_many` is compared with the batch
runner's own per-record work on the same records (`prepare` + `worker_analyzer().analyze` + `to_dict`,
what `saring batch` does per record): the API should cost nothing on top. Rates are records per CPU
second of the process doing the work (the parent for jobs=1, the workers for jobs>1, model loading
included there), so that other load on a shared machine does not count.

    python benchmarks/library.py                    # 200 latency samples, 2,000 records
    python benchmarks/library.py --records 500 --jobs 2
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import corpus_records, header, peak_rss_mb, percentiles  # noqa: E402


def _two_kb_articles(n: int) -> list[tuple[str, str]]:
    """Articles of the 2019 corpus whose text is 1.8-2.2 KB (UTF-8), the first `n` of them."""
    found = []
    for record in corpus_records():
        text, title = str(record["text"]), str(record["title"])
        if 1800 <= len(text.encode("utf-8")) <= 2200:
            found.append((title, text))
            if len(found) == n:
                break
    return found


def latency(n: int) -> None:
    import saring

    articles = _two_kb_articles(n)
    saring.check(articles[0][1], title=articles[0][0])  # loads the models
    wall, cpu = [], []
    for title, text in articles:
        start, start_cpu = time.perf_counter(), time.process_time()
        try:
            saring.check(text, title=title)
        except saring.SaringError:
            continue  # refused (language gate): not an analysis
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    print(f"saring.check on {len(wall)} articles of 1.8-2.2 KB, after the first call")
    print(f"  wall: {percentiles(wall)}")
    print(f"  CPU:  {percentiles(cpu)}")


def _records(n: int) -> list[dict[str, object]]:
    return [{"id": r["id"], "title": r["title"], "text": r["text"]} for r in corpus_records(n)]


def runner_rate(records: list[dict[str, object]]) -> float:
    """The batch runner's per-record work, in this process (its Analyzer is already warm)."""
    from saring.article import Article, SourceRef
    from saring.batch.runner import worker_analyzer
    from saring.ingest.base import article_from_fields
    from saring.pipeline import prepare
    from saring.settings import IngestOptions

    options, analyzer = IngestOptions(), worker_analyzer()
    start = time.process_time()
    for record in records:
        prepared = prepare(article_from_fields(record, options, SourceRef("<bench>")), options)
        if isinstance(prepared, Article):
            analyzer.analyze(prepared).to_dict()
    return len(records) / (time.process_time() - start)


def check_many_rate(records: list[dict[str, object]], jobs: int) -> tuple[float, float, int]:
    """(records per CPU second, records per wall second, reports) of `check_many` with `jobs`."""
    import saring

    start_wall, start_cpu = time.perf_counter(), time.process_time()
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    n = sum(1 for report in saring.check_many(records, jobs=jobs, on_error="skip") if report.to_dict())
    wall = time.perf_counter() - start_wall
    if jobs <= 1:
        cpu = time.process_time() - start_cpu
    else:  # the workers have exited (the pool is shut down): their CPU time is in RUSAGE_CHILDREN
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - children_before.ru_utime) + (after.ru_stime - children_before.ru_stime)
    return len(records) / cpu, len(records) / wall, n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=int, default=200, help="2 KB articles to time check on")
    parser.add_argument("--records", type=int, default=2000, help="corpus records for the throughput runs")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for the pooled run")
    args = parser.parse_args()
    header("saring as a library: check latency, check_many throughput")
    latency(args.latency)
    records = _records(args.records)
    print(f"\n{len(records)} records of the 2019 corpus, records per CPU second (runs alternate, twice)")
    for _ in range(2):
        runner = runner_rate(records)
        one_cpu, one_wall, n = check_many_rate(records, 1)
        print(f"  batch runner's per-record work: {runner:5.0f}   check_many jobs=1: {one_cpu:5.0f} "
              f"({one_wall:.0f}/s wall, {n} reports)")
    if args.jobs > 1:
        many_cpu, many_wall, _ = check_many_rate(records, args.jobs)
        print(f"  check_many jobs={args.jobs}: {many_cpu:5.0f} per worker CPU second, model loading included "
              f"({many_wall:.0f}/s wall)")
    print(f"peak RSS of this process: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
