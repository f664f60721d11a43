"""Same claim or only the same topic: a calibrated probability for a (query, fact-check) pair.

Why: a fused search score says how close a fact-check is, not whether it checks *this* claim. Ordinary
news about forest fires is close to "Kebakaran Hutan di Kalimantan Tengah", a short generic title
("Saya kira ini tanda-tanda") is fully covered by any post that says "kira" and "tanda", and some titles
are close to everything in embedding space (hubs). A wrong "already debunked" discredits true news, so a
match is shown only when a logistic model, trained on pairs from the shared data
(`benchmarks/claims_train.py`, weights in `match_model.json`), gives it a high probability of being the
same claim. Its evidence: the lexical and dense scores, the margin over the next candidate, term coverage
both ways, names and numbers shared or missing, lengths, and the fact-check's *hubness* (its mean
cosine to its 100 nearest neighbours among a fixed background of ordinary news sentences,
`background.npz`; CSLS-style: a cosine counts for less when the fact-check is close to everything).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np

from saring.claims.terms import search_terms

if TYPE_CHECKING:
    from saring.claims.retrieval import FactCheckIndex, Match, Scores

Relation = Literal["same_claim", "related"]
MODEL_PATH = Path(__file__).with_name("match_model.json")
BACKGROUND_PATH = Path(__file__).with_name("background.npz")
HUB_NEIGHBOURS = 100
FEATURES = (
    "dense",
    "hubness",
    "lexical",
    "bm25",
    "coverage",
    "query_coverage",
    "fc_missing_rare",
    "margin",
    "dense_margin",
    "rank1",
    "names_shared",
    "names_query_only",
    "numbers_shared",
    "numbers_conflict",
    "log_query_terms",
    "log_fc_terms",
    "foreign",
    "dense_x_foreign",
    "dense_x_coverage",
    "coverage_x_fc_terms",
)
# A capitalised word past a sentence start, or an acronym; ignored in texts that are mostly capitalised
# (Title Case fact-check titles, shouting posts), where capitals say nothing about names.
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+|[A-Z]{2,6})\b")
_NUMBER = re.compile(r"\d+")
# A pair that shares names is the same claim only if the query says at least half (by idf) of what the
# fact-check says beyond those names: on ordinary news the matcher's wrong "same claim" pairs were
# mostly an entity in the news and a scam or rumour title about it (docs/claims.md, "Names alone").
# Pairs in two languages (no shared words to count; told by the stored language, else by identifying
# both texts, only when the rule would apply) and pairs sharing no name are left to the model.
MIN_PREDICATE_COVERAGE = 0.5


@dataclass(frozen=True, slots=True)
class Query:
    """What every candidate of one query is compared with: its terms, names and numbers."""

    text: str
    terms: frozenset[str]
    names: frozenset[str]  # stemmed terms of the capitalised words
    numbers: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Query:
        return cls(text, frozenset(search_terms(text)), _names(text), frozenset(_NUMBER.findall(text)))


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a pair was judged as it was, in words a reader can check."""

    shared_terms: tuple[str, ...]  # the query's own words whose terms the fact-check has, rarest first
    shared_names: tuple[str, ...]
    shared_numbers: tuple[str, ...]
    other_numbers: tuple[str, ...]  # numbers of the fact-check that the query does not have

    def to_dict(self) -> dict[str, list[str]]:
        return {
            "shared_terms": list(self.shared_terms),
            "shared_names": list(self.shared_names),
            "shared_numbers": list(self.shared_numbers),
            "other_numbers": list(self.other_numbers),
        }


@dataclass(slots=True)
class Decision:
    """A searched fact-check with the probability that it states the query's claim."""

    match: Match
    probability: float
    relation: Relation | None  # None: below the `related` threshold (not reported)
    reason: Reason

    def to_dict(self) -> dict[str, object]:
        """The `matches` item of a report claim: the fact-check, its scores, probability and reason."""
        out = self.match.to_dict()
        out |= {
            "probability": round(self.probability, 4),
            "relation": self.relation,
            "reason": self.reason.to_dict(),
        }
        return out


