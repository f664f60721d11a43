"""Inference: one article + its signal results -> the report's `hoax` object, explained.

The score is a linear sum, so each n-gram's and each signal's share of it is exact: those shares are
the `top_features`, and the explanation names the largest ones in plain words. N-gram features are
word patterns of the distorted text ("kata * kepada", see `distort.py`), shown as such.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from saring.article import Article, SignalResult
from saring.errors import SaringError
from saring.model.calibrate import apply_platt
from saring.model.distort import MASK, NUMBER
from saring.model.features import article_text, feature_words, gram_at, gram_buckets, tfidf
from saring.model.params import ARTEFACT_STEM, ModelParams, load

TOP_FEATURES = 10
SIGNAL_WORDS = {  # how a signal reads in an explanation: (score above its training average, below it)
    "clickbait": ("a clickbait headline", "a plain headline"),
    "copy": ("copy-paste artefacts", "few copy-paste artefacts"),
    "attribution": ("weak attribution of sources", "well-attributed sources"),
    "spin": ("machine-spun wording", "natural wording"),
    "tone": ("a shouting or provocative tone", "a calm tone"),
}


@dataclass(frozen=True, slots=True)
class Contribution:
    feature: str
    weight: float
    kind: str  # "ngram" | "signal"

    def to_dict(self) -> dict[str, Any]:
        return {"feature": self.feature, "weight": round(self.weight, 4), "kind": self.kind}


class HoaxModel:
    """A loaded model; `predict` is pure and takes well under a millisecond for a 2 KB article."""

    def __init__(self, params: ModelParams) -> None:
        self.params = params
        self.name = params.model_id

    def contributions(
        self, text: str, results: list[SignalResult], limit: int | None = None
    ) -> tuple[float, list[Contribution]]:
        """(raw score, shares of it): every signal, and the n-grams (the `limit` largest, or all).

        The raw score is exact whatever `limit` is; only building the explanation objects is limited.
        """
        p = self.params
        words = feature_words(text, p.keep_words)  # patterns ("kata * kepada") when the model distorts
        idx = gram_buckets(words, p.spec.max_n, p.spec.n_hash)
        uniq, first, counts = np.unique(idx, return_index=True, return_counts=True)
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

    def probability(self, text: str, results: list[SignalResult]) -> float:
        raw, _ = self.contributions(text, results, limit=0)
        return float(apply_platt(np.array([raw]), self.params.platt)[0])

    def label(self, probability: float) -> str:
        band = self.params.uncertain_band
        if probability >= self.params.threshold + band:
            return "hoax"
        if probability <= self.params.threshold - band:
            return "not_hoax"
        return "uncertain"

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


def _signal_words(name: str, weight: float) -> str:
    up, down = SIGNAL_WORDS.get(name, (f"a high {name} score", f"a low {name} score"))
    return up if weight >= 0 else down


def _phrase(parts: list[Contribution]) -> str:
    words = [
        _signal_words(c.feature, c.weight) if c.kind == "signal" else f"\u201c{c.feature}\u201d"
        for c in parts
    ]
    return ", ".join(words[:-1]) + (" and " if len(words) > 1 else "") + words[-1]


def explain(prob: float, label: str, top: list[Contribution], unused: list[str] | None = None) -> str:
    """Plain-language summary: the verdict, what pushed it up or down, and how far to trust it."""
    verdict = {
        "hoax": "reads like the hoax articles the model was trained on",
        "not_hoax": "reads like the ordinary (non-hoax) articles the model was trained on",
        "uncertain": "is not clearly like either the hoax or the ordinary articles the model knows",
    }[label]
    lines = [f"Estimated hoax probability {prob:.0%}: the article {verdict}."]
    up = [c for c in top if c.weight > 0][:4]
    down = [c for c in top if c.weight < 0][:4]
    if up:
        lines.append(f"Pushing it up: {_phrase(up)}.")
    if down:
        lines.append(f"Pushing it down: {_phrase(down)}.")
    patterns = [w for c in up + down if c.kind == "ngram" for w in c.feature.split()]
    if {MASK, NUMBER} & set(patterns):
        lines.append(
            f"In the word patterns, {MASK} stands for any less common word and {NUMBER} for a number."
        )
    if any(w[0].isdigit() for w in patterns):  # common numbers are kept with their digits folded
        lines.append("Every digit is shown as 0 (0000 is any four-digit number, such as a year).")
    if unused:
        lines.append(
            f"It gives no weight to {_phrase([Contribution(n, 0.0, 'signal') for n in unused])} "
            "(they did not point to hoaxes in its training articles)."
        )
    lines.append(
        "This is a statistical estimate from wording and style, not a fact check; on topics it has not "
        "seen it is often wrong, so check the claims themselves."
    )
    return " ".join(lines)


@lru_cache(maxsize=1)
def load_default_model() -> HoaxModel:
    """The shipped model, loaded once per process."""
    folder = resources.files("saring.model").joinpath("data")
    try:
        npz = folder.joinpath(f"{ARTEFACT_STEM}.npz").read_bytes()
        meta = folder.joinpath(f"{ARTEFACT_STEM}.json").read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise SaringError("model_missing", f"{exc.filename} not found") from exc
    return HoaxModel(load(npz, meta))
