"""Quality gate: the model recipe must meet the floors pinned in benchmarks/eval_baseline.json.

Runs `saring evaluate --quick` (the gated Rahutomo protocols, ~10 s) and compares with the pins and
the pinned SHA-256 of the data. Re-pin with `saring evaluate --quick --update-baseline
benchmarks/eval_baseline.json`; loosening a pin needs `--allow-regression` and a reason in the commit.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from saring.cli import main
from saring.errors import SaringError
from saring.model import gate

BASELINE = Path(__file__).resolve().parents[2] / "benchmarks" / "eval_baseline.json"


def test_quality_gate(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "quick.json"
    assert (
        main(
            [
                "evaluate",
                "--quick",
                "--data",
                str(data_dir),
                "--json",
                str(out),
                "--report",
                str(tmp_path / "eval.md"),
            ]
        )
        == 0
    )
    failures = gate.check(json.loads(out.read_text()), json.loads(BASELINE.read_text()))
    assert not failures, "quality gate failed:\n" + "\n".join(failures)
    assert "| rahutomo | leave-topic-out (12) |" in (tmp_path / "eval.md").read_text()


def _evaluation(f1: float, ece: float) -> dict[str, Any]:
    key = "rahutomo|random 5-fold||saring"
    return {
        "results": {key: {"macro_f1": f1, "roc_auc": 0.8, "brier": 0.2, "ece": ece}},
        "gated": [key],
        "sha256": {"rahutomo": "abc"},
    }


def test_quality_gate_update_raises_freely_but_lowers_only_when_allowed(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    gate.update(_evaluation(0.70, 0.05), path)
    gate.update(_evaluation(0.75, 0.04), path)  # better: floors rise, ceilings fall
    pinned = json.loads(path.read_text())
    assert pinned["floors"]["rahutomo|random 5-fold||saring"]["macro_f1"] == 0.74
    with pytest.raises(SaringError, match="allow-regression"):
        gate.update(_evaluation(0.70, 0.04), path)
    assert gate.check(_evaluation(0.70, 0.04), pinned)  # and the gate itself reports the drop
    gate.update(_evaluation(0.70, 0.04), path, allow_regression=True)
    assert json.loads(path.read_text())["floors"]["rahutomo|random 5-fold||saring"]["macro_f1"] == 0.69


def test_quality_gate_reports_changed_data() -> None:
    changed = _evaluation(0.9, 0.0) | {"sha256": {"rahutomo": "different"}}
    assert any("changed" in f for f in gate.check(changed, gate.pins(_evaluation(0.9, 0.0))))


def _full(auc: float, news_share: float) -> dict[str, Any]:
    key = "2024 rumours + Kompas/Tempo|out of time, unseen outlets|before 2022|saring estimate"
    cell = {"macro_f1": 0.7, "roc_auc": auc, "brier": 0.1, "ece": 0.2}
    checks = {"recall_2024": 0.8, "news_share_p_ge_threshold": news_share, "news_share_hoax_label": 0.01}
    return _evaluation(0.75, 0.04) | {"open_world": {key: cell}, "open_checks": checks}


def test_quality_gate_open_world_pins_are_checked_by_full_runs_only(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    gate.update(_full(0.96, 0.11), path)
    gate.update(_evaluation(0.75, 0.04), path)  # a --quick re-pin keeps the open-world pins
    pinned = json.loads(path.read_text())
    assert gate.OPEN_CHECKS in pinned["full_only"] and gate.OPEN_CHECKS in pinned["ceilings"]
    assert not gate.check(_evaluation(0.75, 0.04), pinned)  # quick runs do not measure them
    assert not gate.check(_full(0.96, 0.11), pinned)
    failures = gate.check(_full(0.90, 0.20), pinned)
    assert any("roc_auc" in f for f in failures) and any("news_share_p_ge_threshold" in f for f in failures)
