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
from saring.messages import Msg, msg
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
    # report: Rahutomo 2014-2018 (38% hoax) with ordinary 2019 news as background;
    # post: TurnBackHoax 2015-2021 and BDC 2015-2020 (most of them hoaxes)
    "report": msg("hoax.calibrated.report"),
    "post": msg("hoax.calibrated.post"),
}
_READS_LIKE = {"report": msg("hoax.reads_like.report"), "post": msg("hoax.reads_like.post")}
_LEVEL = {
    "hoax": msg("hoax.level.high"), "not_hoax": msg("hoax.level.low"), "uncertain": msg("hoax.level.unclear")
}


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


def explain(
    mixed: Mixed, label: str, population: str, form: SignalResult, top: list[Contribution]
) -> list[Msg]:
    """Plain words, a message per sentence: the estimate, the form it was judged as, what pushed it, and
    the caveat."""
    lines = [msg("hoax.risk", probability=mixed.probability, level=_LEVEL[label], threshold=mixed.threshold)]
    cues = _cues(form)
    reads, against = _READS_LIKE[population], CALIBRATED_FOR[population]
    lines.append(
        msg("hoax.judged_cues", reads=reads, cues=cues, against=against) if cues
        else msg("hoax.judged", reads=reads, against=against)
    )
    p, w = mixed.parts, mixed.post_weight
    lines.append(msg("hoax.mix", post=p["post"], report=p["report"], post_weight=w, report_weight=1 - w))
    lines += pushes(top)
    lines.append(msg("hoax.caveat"))
    return lines


def _cues(form: SignalResult) -> list[Msg]:
    """The form signal's cues behind its verdict ("asks to be shared", "no dateline"), or none."""
    from saring.signals.form import verdict_cues

    counts = form.details.get("counts")
    return verdict_cues(form.score, counts) if isinstance(counts, dict) else []


@lru_cache(maxsize=1)
def load_default_estimator() -> HoaxEstimator:
    """The shipped estimator (both population models), loaded once per process."""
    return HoaxEstimator({p: load_default_model(p) for p in POPULATIONS})
