"""Fact-checks in the store, on SQLite and PostgreSQL: idempotent import, full-text search, vectors."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from saring.claims.factchecks import FactCheck, read_factchecks
from saring.claims.storage import (
    count_factchecks,
    fetch_factchecks,
    generation,
    import_factchecks,
    lexical_search,
    load_rows,
)
from saring.claims.terms import search_terms
from saring.store import Store
from tests.conftest import RESOURCES


def _index_checks() -> list[FactCheck]:
    return [x for x in read_factchecks(RESOURCES / "factchecks" / "index.csv") if isinstance(x, FactCheck)]


def test_storage_import_is_idempotent(store: Store) -> None:
    checks = _index_checks()
    first = import_factchecks(store, checks)
    assert (first.added, first.updated, first.unchanged, first.embedded) == (len(checks), 0, 0, len(checks))
    again = import_factchecks(store, checks)
    assert (again.added, again.updated, again.unchanged, again.embedded) == (0, 0, len(checks), 0)
    assert count_factchecks(store) == len(checks)


def test_storage_changed_rating_updates_one_row(store: Store) -> None:
    checks = _index_checks()
    import_factchecks(store, checks)
    before = generation(store)
    changed = replace(checks[0], rating="BENAR", verdict="true")
    stats = import_factchecks(store, [changed, checks[0]])  # the last of duplicate ids in a batch wins
    assert (stats.added, stats.updated, stats.unchanged) == (0, 0, 1)
    assert generation(store) == before  # nothing changed: searchers need not reload
    stats = import_factchecks(store, [changed])
    assert (stats.added, stats.updated, stats.embedded) == (0, 1, 0)
    assert fetch_factchecks(store, [changed.id])[changed.id] == changed
    assert generation(store) > before


def test_storage_lexical_search_ranks_the_shared_rare_words_first(store: Store) -> None:
    import_factchecks(store, _index_checks())
    hits = lexical_search(store, search_terms("Kapal selam KRI Nanggala 402 sudah ditemukan"), 5)
    found = fetch_factchecks(store, [hits[0][0]])
    assert "Nanggala" in found[hits[0][0]].claim
    assert all(a[1] >= b[1] > 0 for a, b in zip(hits, hits[1:], strict=False))
    assert lexical_search(store, [], 5) == [] and lexical_search(store, search_terms("zzzz qqqq"), 5) == []


def test_storage_vectors_round_trip_as_float16(store: Store) -> None:
    from saring.claims.embed import encode

    checks = _index_checks()
    import_factchecks(store, checks)
    ids, langs, terms, matrix = load_rows(store)
    assert ids == [fc.id for fc in checks] and matrix.shape == (len(checks), 512)
    assert langs[1] == "en" and terms[0] == "kri nanggala 402 temu 21 jam hilang kontak"
    expected = encode([checks[0].claim])[0]
    assert float(matrix[0] @ expected) == pytest.approx(1.0, abs=1e-3)
    assert np.allclose(np.linalg.norm(matrix, axis=1), 1.0, atol=1e-3)
