"""Whose folder `--out` is: a batch writes only into an empty folder or into its own earlier run.

Its own = `plan.json` there equals this run's plan (same inputs, options, shards, signals): the run resumes.
Anything else (another batch's plan, or files of no batch) is refused unless `--force`; with `--force` every
file named like a batch output is removed first, so no stale shard of another plan sits beside the new ones
(`cat shard-*.jsonl` then holds exactly this batch). Files with other names are left alone.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from saring.batch.plan import BatchPlan
from saring.errors import SaringError

_TEMP = re.compile(r"\..+\.tmp")  # an output being written; left behind by a killed run
_OUTPUT = re.compile(r"shard-\d{5}\.(jsonl|parquet)|plan\.json|rejects\.jsonl|summary\.json|" + _TEMP.pattern)
_WORK_KINDS = ("done", "stats", "rejects", "progress")  # `_work/lock` stays: the caller holds it


def claim_out_dir(plan: BatchPlan, force: bool) -> None:
    """Check (under the batch lock) that `plan.out` may receive this batch; with `force`, clear it."""
    out = Path(plan.out)
    saved = out / "plan.json"
    if saved.is_file() and _read(saved) == plan.to_json():
        return
    if not force:
        _refuse(out, saved)  # returns only when nothing but `_work` and temp files is there
    for path in out.iterdir():
        if path.is_file() and _OUTPUT.fullmatch(path.name):
            path.unlink()
    for kind in _WORK_KINDS:
        shutil.rmtree(out / "_work" / kind, ignore_errors=True)


def _refuse(out: Path, saved: Path) -> None:
    if saved.is_file():
        raise SaringError(
            "bad_request",
            f"{out} holds a different batch (inputs, options, --shards or signals changed). To resume it, "
            f"re-run the command that made it (its inputs are in {saved}); or use a new --out directory, "
            "or add --force to replace it",
        )
    others = sorted(p.name for p in out.iterdir() if p.name != "_work" and not _TEMP.fullmatch(p.name))
    if others:
        shown = ", ".join(others[:3]) + (f" and {len(others) - 3} more" if len(others) > 3 else "")
        raise SaringError(
            "bad_request",
            f"{out} is not empty and is not a batch output ({shown}); use an empty or new --out "
            "directory, or add --force to write there (files named like batch outputs are replaced)",
        )


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
