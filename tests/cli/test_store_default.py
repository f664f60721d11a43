"""One default store for every command: ./saring.db or $SARING_DB, created only by commands that write."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from saring.cli import main
from saring.report import validate_report
from tests.conftest import RESOURCES

# A forwarded chain message: its second sentence is the claim of a TurnBackHoax fact-check in
# tests/resources/factchecks/index.csv ("KRI Nanggala 402 Ditemukan Setelah 21 Jam Hilang Kontak").
CHAIN = (
    "Beredar pesan berantai di grup WhatsApp keluarga sejak Sabtu pagi.\n\n"
    "Pesan itu menyebut kapal selam KRI Nanggala 402 sudah ditemukan setelah 21 jam hilang kontak "
    "di perairan utara Bali."
)
FACTCHECKS = RESOURCES / "factchecks" / "index.csv"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working directory with no $SARING_DB: nothing to find by default."""
    monkeypatch.chdir(tmp_path)
    for name in ("SARING_DB", "SARING_API_DB", "SARING_API_NO_DB"):  # `serve` exports its flags
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def _databases(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".db" in p.name)


def _check(args: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["check", "--json", *args]) == 0
    document: dict[str, Any] = json.loads(capsys.readouterr().out)
    validate_report(document)
    return document


@pytest.mark.parametrize(
    "argv",
    [
        ["trace", "{seed}"],
        ["claims", "search", "vaksin mengandung chip"],
        ["index", "stats"],
        ["index", "search", "vaksin"],
        ["check", "--db", "typo.db", "{seed}"],
        ["trace", "--db", "typo.db", "{seed}"],
        ["claims", "search", "vaksin mengandung chip", "--db", "sqlite:///typo.db"],
        ["serve", "--db", "typo.db"],
    ],
)
def test_store_default_reading_commands_never_create_one(
    argv: list[str], workdir: Path, seed_000: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([a.replace("{seed}", str(seed_000)) for a in argv]) == 1
    err = capsys.readouterr().err
    assert "SAR-E011" in err and ("typo.db" in err if "typo.db" in " ".join(argv) else "saring.db" in err)
    assert _databases(workdir) == []


def test_store_default_env_variable_typo_is_an_error(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, seed_000: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SARING_DB", str(workdir / "typo.db"))
    assert main(["check", str(seed_000)]) == 1
    err = capsys.readouterr().err
    assert "SAR-E011" in err and "typo.db ($SARING_DB)" in err
    assert _databases(workdir) == []


def test_store_default_check_without_store_lists_claims(
    workdir: Path, seed_000: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = _check([str(seed_000)], capsys)
    assert document["lookups"] == {"store": None, "factchecks": None, "claims": "no_store"}
    claims = document["claims"]
    assert len(claims) >= 3
    text = document["article"]["text"]
    for claim in claims:
        assert text[claim["start"] : claim["end"]] == claim["sentence"]
        assert claim["checkworthiness"] >= 0.4 and claim["reasons"] and claim["matches"] == []
    assert any(c["sentence"].startswith("Ada diskusi dan dialog antara kedua utusan") for c in claims)
    assert _databases(workdir) == []


def test_store_default_import_then_check_without_db(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README's two steps: `saring factcheck import FILE`, then `saring check ARTICLE` (no --db)."""
    article = workdir / "pesan.txt"
    article.write_text(CHAIN, encoding="utf-8")
    assert _check([str(article), "--no-db"], capsys)["lookups"]["claims"] == "no_store"
    assert main(["factcheck", "import", str(FACTCHECKS)]) == 3  # index.csv has one row without a title
    imported = capsys.readouterr().out.splitlines()[-1]
    assert imported.startswith("basis data saring.db: ") and imported.endswith(" cek fakta")
    assert _databases(workdir) == ["saring.db"]
    document = _check([str(article)], capsys)
    lookups = document["lookups"]
    assert lookups == {"store": "saring.db", "factchecks": int(imported.split()[3]), "claims": "searched"}
    found = [m["claim"] for c in document["claims"] for m in c["matches"]]
    assert "KRI Nanggala 402 Ditemukan Setelah 21 Jam Hilang Kontak" in found
    assert main(["check", "--color", "never", "--lang", "en", str(article)]) == 0
    assert f"checked against {lookups['factchecks']} fact-checks in saring.db" in capsys.readouterr().out


def test_store_default_env_variable_names_the_store_everywhere(
    workdir: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch,
    seed_000: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    store = tmp_path_factory.mktemp("elsewhere") / "fakta.db"
    monkeypatch.setenv("SARING_DB", str(store))
    assert main(["factcheck", "import", str(FACTCHECKS)]) == 3
    assert main(["claims", "search", "KRI Nanggala ditemukan", "-k", "1"]) == 0
    assert "Nanggala" in capsys.readouterr().out
    document = _check(["--db", str(store), str(seed_000)], capsys)
    assert document["lookups"]["store"] == str(store) and document["lookups"]["claims"] == "searched"
    assert _check([str(seed_000)], capsys)["lookups"] == document["lookups"]
    assert _check(["--no-db", str(seed_000)], capsys)["lookups"]["claims"] == "no_store"
    assert _databases(workdir) == []


def test_store_default_server_without_store_lists_claims(
    workdir: Path, seed_000: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`saring serve` in a folder without saring.db: /v1/check lists claims, lookups answer 503."""
    from fastapi.testclient import TestClient

    from saring.api import create_app

    for name in ("SARING_API_WRITE_TOKEN", "SARING_API_FETCH_URLS"):
        monkeypatch.delenv(name, raising=False)
    with TestClient(create_app(), raise_server_exceptions=False) as client:
        checked = client.post("/v1/check", json={"text": seed_000.read_text(encoding="utf-8")})
        assert checked.status_code == 200, checked.json()
        document = checked.json()
        assert document["lookups"]["claims"] == "no_store" and len(document["claims"]) >= 3
        traced = client.post("/v1/trace", json={"text": seed_000.read_text(encoding="utf-8")})
        assert traced.status_code == 503 and traced.json()["code"] == "SAR-E019"
    assert _databases(workdir) == []


def test_store_default_batch_db_alone_indexes_into_the_default_store(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = RESOURCES / "records.jsonl"  # 3 accepted articles, 4 rejected
    assert main(["batch", str(records), "--out", "out", "-j", "1", "--db"]) == 3
    assert "saring.db" in _databases(workdir)
    capsys.readouterr()
    assert main(["index", "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == 3


def test_batch_db_before_the_input_takes_the_default_store(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--db` takes an optional value: in `batch --db crawl.jsonl --out x` the crawl is the input and the
    store the default one, not a database made of the crawl file."""
    records = workdir / "records.jsonl"
    records.write_bytes((RESOURCES / "records.jsonl").read_bytes())
    assert main(["batch", "--db", str(records), "--out", "out", "-j", "1"]) == 3  # one bad record, on purpose
    assert _databases(workdir) == ["saring.db"] and any((workdir / "out").glob("shard-*.jsonl"))
    assert records.read_bytes() == (RESOURCES / "records.jsonl").read_bytes()
    assert main(["batch", "--out", "out2", "--lang", "en"]) == 1
    assert "no input was given" in capsys.readouterr().err
