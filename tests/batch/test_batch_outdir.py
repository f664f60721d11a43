"""Output safety (issue 15): whose folder --out is, read-only and full disks, no writes after a kill."""

from __future__ import annotations

import errno
import json
import os
import pickle
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saring.article import Article
from saring.batch import build_plan, run_batch
from saring.batch.outdir import claim_out_dir
from saring.cli import main
from saring.errors import SaringError
from saring.report import Report
from saring.settings import IngestOptions
from tests.batch.batch_corpus import write_jsonl


def _plan(src: Path, out: Path, shards: int):  # type: ignore[no-untyped-def]
    return build_plan([str(src)], str(out), shards, options=IngestOptions(), format_out="jsonl")


_BATCH = (sys.executable, "-m", "saring", "batch")  # in a child process, as a user runs it


def _report_lines(out: Path) -> list[str]:
    return [line for p in sorted(out.glob("shard-*.jsonl")) for line in p.read_text().splitlines()]


@pytest.mark.parametrize("n", [40])
def test_batch_outdir_refuses_a_folder_that_is_not_its_own(
    tmp_path: Path, n: int, capsys: pytest.CaptureFixture[str]
) -> None:
    src, out = write_jsonl(tmp_path / "in.jsonl", n), tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("catatan penting\n")
    (out / "shard-00003.jsonl").write_text('{"old": true}\n')
    assert main(["batch", str(src), "--out", str(out), "-j", "1"]) == 1
    err = capsys.readouterr().err
    assert "SAR-E012" in err and "bukan folder hasil batch" in err and "--force" in err  # id: the default
    assert sorted(p.name for p in out.iterdir() if p.name != "_work") == ["notes.txt", "shard-00003.jsonl"]
    assert main(["batch", str(src), "--out", str(out), "-j", "1", "--force"]) == 3
    assert (out / "notes.txt").read_text() == "catatan penting\n"  # not a batch name: kept
    rejects = (out / "rejects.jsonl").read_text().splitlines()
    assert len(_report_lines(out)) + len(rejects) == n  # the stale shard-00003 is gone


@pytest.mark.parametrize(("n", "first", "second"), [(60, 4, 2)])
def test_batch_outdir_another_plan_is_refused_then_replaced_without_stale_shards(
    tmp_path: Path, n: int, first: int, second: int, capsys: pytest.CaptureFixture[str]
) -> None:
    src, out = write_jsonl(tmp_path / "in.jsonl", n), tmp_path / "out"
    assert main(["batch", str(src), "--out", str(out), "-j", "1", "--shards", str(first)]) == 3
    assert len(list(out.glob("shard-*.jsonl"))) == first
    capsys.readouterr()
    assert main(["batch", str(src), "--out", str(out), "-j", "1", "--shards", str(second)]) == 1
    err = capsys.readouterr().err
    assert "berisi batch lain" in err and "jalankan ulang perintah yang membuatnya" in err
    assert main(["batch", str(src), "--out", str(out), "-j", "1", "--shards", str(second), "--force"]) == 3
    assert len(list(out.glob("shard-*.jsonl"))) == second
    assert len(list(out.glob("_work/done/*.json"))) == second
    ids = [json.loads(line)["article"]["id"] for line in _report_lines(out)]
    assert len(ids) == len(set(ids)) and len(ids) + len((out / "rejects.jsonl").read_text().splitlines()) == n


@pytest.mark.parametrize("n", [20])
def test_batch_outdir_its_own_folder_resumes_without_force(tmp_path: Path, n: int) -> None:
    src, out = write_jsonl(tmp_path / "in.jsonl", n), tmp_path / "out"
    assert main(["batch", str(src), "--out", str(out), "-j", "1", "--shards", "2"]) == 3
    before = {p.name: p.read_bytes() for p in out.glob("shard-*.jsonl")}
    assert main(["batch", str(src), "--out", str(out), "-j", "1"]) == 3  # same plan: a resume
    assert {p.name: p.read_bytes() for p in out.glob("shard-*.jsonl")} == before


