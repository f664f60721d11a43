"""POST /v1/check, GET /health, the schema routes and the page, through the test client."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from saring.report import validate_report

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def _cli_report(path: Path) -> dict[str, Any]:
    import contextlib
    import io

    from saring.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["check", "--json", str(path)]) == 0
    return json.loads(out.getvalue())


@pytest.mark.parametrize("name", ["seed_002"])
def test_check_json_is_the_cli_report(api: Any, name: str, request: pytest.FixtureRequest) -> None:
    seed: Path = request.getfixturevalue(name)
    response = api().post("/v1/check", json={"text": seed.read_text(encoding="utf-8")})
    assert response.status_code == 200
    document = response.json()
    validate_report(document)
    expected = _cli_report(seed)
    for key in ("signals", "hoax", "provenance", "claims"):
        assert document[key] == expected[key]
    assert document["article"]["text"] == expected["article"]["text"]
    assert document["article"]["title"].startswith("ISIS AKHIRNYA MENGAKU KALAH")


@pytest.mark.parametrize("title", ["Judul Dari Klien"])
def test_check_json_title_and_url_are_kept(api: Any, seed_000: Path, title: str) -> None:
    body = {"text": seed_000.read_text(encoding="utf-8"), "title": title, "url": "https://contoh.id/a/1"}
    document = api().post("/v1/check", json=body).json()
    assert document["article"]["title"] == title
    assert document["article"]["url"] == "https://contoh.id/a/1"
    assert document["article"]["site"] == "contoh.id"


@pytest.mark.parametrize("name", ["news_page.html"])
def test_check_upload_html_extracts_the_article(api: Any, name: str) -> None:
    data = (RESOURCES / name).read_bytes()
    response = api().post("/v1/check", files={"file": (name, data, "text/html")})
    assert response.status_code == 200
    document = response.json()
    validate_report(document)
    assert document["article"]["title"] == "Banjir Rendam Ratusan Rumah di Bekasi"
    assert "Kali Bekasi" in document["article"]["text"]
    assert "cookie" not in document["article"]["text"].lower()


def test_check_upload_pdf_reads_its_text(api: Any) -> None:
    pytest.importorskip("pypdfium2", reason="PDF upload needs the pdf extra")
    data = (RESOURCES / "surat_edaran.pdf").read_bytes()
    response = api().post("/v1/check", files={"file": ("surat.pdf", data, "application/pdf")})
    assert response.status_code == 200, response.text
    document = response.json()
    validate_report(document)
    assert document["article"]["title"].startswith("SURAT EDARAN TENTANG BANTUAN")
    assert "kode OTP" in document["article"]["text"]


@pytest.mark.parametrize("title", ["Judul Unggahan"])
def test_check_upload_text_with_title_field(api: Any, seed_002: Path, title: str) -> None:
    files = {"file": ("seed.txt", seed_002.read_bytes(), "text/plain")}
    document = api().post("/v1/check", files=files, data={"title": title}).json()
    assert document["article"]["title"] == title
    assert document["article"]["text"].startswith("ISIS AKHIRNYA")  # a given title makes every line body


@pytest.mark.parametrize("name", ["english.txt"])
def test_check_any_lang_accepts_other_languages(api: Any, name: str) -> None:
    text = (RESOURCES / name).read_text(encoding="utf-8")
    client = api()
    assert client.post("/v1/check", json={"text": text}).json()["code"] == "SAR-E006"
    document = client.post("/v1/check", json={"text": text, "any_lang": True}).json()
    assert document["article"]["lang"] == "en"


@pytest.mark.parametrize("path", ["/health"])
def test_health_lists_signals_and_closed_defaults(api: Any, path: str) -> None:
    from saring.signals import SIGNALS

    body = api().get(path).json()
    assert body["ok"] is True
    assert body["signals"] == list(SIGNALS)
    assert body["writes"] is False and body["fetch_urls"] is False
    assert set(body["features"]) == {"trace", "index", "claims_search", "factchecks"}


@pytest.mark.parametrize(
    "path", ["/v1/check", "/v1/trace", "/v1/claims/search", "/v1/index", "/v1/factchecks", "/health"]
)
def test_openapi_documents_every_endpoint(api: Any, path: str) -> None:
    schema = api().get("/openapi.json").json()
    assert path in schema["paths"]


@pytest.mark.parametrize("content_type", ["application/json", "multipart/form-data"])
def test_openapi_check_accepts_json_and_upload(api: Any, content_type: str) -> None:
    body = api().get("/openapi.json").json()["paths"]["/v1/check"]["post"]["requestBody"]
    assert content_type in body["content"]


@pytest.mark.parametrize("path", ["/v1/schema/report"])
def test_report_schema_is_served(api: Any, path: str) -> None:
    assert api().get(path).json()["properties"]["schema"]["const"] == "saring.report/1"


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_cdn_docs_pages_are_off(api: Any, path: str) -> None:
    assert api().get(path).status_code == 404


@pytest.mark.parametrize("asset", ["app.js", "render.js", "i18n.js", "app.css"])
def test_page_and_assets_are_local(api: Any, asset: str) -> None:
    client = api()
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert f"/static/{asset}" in page.text
    assert "http://" not in page.text.replace("http://www.w3.org", "") and "https://" not in page.text
    served = client.get(f"/static/{asset}")
    assert served.status_code == 200
    assert "innerHTML" not in served.text and "insertAdjacentHTML" not in served.text
