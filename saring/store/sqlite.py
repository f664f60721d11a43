"""SQLite backend: one file in WAL mode so readers keep working while a writer indexes."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Literal

from saring.errors import SaringError
from saring.messages import msg
from saring.store.base import Params, Store, iter_statements

# Seconds a writer waits for another writer's lock before failing (bulk index transactions are short).
BUSY_TIMEOUT_S = 60.0


class SQLiteStore(Store):
    backend: Literal["sqlite", "postgres"] = "sqlite"

    def __init__(self, path: str) -> None:
        self.url = path
        try:
            # isolation_level=None: we issue BEGIN ourselves, so nothing opens a transaction implicitly.
            self.conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                        check_same_thread=False)
            if path != ":memory:":
                self.conn.execute("PRAGMA journal_mode=WAL")
            # NORMAL survives process crashes in WAL mode (only an OS crash may lose the last commit).
            self.conn.execute("PRAGMA synchronous=NORMAL")
            # 64 MB of page cache: bulk indexing inserts random keys into large B-trees.
            self.conn.execute("PRAGMA cache_size=-65536")
            self.conn.execute("PRAGMA foreign_keys=ON")
        except sqlite3.Error as exc:
            detail = msg("errors.detail.sqlite_open", path=path, reason=str(exc))
            raise SaringError("store_error", detail) from exc
        self._depth = 0

    def execute(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, seq: Iterable[Params]) -> None:
        self.conn.executemany(sql, seq)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        # IMMEDIATE takes the write lock now, so two writers never deadlock upgrading read locks.
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self.conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self.conn.execute("COMMIT")

    def run_script(self, script: str) -> None:
        # executescript() would COMMIT the open transaction first; run statement by statement instead.
        for statement in iter_statements(script):
            self.conn.execute(statement)

    def close(self) -> None:
        self.conn.close()

