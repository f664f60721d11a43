"""Clickbait headline: a linear model learned from CLICK-ID plus a few patterns CLICK-ID never shows.

The model is logistic regression over hashed word, character and shape features of the headline
(`clickbait_features`), trained by ``python -m saring.signals.train_clickbait`` and shipped as
`data/clickbait.npz` (weights, idf) + `data/clickbait.json` (bias, threshold, measured F1). Being
linear, every feature's share of the log-odds is exact, so the evidence is the headline tokens that
pushed the score up, not a post-hoc guess.

CLICK-ID is mainstream outlets only: none of its 15,000 headlines is in capitals or carries "***" or
"LIHAT ... DI BAWAH INI", yet these are the marks of hoax-blog clickbait. `PATTERNS` add them as
hand-set prior log-odds (`PATTERN_LOGIT`, not learned; each is enough to flag a neutral headline on
its own). How often they fire on CLICK-ID is printed by ``benchmarks/clickbait_eval.py``.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from itertools import chain
from operator import mul
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from saring.article import Article, Evidence, SignalResult, evidence_at
from saring.messages import Msg, msg
from saring.signals.clickbait_features import (
    SHAPE_WHY,
    Feature,
    Part,
    WordGrams,
    bucket,
    headline_parts,
    ngram_buckets,
)
from saring.signals.tone import shouting_headline

if TYPE_CHECKING:
    import numpy as np

NAME = "clickbait"
VERSION = "clickbait.v1"
DATA = Path(__file__).resolve().parent / "data"
MODEL_NPZ = DATA / "clickbait.npz"
MODEL_JSON = DATA / "clickbait.json"

PATTERN_LOGIT = 2.5  # prior log-odds per pattern; re-tune with the model threshold
MIN_EVIDENCE_LOGIT = 0.25  # a token must add at least this much log-odds to be shown
MAX_EVIDENCE = 6
_TEASERS = frozenset(
    "begini inilah ini dia ternyata bikin viral wow heboh intip simak cek lihat yuk terungkap rahasia".split()
)
_SECOND_PERSON = frozenset("kamu anda kalian kau lo lu".split())


class Pattern(NamedTuple):
    name: str
    regex: re.Pattern[str]
    why: Msg


PATTERNS: tuple[Pattern, ...] = (
    Pattern(
        "look_below",
        re.compile(
            r"(?:\*+\s*)?\b(?:lihat|baca|cek|simak|tonton|klik|buka)\b[^\n]{0,40}?"
            r"\b(?:di\s*bawah(?:\s+ini)?|berikut(?:\s+ini)?|selengkapnya|di\s*sini|videonya|link(?:nya)?)\b(?:\s*\*+)?",
            re.IGNORECASE,
        ),
        msg("clickbait.look_below"),
    ),
    Pattern("repeated_marks", re.compile(r"\*{2,}|[!?]{2,}"), msg("clickbait.repeated_marks")),
)


@dataclass(frozen=True, slots=True)
class Model:
    """The shipped weights; `threshold` is the flag cut-off on the probability."""

    weights: np.ndarray
    idf: np.ndarray
    bias: float
    threshold: float
    n_buckets: int


@cache
def load_model() -> Model:
    """Load the artefacts once per process (numpy is imported here, not at module import)."""
    import numpy as np

    meta = json.loads(MODEL_JSON.read_text(encoding="utf-8"))
    with np.load(MODEL_NPZ, allow_pickle=False) as arrays:
        weights, idf = arrays["weights"].astype(np.float64), arrays["idf"].astype(np.float64)
    return Model(weights, idf, float(meta["bias"]), float(meta["threshold"]), int(meta["n_buckets"]))


def part_buckets(model: Model, parts: list[Part]) -> list[tuple[int, ...]]:
    """The bucket of each feature, grouped by part (a word's n-grams come from a per-word cache)."""
    n = model.n_buckets
    return [ngram_buckets(p.word, n) if isinstance(p, WordGrams) else (bucket(p.name, n),) for p in parts]


def model_logit(model: Model, buckets: list[tuple[int, ...]]) -> tuple[float, dict[int, float]]:
    """The model's log-odds and each bucket's exact share of it per occurrence (tf-idf, L2-normalised,
    as trained). Buckets are counted in first-seen feature order, which fixes the float sums."""
    import numpy as np

    counts = Counter(chain.from_iterable(buckets))
    keys = np.fromiter(counts, dtype=np.int64, count=len(counts))
    n = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
    x = (1.0 + np.log(n)) * model.idf[keys]
    norm = float(np.sqrt(x @ x)) or 1.0
    per_key = (model.weights[keys] * x / norm / n).tolist()
    logit = model.bias + sum(map(mul, per_key, counts.values()))
    return logit, dict(zip(counts, per_key, strict=True))


def detect(article: Article) -> SignalResult:
    """Score the headline; evidence: the patterns found, and when flagged the tokens that raised the score."""
    model = load_model()
    if not article.title.strip():
        return SignalResult(NAME, VERSION, 0.0, False, model.threshold, msg("clickbait.no_headline"))
    parts = headline_parts(article.title)
    buckets = part_buckets(model, parts)
    logit, share = model_logit(model, buckets)
    named = pattern_evidence(article)
    found = [e for _, e in named]
    total = logit + PATTERN_LOGIT * len(found)
    score = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))
    flag = score >= model.threshold
    evidence = found + (_model_evidence(article, parts, buckets, share) if flag else [])
    summary = msg("clickbait.summary_flag", score=score) if flag else msg("clickbait.summary_ok", score=score)
    details: dict[str, object] = {"model_logit": round(logit, 3), "patterns": [name for name, _ in named]}
    evidence = evidence[:MAX_EVIDENCE]
    return SignalResult(NAME, VERSION, score, flag, model.threshold, summary, evidence, details)


