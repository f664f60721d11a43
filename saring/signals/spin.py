"""Spun text: words a spinner swapped in where a much more usual word fits the context.

Three readings per word: its *suspicion* (`saring.lexicon.collocations`), how many nats likelier the
sentence would be with the best synonym or form variant ("serangan hawa" -> "serangan udara",
"ISIS alami" -> "ISIS mengalami", "27 th." -> "27 tahun"); its *misfit*, how badly it fits its two
neighbours whatever its synonyms (Kneser-Ney bigrams both ways); and its *unfit*
(`saring.lexicon.context`), how far below its usual score a CBOW word-embedding model of ordinary
news puts it in its +-8-token window, which sees the passage a dictionary's wrong-sense or rare
replacement does not belong to even when each neighbour alone admits it.

Per article: each distinct eligible word (its highest reading of each kind) falls in a cell of two
tables of log-likelihood ratios "spun" vs "ordinary news". The *graph* table (suspicion x misfit x
frequency x unfit) is learned from synthetic thesaurus spins; the *context* table (misfit x frequency
x unfit, no synonym needed) from context-blind swaps (a random corpus word of about the same
frequency), so that words no thesaurus links still count. Each table's statistic is the sum of the
ratios above `floor` divided by (number of words + `shrink`); the article's statistic is the larger
of the two, each divided by its own 99th percentile on ordinary news (either reading alone can carry
the flag). The score is the share of ordinary held-out news articles with a lower statistic (0.99 =
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
from saring.lexicon.collocations import Collocations, load_collocations
from saring.lexicon.context import ContextModel, load_context
from saring.lexicon.tokens import BOUNDARY, NUMBER, TITLE, UPPER, Token, tokenize
from saring.messages import Msg, msg

NAME = "spin"
VERSION = "spin.v3"
CALIBRATION = "spin.json"
MAX_EVIDENCE = 30
MAX_PER_WORD = 3  # occurrences shown per word, so that one repeated swap does not crowd out the others
NO_SYNONYM = -1e9  # suspicion of a word with no synonym or variant to compare (its own table row)
REJECTING = 3  # context words named in a context explanation


@dataclass(frozen=True, slots=True)
class WordScores:
    """The eligible word occurrences of a text and, per distinct word, its most spin-like readings."""

    tokens: list[Token]
    positions: np.ndarray  # token index of each eligible occurrence
    word: np.ndarray  # distinct-word index of each occurrence
    suspicion: np.ndarray  # per occurrence, nats (NO_SYNONYM where no synonym or variant is compared)
    best: np.ndarray  # per occurrence, id of the best synonym (-1 where none)
    pair_counts: np.ndarray  # per occurrence: c(prev, best), c(prev, word), c(best, next), c(word, next)
    misfit: np.ndarray  # per occurrence, nats (`Collocations.misfits`)
    unfit: np.ndarray  # per occurrence, standard deviations (`ContextModel.unfit`; NaN: word unknown)
    context_ids: np.ndarray  # context-model id of every token (-1 where unknown)
    word_suspicion: np.ndarray  # per distinct word: max over its occurrences
    word_misfit: np.ndarray  # per distinct word: max over its occurrences
    word_unfit: np.ndarray  # per distinct word: max over its occurrences (NaN: unknown to the model)
    freq: np.ndarray  # per distinct word: corpus count (0 when unknown)


@dataclass(frozen=True, slots=True)
class SpinCalibration:
    """Everything learned on the calibration publisher; saved as `data/spin.json`."""

    mu: float
    suspicion_edges: np.ndarray  # inner bin edges in nats (one more bin: no synonym compared)
    misfit_edges: np.ndarray  # inner bin edges in nats
    frequency_edges: np.ndarray  # inner bin edges of corpus count
    unfit_edges: np.ndarray  # inner bin edges in standard deviations (one more bin: unknown word)
    llr: np.ndarray  # graph table [suspicion, misfit, frequency, unfit] -> log-likelihood ratio
    context_llr: np.ndarray  # context table [misfit, frequency, unfit] -> log-likelihood ratio
    shrink: float
    floor: float  # only words with a ratio above this count: weaker evidence is what ordinary text has too
    scales: np.ndarray  # 99th percentile of the graph and the context statistic on ordinary news
    natural: np.ndarray  # sorted statistics of ordinary held-out articles (score = rank among them)
    threshold: float
    evidence_nats: float  # a word is shown as evidence from this suspicion up (and positive llr) ...
    evidence_misfit: float  # ... or from this misfit up ...
    evidence_unfit: float  # ... or from this unfit up (and a positive context ratio)
    meta: dict[str, Any] = field(default_factory=dict)

    def cells(self, ws: WordScores) -> tuple[np.ndarray, np.ndarray]:
        """Flat graph-table and context-table cell of each distinct word."""
        return cells(ws, self.suspicion_edges, self.misfit_edges, self.frequency_edges, self.unfit_edges)

    def statistics(self, cell: tuple[np.ndarray, np.ndarray]) -> tuple[float, float]:
        """The graph and the context statistic of an article's cells."""
        return sum_above(self.llr, cell[0], self.floor, self.shrink), sum_above(
            self.context_llr, cell[1], self.floor, self.shrink
        )

    def statistic(self, parts: tuple[float, float]) -> float:
        """The article's statistic: the larger reading, each relative to its ordinary-news 99th percentile."""
        return float(max(p / s for p, s in zip(parts, self.scales, strict=True)))

    def score(self, statistic: float) -> float:
        return float(np.searchsorted(self.natural, statistic, side="left") / len(self.natural))

    def to_dict(self) -> dict[str, Any]:
        return {
            k: (v.tolist() if isinstance(v, np.ndarray) else v)
            for k, v in ((k, getattr(self, k)) for k in self.__dataclass_fields__)
        }


