"""Links given to the CLI (`saring check https://...`): fetch the page as the person's own browser would.

People share links more than files. On the command line the fetch runs on the person's own machine for
them, like `curl`, so it needs no server-side guard against reaching internal addresses (the API's
`--fetch-urls` has those: saring/api/urlfetch.py). It uses the standard library only, follows
redirects, stops at the byte limit and the time limit, and takes what Saring reads: HTML, text, PDF
and images. A failed fetch is a coded error naming the link, never a traceback.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass

from saring.errors import SaringError
from saring.messages import msg

TIMEOUT_SECONDS = 20
_KINDS = {
    "text/html": "html", "application/xhtml+xml": "html", "text/plain": "text", "application/pdf": "pdf",
    "image/png": "image", "image/jpeg": "image", "image/webp": "image",
}


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    fmt: str | None  # from the Content-Type; None: unknown, decided from the content
    body: bytes


def format_of(media_type: str) -> str | None:
    """The reader for a Content-Type ("text/html" -> "html"); None when the content must decide."""
    return _KINDS.get(media_type)


def is_url(path: str) -> bool:
    return path.startswith(("http://", "https://"))


def fetch(url: str, max_bytes: int, timeout: float = TIMEOUT_SECONDS) -> Fetched:
    """GET `url`; SAR-E011 for a page that is not there, SAR-E005 over `max_bytes`, SAR-E019 when the
    site cannot be reached, SAR-E009 for a type Saring does not read."""
    request = urllib.request.Request(url, headers={"User-Agent": "saring", "Accept": ", ".join(_KINDS)})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (http/https only)
            body = response.read(max_bytes + 1)
            final, media = response.geturl(), response.headers.get_content_type()
    except urllib.error.HTTPError as exc:
        name = "not_found" if exc.code in (404, 410) else "unavailable"
        raise SaringError(name, msg("inputs.fetch.status", url=url, status=exc.code)) from exc
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = str(getattr(exc, "reason", exc))
        raise SaringError("unavailable", msg("inputs.fetch.unreachable", url=url, reason=reason)) from exc
    if len(body) > max_bytes:
        raise SaringError("too_large", msg("inputs.fetch.too_large", url=url, limit=max_bytes))
    if media not in _KINDS and media != "application/octet-stream":
        raise SaringError("unsupported_format", msg("inputs.fetch.not_read", url=url, media=media))
    return Fetched(url=final, fmt=format_of(media), body=body)
