"""Candidate retrieval: which stored articles share LSH band buckets or anchors with a text.

Each lookup is capped per key, so one boilerplate sentence shared by thousands of articles costs no
more than a rare one; a key that hits the cap says nothing about the source and is ignored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from saring.store import Store

PER_BUCKET = 50
PER_ANCHOR = 20


@dataclass
class Hits:
    per_article: Counter[int]  # how many of the keys each article shares
    common: set[int]  # keys shared by `cap` or more articles (boilerplate): ignored


def _capped_hits(store: Store, table: str, column: str, keys: Sequence[int], cap: int) -> Hits:
    if not keys:
        return Hits(Counter(), set())
    # One capped index lookup per key: on PostgreSQL in one round trip (a LATERAL join over the key
    # array); on SQLite, where a statement costs microseconds and there are no arrays, one by one.
    lookup = f"SELECT article_id FROM {table} WHERE {column} = ? LIMIT {cap}"
    if store.backend == "postgres":
        sql = (f"SELECT k.i - 1, t.article_id FROM unnest(?::bigint[]) WITH ORDINALITY AS k(key, i) "
               f"CROSS JOIN LATERAL ({lookup.replace('?', 'k.key')}) AS t")
        rows = store.execute(sql, (list(keys),)).fetchall()
    else:
        rows = [(i, found) for i, key in enumerate(keys) for (found,) in store.execute(lookup, (key,))]
    per_key = Counter(k for k, _ in rows)
    return Hits(Counter(article_id for k, article_id in rows if per_key[k] < cap),
                {keys[k] for k, n in per_key.items() if n >= cap})


def band_hits(store: Store, buckets: Sequence[int]) -> Hits:
    return _capped_hits(store, "article_bands", "bucket", buckets, PER_BUCKET)


def anchor_hits(store: Store, anchors: Sequence[int]) -> Hits:
    """Articles sharing the text's anchors; `common` names the boilerplate ones."""
    return _capped_hits(store, "article_anchors", "anchor", anchors, PER_ANCHOR)


def signatures_of(store: Store, ids: Sequence[int]) -> dict[int, bytes]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = store.execute(f"SELECT id, signature FROM articles WHERE id IN ({marks})", list(ids)).fetchall()
    return {int(i): bytes(sig) for i, sig in rows}


def articles_by_id(store: Store, ids: Sequence[int]) -> list[dict[str, Any]]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    columns = "id, content_hash, ext_id, title, url, site, published, text, paragraphs"
    return store.query(f"SELECT {columns} FROM articles WHERE id IN ({marks})", list(ids))


# Full-text search over title and text (FTS5 / tsvector 'simple': every word must occur).
_FULLTEXT = {
    "sqlite": "SELECT a.ext_id, a.title, a.url, a.site, a.published FROM articles_fts f "
              "JOIN articles a ON a.id = f.rowid WHERE articles_fts MATCH ? ORDER BY f.rank LIMIT ?",
    "postgres": "SELECT ext_id, title, url, site, published FROM articles, plainto_tsquery('simple', ?) q "
                "WHERE fts @@ q ORDER BY ts_rank(fts, q) DESC LIMIT ?",
}


def fulltext(store: Store, words: str, limit: int = 10) -> list[dict[str, Any]]:
    """Stored articles containing all of `words`, best first."""
    from saring.index.canonical import surface_tokens

    tokens = surface_tokens(words)
    if not tokens:
        return []
    query = " ".join(f'"{t}"' for t in tokens) if store.backend == "sqlite" else " ".join(tokens)
    return store.query(_FULLTEXT[store.backend], (query, limit))