def sum_above(llr: np.ndarray, cell: np.ndarray, floor: float, shrink: float) -> float:
    ratios = llr.ravel()[cell]
    return float(ratios[ratios > floor].sum() / (len(cell) + shrink))


def cells(
    ws: WordScores,
    suspicion_edges: np.ndarray,
    misfit_edges: np.ndarray,
    frequency_edges: np.ndarray,
    unfit_edges: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Graph-table and context-table cell of each distinct word (flat indices)."""
    none = ws.word_suspicion == NO_SYNONYM
    s = np.where(
        none, len(suspicion_edges) + 1, np.searchsorted(suspicion_edges, ws.word_suspicion, side="left")
    )
    m = np.searchsorted(misfit_edges, ws.word_misfit, side="left")
    f = np.searchsorted(frequency_edges, ws.freq, side="right")
    unknown = np.isnan(ws.word_unfit)
    u = np.where(
        unknown, len(unfit_edges) + 1, np.searchsorted(unfit_edges, np.nan_to_num(ws.word_unfit), side="left")
    )
    n_u = len(unfit_edges) + 2
    context = (m * (len(frequency_edges) + 1) + f) * n_u + u
    graph = s * ((len(misfit_edges) + 1) * (len(frequency_edges) + 1) * n_u) + context
    return graph, context


def eligible_positions(tokens: list[Token]) -> np.ndarray:
    """Words a spinner could have changed: not a capitalised word inside a sentence (a name), not an
    acronym, not a doubled word ("dengan dengan", a typo), not a number or punctuation."""
    norms = [t.norm for t in tokens]
    ok = np.array(
        [t.is_word and t.case != UPPER and (t.case != TITLE or p == BOUNDARY) and t.norm != p
         for t, p in zip(tokens, [BOUNDARY, *norms][:-1], strict=True)],
        dtype=bool,
    )  # fmt: skip
    return np.flatnonzero(ok)


def word_scores(text: str, col: Collocations, ctx: ContextModel, mu: float) -> WordScores:
    tokens = tokenize(text)
    ids = col.ids(tokens)
    positions = eligible_positions(tokens)
    w = ids[positions]
    in_graph = positions[(w >= 0) & (w < len(col.thesaurus.words))]
    sus = col.suspicions(ids, in_graph, mu)
    at = np.searchsorted(positions, sus.positions)
    suspicion = np.full(len(positions), NO_SYNONYM)
    suspicion[at] = sus.suspicion
    best = np.full(len(positions), -1, dtype=np.int64)
    best[at] = sus.best
    pair_counts = np.zeros((len(positions), 4))
    pair_counts[at] = sus.pair_counts
    misfit = col.misfits(ids, positions)
    context_ids = ctx.ids([t.norm for t in tokens])
    unfit = ctx.unfit(context_ids, positions)
    local: dict[str, int] = {}
    word = np.array([local.setdefault(tokens[i].norm, len(local)) for i in positions], dtype=np.int64)
    word_suspicion = np.full(len(local), NO_SYNONYM)
    np.maximum.at(word_suspicion, word, suspicion)
    word_misfit = np.full(len(local), -np.inf)
    np.maximum.at(word_misfit, word, misfit)
    word_unfit = np.full(len(local), -np.inf)
    np.maximum.at(word_unfit, word, np.nan_to_num(unfit, nan=-np.inf))
    word_unfit[np.isneginf(word_unfit)] = np.nan
    first = np.zeros(len(local), dtype=np.int64)
    first[word[::-1]] = np.arange(len(word))[::-1]
    freq = np.where(w[first] >= 0, col.unigrams[np.maximum(w[first], 0)], 0.0) if len(w) else np.zeros(0)
    return WordScores(
        tokens, positions, word, suspicion, best, pair_counts, misfit, unfit, context_ids,
        word_suspicion, word_misfit, word_unfit, freq,
    )  # fmt: skip


def analyse(article: Article, col: Collocations, ctx: ContextModel, cal: SpinCalibration) -> SignalResult:
    """The spin signal for one cleaned article, given loaded statistics, context model and calibration."""
    ws = word_scores(article.text, col, ctx, cal.mu)
    cell = cal.cells(ws)
    parts = cal.statistics(cell)
    stat = cal.statistic(parts)
    score = cal.score(stat)
    flag = score >= cal.threshold
    evidence = _evidence(article, ws, col, ctx, cal, cell)
    n_words = len(ws.freq)
    summary = msg(
        "spin.summary", swapped=len({e.text.casefold() for e in evidence}), words=n_words, score=score
    )
    details: dict[str, object] = {
        "statistic": round(stat, 5),
        "graph_statistic": round(parts[0], 5),
        "context_statistic": round(parts[1], 5),
        "eligible_words": n_words,
        "eligible_tokens": len(ws.positions),
    }
    return SignalResult(NAME, VERSION, score, flag, cal.threshold, summary, evidence, details)


def _evidence(
    article: Article,
    ws: WordScores,
    col: Collocations,
    ctx: ContextModel,
    cal: SpinCalibration,
    cell: tuple[np.ndarray, np.ndarray],
) -> list[Evidence]:
    """Occurrences of the words that pushed the score up, strongest first, at most 3 per word."""
    graph_word = cal.llr.ravel()[cell[0]] > 0
    context_word = cal.context_llr.ravel()[cell[1]] > 0
    by_synonym = graph_word[ws.word] & (ws.suspicion >= cal.evidence_nats)
    by_misfit = graph_word[ws.word] & (ws.misfit >= cal.evidence_misfit)
    unfit = np.nan_to_num(ws.unfit, nan=-np.inf)
    by_context = context_word[ws.word] & (unfit >= cal.evidence_unfit)
    strength = (
        np.where(by_synonym, ws.suspicion, 0.0)
        + np.where(by_misfit, ws.misfit, 0.0)
        + np.where(by_context, unfit, 0.0)
    )
    shown = by_synonym | by_misfit | by_context
    per_word: dict[int, int] = {}
    picked: list[int] = []
    for i in np.argsort(-strength, kind="stable"):
        if shown[i] and len(picked) < MAX_EVIDENCE and per_word.get(ws.word[i], 0) < MAX_PER_WORD:
            per_word[ws.word[i]] = per_word.get(ws.word[i], 0) + 1
            picked.append(int(i))
    out = []
    for i in picked:
        tok = ws.tokens[ws.positions[i]]
        if by_synonym[i]:
            why = _explain_synonym(ws, i, col)
        elif by_misfit[i]:
            why = _explain_misfit(ws, i, col)
        else:
            why = _explain_context(ws, i, col, ctx)
        out.append(evidence_at(article, tok.start, tok.end, why))
    return out


def _neighbours(tokens: list[Token], pos: int) -> tuple[str, str]:
    prev = tokens[pos - 1].norm if pos > 0 else BOUNDARY
    nxt = tokens[pos + 1].norm if pos + 1 < len(tokens) else BOUNDARY
    return prev, nxt


def _explain_synonym(ws: WordScores, i: int, col: Collocations) -> Msg:
    """'bakal' where ordinary news writes 'akan': 'lalu akan' 43x vs 'lalu bakal' 0x; ..."""
    prev, nxt = _neighbours(ws.tokens, int(ws.positions[i]))
    word, best = ws.tokens[ws.positions[i]].norm, col.words[ws.best[i]]
    n = [int(c) for c in ws.pair_counts[i]]
    return msg(
        "spin.why.synonym",
        word=word,
        best=best,
        likelier=_times(float(ws.suspicion[i])),
        left=_versus((prev, best), n[0], (prev, word), n[1]),
        right=_versus((best, nxt), n[2], (word, nxt), n[3]),
        n_word=col.count(word),
        n_best=col.count(best),
    )


def _explain_misfit(ws: WordScores, i: int, col: Collocations) -> Msg:
    """'tewas' does not fit its neighbours: 'tak tewas' 0x, ...; where news writes 'ada': 'tak ada' 463x."""
    prev, nxt = _neighbours(ws.tokens, int(ws.positions[i]))
    word = ws.tokens[ws.positions[i]].norm
    usual = col.usual_between(prev, nxt)
    pairs = [(prev, word), (word, nxt)] + ([(prev, usual), (usual, nxt)] if usual else [])
    seen = [msg("spin.pair", pair=_show(p), n=n) for p, n in zip(pairs, col.pairs(pairs), strict=True)]
    if usual:
        return msg(
            "spin.why.misfit_usual", word=word, seen=seen[:2], usual=_show((usual,)), usual_seen=seen[2:],
            n_word=col.count(word),
        )  # fmt: skip
    return msg("spin.why.misfit", word=word, seen=seen, n_word=col.count(word))


def _explain_context(ws: WordScores, i: int, col: Collocations, ctx: ContextModel) -> Msg:
    """'lokan' does not fit the passage: ordinary news rarely writes it near 'harga', 'naik', 'pemerintah'."""
    pos = int(ws.positions[i])
    word = ws.tokens[pos].norm
    lo, hi = max(pos - ctx.window, 0), min(pos + ctx.window + 1, len(ws.tokens))
    around = [j for j in range(lo, hi) if j != pos and ws.context_ids[j] >= 0 and ws.tokens[j].is_word]
    fit = ctx.in_vecs[ws.context_ids[around]] @ ctx.out_vecs[ws.context_ids[pos]] if around else np.zeros(0)
    names: list[str] = []
    for j in np.argsort(fit, kind="stable"):
        name = ws.tokens[around[j]].norm
        if name != word and name not in names:
            names.append(name)
        if len(names) == REJECTING:
            break
    return msg(
        "spin.why.context", word=word, context=[f"'{n}'" for n in names], spread=round(float(ws.unfit[i]), 1),
        n_word=col.count(word),
    )  # fmt: skip


def _versus(usual: tuple[str, str], n_usual: int, written: tuple[str, str], n_written: int) -> Msg:
    return msg(
        "spin.versus", usual=_show(usual), n_usual=n_usual, written=_show(written), n_written=n_written
    )


def _times(nats: float) -> Msg:
    """A likelihood ratio as readers take it in: "about 1,914x", "over 10,000x"."""
    ratio = float(np.exp(min(nats, 30.0)))
    if ratio > 10_000:
        return msg("spin.times_over", ratio=10_000)
    return msg("spin.times", ratio=round(ratio))


def _show(words: tuple[str, ...]) -> str:
    """Words as readers know them: boundaries as '|', numbers as 'N'."""
    return " ".join({BOUNDARY: "|", NUMBER: "N"}.get(w, w) for w in words)


def read_calibration(raw: str) -> SpinCalibration:
    fields: dict[str, Any] = json.loads(raw)
    for key in (
        "suspicion_edges", "misfit_edges", "frequency_edges", "unfit_edges", "llr", "context_llr", "scales",
        "natural",
    ):  # fmt: skip
        fields[key] = np.asarray(fields[key], dtype=np.float64)
    return SpinCalibration(**fields)


@lru_cache(maxsize=1)
def load_calibration() -> SpinCalibration:
    from saring.errors import SaringError
    from saring.lexicon.npz import REBUILD
    from saring.messages import msg

    path = resources.files("saring.signals") / "data" / CALIBRATION
    try:
        return read_calibration(path.read_text(encoding="utf-8"))
    except (OSError, KeyError, ValueError, TypeError) as exc:
        detail = msg("errors.detail.artefact_unreadable", what=msg("errors.label.spin_calibration"),
                     path=str(path), reason=str(exc), command=REBUILD)
        raise SaringError("model_missing", detail) from exc


def load() -> tuple[Collocations, ContextModel, SpinCalibration]:
    """Load the shipped artefacts once per process (call early to keep the first article fast)."""
    return load_collocations(), load_context(), load_calibration()


def detect(article: Article) -> SignalResult:
    """Registry entry point: `Article -> SignalResult`."""
    col, ctx, cal = load()
    return analyse(article, col, ctx, cal)
