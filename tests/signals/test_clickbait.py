"""Clickbait signal: seed headlines, learned cues, hand-set patterns, artefact, span validity."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from saring.article import Article, SourceRef
from saring.clean import clean
from saring.ingest.text import parse_text
from saring.messages import render
from saring.signals.clickbait import MODEL_JSON, MODEL_NPZ, detect, load_model, part_buckets
from saring.signals.clickbait_features import bucket, headline_features, headline_parts


def _seed(path: Path) -> Article:
    return clean(parse_text(path.read_text(encoding="utf-8"), SourceRef(str(path))))


def _headline(title: str) -> Article:
    return Article(id="t", raw_text="Isi berita.", title=title, text="Isi berita.")


def _covered(article: Article, part: str) -> bool:
    """True when evidence spans on the title jointly cover every character of `part`."""
    start = article.title.index(part)
    marked: set[int] = set()
    for ev in detect(article).evidence:
        if ev.field == "title":
            marked.update(range(ev.start, ev.end))
    return all(i in marked for i in range(start, start + len(part)))


def test_clickbait_seed_002_flagged_with_caps_and_look_below(seed_002: Path) -> None:
    article = _seed(seed_002)
    result = detect(article)
    assert result.flag and result.score >= result.threshold
    assert _covered(article, "ISIS AKHIRNYA MENGAKU KALAH DI IRAK DAN SURIYAH")
    assert _covered(article, "***LIHAT KETERANGAN DI BAWAH INI ***")
    codes = {e.why.code for e in result.evidence}
    assert {"clickbait.shouting", "clickbait.look_below"} <= codes
    assert "LIHAT" in render([e.why for e in result.evidence], "en")


def test_clickbait_seed_000_not_flagged(seed_000: Path) -> None:
    result = detect(_seed(seed_000))
    assert not result.flag
    assert result.score < result.threshold


@pytest.mark.parametrize(
    ("title", "cue"),
    [
        ("Begini Tanggapan Dian Sastro Usai Disebut Terlihat Bodoh", "Begini"),
        ("Alis Terasa Semakin Tipis? Cek Beberapa Penyebabnya", "?"),
        ("Viral! Driver Ojol di Bekasi Antar Pesanan Makanan Pakai Sepeda", "Viral"),
        ("Ternyata Ini Rahasia Kulit Glowing Artis Korea, Kamu Wajib Coba", "Ternyata"),
    ],
)
def test_clickbait_teaser_headlines_flagged_with_cue(title: str, cue: str) -> None:
    result = detect(_headline(title))
    assert result.flag
    assert any(cue in e.text for e in result.evidence)


@pytest.mark.parametrize(
    "title",
    [
        "Kemensos Salurkan Rp 7,3 M bagi Korban Kerusuhan Sosial di Papua",
        "Jokowi Bertemu Penasihat Xi Jinping Bahas Soal Ekspor CPO ke Cina",
        "Bank Indonesia Pertahankan Suku Bunga Acuan 5,25 Persen",
    ],
)
def test_clickbait_plain_news_headlines_not_flagged(title: str) -> None:
    assert not detect(_headline(title)).flag


def test_clickbait_no_headline_scores_zero() -> None:
    result = detect(Article(id="t", raw_text="Isi.", text="Isi berita tanpa judul."))
    assert result.score == 0.0 and not result.flag and result.evidence == []
    assert result.summary.code == "clickbait.no_headline"


def test_clickbait_artefact_is_safe_and_cached() -> None:
    import numpy as np

    with np.load(MODEL_NPZ, allow_pickle=False) as arrays:  # raises if the file held pickled objects
        assert set(arrays.files) == {"weights", "idf"}
    assert MODEL_JSON.stat().st_size + MODEL_NPZ.stat().st_size < 3_000_000
    assert load_model() is load_model()
    assert 0.3 <= load_model().threshold <= 0.7


def test_clickbait_features_point_into_title() -> None:
    title = "5 Fakta Mengejutkan... Kamu: Wajib Tahu?"
    feats = headline_features(title)
    assert {"s:startdigit", "s:ellipsis", "s:colon", "s:endq"} <= {f.name for f in feats}
    assert all(0 <= f.start <= f.end <= len(title) for f in feats)


@given(st.one_of(st.text(max_size=80), st.sampled_from(["5 Fakta Mengejutkan... Kamu: Wajib Tahu?", "Wow!"])))
def test_clickbait_scoring_buckets_are_the_training_features_buckets(title: str) -> None:
    """Scoring hashes a word's n-grams once per word; training hashes every feature name: same buckets."""
    n = load_model().n_buckets
    scored = [b for ids in part_buckets(load_model(), headline_parts(title)) for b in ids]
    assert scored == [bucket(f.name, n) for f in headline_features(title)]
