"""Spun text: words a spinner swapped in where a much more usual word fits the context.

Two readings per word (`saring.lexicon.collocations`): its *suspicion*, how many nats likelier the
sentence would be with the best synonym or form variant ("serangan hawa" -> "serangan udara",
"ISIS alami" -> "ISIS mengalami", "27 th." -> "27 tahun"); and its *misfit*, how badly it fits its
neighbours whatever its synonyms (Kneser-Ney bigrams both ways), which catches swaps from
dictionaries the detector does not know. Per article: each distinct eligible word (its highest
reading of each kind) falls in a cell (suspicion bin x misfit bin x corpus-frequency bin) with a
log-likelihood ratio "spun at 10%" vs "ordinary news" learned from synthetic spins; the statistic is
the sum of the ratios above `floor` divided by (number of words + `shrink`): short texts need more
evidence, and the many weakly odd words every text has do not add up. The score is the share of
ordinary held-out news articles with a lower statistic (0.99 = "more spin-like than 99% of ordinary
articles"); `flag` at the calibrated threshold. Calibration, thresholds and the measured TPR/FPR:
docs/signals.md; rebuild: `python -m saring.signals.build_spin`.
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
from saring.lexicon.tokens import BOUNDARY, NUMBER, TITLE, UPPER, Token, tokenize

NAME = "spin"
VERSION = "spin.v2"
CALIBRATION = "spin.json"
MAX_EVIDENCE = 30
MAX_PER_WORD = 3  # occurrences shown per word, so that one repeated swap does not crowd out the others
NO_SYNONYM = -1e9  # suspicion of a word with no synonym or variant to compare (its own table row)


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
    word_suspicion: np.ndarray  # per distinct word: max over its occurrences
    word_misfit: np.ndarray  # per distinct word: max over its occurrences
    freq: np.ndarray  # per distinct word: corpus count (0 when unknown)


@dataclass(frozen=True, slots=True)
class SpinCalibration:
    """Everything learned on the calibration publisher; saved as `data/spin.json`."""

    mu: float
    suspicion_edges: np.ndarray  # inner bin edges in nats (one more bin: no synonym compared)
    misfit_edges: np.ndarray  # inner bin edges in nats
    frequency_edges: np.ndarray  # inner bin edges of corpus count
    llr: np.ndarray  # [suspicion bin, misfit bin, frequency bin] -> log-likelihood ratio "spun" vs "ordinary"
    shrink: float
    floor: float  # only words with a ratio above this count: weaker evidence is what ordinary text has too
    natural: np.ndarray  # sorted statistics of ordinary held-out articles (score = rank among them)
    threshold: float
    evidence_nats: float  # a word is shown as evidence from this suspicion up (and positive llr) ...
    evidence_misfit: float  # ... or from this misfit up
    meta: dict[str, Any] = field(default_factory=dict)

    def cells(self, ws: WordScores) -> np.ndarray:
        """Flat llr-table cell of each distinct word."""
        return cells(ws, self.suspicion_edges, self.misfit_edges, self.frequency_edges)

    def statistic(self, cell: np.ndarray) -> float:
        ratios = self.llr.ravel()[cell]
        return float(ratios[ratios > self.floor].sum() / (len(cell) + self.shrink))

    def score(self, statistic: float) -> float:
        return float(np.searchsorted(self.natural, statistic, side="left") / len(self.natural))

    def to_dict(self) -> dict[str, Any]:
        return {
            k: (v.tolist() if isinstance(v, np.ndarray) else v)
            for k, v in ((k, getattr(self, k)) for k in self.__dataclass_fields__)
        }


def cells(
    ws: WordScores, suspicion_edges: np.ndarray, misfit_edges: np.ndarray, frequency_edges: np.ndarray
) -> np.ndarray:
    none = ws.word_suspicion == NO_SYNONYM
    s = np.where(
        none, len(suspicion_edges) + 1, np.searchsorted(suspicion_edges, ws.word_suspicion, side="left")
    )
    m = np.searchsorted(misfit_edges, ws.word_misfit, side="left")
    f = np.searchsorted(frequency_edges, ws.freq, side="right")
    return (s * (len(misfit_edges) + 1) + m) * (len(frequency_edges) + 1) + f


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


def word_scores(text: str, col: Collocations, mu: float) -> WordScores:
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
    local: dict[str, int] = {}
    word = np.array([local.setdefault(tokens[i].norm, len(local)) for i in positions], dtype=np.int64)
    word_suspicion = np.full(len(local), NO_SYNONYM)
    np.maximum.at(word_suspicion, word, suspicion)
    word_misfit = np.full(len(local), -np.inf)
    np.maximum.at(word_misfit, word, misfit)
    first = np.zeros(len(local), dtype=np.int64)
    first[word[::-1]] = np.arange(len(word))[::-1]
    freq = np.where(w[first] >= 0, col.unigrams[np.maximum(w[first], 0)], 0.0) if len(w) else np.zeros(0)
    return WordScores(
        tokens, positions, word, suspicion, best, pair_counts, misfit, word_suspicion, word_misfit, freq
    )


def analyse(article: Article, col: Collocations, cal: SpinCalibration) -> SignalResult:
    """The spin signal for one cleaned article, given loaded statistics and calibration."""
    ws = word_scores(article.text, col, cal.mu)
    cell = cal.cells(ws)
    stat = cal.statistic(cell)
    score = cal.score(stat)
    flag = score >= cal.threshold
    evidence = _evidence(article, ws, col, cal, cell)
    n_words = len(ws.freq)
    summary = (
        f"{len({e.text.casefold() for e in evidence})} of {n_words} words read as swapped in: a far more "
        f"usual word fits their context; more spin-like than {score:.0%} of ordinary news articles"
    )
    details: dict[str, object] = {
        "statistic": round(stat, 5),
        "eligible_words": n_words,
        "eligible_tokens": len(ws.positions),
    }
    return SignalResult(NAME, VERSION, score, flag, cal.threshold, summary, evidence, details)


def _evidence(
    article: Article, ws: WordScores, col: Collocations, cal: SpinCalibration, cell: np.ndarray
) -> list[Evidence]:
    """Occurrences of the words that pushed the score up, strongest first, at most 3 per word."""
    strong_word = cal.llr.ravel()[cell] > 0
    by_synonym = ws.suspicion >= cal.evidence_nats
    by_misfit = ws.misfit >= cal.evidence_misfit
    shown = strong_word[ws.word] & (by_synonym | by_misfit)
    strength = np.where(by_synonym, ws.suspicion, 0.0) + np.where(by_misfit, ws.misfit, 0.0)
    per_word: dict[int, int] = {}
    picked: list[int] = []
    for i in np.argsort(-strength, kind="stable"):
        if shown[i] and len(picked) < MAX_EVIDENCE and per_word.get(ws.word[i], 0) < MAX_PER_WORD:
            per_word[ws.word[i]] = per_word.get(ws.word[i], 0) + 1
            picked.append(int(i))
    return [
        _explain_synonym(article, ws, int(i), col)
        if by_synonym[i]
        else _explain_misfit(article, ws, int(i), col)
        for i in picked
    ]


def _neighbours(tokens: list[Token], pos: int) -> tuple[str, str]:
    prev = tokens[pos - 1].norm if pos > 0 else BOUNDARY
    nxt = tokens[pos + 1].norm if pos + 1 < len(tokens) else BOUNDARY
    return prev, nxt


def _explain_synonym(article: Article, ws: WordScores, i: int, col: Collocations) -> Evidence:
    """'bakal' where ordinary news writes 'akan': 'lalu akan' 43x vs 'lalu bakal' 0x; ..."""
    tok = ws.tokens[ws.positions[i]]
    prev, nxt = _neighbours(ws.tokens, int(ws.positions[i]))
    word, best = tok.norm, col.words[ws.best[i]]
    ctx = [(prev, best), (prev, word), (best, nxt), (word, nxt)]
    shown = [f"'{_show(pair)}' {int(n)}x" for pair, n in zip(ctx, ws.pair_counts[i], strict=True)]
    why = (
        f"'{word}' where ordinary news writes '{best}' ({_times(float(ws.suspicion[i]))} likelier here); "
        f"2019 news: {shown[0]} vs {shown[1]}; {shown[2]} vs {shown[3]}; "
        f"'{word}' {col.count(word)}x, '{best}' {col.count(best)}x overall"
    )
    return evidence_at(article, tok.start, tok.end, why)


def _explain_misfit(article: Article, ws: WordScores, i: int, col: Collocations) -> Evidence:
    """'tewas' does not fit its neighbours: 'tak tewas' 0x, ...; where news writes 'ada': 'tak ada' 463x."""
    tok = ws.tokens[ws.positions[i]]
    prev, nxt = _neighbours(ws.tokens, int(ws.positions[i]))
    word = tok.norm
    usual = col.usual_between(prev, nxt)
    pairs = [(prev, word), (word, nxt)] + ([(prev, usual), (usual, nxt)] if usual else [])
    n = col.pairs(pairs)
    seen = f"'{_show(pairs[0])}' {n[0]}x, '{_show(pairs[1])}' {n[1]}x"
    why = f"'{word}' does not fit its neighbours in ordinary news: 2019 news has {seen}"
    if usual:
        why += f", where it writes '{usual}': '{_show(pairs[2])}' {n[2]}x, '{_show(pairs[3])}' {n[3]}x"
    return evidence_at(article, tok.start, tok.end, f"{why}; '{word}' {col.count(word)}x overall")


def _times(nats: float) -> str:
    """A likelihood ratio as readers take it in: "about 1,914x", "over 10,000x"."""
    ratio = float(np.exp(min(nats, 30.0)))
    return "over 10,000x" if ratio > 10_000 else f"about {ratio:,.0f}x"


def _show(pair: tuple[str, str]) -> str:
    """A bigram as readers know it: boundaries as '|', numbers as 'N'."""
    return " ".join({BOUNDARY: "|", NUMBER: "N"}.get(w, w) for w in pair)


def read_calibration(raw: str) -> SpinCalibration:
    fields: dict[str, Any] = json.loads(raw)
    for key in ("suspicion_edges", "misfit_edges", "frequency_edges", "llr", "natural"):
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
