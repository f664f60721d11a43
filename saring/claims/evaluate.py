"""Measurements shared by `benchmarks/claims_eval.py` and the tests: ranks, recall@k, MRR, F1.

Ranks are computed over the whole fact-check collection, not a pre-filtered list: for the dense and
hybrid modes every fact-check has a score (lexical 0 outside the full-text candidates), so the rank of
the target is 1 + the number of fact-checks scoring strictly higher. BM25 alone ranks only what the
full-text index returns (the best `candidates`); a target outside that list counts as not found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from saring.claims.retrieval import FactCheckIndex, Mode, Scores

MRR_CUTOFF = 100


def title_key(text: str) -> str:
    """Case-, quote- and punctuation-insensitive key: how BDC titles are found in the TurnBackHoax index."""
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


def target_rank(scores: Scores, ids: list[str], targets: set[str], mode: Mode) -> int | None:
    """1-based rank of the best-placed target among all fact-checks, or None when it is not retrieved."""
    mask = np.fromiter((fid in targets for fid in ids), dtype=bool, count=len(ids))
    if mode == "lexical":
        mask &= scores.retrieved
    if not mask.any():
        return None
    values = scores.values(mode)
    return 1 + int((values > values[mask].max()).sum())


@dataclass(slots=True)
class RankMetrics:
    n: int
    recall_at_1: float
    recall_at_5: float
    recall_at_10: float
    mrr: float  # reciprocal rank, 0 beyond MRR_CUTOFF

    def row(self) -> str:
        return (
            f"n={self.n:5d}  R@1 {self.recall_at_1:.3f}  R@5 {self.recall_at_5:.3f}  "
            f"R@10 {self.recall_at_10:.3f}  MRR {self.mrr:.3f}"
        )


def rank_metrics(ranks: Sequence[int | None]) -> RankMetrics:
    r = np.array([x if x is not None else 10**9 for x in ranks], dtype=np.int64)
    if not len(r):
        return RankMetrics(0, 0.0, 0.0, 0.0, 0.0)
    rr = np.where(r <= MRR_CUTOFF, 1.0 / r, 0.0)
    return RankMetrics(
        len(r), float((r <= 1).mean()), float((r <= 5).mean()), float((r <= 10).mean()), float(rr.mean())
    )


def top1_accuracy(index: FactCheckIndex, pairs: Iterable[tuple[str, str]], mode: Mode = "hybrid") -> float:
    """Share of (query, expected claim) pairs whose best match has exactly the expected claim text."""
    results = [
        (m[0].fact_check.claim if (m := index.search(query, k=1, mode=mode)) else None) == expected
        for query, expected in pairs
    ]
    return sum(results) / max(1, len(results))


@dataclass(slots=True)
class BinaryMetrics:
    n: int
    auc: float
    precision: float
    recall: float
    f1: float

    def row(self) -> str:
        return (
            f"n={self.n:4d}  AUC {self.auc:.3f}  P {self.precision:.3f}  R {self.recall:.3f}  "
            f"F1 {self.f1:.3f}"
        )


def binary_metrics(labels: Sequence[int], scores: Sequence[float], threshold: float) -> BinaryMetrics:
    from sklearn.metrics import precision_recall_fscore_support, roc_auc_score

    predicted = [s >= threshold for s in scores]
    p, r, f, _ = precision_recall_fscore_support(labels, predicted, average="binary", zero_division=0)
    return BinaryMetrics(len(labels), float(roc_auc_score(labels, scores)), float(p), float(r), float(f))
