"""Inference: one article + its signal results -> the report's `hoax` object, explained.

The score is a linear sum, so each n-gram's and each signal's share of it is exact: those shares are
the `top_features`, and the explanation names the largest ones in plain words. N-gram features are
word patterns of the distorted text ("kata * kepada", see `distort.py`), shown as such.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

import numpy as np

from saring.article import Article, SignalResult
from saring.errors import SaringError
from saring.messages import Msg, msg
from saring.model.calibrate import apply_platt
from saring.model.distort import MASK, NUMBER
from saring.model.features import article_text, feature_words, gram_at, gram_buckets, tfidf
from saring.model.params import POPULATION_STEMS, ModelParams, load

TOP_FEATURES = 10
# How a signal reads in an explanation: (score above its training average, below it).
SIGNAL_WORDS: dict[str, tuple[Msg, Msg]] = {
    "clickbait": (msg("hoax.signal.clickbait_up"), msg("hoax.signal.clickbait_down")),
    "copy": (msg("hoax.signal.copy_up"), msg("hoax.signal.copy_down")),
    "attribution": (msg("hoax.signal.attribution_up"), msg("hoax.signal.attribution_down")),
    "spin": (msg("hoax.signal.spin_up"), msg("hoax.signal.spin_down")),
    "tone": (msg("hoax.signal.tone_up"), msg("hoax.signal.tone_down")),
    "form": (msg("hoax.signal.form_up"), msg("hoax.signal.form_down")),
    "scam": (msg("hoax.signal.scam_up"), msg("hoax.signal.scam_down")),
}


class Grams(NamedTuple):
    """A text's distorted words and the buckets of its n-grams (unique, first position, count)."""

    words: list[str]
    uniq: np.ndarray
    first: np.ndarray
    counts: np.ndarray


@dataclass(frozen=True, slots=True)
class Contribution:
    feature: str
    weight: float
    kind: str  # "ngram" | "signal"

    def to_dict(self) -> dict[str, Any]:
        """A signal's share also says in words what it stands for (`label`: "a clickbait headline")."""
        out: dict[str, Any] = {"feature": self.feature, "weight": round(self.weight, 4), "kind": self.kind}
        if self.kind == "signal":
            out["label"] = signal_words(self.feature, self.weight)
        return out


class HoaxModel:
    """A loaded model; `predict` is pure and takes well under a millisecond for a 2 KB article."""

    def __init__(self, params: ModelParams) -> None:
        self.params = params
        self.name = params.model_id

    def grams(self, text: str) -> Grams:
        p = self.params
        words = feature_words(text, p.keep_words)  # patterns ("kata * kepada") when the model distorts
        idx = gram_buckets(words, p.spec.max_n, p.spec.n_hash)
        uniq, first, counts = np.unique(idx, return_index=True, return_counts=True)
        return Grams(words, uniq, first, counts)

    def reads_like(self, other: HoaxModel) -> bool:
        """Same words and n-grams (spec and kept words): one `Grams` serves both models."""
        return self.params.spec == other.params.spec and self.params.keep_words == other.params.keep_words

    def contributions(
        self, text: str, results: list[SignalResult], limit: int | None = None, grams: Grams | None = None
    ) -> tuple[float, list[Contribution]]:
        """(raw score, shares of it): every signal, and the n-grams (the `limit` largest, or all).

        The raw score is exact whatever `limit` is; only building the explanation objects is limited.
        `grams` (of this text, from a model that `reads_like` this one) saves tokenising it again.
        """
        p = self.params
        words, uniq, first, counts = grams or self.grams(text)
        cols, values = tfidf((uniq, 1.0 + np.log(counts)), p.idf)
        shares = p.coef[cols] * values
        order = np.argsort(-np.abs(shares))[:limit]
        where = first[np.searchsorted(uniq, cols[order])]
        out = [
            Contribution(gram_at(words, int(w)), float(shares[o]), "ngram")
            for o, w in zip(order, where, strict=True)
        ]
        values_by_name = {r.name: float(r.score) for r in results}
        for j, name in enumerate(p.signals):
            value = values_by_name.get(name, float(p.signal_mean[j]))  # a missing signal counts as "typical"
            share = float(p.signal_coef[j] * p.spec.signal_scale * (value - p.signal_mean[j]))
            out.append(Contribution(name, share, "signal"))
        return p.intercept + float(shares.sum()) + sum(c.weight for c in out if c.kind == "signal"), out

    def probability(self, text: str, results: list[SignalResult], grams: Grams | None = None) -> float:
        raw, _ = self.contributions(text, results, limit=0, grams=grams)
        return float(apply_platt(np.array([raw]), self.params.platt)[0])

    def label(self, probability: float) -> str:
        return band_label(probability, self.params.threshold, self.params.uncertain_band)

    def predict(self, article: Article, results: list[SignalResult]) -> dict[str, Any]:
        """The report's `hoax` object (see saring/report/report.schema.json)."""
        raw, parts = self.contributions(article_text(article.title, article.text), results, TOP_FEATURES)
        prob = float(apply_platt(np.array([raw]), self.params.platt)[0])
        top = sorted((c for c in parts if abs(c.weight) > 1e-6), key=lambda c: -abs(c.weight))[:TOP_FEATURES]
        label = self.label(prob)
        unused = [
            n for n, c in zip(self.params.signals, self.params.signal_coef, strict=True) if abs(c) < 1e-9
        ]
        return {
            "probability": round(prob, 4),
            "label": label,
            "model": self.name,
            "explanation": explain(prob, label, top, unused),
            "top_features": [c.to_dict() for c in top],
        }


