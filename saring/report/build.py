"""Build the `saring.report/1` document from an analysed article.

The report is the one shape the CLI, API and batch runner all emit; its JSON Schema ships beside this
module and every report the tests produce is validated against it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from saring.article import Article, SignalResult
from saring.messages import DEFAULT_LANG, Msg, catalogue, check_lang, localize, msg
from saring.report.ocr import ocr_dict

SCHEMA_ID = "saring.report/1"


@dataclass(slots=True)
class Report:
    """Everything known about one article; `to_dict` gives the JSON document."""

    article: Article
    signals: list[SignalResult] = field(default_factory=list)
    hoax: dict[str, Any] | None = None
    provenance: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    store: str | None = None  # the store consulted for provenance and fact-checks (None: none)
    factchecks: int | None = None  # fact-checks in that store (None: not searched)

    def to_dict(self, lang: str = DEFAULT_LANG) -> dict[str, Any]:
        """The `saring.report/1` document with its prose in `lang` ("id" or "en")."""
        return build_report(self, lang)

    def to_json(self, indent: int | None = None, lang: str = DEFAULT_LANG) -> str:
        """The `saring.report/1` document as JSON text (non-ASCII kept as is, as the CLI prints it)."""
        return json.dumps(build_report(self, lang), ensure_ascii=False, indent=indent)


def _article_dict(a: Article, lang: str) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": a.title,
        "text": a.text,
        "lang": a.lang,
        "lang_score": a.lang_score,
        "n_chars": len(a.text),
        "url": a.url,
        "site": a.site,
        "published": a.published,
        "source": {"path": a.source.path, "line": a.source.line} if a.source else None,
        "paragraphs": [[s, e] for s, e in a.paragraphs],
        "removed": [localize({"text": r.text, "reason": r.reason, "why": removed_msg(r.reason)}, lang)
                    for r in a.removed],
        "ocr": localize(ocr_dict(a), lang),  # null unless the text was read from an image
    }


def removed_msg(reason: str) -> Msg:
    """A cleaning removal's reason code in words: "boilerplate:share_bar" is `removed.boilerplate.share_bar`
    (tests/messages lists every reason the cleaners and readers give); a reason without an entry yet is
    named by its code rather than failing the report."""
    code = "removed." + reason.replace(":", ".")
    return Msg(code) if code in catalogue() else msg("removed.other", reason=reason)


def _signal_dict(result: SignalResult, lang: str) -> dict[str, Any]:
    """The signal with its summary and evidence reasons in `lang`; `details` is data, not prose."""
    plain = result.to_dict()
    details = plain.pop("details")
    localized: dict[str, Any] = localize(plain, lang)
    localized["details"] = details
    return localized


def build_report(report: Report, lang: str = DEFAULT_LANG) -> dict[str, Any]:
    """The JSON document: every message rendered in `lang`, with its code and parameters beside it
    (`<key>_msg`, see `saring.messages.localize`).

    Messages live in the signals (summary, evidence), the hoax object, the claims and the article's
    removals and OCR part; only those are walked, not the text, its paragraphs or the provenance passages
    (localising the whole document took 0.28 ms per 2019 article, a fifteenth of its analysis). A
    message anywhere else would make `json.dumps` fail, which the report tests would show.
    """
    from saring import __version__

    check_lang(lang)
    return {
        "schema": SCHEMA_ID,
        "saring_version": __version__,
        "article": _article_dict(report.article, lang),
        "signals": [_signal_dict(s, lang) for s in report.signals],
        "hoax": localize(report.hoax, lang),
        "provenance": report.provenance,
        "claims": localize(report.claims, lang),
        "lookups": _lookups(report),
    }


def _lookups(report: Report) -> dict[str, Any]:
    """Which store was consulted and so what `claims` are: listed only, or matched to fact-checks."""
    if report.store is None:
        status = "no_store"
    elif not report.factchecks:
        status = "no_factchecks"
    else:
        status = "searched"
    return {"store": report.store, "factchecks": report.factchecks, "claims": status}


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    text = resources.files("saring.report").joinpath("report.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validate_report(document: dict[str, Any]) -> None:
    """Raise `jsonschema.ValidationError` when the document does not follow the schema."""
    import jsonschema

    jsonschema.validate(document, load_schema())
