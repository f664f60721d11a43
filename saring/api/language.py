"""The language of an answer: `?lang=id|en` on any route that says something to a person, or the
`lang` field of an article body; Indonesian by default (the people Saring serves read Indonesian).

The route settles it on `request.state.lang`, so the error handlers answer in it too; an unknown
language is a coded 400 that lists the choices.
"""

from __future__ import annotations

from fastapi import Query
from starlette.requests import Request

from saring.errors import SaringError
from saring.messages import DEFAULT_LANG, LANGS, msg

LANG_QUERY = Query(
    None,
    description="language of the answer's prose and error messages: id (Indonesian, the default) or en; "
    "the article's own text is never translated",
    examples=["en"],
)


def answer_lang(request: Request) -> str:
    """The language this request is answered in: the one its route settled, else a valid ?lang=, else
    Indonesian (also while refusing an unknown ?lang=)."""
    lang = getattr(request.state, "lang", None) or request.query_params.get("lang")
    return lang if lang in LANGS else DEFAULT_LANG


def query_lang(request: Request, lang: str | None = LANG_QUERY) -> str | None:
    """Route dependency: check ?lang= and make it the answer's language (None when absent)."""
    if lang is None:
        return None
    checked(lang)
    request.state.lang = lang
    return lang


def checked(lang: str) -> str:
    """`lang` if Saring speaks it, else SAR-E012 naming the choices."""
    if lang not in LANGS:
        raise SaringError("bad_request", msg("api.unknown_lang", lang=lang, choices=", ".join(LANGS)))
    return lang


def settle_lang(request: Request, body_lang: str | None) -> str:
    """?lang= first, else the body's `lang`, else Indonesian; kept for the error handlers."""
    lang: str = getattr(request.state, "lang", None) or body_lang or DEFAULT_LANG
    request.state.lang = lang
    return lang
