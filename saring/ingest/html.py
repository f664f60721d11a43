"""HTML pages: body, title, date and site with trafilatura; resiliparse as the fast bulk path.

trafilatura removes navigation, ads, comments and cookie banners well (2.5 ms/page here);
resiliparse is ~10x faster but keeps more clutter, so it is opt-in (`html_extractor="resiliparse"`).
Paragraph breaks are kept so that cleaning can work per paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from configparser import ConfigParser
from functools import lru_cache

from saring.article import Article, SourceRef
from saring.errors import SaringError
from saring.ingest.base import content_id
from saring.messages import msg
from saring.settings import IngestOptions

_MIN_WORDS = 5  # less than this is a menu or an error page, not an article
_MAX_TREE_SIZE = 200_000  # elements; bigger pages are rejected rather than parsed for minutes
# resiliparse's extraction time grows with the square of the nesting depth (1,000 nested divs: 0.02 s,
# 10,000: 1 s; issue 15 saw 100,000 run past 300 s), so deeper pages are refused before it runs; just
# under this limit it takes 0.16 s. libxml2, under trafilatura, cuts trees at 256 levels itself.
MAX_HTML_DEPTH = 3_000
# trafilatura's time grows with the number of elements (~0.2 ms each here: 20,000 take ~4.5 s under load)
# and its own tree-size check comes after the extraction, so the opening tags are counted before it.
MAX_HTML_ELEMENTS = 20_000
_OPEN_TAG = re.compile(r"<[a-zA-Z]")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def parse_html(html: str, source: SourceRef, options: IngestOptions, url: str | None = None) -> Article:
    """Extract the main article from a page or raise `no_article`."""
    if options.html_extractor == "resiliparse":
        title, body, published, site = _resiliparse(html)
    else:
        title, body, published, site = _trafilatura(html, url)
    n_words = len(body.split())
    if n_words < _MIN_WORDS:
        raise SaringError("no_article", msg("errors.detail.no_main_text", words=n_words))
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

    if html.count("<") > MAX_HTML_ELEMENTS:  # cheap bound first: most pages stop here
        n_elements = len(_OPEN_TAG.findall(html))
        if n_elements > MAX_HTML_ELEMENTS:
            detail = msg("errors.detail.too_many_elements", n=n_elements, limit=MAX_HTML_ELEMENTS)
            raise SaringError("too_complex", detail)

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

    depth = nesting_depth(html, MAX_HTML_DEPTH)
    if depth > MAX_HTML_DEPTH:
        raise SaringError("too_complex", msg("errors.detail.nested_too_deep", limit=MAX_HTML_DEPTH))
    tree = HTMLTree.parse(html)
    body = extract_plain_text(tree, main_content=True, alt_texts=False, links=False, comments=False)
    title = (tree.title or "").strip()
    return title, body, None, None


def nesting_depth(html: str, stop_above: int) -> int:
    """How deep elements nest, as a parser's stack of open tags sees it; counting stops above `stop_above`.

    A page with at most `stop_above` tags cannot nest deeper: 0, at the cost of one `count`. A closing
    tag pops back to its opening tag and one with no opening tag is ignored, as parsers do; void tags
    do not nest (nor does `<div/>`, which HTML reads as `<div>`, so it is not special). Every tag is
    pushed and popped at most once: linear time whatever the input.
    """
    if html.count("<") <= stop_above:
        return 0
    stack: list[str] = []
    open_names: Counter[str] = Counter()
    deepest = 0
    for closing, name in _TAG.findall(html):
        name = name.lower()
        if closing:
            while open_names[name]:  # pop back to the innermost open `name`
                top = stack.pop()
                open_names[top] -= 1
                if top == name:
                    break
        elif name not in _VOID:
            stack.append(name)
            open_names[name] += 1
            if len(stack) > deepest:
                deepest = len(stack)
                if deepest > stop_above:
                    break
    return deepest
