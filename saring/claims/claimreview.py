"""schema.org ClaimReview (JSON-LD) and Google Fact Check Tools results, flattened to plain records.

Fact-checkers publish ClaimReview inside their pages (`<script type="application/ld+json">`), in
feeds, or as one JSON document; Google's Fact Check Tools API returns `{"claims": [{"text",
"claimReview": [...]}]}`. Both become the flat records `fact_check_from_record` maps: `claim`,
`rating`, `url`, `date`, `publisher`, `lang`. A review with only a numeric rating gets its verdict from
the position of `ratingValue` between `worstRating` and `bestRating`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from saring.claims.verdicts import verdict_from_score
from saring.errors import SaringError
from saring.messages import msg

_LD_SCRIPT = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.I | re.S)


def claimreview_records(text: str, suffix: str = ".json") -> list[dict[str, Any] | SaringError]:
    """Flat records from a JSON/JSON-LD document or an HTML page with JSON-LD scripts."""
    blocks = _LD_SCRIPT.findall(text) if suffix in (".html", ".htm") else [text]
    records: list[dict[str, Any] | SaringError] = []
    for block in blocks:
        try:
            document = json.loads(block)
        except json.JSONDecodeError as exc:
            detail = msg("errors.detail.invalid_json_line", what=exc.msg, line=exc.lineno)
            records.append(SaringError("malformed_record", detail))
            continue
        records.extend(r for node in _nodes(document) for r in flatten_claimreview(node))
    return records


def is_claimreview(node: dict[str, Any]) -> bool:
    types = node.get("@type")
    types = types if isinstance(types, list) else [types]
    return "ClaimReview" in types or "claimReviewed" in node or "claimReview" in node


def flatten_claimreview(node: dict[str, Any]) -> list[dict[str, Any]]:
    """One record per reviewed claim (a Google API claim may carry several reviews)."""
    if "claimReview" in node:  # Google Fact Check Tools API: a claim with its reviews
        return [
            _api_review(node, review) for review in node.get("claimReview") or [] if isinstance(review, dict)
        ]
    rating, item = _dict(node.get("reviewRating")), _dict(node.get("itemReviewed"))
    return [
        {
            "claim": node.get("claimReviewed")
            or item.get("name")
            or node.get("headline")
            or node.get("name"),
            "rating": _rating_text(rating),
            "url": node.get("url"),
            "date": node.get("datePublished") or node.get("dateCreated"),
            "publisher": _name(node.get("author")) or _name(node.get("publisher")),
            "lang": _name(node.get("inLanguage")),
        }
    ]


def _api_review(claim: dict[str, Any], review: dict[str, Any]) -> dict[str, Any]:
    publisher = _dict(review.get("publisher"))
    return {
        "claim": claim.get("text"),
        "rating": review.get("textualRating"),
        "url": review.get("url"),
        "date": review.get("reviewDate") or claim.get("claimDate"),
        "publisher": publisher.get("name") or publisher.get("site"),
        "lang": review.get("languageCode"),
    }


def _nodes(document: Any) -> Iterator[dict[str, Any]]:
    """Every ClaimReview-like object in a document: top level, lists, `@graph`, API `claims`."""
    if isinstance(document, list):
        for item in document:
            yield from _nodes(item)
    elif isinstance(document, dict):
        if is_claimreview(document):
            yield document
        for key in ("@graph", "claims", "itemListElement", "item"):
            if key in document:
                yield from _nodes(document[key])


def _rating_text(rating: dict[str, Any]) -> str | None:
    text = rating.get("alternateName") or rating.get("name")
    if text:
        return str(text)
    try:
        value, worst, best = (float(rating[k]) for k in ("ratingValue", "worstRating", "bestRating"))
    except (KeyError, TypeError, ValueError):
        return None
    return f"{rating['ratingValue']}/{rating['bestRating']} ({verdict_from_score(value, worst, best)})"


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("url")
    return str(value) if value else None
