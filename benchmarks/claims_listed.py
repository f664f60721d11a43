"""What listing the check-worthy claims in every report costs, and how many sentences it lists.

Every report now carries its check-worthy sentences, store or not (docs/claims.md). This times
`Analyzer.assess` per article and the listing alone, on the first N accepted articles of the 2019
news corpus (CLICK-ID raw scrape), and prints the share of the analysis the listing takes and the
number of claims per article. No store is involved. Times are CPU time of this process (steadier than
wall time on a shared machine).

    python benchmarks/claims_listed.py [--articles 400]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import CORPUS_2019, percentiles, require_data  # noqa: E402


def articles(n: int) -> list:  # type: ignore[type-arg]
    from saring.article import Article
    from saring.ingest import read_inputs
    from saring.pipeline import prepare
    from saring.settings import IngestOptions

    options = IngestOptions()
    found = []
    for item in read_inputs([str(require_data(CORPUS_2019))], options):
        prepared = prepare(item, options) if isinstance(item, Article) else item
        if isinstance(prepared, Article):
            found.append(prepared)
        if len(found) == n:
            break
    return found


def timed(analyzer, corpus: list) -> list[float]:  # type: ignore[no-untyped-def, type-arg]
    samples = []
    for article in corpus:
        start = time.process_time()
        analyzer.assess(article)
        samples.append((time.process_time() - start) * 1000)
    return samples


def main() -> None:
    from saring.claims.match import list_claims
    from saring.pipeline import Analyzer

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=400)
    args = parser.parse_args()
    corpus = articles(args.articles)
    analyzer = Analyzer()
    timed(analyzer, corpus[:20])  # load the model and artefacts
    with_listing = timed(analyzer, corpus)
    listing = []
    counts = []
    for article in corpus:
        start = time.process_time()
        counts.append(len(list_claims(article, analyzer.claim_settings)))
        listing.append((time.process_time() - start) * 1000)
    total, part = statistics.fmean(with_listing), statistics.fmean(listing)
    print(f"{len(corpus)} articles of {CORPUS_2019}")
    print(f"assess with the claims listed (CPU): mean {total:.2f} ms  {percentiles(with_listing)}")
    print(f"the listing alone (CPU):             mean {part:.2f} ms  {percentiles(listing)}")
    print(f"share of assess: {part / total:.0%}; without it assess would be ~{total - part:.2f} ms")
    print(f"claims per article: mean {statistics.fmean(counts):.2f}, median {statistics.median(counts):.0f}, "
          f"none {sum(c == 0 for c in counts)}, at the cap {sum(c == 20 for c in counts)}")


if __name__ == "__main__":
    main()
