"""Read + clean throughput for plain text and HTML on the 2019 news corpus (issue 2).

Plain text: each corpus record goes through the JSONL field mapping, then `clean` (normalise,
paragraphs, boilerplate, repeats, language ID). HTML: each record is wrapped in a page with
navigation, ads, comments and a cookie banner, then extracted (trafilatura, and resiliparse) and
cleaned. One process, one core. Usage: python benchmarks/ingest.py [--limit N]
"""

from __future__ import annotations

import argparse
import html
import os
import time
from collections.abc import Callable

from _common import corpus_records, header, peak_rss_mb, percentiles

from saring.article import Article, SourceRef
from saring.clean import clean
from saring.ingest.base import article_from_fields
from saring.ingest.html import parse_html
from saring.settings import IngestOptions

PAGE = """<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{title}</title></head><body>
<div class="cookie-banner">Situs ini memakai cookie. <button>Setuju</button></div>
<nav><a href="/">Beranda</a> <a href="/news">Berita</a> <a href="/sport">Olahraga</a></nav>
<div class="ad">ADVERTISEMENT</div><main><article><h1>{title}</h1>{paragraphs}</article></main>
<section class="comments"><p>Mantap beritanya!</p></section><footer>Copyright 2019</footer></body></html>"""


def _time(items: list[object], fn: Callable[[object], object]) -> tuple[float, list[float]]:
    for item in items[:20]:  # warm-up: lazy imports and caches are paid before timing
        fn(item)
    samples = []
    start = time.perf_counter()
    for item in items:
        t0 = time.perf_counter()
        fn(item)
        samples.append((time.perf_counter() - t0) * 1000)
    return time.perf_counter() - start, samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=5000)
    args = parser.parse_args()
    header("benchmarks/ingest.py: read + clean")
    records = [r for r in corpus_records(args.limit) if len(str(r.get("text") or "")) > 50]
    opts = IngestOptions()
    mean_chars = sum(len(str(r["text"])) for r in records) / len(records)
    print(f"{len(records)} articles from the 2019 corpus, mean {mean_chars:.0f} chars; pid {os.getpid()}")

    def text_path(record: object) -> Article:
        return clean(article_from_fields(record, opts, SourceRef("corpus")))  # type: ignore[arg-type]

    elapsed, samples = _time(records, text_path)  # type: ignore[arg-type]
    print(
        f"plain text  : {len(records) / elapsed:8.1f} articles/s  {percentiles(samples)}  "
        f"peak RSS {peak_rss_mb():.0f} MB"
    )

    pages = [PAGE.format(title=html.escape(str(r["title"])),
                         paragraphs="".join(f"<p>{html.escape(p)}</p>" for p in str(r["text"]).split(",,")))
             for r in records[: max(1, len(records) // 5)]]
    for extractor in ("trafilatura", "resiliparse"):
        hopts = IngestOptions(html_extractor=extractor)

        def html_path(page: object, hopts: IngestOptions = hopts) -> Article:
            return clean(parse_html(str(page), SourceRef("page"), hopts))

        elapsed, samples = _time(pages, html_path)  # type: ignore[arg-type]
        print(
            f"html {extractor:<11}: {len(pages) / elapsed:8.1f} articles/s  {percentiles(samples)}  "
            f"peak RSS {peak_rss_mb():.0f} MB"
        )


if __name__ == "__main__":
    main()
