"""The store behaves the same on SQLite and PostgreSQL (every test runs on both backends)."""

from __future__ import annotations

import pytest

from saring.store import MIGRATIONS, Migration, open_store
from saring.store.base import iter_statements
from saring.store.migrations import applied_versions, apply_pending
from saring.store.postgres import to_psycopg


def test_store_migrate_records_every_version_once(store_url: str) -> None:
    with open_store(store_url) as store:
        first = store.migrate()
        again = store.migrate()
        assert first == sorted(m.version for m in MIGRATIONS)
        assert again == []
        assert applied_versions(store) == set(first)


def test_store_query_round_trips_placeholders_and_percent(store) -> None:  # type: ignore[no-untyped-def]
    store.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)")
    store.executemany("INSERT INTO t (k, v) VALUES (?, ?)", [("a", "50% off?"), ("b", "it's :x")])
    store.execute("INSERT INTO t (k, v) VALUES (:k, :v)", {"k": "c", "v": "named"})
    rows = store.query("SELECT k, v FROM t WHERE v LIKE '%off%' OR k = ? ORDER BY k", ("c",))
    assert rows == [{"k": "a", "v": "50% off?"}, {"k": "c", "v": "named"}]
    assert store.query("SELECT v FROM t WHERE k = 'b'") == [{"v": "it's :x"}]


def test_store_transaction_rolls_back_on_error(store) -> None:  # type: ignore[no-untyped-def]
    store.execute("CREATE TABLE t (k INTEGER PRIMARY KEY)")
    with pytest.raises(RuntimeError), store.transaction():
        store.execute("INSERT INTO t (k) VALUES (?)", (1,))
        with store.transaction():  # nested: joins the outer one
            store.execute("INSERT INTO t (k) VALUES (?)", (2,))
        raise RuntimeError("boom")
    assert store.query("SELECT count(*) AS n FROM t") == [{"n": 0}]
    with store.transaction():
        store.execute("INSERT INTO t (k) VALUES (?)", (3,))
    assert store.query("SELECT k FROM t") == [{"k": 3}]


def test_store_failed_migration_leaves_nothing(store) -> None:  # type: ignore[no-untyped-def]
    bad = Migration(999, "test", "CREATE TABLE half (x INTEGER); SELECT * FROM missing_table;",
                    "CREATE TABLE half (x INTEGER); SELECT * FROM missing_table;")
    with pytest.raises(Exception, match="missing_table"):
        apply_pending(store, [*MIGRATIONS, bad])
    assert 999 not in applied_versions(store)
    with pytest.raises(Exception, match="half"):
        store.execute("SELECT * FROM half")


def test_store_sqlite_uses_wal(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with open_store(f"sqlite:///{tmp_path}/x.db") as store:
        assert store.backend == "sqlite"
        assert store.query("PRAGMA journal_mode") == [{"journal_mode": "wal"}]
    assert (tmp_path / "x.db").exists()


@pytest.mark.parametrize("script, count", [
    ("CREATE TABLE a (x); CREATE TABLE b (y);", 2),
    ("CREATE TRIGGER t AFTER INSERT ON a BEGIN INSERT INTO b VALUES (1); DELETE FROM b; END; SELECT 1", 2),
])
def test_store_iter_statements_keeps_trigger_bodies(script: str, count: int) -> None:
    assert len(list(iter_statements(script))) == count


@pytest.mark.parametrize("sql, named, expected", [
    ("SELECT ? WHERE x LIKE '%a?%'", False, "SELECT %s WHERE x LIKE '%%a?%%'"),
    ("SELECT :a, x::text FROM t WHERE y = 5 % 2", True, "SELECT %(a)s, x::text FROM t WHERE y = 5 %% 2"),
])
def test_store_to_psycopg_rewrites_placeholders(sql: str, named: bool, expected: str) -> None:
    assert to_psycopg(sql, named) == expected


def test_store_migration_v2_keeps_index_keys_of_a_v1_store(store_url: str) -> None:
    """A store made before bulk key merging keeps its keys and gains `pending_keys`."""
    with open_store(store_url) as store:
        _upgrade_v1_store(store)


def _upgrade_v1_store(store) -> None:  # type: ignore[no-untyped-def]
    apply_pending(store, [m for m in MIGRATIONS if m.version == 1])
    store.execute("INSERT INTO articles (id, content_hash, text, paragraphs, metadata, signature, n_tokens) "
                  "VALUES (1, ?, 'teks', '[]', '{}', ?, 1)", (b"h1", b"sig"))
    store.executemany("INSERT INTO article_bands (bucket, article_id) VALUES (?, ?)", [(7, 1), (3, 1)])
    store.execute("INSERT INTO article_anchors (anchor, article_id) VALUES (?, ?)", (-5, 1))
    assert store.migrate() == sorted(m.version for m in MIGRATIONS if m.version != 1)
    assert store.query("SELECT bucket FROM article_bands ORDER BY bucket") == [{"bucket": 3}, {"bucket": 7}]
    assert store.query("SELECT anchor, article_id FROM article_anchors") == [{"anchor": -5, "article_id": 1}]
    store.execute("INSERT INTO article_bands (bucket, article_id) VALUES (?, ?)", (9, 42))  # no FK any more
    assert store.query("SELECT count(*) AS n FROM pending_keys") == [{"n": 0}]
