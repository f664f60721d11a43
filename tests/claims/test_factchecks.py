"""Reading fact-checks from CSV, JSONL, ClaimReview JSON-LD, HTML pages and Google Fact Check Tools output."""

from __future__ import annotations

from pathlib import Path

import pytest

from saring.article import Rejected
from saring.claims.factchecks import (
    FactCheck,
    ImportDefaults,
    fact_check_from_record,
    read_factchecks,
    split_rating_tag,
)
from saring.errors import SaringError
from tests.conftest import RESOURCES

FILES = RESOURCES / "factchecks"


def _read(path: Path, defaults: ImportDefaults | None = None) -> tuple[list[FactCheck], list[Rejected]]:
    items = list(read_factchecks(path, defaults or ImportDefaults()))
    return [i for i in items if isinstance(i, FactCheck)], [i for i in items if isinstance(i, Rejected)]


@pytest.mark.parametrize(
    ("title", "tag", "claim"),
    [
        ("[SALAH] KRI Nanggala 402 Ditemukan", "SALAH", "KRI Nanggala 402 Ditemukan"),
        ("(HOAX) Foto Banjir", "HOAX", "Foto Banjir"),
        ("SALAH] Anies Raih Piala Lomba Mewarnai", "SALAH", "Anies Raih Piala Lomba Mewarnai"),
        ("HOAX: Penculikan Anak", "HOAX", "Penculikan Anak"),
        ("Vaksin aman dipakai", None, "Vaksin aman dipakai"),
        ("[SALAH]", None, "[SALAH]"),
    ],
)
def test_factchecks_split_rating_tag(title: str, tag: str | None, claim: str) -> None:
    assert split_rating_tag(title) == (tag, claim)


@pytest.mark.parametrize("name", ["index.csv"])
def test_factchecks_csv_index_with_tags(name: str) -> None:
    checks, rejected = _read(FILES / name)
    by_claim = {fc.claim: fc for fc in checks}
    nanggala = by_claim["KRI Nanggala 402 Ditemukan Setelah 21 Jam Hilang Kontak"]
    assert (nanggala.verdict, nanggala.rating, nanggala.publisher, nanggala.date) == (
        "false",
        "SALAH",
        "turnbackhoax.id",
        "2021-04-24",
    )
    assert by_claim["Penculikan Anak Untuk Jual Organ Tubuh"].rating == "HOAX"  # tag read from the title
    assert by_claim["Foto Tentara China Mendarat di Natuna"].verdict == "misleading"
    assert by_claim["Pemerintah Perpanjang PPKM Darurat hingga Akhir Juli"].verdict == "true"
    assert by_claim["Pertamina Bantah Harga BBM Naik Malam Ini"].verdict == "other"
    assert [(r.source.line, r.code) for r in rejected] == [(7, "SAR-E008")]  # the row without a title


@pytest.mark.parametrize("name", ["records.jsonl"])
def test_factchecks_jsonl_flat_and_claimreview_lines(name: str) -> None:
    checks, rejected = _read(FILES / name, ImportDefaults(publisher="ignored when a URL names the site"))
    assert [fc.verdict for fc in checks] == ["false", "misleading", "false"]
    first = checks[0]
    assert (first.date, first.publisher, first.lang) == ("2021-01-12", "Cek Fakta Contoh", "id")
    assert checks[1].publisher == "factcheck.example"  # from the URL
    assert checks[2].claim == "5G networks spread the coronavirus" and checks[2].rating == "Pants on Fire"
    assert [(r.source.line, r.code) for r in rejected] == [(3, "SAR-E007"), (4, "SAR-E008")]


@pytest.mark.parametrize("name", ["claimreview.jsonld"])
def test_factchecks_claimreview_graph(name: str) -> None:
    checks, rejected = _read(FILES / name)
    assert not rejected
    rice, eggs = checks
    assert (rice.verdict, rice.rating, rice.publisher, rice.lang) == (
        "false",
        "Keliru",
        "Cek Fakta Contoh",
        "id",
    )
    # Only a numeric rating: 2 on a 1..9 scale is in the bottom quarter.
    assert (eggs.verdict, eggs.rating, eggs.publisher) == ("false", "2/9 (false)", "Example Checks")


@pytest.mark.parametrize("name", ["claimreview_page.html"])
def test_factchecks_html_page_with_json_ld(name: str) -> None:
    checks, _ = _read(FILES / name)
    assert [(fc.claim, fc.verdict, fc.date) for fc in checks] == [
        ("Gunung Merapi akan meletus besar dalam tiga hari ke depan", "false", "2023-03-12")
    ]


@pytest.mark.parametrize("name", ["google_factcheck.json"])
def test_factchecks_google_api_results(name: str) -> None:
    checks, _ = _read(FILES / name)
    assert [(fc.publisher, fc.verdict, fc.lang) for fc in checks] == [
        ("Cek Fakta Contoh", "misleading", "id"),
        ("factcheck.example", "misleading", "en"),
    ]
    assert len({fc.id for fc in checks}) == 2  # same claim, two reviews


@pytest.mark.parametrize("claim", ["Vaksin  COVID-19\nmengandung microchip"])
def test_factchecks_id_is_stable_and_ignores_spacing_and_case(claim: str) -> None:
    a = fact_check_from_record({"claim": claim, "url": "https://x.example/1"})
    b = fact_check_from_record({"claim": claim.upper(), "url": "https://x.example/1"})
    assert a.id == b.id and a.claim == "Vaksin COVID-19 mengandung microchip"
    assert fact_check_from_record({"claim": claim, "url": "https://x.example/2"}).id != a.id


@pytest.mark.parametrize("suffix", [".xml"])
def test_factchecks_unknown_format_is_a_coded_error(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"checks{suffix}"
    path.write_text("<x/>", encoding="utf-8")
    with pytest.raises(SaringError) as err:
        list(read_factchecks(path))
    assert err.value.name == "unsupported_format"
