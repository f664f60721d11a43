"""The terminal report says in words what the listed claims were checked against."""

from __future__ import annotations

from pathlib import Path

import pytest

from saring.article import Article
from saring.claims.retrieval import FactCheckIndex
from saring.ingest import read_path
from saring.pipeline import Analyzer, prepare
from saring.report import validate_report
from saring.report.render_text import render_text
from saring.settings import IngestOptions
from saring.store import open_store


def _seed(path: Path) -> Article:
    options = IngestOptions()
    item = next(iter(read_path(str(path), options)))
    article = prepare(item, options) if isinstance(item, Article) else item
    assert isinstance(article, Article)
    return article


@pytest.mark.parametrize(
    ("with_store", "lang", "words", "heading"),
    [
        (False, "en", "no fact-check database loaded: these sentences are worth checking", "Claims"),
        (True, "en", "no fact-checks in {db}: these sentences are worth checking", "Claims"),
        (False, "id", "belum ada basis data cek fakta yang dimuat: kalimat-kalimat ini layak diperiksa",
         "Klaim"),
        (True, "id", "belum ada cek fakta di {db}: kalimat-kalimat ini layak diperiksa", "Klaim"),
    ],
)
def test_render_text_claims_listed_without_fact_checks(
    with_store: bool, lang: str, words: str, heading: str, seed_000: Path, tmp_path: Path
) -> None:
    db = str(tmp_path / "kosong.db")
    store = open_store(db)
    store.migrate()
    analyzer = Analyzer(signal_names=[], factchecks=FactCheckIndex(store) if with_store else None)
    document = analyzer.analyze(_seed(seed_000)).to_dict(lang)
    store.close()
    validate_report(document)
    text = render_text(document, lang=lang)
    claims_part = text[text.index(f"\n{heading}\n") :]
    assert words.format(db=db) in claims_part
    score = "0.90" if lang == "en" else "0,90"
    assert f"({score}) Ada diskusi dan dialog antara kedua utusan" in claims_part
    assert "\u2192" not in claims_part  # no fact-check lines


def test_render_text_no_claims_says_so(seed_002: Path) -> None:
    document = Analyzer(signal_names=[]).analyze(_seed(seed_002)).to_dict()
    document["claims"] = []  # e.g. a report of a text with no check-worthy sentence
    assert "Claims: no check-worthy sentence found" in render_text(document, lang="en")
    assert "Klaim: tidak ada kalimat yang layak diperiksa" in render_text(document)
