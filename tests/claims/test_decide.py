"""The match decision: same claim vs same topic, its reason, the whole post as a query, the shipped model."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from saring.article import SourceRef
from saring.claims.decide import FEATURES, MODEL_PATH, Query, hubness, judge, load_model
from saring.claims.factchecks import FactCheck, read_factchecks
from saring.claims.match import list_claims, match_claims, same_claim_matches
from saring.claims.retrieval import FactCheckIndex
from saring.claims.storage import import_factchecks
from saring.clean import clean
from saring.ingest.text import parse_text
from saring.report.build import validate_report
from saring.store import Store
from tests.conftest import RESOURCES

NANGGALA_POST = (
    "Pesan berantai menyebut KRI Nanggala 402 sudah ditemukan setelah 21 jam hilang kontak. Warga tenang."
)


def _index(store: Store) -> FactCheckIndex:
    checks = [x for x in read_factchecks(RESOURCES / "factchecks" / "index.csv") if isinstance(x, FactCheck)]
    import_factchecks(store, checks)
    return FactCheckIndex(store)


@pytest.mark.parametrize(
    ("query", "relation"),
    [
        # The claim of the fact-check, in other words.
        ("Beredar kabar kapal selam KRI Nanggala 402 ditemukan setelah 21 jam hilang kontak.", "same_claim"),
        ("Tentara China mendarat di Natuna, lihat fotonya.", "same_claim"),
        # Another language: no lexical credit, the meaning and the shared number carry it.
        ("Minum air hangat setiap 15 menit dapat membunuh virus corona di tenggorokan.", "same_claim"),
        # Same names and topic, another claim: never shown as "already checked".
        (
            (
                "Kapal selam KRI Nanggala 402 tenggelam di perairan utara Bali dan 53 awaknya gugur, "
                "kata Panglima TNI."
            ),
            None,
        ),
        ("Harga minyak dunia naik 3 persen pekan ini, kata analis.", None),
    ],
)
def test_decide_same_claim_not_same_topic(store: Store, query: str, relation: str | None) -> None:
    best = judge(_index(store), query, k=3)[0]
    assert best.relation == relation
    assert (best.probability >= load_model().same_claim) == (relation == "same_claim")


def test_decide_reason_names_what_is_shared(store: Store) -> None:
    query = "Pesan berantai menyebut KRI Nanggala 402 sudah ditemukan setelah 21 jam hilang kontak."
    reason = judge(_index(store), query, k=1)[0].reason
    assert set(reason.shared_names) == {"KRI", "Nanggala"}
    assert set(reason.shared_numbers) == {"21", "402"} and reason.other_numbers == ()
    assert "Nanggala" in reason.shared_terms and "ditemukan" in reason.shared_terms


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Menurut Menteri Kesehatan Budi Gunadi, vaksin aman.", {"menteri", "sehat", "budi", "gunadi"}),
        # Title Case and shouting say nothing about names: only acronyms count.
        ("Foto Tentara China Mendarat Di Natuna Kata TNI", {"tni"}),
        ("VIRAL!!! JOKOWI LARANG MUDIK KATA BNPB", set()),
    ],
)
def test_decide_query_names(text: str, names: set[str]) -> None:
    assert Query.of(text).names == names


def test_decide_whole_post_finds_a_claim_stated_only_in_the_title(store: Store) -> None:
    text = "Semoga kabar ini benar. Mohon doanya untuk semua awak dan keluarga yang menunggu di rumah."
    article = clean(
        parse_text(text, SourceRef("p"), title="KRI Nanggala 402 ditemukan setelah 21 jam hilang kontak!")
    )
    index = _index(store)
    claims = match_claims(article, list_claims(article, index.settings), index)
    post = [c for c in claims if c.get("scope") == "post"]
    assert len(post) == 1 and post[0]["start"] == 0 and post[0]["end"] == len(article.text)
    assert [m["claim"] for m in post[0]["matches"]] == [
        "KRI Nanggala 402 Ditemukan Setelah 21 Jam Hilang Kontak"
    ]
    assert post[0]["matches"][0]["relation"] == "same_claim"


def test_decide_matches_carry_probability_and_reason_in_a_valid_report(store: Store) -> None:
    from saring.report import Report

    text = NANGGALA_POST
    article = clean(parse_text(text, SourceRef("r"), title="Kabar kapal selam"))
    index = _index(store)
    report = Report(
        article=article, claims=match_claims(article, list_claims(article, index.settings), index)
    )
    document = report.to_dict()
    validate_report(document)
    match = document["claims"][0]["matches"][0]
    assert match["relation"] == "same_claim" and match["probability"] >= load_model().same_claim
    assert match["reason"]["shared_numbers"] == ["21", "402"]


def test_decide_hubness_is_higher_for_a_generic_vector() -> None:
    rng = np.random.default_rng(0)
    background = rng.normal(size=(200, 16)) + 2.0  # sentences sharing a common direction
    background /= np.linalg.norm(background, axis=1, keepdims=True)
    generic = background.mean(axis=0) / np.linalg.norm(background.mean(axis=0))
    specific = np.eye(16)[0] * -1.0
    hub = hubness(np.stack([generic, specific]).astype(np.float32), background.astype(np.float32))
    assert hub[0] > 0.9 > 0.0 > hub[1]


def test_decide_shipped_model_matches_the_code(tmp_path: Path) -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert tuple(data["features"]) == FEATURES and len(data["coef"]) == len(FEATURES)
    assert 0.5 <= data["thresholds"]["related"] <= data["thresholds"]["same_claim"] < 1
    assert data["provenance"]["built_by"].startswith("python benchmarks/claims_train.py")
    data["features"] = list(reversed(FEATURES))
    (tmp_path / "m.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="differ from the code"):
        load_model.__wrapped__(tmp_path / "m.json")  # type: ignore[attr-defined]


def test_decide_same_claim_matches_for_the_hoax_estimate(store: Store) -> None:
    text = NANGGALA_POST
    article = clean(parse_text(text, SourceRef("e"), title="Kabar kapal selam"))
    index = _index(store)
    evidence = same_claim_matches(match_claims(article, list_claims(article, index.settings), index))
    assert len(evidence) == 1 and evidence[0]["verdict"] == "false"
    assert evidence[0]["probability"] >= load_model().same_claim
    assert same_claim_matches(list_claims(article, index.settings)) == []


@pytest.mark.parametrize(
    ("news", "fact_check", "low"),
    [
        # An entity in the news, a scam about that entity: nothing of what the fact-check says is there.
        ("Direktur PT Astra Daihatsu Motor mengatakan penjualan naik 95 persen.",
         "Lowongan Kerja PT. Astra Daihatsu Motor", True),
        ("Gubernur Kalimantan Timur Isran Noor sudah menyiapkan draf peraturan gubernur.",
         "Akun Facebook Gubernur Kalimantan Timur Isran Noor", True),
        # The claim itself, retold: what the fact-check says beyond the names is there.
        ("Beredar kabar kapal selam KRI Nanggala 402 ditemukan setelah 21 jam hilang kontak.",
         "KRI Nanggala 402 Ditemukan Setelah 21 Jam Hilang Kontak", False),
    ],
)
def test_decide_names_alone_are_not_the_same_claim(news: str, fact_check: str, low: bool) -> None:
    from saring.claims.decide import MIN_PREDICATE_COVERAGE, predicate_coverage
    from saring.claims.terms import search_terms

    fc_terms = frozenset(search_terms(fact_check))
    idf = dict.fromkeys(fc_terms | frozenset(search_terms(news)), 1.0)
    assert (predicate_coverage(Query.of(news), fc_terms, idf) < MIN_PREDICATE_COVERAGE) == low
