"""`create_app(settings)`: the FastAPI application behind `saring serve`.

Each uvicorn worker calls `create_app()` once (factory mode), so each process builds one `Services`
(analyzer, store) at startup and warms it up before taking requests. Interactive docs pages are off
because they load scripts from a CDN; the OpenAPI schema is at `/openapi.json`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from saring.api.errors import install_error_handlers
from saring.api.routes import ROUTERS
from saring.api.routes.meta import STATIC
from saring.api.security import BodyLimit, SecurityHeaders
from saring.api.services import Services
from saring.api.settings import ApiSettings, api_settings_from_env

# A short Indonesian text that runs every signal once, so artefacts load before the first request.
_WARM_UP = (
    "Pemerintah mengumumkan kebijakan baru hari ini. Menteri mengatakan aturan itu berlaku bulan depan."
)


def create_app(settings: ApiSettings | None = None, services: Services | None = None) -> FastAPI:
    """Build the app; `settings` default to SARING_API_* variables; injected `services` bring their own."""
    from saring import __version__

    settings = services.settings if services else settings or api_settings_from_env()
    shared = services or Services(settings)
    app = FastAPI(
        title="Saring",
        version=__version__,
        lifespan=_lifespan,
        docs_url=None,
        redoc_url=None,
        description="Explained credibility reports for Indonesian news articles. "
        "Every error has the body {ok: false, error, code, name, status, errors}. Prose (report sentences, "
        "error messages) is Indonesian unless `?lang=en` asks for English; codes are the same in both.",
    )
    app.state.services = shared
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
            max_age=600,
        )
    body_timeout_s = settings.body_timeout_ms / 1000
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes, timeout_s=body_timeout_s)
    app.add_middleware(SecurityHeaders)  # outermost: the 413 answers carry the headers too
    return app


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    import anyio

    services: Services = app.state.services
    await anyio.to_thread.run_sync(_warm_up, services)
    yield
    services.close()


def _warm_up(services: Services) -> None:
    from saring.article import Article, SourceRef
    from saring.ingest.text import parse_text
    from saring.pipeline import prepare
    from saring.settings import IngestOptions

    article = prepare(parse_text(_WARM_UP, SourceRef("warm-up")), IngestOptions(accept_langs=()))
    if isinstance(article, Article):
        services.analyzer.analyze(article)
