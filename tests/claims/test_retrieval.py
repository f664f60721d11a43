"""Hybrid search finds the fact-check of the same story, also across Indonesian and English."""

from __future__ import annotations

import json

import pytest

from saring.claims.evaluate import top1_accuracy
from saring.claims.factchecks import fact_check_from_record
from saring.claims.retrieval import FactCheckIndex
from saring.claims.storage import import_factchecks
from saring.store import Store, open_store
from tests.conftest import RESOURCES

PAIRS = [json.loads(line) for line in (RESOURCES / "crosslingual_claims.jsonl").open(encoding="utf-8")]


def _index(store: Store, claims: list[str], lang: str | None = None) -> FactCheckIndex:
    import_factchecks(
        store, [fact_check_from_record({"claim": c, "rating": "Salah", "lang": lang}) for c in claims]
    )
    return FactCheckIndex(store)


def test_retrieval_pairs_file_is_big_enough() -> None:
    assert len(PAIRS) >= 40
    assert len({p["id_claim"] for p in PAIRS}) == len({p["en_claim"] for p in PAIRS}) == len(PAIRS)


@pytest.mark.parametrize(("query_lang", "target_lang"), [("id", "en"), ("en", "id")])
def test_retrieval_crosslingual_top1(query_lang: str, target_lang: str) -> None:
    with open_store(":memory:") as store:
        store.migrate()
        index = _index(store, [p[f"{target_lang}_claim"] for p in PAIRS], target_lang)
        queries = [(p[f"{query_lang}_claim"], p[f"{target_lang}_claim"]) for p in PAIRS]
        # Measured 1.000 both ways (docs/claims.md); BM25 alone manages about half.
        assert top1_accuracy(index, queries, "hybrid") >= 0.95
        assert top1_accuracy(index, queries, "lexical") < 0.7


def test_retrieval_foreign_name_overlap_does_not_beat_the_same_story(store: Store) -> None:
    # Both English claims share "COVID-19" with the query; only one tells the same story.
    index = _index(
        store, ["COVID-19 vaccines make women infertile", "COVID-19 vaccines contain microchips"], "en"
    )
    best = index.search("Vaksin COVID-19 mengandung microchip untuk melacak penduduk", k=2)
    assert best[0].fact_check.claim == "COVID-19 vaccines contain microchips"
    assert best[0].score > best[1].score


def test_retrieval_modes_and_scores(store: Store) -> None:
    index = _index(store, [p["id_claim"] for p in PAIRS], "id")
    query = "Katanya KRI Nanggala 402 sudah ditemukan dan awaknya selamat semua"
    for mode in ("hybrid", "lexical", "dense"):
        top = index.search(query, k=3, mode=mode)  # type: ignore[arg-type]
        assert top and top[0].fact_check.claim.startswith("Kapal selam KRI Nanggala 402")
        assert [m.score for m in top] == sorted((m.score for m in top), reverse=True)
    hybrid = index.search(query, k=1)[0]
    assert hybrid.score == pytest.approx(0.5 * hybrid.lexical + 0.5 * hybrid.dense)
    assert 0.5 < hybrid.lexical <= 1.0 and 0.5 < hybrid.dense <= 1.0  # best BM25 x coverage 0.7


def test_retrieval_sees_fact_checks_imported_after_it_was_created(store: Store) -> None:
    index = _index(store, [PAIRS[0]["id_claim"]], "id")
    query = "Telur ayam dari China terbuat dari plastik"
    assert all(m.fact_check.claim == PAIRS[0]["id_claim"] for m in index.search(query, k=1))
    import_factchecks(store, [fact_check_from_record({"claim": PAIRS[12]["id_claim"], "rating": "Salah"})])
    assert index.search(query, k=1)[0].fact_check.claim == PAIRS[12]["id_claim"]
    assert len(index.ids) == 2
