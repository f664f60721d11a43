"""The lower-cased fast path of check-worthiness scores exactly as the plain `score_sentence` does:
on the seeds, on real 2019 news and 2024 rumours, and on random strings (Hypothesis)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from saring.article import Article
from saring.claims.checkworthy import (
    ClaimSentence,
    _score,
    checkworthy_sentences,
    score_sentence,
)
from saring.nlp.casefold import lowers_safely
from saring.nlp.sentences import split_sentences
from tests.conftest import DATA, SEEDS, need


def _plain(text: str) -> list[ClaimSentence]:
    """Every sentence scored by the plain form (min_score 0, no limit)."""
    out = []
    for start, end in split_sentences(text):
        result = score_sentence(text[start:end])
        out.append(ClaimSentence(start, end, text[start:end], result.score, result.reasons))
    return out


def _assert_same(text: str) -> None:
    article = Article(id="t", raw_text=text, text=text)
    assert checkworthy_sentences(article, 0.0, 10**6) == _plain(text)


def test_seeds_score_the_same() -> None:
    paths = sorted(need(SEEDS).glob("*.txt"))
    assert paths
    for path in paths:
        _assert_same(path.read_text(encoding="utf-8"))


@pytest.mark.data
@pytest.mark.parametrize(
    ("corpus", "n"),
    [
        ("clickid_raw_articles_2019/normalized.jsonl", 200),
        ("turnbackhoax_2024_alharkan7/normalized.jsonl", 200),
    ],
)
def test_real_texts_score_the_same(corpus: str, n: int) -> None:
    path: Path = need(DATA / corpus)
    with path.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in itertools.islice(f, n)]
    assert sum(lowers_safely(t) for t in texts) > n // 2  # the fast path is what is being compared
    for text in texts:
        _assert_same(text)


_VOCAB = [
    "Semua",
    "SEMUA",
    "menurut",
    "Menurut",
    "KATA",
    "Rp",
    "RP",
    "10%",
    "%",
    "Januari",
    "jum'at",
    "Jum'at",
    "rumah sakit",
    "RUMAH SAKIT",
    "Undang-Undang",
    "sepanjang sejarah",
    "(12/3)",
    "2019",
    "dua",
    "Saya",
    "I",
    "i",
    "We",
    "baca juga",
    "Bagikan!",
    "?",
    "“",
    "”",
    '"',
    "Presiden",
    "BNPB",
    "vaksin",
    "terbesar",
    "ſemua",
    "KATA",
    "Kata",
    "ıtu",
    "İbu",
    "é",
    "Ä",
    "—",
    "_",
    "x",
    "7",
    ",",
    ".",
    " ",
    "\n",
]


@given(st.lists(st.sampled_from(_VOCAB), max_size=25).map("".join))
def test_fast_path_equals_plain_on_random_strings(sentence: str) -> None:
    if lowers_safely(sentence):
        assert _score(sentence, sentence.lower()) == score_sentence(sentence)
    _assert_same(sentence)


@given(st.text(max_size=40))
def test_fast_path_equals_plain_on_any_unicode(sentence: str) -> None:
    if lowers_safely(sentence):
        assert _score(sentence, sentence.lower()) == score_sentence(sentence)


def test_case_folding_characters_take_the_plain_path() -> None:
    # re.I matches the long s, Kelvin sign and dotless i as ASCII letters; lower() would not.
    for sentence in ("Hampir ſemua warga", "10 \u212ag beras", "kıta semua", "İbu kota"):
        assert not lowers_safely(sentence)
    assert "superlative" in score_sentence("Hampir ſemua warga menerima bantuan 10 juta rupiah.").reasons
