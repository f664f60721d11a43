"""Settings with defaults, help and limits in one place (STYLE.md lesson 8).

Each area has a frozen dataclass; `from_env` lets deployments override any field with
``SARING_<FIELD>`` without touching code. CLI flags override both.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Which keys of a JSONL/CSV record hold the article fields."""

    text: str = "text"
    title: str = "title"
    id: str = "id"
    url: str = "url"
    date: str = "date"
    site: str = "site"


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How inputs are read and which articles are accepted."""

    max_bytes: int = 5_000_000  # per article (a text/HTML file, a JSONL line, a WARC record)
    format: str = "auto"  # auto | text | html | jsonl | csv | warc | image
    encoding: str | None = None  # force a codec instead of detecting one
    fields: FieldMap = field(default_factory=FieldMap)
    html_extractor: str = "trafilatura"  # trafilatura (accurate) | resiliparse (fast, for bulk)
    accept_langs: tuple[str, ...] = ("id",)  # empty tuple: accept any language
    # Cleaned title + text with fewer words or letters is refused as too short to judge, and a cleaned
    # text longer than max_text_chars as too long to analyse in bounded time (saring/clean/amount.py).
    min_words: int = 2
    min_letters: int = 8
    max_text_chars: int = 200_000


def from_env(cls: type[T], prefix: str = "SARING_") -> T:
    """Build settings of `cls` from defaults overridden by SARING_<FIELD> environment variables."""
    base: Any = cls()
    changes: dict[str, Any] = {}
    for f in fields(base):
        raw = os.environ.get(prefix + f.name.upper())
        if raw is None:
            continue
        current = getattr(base, f.name)
        if isinstance(current, bool):
            changes[f.name] = raw.lower() in {"1", "true", "yes"}
        elif isinstance(current, int):
            changes[f.name] = int(raw)
        elif isinstance(current, tuple):
            changes[f.name] = tuple(x for x in raw.split(",") if x)
        elif isinstance(current, str) or current is None:
            changes[f.name] = raw
    result: T = replace(base, **changes)
    return result
