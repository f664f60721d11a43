"""HTML pages: body, title, date and site with trafilatura; resiliparse as the fast bulk path.

trafilatura removes navigation, ads, comments and cookie banners well (2.5 ms/page here);
resiliparse is ~10x faster but keeps more clutter, so it is opt-in (`html_extractor="resiliparse"`).
Paragraph breaks are kept so that cleaning can work per paragraph.
"""

from __future__ import annotations

from configparser import ConfigParser
from functools import lru_cache

from saring.article import Article, SourceRef
from saring.errors import SaringError
from saring.ingest.base import content_id
from saring.settings import IngestOptions

_MIN_WORDS = 5  # less than this is a menu or an error page, not an article
_MAX_TREE_SIZE = 200_000  # elements; bigger pages are rejected rather than parsed for minutes


def parse_html(html: str, source: SourceRef, options: IngestOptions, url: str | None = None) -> Article:
    """Extract the main article from a page or raise `no_article`."""
    if options.html_extractor == "resiliparse":
        title, body, published, site = _resiliparse(html)
    else:
        title, body, published, site = _trafilatura(html, url)
    if len(body.split()) < _MIN_WORDS:
        raise SaringError("no_article", f"{source.path} has no main text ({len(body.split())} words extracted)")
    article = Article(id=content_id(title, body), raw_text=body, title=title, source=source)
    article.url, article.published, article.site = url, published, site
    return article


@lru_cache(maxsize=1)
def _trafilatura_config() -> ConfigParser:
    """trafilatura's settings: bounded tree size; no signal-based timeout (it breaks in threads)."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MAX_TREE_SIZE", str(_MAX_TREE_SIZE))
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def _trafilatura(html: str, url: str | None) -> tuple[str, str, str | None, str | None]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        config=_trafilatura_config(),
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None:
        return "", "", None, None
    assert not isinstance(doc, dict), "bare_extraction returns a dict only with as_dict=True"
    body = (doc.text or "").replace("\n", "\n\n")
    return (doc.title or "").strip(), body, doc.date or None, doc.sitename or doc.hostname or None


def _resiliparse(html: str) -> tuple[str, str, str | None, str | None]:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    tree = HTMLTree.parse(html)
    body = extract_plain_text(tree, main_content=True, alt_texts=False, links=False, comments=False)
    title = (tree.title or "").strip()
    return title, body, None, None