def signal_words(name: str, weight: float) -> Msg:
    """A signal's share in words: what a high (weight >= 0) or low score of it stands for."""
    up, down = SIGNAL_WORDS.get(name) or (
        msg("hoax.signal.other_up", name=name), msg("hoax.signal.other_down", name=name)
    )
    return up if weight >= 0 else down


def band_label(probability: float, threshold: float, band: float) -> str:
    """`hoax` at threshold + band or above, `not_hoax` at threshold - band or below, else `uncertain`."""
    if probability >= threshold + band:
        return "hoax"
    return "not_hoax" if probability <= threshold - band else "uncertain"


def phrase(parts: list[Contribution]) -> list[Msg | str]:
    """The contributions as words to list: a signal by what it stands for, a word pattern in quotes."""
    return [
        signal_words(c.feature, c.weight) if c.kind == "signal" else f"\u201c{c.feature}\u201d" for c in parts
    ]


_VERDICT = {
    "hoax": msg("hoax.model.verdict_hoax"),
    "not_hoax": msg("hoax.model.verdict_not_hoax"),
    "uncertain": msg("hoax.model.verdict_uncertain"),
}


def explain(prob: float, label: str, top: list[Contribution], unused: list[str] | None = None) -> list[Msg]:
    """Plain-language summary (one message per sentence): the verdict, what pushed it up or down, and
    how far to trust it."""
    lines = [msg("hoax.model.estimate", probability=prob, verdict=_VERDICT[label]), *pushes(top)]
    if unused:
        ignored = phrase([Contribution(n, 0.0, "signal") for n in unused])
        lines.append(msg("hoax.model.unused", signals=ignored))
    lines.append(msg("hoax.model.caveat"))
    return lines


def pushes(top: list[Contribution]) -> list[Msg]:
    """What pushed the estimate up and down (four of each at most), then how to read the patterns."""
    up = [c for c in top if c.weight > 0][:4]
    down = [c for c in top if c.weight < 0][:4]
    lines = [msg("hoax.push_up", items=phrase(up))] if up else []
    lines += [msg("hoax.push_down", items=phrase(down))] if down else []
    return lines + pattern_notes(up + down)


def pattern_notes(shown: list[Contribution]) -> list[Msg]:
    """How to read the word patterns among the shown contributions (masked words, folded digits)."""
    patterns = [w for c in shown if c.kind == "ngram" for w in c.feature.split()]
    notes = []
    if {MASK, NUMBER} & set(patterns):
        notes.append(msg("hoax.note.patterns", mask=MASK, number=NUMBER))
    if any(w[0].isdigit() for w in patterns):  # common numbers are kept with their digits folded
        notes.append(msg("hoax.note.digits"))
    return notes


@lru_cache(maxsize=2)
def load_default_model(population: str = "report") -> HoaxModel:
    """The shipped model of one population ("report" or "post"), loaded once per process."""
    folder = resources.files("saring.model").joinpath("data")
    stem = POPULATION_STEMS[population]
    try:
        npz = folder.joinpath(f"{stem}.npz").read_bytes()
        meta = folder.joinpath(f"{stem}.json").read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise SaringError("model_missing", msg("errors.detail.no_such_file", path=exc.filename)) from exc
    return HoaxModel(load(npz, meta))
