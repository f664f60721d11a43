"""Cleaning: raw article text -> normalised paragraphs, with every removal recorded.

`clean` is a pure function (a new Article is returned); steps run in this order:
normalise characters -> split scrape joins -> paragraphs (hard-wrap repair, dateline stubs) -> drop
boilerplate -> drop headline repeats -> drop repeated paragraphs -> identify language. It is idempotent:
cleaning the cleaned text again changes nothing (tested with Hypothesis).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from saring.article import Article, Removed
from saring.clean.boilerplate import SiteBoilerplate, drop_boilerplate
from saring.clean.lang import identify
from saring.clean.normalize import normalize_chars, split_comma_joins, strip_stub
from saring.clean.paragraphs import drop_repeats, drop_title_repeats, split_paragraphs

__all__ = [
    "SiteBoilerplate",
    "clean",
    "clean_text",
    "join_paragraphs",
    "learn_site_boilerplate",
    "raw_paragraphs",
]

PARAGRAPH_SEP = "\n\n"


def clean_text(
    raw: str, title: str = "", site: str | None = None, stats: SiteBoilerplate | None = None
) -> tuple[list[str], list[Removed]]:
    """Paragraphs of the cleaned text and the list of what was removed."""
    # Boilerplate first: a "Baca juga" link above a repeated headline would otherwise keep the headline,
    # and cleaning the cleaned text again would then drop it.
    paragraphs, removed_bp = drop_boilerplate(raw_paragraphs(raw), site, stats)
    paragraphs, removed_title = drop_title_repeats(paragraphs, title)
    paragraphs, removed_dup = drop_repeats(paragraphs)
    return paragraphs, removed_title + removed_bp + removed_dup


def raw_paragraphs(raw: str) -> list[str]:
    """Paragraphs before any removal: what site statistics are learned from.

    A dateline stub is stripped from every paragraph, not only the first: once a repeated headline or a
    boilerplate paragraph before it is dropped, a stub left on the next one would start the cleaned text
    and cleaning that text again would change it.
    """
    paragraphs = map(strip_stub, split_paragraphs(split_comma_joins(normalize_chars(raw))))
    return [p for p in paragraphs if p]


def learn_site_boilerplate(
    articles: Iterable[Article], min_docs: int = 5, min_share: float = 0.05
) -> SiteBoilerplate:
    """Learn each site's recurring paragraphs from read (uncleaned) articles of a crawl."""
    docs = ((a.site, raw_paragraphs(a.raw_text)) for a in articles)
    return SiteBoilerplate.learn(docs, min_docs, min_share)


def join_paragraphs(paragraphs: list[str]) -> tuple[str, list[tuple[int, int]]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for paragraph in paragraphs:
        spans.append((pos, pos + len(paragraph)))
        pos += len(paragraph) + len(PARAGRAPH_SEP)
    return PARAGRAPH_SEP.join(paragraphs), spans


def clean(article: Article, stats: SiteBoilerplate | None = None) -> Article:
    """A cleaned copy of `article`: `text`, `paragraphs`, `removed` (appended), `lang` filled."""
    title = " ".join(normalize_chars(article.title).split())
    paragraphs, removed = clean_text(article.raw_text, title, article.site, stats)
    text, spans = join_paragraphs(paragraphs)
    lang, score = identify(text, title)
    return replace(
        article,
        title=title,
        text=text,
        paragraphs=spans,
        removed=[*article.removed, *removed],
        lang=lang,
        lang_score=round(score, 4),
    )