_NAMES = st.sampled_from(
    ["shard-00000.jsonl", "shard-00001.parquet", "shard-12345.jsonl", "plan.json", "rejects.jsonl",
     "summary.json", ".shard-00000.jsonl.abc.tmp", "notes.txt", "shard-1.jsonl", "data.jsonl", "README"]
)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.sets(_NAMES, max_size=6), force=st.booleans())
def test_batch_outdir_claim_refuses_or_leaves_no_batch_file(tmp_path_factory: pytest.TempPathFactory,
                                                           names: set[str], force: bool) -> None:  # fmt: skip
    """Any folder: either refused untouched, or (force) only the files with non-batch names remain."""
    root = tmp_path_factory.mktemp("claim")
    src, out = write_jsonl(root / "in.jsonl", 3), root / "out"
    out.mkdir()
    for name in names:
        (out / name).write_text("x")
    plan = _plan(src, out, 1)
    foreign = {"notes.txt", "shard-1.jsonl", "data.jsonl", "README"}
    temp = {".shard-00000.jsonl.abc.tmp"}  # a killed run's: never a reason to refuse
    try:
        claim_out_dir(plan, force)
    except SaringError as exc:
        assert not force and names - temp and exc.name == "bad_request"
        assert {p.name for p in out.iterdir()} == names
        return
    assert force or not names - temp
    assert {p.name for p in out.iterdir()} == names & foreign


@pytest.mark.parametrize("n", [10])
def test_batch_outdir_file_as_out_is_a_coded_error(tmp_path: Path, n: int) -> None:
    src, out = write_jsonl(tmp_path / "in.jsonl", n), tmp_path / "out"
    out.write_text("not a folder")
    with pytest.raises(SaringError, match="is a file"):
        run_batch(_plan(src, out, 1))


def _without_root_override() -> list[str]:
    """As root, permission bits do not stop writes: drop the capability that overrides them."""
    if os.geteuid() != 0:
        return []
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}", "--"]


@pytest.mark.parametrize("n", [10])
def test_batch_outdir_read_only_folder_is_a_coded_error(tmp_path: Path, n: int) -> None:
    src, out = write_jsonl(tmp_path / "in.jsonl", n), tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    cmd = [*_without_root_override(), *_BATCH, str(src), "--out", str(out / "x")]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    finally:
        out.chmod(0o755)
    assert done.returncode == 1, done.stderr
    assert "SAR-E022 output_error" in done.stderr and "Permission denied" in done.stderr
    assert "Traceback" not in done.stderr


@contextmanager
def _small_file_limit(max_bytes: int) -> Iterator[None]:
    """A disk that fills up: no file of this process may grow past `max_bytes` (EFBIG, as ENOSPC would)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


@pytest.mark.parametrize("n", [40])
def test_batch_outdir_full_disk_is_a_coded_error(
    tmp_path: Path, n: int, capsys: pytest.CaptureFixture[str]
) -> None:
    from saring.batch.runner import worker_analyzer

    src, out = write_jsonl(tmp_path / "in.jsonl", n), tmp_path / "out"
    worker_analyzer()  # loading writes temp files of its own (langid); the limit is for the outputs
    with _small_file_limit(4096):
        code = main(["batch", str(src), "--out", str(out), "-j", "1", "--shards", "2"])
    err = capsys.readouterr().err
    assert code == 1, err
    assert "SAR-E022 output_error: tidak dapat menulis" in err and "shard-00000.jsonl: File too large" in err
    assert not list(out.glob("_work/done/*")) and not list(out.glob(".*.tmp"))  # nothing claims to be done


@pytest.mark.parametrize("n", [20])
def test_batch_outdir_enospc_in_process_stops_with_the_reason(
    tmp_path: Path, n: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from saring.batch import outputs

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(outputs.os, "fsync", full)
    src, out = write_jsonl(tmp_path / "in.jsonl", n), tmp_path / "out"
    with pytest.raises(SaringError, match="No space left on device") as caught:
        run_batch(_plan(src, out, 2))
    assert caught.value.name == "output_error"
    assert not list(out.glob(".*.tmp")) and not list(out.glob("shard-*"))


@pytest.mark.parametrize("name", ["output_error", "malformed_record"])
def test_batch_outdir_coded_errors_cross_processes(name: str) -> None:
    """A worker's coded error reaches the driver whole (it used to break the pool on unpickling)."""
    error = pickle.loads(pickle.dumps(SaringError(name, "shard-00001.jsonl: detail")))
    assert (error.name, error.detail) == (name, "shard-00001.jsonl: detail")


