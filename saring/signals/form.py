"""Form: does the text read like a news report or like a social-media / chat post?

Most Indonesian hoaxes travel as forwarded chat messages and posts, and a post is judged differently
from a report (the hoax estimate is calibrated per form, `saring/model/estimate.py`). The score is the
probability of "post" from a logistic regression on the counts of the cues in `form_cues.py`
(log(1 + count) per cue, plus log(1 + words)); weights in `data/form.json` were learned by
`python -m saring.signals.train_form` from TurnBackHoax/BDC narratives (posts) against Rahutomo
articles and 2019 news of outlets other than Kompas/Tempo (reports). Measured leave-outlet-out and on
2024 rumours: docs/signals.md.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from functools import cache
from pathlib import Path

from saring.article import Article, SignalResult, evidence_at
from saring.messages import Msg, msg
from saring.signals.form_cues import CUES, Cue, find_cues, word_count

__all__ = [
    "CUES", "FEATURES", "THRESHOLD", "VERSION", "all_cues", "detect", "features", "post_probability",
    "verdict_cues",
]

NAME = "form"
VERSION = "form.v1"
MODEL_JSON = Path(__file__).resolve().parent / "data" / "form.json"
THRESHOLD = 0.5  # flag = "post": the model's own decision boundary (class-balanced fit)
FEATURES = (*CUES, "log_words")
_MAX_EVIDENCE = 12


@cache
def weights() -> tuple[float, dict[str, float]]:
    """(intercept, weight per feature) of the shipped model, loaded once per process."""
    doc = json.loads(MODEL_JSON.read_text(encoding="utf-8"))
    return float(doc["intercept"]), {k: float(v) for k, v in doc["weights"].items()}


def all_cues(article: Article) -> list[Cue]:
    return find_cues(article.title, "title") + find_cues(article.text, "text")


def features(cues: list[Cue], n_words: int) -> dict[str, float]:
    """log(1 + count) of every cue kind and of the word count: the model's inputs."""
    counts = Counter(c.kind for c in cues)
    return {**{k: math.log1p(counts[k]) for k in CUES}, "log_words": math.log1p(n_words)}


def post_probability(values: dict[str, float]) -> float:
    intercept, w = weights()
    z = intercept + sum(w[k] * values[k] for k in FEATURES)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def detect(article: Article) -> SignalResult:
    cues = all_cues(article)
    n_words = word_count(article.title) + word_count(article.text)
    score = post_probability(features(cues, n_words))
    _, w = weights()
    # Evidence: the cues that point the way of the verdict, strongest weight first.
    toward = [c for c in cues if (w[c.kind] > 0) == (score >= THRESHOLD)]
    toward.sort(key=lambda c: (-abs(w[c.kind]), c.field != "title", c.start))
    evidence = [evidence_at(article, c.start, c.end, CUES[c.kind], c.field) for c in toward[:_MAX_EVIDENCE]]
    counts = dict(Counter(c.kind for c in cues))
    flag = score >= THRESHOLD
    details: dict[str, object] = {"form": "post" if flag else "report", "counts": counts, "words": n_words}
    return SignalResult(NAME, VERSION, score, flag, THRESHOLD, summary(score, counts), evidence, details)


def summary(score: float, counts: dict[str, int]) -> Msg:
    """What the text reads like, with the cues that say so (`cues`)."""
    found = verdict_cues(score, counts)
    if score >= THRESHOLD:
        return msg("form.summary_post_cues", cues=found) if found else msg("form.summary_post")
    return msg("form.summary_report_cues", cues=found) if found else msg("form.summary_report")


_MISSING = {
    "dateline": msg("form.missing.dateline"),
    "outlet": msg("form.missing.outlet"),
    "attributed": msg("form.missing.attributed"),
}


def verdict_cues(score: float, counts: dict[str, int]) -> list[Msg]:
    """The cues behind the verdict in words: for a post, up to three post cues found and the report cues
    missing; for a report, up to three report cues found. The hoax explanation names them too."""
    _, w = weights()
    if score >= THRESHOLD:
        has = [CUES[k] for k in CUES if counts.get(k) and w[k] > 0][:3]
        return has + [_MISSING[k] for k in _MISSING if not counts.get(k)]
    return [CUES[k] for k in CUES if counts.get(k) and w[k] < 0][:3]
