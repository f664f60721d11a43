"""The API answers in the request's language (issue 16): `?lang=id|en` or a body's `lang`, Indonesian by
default, for reports and errors alike; codes stay the same in both; an unknown language is SAR-E012."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.test_errors import assert_error_shape
from tests.conftest import RESOURCES, english_words

TEXT = (
    "Pesan berantai menyebut mulai besok semua rekening bank akan diblokir jika nasabah tidak memperbarui "
    "data lewat tautan yang dibagikan. Bank Indonesia mengatakan kabar itu tidak benar, kata juru bicara "
    "bank sentral di Jakarta, Senin."
)
ENGLISH_TEXT = (RESOURCES / "english.txt").read_text()


def _explanation(response: Any) -> tuple[str, Any]:
    assert response.status_code == 200, response.text
    hoax = response.json()["hoax"]
    return hoax["explanation"], hoax["explanation_msg"]


def test_lang_report_is_indonesian_by_default_and_english_on_request(api: Any) -> None:
    client = api()
    default, codes = _explanation(client.post("/v1/check", json={"text": TEXT}))
    english, english_codes = _explanation(client.post("/v1/check?lang=en", json={"text": TEXT}))
    assert codes == english_codes and default != english
    assert english_words(default) == [] and len(english_words(english)) >= 3
    assert _explanation(client.post("/v1/check", json={"text": TEXT, "lang": "en"}))[0] == english
    assert _explanation(client.post("/v1/check?lang=id", json={"text": TEXT, "lang": "en"}))[0] == default


def test_lang_upload_takes_a_lang_form_field(api: Any) -> None:
    client = api()
    files = {"file": ("pesan.txt", TEXT.encode(), "text/plain")}
    english, _ = _explanation(client.post("/v1/check", files=files, data={"lang": "en"}))
    assert len(english_words(english)) >= 3
    refused = client.post("/v1/check", files=files, data={"lang": "jv"})
    assert "'jv'" in assert_error_shape(refused, "SAR-E012")["error"]


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("", ["terdeteksi 'en'", "teks ini bukan bahasa Indonesia", "kirim any_lang: true"]),
        ("?lang=en", ["detected 'en'", "the text is not Indonesian", "send any_lang: true"]),
    ],
)
def test_lang_errors_in_the_requests_language(api: Any, query: str, words: list[str]) -> None:
    body = assert_error_shape(api().post("/v1/check" + query, json={"text": ENGLISH_TEXT}), "SAR-E006")
    assert body["name"] == "not_indonesian"
    assert all(w in body["error"] for w in words), body["error"]


@pytest.mark.parametrize(("query", "word"), [("", "wajib diisi"), ("?lang=en", "Field required")])
def test_lang_validation_messages_in_the_requests_language(api: Any, query: str, word: str) -> None:
    client = api(write_token="rahasia")
    response = client.post("/v1/index" + query, json={}, headers={"Authorization": "Bearer rahasia"})
    body = assert_error_shape(response, "SAR-E012")
    assert body["errors"] == [{"field": "body.articles", "message": word}]


@pytest.mark.parametrize(("lang", "word"), [("id", "melebihi batas server"), ("en", "over the server limit")])
def test_lang_limits_answered_before_any_route_speak_it_too(api: Any, lang: str, word: str) -> None:
    response = api(max_body_bytes=1000).post(f"/v1/check?lang={lang}", json={"text": TEXT * 20})
    assert word in assert_error_shape(response, "SAR-E005")["error"]


@pytest.mark.parametrize(
    ("method", "path", "kwargs"),
    [
        ("post", "/v1/check?lang=fr", {"json": {"text": TEXT}}),
        ("post", "/v1/trace?lang=EN", {"json": {"text": TEXT}}),
        ("get", "/v1/claims/search?lang=fr&q=vaksin", {}),
        ("post", "/v1/index?lang=fr", {"json": {}}),
    ],
)
def test_lang_unknown_language_is_a_bad_request_listing_the_choices(
    api: Any, method: str, path: str, kwargs: dict[str, Any]
) -> None:
    body = assert_error_shape(getattr(api(), method)(path, **kwargs), "SAR-E012")
    assert "id, en" in body["error"] and "tidak dikenal" in body["error"]


def test_lang_unknown_language_in_the_body_names_the_field(api: Any) -> None:
    body = assert_error_shape(api().post("/v1/check", json={"text": TEXT, "lang": "fr"}), "SAR-E012")
    assert body["errors"] == [{"field": "body.lang", "message": "harus salah satu dari: 'id', 'en'"}]


def test_lang_is_documented_in_openapi(api: Any) -> None:
    schema = api().get("/openapi.json").json()
    for path, method in [("/v1/check", "post"), ("/v1/trace", "post"), ("/v1/claims/search", "get")]:
        params = {p["name"]: p for p in schema["paths"][path][method].get("parameters", [])}
        assert "lang" in params and "en" in params["lang"]["description"], path
    content = schema["paths"]["/v1/check"]["post"]["requestBody"]["content"]
    assert content["multipart/form-data"]["schema"]["properties"]["lang"]["enum"] == ["id", "en"]
    assert "lang" in content["application/json"]["schema"]["properties"]
