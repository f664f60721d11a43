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

    def to_dict(self) -> dict[str, Any]:
        return build_report(self)

    def to_json(self, indent: int | None = None) -> str:
        """The `saring.report/1` document as JSON text (non-ASCII kept as is, as the CLI prints it)."""
        return json.dumps(build_report(self), ensure_ascii=False, indent=indent)


def _article_dict(a: Article) -> dict[str, Any]:
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
        "removed": [{"text": r.text, "reason": r.reason} for r in a.removed],
        "ocr": ocr_dict(a),  # null unless the text was read from an image
    }


def build_report(report: Report) -> dict[str, Any]:
    from saring import __version__

    return {
        "schema": SCHEMA_ID,
        "saring_version": __version__,
        "article": _article_dict(report.article),
        "signals": [s.to_dict() for s in report.signals],
        "hoax": report.hoax,
        "provenance": report.provenance,
        "claims": report.claims,
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
