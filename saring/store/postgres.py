"""PostgreSQL backend (psycopg 3) for corpora too large or too shared for one SQLite file."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, Literal

from saring.errors import SaringError, require
from saring.messages import msg
from saring.store.base import Params, Store

# '...' literals are copied as they are; outside them '?' and ':name' become psycopg placeholders.
_TOKEN = re.compile(r"'(?:[^']|'')*'|%|\?|(?<!:):([A-Za-z_]\w*)")
# Any fixed number identifies Saring's migration lock among other advisory locks.
MIGRATION_LOCK_ID = 0x5A41_5249


def to_psycopg(sql: str, named: bool) -> str:
    """Rewrite '?' (or ':name' when `named`) placeholders to psycopg's %s / %(name)s and escape '%'."""

    def swap(m: re.Match[str]) -> str:
        token = m.group(0)
        if token.startswith("'"):
            return token.replace("%", "%%")
        if token == "%":
            return "%%"
        if token == "?":
            return "%s"
        return f"%({m.group(1)})s" if named else token

    return _TOKEN.sub(swap, sql)


class PostgresStore(Store):
    backend: Literal["sqlite", "postgres"] = "postgres"

    def __init__(self, url: str) -> None:
        psycopg: Any = require("psycopg", "postgres")
        self.url = url
        try:
            # autocommit: single statements commit at once; `transaction()` groups the others.
            self.conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise SaringError("store_error", msg("errors.detail.postgres_connect", reason=str(exc))) from exc

    def execute(self, sql: str, params: Params = ()) -> Any:
        if not params:  # without parameters psycopg sends the text as it is (no '%' escaping)
            return self.conn.execute(sql)
        return self.conn.execute(to_psycopg(sql, isinstance(params, Mapping)), params)

    def executemany(self, sql: str, seq: Iterable[Params]) -> None:
        rows = list(seq)
        if not rows:
            return
        with self.conn.cursor() as cursor:
            cursor.executemany(to_psycopg(sql, isinstance(rows[0], Mapping)), rows)

    def insert_many(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        with self.conn.cursor() as cursor, cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        # psycopg nests inner blocks as savepoints, which matches "join the outer transaction" on success.
        with self.conn.transaction():
            yield

    def run_script(self, script: str) -> None:
        self.conn.execute(script)

    def lock_migrations(self) -> None:
        self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK_ID,))

    def close(self) -> None:
        self.conn.close()
