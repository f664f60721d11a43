"""Form signal: news report vs. social/chat post, its cues as evidence, and how it holds on data."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from saring.article import Article, SourceRef
from saring.clean import clean
from saring.ingest.text import parse_text
from saring.messages import render
from saring.model.datasets import load_news_held_out, load_tbh2024
from saring.model.signal_inputs import to_article
from saring.nlp.casefold import lowers_safely
from saring.signals import form
from saring.signals.form_cues import find_cues
from tests.conftest import SEEDS

FORMS = Path(__file__).resolve().parents[1] / "resources" / "forms"


def _read(path: Path) -> Article:
    return clean(parse_text(path.read_text(encoding="utf-8"), SourceRef(str(path))))


@pytest.mark.parametrize(
    ("name", "is_post"),
    [("chain_message.txt", True), ("job_scam.txt", True), ("news_report.txt", False)],
)
def test_form_tells_a_chain_message_from_a_report(name: str, is_post: bool) -> None:
    result = form.detect(_read(FORMS / name))
    assert result.flag is is_post
    assert result.details["form"] == ("post" if is_post else "report")


def test_form_evidence_points_at_the_cues_of_a_chain_message() -> None:
    article = _read(FORMS / "chain_message.txt")
    result = form.detect(article)
    whys = {e.why.code for e in result.evidence}
    assert {form.CUES["spread_call"].code, form.CUES["phone"].code, form.CUES["link"].code} <= whys
    assert all(article.text[e.start : e.end] == e.text for e in result.evidence if e.field == "text")
    assert "no attributed source" in render(result.summary, "en")
    assert "tanpa narasumber yang disebut" in render(result.summary, "id")


@pytest.mark.parametrize("seed", ["seed_000", "seed_002"])
def test_form_reads_both_seeds_as_reports(seed: str, request: pytest.FixtureRequest) -> None:
    result = form.detect(_read(request.getfixturevalue(seed)))
    assert not result.flag and result.score < 0.4


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("JAKARTA, KOMPAS.com - Polisi menangkap dua orang.", "JAKARTA, KOMPAS.com -"),
        ("Liputan6.com, Jakarta - Presiden meresmikan jembatan.", "Liputan6.com, Jakarta -"),
        ("Jakarta, Di jejaring sosial beredar kabar.", "Jakarta,"),
        ("Bapak Ibu, Tolong dibaca sampai habis.", None),
        ("Siapa yang tidak tahu, kan sudah viral.", None),
    ],
)
def test_form_cues_find_a_dateline_only_at_the_start(text: str, dateline: str | None) -> None:
    found = [text[c.start : c.end] for c in find_cues(text, "text") if c.kind == "dateline"]
    assert found == ([dateline] if dateline else [])


def test_form_weights_keep_their_designed_direction() -> None:
    _, weights = form.weights()
    assert all(weights[k] <= 0 for k in ("dateline", "outlet", "attributed"))
    assert all(weights[k] >= 0 for k in form.CUES if k not in ("dateline", "outlet", "attributed"))
    assert weights["spread_call"] > 1 and weights["phone"] > 1


@pytest.mark.data
def test_form_on_2024_rumours_and_unseen_outlets(data_dir: Path) -> None:
    """Out of time and outlet: 2024 rumours (after the training data) vs Kompas/Tempo (never trained on)."""
    rumours = [form.detect(to_article(e)).score for e in load_tbh2024(data_dir)[::10]]
    news = [form.detect(to_article(e)).score for e in load_news_held_out(data_dir)[::2]]
    assert np.mean(np.array(rumours) >= form.THRESHOLD) >= 0.8
    assert np.mean(np.array(news) >= form.THRESHOLD) <= 0.05


def _texts(path: Path, n: int) -> list[str]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in itertools.islice(f, n)]


@pytest.mark.data
@pytest.mark.parametrize(
    "corpus", ["clickid_raw_articles_2019/normalized.jsonl", "turnbackhoax_2024_alharkan7/normalized.jsonl"]
)
def test_form_case_folded_search_finds_what_the_plain_one_does(data_dir: Path, corpus: str) -> None:
    texts = _texts(data_dir / corpus, 300) + [
        p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))
    ]
    assert sum(lowers_safely(t) for t in texts) > len(texts) // 2  # the fast path is what is compared
    found = [find_cues(t, "text") for t in texts]
    assert found == [find_cues(t, "text", fold_case=False) for t in texts]
    assert {c.kind for cues in found for c in cues} >= {"link", "second_person"}  # twin-searched kinds


_FORM_VOCAB = [
    "Forwarded many times",
    "DITERUSKAN",
    "Copas",
    "info dari grup sebelah",
    "Bapak/Ibu",
    "IBU BAPAK",
    "https://X.co/A",
    "WWW.Situs.ID",
    "bit.ly/Ab",
    "kamu",
    "GAK",
    "Kata",
    "ſ",
    "\u212a",
    "İ",
    "ı",
    "é",
    "!!",
    "#Viral",
    "@Admin",
    "😀",
    "“",
    "JAKARTA, KOMPAS.com -",
    ".",
    " ",
    "\n",
    "x",
]


@given(st.lists(st.sampled_from(_FORM_VOCAB), max_size=25).map("".join))
def test_form_case_folded_search_on_random_strings(text: str) -> None:
    assert find_cues(text, "text") == find_cues(text, "text", fold_case=False)
