"""Evaluate claim extraction and fact-check matching; prints the numbers quoted in docs/claims.md.

1. Retrieval: the BDC 2020 claims whose titles appear in the 6,975-row TurnBackHoax 2021 index.
   Each claim's narrative (`text`) is the query; the target is the index entry with the same title,
   among all 6,975. BM25 alone, embeddings alone, hybrid (and reciprocal-rank fusion for
   comparison), on the dev half (used to pick the fusion weight), the test half and all; plus the
   subset whose narrative is not just the title again.
2. Cross-lingual: tests/resources/crosslingual_claims.jsonl, Indonesian -> English and the reverse.
3. Check-worthiness: tests/resources/checkworthy_gold.jsonl, dev and test halves.
When a match is shown (the same-claim decision) is measured in the open world by
`benchmarks/claims_open.py`; the cross-lingual part here also counts how many pairs it shows.

    python benchmarks/claims_eval.py [--db /tmp/tbh.db] [--limit N]
        [--part retrieval|crosslingual|checkworthy]

`--db` keeps the imported index between runs (importing embeds 6,975 titles: ~10-40 s).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
INDEX_CSV = DATA / "turnbackhoax_jibranfawaid2021" / "headings_normalized.csv"
BDC = DATA / "indonesia_false_news_bdc2020" / "normalized.jsonl"
NEWS = DATA / "clickid_raw_articles_2019" / "normalized.jsonl"
RESOURCES = ROOT / "tests" / "resources"
WEIGHTS = (0.3, 0.4, 0.5, 0.6, 0.7)
THRESHOLDS = (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="SQLite file to (re)use for the imported index (default: a temporary file)")
    ap.add_argument("--limit", type=int, default=0, help="evaluate only the first N BDC queries")
    ap.add_argument(
        "--part", choices=["all", "retrieval", "crosslingual", "checkworthy"], default="all"
    )
    args = ap.parse_args()
    if args.part in ("all", "checkworthy"):
        checkworthiness()
    if args.part in ("all", "crosslingual"):
        crosslingual()
    if args.part in ("all", "retrieval"):
        if not all(p.exists() for p in (INDEX_CSV, BDC, NEWS)):
            print(f"retrieval: skipped, needs {INDEX_CSV}, {BDC} and {NEWS} (../shared/data)")
            return 0
        with tempfile.TemporaryDirectory() as tmp:
            store = _index_store(args.db or os.path.join(tmp, "tbh.db"))
            retrieval(store, args.limit)
            store.close()
    return 0


def checkworthiness() -> None:
    from saring.claims.checkworthy import score_sentence
    from saring.claims.evaluate import binary_metrics
    from saring.claims.settings import ClaimSettings

    rows = [json.loads(line) for line in (RESOURCES / "checkworthy_gold.jsonl").open(encoding="utf-8")]
    threshold = ClaimSettings().min_checkworthiness
    print(f"\n== check-worthiness (threshold {threshold}) ==")
    for split in ("dev", "test", None):
        part = [r for r in rows if split is None or r["split"] == split]
        m = binary_metrics(
            [r["label"] for r in part], [score_sentence(r["text"]).score for r in part], threshold
        )
        print(f"{split or 'all':5s} {m.row()}")


def crosslingual() -> None:
    from saring.claims.evaluate import top1_accuracy
    from saring.claims.factchecks import fact_check_from_record
    from saring.claims.retrieval import FactCheckIndex
    from saring.claims.storage import import_factchecks
    from saring.store import open_store

    pairs = [json.loads(line) for line in (RESOURCES / "crosslingual_claims.jsonl").open(encoding="utf-8")]
    print(f"\n== cross-lingual top-1 ({len(pairs)} pairs) ==")
    for query_lang, target_lang in (("id", "en"), ("en", "id")):
        store = open_store(":memory:")
        store.migrate()
        import_factchecks(
            store,
            [
                fact_check_from_record(
                    {"claim": p[f"{target_lang}_claim"], "rating": "false", "lang": target_lang}
                )
                for p in pairs
            ],
        )
        index = FactCheckIndex(store)
        queries = [(p[f"{query_lang}_claim"], " ".join(p[f"{target_lang}_claim"].split())) for p in pairs]
        scores = {mode: top1_accuracy(index, queries, mode) for mode in ("lexical", "dense", "hybrid")}
        print(f"{query_lang} -> {target_lang}: " + "  ".join(f"{m} {v:.3f}" for m, v in scores.items()))
        print("  shown for the right fact-check: " + _shown_rates(index, queries))
        store.close()


def _shown_rates(index, queries: list[tuple[str, str]]) -> str:  # type: ignore[no-untyped-def]
    """Share of queries whose expected fact-check is judged the same claim / at least related."""
    from saring.claims.decide import judge

    relations = []
    for query, expected in queries:
        judged = judge(index, query, index.settings.judged)
        found = [d.relation for d in judged if d.match.fact_check.claim == expected]
        relations.append(found[0] if found else None)
    n = max(1, len(relations))
    same = sum(r == "same_claim" for r in relations) / n
    return f"same claim {same:.3f}, same claim or related {sum(r is not None for r in relations) / n:.3f}"


def _queries(index_claims: dict[str, set[str]], limit: int) -> list[tuple[str, set[str], str, bool]]:
    """(narrative, target ids, split, narrative is only the title) for BDC claims found in the index."""
    from saring.claims.evaluate import title_key

    out = []
    for line in BDC.open(encoding="utf-8"):
        row = json.loads(line)
        targets = index_claims.get(title_key(row["title"]))
        if targets:
            split = "dev" if zlib.crc32(row["id"].encode()) % 2 == 0 else "test"
            out.append((row["text"], targets, split, title_key(row["text"]) == title_key(row["title"])))
    return out[:limit] if limit else out


def _index_store(db: str):  # type: ignore[no-untyped-def]
    """The store with the TurnBackHoax index imported (once: kept in `db` between runs)."""
    from saring.claims.factchecks import FactCheck, read_factchecks
    from saring.claims.storage import count_factchecks, import_factchecks
    from saring.store import open_store

    store = open_store(db)
    store.migrate()
    if not count_factchecks(store):
        t0 = time.perf_counter()
        stats = import_factchecks(store, (x for x in read_factchecks(INDEX_CSV) if isinstance(x, FactCheck)))
        print(
            f"imported {stats.added} fact-checks, embedded {stats.embedded} "
            f"in {time.perf_counter() - t0:.1f} s"
        )
    return store


def _index_claims(store) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    from saring.claims.evaluate import title_key
    from saring.claims.storage import iter_factchecks

    index_claims: dict[str, set[str]] = {}
    for fc in iter_factchecks(store):
        index_claims.setdefault(title_key(fc.claim), set()).add(fc.id)
    return index_claims


def retrieval(store, limit: int) -> None:  # type: ignore[no-untyped-def]
    from saring.claims.evaluate import rank_metrics, target_rank
    from saring.claims.retrieval import FactCheckIndex

    index_claims = _index_claims(store)
    queries = _queries(index_claims, limit)
    index = FactCheckIndex(store)
    weight = index.settings.lexical_weight
    variants = {
        "bm25": ("lexical", weight),
        "embeddings": ("dense", weight),
        "hybrid": ("hybrid", weight),
        **{f"hybrid w={w}": ("hybrid", w) for w in WEIGHTS if w != weight},
    }
    ranks: dict[str, list[int | None]] = {name: [] for name in [*variants, "no lang gate", "rrf k=60"]}
    t0 = time.perf_counter()
    for text, targets, *_ in queries:
        scores = index.scores(text)
        for name, (mode, w) in variants.items():
            scores.lexical_weight = w
            ranks[name].append(target_rank(scores, index.ids, targets, mode))  # type: ignore[arg-type]
        scores.lexical_weight = weight
        ranks["rrf k=60"].append(_rrf_rank(scores, index.ids, targets))
        scores.foreign[:] = False  # hybrid with lexical credit across languages too
        ranks["no lang gate"].append(target_rank(scores, index.ids, targets, "hybrid"))
    elapsed = time.perf_counter() - t0
    print(
        f"\n== retrieval: {len(queries)} BDC claims vs {sum(map(len, index_claims.values()))} index entries "
        f"({elapsed / max(1, len(queries)) * 1000:.1f} ms/query) =="
    )
    subsets = {
        "dev": [q[2] == "dev" for q in queries],
        "test": [q[2] == "test" for q in queries],
        "all": [True] * len(queries),
        "narrative != title": [not q[3] for q in queries],
    }
    for subset, mask in subsets.items():
        print(f"-- {subset}")
        for name, r in ranks.items():
            print(f"  {name:12s} {rank_metrics([x for x, keep in zip(r, mask, strict=True) if keep]).row()}")


def _rrf_rank(scores, ids, targets, k: int = 60) -> int | None:  # type: ignore[no-untyped-def]
    """Reciprocal-rank fusion of the BM25 and cosine orders, for comparison with the convex fusion."""
    import numpy as np

    def ranks(values: np.ndarray) -> np.ndarray:
        out = np.empty(len(values), dtype=np.int64)
        out[np.argsort(-values, kind="stable")] = np.arange(1, len(values) + 1)
        return out

    fused = 1.0 / (k + ranks(scores.dense)) + np.where(scores.retrieved, 1.0 / (k + ranks(scores.bm25)), 0.0)
    mask = np.fromiter((fid in targets for fid in ids), dtype=bool, count=len(ids))
    return 1 + int((fused > fused[mask].max()).sum()) if mask.any() else None


if __name__ == "__main__":
    sys.exit(main())
