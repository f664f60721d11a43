"""`saring factcheck import` and `saring claims search` end to end through the CLI entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from saring.cli import main
from tests.conftest import RESOURCES

FILES = RESOURCES / "factchecks"


def test_cli_factcheck_import_twice_then_search(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "fc.db")
    files = [str(FILES / "index.csv"), str(FILES / "claimreview.jsonld")]
    # index.csv has one row without a title
    assert main(["factcheck", "import", *files, "--db", db, "--lang", "en"]) == 3
    out, err = capsys.readouterr()
    assert "index.csv: 7 added, 0 updated, 0 unchanged, 7 embedded" in out and "9 fact-checks" in out
    assert "index.csv:7" in err and "SAR-E008" in err
    assert main(["--lang", "en", "factcheck", "import", *files, "--db", db]) == 3
    assert "index.csv: 0 added, 0 updated, 7 unchanged, 0 embedded" in capsys.readouterr().out

    assert (
        main(["claims", "search", "Are Chinese eggs made of plastic?", "--db", db, "-k", "2", "--json"]) == 0
    )
    found = json.loads(capsys.readouterr().out)
    assert (
        found[0]["claim"] == "Eggs imported from China are made of plastic" and found[0]["verdict"] == "false"
    )
    # Indonesian query, English fact-check.
    assert main(["claims", "search", "Telur dari China terbuat dari plastik", "--db", db, "-k", "1"]) == 0
    out = capsys.readouterr().out
    assert "[SALAH (2/9 (false))] Eggs imported from China are made of plastic" in out
    assert "https://factcheck.example/2022/eggs" in out


def test_cli_claims_search_on_empty_store_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["claims", "search", "apa saja", "--db", str(tmp_path / "empty.db")]) == 1
    assert "saring factcheck import" in capsys.readouterr().err
