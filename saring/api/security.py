"""ASGI middleware for what every request meets before any route: headers, body size and body time.

Pure ASGI (not `BaseHTTPMiddleware`) so the body is counted as it streams in: a client that lies
about Content-Length, or sends chunked data, is still cut off at `max_body_bytes`, and one that sends
its headers and then stalls (or trickles) is answered 408 at `body_timeout_ms` and disconnected.
"""

from __future__ import annotations

import anyio
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from saring.api.errors import saring_error_response
from saring.api.headers import SECURITY_HEADERS
from saring.api.language import answer_lang
from saring.errors import SaringError
from saring.messages import Msg, msg, render


class SecurityHeaders:
    """Adds CSP, nosniff and anti-framing headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in SECURITY_HEADERS if n not in present]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyTooLarge(StarletteHTTPException):
    """An HTTPException, so FastAPI's body parsing passes it through instead of answering 400.

    `message` is what the error answer says (saring.api.errors reads it), in the request's language."""

    def __init__(self, limit: int) -> None:
        self.message = msg("api.body.too_large", limit=limit)
        super().__init__(413, render(self.message, "en"))


class BodyTooSlow(StarletteHTTPException):
    """408 for a body still incomplete at the deadline; the connection is closed (slow-body clients)."""

    def __init__(self, seconds: float) -> None:
        self.message = msg("api.body.too_slow", seconds=seconds)
        super().__init__(408, render(self.message, "en"), headers={"Connection": "close"})


class BodyLimit:
    """Answers 413 once a request body passes `max_bytes`, 408 when it is not whole within `timeout_s`."""

    def __init__(self, app: ASGIApp, max_bytes: int, timeout_s: float) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.timeout_s = timeout_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            detail = msg("api.body.declared_too_large", size=declared, limit=self.max_bytes)
            await self._refuse(scope, receive, send, detail)
            return
        seen = 0
        started = False
        whole = False  # once the body is in, `receive` only waits for a disconnect: no deadline then
        deadline = anyio.current_time() + self.timeout_s

        async def counting_receive() -> Message:
            nonlocal seen, whole
            if whole:
                return await receive()
            with anyio.move_on_after(deadline - anyio.current_time()) as waiting:
                message = await receive()
            if waiting.cancelled_caught:
                raise BodyTooSlow(self.timeout_s)
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                whole = not message.get("more_body", False)
                if seen > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge as exc:
            if started:
                raise
            await self._refuse(scope, receive, send, exc.message)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, detail: Msg) -> None:
        lang = answer_lang(Request(scope))
        error = SaringError("too_large", detail)
        response = saring_error_response(error, lang, headers={"Connection": "close"})
        await response(scope, receive, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
