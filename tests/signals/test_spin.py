"""Spin signal: the seeds, synthetic spins of corpus text, evidence spans, robustness."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saring.article import Article, SourceRef
from saring.clean import clean
from saring.ingest.text import parse_text
from saring.lexicon.spinner import spin
from saring.lexicon.thesaurus import load_thesaurus
from saring.lexicon.tokens import tokenize
from saring.messages import Msg, localize, render
from saring.signals import SIGNALS
from saring.signals.build_spin import blind_swaps
from saring.signals.spin import (
    MAX_PER_WORD,
    VERSION,
    detect,
    eligible_positions,
    load,
    load_calibration,
    word_scores,
)
from tests.conftest import DATA, need

CORPUS = DATA / "clickid_raw_articles_2019" / "normalized.jsonl"


def _seed(path: Path) -> Article:
    return clean(parse_text(path.read_text(encoding="utf-8"), SourceRef(str(path))))


def found_all(evidence: list) -> list[str]:  # type: ignore[type-arg]
    return [e.text.casefold() for e in evidence]


def _assert_spans_valid(article: Article, evidence: list) -> None:  # type: ignore[type-arg]
    for ev in evidence:
        assert 0 <= ev.start < ev.end <= len(article.text)
        assert article.text[ev.start : ev.end] == ev.text


def test_spin_registered() -> None:
    spec = SIGNALS["spin"]
    assert spec.version == VERSION and spec.detect is detect


def test_spin_seed_002_flagged_with_swapped_words(seed_002: Path) -> None:
    article = _seed(seed_002)
    result = detect(article)
    assert result.flag and result.score >= result.threshold
    _assert_spans_valid(article, result.evidence)
    found = {e.text.casefold() for e in result.evidence}
    assert {"hawa", "bakal", "lantaran", "serta"} <= found  # mythes-id synonyms
    assert {"memperlancar", "katakan", "miliki", "masihlah"} <= found  # form variants no thesaurus lists
    hawa = next(e for e in result.evidence if e.text == "hawa")
    assert article.text[hawa.start - 9 : hawa.end] == "serangan hawa"
    why = render(hawa.why, "en")
    assert "'udara'" in why and "serangan udara" in why
    katakan = render(next(e for e in result.evidence if e.text == "katakan").why, "en")
    assert "where ordinary news writes 'mengatakan'" in katakan and "'orang katakan' 0x" in katakan
    assert max(Counter(found_all(result.evidence)).values()) <= MAX_PER_WORD


def test_spin_says_why_in_indonesian_and_english(seed_002: Path) -> None:
    result = detect(_seed(seed_002))
    assert isinstance(result.summary, Msg) and all(isinstance(e.why, Msg) for e in result.evidence)
    n = len({e.text.casefold() for e in result.evidence})
    assert render(result.summary, "id").startswith(f"{n} dari {result.details['eligible_words']} kata")
    assert render(result.summary, "en").startswith(f"{n} of {result.details['eligible_words']} words")
    hawa = next(e for e in result.evidence if e.text == "hawa")
    assert "padahal berita biasa menulis 'udara'" in render(hawa.why, "id")
    assert "'serangan udara'" in render(hawa.why, "id") and " kali" in render(hawa.why, "id")


def test_spin_seed_000_not_flagged(seed_000: Path) -> None:
    result = detect(_seed(seed_000))
    assert not result.flag and result.score < result.threshold


def test_spin_threshold_comes_from_calibration() -> None:
    cal = load_calibration()
    assert cal.threshold == pytest.approx(1 - cal.meta["target_fpr"])
    assert cal.meta["calibration_publisher"] not in cal.meta["build_publishers"]
    assert len(cal.natural) == cal.meta["ranking_docs"] and list(cal.natural) == sorted(cal.natural)


def test_spin_eligible_words_skip_names_acronyms_and_doubled_words() -> None:
    tokens = tokenize("Udara di Jakarta dan AS dengan dengan Hawa.")
    picked = [tokens[i].norm for i in eligible_positions(tokens)]
    assert picked == ["udara", "di", "dan", "dengan"]


def _long_sindonews_rows(n: int) -> list[dict[str, Any]]:
    """The first `n` long articles of the publisher held out from the spin statistics."""
    need(CORPUS)
    rows = []
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["publisher"] == "sindonews" and len(row["text"] or "") > 2500:
                rows.append(row)
            if len(rows) == n:
                break
    return rows


@pytest.mark.data
def test_spin_synthetic_spins_of_held_out_articles_score_higher() -> None:
    rows = _long_sindonews_rows(12)
    th = load_thesaurus()
    for i, row in enumerate(rows):
        article = clean(Article(id=row["id"], raw_text=row["text"], source=SourceRef("corpus")))
        spun_text, swaps = spin(article.text, th.synonyms, 0.4, seed=i)
        spun = clean(Article(id="spun", raw_text=spun_text, source=SourceRef("spun")))
        plain, spun_result = detect(article), detect(spun)
        assert spun_result.flag and spun_result.score > plain.score
        assert {e.text for e in spun_result.evidence} & {s.replacement for s in swaps}


@pytest.mark.data
def test_spin_context_model_rejects_words_the_passage_did_not_call_for() -> None:
    """Context-blind swaps (random corpus words of about the same frequency) sit far further below
    their usual context score than the words around them, whatever synonyms they have."""
    col, ctx, cal = load()
    swapped, kept, shown, right = [], [], 0, 0
    for i, row in enumerate(_long_sindonews_rows(8)):
        article = clean(Article(id=row["id"], raw_text=row["text"], source=SourceRef("corpus")))
        text, swaps = spin(article.text, blind_swaps(col, seed=i), 0.1, seed=i)
        ws = word_scores(text, col, ctx, cal.mu)
        starts = {s.start for s in swaps}
        is_swap = np.array([ws.tokens[p].start in starts for p in ws.positions])
        swapped.append(ws.unfit[is_swap])
        kept.append(ws.unfit[~is_swap])
        spun = Article(id="spun", raw_text=text, text=text, source=SourceRef("spun"))
        context = [
            e for e in detect(spun).evidence if isinstance(e.why, Msg) and e.why.code == "spin.why.context"
        ]
        shown += len(context)
        right += sum(e.start in starts for e in context)
    s, k = np.concatenate(swapped), np.concatenate(kept)
    assert np.nanmedian(s) > np.nanmedian(k) + 1.0  # standard deviations of each word's usual score
    assert np.nanmean(s > 2) > 3 * np.nanmean(k > 2)
    # the passage's own evidence points at the swaps more often than not
    assert shown >= 8 and right / shown > 0.5


# A chat-style rewriter the detector was never shown: it only knows these spellings.
CHAT = {"yang": "yg", "dengan": "dgn", "untuk": "utk", "tidak": "tdk", "sudah": "sdh", "tahun": "thn"}


@pytest.mark.data
def test_spin_abbreviating_spinner_is_caught_through_the_general_variants() -> None:
    rows = _long_sindonews_rows(8)
    flags = []
    for i, row in enumerate(rows):
        article = clean(Article(id=row["id"], raw_text=row["text"], source=SourceRef("corpus")))
        spun_text, _ = spin(article.text, lambda w: [CHAT[w]] if w in CHAT else [], 1.0, seed=i)
        spun = clean(Article(id="spun", raw_text=spun_text, source=SourceRef("spun")))
        plain, spun_result = detect(article), detect(spun)
        assert spun_result.score > max(plain.score, 0.9) and not plain.flag
        assert set(found_all(spun_result.evidence)) & set(CHAT.values())
        flags.append(spun_result.flag)
    # Each distinct word counts once, so six abbreviations cannot always carry a flag on their own.
    assert sum(flags) >= len(rows) // 2


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400), st.booleans())
def test_spin_never_raises_and_spans_are_valid(text: str, clean_first: bool) -> None:
    article = Article(id="h", raw_text=text, text=text, source=SourceRef("h"))
    if clean_first:
        article = clean(article)
    result = detect(article)
    assert 0.0 <= result.score <= 1.0
    json.dumps(localize(result.to_dict()))  # messages are rendered at the edge (Report.to_dict)
    _assert_spans_valid(article, result.evidence)
