"""The store: where the corpus index and the fact-check cache live.

`open_store()` gives an SQLite file (WAL mode) or a PostgreSQL database for ``postgresql://`` URLs.
Every component writes backend-neutral SQL with ``?`` placeholders and puts its tables in
`saring.store.migrations.MIGRATIONS`.

Every command has the same default store, `default_store_url()`: ``$SARING_DB``, else ``saring.db`` in
the working directory (the README's two steps, import then check, run in one folder and need no flag).
Commands that write (``index add``, ``factcheck import``, ``batch --db``) create it; commands that only
read (``check``, ``trace``, ``serve``, ``claims search``, ``index stats|search``) use `store_to_read`,
which never creates one.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit, urlunsplit

from saring.errors import SaringError
from saring.messages import msg
from saring.store.base import Store
from saring.store.migrations import MIGRATIONS, Migration

DEFAULT_DB = "saring.db"
DB_ENV = "SARING_DB"
_POSTGRES = ("postgresql://", "postgres://")


def default_store_url() -> str:
    """Where every command finds the store when no --db is given: ``$SARING_DB``, else ``saring.db``."""
    return os.environ.get(DB_ENV) or DEFAULT_DB


def _sqlite_path(url: str) -> str:
    return url.removeprefix("sqlite:///")


def store_to_read(url: str | None) -> str | None:
    """The store a reading command consults, or None to run without one; never creates a file.

    An explicit `url` (--db) or ``$SARING_DB`` must name an existing SQLite file: a typo is a coded
    error, not a new empty store. The implicit ``saring.db`` is used only when it exists. PostgreSQL
    URLs pass through (connecting checks them).
    """
    chosen = url or os.environ.get(DB_ENV)
    if not chosen:
        return DEFAULT_DB if os.path.isfile(DEFAULT_DB) else None
    path = _sqlite_path(chosen)
    if chosen.startswith(_POSTGRES) or path == ":memory:" or os.path.isfile(path):
        return chosen
    origin = "--db" if url else f"${DB_ENV}"
    raise SaringError("not_found", msg("errors.detail.no_store_at", path=path, origin=origin))


def describe_store(url: str) -> str:
    """The store's name in reports and messages: the SQLite path, or the PostgreSQL URL minus credentials."""
    if not url.startswith(_POSTGRES):
        return _sqlite_path(url)
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def open_store(url: str | None = None) -> Store:
    """Open a store: None -> `default_store_url()`; a path or ``sqlite:///path`` -> SQLite; ``postgresql://...``.

    ``sqlite:///rel.db`` is relative and ``sqlite:////abs.db`` absolute, as in SQLAlchemy URLs.
    """
    url = url or default_store_url()
    if url.startswith(_POSTGRES):
        from saring.store.postgres import PostgresStore

        return PostgresStore(url)
    from saring.store.sqlite import SQLiteStore

    return SQLiteStore(_sqlite_path(url))


__all__ = [
    "DB_ENV", "DEFAULT_DB", "MIGRATIONS", "Migration", "Store", "default_store_url", "describe_store",
    "open_store", "store_to_read",
]
