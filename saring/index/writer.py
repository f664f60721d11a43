"""Add cleaned articles to the store, idempotently and crash-safely.

Each batch is one transaction (article rows, band buckets, anchors and the full-text index
together), and the content hash is a unique key: a run killed at any point and started again ends
with every article stored exactly once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from saring.article import Article
from saring.index.fingerprint import Fingerprint, content_hash, fingerprint_many
from saring.store import Store

BATCH = 500  # articles per transaction: amortises commits, and a kill loses little work

_ARTICLE_COLUMNS = ("content_hash, ext_id, title, url, site, published, text, paragraphs, metadata, "
                    "signature, n_tokens")
ROWS_PER_STATEMENT = 500  # multi-row INSERTs: one round trip per 500 rows instead of one per row


@dataclass
class AddStats:
    added: int = 0
    existing: int = 0  # already in the store (same title, text and URL)


def batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _known_hashes(store: Store, hashes: Sequence[bytes]) -> set[bytes]:
    marks = ",".join("?" * len(hashes))
    rows = store.query(f"SELECT content_hash FROM articles WHERE content_hash IN ({marks})", list(hashes))
    return {bytes(r["content_hash"]) for r in rows}


def insert_rows(store: Store, table: str, columns: str, rows: Sequence[tuple[Any, ...]], tail: str = "",
                ) -> list[dict[str, Any]]:
    """INSERT `rows` with many rows per statement; returns what `tail` (e.g. a RETURNING clause) yields."""
    returned: list[dict[str, Any]] = []
    if not rows:
        return returned
    marks = "(" + ", ".join("?" * len(rows[0])) + ")"
    for start in range(0, len(rows), ROWS_PER_STATEMENT):
        chunk = rows[start : start + ROWS_PER_STATEMENT]
        sql = f"INSERT INTO {table} ({columns}) VALUES {', '.join([marks] * len(chunk))} {tail}"
        params = [value for row in chunk for value in row]
        if "RETURNING" in tail:
            returned += store.query(sql, params)
        else:
            store.execute(sql, params)
    return returned


def _article_row(article: Article, fp: Fingerprint) -> tuple[Any, ...]:
    paragraphs = json.dumps([list(p) for p in article.paragraphs])
    metadata = json.dumps(article.metadata, ensure_ascii=False)
    return (fp.content_hash, article.id, article.title, article.url, article.site, article.published,
            article.text, paragraphs, metadata, fp.signature, fp.n_tokens)


def add_batch(store: Store, articles: Sequence[Article], fingerprints: Sequence[Fingerprint] | None = None,
              ) -> AddStats:
    """Store the articles not yet in the store, all in one transaction (`fingerprints`: precomputed)."""
    total = len(articles)
    if fingerprints is None:
        known = _known_hashes(store, [content_hash(a) for a in articles]) if articles else set()
        articles = [a for a in articles if content_hash(a) not in known]
        fingerprints = fingerprint_many(articles)
    unique = {fp.content_hash: (article, fp) for article, fp in zip(articles, fingerprints, strict=True)}
    with store.transaction():
        # Already stored (by an earlier run or another writer) or a duplicate in the batch: no id back.
        rows = [_article_row(a, fp) for a, fp in unique.values()]
        returned = insert_rows(store, "articles", _ARTICLE_COLUMNS, rows,
                               "ON CONFLICT (content_hash) DO NOTHING RETURNING id, content_hash")
        ids = {bytes(r["content_hash"]): int(r["id"]) for r in returned}
        new = [(ids[h], fp) for h, (_, fp) in unique.items() if h in ids]
        # New article ids, and keys distinct per article: these rows cannot conflict. Sorted, so
        # the B-tree pages each batch touches are visited in order (large indexes stay fast to grow).
        store.insert_many("article_bands", ("bucket", "article_id"),
                          sorted((b, i) for i, fp in new for b in fp.buckets))
        store.insert_many("article_anchors", ("anchor", "article_id"),
                          sorted((h, i) for i, fp in new for h in fp.anchors))
    return AddStats(added=len(new), existing=total - len(new))


def _fingerprinted(batch: list[Article]) -> tuple[list[Article], list[Fingerprint]]:
    return batch, fingerprint_many(batch)


def add_articles(store: Store, articles: Iterable[Article], batch_size: int = BATCH, workers: int = 1,
                 ) -> Iterator[AddStats]:
    """Add articles batch by batch, yielding each batch's counts (for progress and resumable runs).

    With `workers` > 1, fingerprints (most of the CPU) are computed in that many processes while this
    one writes; batches are still committed in input order.
    """
    if workers <= 1:
        for batch in batched(articles, batch_size):
            yield add_batch(store, batch)
        return
    from multiprocessing import get_context

    # fork: workers only compute, they never touch the parent's open connection.
    with get_context("fork").Pool(workers) as pool:
        for batch, fingerprints in pool.imap(_fingerprinted, batched(articles, batch_size)):
            yield add_batch(store, batch, fingerprints)
