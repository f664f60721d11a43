"""Versioned schema migrations for every component that keeps tables in the store.

Each component owns a range of versions: "articles" (the corpus index) 1-99, "factchecks" (the claim
cache) 100-199. A migration is applied once, in version order, inside one transaction together with
its row in `schema_migrations`, so a crash leaves either all of it or none of it. Never edit a
released migration: add a new version.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from saring.store.base import Store


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    component: str
    sqlite: str
    postgres: str


_ARTICLES_V1_SQLITE = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    content_hash BLOB NOT NULL UNIQUE,
    ext_id TEXT,
    title TEXT NOT NULL DEFAULT '',
    url TEXT,
    site TEXT,
    published TEXT,
    text TEXT NOT NULL,
    paragraphs TEXT NOT NULL,
    metadata TEXT NOT NULL DEFAULT '{}',
    signature BLOB NOT NULL,
    n_tokens INTEGER NOT NULL,
    added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_url ON articles(url);
CREATE TABLE article_bands (
    bucket INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (bucket, article_id)
) WITHOUT ROWID;
CREATE TABLE article_anchors (
    anchor INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (anchor, article_id)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
"""

_ARTICLES_V1_POSTGRES = """
CREATE TABLE articles (
    id BIGSERIAL PRIMARY KEY,
    content_hash BYTEA NOT NULL UNIQUE,
    ext_id TEXT,
    title TEXT NOT NULL DEFAULT '',
    url TEXT,
    site TEXT,
    published TEXT,
    text TEXT NOT NULL,
    paragraphs TEXT NOT NULL,
    metadata TEXT NOT NULL DEFAULT '{}',
    signature BYTEA NOT NULL,
    n_tokens INTEGER NOT NULL,
    added_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    fts TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || text)) STORED
);
CREATE INDEX articles_url ON articles(url);
CREATE INDEX articles_fts ON articles USING GIN (fts);
CREATE TABLE article_bands (
    bucket BIGINT NOT NULL,
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (bucket, article_id)
);
CREATE TABLE article_anchors (
    anchor BIGINT NOT NULL,
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (anchor, article_id)
);
"""

# v2: bulk key merging. New LSH bucket and anchor keys are first appended to `pending_keys` with their
# batch and moved into `article_bands` / `article_anchors`, sorted, in one pass every few tens of
# thousands of articles (`saring.index.writer.merge_pending`): inserting random keys batch by batch
# rewrites most pages of these large B-trees on every batch. The key tables lose their foreign keys:
# only the writer fills them, with ids it has just been given, and checking each of ~90 rows per
# article doubled the cost of indexing on PostgreSQL. SQLite cannot drop a constraint, so the two
# tables are rebuilt (fast: existing rows are copied in key order).
_ARTICLES_V2_SQLITE = """
CREATE TABLE pending_keys (
    kind INTEGER NOT NULL,
    key INTEGER NOT NULL,
    article_id INTEGER NOT NULL
);
CREATE TABLE article_bands_v2 (
    bucket INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (bucket, article_id)
) WITHOUT ROWID;
INSERT INTO article_bands_v2 SELECT bucket, article_id FROM article_bands;
DROP TABLE article_bands;
ALTER TABLE article_bands_v2 RENAME TO article_bands;
CREATE TABLE article_anchors_v2 (
    anchor INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (anchor, article_id)
) WITHOUT ROWID;
INSERT INTO article_anchors_v2 SELECT anchor, article_id FROM article_anchors;
DROP TABLE article_anchors;
ALTER TABLE article_anchors_v2 RENAME TO article_anchors;
"""

_ARTICLES_V2_POSTGRES = """
CREATE TABLE pending_keys (
    kind SMALLINT NOT NULL,
    key BIGINT NOT NULL,
    article_id BIGINT NOT NULL
);
ALTER TABLE article_bands DROP CONSTRAINT IF EXISTS article_bands_article_id_fkey;
ALTER TABLE article_anchors DROP CONSTRAINT IF EXISTS article_anchors_article_id_fkey;
"""

