"""Writes (`/v1/index`, `/v1/factchecks`) and the lookups that read them (`/v1/trace`, claims search)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

TOKEN = "token-uji-panjang"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _first_half(text: str) -> str:
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return "\n\n".join(paragraphs[: max(2, len(paragraphs) // 2)])


def test_writes_index_then_trace_finds_the_source(api: Any, seed_000: Path) -> None:
    client = api(write_token=TOKEN)
    source = {
        "text": seed_000.read_text(encoding="utf-8"),
        "id": "sumber-1",
        "url": "https://asal.example/1",
        "published": "2017-10-20",
    }
    added = client.post("/v1/index", json={"articles": [source]}, headers=AUTH)
    assert added.status_code == 200, added.json()
    assert added.json()["added"] == 1
    again = client.post("/v1/index", json={"articles": [source]}, headers=AUTH).json()
    assert (again["added"], again["existing"]) == (0, 1)
    traced = client.post("/v1/trace", json={"text": _first_half(source["text"]), "title": "Salinan"})
    assert traced.status_code == 200, traced.json()
    matches = traced.json()["matches"]
    assert matches and matches[0]["id"] == "sumber-1"
    assert matches[0]["relation"] in ("copy", "partial_copy")
    assert matches[0]["passages"]
    checked = client.post("/v1/check", json={"text": _first_half(source["text"]), "title": "Salinan"}).json()
    assert [m["id"] for m in checked["provenance"]] == [m["id"] for m in matches]  # as `check --db` does


def test_writes_trace_on_an_empty_index_finds_nothing(api: Any, seed_002: Path) -> None:
    traced = api().post("/v1/trace", json={"text": seed_002.read_text(encoding="utf-8")})
    assert traced.status_code == 200 and traced.json()["matches"] == []


@pytest.mark.parametrize(
    "bad",
    [
        {
            "text": "Markets rallied on Tuesday after the central bank kept rates unchanged, "
            "traders in London and New York said."
        }
    ],
)
def test_writes_index_names_the_refused_article(api: Any, seed_000: Path, bad: dict[str, str]) -> None:
    good = {"text": seed_000.read_text(encoding="utf-8")}
    body = api(write_token=TOKEN).post("/v1/index", json={"articles": [good, bad]}, headers=AUTH).json()
    assert body["code"] == "SAR-E006" and body["errors"][0]["field"] == "body.articles.1"


FACTCHECKS = [
    {
        "claim": "[SALAH] Vaksin COVID-19 mengandung microchip untuk melacak warga",
        "url": "https://cek.example/1",
        "publisher": "TurnBackHoax",
        "date": "2021-01-05",
    },
    {"claim": "Minum air hangat dapat menyembuhkan infeksi virus corona", "rating": "HOAKS"},
    {"claim": "Pemerintah membagikan bantuan pulsa gratis lewat tautan ini", "verdict": "misleading"},
]


@pytest.mark.parametrize(
    ("query", "verdict", "rating"), [("vaksin covid berisi chip pelacak", "false", "SALAH")]
)
def test_writes_factchecks_then_search_finds_them(api: Any, query: str, verdict: str, rating: str) -> None:
    client = api(write_token=TOKEN)
    added = client.post("/v1/factchecks", json={"factchecks": FACTCHECKS}, headers=AUTH)
    assert added.status_code == 200, added.json()
    assert added.json()["added"] == 3
    assert (
        client.post("/v1/factchecks", json={"factchecks": FACTCHECKS}, headers=AUTH).json()["unchanged"] == 3
    )
    found = client.get("/v1/claims/search", params={"q": query, "limit": 2}).json()
    assert found["ok"] and len(found["results"]) <= 2
    top = found["results"][0]
    assert top["claim"] == "Vaksin COVID-19 mengandung microchip untuk melacak warga"  # rating tag removed
    assert (top["verdict"], top["rating"], top["url"]) == (verdict, rating, "https://cek.example/1")


@pytest.mark.parametrize("verdict", ["misleading"])
def test_writes_factcheck_verdict_overrides_rating(api: Any, verdict: str) -> None:
    client = api(write_token=TOKEN)
    client.post("/v1/factchecks", json={"factchecks": FACTCHECKS}, headers=AUTH)
    found = client.get("/v1/claims/search", params={"q": "bantuan pulsa gratis tautan"}).json()["results"]
    assert found[0]["verdict"] == verdict


ARTICLE = (
    "Sebuah unggahan di media sosial menyebut vaksin COVID-19 mengandung microchip untuk melacak warga. "
    "Unggahan itu dibagikan ribuan kali sejak Senin. Kementerian Kesehatan menyatakan informasi tersebut "
    "tidak benar dan meminta warga tidak menyebarkannya."
)


@pytest.mark.parametrize("text", [ARTICLE])
def test_writes_check_matches_claims_to_stored_factchecks(api: Any, text: str) -> None:
    client = api(write_token=TOKEN)
    client.post("/v1/factchecks", json={"factchecks": FACTCHECKS}, headers=AUTH)
    document = client.post("/v1/check", json={"text": text, "title": "Unggahan soal vaksin beredar"}).json()
    matched = [c for c in document["claims"] if c["matches"]]
    assert matched and matched[0]["sentence"].startswith("Sebuah unggahan di media sosial menyebut vaksin")
    assert matched[0]["matches"][0]["verdict"] == "false"
    assert matched[0]["matches"][0]["url"] == "https://cek.example/1"
