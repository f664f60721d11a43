"""Hybrid search of the fact-check store: full-text BM25 plus multilingual embeddings.

Why both: BM25 over the stemmed terms finds the fact-check when the claim shares its rare words
(names, places, numbers) even in slangy or long posts; the embedding finds it when the wording or the
language differs ("Vaksin mengandung microchip" vs "Vaccines contain microchips"), where BM25 has
nothing real to match. The fused score is a convex combination of a lexical part and the cosine.

The lexical part is BM25 divided by the query's best BM25, times the *coverage* of the fact-check: the
idf-weighted share of its terms that occur in the query. Max-normalised BM25 alone is relative (some
fact-check is always the best lexical match, with a score of 1, even if it shares one common word);
coverage makes it absolute, so a score threshold means the same for every query (a fact-check sharing
only "plastik" with the query gets ~0.2, one whose every term is in the query gets 1). Ranking
quality is unchanged (BDC dev half, docs/claims.md); reciprocal-rank fusion was worse.

Words shared across languages are mostly names and numbers ("COVID-19", "Jokowi"), so a fact-check
whose language differs from the query's (Indonesian, Malay, Javanese and Sundanese count as one group:
short Indonesian titles are often detected as Malay or Javanese) gets no lexical credit in the fusion
and is ranked by its cosine alone. The gate applies only when the query's language is identified
with confidence (`QUERY_LANG_MIN_PROBABILITY`).

Ids, languages, terms and the embedding matrix are read from the store once per process and
reloaded only when the store's fact-checks change (`storage.generation`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np

from saring.claims.factchecks import FactCheck
from saring.claims.settings import ClaimSettings

if TYPE_CHECKING:
    from saring.store import Store

Mode = Literal["hybrid", "lexical", "dense"]
_LANG_GROUP = {"ms": "id", "jv": "id", "su": "id"}
# Below this py3langid probability the query's language counts as unknown (no language gate): on BDC
# posts, wrong guesses ("pcm", "ln", "uz") come with 0.02-0.7, real English posts with >= 0.9.
QUERY_LANG_MIN_PROBABILITY = 0.9


@dataclass(slots=True)
class Match:
    """A fact-check found for a query, with the parts of its score."""

    fact_check: FactCheck
    score: float  # what the ranking used (hybrid: fused 0..1)
    lexical: float  # BM25 / best BM25 of this query x coverage; 0 when not among the lexical candidates
    dense: float  # cosine of the embeddings, 0 without embeddings

    def to_dict(self) -> dict[str, object]:
        """The `matches` item of a report claim (report.schema.json)."""
        fc = self.fact_check
        return {
            "id": fc.id,
            "claim": fc.claim,
            "verdict": fc.verdict,
            "rating": fc.rating,
            "publisher": fc.publisher,
            "url": fc.url,
            "date": fc.date,
            "lang": fc.lang,
            "score": round(self.score, 4),
        }


@dataclass(slots=True)
class Scores:
    """Every score one query gets, aligned with `FactCheckIndex.ids`."""

    bm25: np.ndarray  # BM25 / best BM25 of the query, 0 outside the full-text candidates
    coverage: np.ndarray  # idf-weighted share of the fact-check's terms found in the query (candidates only)
    dense: np.ndarray  # cosine (0 for fact-checks without a vector)
    foreign: np.ndarray  # bool: in another language than the query (no lexical credit in the fusion)
    lexical_weight: float = 0.5

    @property
    def retrieved(self) -> np.ndarray:
        return self.bm25 > 0

    @property
    def lexical(self) -> np.ndarray:
        """The lexical part of the fusion."""
        return np.where(self.foreign, 0.0, self.bm25 * self.coverage)

    def values(self, mode: Mode) -> np.ndarray:
        """The ranking score of every fact-check under `mode` (lexical: BM25 alone)."""
        if mode == "lexical":
            return self.bm25
        if mode == "dense":
            return self.dense
        return self.lexical_weight * self.lexical + (1 - self.lexical_weight) * self.dense


class FactCheckIndex:
    """Search over the fact-checks of one store; create once per process and reuse."""

    def __init__(self, store: Store, settings: ClaimSettings | None = None) -> None:
        self.store = store
        self.settings = settings or ClaimSettings()
        self._generation: int | None = None
        self.ids: list[str] = []
        self.position: dict[str, int] = {}
        self.in_group: dict[str, np.ndarray] = {}  # language group -> bool mask over ids
        self.matrix = np.zeros((0, 0), dtype=np.float32)
        self.terms: list[frozenset[str]] = []
        self.idf: dict[str, float] = {}
        self.mass: list[float] = []  # sum of the idf of each fact-check's distinct terms
        self.has_vectors = False
        self.hubness = np.zeros(0, dtype=np.float32)  # see saring.claims.decide.hubness

    def __len__(self) -> int:
        """Number of fact-checks in the store (as of now)."""
        self._refresh()
        return len(self.ids)

    def scores(self, text: str) -> Scores:
        """BM25 and coverage of the best `settings.candidates`, cosines against every fact-check."""
        from saring.claims.storage import lexical_search
        from saring.claims.terms import search_terms

        self._refresh()
        n = len(self.ids)
        terms = search_terms(text)
        bm25 = np.zeros(n, dtype=np.float32)
        coverage = np.zeros(n, dtype=np.float32)
        query_terms = set(terms)
        for fid, score in lexical_search(self.store, terms, self.settings.candidates):
            i = self.position.get(fid)
            if i is not None:  # else added after the last refresh: seen on the next query
                bm25[i] = score
                coverage[i] = self._coverage(i, query_terms)
        best = bm25.max(initial=0.0)
        dense = self.matrix @ self._encode(text) if self.has_vectors else np.zeros(n, dtype=np.float32)
        group = _group(_query_lang(text))
        foreign = np.zeros(n, dtype=bool)
        if group:  # a fact-check of unknown language is never foreign
            foreign = self.in_group["*"] & ~self.in_group.get(group, foreign)
        return Scores(
            bm25 / best if best > 0 else bm25, coverage, dense, foreign, self.settings.lexical_weight
        )

    def search(self, text: str, k: int = 5, mode: Mode = "hybrid") -> list[Match]:
        """The `k` best fact-checks for `text` (only those with a positive score), best first."""
        from saring.claims.decide import top_positions
        from saring.claims.storage import fetch_factchecks

        scores = self.scores(text)
        values = scores.values(mode)
        top = top_positions(values, k)
        found = fetch_factchecks(self.store, [self.ids[i] for i in top])
        return [self.match_at(found[self.ids[i]], i, scores, values) for i in top if self.ids[i] in found]

    @staticmethod
    def match_at(fact_check: FactCheck, i: int, scores: Scores, values: np.ndarray) -> Match:
        """The `Match` of the fact-check at position `i`, with the parts of its score."""
        return Match(fact_check, float(values[i]), float(scores.lexical[i]), float(scores.dense[i]))

    def _coverage(self, i: int, query_terms: set[str]) -> float:
        mass = self.mass[i]
        return sum(self.idf[t] for t in self.terms[i] & query_terms) / mass if mass > 0 else 0.0

    def _encode(self, text: str) -> np.ndarray:
        from saring.claims.embed import encode

        vector: np.ndarray = encode([text])[0]
        return vector

    def _refresh(self) -> None:
        """(Re)load ids, languages, terms and vectors when the store's fact-checks changed since last time."""
        from collections import Counter

        from saring.claims.decide import hubness
        from saring.claims.storage import generation, load_rows

        current = generation(self.store)
        if current == self._generation:
            return
        self.ids, langs, terms, self.matrix = load_rows(self.store)
        self.position = {fid: i for i, fid in enumerate(self.ids)}
        groups = np.array([_group(lang) or "" for lang in langs], dtype=object)
        self.in_group = {g: groups == g for g in set(groups) if g} | {"*": groups != ""}
        self.terms = [frozenset(t.split()) for t in terms]
        df = Counter(t for doc in self.terms for t in doc)
        n = len(self.terms)
        self.idf = {t: math.log(1 + (n - k + 0.5) / (k + 0.5)) for t, k in df.items()}  # BM25's idf
        self.mass = [sum(self.idf[t] for t in doc) for doc in self.terms]
        self.has_vectors = bool(self.matrix.any())
        self.hubness = hubness(self.matrix) if self.has_vectors else np.zeros(n, dtype=np.float32)
        self._generation = current


def _query_lang(text: str) -> str | None:
    """The query's language when identification is confident (slangy posts often get random guesses)."""
    from saring.clean.lang import identify

    lang, probability = identify(text)
    return lang if lang != "und" and probability >= QUERY_LANG_MIN_PROBABILITY else None


def _group(lang: str | None) -> str | None:
    return _LANG_GROUP.get(lang, lang) if lang else None
