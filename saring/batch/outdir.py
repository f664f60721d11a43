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
from saring.messages import msg

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
        detail = msg("errors.detail.outdir_other_batch", out=str(out), plan=str(saved))
        raise SaringError("bad_request", detail)
    others = sorted(p.name for p in out.iterdir() if p.name != "_work" and not _TEMP.fullmatch(p.name))
    if others:
        names = ", ".join(others[:3])
        shown = msg("errors.detail.and_more", names=names, n=len(others) - 3) if len(others) > 3 else names
        raise SaringError("bad_request", msg("errors.detail.outdir_not_batch", out=str(out), shown=shown))


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