def _running(process: psutil.Process) -> bool:
    """Not dead yet (a zombie is dead: only waiting for init to reap it)."""
    try:
        return process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _snapshot(out: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(out)): (p.stat().st_mtime_ns, p.stat().st_size)
            for p in out.rglob("*") if p.is_file() and p.name != "lock"}  # fmt: skip


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_batch_outdir_killed_driver_leaves_no_writing_worker(tmp_path: Path, sig: signal.Signals) -> None:
    src, out = write_jsonl(tmp_path / "in.jsonl", 1500), tmp_path / "out"
    cmd = [*_BATCH, str(src), "--out", str(out), "-j", "2", "--shards", "6"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 240
    while proc.poll() is None and time.monotonic() < deadline:
        if any(p.stat().st_size > 0 for p in out.glob(".shard-*.tmp")):  # workers are mid-shard
            break
        time.sleep(0.01)
    workers = psutil.Process(proc.pid).children(recursive=True)
    assert proc.poll() is None and workers, "the batch ended before it could be killed"
    proc.send_signal(sig)
    proc.wait()
    # The kernel kills them as the driver exits; a worker polling for its parent would take up to 0.5 s.
    time.sleep(0.25)
    alive = [w for w in workers if _running(w)]
    assert not alive, f"workers outlived the driver killed by {sig.name}"
    after_kill = _snapshot(out)
    time.sleep(1.5)
    assert _snapshot(out) == after_kill, "something wrote into the output after the driver died"
    assert len(list(out.glob("_work/done/*"))) < 6


@pytest.mark.parametrize("n", [12])
def test_batch_outdir_failed_shard_ends_with_its_reason(
    tmp_path: Path, n: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from saring.batch import runner

    real = runner.worker_analyzer()

    class BrokenAnalyzer:  # fails on one record, as a bug would
        def analyze(self, article: Article) -> Report:
            if article.id == "b0003":
                raise ValueError("a bug")
            return real.analyze(article)

    monkeypatch.setattr(runner, "worker_analyzer", BrokenAnalyzer)
    src, out = write_jsonl(tmp_path / "in.jsonl", n), tmp_path / "out"
    assert main(["batch", str(src), "--out", str(out), "-j", "1", "--shards", "2", "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "1 FAILED" in err.splitlines()[0]
    assert f"shard 0 FAILED: RuntimeError: {src}:4: ValueError: a bug" in err
    assert "re-run the same command" in err


@pytest.mark.parametrize("n", [40])
def test_batch_outdir_coded_stop_in_a_pool_worker_names_the_record(
    tmp_path: Path, n: int, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: this ended "0 reports, 0 rejected, 0 shards" with BrokenProcessPool for every shard."""
    src, out = write_jsonl(tmp_path / "in.jsonl", n), tmp_path / "out"
    argv = ["batch", str(src), "--out", str(out), "-j", "2", "--shards", "2", "--on-error", "stop"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert f"SAR-E007 malformed_record: berhenti di {src}:6 (--on-error stop)" in err
    assert "BrokenProcessPool" not in err


@pytest.mark.parametrize("n", [5])
def test_batch_outdir_interrupted_run_says_how_to_resume(
    tmp_path: Path, n: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from saring.batch import driver

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(driver, "run_batch", interrupted)
    src, out = write_jsonl(tmp_path / "in.jsonl", n), tmp_path / "out"
    assert main(["batch", str(src), "--out", str(out), "-j", "1", "--lang", "en"]) == 130
    err = capsys.readouterr().err
    assert f"run the same command again to resume ({out} keeps the finished shards)" in err
