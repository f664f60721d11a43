"""Rebuild the spin artefacts: `python -m saring.signals.build_spin` (about 3 minutes on 2 cores).

Inputs (build time only): the 2019 news corpus `../shared/data/clickid_raw_articles_2019/normalized.jsonl`
and mythes-id (`apt-get install mythes-id`). Outputs:

- `saring/lexicon/data/thesaurus_id.npz`: the synonym graph derived from mythes-id (LGPL-2.1, see
  `saring/lexicon/data/LICENSE.mythes-id`) with corpus counts and canonical words;
- `saring/signals/data/spin_bigrams.npz`: the spin graph (mythes-id synonyms plus the affix and
  abbreviation variants among corpus words, `saring.lexicon.variants`) and all bigram counts seen
  >= 2 times, with each word's number of distinct neighbours (Kneser-Ney continuation counts);
- `saring/signals/data/spin_context.npz`: the CBOW context model (`saring.lexicon.context`, trained
  with gensim at build time) with each word's usual score;
- `saring/signals/data/spin.json`: the calibration (llr tables, ordinary-news statistics, threshold).

Statistics come from every publisher except the calibration publisher (sindonews by default); the
calibration publisher's articles (near-copies of build articles removed) are split in two halves: one
learns the llr tables (ordinary vs synthetic spins: mythes-id synonyms at 10% of replaceable words
for the graph table, context-blind swaps of 10% of words for the context table), the other gives
the ordinary-news distribution the score ranks against. `benchmarks/spin_eval.py` reuses these
functions with a third, untouched group of publishers for the TPR/FPR report.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from saring.lexicon.collocations import Collocations, save_collocations
from saring.lexicon.context import ContextModel, from_gensim, save_context, train
from saring.lexicon.counts import Counts, count_texts, prune
from saring.lexicon.mythes import DEFAULT_PATH, read_mythes
from saring.lexicon.spinner import SynonymSource, forward_synonyms, spin
from saring.lexicon.thesaurus import Thesaurus, build_thesaurus, save_thesaurus, synonym_edges
from saring.lexicon.tokens import tokenize, words
from saring.lexicon.variants import variant_edges
from saring.signals.spin import SpinCalibration, cells, sum_above, word_scores

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "clickid_raw_articles_2019" / "normalized.jsonl"
MIN_COUNT = 2
MU = 1000.0  # chosen among 100/300/1000/3000 on the calibration publisher (docs/signals.md)
SUSPICION_EDGES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15]
MISFIT_EDGES = [-2, 0, 2, 4]
FREQUENCY_EDGES = [30, 300, 3000]
UNFIT_EDGES = [0, 1, 2, 3]  # standard deviations; bins and the model compared on the calibration publisher
CONTEXT_DIM, CONTEXT_WINDOW, CONTEXT_EPOCHS, CONTEXT_MIN_COUNT = 64, 8, 20, 5  # training
CONTEXT_RADII = (1, 2, 4, 8)  # scoring: nested windows, near words weigh more
CONTEXT_MAX_WORDS = 60_000  # a cap on the shipped vocabulary (27k words reach min_count in 2019 news)
BLIND_CHOICES = 4  # replacements per word the context-blind spinner picks from
SHRINK = 20.0
LLR_FLOOR = 0.5  # statistic sums ratios above this; -inf/0/0.5/1 compared on the calibration publisher
TARGET_FPR = 0.01  # on the calibration publisher; gave <= 2% on unseen publishers (docs/signals.md)
CALIBRATION_RATE = 0.1
EVIDENCE_NATS = 6.0
EVIDENCE_MISFIT = 5.0
EVIDENCE_UNFIT = 3.0
MIN_WORDS = 100


@dataclass(frozen=True, slots=True)
class CorpusArticle:
    id: str
    publisher: str
    text: str


def read_corpus(path: Path) -> list[CorpusArticle]:
    """Articles of the 2019 corpus, cleaned like any input (",," joins split, boilerplate dropped)."""
    from saring.clean import clean_text, join_paragraphs

    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            text, _ = join_paragraphs(clean_text(row.get("text") or "")[0])
            out.append(CorpusArticle(row["id"], row["publisher"], text))
    return out


def _shingles(text: str, k: int = 8) -> np.ndarray:
    ws = [t.norm for t in words(text)]
    return np.asarray([hash(tuple(ws[i : i + k])) for i in range(len(ws) - k + 1)], dtype=np.int64)


def drop_near_copies(
    docs: Sequence[CorpusArticle], reference: Iterable[str], share: float = 0.2
) -> list[CorpusArticle]:
    """Docs sharing more than `share` of their word 8-grams with `reference` (e.g. the same wire story
    on kompas and tribunnews) are not held out: their bigrams are already in the statistics."""
    ref = np.unique(np.concatenate([_shingles(t) for t in reference] or [np.zeros(0, np.int64)]))
    kept = []
    for doc in docs:
        sh = _shingles(doc.text)
        if len(sh) and len(ref):
            at = np.minimum(np.searchsorted(ref, sh), len(ref) - 1)
            if (ref[at] == sh).mean() > share:
                continue
        kept.append(doc)
    return kept


def held_out(
    articles: Sequence[CorpusArticle], publishers: set[str], build_texts: Sequence[str], seed: int
) -> list[CorpusArticle]:
    """Long enough articles of `publishers` that are not near-copies of build articles, shuffled."""
    docs = [a for a in articles if a.publisher in publishers and len(words(a.text)) >= MIN_WORDS]
    docs = drop_near_copies(docs, build_texts)
    random.Random(seed).shuffle(docs)
    return docs


def build_statistics(
    texts: Iterable[str], edges: set[tuple[str, str]]
) -> tuple[Thesaurus, Collocations, Counts]:
    """The synonym thesaurus (canonical tokens) and the statistics of the spin graph: the synonyms
    plus the affix and abbreviation variants among the corpus words."""
    counts = count_texts(texts)
    vocabulary = dict(zip(counts.words, counts.unigrams.tolist(), strict=True))
    thesaurus = build_thesaurus(edges, vocabulary)
    graph = build_thesaurus(edges | variant_edges(vocabulary), vocabulary)
    keep = set(graph.words) | {w for w, n in vocabulary.items() if n >= MIN_COUNT}  # misfits need all words
    col = Collocations.from_counts(prune(counts, keep, MIN_COUNT), graph)
    return thesaurus, col, counts


def build_context(texts: Iterable[str], seed: int) -> ContextModel:
    """Train the CBOW context model on the statistics' texts and measure each word's usual score."""
    norms = [[t.norm for t in tokenize(text)] for text in texts]
    model = train(norms, CONTEXT_DIM, CONTEXT_WINDOW, CONTEXT_MIN_COUNT, CONTEXT_EPOCHS, seed)
    return from_gensim(model, norms, CONTEXT_MAX_WORDS, CONTEXT_RADII)


def blind_swaps(col: Collocations, seed: int) -> SynonymSource:
    """A context-blind spinner from the corpus vocabulary: each word may become one of a few random
    words of about its frequency (half to twice its count). It stands for every replacement no
    thesaurus links, so the context table learns what a word the passage did not call for looks like."""
    rng = np.random.default_rng(seed)
    vocab = [w for w in col.words if w.isalpha() and col.count(w) >= MIN_COUNT]
    counts = np.array([col.count(w) for w in vocab], dtype=np.float64)
    order = np.argsort(counts, kind="stable")
    ranked, sorted_counts = [vocab[i] for i in order], counts[order]
    lo = np.searchsorted(sorted_counts, sorted_counts / 2, side="left")
    hi = np.searchsorted(sorted_counts, sorted_counts * 2, side="right")
    picks = lo[:, None] + (rng.random((len(ranked), BLIND_CHOICES)) * (hi - lo)[:, None]).astype(np.int64)
    table = {w: [ranked[j] for j in row if ranked[j] != w] for w, row in zip(ranked, picks, strict=True)}
    return lambda word: table.get(word, [])


def _edges() -> list[np.ndarray]:
    return [
        np.asarray(e, dtype=np.float64) for e in (SUSPICION_EDGES, MISFIT_EDGES, FREQUENCY_EDGES, UNFIT_EDGES)
    ]


def calibration_cells(
    col: Collocations, ctx: ContextModel, texts: Iterable[str]
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Graph-table and context-table cells of the distinct eligible words of each text."""
    return [cells(word_scores(text, col, ctx, MU), *_edges()) for text in texts]


