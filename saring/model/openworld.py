"""Open-world evaluation of the hoax estimate (both population models mixed by form, `estimate.py`).

Saring is judged on posts, outlets and periods that are not in ../shared, so these protocols train
on one period and outlets and test on others (near-duplicate clusters never straddle a split):
- **out of time**: both models trained only on what was published before 2022 (report: Rahutomo +
  2019 news of the background outlets; post: TurnBackHoax 2015-2021 + BDC 2015-2020); tested on the
  2024 rumours against Kompas/Tempo 2019 articles (outlets never trained on);
- **within posts**: BDC by time (post model trained on TurnBackHoax + BDC before 2019);
- **within reports**: Rahutomo leave-topic-out through the mixed estimate;
- **ordinary news**: Kompas/Tempo share labelled hoax and at or above the threshold;
- **shortcut tests**: a classifier on text length alone; Kompas/Tempo articles cut to the length of
  2024 rumours; the 2024 rumours with the scrape's quote marks put back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from saring.model.corpus import Corpus
from saring.model.datasets import Example
from saring.model.evaluate import Protocol, Result
from saring.model.features import article_text, term_freq
from saring.model.metrics import all_metrics, roc_auc
from saring.model.params import ModelParams
from saring.model.splits import by_date, leave_group_out, without_clusters
from saring.model.train import POPULATIONS, TrainingSet, fit, predict_proba

OPEN_DATASETS = ("rahutomo", "turnbackhoax", "bdc", "news2019", "news_kompas_tempo", "tbh2024")
METHOD = "saring estimate"
BDC_CUTOFF = "2019-01-01"


@dataclass(slots=True)
class OpenWorld:
    results: list[Result] = field(default_factory=list)
    checks: dict[str, Any] = field(default_factory=dict)
    sha256: dict[str, str] = field(default_factory=dict)


Models = dict[str, ModelParams]


def fit_models(corpus: Corpus, train: dict[str, np.ndarray]) -> Models:
    return {
        pop: fit(
            corpus.training_set(idx, POPULATIONS[pop]),
            POPULATIONS[pop],
            corpus.signal_names,
            corpus.signal_versions,
        )
        for pop, idx in train.items()
    }


def mixed(
    models: Models, sets: dict[str, TrainingSet], post_weight: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(probability, threshold) per item: the batch twin of `HoaxEstimator.mix`."""
    p = {pop: predict_proba(models[pop], sets[pop]) for pop in models}
    w = post_weight
    return w * p["post"] + (1 - w) * p["report"], w * models["post"].threshold + (1 - w) * models[
        "report"
    ].threshold