# Fact-check cache (saring.claims.storage): `terms` are the stemmed search terms, indexed by FTS5 /
# tsvector; `embedding` is a float16 vector of the model named in `embedder`; `factchecks_state.version`
# goes up with every change, so searchers know in one row read when to reload their vectors.
_FACTCHECKS_V100_SQLITE = """
CREATE TABLE factchecks (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    claim TEXT NOT NULL,
    verdict TEXT NOT NULL,
    rating TEXT,
    publisher TEXT,
    date TEXT,
    url TEXT,
    lang TEXT,
    terms TEXT NOT NULL,
    embedding BLOB,
    embedder TEXT,
    imported_at TEXT NOT NULL
);
CREATE VIRTUAL TABLE factchecks_fts USING fts5(terms, content='factchecks', content_rowid='seq');
CREATE TRIGGER factchecks_fts_insert AFTER INSERT ON factchecks BEGIN
    INSERT INTO factchecks_fts(rowid, terms) VALUES (new.seq, new.terms);
END;
CREATE TRIGGER factchecks_fts_delete AFTER DELETE ON factchecks BEGIN
    INSERT INTO factchecks_fts(factchecks_fts, rowid, terms) VALUES ('delete', old.seq, old.terms);
END;
CREATE TRIGGER factchecks_fts_update AFTER UPDATE OF terms ON factchecks BEGIN
    INSERT INTO factchecks_fts(factchecks_fts, rowid, terms) VALUES ('delete', old.seq, old.terms);
    INSERT INTO factchecks_fts(rowid, terms) VALUES (new.seq, new.terms);
END;
CREATE TABLE factchecks_state (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
INSERT INTO factchecks_state (id, version) VALUES (1, 0);
"""

_FACTCHECKS_V100_POSTGRES = """
CREATE TABLE factchecks (
    seq BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    claim TEXT NOT NULL,
    verdict TEXT NOT NULL,
    rating TEXT,
    publisher TEXT,
    date TEXT,
    url TEXT,
    lang TEXT,
    terms TEXT NOT NULL,
    embedding BYTEA,
    embedder TEXT,
    imported_at TEXT NOT NULL,
    fts TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', terms)) STORED
);
CREATE INDEX factchecks_fts ON factchecks USING GIN (fts);
CREATE TABLE factchecks_state (id INTEGER PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL);
INSERT INTO factchecks_state (id, version) VALUES (1, 0);
"""

MIGRATIONS: list[Migration] = [
    Migration(1, "articles", _ARTICLES_V1_SQLITE, _ARTICLES_V1_POSTGRES),
    Migration(2, "articles", _ARTICLES_V2_SQLITE, _ARTICLES_V2_POSTGRES),
    Migration(100, "factchecks", _FACTCHECKS_V100_SQLITE, _FACTCHECKS_V100_POSTGRES),
]

_CREATE_LEDGER = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    component TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
"""


def applied_versions(store: Store) -> set[int]:
    return {int(row["version"]) for row in store.query("SELECT version FROM schema_migrations")}


def apply_pending(store: Store, migrations: list[Migration] | None = None) -> list[int]:
    """Apply the migrations not yet recorded, holding the write/advisory lock so racing processes agree."""
    from datetime import UTC, datetime

    done: list[int] = []
    with store.transaction():
        store.lock_migrations()
        store.execute(_CREATE_LEDGER)
        applied = applied_versions(store)
        for m in sorted(migrations if migrations is not None else MIGRATIONS, key=lambda m: m.version):
            if m.version in applied:
                continue
            store.run_script(m.sqlite if store.backend == "sqlite" else m.postgres)
            store.execute("INSERT INTO schema_migrations (version, component, applied_at) VALUES (?, ?, ?)",
                          (m.version, m.component, datetime.now(UTC).isoformat(timespec="seconds")))
            done.append(m.version)
    return done