def calibrate(
    col: Collocations,
    ctx: ContextModel,
    docs: Sequence[CorpusArticle],
    synonyms: SynonymSource,
    seed: int,
    meta: dict[str, object],
) -> SpinCalibration:
    """Learn the llr tables on one half of `docs` and the ordinary-news distribution on the other."""
    fit, rank = docs[: len(docs) // 2], docs[len(docs) // 2 :]
    context_shape = (len(MISFIT_EDGES) + 1, len(FREQUENCY_EDGES) + 1, len(UNFIT_EDGES) + 2)
    shape = (len(SUSPICION_EDGES) + 2, *context_shape)
    blind = blind_swaps(col, seed)
    thesaurus_spins = [spin(d.text, synonyms, CALIBRATION_RATE, seed + i)[0] for i, d in enumerate(fit)]
    blind_spins = [spin(d.text, blind, CALIBRATION_RATE, seed + i)[0] for i, d in enumerate(fit)]
    natural = calibration_cells(col, ctx, (d.text for d in fit))
    llr = _llr(natural, calibration_cells(col, ctx, thesaurus_spins), 0, shape)
    context_llr = _llr(natural, calibration_cells(col, ctx, blind_spins), 1, context_shape)
    meta = {
        **meta,
        "llr_docs": len(fit),
        "ranking_docs": len(rank),
        "target_fpr": TARGET_FPR,
        "calibration_spin_rate": CALIBRATION_RATE,
        "context_model": {"dim": CONTEXT_DIM, "window": CONTEXT_WINDOW, "radii": CONTEXT_RADII,
                          "epochs": CONTEXT_EPOCHS, "min_count": CONTEXT_MIN_COUNT, "words": len(ctx.words)},
    }  # fmt: skip
    parts = np.array(
        [[sum_above(t, c, LLR_FLOOR, SHRINK) for t, c in zip((llr, context_llr), cc, strict=True)]
         for cc in calibration_cells(col, ctx, (d.text for d in rank))]
    )  # fmt: skip
    suspicion_edges, misfit_edges, frequency_edges, unfit_edges = _edges()
    cal = SpinCalibration(
        MU,
        suspicion_edges,
        misfit_edges,
        frequency_edges,
        unfit_edges,
        llr,
        context_llr,
        SHRINK,
        LLR_FLOOR,
        np.round(np.quantile(parts, 1.0 - TARGET_FPR, axis=0), 6),
        np.zeros(1),
        round(1.0 - TARGET_FPR, 4),
        EVIDENCE_NATS,
        EVIDENCE_MISFIT,
        EVIDENCE_UNFIT,
        meta,
    )
    stats = np.sort([cal.statistic((g, c)) for g, c in parts])
    return replace(cal, natural=np.round(stats, 6))


def _llr(
    natural: list[tuple[np.ndarray, np.ndarray]], spun: list[tuple[np.ndarray, np.ndarray]], table: int,
    shape: tuple[int, ...],
) -> np.ndarray:  # fmt: skip
    """Log-likelihood ratio "spun" vs "ordinary" of each cell of one table (0: graph, 1: context)."""
    n = int(np.prod(shape))
    ratio = _histogram([c[table] for c in spun], n) / _histogram([c[table] for c in natural], n)
    llr: np.ndarray = np.round(np.log(ratio), 4).reshape(shape)
    return llr


def _histogram(cells: list[np.ndarray], n: int) -> np.ndarray:
    counts = np.bincount(np.concatenate(cells), minlength=n).astype(np.float64) + 1.0  # Laplace
    share: np.ndarray = counts / counts.sum()
    return share


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m saring.signals.build_spin", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--mythes", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--calibration-publisher", default="sindonews")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", type=Path, default=ROOT / "saring")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    entries = read_mythes(args.mythes)
    articles = read_corpus(args.corpus)
    build = [a.text for a in articles if a.publisher != args.calibration_publisher]
    thesaurus, col, counts = build_statistics(build, synonym_edges(entries))
    ctx = build_context(build, args.seed)
    print(
        f"statistics: {len(build)} articles, {int(counts.unigrams.sum())} tokens, "
        f"{len(col.keys)} bigrams kept ({time.perf_counter() - started:.0f}s)",
        file=sys.stderr,
    )
    docs = held_out(articles, {args.calibration_publisher}, build, args.seed)
    meta = {
        "built": time.strftime("%Y-%m-%d"),
        "corpus": args.corpus.name,
        "build_articles": len(build),
        "build_publishers": sorted({a.publisher for a in articles} - {args.calibration_publisher}),
        "calibration_publisher": args.calibration_publisher,
        "tokens": int(counts.unigrams.sum()),
        "bigrams": len(col.keys),
        "min_count": MIN_COUNT,
        "seed": args.seed,
    }
    cal = calibrate(col, ctx, docs, forward_synonyms(entries), args.seed, meta)
    save_thesaurus(thesaurus, args.out / "lexicon" / "data" / "thesaurus_id.npz")
    save_collocations(col, args.out / "signals" / "data" / "spin_bigrams.npz")
    save_context(ctx, args.out / "signals" / "data" / "spin_context.npz")
    (args.out / "signals" / "data" / "spin.json").write_text(
        json.dumps(cal.to_dict(), indent=1) + "\n", encoding="utf-8"
    )
    print(
        f"calibration: {len(docs)} {args.calibration_publisher} articles; done in "
        f"{time.perf_counter() - started:.0f}s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
