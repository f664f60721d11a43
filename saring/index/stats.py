"""What an index holds: counts, size on disk, schema versions and the largest sites."""

from __future__ import annotations

from typing import Any

from saring.store import Store

# SQLite: the whole file; PostgreSQL: the index tables with their indexes and TOAST data.
_SIZE_SQL = {
    "sqlite": "SELECT page_count * page_size AS n FROM pragma_page_count(), pragma_page_size()",
    "postgres": "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS n FROM pg_class c "
                "JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = current_schema() "
                "AND c.relname IN ('articles', 'article_bands', 'article_anchors', 'pending_keys')",
}


def _count(store: Store, table: str) -> int:
    return int(store.query(f"SELECT count(*) AS n FROM {table}")[0]["n"])


def index_stats(store: Store, top_sites: int = 10) -> dict[str, Any]:
    articles = _count(store, "articles")
    size = int(store.query(_SIZE_SQL[store.backend])[0]["n"])
    sites = store.query("SELECT coalesce(site, '') AS site, count(*) AS n FROM articles GROUP BY site "
                        "ORDER BY n DESC, site LIMIT ?", (top_sites,))
    return {
        "backend": store.backend,
        "articles": articles,
        "buckets": _count(store, "article_bands"),
        "anchors": _count(store, "article_anchors"),
        "pending_keys": _count(store, "pending_keys"),  # not yet searchable (a run in progress or killed)
        "bytes": size,
        "bytes_per_article": size / articles if articles else 0.0,
        "migrations": sorted(int(r["version"]) for r in store.query("SELECT version FROM schema_migrations")),
        "sites": [(r["site"] or None, int(r["n"])) for r in sites],  # None: articles without a site
    }
