"""The four numbers every evaluation reports: macro-F1, ROC-AUC, Brier score and ECE."""

from __future__ import annotations

import numpy as np

ECE_BINS = 10


def macro_f1(y: np.ndarray, predicted: np.ndarray) -> float:
    scores = []
    for cls in (0, 1):
        tp = float(np.sum((predicted == cls) & (y == cls)))
        denom = float(np.sum(predicted == cls) + np.sum(y == cls))
        scores.append(2 * tp / denom if denom else 0.0)
    return float(np.mean(scores))


def roc_auc(y: np.ndarray, prob: np.ndarray) -> float:
    """Mann-Whitney AUC with ties counted half; NaN when only one class is present."""
    from scipy.stats import rankdata

    n_pos, n_neg = int(y.sum()), int(len(y) - y.sum())
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    ranks = rankdata(prob)
    return float((ranks[y == 1].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def brier(y: np.ndarray, prob: np.ndarray) -> float:
    return float(np.mean((prob - y) ** 2))


def ece(y: np.ndarray, prob: np.ndarray, bins: int = ECE_BINS) -> float:
    """Expected calibration error over equal-width probability bins, weighted by bin size."""
    which = np.minimum((prob * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        mask = which == b
        if mask.any():
            total += mask.sum() * abs(float(prob[mask].mean()) - float(y[mask].mean()))
    return total / len(y)


def all_metrics(y: np.ndarray, prob: np.ndarray, threshold: float | np.ndarray = 0.5) -> dict[str, float]:
    predicted = (prob >= threshold).astype(int)
    return {
        "macro_f1": macro_f1(y, predicted),
        "roc_auc": roc_auc(y, prob),
        "brier": brier(y, prob),
        "ece": ece(y, prob),
        "n": float(len(y)),
        "n_hoax": float(y.sum()),
    }
