"""One JSON error body for every failure of the API (STYLE.md lesson 10, datasette `error_body`).

Every error the service answers — ours, FastAPI's validation errors, Starlette's 404/405, the size and
time limits, unexpected exceptions — has the shape
``{"ok": false, "error": msg, "code": "SAR-E0xx", "name": "bad_request", "status": n,
"errors": [{"field": f, "message": m}]}`` with the code and name taken from `saring.errors.CODES`.
Code and name are stable; the messages are in the request's language (`?lang=id|en`, or the `lang`
field of a body that has one), Indonesian by default.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse

from saring.api.headers import security_headers
from saring.api.language import answer_lang
from saring.article import Rejected
from saring.errors import CODES, ErrorCode, SaringError
from saring.messages import Msg, catalogue, msg, render

log = logging.getLogger(__name__)

BY_CODE: dict[str, ErrorCode] = {e.code: e for e in CODES.values()}
# Starlette raises HTTPException with these statuses for routing and parsing problems.
_HTTP_STATUS_NAMES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    408: "request_timeout",
    413: "too_large",
    415: "unsupported_format",
    422: "bad_request",
    503: "unavailable",
    504: "timeout",
}
MAX_LISTED_ERRORS = 20  # validation errors listed one by one in an answer; the rest are counted
# The shared hints say what to do on the command line (`--max-bytes`, `--any-lang`); an API client does
# it in the request, or learns that it is the operator's setting: these have an `errors.<name>.api_hint`.
API_HINTED = frozenset(
    {"too_large", "not_indonesian", "missing_field", "unsupported_format", "model_missing"}
)
_LINES = ("errors.line", "errors.line_bare")
Problem = tuple[str | None, Msg | str]  # (field of the request, what is wrong with it)


def api_words(message: Msg | str) -> Msg | str:
    """An error line with its code's shared (command-line) hint replaced by the API's own."""
    if not isinstance(message, Msg) or message.code not in _LINES:
        return message
    error = CODES[message.params["name"]]
    if error.name in API_HINTED and message.params["hint"] == error.hint:
        return Msg(message.code, {**message.params, "hint": Msg(f"errors.{error.name}.api_hint")})
    return message


def error_body(
    error: ErrorCode, message: Msg | str, lang: str, errors: list[Problem] | None = None
) -> dict[str, Any]:
    text = render(api_words(message), lang)
    listed = [(None, text)] if errors is None else errors
    return {
        "ok": False,
        "error": text,
        "code": error.code,
        "name": error.name,
        "status": error.http_status,
        "errors": [{"field": field, "message": render(api_words(m), lang)} for field, m in listed],
    }


def error_response(
    error: ErrorCode,
    message: Msg | str,
    lang: str,
    errors: list[Problem] | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    body = error_body(error, message, lang, errors)
    return JSONResponse(body, status_code=error.http_status, headers=headers)


def saring_error_response(
    exc: SaringError, lang: str, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    return error_response(exc.error, exc.to_msg(), lang, headers=headers)


class Refused(Exception):
    """An error whose message is already made, e.g. a reader's `Rejected` reason."""

    def __init__(self, error: ErrorCode, message: Msg | str, field: str | None = None) -> None:
        super().__init__(render(message, "en"))
        self.error, self.message, self.field = error, message, field

    @classmethod
    def from_rejected(cls, rejected: Rejected) -> Refused:
        return cls(BY_CODE.get(rejected.code, CODES["bad_request"]), rejected.message or rejected.reason)

    def at(self, field: str) -> Refused:
        """The same refusal, naming the part of the body it is about (e.g. ``body.articles.3``)."""
        return Refused(self.error, self.message, field)


async def _on_refused(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, Refused)
    return error_response(exc.error, exc.message, answer_lang(request), [(exc.field, exc.message)])


async def _on_saring_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, SaringError)
    headers = {"WWW-Authenticate": "Bearer"} if exc.name == "unauthorized" else None
    return saring_error_response(exc, answer_lang(request), headers)


async def _on_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    name = _HTTP_STATUS_NAMES.get(exc.status_code, "bad_request")
    detail: Msg | str = getattr(exc, "message", None) or (
        exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    )
    if exc.status_code in (404, 405):  # Starlette says only "Not Found"; say what was asked for
        detail = f"{request.method} {request.url.path}"
    return saring_error_response(SaringError(name, detail), answer_lang(request), headers=exc.headers)


def field_message(error: Mapping[str, Any]) -> Msg | str:
    """A validation error in words: the catalogue's for the common pydantic types, else pydantic's own."""
    code = f"api.field.{error.get('type')}"
    if code not in catalogue():
        return str(error.get("msg", ""))
    context = {k: str(v).replace(" or ", ", ") for k, v in (error.get("ctx") or {}).items()}
    return Msg(code, context)


async def _on_validation_error(request: Request, exc: Exception) -> JSONResponse:
    from fastapi.exceptions import RequestValidationError

    assert isinstance(exc, RequestValidationError)
    lang = answer_lang(request)
    found = exc.errors()
    items: list[Problem] = [
        (".".join(str(p) for p in e.get("loc", ())), field_message(e)) for e in found[:MAX_LISTED_ERRORS]
    ]
    if len(found) > MAX_LISTED_ERRORS:  # thousands of unknown keys must not make megabytes of answer
        items.append((None, msg("api.field.more", n=len(found) - MAX_LISTED_ERRORS)))
    summary = "; ".join(f"{field}: {render(m, lang)}" for field, m in items[:3])
    error = SaringError("bad_request", summary)
    return error_response(error.error, error.to_msg(), lang, items)


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    """Starlette sends this answer from outside every middleware, so it brings the security headers."""
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    error = SaringError("internal_error", type(exc).__name__)
    return saring_error_response(error, answer_lang(request), security_headers())


def install_error_handlers(app: Any) -> None:
    from fastapi.exceptions import RequestValidationError

    app.add_exception_handler(SaringError, _on_saring_error)
    app.add_exception_handler(Refused, _on_refused)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(Exception, _on_unexpected)