@dataclass(frozen=True, slots=True)
class MatchModel:
    """Standardised logistic regression over `FEATURES` and the thresholds chosen with it."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    same_claim: float  # probability at or above which a match is the same claim (chosen for precision)
    related: float  # at or above this (and below `same_claim`): same topic, another claim

    def probability(self, features: np.ndarray) -> np.ndarray:
        z = ((features - self.mean) / self.scale) @ self.coef + self.intercept
        p: np.ndarray = 1.0 / (1.0 + np.exp(-z))
        return p

    def relation(self, probability: float) -> Relation | None:
        if probability >= self.same_claim:
            return "same_claim"
        return "related" if probability >= self.related else None


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> MatchModel:
    """The shipped weights (see `provenance` in the JSON); features must be listed in the same order."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{path}: features {data['features']} differ from the code's {FEATURES}")
    return MatchModel(
        np.array(data["mean"]),
        np.array(data["scale"]),
        np.array(data["coef"]),
        float(data["intercept"]),
        float(data["thresholds"]["same_claim"]),
        float(data["thresholds"]["related"]),
    )


def hubness(matrix: np.ndarray, background: np.ndarray | None = None) -> np.ndarray:
    """Mean cosine of each fact-check vector to its `HUB_NEIGHBOURS` nearest background sentences."""
    bg = _background() if background is None else background
    if not len(matrix) or not len(bg):
        return np.zeros(len(matrix), dtype=np.float32)
    k = min(HUB_NEIGHBOURS, len(bg))
    out = np.empty(len(matrix), dtype=np.float32)
    for start in range(0, len(matrix), 2048):  # bounded memory for large stores
        sims = matrix[start : start + 2048] @ bg.T
        out[start : start + 2048] = np.partition(sims, -k, axis=1)[:, -k:].mean(axis=1)
    return out


@lru_cache(maxsize=1)
def _background() -> np.ndarray:
    with np.load(BACKGROUND_PATH) as data:
        vectors: np.ndarray = data["vectors"].astype(np.float32)
    return vectors


def pair_features(
    index: FactCheckIndex, query: Query, scores: Scores, values: np.ndarray, i: int, claim: str
) -> tuple[np.ndarray, Reason]:
    """The `FEATURES` of the pair (query, fact-check at position `i` of the index) and its reason.

    `values` are the fused scores of every fact-check for this query (the margin is taken over them).
    """
    fc_terms = index.terms[i]
    shared = query.terms & fc_terms
    query_mass = sum(index.idf.get(t, 0.0) for t in query.terms)
    names = query.names & fc_terms
    fc_numbers = set(_NUMBER.findall(claim))
    other = sorted(fc_numbers - query.numbers)
    missing = [index.idf.get(t, 0.0) for t in fc_terms - query.terms]
    rarest = math.log1p(len(index.ids))  # idf of a term found once, about
    dense, foreign = float(scores.dense[i]), float(scores.foreign[i])
    coverage = float(scores.coverage[i])
    row = np.array(
        [
            dense,
            float(index.hubness[i]),
            float(scores.lexical[i]),
            float(scores.bm25[i]),
            coverage,
            sum(index.idf.get(t, 0.0) for t in shared) / query_mass if query_mass > 0 else 0.0,
            max(missing, default=0.0) / rarest,
            _margin(values, i),
            _margin(scores.dense, i),
            float(_margin(values, i) > 0),
            math.log1p(len(names)),
            len(query.names - fc_terms) / len(query.names) if query.names else 0.0,
            math.log1p(len(fc_numbers & query.numbers)),
            float(bool(other) and bool(query.numbers)),
            math.log1p(len(query.terms)),
            math.log1p(len(fc_terms)),
            foreign,
            dense * foreign,
            dense * coverage,
            coverage * math.log1p(len(fc_terms)),
        ]
    )
    reason = Reason(
        _shared_words(query.text, shared, index.idf),
        _shared_words(query.text, names, index.idf),
        tuple(sorted(fc_numbers & query.numbers)),
        tuple(other),
    )
    return row, reason


