"""The hash table behind bigram lookups answers exactly as a search of the sorted keys would."""

from __future__ import annotations

import numpy as np
import pytest

from saring.lexicon.collocations import load_collocations
from saring.lexicon.keytable import KeyTable


def _search(keys: np.ndarray, queries: np.ndarray) -> np.ndarray:
    at = np.minimum(np.searchsorted(keys, queries), len(keys) - 1)
    return np.where(keys[at] == queries, at, -1)


@pytest.mark.parametrize("dtype", [np.uint32, np.uint64])
def test_keytable_finds_present_keys_and_only_them(dtype: type) -> None:
    rng = np.random.default_rng(7)
    keys = np.unique(rng.integers(0, 1 << 20, 5000)).astype(dtype)
    queries = np.concatenate([keys[::3], rng.integers(0, 1 << 20, 5000).astype(dtype)])
    table = KeyTable.build(keys)
    assert table.find(queries).tolist() == _search(keys, queries).tolist()


def test_keytable_on_shipped_bigrams() -> None:
    col = load_collocations()
    rng = np.random.default_rng(3)
    queries = np.concatenate([col.keys[rng.integers(0, len(col.keys), 3000)], col.keys[:50] + 1])
    assert col.table.find(queries).tolist() == _search(col.keys, queries).tolist()


def test_keytable_empty_and_reserved_key() -> None:
    assert KeyTable.build(np.zeros(0, np.uint32)).find(np.arange(5, dtype=np.uint32)).tolist() == [-1] * 5
    with pytest.raises(ValueError, match="reserved"):
        KeyTable.build(np.array([1, np.iinfo(np.uint32).max], dtype=np.uint32))
