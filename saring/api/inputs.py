"""Request bodies to Articles: JSON fields, an uploaded HTML/TXT file or screenshot, or (when enabled) a URL.

Reading the body is async (it happens on the event loop, under the body limit); turning it into an
Article is CPU work and runs in a worker thread under the time limit (`to_article`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field
from starlette.requests import Request

from saring.api.body import media_type, parse_json, require_json
from saring.api.language import checked, settle_lang
from saring.api.services import Services
from saring.api.settings import ApiSettings
from saring.article import Article, SourceRef
from saring.errors import SaringError
from saring.ingest.document import read_document
from saring.messages import LANGS, Msg, msg
from saring.settings import IngestOptions

_UPLOAD_FIELDS = {"file", "title", "url", "any_lang", "lang"}
T = TypeVar("T")


class ArticleIn(BaseModel):
    """An article sent as JSON. Give `text`; `url` alone works only where the server fetches URLs."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="article body: plain text, or HTML (detected)")
    title: str = Field("", description="headline; for plain text the first line is used when empty")
    url: str | None = Field(None, description="where it was published (fetched only if the server allows)")
    id: str | None = None
    site: str | None = None
    published: str | None = Field(None, description="ISO 8601 date")
    any_lang: bool = Field(False, description="analyse non-Indonesian text instead of refusing it")


class CheckIn(ArticleIn):
    """An article to analyse now: the language of the answer may come with it."""

    lang: Literal[LANGS] | None = Field(  # type: ignore[valid-type]
        None, description="language of the report's prose and of error messages (as ?lang=, which wins); "
        "default id"
    )


@dataclass(slots=True)
class RawInput:
    """A request's article before parsing: JSON fields, or an uploaded file's bytes."""

    fields: dict[str, Any] = field(default_factory=dict)
    upload: bytes | None = None
    filename: str = ""
    any_lang: bool = False
    lang: str | None = None  # the language asked for in the body, if any

    @classmethod
    def from_model(cls, article: ArticleIn) -> RawInput:
        fields = article.model_dump(exclude={"any_lang", "lang"}, exclude_none=True)
        return cls(fields=fields, any_lang=article.any_lang, lang=getattr(article, "lang", None))


async def run_on_article(request: Request, work: Callable[[Services, RawInput, str], T]) -> T:
    """Read the request's article on the event loop, then run `work` on it under the limits, with the
    language the answer is to speak."""
    services: Services = request.app.state.services
    raw = await read_input(request)
    return await services.run(work, services, raw, settle_lang(request, raw.lang))


async def read_input(request: Request) -> RawInput:
    """Parse the body by its content type: application/json or multipart/form-data (field `file`)."""
    if media_type(request) == "multipart/form-data":
        return await _read_multipart(request)
    body = await read_json(request, alternative=msg("api.body.or_multipart"))
    return RawInput.from_model(parse_model(CheckIn, body))


async def read_json(request: Request, alternative: Msg | str = "") -> Any:
    """The JSON body: declared as JSON (else 415), within the server's depth limit (else 400)."""
    require_json(request, alternative)
    services: Services = request.app.state.services
    return parse_json(await request.body(), services.settings)


def parse_model(model: type[Any], data: Any) -> Any:
    """Validate `data`; failures become FastAPI validation errors (one error body, with each field)."""
    from fastapi.exceptions import RequestValidationError
    from pydantic import ValidationError

    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**e, "loc": ("body", *e["loc"])} for e in exc.errors(include_url=False)]
        ) from None


async def _read_multipart(request: Request) -> RawInput:
    from starlette.datastructures import UploadFile

    async with request.form(max_files=1, max_fields=len(_UPLOAD_FIELDS)) as form:  # closes the temp files
        unknown = set(form.keys()) - _UPLOAD_FIELDS
        if unknown:
            detail = msg("api.form.unknown_fields", fields=", ".join(sorted(unknown)))
            raise SaringError("bad_request", detail)
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise SaringError("bad_request", msg("api.form.needs_file"))
        data = await upload.read()
        fields = {k: str(form[k]) for k in ("title", "url") if isinstance(form.get(k), str) and form[k]}
        any_lang = str(form.get("any_lang", "")).lower() in ("1", "true", "on", "yes")
        lang = checked(str(form["lang"])) if form.get("lang") else None
    name = upload.filename or "upload"
    return RawInput(fields=fields, upload=data, filename=name, any_lang=any_lang, lang=lang)


def ingest_options(raw: RawInput, settings: ApiSettings) -> IngestOptions:
    return IngestOptions(max_bytes=settings.max_body_bytes, accept_langs=() if raw.any_lang else ("id",))


def to_article(raw: RawInput, settings: ApiSettings) -> Article:
    """Parse a request's article (CPU work, run in a worker thread); raises coded errors."""
    options = ingest_options(raw, settings)
    if raw.upload is not None:
        return read_document(
            raw.upload, raw.filename, options, url=raw.fields.get("url"), title=raw.fields.get("title", "")
        )
    if raw.fields.get("text") is not None:
        from saring.ingest.base import article_from_fields

        return article_from_fields(raw.fields, options, SourceRef("api"))
    if raw.fields.get("url"):
        return _from_url(raw.fields["url"], settings, options)
    raise SaringError("empty_input", msg("api.input.give_text"))


def prepared_article(raw: RawInput, settings: ApiSettings) -> Article:
    """Parse, clean and accept the request's article, or raise the reader's coded refusal."""
    from saring.api.errors import Refused
    from saring.article import Rejected
    from saring.pipeline import prepare

    prepared = prepare(to_article(raw, settings), ingest_options(raw, settings))
    if isinstance(prepared, Rejected):
        raise Refused.from_rejected(prepared)
    return prepared


def request_body_doc() -> dict[str, Any]:
    """OpenAPI text for routes that read an article as JSON or as an upload (parsed by hand)."""
    upload = {
        "type": "object",
        "required": ["file"],
        "properties": {
            "file": {
                "type": "string",
                "format": "binary",
                "description": "one .html/.htm or .txt article, or a PNG/JPEG/WebP screenshot (read by OCR)",
            },
            "title": {"type": "string"},
            "url": {"type": "string"},
            "any_lang": {"type": "boolean"},
            "lang": {"type": "string", "enum": list(LANGS), "description": "as ?lang= (which wins)"},
        },
    }
    return {
        "required": True,
        "content": {
            "application/json": {"schema": CheckIn.model_json_schema()},
            "multipart/form-data": {"schema": upload},
        },
    }


def _from_url(url: str, settings: ApiSettings, options: IngestOptions) -> Article:
    if not settings.fetch_urls:
        raise SaringError("forbidden", msg("api.input.no_url_fetching"))
    from saring.api.urlfetch import fetch_url
    from saring.ingest.fetch import format_of

    page = fetch_url(url, settings)  # HTML or text only (its own media check)
    return read_document(page.body, page.url, options, url=page.url, fmt=format_of(page.content_type))
