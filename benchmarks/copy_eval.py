"""Flag rate of the copy-artefacts signal on ordinary outlet articles, and its reasons.

    python benchmarks/copy_eval.py [--data ../shared/data] [-n 2000] [--show 5]

Reads a fixed-seed sample of the 2019 CLICK-ID corpus (nine mainstream/entertainment outlets; the
`site` is taken from each article's URL, as the JSONL reader does), runs `copy.detect` on the cleaned
articles and prints the flag rate per publisher and the findings behind the flags. Most of these
articles are originals, so the flag rate is an upper bound on the false-positive rate; posmetro-medan
reposts detik/okezone stories and is expected to be flagged more.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("-n", type=int, default=2000, help="corpus articles to sample (default 2000)")
    parser.add_argument("--show", type=int, default=0, help="print this many flagged examples")
    args = parser.parse_args(argv)
    path = args.data / "clickid_raw_articles_2019" / "normalized.jsonl"
    if not path.exists():
        print(f"needs {path} (../shared/data beside the project)", file=sys.stderr)
        return 2
    from saring.clean import clean
    from saring.messages import render
    from saring.signals.attribution_eval import load_articles
    from saring.signals.copy_artefacts import THRESHOLD, detect

    with path.open(encoding="utf-8") as fh:
        ids = [json.loads(line)["id"] for line in fh]
    sample = random.Random(17).sample(ids, min(args.n, len(ids)))
    articles = load_articles(sample, args.data)
    flagged: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    reasons: Counter[str] = Counter()
    shown = 0
    for article_id in sample:
        article = clean(articles[article_id])
        if len(article.text) < 200:
            continue
        publisher = article_id.split("-")[1]
        total[publisher] += 1
        result = detect(article)
        if result.flag:
            flagged[publisher] += 1
            findings = result.details["findings"]
            assert isinstance(findings, dict)
            reasons.update(findings)
            if shown < args.show:
                shown += 1
                print(f"{article_id} ({article.site}): {render(result.summary, 'en')}")
                for ev in result.evidence[:4]:
                    print(f"    {render(ev.why, 'en')}: {ev.text!r}")
    n, f = sum(total.values()), sum(flagged.values())
    print(
        f"copy threshold {THRESHOLD}: {f}/{n} flagged = {f / max(n, 1):.1%} of corpus articles (>= 200 chars)"
    )
    for publisher in sorted(total):
        print(
            f"  {publisher:11s} {flagged[publisher]:4d}/{total[publisher]:5d}"
            f" = {flagged[publisher] / total[publisher]:6.1%}"
        )
    print("findings in flagged articles:", ", ".join(f"{k} {v}" for k, v in reasons.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
