"""The page at `/`, `GET /health` and the report's JSON Schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse

from saring.api.services import Services

STATIC = Path(__file__).resolve().parent.parent / "static"
router = APIRouter()


@router.get("/", include_in_schema=False)
async def page() -> FileResponse:
    return FileResponse(
        STATIC / "index.html", media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-cache"}
    )


@router.get("/health", tags=["service"], summary="Liveness and what this server offers")
async def health(request: Request) -> dict[str, Any]:
    from saring import __version__
    from saring.api.components import available
    from saring.api.urlfetch import fetching_works
    from saring.signals import SIGNALS

    services: Services = request.app.state.services
    settings = services.settings
    return {
        "ok": True,
        "version": __version__,
        "signals": list(SIGNALS),
        "writes": settings.write_token is not None,
        "fetch_urls": settings.fetch_urls and fetching_works(),
        "features": available(),
    }


@router.get("/v1/schema/report", tags=["service"], summary="JSON Schema of the saring.report/1 document")
async def report_schema() -> dict[str, Any]:
    from saring.report import load_schema

    return load_schema()