def pattern_evidence(article: Article) -> list[tuple[str, Evidence]]:
    """(pattern name, evidence) of each hand-set pattern in the headline ("shouting" = capitals)."""
    title = article.title
    found: list[tuple[str, Evidence]] = []
    run = shouting_headline(title)
    if run is not None:
        found.append(("shouting", evidence_at(article, *run, msg("clickbait.shouting"), "title")))
    for pattern in PATTERNS:
        m = pattern.regex.search(title)
        if m is not None and m.end() > m.start():
            found.append((pattern.name, evidence_at(article, m.start(), m.end(), pattern.why, "title")))
    return found


def _model_evidence(
    article: Article, parts: list[Part], buckets: list[tuple[int, ...]], share: dict[int, float]
) -> list[Evidence]:
    """Sum shares per token (bigrams split between their two tokens), keep the strongest positive ones."""
    per_span: defaultdict[tuple[int, int], float] = defaultdict(float)
    bigrams: list[tuple[Feature, float]] = []
    names: dict[tuple[int, int], str] = {}  # shape feature of a span, for the explanation
    for part, ids in zip(parts, buckets, strict=True):
        span = part[1:]  # (start, end)
        if isinstance(part, WordGrams):
            total = per_span[span]
            for i in ids:  # one addition per n-gram, in feature order: the same float sums as per feature
                total += share[i]
            per_span[span] = total
            continue
        kind = part.name[:2]
        if kind == "b:":
            bigrams.append((part, share[ids[0]]))
        elif kind != "g:":
            per_span[span] += share[ids[0]]
            if kind == "s:":
                names[span] = part.name
    for feat, s in bigrams:
        inside = [span for span in per_span if feat.start <= span[0] and span[1] <= feat.end]
        for span in inside:
            per_span[span] += s / len(inside)
    ranked = sorted(per_span.items(), key=lambda item: -item[1])[:MAX_EVIDENCE]
    strong = [(span, s) for span, s in ranked if s >= MIN_EVIDENCE_LOGIT]
    return [evidence_at(article, *span, _why(article.title[span[0] : span[1]], names.get(span), s), "title")
            for span, s in sorted(strong)]


def _why(text: str, shape: str | None, share: float) -> Msg:
    word = text.lower()
    if word in _TEASERS:
        kind = msg("clickbait.kind.teaser")
    elif word in _SECOND_PERSON:
        kind = msg("clickbait.kind.second_person")
    elif word == "!":
        kind = msg("clickbait.kind.exclamation")
    elif shape in SHAPE_WHY:
        kind = SHAPE_WHY[shape]
    else:
        kind = msg("clickbait.kind.word_pattern")
    return msg("clickbait.learned", kind=kind, share=share)
