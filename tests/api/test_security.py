"""Untrusted article text, security headers, CORS and the write token."""

from __future__ import annotations

from typing import Any

import pytest

XSS_TITLES = [
    "<script>window.__xss=1</script>Berita Penting",
    '<img src=x onerror="window.__xss=1">Berita Penting',
]
BODY = (
    "Pemerintah kota mengumumkan jadwal vaksinasi baru untuk warga lanjut usia. Petugas kesehatan mengatakan "
    "vaksin tersedia di semua puskesmas mulai pekan depan. {payload} Warga diminta membawa kartu identitas."
)


@pytest.mark.parametrize("payload", XSS_TITLES)
def test_security_payloads_come_back_as_json_data(api: Any, payload: str) -> None:
    response = api().post("/v1/check", json={"title": payload, "text": BODY.format(payload=payload)})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    document = response.json()
    assert document["article"]["title"] == payload
    assert payload in document["article"]["text"]


@pytest.mark.parametrize("path", ["/", "/health", "/static/app.js", "/v1/nothing"])
def test_security_headers_on_every_response(api: Any, path: str) -> None:
    headers = api().get(path).headers
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert "server" not in headers or "uvicorn" not in headers["server"]


@pytest.mark.parametrize("origin", ["https://evil.example"])
def test_security_cors_closed_by_default(api: Any, origin: str) -> None:
    client = api()
    simple = client.post("/v1/check", json={"text": BODY.format(payload="")}, headers={"Origin": origin})
    assert "access-control-allow-origin" not in simple.headers
    preflight = client.options(
        "/v1/check", headers={"Origin": origin, "Access-Control-Request-Method": "POST"}
    )
    assert "access-control-allow-origin" not in preflight.headers
    assert preflight.json()["code"] == "SAR-E018"


@pytest.mark.parametrize(("allowed", "other"), [("https://newsroom.example", "https://evil.example")])
def test_security_cors_allows_only_configured_origins(api: Any, allowed: str, other: str) -> None:
    client = api(cors_origins=(allowed,))
    ok = client.options("/v1/check", headers={"Origin": allowed, "Access-Control-Request-Method": "POST"})
    assert ok.headers["access-control-allow-origin"] == allowed
    refused = client.options("/v1/check", headers={"Origin": other, "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in refused.headers


@pytest.mark.parametrize("token", ["rahasia-panjang-123"])
def test_security_token_is_compared_in_constant_time(
    api: Any, monkeypatch: pytest.MonkeyPatch, token: str
) -> None:
    import hmac

    from saring.api.routes import writes

    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(writes.hmac, "compare_digest", spy)
    response = api(write_token=token).post(
        "/v1/factchecks", json={}, headers={"Authorization": "Bearer guess"}
    )
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert calls == [(b"guess", token.encode())]


@pytest.mark.parametrize("header", ["Basic cmFoYXNpYQ==", "Bearer", "rahasia"])
def test_security_malformed_authorization_is_401(api: Any, header: str) -> None:
    response = api(write_token="rahasia").post("/v1/index", json={}, headers={"Authorization": header})
    assert response.json()["code"] == "SAR-E013"
