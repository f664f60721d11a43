"""The shipped synonym graph and canonical heads."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from saring.errors import SaringError
from saring.lexicon.canonical import canonical_tokens, hill_climb
from saring.lexicon.spinner import spin
from saring.lexicon.thesaurus import build_thesaurus, load_thesaurus, read_thesaurus
from saring.lexicon.tokens import words


def test_thesaurus_shipped_graph_is_symmetric() -> None:
    th = load_thesaurus()
    assert len(th.words) > 30_000
    assert "udara" in th.synonyms("hawa") and "hawa" in th.synonyms("udara")  # only listed under udara
    assert "akan" in th.synonyms("bakal") and "karena" in th.synonyms("lantaran")
    assert "sementara" not in th.synonyms("abadi")  # an antonym in mythes-id
    assert th.synonyms("saring-tidak-ada") == []


def test_thesaurus_hill_climb_reaches_most_frequent_word() -> None:
    th = build_thesaurus([("a", "b"), ("b", "c"), ("x", "y")], {"a": 1, "b": 5, "c": 9, "x": 3, "y": 3})
    assert [th.canonical(w) for w in "abcxy"] == ["c", "c", "c", "x", "x"]  # ties: alphabetical
    assert th.canonical("zzz") == "zzz"


def test_thesaurus_hill_climb_handles_isolated_nodes() -> None:
    indptr = np.array([0, 1, 2, 2])
    canon = hill_climb(indptr, np.array([1, 0]), np.array([2, 1, 7]), ["a", "b", "c"])
    assert canon.tolist() == [0, 0, 2]


@pytest.mark.parametrize(
    ("original", "swapped"), [("akan", "bakal"), ("setelah", "sesudah"), ("dan", "serta")]
)
def test_canonical_spinner_swaps_map_to_same_head(original: str, swapped: str) -> None:
    assert canonical_tokens(f"Mereka {original} pergi") == canonical_tokens(f"Mereka {swapped} pergi")


def test_canonical_tokens_make_spun_copies_closer() -> None:
    th = load_thesaurus()
    text = (
        "Beberapa pemimpin senior kelompok militan itu akhirnya dipaksa untuk mengakui kekalahan mereka. "
        "Menurut para jihadis yang telah meninggalkan kelompok itu, mereka akan meneruskan perlawanan dengan "
        "melancarkan serangan ke negara Barat karena wilayah kekuasaan mereka terus berkurang setelah "
        "serangan udara."
    )
    spun, swaps = spin(text, th.synonyms, 0.3, seed=3)
    assert len(swaps) >= 8

    def jaccard(a: list[str], b: list[str]) -> float:
        sa = {tuple(a[i : i + 3]) for i in range(len(a) - 2)}
        sb = {tuple(b[i : i + 3]) for i in range(len(b) - 2)}
        return len(sa & sb) / len(sa | sb)

    raw = jaccard([t.norm for t in words(text)], [t.norm for t in words(spun)])
    canon = jaccard(canonical_tokens(text), canonical_tokens(spun))
    assert canon > raw + 0.15  # measured 0.25 -> 0.45


@pytest.mark.parametrize(("original", "swapped"), [("mengalami", "alami"), ("mengatakan", "katakan")])
def test_canonical_tokens_stemmed_merges_affix_variants(original: str, swapped: str) -> None:
    assert canonical_tokens(original) != canonical_tokens(swapped)
    assert canonical_tokens(original, stem=True) == canonical_tokens(swapped, stem=True)


def test_thesaurus_broken_artefact_is_a_coded_error(tmp_path: Path) -> None:
    bad = tmp_path / "thesaurus_id.npz"
    bad.write_bytes(b"not an npz file")
    with pytest.raises(SaringError) as err:
        read_thesaurus(bad)
    assert err.value.name == "model_missing" and "build_spin" in str(err.value)
