"""Plain-text articles: the first line becomes the title when it looks like a headline.

Pasted and blog-reposted articles usually start with the headline, sometimes twice (seed 002 repeats
its ALL-CAPS headline on the next line); cleaning drops the repeat and records it in `removed`.
"""

from __future__ import annotations

import re

from saring.article import Article, SourceRef
from saring.ingest.base import content_id

_MAX_TITLE_CHARS = 200
_MAX_TITLE_WORDS = 30
_SENTENCE_END = re.compile(r"[.;:,]$")


def looks_like_headline(line: str) -> bool:
    """A headline is short, has several words and does not end like a sentence or a clause."""
    words = line.split()
    if not (2 <= len(words) <= _MAX_TITLE_WORDS) or len(line) > _MAX_TITLE_CHARS:
        return False
    stripped = line.rstrip("*\u2026 ")
    return not _SENTENCE_END.search(stripped) or stripped.endswith("...")


def parse_text(text: str, source: SourceRef, title: str = "") -> Article:
    """Split off a headline unless one is given."""
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = body.split("\n")
    first_idx = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if not title and first_idx is not None:
        candidate = lines[first_idx].strip()
        rest_nonblank = [ln for ln in lines[first_idx + 1 :] if ln.strip()]
        if rest_nonblank and looks_like_headline(candidate):
            title = candidate
            lines = lines[first_idx + 1 :]
    body = "\n".join(lines)
    return Article(id=content_id(title, body), raw_text=body, title=title, source=source)
