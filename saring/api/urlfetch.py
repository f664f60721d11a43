"""Fetching an article by URL, only when the operator turns it on, and never from inside the network.

A fetch is a request the server makes on a stranger's behalf (SSRF). So: http/https only, no
credentials in the URL, every address the name resolves to must be public (not private, loopback,
link-local, multicast, reserved, or such an address wrapped in IPv6), the connection goes to the
address that was checked (no second DNS lookup that could answer differently), redirects are
followed by hand and each hop is checked again, and the body is cut at the size limit.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from saring.api.settings import ApiSettings
from saring.errors import SaringError, require
from saring.messages import msg

Resolver = Callable[[str, int], list[str]]
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    body: bytes


def is_public_address(address: str) -> bool:
    """True only for globally routable unicast addresses, looking inside IPv6 wrappers of IPv4."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        inner = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if inner is None and ip in _NAT64:
            inner = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if inner is not None:
            return is_public_address(str(inner))
    blocked = (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )
    return ip.is_global and not blocked


def resolve_host(host: str, port: int) -> list[str]:
    """All addresses of `host` (the system resolver); an IP literal resolves to itself."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise SaringError("bad_request", msg("api.fetch.unresolved", host=host)) from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def checked_target(url: str, resolve: Resolver | None = None) -> tuple[str, str]:
    """Return (host, address to connect to) or raise `forbidden` / `bad_request`."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SaringError("bad_request", msg("api.fetch.scheme"))
    if parts.username or parts.password:
        raise SaringError("bad_request", msg("api.fetch.credentials"))
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise SaringError("bad_request", msg("api.fetch.bad_port")) from exc
    addresses = (resolve or resolve_host)(parts.hostname, port)
    if not addresses:
        raise SaringError("bad_request", msg("api.fetch.no_address", host=parts.hostname))
    private = [a for a in addresses if not is_public_address(a)]
    if private:
        detail = msg("api.fetch.private", host=parts.hostname, address=private[0])
        raise SaringError("forbidden", detail)
    return parts.hostname, addresses[0]


def fetching_works() -> bool:
    """Whether the HTTP client is installed (it comes with the `api` extra)."""
    import importlib.util

    return importlib.util.find_spec("httpx") is not None


def fetch_url(
    url: str, settings: ApiSettings, resolve: Resolver | None = None, transport: Any = None
) -> Fetched:
    """GET a page within the limits of `settings`; `transport` lets tests answer without a network."""
    httpx: Any = require("httpx", "api")

    with httpx.Client(
        transport=transport, follow_redirects=False, trust_env=False, timeout=settings.fetch_timeout_ms / 1000
    ) as client:
        for _ in range(settings.fetch_max_redirects + 1):
            status, headers, body = _get_pinned(client, url, resolve, settings.max_body_bytes)
            location = headers.get("location")
            if 300 <= status < 400 and location:
                url = urljoin(url, location)
                continue
            return _accept(url, status, headers.get("content-type", ""), body)
    raise SaringError("bad_request", msg("api.fetch.redirects", n=settings.fetch_max_redirects))


def _get_pinned(client: Any, url: str, resolve: Resolver | None, max_bytes: int) -> tuple[int, Any, bytes]:
    """Connect to the checked address, keeping the name for the Host header and TLS (SNI + cert)."""
    import httpx

    host, address = checked_target(url, resolve)
    target = httpx.URL(url).copy_with(host=address)
    headers = {
        "Host": httpx.URL(url).netloc.decode("ascii"),
        "User-Agent": "saring",
        "Accept": "text/html,text/plain",
    }
    try:
        with client.stream("GET", target, headers=headers, extensions={"sni_hostname": host}) as response:
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    raise SaringError("too_large", msg("api.fetch.page_too_large", url=url, limit=max_bytes))
            return response.status_code, response.headers, bytes(body)
    except httpx.HTTPError as exc:
        raise SaringError("bad_request", msg("api.fetch.failed", url=url, reason=type(exc).__name__)) from exc


def _accept(url: str, status: int, content_type: str, body: bytes) -> Fetched:
    if status != 200:
        raise SaringError("bad_request", msg("api.fetch.status", url=url, status=status))
    media = content_type.split(";", 1)[0].strip().lower()
    if media not in _TEXT_TYPES:
        raise SaringError("unsupported_format", msg("api.fetch.not_text", url=url, media=media or "?"))
    return Fetched(url=url, content_type=media, body=body)
