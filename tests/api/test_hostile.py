"""Hostile requests (issue 15): deep JSON, missing Content-Type, stalled bodies, forced 500s, URL fetching.

Each answer is a coded error in the one error shape with the security headers, never a 500 traceback.
The slow-body cases run against a real `saring serve` through raw sockets: a test client hands the app
the whole body at once, so it cannot stall.
"""

from __future__ import annotations

import json
import re
import select
import socket
import sys
import time
import tomllib
from pathlib import Path
from typing import Any

import pytest

from saring.api.headers import SECURITY_HEADERS
from tests.api.test_errors import assert_error_shape

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
ROOT = Path(__file__).resolve().parents[2]
TEXT = (
    "Pemerintah kota mengumumkan jadwal vaksinasi baru untuk warga lanjut usia. Petugas kesehatan "
    "mengatakan vaksin tersedia di semua puskesmas mulai pekan depan."
)
TOKEN = {"Authorization": "Bearer rahasia"}
JSON = {"content-type": "application/json"}
DEEP = b"[" * 100_000 + b"]" * 100_000  # the 200 KB body: a RecursionError and a 500 before


def assert_secure(response: Any) -> None:
    for name, value in SECURITY_HEADERS:
        assert response.headers.get(name.decode()) == value.decode(), name


@pytest.mark.parametrize(
    ("path", "headers"), [("/v1/check", JSON), ("/v1/trace", JSON), ("/v1/index", JSON | TOKEN)]
)
def test_hostile_deep_json_is_a_coded_400(api: Any, path: str, headers: dict[str, str]) -> None:
    response = api(write_token="rahasia").post(path, content=DEEP, headers=headers)
    body = assert_error_shape(response, "SAR-E012")
    assert "bersarang 100.000 tingkat; batasnya 64" in body["error"]
    assert_secure(response)


@pytest.mark.parametrize("limit", [5])
def test_hostile_depth_limit_is_exact(api: Any, limit: int) -> None:
    """At the limit the body is parsed (and fails validation as any wrong type); one deeper is refused."""
    client = api(max_json_depth=limit)

    def nested(depth: int) -> bytes:  # {"text": [[...]]}: the object is level 1
        return b'{"text": ' + b"[" * (depth - 1) + b'"a [{ in a string"' + b"]" * (depth - 1) + b"}"

    parsed = assert_error_shape(client.post("/v1/check", content=nested(limit), headers=JSON), "SAR-E012")
    assert parsed["errors"][0]["field"] == "body.text"
    refused = assert_error_shape(
        client.post("/v1/check?lang=en", content=nested(limit + 1), headers=JSON), "SAR-E012"
    )
    assert f"nested {limit + 1} levels deep" in refused["error"]


@pytest.mark.parametrize("keys", [150_000])
def test_hostile_many_values_are_refused_unparsed(api: Any, keys: int) -> None:
    """2 MB of unknown keys took 2.5 s and 200 MB to validate into 150,000 errors; now a one-line 400."""
    body = json.dumps({f"k{i}": 1 for i in range(keys)}).encode()
    response = api(max_body_bytes=len(body)).post("/v1/check?lang=en", content=body, headers=JSON)
    refused = assert_error_shape(response, "SAR-E012")
    assert f"holds over {keys - 1:,} values; the limit is 20,000" in refused["error"]


@pytest.mark.parametrize(("keys", "limit"), [(500, 1_000)])
def test_hostile_validation_errors_are_listed_up_to_a_cap(api: Any, keys: int, limit: int) -> None:
    body = json.dumps({f"k{i}": 1 for i in range(keys)}).encode()
    response = api(max_json_values=limit).post("/v1/check", content=body, headers=JSON)
    errors = assert_error_shape(response, "SAR-E012")["errors"]
    assert len(errors) == 21 and errors[-1]["message"] == f"... dan {keys - 20} lainnya"
    assert errors[0] == {"field": "body.k0", "message": "kolom ini tidak dikenal"}


