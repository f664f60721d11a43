"""Precision/recall of the attribution signal on the hand-labelled set, and its risk distribution.

    python benchmarks/attribution_eval.py [--data ../shared/data] [--verbose] [--corpus N] [--hoax]

Gold: tests/resources/attribution_gold.jsonl (ids + labels; texts are read from ../shared/data).
`--corpus N` also runs the signal on N articles of the 2019 corpus (fixed seed) and prints the flag
rate and risk percentiles per publisher; `--hoax` prints the flag rate on the Rahutomo 2017 articles
labelled valid and hoax at several thresholds. Together they are how `attribution.THRESHOLD` was chosen.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "resources" / "attribution_gold.jsonl"


def evaluate(data: Path, verbose: bool) -> int:
    from saring.signals.attribution_eval import load_articles, load_gold

    gold = load_gold(GOLD)
    articles = load_articles((g.id for g in gold), data)
    missing = [g.id for g in gold if g.id not in articles]
    if missing:
        print(f"missing {len(missing)} gold articles in {data}: {missing[:5]}", file=sys.stderr)
        return 2
    for split in ("dev", "test", "test2", "all"):
        items = [g for g in gold if split in ("all", g.split)]
        _score(items, articles, verbose and split != "all", split)
    return 0


def _score(gold: list, articles: dict, verbose: bool, split: str) -> None:  # type: ignore[type-arg]
    from saring.clean import clean
    from saring.signals.attribution import detect
    from saring.signals.attribution_eval import Counts, match, outlet_matches, speaker_matches

    speakers, outlets = Counts(), Counts()
    for item in gold:
        result = detect(clean(articles[item.id]))
        predicted_speakers = list(result.details["speakers"])  # type: ignore[call-overload]
        predicted_outlets = [str(o["name"]) for o in result.details["outlets"]]  # type: ignore[attr-defined]
        s_before, o_before = (speakers.fn, speakers.fp), (outlets.fn, outlets.fp)
        extra_s = match(predicted_speakers, item.speakers, speaker_matches, speakers)
        extra_o = match(predicted_outlets, item.outlets, outlet_matches, outlets)
        if verbose and ((speakers.fn, speakers.fp) != s_before or (outlets.fn, outlets.fp) != o_before):
            print(f"{item.id}: speakers pred={predicted_speakers} gold={item.speakers} extra={extra_s}")
            print(
                f"{' ' * len(item.id)}  outlets  pred={predicted_outlets} gold={item.outlets} extra={extra_o}"
            )
    print(
        f"[{split}] articles: {len(gold)}  gold speakers: {sum(len(g.speakers) for g in gold)}  "
        f"gold outlets: {sum(len(g.outlets) for g in gold)}"
    )
    for label, c in (("speakers", speakers), ("outlets", outlets)):
        print(
            f"  {label:9s} precision {c.precision:.3f}  recall {c.recall:.3f}"
            f"  (tp {c.tp}, fp {c.fp}, fn {c.fn})"
        )


def corpus_rates(data: Path, n: int) -> None:
    from saring.clean import clean
    from saring.signals.attribution import THRESHOLD, detect
    from saring.signals.attribution_eval import load_articles

    path = data / "clickid_raw_articles_2019" / "normalized.jsonl"
    with path.open(encoding="utf-8") as fh:
        ids = [json.loads(line)["id"] for line in fh]
    sample = random.Random(13).sample(ids, min(n, len(ids)))
    articles = load_articles(sample, data)
    by_pub: dict[str, list[float]] = defaultdict(list)
    for article_id in sample:
        article = clean(articles[article_id])
        if len(article.text) >= 200:
            by_pub[article_id.split("-")[1]].append(detect(article).score)
    every = [s for scores in by_pub.values() for s in scores]
    print(f"corpus sample: {len(every)} articles (>= 200 chars), threshold {THRESHOLD}")
    for pub, scores in sorted(by_pub.items()) + [("ALL", every)]:
        q = statistics.quantiles(scores, n=4) if len(scores) > 1 else [scores[0]] * 3
        flagged = sum(s >= THRESHOLD for s in scores) / len(scores)
        print(
            f"  {pub:11s} n={len(scores):5d} flag rate {flagged:6.1%}"
            f"  risk p25/p50/p75 {q[0]:.2f}/{q[1]:.2f}/{q[2]:.2f}"
        )


def hoax_rates(data: Path) -> None:
    from saring.article import Article
    from saring.clean import clean
    from saring.signals.attribution import THRESHOLD, detect

    with (data / "rahutomo2017" / "normalized.jsonl").open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    scored = [
        (row["label"], detect(clean(Article(id=row["id"], raw_text=row["text"]))).score) for row in rows
    ]
    n_hoax = sum(label == "hoax" for label, _ in scored)
    n_valid = len(scored) - n_hoax
    print(f"Rahutomo 2017: {n_valid} valid, {n_hoax} hoax (current threshold {THRESHOLD})")
    for threshold in (0.5, 0.6, 0.7, 0.8, 0.9):
        valid = sum(label == "valid" and s >= threshold for label, s in scored) / n_valid
        hoax = sum(label == "hoax" and s >= threshold for label, s in scored) / n_hoax
        print(f"  risk >= {threshold:.1f}: flags {valid:5.1%} of valid, {hoax:5.1%} of hoax")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--verbose", action="store_true", help="print every article with an error")
    parser.add_argument(
        "--corpus", type=int, default=0, metavar="N", help="also report flag rates on N corpus articles"
    )
    parser.add_argument("--hoax", action="store_true", help="also report flag rates on Rahutomo valid/hoax")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"needs {args.data} (../shared/data beside the project)", file=sys.stderr)
        return 2
    status = evaluate(args.data, args.verbose)
    if args.corpus:
        corpus_rates(args.data, args.corpus)
    if args.hoax:
        hoax_rates(args.data)
    return status


if __name__ == "__main__":
    sys.exit(main())
