"""The backend-neutral store: one small interface over SQLite and PostgreSQL.

Components (the article index, the fact-check cache) write SQL once with ``?`` placeholders (or
``:name`` with a mapping) and the PostgreSQL backend rewrites them; what differs between the two
dialects goes into the two scripts of a `Migration`, and `backend` is there for the rare query that
must differ for speed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any, Literal

Params = Sequence[Any] | Mapping[str, Any]


class Store:
    """A connection to one database with the few operations the components need."""

    backend: Literal["sqlite", "postgres"]
    url: str

    def execute(self, sql: str, params: Params = ()) -> Any:
        """Run one statement and return the DB-API cursor (rows are tuples)."""
        raise NotImplementedError

    def executemany(self, sql: str, seq: Iterable[Params]) -> None:
        raise NotImplementedError

    def insert_many(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Bulk-insert plain rows (no conflict handling): COPY on PostgreSQL, executemany on SQLite."""
        marks = ", ".join("?" * len(columns))
        self.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def query(self, sql: str, params: Params = ()) -> list[dict[str, Any]]:
        """Run a SELECT and return its rows as dicts keyed by column name."""
        cursor = self.execute(sql, params)
        names = [d[0] for d in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def transaction(self) -> AbstractContextManager[None]:
        """All statements inside commit together or not at all (nesting joins the outer one)."""
        raise NotImplementedError

    def run_script(self, script: str) -> None:
        """Run a multi-statement script (a migration) inside the current transaction."""
        raise NotImplementedError

    def lock_migrations(self) -> None:
        """Serialise concurrent `migrate` calls (called inside a transaction)."""

    def close(self) -> None:
        raise NotImplementedError

    def migrate(self) -> list[int]:
        """Apply pending migrations of every component; return the versions applied."""
        from saring.store.migrations import apply_pending

        return apply_pending(self)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def iter_statements(script: str) -> Iterator[str]:
    """Split an SQLite script into complete statements (trigger bodies keep their inner ';')."""
    import sqlite3

    buffer = ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \n\t;"):
                yield buffer.strip()
            buffer = ""
    if buffer.strip(" \n\t;"):
        yield buffer.strip().rstrip(";")
