"""Signal registry: snapshot of names and versions (a contract with stored reports), and invariants
every signal keeps on any input.

To add a signal, add its line to `EXPECTED` (and bump the version there when its output changes).
"""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saring.article import Article, SignalResult
from saring.signals import SIGNALS, run_signals

EXPECTED: dict[str, str] = {
    "attribution": "attribution.v1",
    "clickbait": "clickbait.v1",
    "copy": "copy.v1",
    "form": "form.v1",
    "scam": "scam.v1",
    "spin": "spin.v3",
    "tone": "tone.v1",
}
ARTICLE_FIELDS = {f.name for f in dataclasses.fields(Article)}


def test_registry_snapshot() -> None:
    assert {name: spec.version for name, spec in SIGNALS.items()} == EXPECTED


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_registry_entry_is_consistent(name: str) -> None:
    spec = SIGNALS[name]
    assert spec.name == name and spec.version.startswith(f"{name}.v")
    assert spec.description and set(spec.needs) <= ARTICLE_FIELDS


def test_registry_runs_every_signal_on_a_small_article() -> None:
    text = "Presiden meresmikan jembatan baru di Kalimantan, kata juru bicara istana kepada wartawan."
    article = Article(id="r", raw_text=text, title="Presiden Resmikan Jembatan Baru", text=text,
                      paragraphs=[(0, len(text))], lang="id")
    results = run_signals(article)
    assert [r.name for r in results] == list(SIGNALS)
    assert all(isinstance(r, SignalResult) and r.version == EXPECTED[r.name] for r in results)
    assert all(0.0 <= r.score <= 1.0 for r in results)


@pytest.mark.parametrize("name", sorted(EXPECTED))
@settings(max_examples=100, deadline=None)
@given(title=st.text(max_size=160), text=st.text(max_size=400))
def test_registry_signal_never_raises_and_spans_are_valid(name: str, title: str, text: str) -> None:
    paragraphs = [(0, len(text))] if text else []
    article = Article(id="h", raw_text=text, title=title, text=text, paragraphs=paragraphs)
    result = SIGNALS[name].detect(article)
    assert 0.0 <= result.score <= 1.0
    for ev in result.evidence:
        source = article.title if ev.field == "title" else article.text
        assert 0 <= ev.start < ev.end <= len(source)
        assert source[ev.start : ev.end] == ev.text
