"""Bigram scoring of synonyms in context (shipped statistics)."""

from __future__ import annotations

import numpy as np

from saring.lexicon.collocations import load_collocations
from saring.lexicon.tokens import tokenize
from saring.signals.spin import load_calibration


def _suspicion(text: str, word: str) -> tuple[float, str]:
    col, mu = load_collocations(), load_calibration().mu
    tokens = tokenize(text)
    pos = next(i for i, t in enumerate(tokens) if t.norm == word)
    s = col.suspicions(col.ids(tokens), np.array([pos]), mu)
    return float(s.suspicion[0]), col.words[s.best[0]]


def test_collocations_spun_word_is_suspicious_and_original_is_not() -> None:
    nats, best = _suspicion("Amerika mulai melancarkan serangan hawa, kata dia.", "hawa")
    assert best == "udara" and nats > 5
    assert _suspicion("Amerika mulai melancarkan serangan udara, kata dia.", "udara")[0] < 0


def test_collocations_counts_are_lookups_of_the_corpus() -> None:
    col = load_collocations()
    assert col.pair("serangan", "udara") > col.pair("serangan", "hawa")
    assert col.count("udara") > col.count("hawa") > 0
    assert col.pair("tidak-ada-kata-ini", "udara") == 0
