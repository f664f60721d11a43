"""The store: where the corpus index and the fact-check cache live.

`open_store()` gives an SQLite file by default (``saring.db``, WAL mode) or a PostgreSQL database for
``postgresql://`` URLs. Every component writes backend-neutral SQL with ``?`` placeholders and puts
its tables in `saring.store.migrations.MIGRATIONS`.
"""

from __future__ import annotations

from saring.store.base import Store
from saring.store.migrations import MIGRATIONS, Migration

DEFAULT_DB = "saring.db"


def open_store(url: str | None = None) -> Store:
    """Open a store: None -> ``saring.db``; a path or ``sqlite:///path`` -> SQLite; ``postgresql://...``.

    ``sqlite:///rel.db`` is relative and ``sqlite:////abs.db`` absolute, as in SQLAlchemy URLs.
    """
    url = url or DEFAULT_DB
    if url.startswith(("postgresql://", "postgres://")):
        from saring.store.postgres import PostgresStore

        return PostgresStore(url)
    from saring.store.sqlite import SQLiteStore

    return SQLiteStore(url.removeprefix("sqlite:///"))


__all__ = ["DEFAULT_DB", "MIGRATIONS", "Migration", "Store", "open_store"]
