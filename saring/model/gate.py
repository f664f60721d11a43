"""The quality gate: pinned metric floors/ceilings and dataset fingerprints in benchmarks/eval_baseline.json.

`check` lists every gated metric that got worse than its pin (and every dataset whose bytes changed);
`update` re-pins from a fresh evaluation but refuses to lower a floor or raise a ceiling unless
`allow_regression` is given (the reason then belongs in the commit message). Pins sit `TOLERANCE`
below (above) the measured value: the evaluation is seeded, so this only absorbs BLAS/platform noise.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from saring.errors import SaringError
from saring.messages import msg

TOLERANCE = 0.01
HIGHER_IS_BETTER = ("macro_f1", "roc_auc", "recall_2024")
LOWER_IS_BETTER = ("brier", "ece", "news_share_p_ge_threshold", "news_share_hoax_label")
OPEN_CHECKS = "open world|goals||saring estimate"  # the goal numbers of the open-world run, as one cell
UPDATE_COMMAND = "saring evaluate --quick --update-baseline benchmarks/eval_baseline.json"


def measured(ev: dict[str, Any]) -> dict[str, dict[str, float]]:
    """Metrics of the gated cells of an evaluation in its JSON form (`eval_report.to_json`), with the
    open-world cells and goal numbers when the evaluation ran them (full runs only, not `--quick`)."""
    cells = {k: ev["results"][k] for k in ev["gated"]} | dict(ev.get("open_world", {}))
    checks = ev.get("open_checks") or {}
    goals = {m: float(checks[m]) for m in (*HIGHER_IS_BETTER, *LOWER_IS_BETTER) if m in checks}
    return cells | ({OPEN_CHECKS: goals} if goals else {})


def full_only(ev: dict[str, Any]) -> list[str]:
    return sorted(set(measured(ev)) - set(ev["gated"]))


def pins(ev: dict[str, Any]) -> dict[str, Any]:
    now = measured(ev)
    floors = {k: {m: round(v[m] - TOLERANCE, 3) for m in HIGHER_IS_BETTER if m in v} for k, v in now.items()}
    ceilings = {k: {m: round(v[m] + TOLERANCE, 3) for m in LOWER_IS_BETTER if m in v} for k, v in now.items()}
    return {
        "floors": floors,
        "ceilings": ceilings,
        "full_only": full_only(ev),
        "sha256": dict(sorted(ev["sha256"].items())),
    }


def check(ev: dict[str, Any], baseline: dict[str, Any]) -> list[str]:
    """Human-readable failures; empty when the evaluation meets every pin."""
    shas = ev["sha256"]
    full = bool(ev.get("open_world"))  # a --quick run reads only the Rahutomo and news files
    failures = [
        f"dataset {name} changed: sha256 {shas.get(name)} != pinned {sha} (re-pin with {UPDATE_COMMAND})"
        for name, sha in baseline["sha256"].items()
        if shas.get(name) != sha and (full or name in shas)
    ]
    now = measured(ev)
    skipped = set() if full else set(baseline.get("full_only", ()))
    for key, floor in baseline["floors"].items():
        if key in skipped:
            continue
        if key not in now:
            failures.append(f"{key} is pinned but was not measured")
            continue
        failures += [
            f"{key} {m} = {now[key][m]:.4f} < floor {v}" for m, v in floor.items() if now[key][m] < v
        ]
        ceiling = baseline["ceilings"].get(key, {})
        failures += [
            f"{key} {m} = {now[key][m]:.4f} > ceiling {v}" for m, v in ceiling.items() if now[key][m] > v
        ]
    return failures


def regressions(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Pins that the update would loosen."""
    out = []
    for key, floor in old.get("floors", {}).items():
        out += [
            f"{key} {m}: floor {v} -> {new['floors'].get(key, {}).get(m)}"
            for m, v in floor.items()
            if new["floors"].get(key, {}).get(m, float("-inf")) < v
        ]
    for key, ceiling in old.get("ceilings", {}).items():
        out += [
            f"{key} {m}: ceiling {v} -> {new['ceilings'].get(key, {}).get(m)}"
            for m, v in ceiling.items()
            if new["ceilings"].get(key, {}).get(m, float("inf")) > v
        ]
    return out


def update(ev: dict[str, Any], path: Path, allow_regression: bool = False) -> dict[str, Any]:
    """Write new pins atomically; refuse to loosen any pin without `allow_regression`."""
    old = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    new = {
        "about": "Quality gate of the hoax model (tests/model/test_quality_gate.py). Update with: "
        f"{UPDATE_COMMAND}; loosening a pin needs --allow-regression and a reason in the commit. "
        "Cells in full_only (the open-world protocols) are pinned and checked by full runs only.",
        **pins(ev),
    }
    if not ev.get("open_world"):  # a --quick run keeps the open-world pins of the last full run
        for key in old.get("full_only", []):
            for part in ("floors", "ceilings"):
                if key in old.get(part, {}):
                    new[part][key] = old[part][key]
        new["full_only"] = old.get("full_only", [])
        new["sha256"] = dict(sorted({**old.get("sha256", {}), **new["sha256"]}.items()))
    worse = regressions(old, new)
    if worse and not allow_regression:
        raise SaringError("bad_request", msg("errors.detail.gate_would_lower", worse="; ".join(worse)))
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(new, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return new
