"""`saring check` with a fact-check store: the report's `claims` hold sentences, spans and matches."""

from __future__ import annotations

import pytest

from saring.article import SourceRef
from saring.claims.factchecks import FactCheck, read_factchecks
from saring.claims.retrieval import FactCheckIndex
from saring.claims.storage import import_factchecks
from saring.clean import clean
from saring.ingest.text import parse_text
from saring.pipeline import Analyzer
from saring.report.build import validate_report
from saring.store import Store
from tests.conftest import RESOURCES

ARTICLE = (
    "Pesan berantai yang beredar sejak Senin menyebut kapal selam KRI Nanggala 402 sudah ditemukan "
    "setelah 21 jam hilang kontak. Warga diminta tetap tenang.\n\n"
    "Minum air hangat setiap 15 menit dapat membunuh virus corona di tenggorokan. "
    "Semoga keadaan segera membaik."
)


def _article():  # type: ignore[no-untyped-def]
    return clean(parse_text(ARTICLE, SourceRef("t"), title="Kabar KRI Nanggala dan obat COVID-19"))


def test_match_report_claims_with_fact_checks(store: Store) -> None:
    checks = [x for x in read_factchecks(RESOURCES / "factchecks" / "index.csv") if isinstance(x, FactCheck)]
    import_factchecks(store, checks)
    article = _article()
    document = Analyzer(signal_names=[], factchecks=FactCheckIndex(store)).analyze(article).to_dict()
    validate_report(document)
    claims = document["claims"]
    assert [c["sentence"][:30] for c in claims] == [
        "Pesan berantai yang beredar se",
        "Minum air hangat setiap 15 men",
    ]
    for claim in claims:
        assert article.text[claim["start"] : claim["end"]] == claim["sentence"]
        assert claim["reasons"] and claim["checkworthiness"] >= 0.4
    nanggala, water = (c["matches"] for c in claims)
    assert [m["claim"] for m in nanggala] == ["KRI Nanggala 402 Ditemukan Setelah 21 Jam Hilang Kontak"]
    assert nanggala[0]["verdict"] == "false" and nanggala[0]["url"].startswith("https://turnbackhoax.id/")
    # Indonesian sentence, English fact-check.
    assert water and water[0]["claim"].startswith("Drinking Hot Water") and water[0]["lang"] == "en"


@pytest.mark.parametrize("with_index", [False, True])
def test_match_claims_listed_without_fact_checks(store: Store, with_index: bool) -> None:
    analyzer = Analyzer(signal_names=[], factchecks=FactCheckIndex(store) if with_index else None)
    document = analyzer.analyze(_article()).to_dict()
    claims = document["claims"]
    assert [c["sentence"][:30] for c in claims] == [
        "Pesan berantai yang beredar se",
        "Minum air hangat setiap 15 men",
    ]
    assert all(c["matches"] == [] for c in claims)
    assert document["lookups"]["claims"] == ("no_factchecks" if with_index else "no_store")
