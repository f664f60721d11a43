"""Platt scaling on held-out scores, and the decision threshold that maximises macro-F1.

The raw logistic-regression scores are over-confident on topics the model has not seen, so the
probability shipped in reports is a sigmoid(a * score + b) fitted on out-of-fold scores only.
"""

from __future__ import annotations

import numpy as np

from saring.model.metrics import macro_f1


def fit_platt(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """(a, b) of p = sigmoid(a * score + b), by maximum likelihood with Platt's smoothed targets."""
    from scipy.optimize import minimize

    n_pos, n_neg = float(y.sum()), float(len(y) - y.sum())
    target = np.where(y == 1, (n_pos + 1) / (n_pos + 2), 1 / (n_neg + 2))

    def loss(params: np.ndarray) -> float:
        z = params[0] * scores + params[1]
        return float(np.sum(np.logaddexp(0, z) - target * z))

    result = minimize(loss, np.array([1.0, 0.0]), method="L-BFGS-B")
    return float(result.x[0]), float(result.x[1])


def apply_platt(scores: np.ndarray, platt: tuple[float, float]) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-(platt[0] * scores + platt[1]))))


def best_threshold(prob: np.ndarray, y: np.ndarray) -> float:
    """The probability cut with the highest macro-F1 on held-out predictions (ties: nearest 0.5)."""
    candidates = np.round(np.arange(0.2, 0.8001, 0.01), 2)
    scores = [(macro_f1(y, (prob >= t).astype(int)), -abs(t - 0.5), t) for t in candidates]
    return float(max(scores)[2])
