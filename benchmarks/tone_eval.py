"""Check the tone signal against data: flag rates, the data-set threshold, and the word list.

    python benchmarks/tone_eval.py [--sample 3000] [--lexicon]

Ordinary articles: a seeded sample of `../shared/data/clickid_raw_articles_2019` (9 mainstream and
gossip outlets). Hoax narratives: `../shared/data/indonesia_false_news_bdc2020` rows labelled hoax
(short social-media texts that TurnBackHoax debunked). Prints the score a 2% false-flag rate on
ordinary articles implies (how `tone.THRESHOLD` was set), flag rates per outlet and on hoaxes, and
with `--lexicon` the share of documents in each set containing each word-list entry.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import defaultdict
from pathlib import Path

from saring.article import Article, SourceRef
from saring.clean import clean
from saring.ingest.text import parse_text
from saring.signals import tone

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
NEWS = DATA / "clickid_raw_articles_2019" / "normalized.jsonl"
HOAX = DATA / "indonesia_false_news_bdc2020" / "normalized.jsonl"


def load(path: Path, keep: str | None, sample: int, seed: int = 42) -> list[tuple[str, Article]]:
    """(group, cleaned article) pairs; `keep` filters on the label, `sample` caps the count."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    rows = [r for r in rows if keep is None or r.get("label") == keep]
    rows = random.Random(seed).sample(rows, min(sample, len(rows)))
    out = []
    for r in rows:
        art = clean(parse_text(r["text"] or "", SourceRef(str(path), r.get("row")), title=r["title"] or ""))
        out.append((r.get("publisher") or r["label"], art))
    return out


def data_threshold(scores: list[float], max_rate: float = 0.02) -> float:
    """The lowest score cut-off (flag when score >= cut-off) that flags at most `max_rate` of `scores`."""
    for cut in sorted(set(scores)):
        if sum(s >= cut for s in scores) <= max_rate * len(scores):
            return cut
    return 1.0


def report_scores(news: list[tuple[str, Article]], hoax: list[tuple[str, Article]]) -> None:
    news_scores = [(group, tone.detect(a).score) for group, a in news]
    ordinary = [s for _, s in news_scores]
    hoax_scores = [tone.detect(a).score for _, a in hoax]
    cut = data_threshold(ordinary)
    weight = -math.log(max(1e-9, 1.0 - cut))
    print(f"lowest threshold flagging <= 2% of ordinary articles: {cut:.4f} (total weight {weight:.2f})")
    print(f"THRESHOLD in code: {tone.THRESHOLD}")
    by_group: dict[str, list[float]] = defaultdict(list)
    for group, score in news_scores:
        by_group[group].append(score)
    for group, scores in sorted(by_group.items()):
        flagged = sum(s >= tone.THRESHOLD for s in scores) / len(scores)
        print(f"  {group:<16} n={len(scores):>5} flagged {flagged:6.1%}")
    rate = sum(s >= tone.THRESHOLD for s in ordinary) / len(ordinary)
    print(f"  {'all ordinary':<16} n={len(ordinary):>5} flagged {rate:6.1%}")
    hoax_rate = sum(s >= tone.THRESHOLD for s in hoax_scores) / max(1, len(hoax_scores))
    print(f"  {'hoax narratives':<16} n={len(hoax_scores):>5} flagged {hoax_rate:6.1%}")


def report_lexicon(news: list[tuple[str, Article]], hoax: list[tuple[str, Article]]) -> None:
    def share(arts: list[tuple[str, Article]]) -> dict[str, float]:
        counts: dict[str, int] = defaultdict(int)
        for _, a in arts:
            for key in {f.key for f in tone.find_all(a.title + "\n" + a.text, "text") if f.kind == "lexicon"}:
                counts[key] += 1
        return {k: v / len(arts) for k, v in counts.items()}

    news_share, hoax_share = share(news), share(hoax)
    entries = [" ".join(words) for words in tone.lexicon()]
    print(f"{'entry':<22}{'news %':>8}{'hoax %':>8}  ratio")
    for entry in sorted(entries, key=lambda e: -hoax_share.get(e, 0.0)):
        n, h = news_share.get(entry, 0.0), hoax_share.get(entry, 0.0)
        ratio = h / n if n else float("inf") if h else float("nan")
        print(f"{entry:<22}{100 * n:8.2f}{100 * h:8.2f}  {ratio:.1f}")


def main() -> int:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--sample", type=int, default=3000, help="articles per set (seeded sample)")
    parser.add_argument("--lexicon", action="store_true", help="print per-entry document shares")
    args = parser.parse_args()
    if not NEWS.exists() or not HOAX.exists():
        print(f"skipped: needs {NEWS} and {HOAX} (../shared/data beside the project)", file=sys.stderr)
        return 0
    news, hoax = load(NEWS, None, args.sample), load(HOAX, "hoax", args.sample)
    report_scores(news, hoax)
    if args.lexicon:
        report_lexicon(news, hoax)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
