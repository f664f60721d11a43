"""Check the scam signal against data: the 2%-of-ordinary-news threshold and flag rates.

    nice python benchmarks/scam_eval.py [--per-outlet 300]

Ordinary articles: a seeded sample per outlet of the 2019 news corpus (all 9 outlets, titles kept).
Rumours: the 2024 TurnBackHoax rumours by category (`scam` / `politics` / `others`; the category was
assigned by an LLM in the source repository, so "scam" recall is measured against a noisy label)
and the 2015-2021 TurnBackHoax narratives. Prints how `scam.THRESHOLD` was set (the lowest cut-off
flagging <= 2% of ordinary articles) and the flag rate in each group.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import DATA, require_data  # noqa: E402
from tone_eval import data_threshold  # noqa: E402

from saring.model.datasets import load_news2019, load_tbh2024, load_turnbackhoax  # noqa: E402
from saring.model.signal_inputs import to_article  # noqa: E402
from saring.signals import scam  # noqa: E402

OUTLETS = (
    "okezone",
    "sindonews",
    "tribunnews",
    "kapanlagi",
    "fimela",
    "wowkeren",
    "pos_metro",
    "kompas",
    "tempo",
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-outlet", type=int, default=300)
    args = parser.parse_args()
    require_data(DATA / "turnbackhoax_2024_alharkan7")
    groups: dict[str, list[float]] = defaultdict(list)
    for e in load_news2019(DATA, OUTLETS, args.per_outlet):
        groups[f"news {e.topic}"].append(scam.detect(to_article(e)).score)
    for e in load_tbh2024(DATA):
        groups[f"2024 {e.topic}"].append(scam.detect(to_article(e)).score)
    for e in load_turnbackhoax(DATA):
        groups["tbh 2015-21 " + ("hoax" if e.label else "klarifikasi")].append(
            scam.detect(to_article(e)).score
        )
    ordinary = [s for g, v in groups.items() if g.startswith("news") for s in v]
    print(f"lowest threshold flagging <= 2% of ordinary articles: {data_threshold(ordinary):.4f}")
    print(f"THRESHOLD in code: {scam.THRESHOLD}")
    for group, scores in sorted(groups.items()):
        rate = sum(s >= scam.THRESHOLD for s in scores) / len(scores)
        print(f"  {group:<24} n={len(scores):>5} flagged {rate:6.1%}")
    rate = sum(s >= scam.THRESHOLD for s in ordinary) / len(ordinary)
    print(f"  {'all ordinary news':<24} n={len(ordinary):>5} flagged {rate:6.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
