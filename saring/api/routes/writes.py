"""Writes to the server's store: add articles to the provenance index, add fact-checks.

Off unless the operator sets a token; the token is checked (in constant time) before the body is
read, so an unauthenticated client learns nothing from validation errors.
"""

from __future__ import annotations

import hmac
from typing import Any, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field

from saring.api.components import component
from saring.api.errors import Refused
from saring.api.inputs import ArticleIn, RawInput, parse_model, prepared_article, read_json
from saring.api.language import query_lang
from saring.api.services import Services
from saring.api.settings import ApiSettings
from saring.article import Article
from saring.errors import SaringError
from saring.messages import msg

router = APIRouter(tags=["writes"], dependencies=[Depends(query_lang)])  # ?lang= for error messages
_MAX_ITEMS = 1000
# auto_error=False: a missing token is our coded 401/403, not FastAPI's plain 403.
_TOKEN = Depends(HTTPBearer(auto_error=False, description="the server's write token"))
Credentials = HTTPAuthorizationCredentials | None


class IndexIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    articles: list[ArticleIn] = Field(..., min_length=1, max_length=_MAX_ITEMS)


class FactCheckIn(BaseModel):
    """One published fact-check (the fields of a report's `claims[].matches[]` item)."""

    model_config = ConfigDict(extra="forbid")
    claim: str = Field(..., min_length=1, max_length=5000)
    verdict: Literal["false", "misleading", "true", "satire", "unproven", "other"] | None = Field(
        None, description="Saring's scale; when absent it is derived from `rating`"
    )
    id: str | None = None
    rating: str | None = Field(
        None, description="the publisher's own words, e.g. SALAH, HOAKS, Missing context"
    )
    publisher: str | None = None
    url: str | None = None
    date: str | None = None
    lang: str | None = None


class FactChecksIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    factchecks: list[FactCheckIn] = Field(..., min_length=1, max_length=_MAX_ITEMS)


def require_write_token(settings: ApiSettings, credentials: HTTPAuthorizationCredentials | None) -> None:
    if not settings.write_token:
        raise SaringError("forbidden", msg("api.writes_off"))
    given = credentials.credentials.encode("utf-8") if credentials else b""
    if not hmac.compare_digest(given, settings.write_token.encode("utf-8")):
        raise SaringError("unauthorized", msg("api.needs_token"))


async def _authorised(
    request: Request, credentials: Credentials, model: type[BaseModel]
) -> tuple[Services, Any]:
    """Check the token first, then read and validate the body."""
    services: Services = request.app.state.services
    require_write_token(services.settings, credentials)
    return services, parse_model(model, await read_json(request))


def _body_doc(model: type[BaseModel]) -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": model.model_json_schema()}},
        }
    }


@router.post("/v1/index", summary="Add articles to the provenance index", openapi_extra=_body_doc(IndexIn))
async def index_articles(request: Request, credentials: Credentials = _TOKEN) -> dict[str, Any]:
    services, body = await _authorised(request, credentials, IndexIn)
    return {"ok": True, **await services.run(add_to_index, services, body.articles)}


def add_to_index(services: Services, articles: list[ArticleIn]) -> dict[str, Any]:
    """Clean and store the articles; `existing` counts those the index already had."""
    add = component("index")
    prepared = [_prepared(i, a, services) for i, a in enumerate(articles)]
    with services.store() as store:
        batches = list(add(store, prepared))
    return {
        "added": sum(b.added for b in batches),
        "existing": sum(b.existing for b in batches),
        "ids": [a.id for a in prepared],
    }


def _prepared(i: int, article: ArticleIn, services: Services) -> Article:
    """One article of a batch; a refusal names which one, so the client can fix or drop it."""
    try:
        return prepared_article(RawInput.from_model(article), services.settings)
    except SaringError as exc:
        raise Refused(exc.error, exc.to_msg()).at(f"body.articles.{i}") from None
    except Refused as exc:
        raise exc.at(f"body.articles.{i}") from None


@router.post("/v1/factchecks", summary="Add published fact-checks", openapi_extra=_body_doc(FactChecksIn))
async def add_factchecks(request: Request, credentials: Credentials = _TOKEN) -> dict[str, Any]:
    services, body = await _authorised(request, credentials, FactChecksIn)
    return {"ok": True, **await services.run(store_factchecks, services, body.factchecks)}


def store_factchecks(services: Services, items: list[FactCheckIn]) -> dict[str, Any]:
    """Normalise like `saring factchecks import` (rating tags, verdicts, ids), store, embed the claims."""
    from dataclasses import replace

    from_record, add = component("factcheck_record"), component("factchecks")
    checks = []
    for item in items:
        check = from_record(item.model_dump(exclude={"verdict"}, exclude_none=True))
        checks.append(replace(check, verdict=item.verdict) if item.verdict else check)
    with services.store() as store:
        stats = add(store, checks)
    return {
        "added": stats.added,
        "updated": stats.updated,
        "unchanged": stats.unchanged,
        "ids": [c.id for c in checks],
    }
