"""Server-side URL fetching: off by default; when on, never to private, loopback or link-local addresses.

No test touches the network: names resolve through fake resolvers and pages come from httpx.MockTransport.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from saring.api import ApiSettings, urlfetch
from saring.api.urlfetch import checked_target, fetch_url, is_public_address
from saring.errors import SaringError

PUBLIC = "93.184.215.14"
PAGE = (
    "<html><head><title>Harga Beras Naik</title></head><body><article><h1>Harga Beras Naik</h1>"
    "<p>Harga beras di pasar tradisional Jakarta naik sepuluh persen dalam sepekan, kata pedagang.</p>"
    "<p>Pemerintah berjanji menambah pasokan dari gudang Bulog agar harga kembali stabil bulan depan.</p>"
    "</article></body></html>"
)


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.8.9.10",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "0.0.0.0",
        "100.64.0.1",
        "224.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "2002:7f00:1::",
        "64:ff9b::a00:1",
        "fe80::1%eth0",
        "not-an-ip",
    ],
)
def test_urlfetch_blocks_non_public_addresses(address: str) -> None:
    assert not is_public_address(address)


@pytest.mark.parametrize("address", [PUBLIC, "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_urlfetch_allows_public_addresses(address: str) -> None:
    assert is_public_address(address)


@pytest.mark.parametrize("resolved", [["127.0.0.1"], [PUBLIC, "10.0.0.5"], ["169.254.169.254"], ["::1"]])
def test_urlfetch_refuses_a_name_with_any_private_address(resolved: list[str]) -> None:
    with pytest.raises(SaringError) as info:
        checked_target("https://berita.example/a", lambda host, port: resolved)
    assert info.value.name == "forbidden"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://berita.example/a",
        "gopher://x/",
        "http://user:pw@berita.example/",
        "https:///nohost",
        "http://berita.example:99999/",
    ],
)
def test_urlfetch_refuses_other_schemes_and_credentials(url: str) -> None:
    with pytest.raises(SaringError) as info:
        checked_target(url, lambda host, port: [PUBLIC])
    assert info.value.name == "bad_request"


def _transport(
    pages: dict[str, tuple[int, dict[str, str], bytes]], seen: list[httpx.Request]
) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        status, headers, body = pages[request.headers["host"] + request.url.path]
        return httpx.Response(status, headers=headers, content=body)

    return httpx.MockTransport(handle)


@pytest.mark.parametrize("url", ["https://berita.example/a"])
def test_urlfetch_connects_to_the_checked_address(url: str) -> None:
    seen: list[httpx.Request] = []
    pages = {"berita.example/a": (200, {"content-type": "text/html; charset=utf-8"}, PAGE.encode())}
    page = fetch_url(url, ApiSettings(fetch_urls=True), lambda h, p: [PUBLIC], _transport(pages, seen))
    assert page.body == PAGE.encode() and page.content_type == "text/html"
    assert seen[0].url.host == PUBLIC  # pinned: no second DNS lookup can change the target
    assert seen[0].headers["host"] == "berita.example"
    assert seen[0].extensions["sni_hostname"] == "berita.example"


@pytest.mark.parametrize("location", ["http://internal.example/admin", "http://127.0.0.1/"])
def test_urlfetch_checks_every_redirect_hop(location: str) -> None:
    resolve = {"berita.example": [PUBLIC], "internal.example": ["10.0.0.7"], "127.0.0.1": ["127.0.0.1"]}
    pages = {"berita.example/a": (302, {"location": location}, b"")}
    with pytest.raises(SaringError) as info:
        fetch_url(
            "https://berita.example/a",
            ApiSettings(fetch_urls=True),
            lambda h, p: resolve[h],
            _transport(pages, []),
        )
    assert info.value.name == "forbidden"


@pytest.mark.parametrize(
    ("headers", "body", "name"),
    [
        ({"content-type": "image/png"}, b"\x89PNG", "unsupported_format"),
        ({"content-type": "text/html"}, b"x" * 5000, "too_large"),
    ],
)
def test_urlfetch_limits_what_it_accepts(headers: dict[str, str], body: bytes, name: str) -> None:
    pages = {"berita.example/a": (200, headers, body)}
    with pytest.raises(SaringError) as info:
        fetch_url(
            "https://berita.example/a",
            ApiSettings(fetch_urls=True, max_body_bytes=1000),
            lambda h, p: [PUBLIC],
            _transport(pages, []),
        )
    assert info.value.name == name


@pytest.mark.parametrize("n_hops", [5])
def test_urlfetch_bounds_redirects(n_hops: int) -> None:
    pages = {f"berita.example/{i}": (301, {"location": f"/{i + 1}"}, b"") for i in range(n_hops)}
    with pytest.raises(SaringError, match="redirects"):
        fetch_url(
            "https://berita.example/0",
            ApiSettings(fetch_urls=True, fetch_max_redirects=3),
            lambda h, p: [PUBLIC],
            _transport(pages, []),
        )


@pytest.mark.parametrize("resolved", ["127.0.0.1", "169.254.169.254", "192.168.0.10"])
def test_urlfetch_api_refuses_private_targets(
    api: Any, monkeypatch: pytest.MonkeyPatch, resolved: str
) -> None:
    monkeypatch.setattr(urlfetch, "resolve_host", lambda host, port: [resolved])
    response = api(fetch_urls=True).post("/v1/check", json={"url": "http://berita.example/a"})
    assert response.status_code == 403 and response.json()["code"] == "SAR-E017"


def test_urlfetch_api_analyses_a_fetched_page(api: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    pages = {"berita.example/a": (200, {"content-type": "text/html"}, PAGE.encode())}
    real = urlfetch.fetch_url

    def offline(url: str, settings: ApiSettings) -> urlfetch.Fetched:
        return real(url, settings, lambda h, p: [PUBLIC], _transport(pages, []))

    monkeypatch.setattr(urlfetch, "fetch_url", offline)
    document = api(fetch_urls=True).post("/v1/check", json={"url": "https://berita.example/a"}).json()
    assert document["article"]["title"] == "Harga Beras Naik"
    assert document["article"]["url"] == "https://berita.example/a"
    assert "gudang Bulog" in document["article"]["text"]
