"""Spun text: words a synonym spinner swapped in where a much more usual synonym fits the context.

Per word (`saring.lexicon.collocations`): how many nats likelier the sentence would be with the best
synonym ("serangan hawa" -> "serangan udara"). Per article: each distinct eligible word contributes a
log-likelihood ratio "spun at 10%" vs "ordinary news", looked up in a table learned from synthetic
spins (cells: suspicion bin x corpus-frequency bin of the word, so a frequent word that does not fit
counts for more than a rare one, which ordinary text also uses in unseen contexts). The statistic is
the sum of these ratios divided by (number of words + `shrink`): short texts need more evidence.
The score is the share of ordinary held-out news articles with a lower statistic (so 0.99 means
"more spin-like than 99% of ordinary articles"); `flag` at the calibrated threshold. Calibration,
thresholds and the measured TPR/FPR: docs/signals.md; rebuild: `python -m saring.signals.build_spin`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from saring.article import Article, Evidence, SignalResult, evidence_at
from saring.lexicon.collocations import Collocations, Suspicions, load_collocations
from saring.lexicon.tokens import BOUNDARY, NUMBER, TITLE, UPPER, Token, tokenize

NAME = "spin"
VERSION = "spin.v1"
CALIBRATION = "spin.json"
MAX_EVIDENCE = 30


@dataclass(frozen=True, slots=True)
class WordScores:
    """The eligible words of a text, each distinct word once (at its most suspicious occurrence)."""

    tokens: list[Token]
    suspicions: Suspicions
    word_ids: np.ndarray  # word id of each scored token (aligned with the `suspicions` arrays)
    first: np.ndarray  # index into `suspicions` arrays, one per distinct word
    freq: np.ndarray  # corpus count of each distinct word


@dataclass(frozen=True, slots=True)
class SpinCalibration:
    """Everything learned on the calibration publisher; saved as `data/spin.json`."""

    mu: float
    suspicion_edges: np.ndarray  # inner bin edges in nats
    frequency_edges: np.ndarray  # inner bin edges of corpus count
    llr: np.ndarray  # [suspicion bin, frequency bin] -> log-likelihood ratio "spun" vs "ordinary"
    shrink: float
    natural: np.ndarray  # sorted statistics of ordinary held-out articles (score = rank among them)
    threshold: float
    evidence_nats: float  # a word is shown as evidence from this suspicion up (and positive llr)
    meta: dict[str, Any] = field(default_factory=dict)

    def cells(self, ws: WordScores) -> np.ndarray:
        """Flat llr-table cell of each distinct word."""
        return cells(ws.suspicions.suspicion[ws.first], ws.freq, self.suspicion_edges, self.frequency_edges)

    def statistic(self, cell: np.ndarray) -> float:
        return float(self.llr.ravel()[cell].sum() / (len(cell) + self.shrink))

    def score(self, statistic: float) -> float:
        return float(np.searchsorted(self.natural, statistic, side="left") / len(self.natural))

    def to_dict(self) -> dict[str, Any]:
        return {
            k: (v.tolist() if isinstance(v, np.ndarray) else v)
            for k, v in ((k, getattr(self, k)) for k in self.__dataclass_fields__)
        }


def cells(
    suspicion: np.ndarray, freq: np.ndarray, suspicion_edges: np.ndarray, frequency_edges: np.ndarray
) -> np.ndarray:
    s = np.searchsorted(suspicion_edges, suspicion, side="left")
    f = np.searchsorted(frequency_edges, freq, side="right")
    return s * (len(frequency_edges) + 1) + f


def eligible_positions(tokens: list[Token], ids: np.ndarray, col: Collocations) -> np.ndarray:
    """Thesaurus words a spinner could have swapped: not a capitalised word inside a sentence (a name),
    not an acronym, not a doubled word ("dengan dengan", a typo)."""
    case = np.array([t.case for t in tokens], dtype=np.int8)
    prev = np.concatenate(([col.index[BOUNDARY]], ids[:-1]))
    after_boundary = prev == col.index[BOUNDARY]
    name_like = ((case == TITLE) & ~after_boundary) | (case == UPPER)
    ok = (ids >= 0) & (ids < len(col.thesaurus.words)) & (ids != prev) & ~name_like
    return np.flatnonzero(ok)


def word_scores(text: str, col: Collocations, mu: float) -> WordScores:
    tokens = tokenize(text)
    ids = col.ids(tokens)
    sus = col.suspicions(ids, eligible_positions(tokens, ids, col), mu)
    word_ids = ids[sus.positions]
    order = np.lexsort((-sus.suspicion, word_ids))
    first = (
        order[np.concatenate(([True], word_ids[order][1:] != word_ids[order][:-1]))] if len(order) else order
    )
    return WordScores(tokens, sus, word_ids, first, col.unigrams[word_ids[first]])


def analyse(article: Article, col: Collocations, cal: SpinCalibration) -> SignalResult:
    """The spin signal for one cleaned article, given loaded statistics and calibration."""
    ws = word_scores(article.text, col, cal.mu)
    cell = cal.cells(ws)
    stat = cal.statistic(cell)
    score = cal.score(stat)
    flag = score >= cal.threshold
    evidence = _evidence(article, ws, col, cal, cell)
    n_words = len(ws.first)
    summary = (
        f"{len({e.text.casefold() for e in evidence})} of {n_words} replaceable words have a far more usual "
        f"synonym in their context; more spin-like than {score:.0%} of ordinary news articles"
    )
    details: dict[str, object] = {
        "statistic": round(stat, 5),
        "eligible_words": n_words,
        "eligible_tokens": len(ws.suspicions.positions),
    }
    return SignalResult(NAME, VERSION, score, flag, cal.threshold, summary, evidence, details)


def _evidence(
    article: Article, ws: WordScores, col: Collocations, cal: SpinCalibration, cell: np.ndarray
) -> list[Evidence]:
    """Occurrences of the words that pushed the score up, most suspicious first."""
    sus, tokens = ws.suspicions, ws.tokens
    llr = cal.llr.ravel()[cell]
    strong = (llr > 0) & (sus.suspicion[ws.first] >= cal.evidence_nats)
    if not strong.any():
        return []
    order = np.argsort(-sus.suspicion, kind="stable")
    picked = order[np.isin(ws.word_ids[order], ws.word_ids[ws.first[strong]])][:MAX_EVIDENCE]
    counts = sus.pair_counts[picked].astype(np.int64).tolist()  # looked up while scoring
    return [
        _explain(
            article,
            tokens[sus.positions[i]],
            float(sus.suspicion[i]),
            _context(tokens, int(sus.positions[i]), col.words[sus.best[i]]),
            n,
            col,
        )
        for i, n in zip(picked, counts, strict=True)
    ]


def _context(tokens: list[Token], pos: int, best: str) -> list[tuple[str, str]]:
    """The four bigrams an explanation compares: usual vs seen, on the left and on the right."""
    word = tokens[pos].norm
    prev = tokens[pos - 1].norm if pos > 0 else BOUNDARY
    nxt = tokens[pos + 1].norm if pos + 1 < len(tokens) else BOUNDARY
    return [(prev, best), (prev, word), (best, nxt), (word, nxt)]


def _explain(
    article: Article,
    tok: Token,
    nats: float,
    ctx: list[tuple[str, str]],
    counts: list[int],
    col: Collocations,
) -> Evidence:
    word, best = tok.norm, ctx[0][1]
    shown = [f"'{_show(pair)}' {n}x" for pair, n in zip(ctx, counts, strict=True)]
    why = (
        f"'{word}' where the synonym '{best}' fits far better (about {np.exp(min(nats, 30)):.0f}x likelier); "
        f"2019 news: {shown[0]} vs {shown[1]}; {shown[2]} vs {shown[3]}; "
        f"'{word}' {col.count(word)}x, '{best}' {col.count(best)}x overall"
    )
    return evidence_at(article, tok.start, tok.end, why)


def _show(pair: tuple[str, str]) -> str:
    """A bigram as readers know it: boundaries as '|', numbers as 'N'."""
    return " ".join({BOUNDARY: "|", NUMBER: "N"}.get(w, w) for w in pair)


def read_calibration(raw: str) -> SpinCalibration:
    fields: dict[str, Any] = json.loads(raw)
    for key in ("suspicion_edges", "frequency_edges", "llr", "natural"):
        fields[key] = np.asarray(fields[key], dtype=np.float64)
    return SpinCalibration(**fields)


@lru_cache(maxsize=1)
def load_calibration() -> SpinCalibration:
    from saring.errors import SaringError

    try:
        raw = (resources.files("saring.signals") / "data" / CALIBRATION).read_text(encoding="utf-8")
        return read_calibration(raw)
    except (OSError, KeyError, ValueError, TypeError) as exc:
        raise SaringError(
            "model_missing", f"spin calibration: {exc}; rebuild: python -m saring.signals.build_spin"
        ) from exc


def load() -> tuple[Collocations, SpinCalibration]:
    """Load the shipped artefacts once per process (call early to keep the first article fast)."""
    return load_collocations(), load_calibration()


def detect(article: Article) -> SignalResult:
    """Registry entry point: `Article -> SignalResult`."""
    col, cal = load()
    return analyse(article, col, cal)
