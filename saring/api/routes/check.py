"""`POST /v1/check`: one article in, the `saring.report/1` document out (as `saring check --json`)."""

from __future__ import annotations

from contextlib import nullcontext
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from saring.api.inputs import RawInput, prepared_article, request_body_doc, run_on_article
from saring.api.language import query_lang
from saring.api.services import Services

router = APIRouter(tags=["analysis"], dependencies=[Depends(query_lang)])


@router.post(
    "/v1/check",
    summary="Analyse one article",
    description="Send JSON `{text, title?, url?}` or upload one HTML/TXT file (multipart field `file`). "
    "Returns the saring.report/1 document (JSON Schema: GET /v1/schema/report), its prose in the "
    "language of `?lang=` (or the body's `lang`): Indonesian by default, `en` for English; every "
    "sentence has its message code beside it (`<key>_msg`).",
    openapi_extra={"requestBody": request_body_doc()},
    responses={200: {"description": "the saring.report/1 document"}},
)
async def check(request: Request) -> JSONResponse:
    return JSONResponse(await run_on_article(request, analyse))


def analyse(services: Services, raw: RawInput, lang: str) -> dict[str, Any]:
    article = prepared_article(raw, services.settings)
    report = services.analyzer.assess(article)  # signals and model run in parallel threads
    with services.store() if services.store_url else nullcontext():  # lookups share one connection
        services.analyzer.look_up(report)
    return report.to_dict(lang=lang)