def _margin(values: np.ndarray, i: int) -> float:
    """How far position `i` is above the best other value (negative when another is higher)."""
    others = np.delete(values, i)
    return float(values[i] - others.max()) if len(others) else float(values[i])


def judge(index: FactCheckIndex, text: str, k: int) -> list[Decision]:
    """The `k` best fact-checks for `text`, each with its same-claim probability and relation."""
    from saring.claims.storage import fetch_factchecks

    model = load_model()
    scores = index.scores(text)
    values = scores.values("hybrid")
    top = top_positions(values, k)
    found = fetch_factchecks(index.store, [index.ids[i] for i in top])
    query = Query.of(text)
    decisions = []
    for i in top:
        fc = found.get(index.ids[i])
        if fc is None:
            continue
        row, reason = pair_features(index, query, scores, values, i, fc.claim)
        p = float(model.probability(row[None, :])[0])
        relation = model.relation(p)
        if relation == "same_claim" and names_only(index, query, scores, i, fc.claim):
            relation = "related"
        decisions.append(Decision(index.match_at(fc, i, scores, values), p, relation, reason))
    return decisions


def names_only(index: FactCheckIndex, query: Query, scores: Scores, i: int, claim: str) -> bool:
    """The pair shares names but the query says too little of what the fact-check says beyond them
    (MIN_PREDICATE_COVERAGE): the same topic at most. Pairs in two languages are not judged so."""
    if scores.foreign[i] or not query.names & index.terms[i]:
        return False
    low = predicate_coverage(query, index.terms[i], index.idf) < MIN_PREDICATE_COVERAGE
    return low and not _other_languages(query.text, claim)


def _other_languages(a: str, b: str) -> bool:
    """Both texts identified, in different languages (a fact-check stored without its language)."""
    from saring.clean.lang import identify

    (lang_a, _), (lang_b, _) = identify(a), identify(b)
    return "und" not in (lang_a, lang_b) and lang_a != lang_b


def predicate_coverage(query: Query, fc_terms: frozenset[str], idf: dict[str, float]) -> float:
    """The idf-weighted share of what a fact-check says *about* the names the query shares that the
    query says too: its terms other than the query's names ("lowongan kerja" in "Lowongan Kerja PT Astra
    Daihatsu Motor" for a news sentence naming PT Astra Daihatsu Motor). 0 when it says nothing else.
    """
    rest = fc_terms - query.names
    mass = sum(idf.get(t, 0.0) for t in rest)
    return sum(idf.get(t, 0.0) for t in rest & query.terms) / mass if mass > 0 else 0.0


def top_positions(values: np.ndarray, k: int) -> list[int]:
    """Positions of the `k` highest positive values, best first."""
    if not len(values):
        return []
    best = np.argpartition(-values, min(k, len(values) - 1))[:k]
    return [int(i) for i in best[np.argsort(-values[best], kind="stable")] if values[i] > 0]


def _names(text: str) -> frozenset[str]:
    words = re.findall(r"[^\W\d_]+", text)
    if not words or sum(w.isupper() for w in words) / len(words) > 0.5:
        return frozenset()  # shouting: no telling names from other words
    if sum(w[0].isupper() for w in words) / len(words) >= 0.8:  # Title Case: acronyms only
        return frozenset(search_terms(" ".join(w for w in words if w.isupper() and 2 <= len(w) <= 6)))
    return frozenset(search_terms(" ".join(_CAPITALISED.findall(text))))


def _shared_words(
    text: str, shared: frozenset[str], idf: dict[str, float], limit: int = 6
) -> tuple[str, ...]:
    """The query's words (as written) whose search terms the fact-check shares, rarest first."""
    words: dict[str, str] = {}
    for word in re.findall(r"[^\W_]+", text):
        term = search_terms(word)
        if term and term[0] in shared:
            words.setdefault(term[0], word)
    ranked = sorted(words, key=lambda t: -idf.get(t, 0.0))
    return tuple(words[t] for t in ranked[:limit])
