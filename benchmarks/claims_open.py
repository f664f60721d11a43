"""Open-world evaluation of fact-check matching: is a shown match the same claim, and how often is one shown?

Prints the numbers of docs/claims.md ("Open world") and draws docs/claims_pr.svg. A match is *shown*
when the same-claim probability (saring/claims/decide.py, shipped model) reaches its threshold and it is
among the `matches_per_claim` best. Sets (none used to train the model):

1. closed world: BDC 2020 narratives of the *test* half (split by claim cluster) -> 2015-2021 index;
2. later period: 2024 TurnBackHoax rumours -> the index plus the 2024 fact-check titles;
3. later claims, old index: the 2024 rumours -> the 2015-2021 index alone (most have no answer there);
   a sample of what is shown is printed for checking by hand;
4. leave-target-out: set 1 with the targets and their near variants removed (every match is wrong);
5. ordinary news: 2019 articles of publishers never used for training or the background, through
   `match_claims` (check-worthy sentences and the whole post), share of articles with any match shown.

    python benchmarks/claims_open.py [--articles 1000] [--sample 40] [--svg docs/claims_pr.svg]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import claims_pairs as cp  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000, help="ordinary news articles (EVAL_PUBLISHERS)")
    ap.add_argument("--sample", type=int, default=40, help="shown matches printed for checking by hand")
    ap.add_argument("--svg", default=str(cp.ROOT / "docs" / "claims_pr.svg"), help="precision-recall picture")
    ap.add_argument("--part", choices=["all", "bdc", "later", "news"], default="all")
    args = ap.parse_args()
    if not cp.available():
        print("claims_open: skipped, needs ../shared/data")
        return 0
    cp.CACHE.mkdir(parents=True, exist_ok=True)
    cache = cp.EncodeCache()
    from saring.claims.decide import load_model
    from saring.claims.retrieval import FactCheckIndex

    model = load_model()
    print(f"threshold: same_claim >= {model.same_claim}, related >= {model.related}")
    curves = {}
    store = cp.open_index(cp.CACHE / "tbh.db")
    index = FactCheckIndex(store)
    cluster = cp.clusters(index)
    if args.part in ("all", "bdc"):
        test = [q for q in cp.bdc_queries(index, cluster) if q.split == "test"]
        curves["BDC 2020, test half"] = closed_world("closed world: BDC test half", index, test)
        leave_target_out(index, test)
        whole_post(index, test)
    if args.part in ("all", "later"):
        later = cp.later_queries(index, cluster)
        old_index(index, later, args.sample)
        store24 = cp.open_index(cp.CACHE / "tbh_2024.db", extra_titles=_titles_2024())
        index24 = FactCheckIndex(store24)
        later24 = cp.later_queries(index24, cp.clusters(index24))
        curves["2024 rumours, 2024 titles added"] = closed_world(
            "later period: 2024 -> index + 2024 titles", index24, later24
        )
        store24.close()
    if args.part in ("all", "news"):
        ordinary_news(index, args.articles, args.sample)
    cache.save()
    store.close()
    if curves and args.part == "all":
        write_svg(Path(args.svg), curves, model.same_claim)
    return 0


def _titles_2024() -> list[dict[str, str]]:
    return [
        {
            "claim": r["title"],
            "rating": "SALAH",
            "date": r["date"],
            "publisher": "turnbackhoax.id",
            "url": f"https://turnbackhoax.id/#{r['id']}",
        }
        for r in cp._jsonl(cp.TBH2024)
    ]


def _judged(index, queries: list[cp.Query], **kw) -> tuple[list[cp.Pair], np.ndarray]:  # type: ignore[no-untyped-def]
    from saring.claims.decide import load_model

    found = list(cp.pairs(index, queries, **kw))
    x = np.stack([p.features for p in found]) if found else np.zeros((0, 1))
    return found, load_model().probability(x) if found else np.zeros(0)


def _shown(found: list[cp.Pair], p: np.ndarray, threshold: float) -> np.ndarray:
    """Shown at `threshold` as `judge` decides: above the 'related' band a names-only pair is not shown."""
    from saring.claims.decide import load_model
    from saring.claims.settings import ClaimSettings

    rank = np.array([x.rank for x in found])
    blocked = np.array([x.names_only for x in found], dtype=bool) & (threshold > load_model().related)
    return (p >= threshold) & (rank <= ClaimSettings().matches_per_claim) & ~blocked


def closed_world(title: str, index, queries: list[cp.Query]) -> tuple[np.ndarray, np.ndarray]:  # type: ignore[no-untyped-def]
    """Ranking metrics and precision/recall of shown matches; returns the PR curve (precision, recall)."""
    from saring.claims.decide import load_model
    from saring.claims.evaluate import rank_metrics

    targeted = [q for q in queries if q.targets]
    ranks: list[int | None] = []
    t0 = time.perf_counter()
    found, p = _judged(index, targeted, ranks=ranks)
    print(
        f"\n== {title}: {len(targeted)} queries "
        f"({(time.perf_counter() - t0) / max(1, len(targeted)) * 1000:.0f} ms/query) =="
    )
    print(f"  ranking (hybrid) {rank_metrics(ranks).row()}")
    _shown_metrics(found, p, len(targeted), load_model().same_claim)
    return _curve(found, p, len(targeted))


def _shown_metrics(found: list[cp.Pair], p: np.ndarray, n_queries: int, threshold: float) -> None:
    shown = _shown(found, p, threshold)
    labels = np.array([x.label for x in found])
    rank1 = np.array([x.rank == 1 for x in found])
    queries_hit = {x.query for x, s in zip(found, shown, strict=True) if s and x.label == 1}
    print(
        f"  shown {int(shown.sum())} matches for "
        f"{len({x.query for x, s in zip(found, shown, strict=True) if s})} "
        f"queries; precision strict {(labels[shown] == 1).mean():.3f}, counting near variants as right "
        f"{(labels[shown] != 0).mean():.3f} ({int((labels[shown] == -1).sum())} near variants)"
    )
    print(
        f"  recall of shown at rank 1 {(shown & rank1 & (labels == 1)).sum() / n_queries:.3f}; "
        f"any shown match right {len(queries_hit) / n_queries:.3f}"
    )


def _curve(found: list[cp.Pair], p: np.ndarray, n_queries: int) -> tuple[np.ndarray, np.ndarray]:
    """(precision, recall at rank 1) of shown matches as the threshold moves over 0.05..0.99."""
    labels = np.array([x.label for x in found])
    rank1 = np.array([x.rank == 1 for x in found])
    precision, recall = [], []
    for t in np.arange(0.05, 1.0, 0.01):
        shown = _shown(found, p, t)
        if shown.any():
            precision.append((labels[shown] == 1).mean())
            recall.append((shown & rank1 & (labels == 1)).sum() / n_queries)
    return np.array(precision), np.array(recall)


def leave_target_out(index, queries: list[cp.Query]) -> None:  # type: ignore[no-untyped-def]
    from saring.claims.decide import load_model

    found, p = _judged(index, queries, exclude_targets=True)
    model = load_model()
    shown = _shown(found, p, model.same_claim)
    related = _shown(found, p, model.related)
    hit = {x.query for x, s in zip(found, shown, strict=True) if s}
    near = {x.query for x, s in zip(found, related, strict=True) if s}
    print(f"\n== leave-target-out: {len(queries)} BDC test queries, targets and near variants removed ==")
    print(
        f"  queries with a match shown (all wrong): {len(hit)} ({len(hit) / len(queries):.3%}); "
        f"with a 'related' one: {len(near)} ({len(near) / len(queries):.3%})"
    )


def whole_post(index, queries: list[cp.Query]) -> None:  # type: ignore[no-untyped-def]
    """Through `match_claims`: how often the target is shown from the sentences alone, and with the post."""
    from saring.article import SourceRef
    from saring.claims.match import list_claims, match_claims
    from saring.clean import clean
    from saring.ingest.text import parse_text

    by_sentence = with_post = wrong = 0
    for q in queries:
        article = clean(parse_text(q.text, SourceRef(q.id)))
        claims = match_claims(article, list_claims(article, index.settings), index)
        targets = {index.ids[i] for i in q.targets}
        shown = [(c.get("scope", "sentence"), m["id"]) for c in claims for m in c["matches"]]
        by_sentence += any(scope == "sentence" and fid in targets for scope, fid in shown)
        with_post += any(fid in targets for _, fid in shown)
        wrong += any(fid not in targets for _, fid in shown)
    n = max(1, len(queries))
    print(f"\n== whole check path: {len(queries)} BDC test narratives as posts (sentences + whole post) ==")
    print(
        f"  target shown from a sentence {by_sentence / n:.3f}, from a sentence or the whole post "
        f"{with_post / n:.3f}; a wrong match shown {wrong / n:.3f}"
    )


def old_index(index, queries: list[cp.Query], sample: int) -> None:  # type: ignore[no-untyped-def]
    from saring.claims.decide import load_model

    found, p = _judged(index, queries)
    shown = _shown(found, p, load_model().same_claim)
    hits = [(x, float(q)) for x, q, s in zip(found, p, shown, strict=True) if s and x.rank == 1]
    print(f"\n== later claims, old index: {len(queries)} 2024 rumours -> 2015-2021 index ==")
    print(
        f"  queries with a match shown: {len(hits)} ({len(hits) / len(queries):.3%}); "
        "sample to check by hand:"
    )
    for x, q in random.Random(3).sample(hits, min(sample, len(hits))):
        text = " ".join(queries[x.query].text.split())[:150]
        print(f"  [{q:.2f}] {text}\n      -> {x.claim[:110]}")


def ordinary_news(index, n: int, sample: int) -> None:  # type: ignore[no-untyped-def]
    from saring.claims.match import list_claims, match_claims

    articles = cp.news_articles(cp.EVAL_PUBLISHERS, n)
    flagged = []
    t0 = time.perf_counter()
    n_claims = 0
    for a in articles:
        claims = match_claims(a, list_claims(a, index.settings), index)
        n_claims += len(claims)
        shown = [(c, m) for c in claims for m in c["matches"]]
        if shown:
            flagged.append((a, shown))
    elapsed = time.perf_counter() - t0
    print(
        f"\n== ordinary news: {len(articles)} 2019 articles of {', '.join(cp.EVAL_PUBLISHERS)} "
        f"({elapsed / max(1, len(articles)):.2f} s/article) =="
    )
    print(
        f"  articles with any match shown: {len(flagged)} "
        f"({len(flagged) / max(1, len(articles)):.2%}); flagged:"
    )
    for a, shown in flagged[:sample]:
        for c, m in shown:
            print(
                f"  {a.id} [{m['probability']:.2f}] {' '.join(c['sentence'].split())[:140]}\n"
                f"      -> {m['claim'][:110]}"
            )


def write_svg(path: Path, curves: dict[str, tuple[np.ndarray, np.ndarray]], threshold: float) -> None:
    """A small precision / recall-at-rank-1 chart, drawn by hand (no plotting library in the project)."""
    w, h, pad = 520, 360, 50
    colours = ["#1f77b4", "#d62728", "#2ca02c"]

    def xy(r: float, p: float) -> str:
        return f"{pad + r * (w - 2 * pad):.1f},{h - pad - (p - 0.5) / 0.5 * (h - 2 * pad):.1f}"

    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
            'font-family="sans-serif" font-size="12">'
        ),
        f'<rect width="{w}" height="{h}" fill="white"/>',
        (
            f'<text x="{w / 2}" y="20" text-anchor="middle">Shown matches: precision vs recall at rank 1 '
            f"(threshold 0.05-0.99; shipped {threshold})</text>"
        ),
        f'<line x1="{pad}" y1="{h - pad}" x2="{w - pad}" y2="{h - pad}" stroke="black"/>',
        f'<line x1="{pad}" y1="{pad}" x2="{pad}" y2="{h - pad}" stroke="black"/>',
        f'<text x="{w / 2}" y="{h - 12}" text-anchor="middle">recall at rank 1</text>',
        f'<text x="14" y="{h / 2}" transform="rotate(-90 14 {h / 2})" text-anchor="middle">precision</text>',
    ]
    for v in (0.0, 0.25, 0.5, 0.75, 1.0):
        x, y = xy(v, 0.5).split(",")
        parts.append(f'<text x="{x}" y="{h - pad + 16}" text-anchor="middle">{v:.2f}</text>')
        x, y = xy(0, 0.5 + v / 2).split(",")
        parts.append(f'<text x="{pad - 6}" y="{float(y) + 4}" text-anchor="end">{0.5 + v / 2:.2f}</text>')
    for n, (name, (precision, recall)) in enumerate(curves.items()):
        points = " ".join(xy(r, max(0.5, p)) for p, r in zip(precision, recall, strict=True))
        parts.append(f'<polyline fill="none" stroke="{colours[n % 3]}" stroke-width="2" points="{points}"/>')
        parts.append(
            f'<text x="{w - pad - 200}" y="{h - pad - 20 - 16 * n}" fill="{colours[n % 3]}">{name}</text>'
        )
    path.write_text("\n".join([*parts, "</svg>"]) + "\n", encoding="utf-8")
    print(f"\nwrote {path}")


if __name__ == "__main__":
    sys.exit(main())
