"""One hoax estimate for news-like reports and social/chat posts: two calibrated models, mixed by form.

A forwarded WhatsApp message and a Kompas article are different populations: posts that reach
fact-checkers are mostly false, ordinary reports mostly not, and the wording that gives a hoax away
differs. So each population has its own model, trained and calibrated on its own data
(`train.POPULATIONS`), and the `form` signal's probability that the text is a post mixes them:

    p = P(post) * p_post + (1 - P(post)) * p_report       (threshold mixed the same way)

The `hoax` object names the population that dominates and what its probability is calibrated on;
the explanation says what moved it. Evidence found later (a same-claim fact-check, a copy or spin of
an indexed article) is folded in by `evidence.py` after the store look-ups.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from saring.article import Article, SignalResult
from saring.model.predict import (
    TOP_FEATURES,
    Contribution,
    Grams,
    HoaxModel,
    band_label,
    load_default_model,
    pushes,
)

POPULATIONS = ("report", "post")
CALIBRATED_FOR = {
    "report": "news-like articles about circulating rumours (Rahutomo 2014-2018, 38% hoax; "
    "ordinary 2019 news as background)",
    "post": "social-media and chat posts that reached fact-checkers (TurnBackHoax 2015-2021, "
    "BDC 2015-2020; most of them hoaxes)",
}
_READS_LIKE = {
    "report": "reads like a news report",
    "post": "reads like a social-media or forwarded chat post",
}
_CAVEAT = (
    "This is a risk estimate from form, wording and style, not a fact check: a true message can look "
    "like a rumour, and a false one like a report. Check the claims themselves."
)


@dataclass(frozen=True, slots=True)
class Mixed:
    """The estimate before it is written out: mixed probability and threshold, per-population parts."""

    probability: float
    threshold: float
    post_weight: float
    parts: dict[str, float]


class HoaxEstimator:
    """Both population models; `predict` is pure (well under a millisecond per model after load)."""

    def __init__(self, models: dict[str, HoaxModel]) -> None:
        self.models = models
        self.name = "saring-hoax-mix@" + "+".join(models[p].params.version for p in POPULATIONS)
        self.band = models["report"].params.uncertain_band
        self.shared_grams = models["report"].reads_like(models["post"])  # tokenise each text once

    def mix(
        self, text: str, results: list[SignalResult], post_weight: float, grams: Grams | None = None
    ) -> Mixed:
        parts = {p: self.models[p].probability(text, results, grams) for p in POPULATIONS}
        w = post_weight
        threshold = (
            w * self.models["post"].params.threshold + (1 - w) * self.models["report"].params.threshold
        )
        return Mixed(w * parts["post"] + (1 - w) * parts["report"], threshold, w, parts)

    def predict(self, article: Article, results: list[SignalResult]) -> dict[str, Any]:
        """The report's `hoax` object (report.schema.json)."""
        from saring.model.features import article_text

        form = form_result(article, results)
        text = article_text(article.title, article.text)
        grams = self.models["report"].grams(text) if self.shared_grams else None
        mixed = self.mix(text, results, form.score, grams)
        population = "post" if form.score >= 0.5 else "report"
        _, parts = self.models[population].contributions(text, results, TOP_FEATURES, grams)
        top = sorted((c for c in parts if abs(c.weight) > 1e-6), key=lambda c: -abs(c.weight))[:TOP_FEATURES]
        label = band_label(mixed.probability, mixed.threshold, self.band)
        return {
            "probability": round(mixed.probability, 4),
            "label": label,
            "model": self.name,
            "population": population,
            "post_probability": round(form.score, 4),
            "calibrated_for": CALIBRATED_FOR[population],
            "threshold": round(mixed.threshold, 4),
            "explanation": explain(mixed, label, population, form, top),
            "top_features": [c.to_dict() for c in top],
            "evidence": [],
        }


def form_result(article: Article, results: list[SignalResult]) -> SignalResult:
    """The `form` signal from the results, or computed here when the caller ran a subset of signals."""
    from saring.signals import form

    return next((r for r in results if r.name == form.NAME), None) or form.detect(article)


def explain(mixed: Mixed, label: str, population: str, form: SignalResult, top: list[Contribution]) -> str:
    """Plain words: the estimate, the form it was judged as, what pushed it, and the caveat."""
    verdict = {
        "hoax": "high for this kind of text",
        "not_hoax": "low for this kind of text",
        "uncertain": "neither clearly high nor clearly low",
    }[label]
    lines = [
        (
            f"Estimated hoax risk {mixed.probability:.0%} ({verdict}; the decision threshold here is "
            f"{mixed.threshold:.0%})."
        ),
        (
            f"The text {_READS_LIKE[population]}{_cues(form)}, so it is judged against "
            f"{CALIBRATED_FOR[population]}."
        ),
    ]
    p, w = mixed.parts, mixed.post_weight
    lines.append(
        f"Judged as a post it would be {p['post']:.0%}, as a report {p['report']:.0%}; the form weighs "
        f"them {w:.0%} to {1 - w:.0%}."
    )
    lines += pushes(top)
    lines.append(_CAVEAT)
    return " ".join(lines)


def _cues(form: SignalResult) -> str:
    """The form signal's cues in brackets ("(asks to be shared; no dateline)"), or nothing."""
    _, found, cues = form.summary.partition(": ")
    return f" ({cues.rstrip('.')})" if found else ""


@lru_cache(maxsize=1)
def load_default_estimator() -> HoaxEstimator:
    """The shipped estimator (both population models), loaded once per process."""
    return HoaxEstimator({p: load_default_model(p) for p in POPULATIONS})