def score(corpus: Corpus, models: Models, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    sets = {pop: corpus.training_set(idx, POPULATIONS[pop]) for pop in models}
    return mixed(models, sets, corpus.signals[idx, corpus.signal_names.index("form")])


def _pool(corpus: Corpus, pop: str, test: np.ndarray, extra: np.ndarray | None = None) -> np.ndarray:
    idx = np.concatenate([corpus.where(d) for d in POPULATIONS[pop].datasets])
    if extra is not None:
        idx = np.concatenate([idx, extra])
    return without_clusters(idx, corpus.groups, test)


def _result(dataset: str, name: str, train_on: str, y: np.ndarray, p: np.ndarray, t: np.ndarray) -> Result:
    return Result(Protocol(dataset, name, [], train_on), METHOD, all_metrics(y, p, t))


def out_of_time(corpus: Corpus, band: float) -> tuple[list[Result], dict[str, Any], Models]:
    later, news = corpus.where("tbh2024"), corpus.where("news_kompas_tempo")
    test = np.concatenate([later, news])
    models = fit_models(corpus, {pop: _pool(corpus, pop, test) for pop in POPULATIONS})
    y = corpus.labels()
    p, t = score(corpus, models, test)
    pre = "before 2022 (report + post models)"
    results = [_result("2024 rumours + Kompas/Tempo", "out of time, unseen outlets", pre, y[test], p, t)]
    p_later, t_later = p[: len(later)], t[: len(later)]
    p_news, t_news = p[len(later) :], t[len(later) :]
    categories = np.array([corpus.examples[i].topic for i in later])
    checks: dict[str, Any] = {
        "recall_2024": float(np.mean(p_later >= t_later)),
        "recall_2024_by_category": {
            c: float(np.mean(p_later[categories == c] >= t_later[categories == c]))
            for c in sorted(set(categories))
        },
        "news_n": len(news),
        "news_share_hoax_label": float(np.mean(p_news >= t_news + band)),
        "news_share_p_ge_threshold": float(np.mean(p_news >= t_news)),
        "news_ece": float(all_metrics(y[news], p_news, t_news)["ece"]),
        "auc_form_alone": roc_auc(y[test], corpus.signals[test, corpus.signal_names.index("form")]),
        "auc_length_alone": roc_auc(y[test], -np.array([len(corpus.texts[i].split()) for i in test])),
    }
    return results, checks, models


def within_posts(corpus: Corpus, report_model: ModelParams) -> Result:
    bdc = corpus.where("bdc")
    dates = np.array([corpus.examples[i].date for i in bdc])
    ((train, test),) = by_date(dates, corpus.groups[bdc], BDC_CUTOFF)
    train, test = bdc[train], bdc[test]
    post_pool = _pool(corpus, "post", test)
    post_pool = post_pool[np.isin(post_pool, corpus.where("turnbackhoax")) | np.isin(post_pool, train)]
    models = {"report": report_model, **fit_models(corpus, {"post": post_pool})}
    p, t = score(corpus, models, test)
    return _result(
        "bdc", f"by time (train < {BDC_CUTOFF[:4]})", "turnbackhoax + bdc < 2019", corpus.labels()[test], p, t
    )


def within_reports(corpus: Corpus) -> Result:
    rah = corpus.where("rahutomo")
    post_model = fit_models(corpus, {"post": _pool(corpus, "post", rah)})["post"]
    topics = np.array([corpus.examples[i].topic for i in rah])
    p, t = np.zeros(len(rah)), np.zeros(len(rah))
    for train, test in leave_group_out(topics, corpus.groups[rah]):
        pool = np.concatenate([rah[train], corpus.where("news2019")])
        models = {"post": post_model, **fit_models(corpus, {"report": pool})}
        p[test], t[test] = score(corpus, models, rah[test])
    return _result(
        "rahutomo", "leave-topic-out (12)", "rahutomo + news2019 / tbh + bdc", corpus.labels()[rah], p, t
    )


def rescored(
    corpus: Corpus, models: Models, examples: list[Example], cache_dir: Path | None
) -> tuple[np.ndarray, np.ndarray]:
    """Score texts that are not in the corpus (shortcut variants): clean, hash, run the signals."""
    from saring.model.signal_inputs import signal_matrix, to_article

    articles = [to_article(e) for e in examples]
    texts = [article_text(a.title, a.text) for a in articles]
    signals = signal_matrix(articles, corpus.signal_names, cache_dir)
    return mixed(models, featurise(models, texts, signals), signals[:, corpus.signal_names.index("form")])


def featurise(models: Models, texts: list[str], signals: np.ndarray) -> dict[str, TrainingSet]:
    """Unlabelled `TrainingSet`s of new texts for each population model (`signals`: registry order)."""
    sets = {}
    n = len(texts)
    for pop, params in models.items():
        use = signals if POPULATIONS[pop].use_signals else np.zeros((n, 0))
        tfs = [term_freq(t, params.spec, params.keep_words) for t in texts]
        sets[pop] = TrainingSet(tfs, use, np.zeros(n), np.zeros(n), np.ones(n), np.ones(n, dtype=bool))
    return sets


def shortcut_checks(corpus: Corpus, models: Models, band: float, cache_dir: Path | None) -> dict[str, Any]:
    """Does the estimate lean on length or on the 2024 scrape's quote marks?"""
    from dataclasses import replace

    later, news = corpus.where("tbh2024"), corpus.where("news_kompas_tempo")
    lengths = np.array([len(corpus.examples[i].text.split()) for i in later])
    cut_to = np.random.default_rng(0).choice(lengths, len(news))
    cut = [
        replace(corpus.examples[i], text=" ".join(corpus.examples[i].text.split()[: max(5, k)]))
        for i, k in zip(news, cut_to, strict=True)
    ]
    p_cut, t_cut = rescored(corpus, models, cut, cache_dir)
    sample = later[:: max(1, len(later) // 1000)]
    quoted = [replace(corpus.examples[i], text=f"\u201c{corpus.examples[i].text}\u201d") for i in sample]
    p_q, t_q = rescored(corpus, models, quoted, cache_dir)
    p_plain, t_plain = score(corpus, models, sample)
    return {
        "news_cut_n": len(cut),
        "news_cut_share_p_ge_threshold": float(np.mean(p_cut >= t_cut)),
        "news_cut_share_hoax_label": float(np.mean(p_cut >= t_cut + band)),
        "quotes_n": len(sample),
        "quotes_recall_plain": float(np.mean(p_plain >= t_plain)),
        "quotes_recall_with_marks": float(np.mean(p_q >= t_q)),
        "quotes_mean_abs_change": float(np.mean(np.abs(p_q - p_plain))),
    }


def seed_checks(models: Models, seeds: dict[str, Path]) -> dict[str, Any]:
    """How the estimate (out-of-time models) reads the seeds: probability, population, label."""
    from saring.model.estimate import HoaxEstimator
    from saring.model.predict import HoaxModel
    from saring.model.signal_inputs import analyse_file

    estimator = HoaxEstimator({pop: HoaxModel(params) for pop, params in models.items()})
    out = {}
    for name, path in seeds.items():
        if path.exists():
            hoax = estimator.predict(*analyse_file(path))
            out[name] = {k: hoax[k] for k in ("probability", "label", "population", "post_probability")}
    return out


def open_world(
    data_dir: Path,
    cache_dir: Path | None = None,
    seeds: dict[str, Path] | None = None,
    band: float = 0.15,
    tick: Callable[[str], None] | None = None,
) -> OpenWorld:
    from saring.model.features import FeatureSpec

    say = tick or (lambda _: None)
    corpus = Corpus.load(data_dir, OPEN_DATASETS, FeatureSpec(), cache_dir=cache_dir)
    say("open world / out of time")
    results, checks, models = out_of_time(corpus, band)
    say("open world / BDC by time")
    results.append(within_posts(corpus, models["report"]))
    say("open world / Rahutomo leave-topic-out")
    results.append(within_reports(corpus))
    say("open world / shortcut tests")
    checks |= shortcut_checks(corpus, models, band, cache_dir)
    checks["seeds"] = seed_checks(models, seeds or {})
    return OpenWorld(results, checks, corpus.sha256)
