"""Input handling through the commands (issue 15): losses counted in the summary and exit code 3,
messages that name what is wrong and only flags the command has."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saring.cli import main
from tests.conftest import DATA, need


def _records(n: int) -> list[str]:
    return [json.dumps({"id": f"j{i}", "title": f"Warga Kampung Nomor {i} Kerja Bakti",
                        "text": f"Warga kampung nomor {i} menggelar kerja bakti membersihkan saluran air "
                                "bersama aparat desa pada Minggu pagi sebelum musim hujan tiba."})
            for i in range(n)]


@pytest.mark.parametrize("text", ["ok", "BACOT!", "0857 6591 8011"])
def test_inputs_too_short_to_judge_is_refused(text: str) -> None:
    """Issue 15: a 2-character input got a full report with a 40% hoax probability."""
    proc = subprocess.run([sys.executable, "-m", "saring", "check", "--json", "-"], input=text.encode(),
                          capture_output=True, check=False)
    assert proc.returncode == 1 and proc.stdout == b""
    assert b"SAR-E026 too_short" in proc.stderr and b"sedikitnya 2 kata dan 8 huruf" in proc.stderr


def test_inputs_damaged_file_in_a_folder_exits_3_and_is_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 15: a truncated gzip was a traceback or a silent stop; the folder's other files must go on."""
    data = gzip.compress("\n".join(_records(400)).encode())
    (tmp_path / "a_cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    (tmp_path / "b_good.jsonl").write_text("\n".join(_records(2)) + "\n")
    stats = tmp_path / "stats.json"
    argv = ["boilerplate", "learn", str(tmp_path), "--out", str(stats), "--any-lang", "--lang", "en"]
    assert main(argv) == 3
    err = capsys.readouterr().err
    lost = r"a_cut\.jsonl\.gz:\d+: SAR-E025 corrupt_input: truncated gzip data after [\d,]+ bytes inflated"
    assert re.search(lost, err)
    assert "SAR-E025 corrupt_input: 1 (" in err and "1 skipped" in err
    n_read = int(err.split(" read, ")[0].rsplit(" ", 1)[1])
    assert 2 < n_read < 402  # the intact start of the cut file, and all of the good one


def test_inputs_check_goes_on_past_a_file_that_is_not_warc(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 15: `OSError: Invalid WARC header` was a traceback that ended the whole run."""
    (tmp_path / "a.warc").write_bytes(b"this is no crawl at all\n" * 10)
    (tmp_path / "b.jsonl").write_text("\n".join(_records(2)) + "\n")
    assert main(["check", "--json", str(tmp_path)]) == 3
    captured = capsys.readouterr()
    assert [json.loads(line)["article"]["id"] for line in captured.out.splitlines()] == ["j0", "j1"]
    assert "a.warc:1: SAR-E025 corrupt_input: tidak terbaca sejak awal (Invalid WARC header)" in captured.err
    assert "2 dianalisis, 1 dilewati" in captured.err


def test_inputs_batch_counts_damaged_files_and_keeps_the_rest(tmp_path: Path) -> None:
    """Issue 15: a corrupt WARC in the folder made `batch` write 0 reports."""
    folder = tmp_path / "in"
    folder.mkdir()
    data = gzip.compress("\n".join(_records(300)).encode())
    (folder / "a_cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    (folder / "b.jsonl").write_text("\n".join(_records(3)) + "\n")
    (folder / "c.warc").write_bytes(b"not a crawl\n" * 5)
    out = tmp_path / "out"
    assert main(["batch", str(folder), "--out", str(out), "-j", "1"]) == 3
    rejects = [json.loads(line) for line in (out / "rejects.jsonl").read_text().splitlines()]
    lost = [(Path(r["path"]).name, r["code"]) for r in rejects]
    assert lost == [("a_cut.jsonl.gz", "SAR-E025"), ("c.warc", "SAR-E025")]
    reports = [json.loads(line) for line in (out / "shard-00000.jsonl").read_text().splitlines()]
    assert len(reports) > 3 and [r["article"]["id"] for r in reports[-3:]] == ["j0", "j1", "j2"]


def test_inputs_boilerplate_learn_missing_file_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 15: `boilerplate learn` on a missing file exited 0 and wrote `{}`."""
    out = tmp_path / "stats.json"
    assert main(["boilerplate", "learn", str(tmp_path / "nope.jsonl"), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "SAR-E011 not_found" in err and "berkas tidak ditemukan" in err and "SAR-E001" in err
    assert not out.exists()


def test_inputs_boilerplate_stats_directory_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 15: "Is a directory (the file or resource does not exist)"."""
    page = tmp_path / "page.txt"
    page.write_text("Judul Berita Hari Ini Di Kota\n\nIsi berita yang cukup panjang untuk dibaca warga kota.")
    assert main(["check", "--lang", "en", "--boilerplate-stats", str(tmp_path), str(page)]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path}: a directory, not a file" in err and "does not exist" not in err


def test_inputs_factcheck_import_refuses_non_string_claims(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 15: non-string claims were stored as Python reprs ("['a']") with a verdict."""
    path = tmp_path / "checks.jsonl"
    rows = [{"claim": ["a"], "rating": "SALAH"}, {"claim": {"x": 1}, "rating": "SALAH"},
            {"claim": "Vaksin mengandung chip pelacak", "rating": "SALAH", "url": "https://cek.id/1"},
            {"rating": "SALAH"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    db = str(tmp_path / "fc.db")
    assert main(["factcheck", "import", str(path), "--db", db, "--lang", "en"]) == 3
    err = capsys.readouterr().err
    assert "checks.jsonl:1: SAR-E007 malformed_record: 'claim' is a JSON list, not text" in err
    assert "checks.jsonl:2: SAR-E007 malformed_record: 'claim' is a JSON dict, not text" in err
    assert "checks.jsonl:4: SAR-E008" in err and "--text-field" not in err
    from saring.store import open_store

    with open_store(db) as store:
        claims = [row["claim"] for row in store.query("SELECT claim FROM factchecks")]
    assert claims == ["Vaksin mengandung chip pelacak"]


_PIECES = st.sampled_from([
    b"Harga beras naik ", b"di pasar. ", b'"', b",", b";", b"\n", b"\r\n", b"{", b"}", b'"text": ', b"<p>",
    b"</p>", b"\x00", b"\xff\xfe", b"\xc3", b"ok", b"\t", b"<div>" * 50, b"WARC/1.0\r\n", b"\x1f\x8b",
])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(_PIECES, max_size=40), fmt=st.sampled_from(["text", "html", "jsonl", "csv", "warc"]))
def test_inputs_check_never_raises(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pieces: list[bytes], fmt: str
) -> None:
    """Any bytes in any --format: a report, or one-line coded errors, and exit 0, 1 or 3 (Hypothesis)."""
    path = tmp_path / "input"
    path.write_bytes(b"".join(pieces))
    code = main(["check", "--json", "--format", fmt, str(path)])
    err = capsys.readouterr().err
    assert code in (0, 1, 3)
    assert all(line.startswith(("saring:", "  SAR-E")) for line in err.splitlines()), err


@pytest.mark.data
@pytest.mark.slow
def test_inputs_readme_boilerplate_example_learns_something(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README's `boilerplate learn` example must produce statistics, not `{}`."""
    corpus = need(DATA / "clickid_raw_articles_2019" / "normalized.jsonl")
    out = tmp_path / "site-stats.json"
    assert main(["boilerplate", "learn", str(corpus), "--out", str(out), "--lang", "en"]) == 0
    stats = json.loads(out.read_text())
    assert len(stats) >= 5 and sum(map(len, stats.values())) >= 10
    assert "recurring paragraphs on" in capsys.readouterr().err
