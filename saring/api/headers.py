"""The security headers every answer carries: the page's CSP, nosniff and anti-framing.

A module of its own because two places add them: the `SecurityHeaders` middleware, for every answer the
app makes, and the handler of unexpected errors, whose 500 Starlette sends from outside all middleware.
"""

from __future__ import annotations

# The page uses only its own script and style files; nothing inline, nothing from elsewhere.
CSP = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


def security_headers() -> dict[str, str]:
    """The same headers for a `Response(headers=...)`."""
    return {name.decode(): value.decode() for name, value in SECURITY_HEADERS}
