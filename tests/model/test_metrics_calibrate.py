"""Metrics and Platt calibration on small hand-checkable inputs."""

from __future__ import annotations

import numpy as np
import pytest

from saring.model.calibrate import apply_platt, best_threshold, fit_platt
from saring.model.metrics import brier, ece, macro_f1, roc_auc


@pytest.mark.parametrize(
    ("y", "prob", "auc"),
    [
        ([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], 0.75),
        ([0, 1], [0.2, 0.9], 1.0),
        ([0, 1], [0.5, 0.5], 0.5),
    ],
)
def test_metrics_auc(y: list[int], prob: list[float], auc: float) -> None:
    assert roc_auc(np.array(y), np.array(prob)) == pytest.approx(auc)


def test_metrics_f1_brier_ece() -> None:
    y = np.array([0, 0, 1, 1])
    assert macro_f1(y, np.array([0, 0, 1, 1])) == 1.0
    assert macro_f1(y, np.array([0, 1, 1, 1])) == pytest.approx((2 / 3 + 0.8) / 2)
    assert brier(y, np.array([0.0, 0.0, 1.0, 1.0])) == 0.0
    assert ece(y, np.array([0.05, 0.05, 0.95, 0.95])) == pytest.approx(0.05)


def test_calibrate_platt_fixes_overconfident_scores() -> None:
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 4000)
    true_logit = np.where(y == 1, 0.6, -0.6) + rng.normal(0, 1, 4000)
    scores = 5 * true_logit  # five times too confident
    a, _ = fit_platt(scores, y)
    assert 0.05 < a < 0.5
    assert ece(y, apply_platt(scores, (a, _))) < ece(y, apply_platt(scores, (1.0, 0.0)))
    assert 0.3 <= best_threshold(apply_platt(scores, (a, _)), y) <= 0.7
