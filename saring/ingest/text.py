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


def parse_text(text: str, source: SourceRef, title: str = "", *, article_id: str = "") -> Article:
    """Split off a headline unless one is given; the id is `article_id`, else a hash of the content."""
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    if not title:
        from saring.ingest.chat_export import chat_as_article, looks_like_chat_export

        if looks_like_chat_export(body):  # messages copied out of a chat app, headers and all
            return chat_as_article(body, source, article_id)
        title, body = _split_headline(body)
    return Article(id=article_id or content_id(title, body), raw_text=body, title=title, source=source)


def _split_headline(body: str) -> tuple[str, str]:
    """(headline, rest) when the first non-blank line looks like a headline, else ("", body)."""
    lines = body.split("\n")
    first_idx = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first_idx is None:
        return "", body
    candidate = lines[first_idx].strip()
    if any(ln.strip() for ln in lines[first_idx + 1 :]) and looks_like_headline(candidate):
        return candidate, "\n".join(lines[first_idx + 1 :])
    return "", body