@pytest.mark.parametrize("depth", [5_000])
def test_hostile_parser_recursion_is_still_a_400(api: Any, depth: int) -> None:
    """With the depth limit set above the interpreter's recursion limit, the parser's own failure is coded."""
    body = b"[" * depth + b"]" * depth
    response = api(max_json_depth=10 * depth).post("/v1/check?lang=en", content=body, headers=JSON)
    assert "nested too deeply" in assert_error_shape(response, "SAR-E012")["error"]


@pytest.mark.parametrize(
    ("headers", "found"),
    [({}, "no Content-Type header"), ({"content-type": "text/plain"}, "content type 'text/plain'")],
)
@pytest.mark.parametrize("path", ["/v1/check", "/v1/index", "/v1/factchecks"])
def test_hostile_content_type_is_required(api: Any, path: str, headers: dict[str, str], found: str) -> None:
    body = json.dumps({"text": TEXT, "articles": [{"text": TEXT}]}).encode()
    response = api(write_token="rahasia").post(path + "?lang=en", content=body, headers=headers | TOKEN)
    error = assert_error_shape(response, "SAR-E009")["error"]
    assert found in error and "send Content-Type: application/json" in error
    assert_secure(response)


def test_hostile_internal_error_on_the_event_loop_has_security_headers(
    api: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug outside the worker threads is answered by Starlette outside every middleware."""
    from saring.api import inputs

    async def broken(request: Any) -> Any:
        raise RuntimeError("a bug")

    monkeypatch.setattr(inputs, "read_input", broken)
    response = api().post("/v1/check", json={"text": TEXT})
    body = assert_error_shape(response, "SAR-E020")
    assert "RuntimeError" in body["error"] and "a bug" not in body["error"]
    assert_secure(response)


@pytest.mark.parametrize(
    ("request_kwargs", "code", "api_way"),
    [
        ({"json": {"text": (RESOURCES / "english.txt").read_text()}}, "SAR-E006", "any_lang: true"),
        (
            {"files": {"file": ("en.txt", (RESOURCES / "english.txt").read_bytes(), "text/plain")}},
            "SAR-E006",
            "any_lang: true",
        ),
        ({"json": {"text": TEXT * 40}}, "SAR-E005", "SARING_API_MAX_BODY_BYTES"),
        ({"files": {"file": ("r.jsonl", b'{"text": "x"}\n', "text/plain")}}, "SAR-E009", "multipart"),
    ],
)
def test_hostile_hints_name_the_api_way_not_cli_flags(
    api: Any, request_kwargs: dict[str, Any], code: str, api_way: str
) -> None:
    body = assert_error_shape(api(max_body_bytes=5000).post("/v1/check", **request_kwargs), code)
    for message in [body["error"], *(e["message"] for e in body["errors"])]:
        assert not re.search(r"--[a-z]", message), message
    assert api_way in body["error"]


def test_hostile_fetch_urls_needs_httpx_from_the_api_extra(api: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    assert any(re.match(r"httpx\b", requirement) for requirement in extras["api"])
    client = api(fetch_urls=True)
    assert client.get("/health").json()["fetch_urls"] is True
    monkeypatch.setitem(sys.modules, "httpx", None)  # as on an install without it
    assert client.get("/health").json()["fetch_urls"] is False
    response = client.post("/v1/check", json={"url": "https://contoh.co.id/berita"})
    error = assert_error_shape(response, "SAR-E010")["error"]
    assert "pip install 'saring[api]'" in error and "No module named" not in error


def _raw(url: str, head: bytes, data: bytes, pause: float = 0.0, chunks: int = 1) -> tuple[bytes, float]:
    """Send `head`, then `data` in `chunks` pieces `pause` s apart; read until the server closes (or 15 s).

    Returns the answer and the seconds from the end of the head to the close.
    """
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=15) as sock:
        sock.sendall(head)
        start = time.monotonic()
        step = max(1, -(-len(data) // chunks))
        for i in range(0, len(data), step):
            if select.select([sock], [], [], 0)[0]:  # the server has answered: stop sending
                break
            sock.sendall(data[i : i + step])
            time.sleep(pause)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer, time.monotonic() - start


def _answer(raw: bytes) -> tuple[int, dict[str, str], dict[str, Any]]:
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return int(lines[0].split()[1]), headers, json.loads(body)


def _post_head(url: str, length: int, close: bool = False) -> bytes:
    """A keep-alive request unless `close`: then only the server can end the connection."""
    host = url.removeprefix("http://")
    closing = "Connection: close\r\n" if close else ""
    return (
        f"POST /v1/check HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {length}\r\n{closing}\r\n"
    ).encode()


def _assert_coded(raw: bytes, status: int, code: str) -> dict[str, Any]:
    got, headers, body = _answer(raw)
    assert (got, body["code"], body["status"]) == (status, code, status), body
    assert set(body) == {"ok", "error", "code", "name", "status", "errors"}
    for name, value in SECURITY_HEADERS:
        assert headers.get(name.decode()) == value.decode()
    return body


@pytest.mark.slow
def test_hostile_stalled_body_is_answered_408_and_closed(strict_server: str) -> None:
    """Headers, a few bytes, then nothing: answered within the 1 s body timeout (plus slack) and closed."""
    raw, seconds = _raw(strict_server, _post_head(strict_server, 500), b'{"text": "Pemerintah')
    body = _assert_coded(raw, 408, "SAR-E021")
    assert "dalam 1 detik" in body["error"]
    assert seconds < 4, seconds  # recv returned b"": the server closed the connection


@pytest.mark.slow
def test_hostile_trickled_body_meets_the_same_deadline(strict_server: str) -> None:
    """A body sent a byte at a time never resets the clock: the deadline is for the whole body."""
    data = json.dumps({"text": TEXT}).encode()
    raw, seconds = _raw(strict_server, _post_head(strict_server, len(data)), data, pause=0.1, chunks=60)
    _assert_coded(raw, 408, "SAR-E021")
    assert seconds < 4, seconds  # sending it all would take 6 s


@pytest.mark.slow
@pytest.mark.parametrize(
    "head",
    [b"", b"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: appl"],
    ids=["idle", "partial"],
)
def test_hostile_stalled_head_is_closed(strict_server: str, head: bytes) -> None:
    """A connection that never completes a request head is closed at the 1 s header timeout."""
    raw, seconds = _raw(strict_server, head, b"")
    assert raw == b"" and seconds < 4, (raw, seconds)


@pytest.mark.slow
def test_hostile_keep_alive_then_stalled_head_is_closed(strict_server: str) -> None:
    """After a first answer on a kept-alive connection, the clock restarts for the next head."""
    first = _post_head(strict_server, 2) + b"{}"
    raw, seconds = _raw(strict_server, first, b"POST /v1/check HTTP/1.1\r\n")
    assert raw.startswith(b"HTTP/1.1 4") and raw.count(b"HTTP/1.1") == 1 and seconds < 4, (raw, seconds)


@pytest.mark.slow
def test_hostile_unread_body_after_an_answer_is_cut_off(strict_server: str) -> None:
    """A route that answers without reading (404) does not keep a trickling body's connection open."""
    head = _post_head(strict_server, 10_000).replace(b"/v1/check", b"/v1/nothing")
    raw, seconds = _raw(strict_server, head, b"x" * 60, pause=0.1, chunks=60)
    assert raw.startswith(b"HTTP/1.1 404") and seconds < 4, (raw[:40], seconds)


@pytest.mark.slow
def test_hostile_deep_json_through_the_real_server(strict_server: str) -> None:
    raw, _ = _raw(strict_server, _post_head(strict_server, len(DEEP), close=True), DEEP)
    _assert_coded(raw, 400, "SAR-E012")
