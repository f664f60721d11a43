"""Kill-and-resume: `saring batch` SIGKILLed at several points, re-run, ends byte-identical to a clean run.

Also the Dask path on a LocalCluster: the same shards and bytes as the local engine.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import psutil
import pytest

from saring.cli import main
from tests.batch.batch_corpus import write_jsonl

N_RECORDS = 1000  # enough work per shard that every kill lands mid-run on a fast machine
SHARDS = "8"


def _outputs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and p.name != "summary.json"}


def _start(src: Path, out: Path) -> subprocess.Popen[bytes]:
    cmd = [
        sys.executable,
        "-m",
        "saring",
        "batch",
        str(src),
        "--out",
        str(out),
        "-j",
        "2",
        "--shards",
        SHARDS,
    ]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def _done(out: Path) -> int:
    return len(list(out.glob("_work/done/shard-*.json")))


def _mid_shard(out: Path) -> bool:
    """A worker has written reports into a temp shard file and no shard is finished yet."""
    return _done(out) == 0 and any(p.stat().st_size > 0 for p in out.glob(".shard-*.tmp"))


def _kill_when(proc: subprocess.Popen[bytes], ready: Callable[[], bool], driver_only: bool = False) -> bool:
    """SIGKILL the run (its process group, or only the driver) once `ready()`; False if it ended first."""
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if ready():
            workers = psutil.Process(proc.pid).children(recursive=True)
            if driver_only:
                proc.kill()
            else:
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            _, alive = psutil.wait_procs(workers, timeout=15)
            assert not alive, "workers outlived the killed driver"
            return True
        time.sleep(0.01)
    proc.wait()
    return False


@pytest.mark.parametrize("n", [N_RECORDS])
def test_kill_and_resume_is_byte_identical(tmp_path: Path, n: int) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", n)
    reference, out = tmp_path / "reference", tmp_path / "out"
    assert main(["batch", str(src), "--out", str(reference), "-j", "1", "--shards", SHARDS]) == 3
    kills = [
        _kill_when(_start(src, out), lambda: _mid_shard(out)),
        _kill_when(_start(src, out), lambda: _done(out) >= 2, driver_only=True),
        _kill_when(_start(src, out), lambda: _done(out) >= 5),
    ]
    assert sum(kills) >= 2, f"the runs finished before they could be killed: {kills}"
    assert _done(out) < int(SHARDS), f"a killed run had already finished every shard: {kills}"
    assert main(["batch", str(src), "--out", str(out), "-j", "2"]) == 3
    assert _outputs(out) == _outputs(reference)
    ids = [json.loads(line)["article"]["id"] for p in sorted(out.glob("shard-*.jsonl")) for line in p.open()]
    n_rejects = len((out / "rejects.jsonl").read_text().splitlines())
    assert len(ids) == len(set(ids)) and len(ids) + n_rejects == n
    assert not list(out.glob(".*.tmp")) and not list(out.glob("_work/*/.*.tmp"))


@pytest.mark.parametrize("n", [60])
def test_dask_local_cluster_gives_the_same_bytes(tmp_path: Path, n: int) -> None:
    pytest.importorskip("distributed")
    from saring.batch import build_plan, run_batch
    from saring.settings import IngestOptions

    src = write_jsonl(tmp_path / "in.jsonl", n)
    plans = {
        e: build_plan([str(src)], str(tmp_path / e), 4, options=IngestOptions(), format_out="jsonl")
        for e in ("local", "dask")
    }
    run_batch(plans["local"], "local", jobs=1)
    summary = run_batch(plans["dask"], "dask", jobs=2)
    assert summary.shards == 4 and not summary.failed
    assert _outputs(tmp_path / "dask") == _outputs(tmp_path / "local")
    pids = {json.loads(p.read_text())["pid"] for p in (tmp_path / "dask").glob("_work/stats/*.json")}
    assert os.getpid() not in pids  # the shards ran in the cluster's worker processes
