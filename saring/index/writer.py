"""Add cleaned articles to the store, idempotently and crash-safely.

Each batch is one transaction (article rows, full-text index and their keys in `pending_keys`), and
the content hash is a unique key: a run killed at any point and started again ends with every
article stored exactly once. Keys move from `pending_keys` to the lookup tables, sorted, in one
transaction every MERGE_EVERY articles and at the end of each `add_articles` call (and first thing
in the next call if a run was killed); an article is found by `trace` once its keys are merged.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from saring.article import Article
from saring.index.fingerprint import Fingerprint, content_hash, fingerprint_many
from saring.store import Store

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

T = TypeVar("T")
BATCH = 500  # articles per transaction: amortises commits, and a kill loses little work

_ARTICLE_COLUMNS = ("content_hash, ext_id, title, url, site, published, text, paragraphs, metadata, "
                    "signature, n_tokens")
ROWS_PER_STATEMENT = 500  # multi-row INSERTs: one round trip per 500 rows instead of one per row
# Articles between merges of pending keys: each merge walks the key tables' pages once, in key order,
# instead of every batch touching pages at random; larger means cheaper indexing and later
# visibility during long runs (50,000 was not tuned).
MERGE_EVERY = 50_000
BAND, ANCHOR = 0, 1  # pending_keys.kind


@dataclass
class AddStats:
    added: int = 0
    existing: int = 0  # already in the store (same title, text and URL)


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
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
        store.insert_many("pending_keys", ("kind", "key", "article_id"),
                          [(BAND, b, i) for i, fp in new for b in fp.buckets]
                          + [(ANCHOR, h, i) for i, fp in new for h in fp.anchors])
    return AddStats(added=len(new), existing=total - len(new))


def merge_pending(store: Store) -> None:
    """Move the pending keys into the lookup tables in key order, in one transaction."""
    with store.transaction():
        if store.backend == "postgres":  # one merger at a time (SQLite's write lock already is)
            store.execute("LOCK TABLE pending_keys IN SHARE ROW EXCLUSIVE MODE")
        for table, columns, kind in (("article_bands", "bucket, article_id", BAND),
                                     ("article_anchors", "anchor, article_id", ANCHOR)):
            store.execute(f"INSERT INTO {table} ({columns}) SELECT key, article_id FROM pending_keys "
                          f"WHERE kind = ? ORDER BY key, article_id", (kind,))
        store.execute("DELETE FROM pending_keys")


def has_pending(store: Store) -> bool:
    return bool(store.query("SELECT 1 AS x FROM pending_keys LIMIT 1"))


def worker_pool(workers: int, initializer: Callable[..., None] | None = None, initargs: tuple[Any, ...] = (),
                ) -> Pool:
    """Processes that only compute (clean, fingerprint) for the one process that writes to the store.

    Started with spawn, not fork: rensa's Rust thread pool does not survive a fork, so a forked worker
    hangs in its first large MinHash call once this process has made one.
    """
    from multiprocessing import get_context

    return get_context("spawn").Pool(workers, initializer, initargs)


def _fingerprinted(batch: list[Article]) -> tuple[list[Article], list[Fingerprint]]:
    return batch, fingerprint_many(batch)


def add_articles(store: Store, articles: Iterable[Article], batch_size: int = BATCH, workers: int = 1,
                 ) -> Iterator[AddStats]:
    """Add articles batch by batch, yielding each batch's counts (for progress and resumable runs).

    With `workers` > 1, fingerprints (most of the CPU) are computed in that many processes while this
    one writes; batches are still committed in input order. Consume the iterator to the end: the last
    keys are merged (made searchable) then; if it is abandoned, the next call merges them.
    """
    batches = batched(articles, batch_size)
    if workers <= 1:
        yield from add_fingerprinted(store, ((batch, None) for batch in batches))
        return
    with worker_pool(workers) as pool:
        yield from add_fingerprinted(store, pool.imap(_fingerprinted, batches))


def add_fingerprinted(store: Store, batches: Iterable[tuple[Sequence[Article], Sequence[Fingerprint] | None]],
                      ) -> Iterator[AddStats]:
    """Add (articles, fingerprints or None) batches in order, merging pending keys as `add_articles` does.

    For callers that compute fingerprints elsewhere, e.g. together with cleaning in a process pool.
    """
    if has_pending(store):  # left by a run that was killed
        merge_pending(store)
    since_merge = 0
    for articles, fingerprints in batches:
        stats = add_batch(store, articles, fingerprints)
        since_merge += stats.added
        if since_merge >= MERGE_EVERY:
            merge_pending(store)
            since_merge = 0
        yield stats
    if since_merge:
        merge_pending(store)
