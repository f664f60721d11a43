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
