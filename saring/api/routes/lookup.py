"""Read-only lookups: where an article's text came from (`/v1/trace`), and fact-check search."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request

from saring.api.components import component
from saring.api.inputs import RawInput, prepared_article, request_body_doc, run_on_article
from saring.api.language import answer_lang, query_lang
from saring.api.services import Services
from saring.messages import localize

router = APIRouter(tags=["lookup"], dependencies=[Depends(query_lang)])


@router.post(
    "/v1/trace",
    summary="Find earlier articles this one copies or spins",
    description="Same body as /v1/check. Returns the provenance matches (report `provenance` items) "
    "found in this server's index.",
    openapi_extra={"requestBody": request_body_doc()},
)
async def trace(request: Request) -> dict[str, Any]:
    return await run_on_article(request, trace_article)


def trace_article(services: Services, raw: RawInput, lang: str) -> dict[str, Any]:
    find = component("trace")
    article = prepared_article(raw, services.settings)
    with services.store() as store:
        matches = find(store, article)
    found = {"id": article.id, "title": article.title}
    return {"ok": True, "article": found, "matches": localize(matches, lang)}


@router.get("/v1/claims/search", summary="Search the fact-check index")
async def claims_search(
    request: Request,
    q: str = Query(..., min_length=2, max_length=1000, description="a claim or a sentence of an article"),
    limit: int = Query(10, ge=1, description="how many results (capped by the server)"),
) -> dict[str, Any]:
    services: Services = request.app.state.services
    limit = min(limit, services.settings.max_search_results)
    results = await services.run(search_claims, services, q, limit, answer_lang(request))
    return {"ok": True, "query": q, "results": results}


def search_claims(services: Services, query: str, limit: int, lang: str) -> list[dict[str, Any]]:
    """Hybrid (full-text + embedding) search; the index object caches its vectors per process."""
    component("claims_search")  # a coded 503 when saring.claims is missing
    index = services.factcheck_index()
    with services.store():  # searching reads the store: one thread at a time
        return [localize(m.to_dict(), lang) for m in index.search(query, k=limit)]
