"""One JSON error body for every failure of the API (STYLE.md lesson 10, datasette `error_body`).

Every error the service answers — ours, FastAPI's validation errors, Starlette's 404/405, the size and
time limits, unexpected exceptions — has the shape
``{"ok": false, "error": msg, "code": "SAR-E0xx", "status": n, "errors": [{"field": f, "message": m}]}``
with the code taken from `saring.errors.CODES`.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse

from saring.api.headers import security_headers
from saring.article import Rejected
from saring.errors import CODES, ErrorCode, SaringError

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
# The shared hints say what to do on the command line (`--max-bytes`, `--any-lang`); an API client does it
# in the request, or learns that it is the operator's setting.
API_HINTS: dict[str, str] = {
    "too_large": "send less; the limit is this server's SARING_API_MAX_BODY_BYTES setting",
    "not_indonesian": "send any_lang: true (a form field for uploads) to analyse it anyway",
    "missing_field": "send the article in the 'text' field",
    "unsupported_format": (
        "send application/json, or multipart/form-data with one HTML, TXT or PNG/JPEG/WebP file"
    ),
    "model_missing": "this server has no trained hoax model; its operator can train one",
}


def error_body(error: ErrorCode, message: str, errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    message = api_words(error, message)
    return {
        "ok": False,
        "error": message,
        "code": error.code,
        "status": error.http_status,
        "errors": [{**e, "message": api_words(error, e["message"])} for e in errors]
        if errors is not None
        else [{"field": None, "message": message}],
    }


def api_words(error: ErrorCode, message: str) -> str:
    """`message` with the shared (command-line) hint of `error` replaced by the API's own."""
    hint = API_HINTS.get(error.name)
    return message.replace(f"({error.hint})", f"({hint})") if hint else message


def error_response(
    error: ErrorCode,
    message: str,
    errors: list[dict[str, Any]] | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    return JSONResponse(error_body(error, message, errors), status_code=error.http_status, headers=headers)


def saring_error_response(exc: SaringError, headers: Mapping[str, str] | None = None) -> JSONResponse:
    return error_response(exc.error, exc.message, headers=headers)


class Refused(Exception):
    """An error whose message is already made, e.g. a reader's `Rejected` reason."""

    def __init__(self, error: ErrorCode, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.error, self.message, self.field = error, message, field

    @classmethod
    def from_rejected(cls, rejected: Rejected) -> Refused:
        return cls(BY_CODE.get(rejected.code, CODES["bad_request"]), rejected.reason)

    def at(self, field: str) -> Refused:
        """The same refusal, naming the part of the body it is about (e.g. ``body.articles.3``)."""
        return Refused(self.error, self.message, field)


async def _on_refused(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, Refused)
    return error_response(exc.error, exc.message, [{"field": exc.field, "message": exc.message}])


async def _on_saring_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, SaringError)
    headers = {"WWW-Authenticate": "Bearer"} if exc.name == "unauthorized" else None
    return saring_error_response(exc, headers)


async def _on_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    name = _HTTP_STATUS_NAMES.get(exc.status_code, "bad_request")
    detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    if exc.status_code in (404, 405):  # Starlette says only "Not Found"; say what was asked for
        detail = f"{request.method} {request.url.path}"
    return saring_error_response(SaringError(name, detail), headers=exc.headers)


async def _on_validation_error(request: Request, exc: Exception) -> JSONResponse:
    from fastapi.exceptions import RequestValidationError

    assert isinstance(exc, RequestValidationError)
    found = exc.errors()
    items: list[dict[str, Any]] = [
        {"field": ".".join(str(p) for p in e.get("loc", ())), "message": str(e.get("msg", ""))}
        for e in found[:MAX_LISTED_ERRORS]
    ]
    if len(found) > MAX_LISTED_ERRORS:  # thousands of unknown keys must not make megabytes of answer
        items.append({"field": None, "message": f"... and {len(found) - MAX_LISTED_ERRORS:,} more"})
    summary = "; ".join(f"{i['field']}: {i['message']}" for i in items[:3])
    error = SaringError("bad_request", summary)
    return error_response(error.error, error.message, items)


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    """Starlette sends this answer from outside every middleware, so it brings the security headers."""
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return saring_error_response(SaringError("internal_error", type(exc).__name__), security_headers())


def install_error_handlers(app: Any) -> None:
    from fastapi.exceptions import RequestValidationError

    app.add_exception_handler(SaringError, _on_saring_error)
    app.add_exception_handler(Refused, _on_refused)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(Exception, _on_unexpected)
