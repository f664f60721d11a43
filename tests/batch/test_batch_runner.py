"""Running shards: the bytes of `saring check`, idempotent shards, coded rejects, Parquet, out-dir guards."""

from __future__ import annotations

import fcntl
import json
from pathlib import Path

import pytest

from saring.batch import build_plan, run_batch, run_shard
from saring.batch.outputs import work_path
from saring.cli import main
from saring.errors import SaringError
from saring.report import validate_report
from saring.settings import IngestOptions
from tests.batch.batch_corpus import write_jsonl


def _plan(src: Path, out: Path, shards: int = 3, **kw: object):  # type: ignore[no-untyped-def]
    fields = {"options": IngestOptions(), "format_out": "jsonl", **kw}
    return build_plan([str(src)], str(out), shards, **fields)


@pytest.mark.parametrize("n", [80])
def test_batch_jsonl_equals_check_output_and_counts_rejects(
    tmp_path: Path, n: int, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", n)
    summary = run_batch(_plan(src, tmp_path / "out"))
    main(["check", "--json", str(src)])
    expected = capsys.readouterr().out.encode()
    shards = sorted((tmp_path / "out").glob("shard-*.jsonl"))
    assert len(shards) == 3 and b"".join(p.read_bytes() for p in shards) == expected
    for line in expected.splitlines()[:3]:
        validate_report(json.loads(line))
    rejects = [json.loads(x) for x in (tmp_path / "out" / "rejects.jsonl").read_text().splitlines()]
    assert [r["line"] for r in rejects] == [6, 8, 10, 43, 61, 71, 80]
    assert {r["code"] for r in rejects} == {"SAR-E006", "SAR-E007", "SAR-E008"}
    assert all(r["reason_msg"]["params"]["code"] == r["code"] for r in rejects)  # the line as a message too
    assert {r["reason_msg"]["params"]["detail"]["code"] for r in rejects if r["code"] == "SAR-E006"} == {
        "errors.detail.not_indonesian"
    }
    assert summary.ok + summary.rejected == n and summary.rejected == len(rejects)
    assert summary.errors["SAR-E007 malformed_record"] == 3
    assert summary.examples["SAR-E006 not_indonesian"] == [f"{src}:8", f"{src}:61"]
    saved = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert saved["reports"] == summary.ok and saved["errors"]["SAR-E008 missing_field"]["count"] == 2


@pytest.mark.parametrize("index", [1])
def test_run_shard_is_idempotent_after_its_marker(tmp_path: Path, index: int) -> None:
    plan = _plan(write_jsonl(tmp_path / "in.jsonl", 30), tmp_path / "out")
    (tmp_path / "out").mkdir()
    first = run_shard(plan, index)
    shard = tmp_path / "out" / "shard-00001.jsonl"
    before = (shard.read_bytes(), shard.stat().st_mtime_ns)
    again = run_shard(plan, index)
    assert again.resumed and again.ok == first.ok and (shard.read_bytes(), shard.stat().st_mtime_ns) == before
    assert json.loads(work_path(str(tmp_path / "out"), "done", index).read_text())["ok"] == first.ok


@pytest.mark.parametrize("n", [40])
def test_rerun_redoes_unfinished_shards_only_and_cleans_temps(tmp_path: Path, n: int) -> None:
    src, out = write_jsonl(tmp_path / "in.jsonl", n), tmp_path / "out"
    run_batch(_plan(src, out))
    reference = {p.name: p.read_bytes() for p in out.glob("shard-*")}
    work_path(str(out), "done", 2).unlink()
    (out / "shard-00002.jsonl").write_bytes(b"half a shard")
    (out / ".shard-00002.jsonl.abc.tmp").write_bytes(b"left by a killed worker")
    summary = run_batch(_plan(src, out))
    assert summary.resumed == 2 and summary.processed_now > 0
    assert {p.name: p.read_bytes() for p in out.glob("shard-*")} == reference
    assert not list(out.glob(".*.tmp"))


@pytest.mark.parametrize("n", [30])
def test_parquet_shards_hold_the_same_reports(tmp_path: Path, n: int) -> None:
    import pyarrow.parquet as pq

    src = write_jsonl(tmp_path / "in.jsonl", n)
    run_batch(_plan(src, tmp_path / "j"))
    run_batch(_plan(src, tmp_path / "p", format_out="parquet"))
    jsonl = b"".join(p.read_bytes() for p in sorted((tmp_path / "j").glob("shard-*"))).decode().splitlines()
    table = pq.read_table(sorted((tmp_path / "p").glob("shard-*.parquet")))
    assert table.column("report").to_pylist() == jsonl
    assert table.column("source_line").to_pylist() == [
        json.loads(x)["article"]["source"]["line"] for x in jsonl
    ]
    first = (tmp_path / "p" / "shard-00000.parquet").read_bytes()
    work_path(str(tmp_path / "p"), "done", 0).unlink()
    run_batch(_plan(src, tmp_path / "p", format_out="parquet"))
    assert (tmp_path / "p" / "shard-00000.parquet").read_bytes() == first


def test_out_dir_of_another_batch_is_refused(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", 20)
    run_batch(_plan(src, tmp_path / "out"))
    with pytest.raises(SaringError, match="different batch"):
        run_batch(_plan(src, tmp_path / "out", options=IngestOptions(accept_langs=())))


def test_second_driver_on_the_same_dir_is_refused(tmp_path: Path) -> None:
    src, out = write_jsonl(tmp_path / "in.jsonl", 10), tmp_path / "out"
    (out / "_work").mkdir(parents=True)
    with open(out / "_work" / "lock", "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(SaringError, match="another saring batch"):
            run_batch(_plan(src, out))


def test_cli_on_error_stop_names_the_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", 20)
    assert main(["batch", str(src), "--out", str(tmp_path / "out"), "-j", "1", "--on-error", "stop"]) == 1
    err = capsys.readouterr().err
    assert "SAR-E007" in err and f"{src}:6" in err
    assert main(["batch", str(src), "--out", str(tmp_path / "ok"), "-j", "1"]) == 3
    assert "SAR-E007 malformed_record: 1" in capsys.readouterr().err


@pytest.mark.parametrize("n", [40])
def test_db_indexes_every_article_once_across_a_redo(tmp_path: Path, n: int) -> None:
    from saring.store import open_store

    src, out, db = write_jsonl(tmp_path / "in.jsonl", n), tmp_path / "out", str(tmp_path / "index.db")
    first = run_batch(_plan(src, out, db=db))
    redo = json.loads(work_path(str(out), "done", 1).read_text())["ok"]
    work_path(str(out), "done", 1).unlink()
    again = run_batch(_plan(src, out, db=db))
    with open_store(db) as store:
        stored = store.query("SELECT COUNT(*) AS n, COUNT(DISTINCT ext_id) AS ids FROM articles")[0]
    assert first.indexed == first.ok == stored["n"] == stored["ids"]
    # the redone shard found its articles already stored; the batch total is unchanged
    assert again.index_existing == redo > 0 and again.indexed + redo == first.indexed


@pytest.mark.parametrize("n", [20])
def test_cli_batch_uses_boilerplate_stats_like_check(
    tmp_path: Path, n: int, capsys: pytest.CaptureFixture[str]
) -> None:
    from saring.clean import SiteBoilerplate

    src = write_jsonl(tmp_path / "in.jsonl", n)
    first = json.loads(src.read_text().splitlines()[0])["text"].split("\n\n")[0]
    stats = tmp_path / "bp.json"
    stats.write_text(SiteBoilerplate.learn([("contoh.co.id", [first])], min_docs=1, min_share=0.0).to_json())
    main(["check", "--json", "--boilerplate-stats", str(stats), str(src)])
    expected = capsys.readouterr().out.encode()
    assert b"boilerplate:site_repeated" in expected
    out = tmp_path / "out"
    assert main(["batch", str(src), "--out", str(out), "-j", "1", "--boilerplate-stats", str(stats)]) == 3
    assert b"".join(p.read_bytes() for p in sorted(out.glob("shard-*.jsonl"))) == expected
