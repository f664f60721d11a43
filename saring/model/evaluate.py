"""Honest evaluation: every protocol, the model recipe and both baselines on the same splits.

Protocols (all grouped by near-duplicate cluster, verdict words masked everywhere):
- within a dataset: random stratified 5-fold; Rahutomo also leave-one-topic-out (12 folds), BDC also
  by time (train up to 2018, test 2019-2020);
- across datasets: train on all of A, test on B (train items sharing a cluster with B are dropped);
- ordinary news: the shipped recipe, trained on its datasets, scores 400 Kompas/Tempo 2019 articles
  it never saw; reported as the share called hoax and the seeds' rank among them.
The model recipe is re-fitted inside every outer fold (its Platt scaling and threshold come from inner
folds of that training part only), so no test item influences its own prediction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from saring.model.baselines import BASELINES, baseline_proba
from saring.model.corpus import Corpus
from saring.model.datasets import BACKGROUND
from saring.model.metrics import all_metrics
from saring.model.splits import Split, by_date, grouped_kfold, leave_group_out, without_clusters
from saring.model.train import TrainConfig, fit, predict_proba

MODEL = "saring"
BDC_TIME_CUTOFF = "2019-01-01"
EVAL_DATASETS = ("rahutomo", "turnbackhoax", "bdc", "news2019", "news_kompas_tempo")


@dataclass(frozen=True, slots=True)
class Protocol:
    dataset: str
    name: str
    folds: Split
    train_on: str = ""  # for cross-dataset protocols: the training dataset(s)
    gated: bool = False  # part of the quality gate (benchmarks/eval_baseline.json)


@dataclass(slots=True)
class Result:
    protocol: Protocol
    method: str
    metrics: dict[str, float]


@dataclass(slots=True)
class Evaluation:
    results: list[Result] = field(default_factory=list)
    ablations: list[Result] = field(default_factory=list)
    news: dict[str, Any] = field(default_factory=dict)
    sha256: dict[str, str] = field(default_factory=dict)
    signals: dict[str, str] = field(default_factory=dict)
    open_world: list[Result] = field(default_factory=list)  # the mixed estimate (openworld.py)
    open_checks: dict[str, Any] = field(default_factory=dict)


def _within(corpus: Corpus, dataset: str, make: Callable[[np.ndarray, np.ndarray], Split]) -> Split:
    idx = corpus.where(dataset)
    return [(idx[tr], idx[te]) for tr, te in make(corpus.labels()[idx], corpus.groups[idx])]


def _cross(corpus: Corpus, train: tuple[str, ...], test: str) -> Split:
    test_idx = corpus.where(test)
    train_idx = np.concatenate([corpus.where(d) for d in train])
    return [(without_clusters(train_idx, corpus.groups, test_idx), test_idx)]


def rahutomo_protocols(corpus: Corpus) -> list[Protocol]:
    topics = np.array([e.topic for e in corpus.examples])
    return [
        Protocol("rahutomo", "random 5-fold", _within(corpus, "rahutomo", grouped_kfold), gated=True),
        Protocol(
            "rahutomo",
            "leave-topic-out (12)",
            _within(corpus, "rahutomo", lambda y, g: leave_group_out(topics[corpus.where("rahutomo")], g)),
            gated=True,
        ),
    ]


def all_protocols(corpus: Corpus) -> list[Protocol]:
    bdc = corpus.where("bdc")
    dates = np.array([corpus.examples[i].date for i in bdc])
    return [
        *rahutomo_protocols(corpus),
        Protocol("turnbackhoax", "random 5-fold", _within(corpus, "turnbackhoax", grouped_kfold)),
        Protocol("bdc", "random 5-fold", _within(corpus, "bdc", grouped_kfold)),
        Protocol(
            "bdc",
            f"by time (train < {BDC_TIME_CUTOFF[:4]})",
            [(bdc[tr], bdc[te]) for tr, te in by_date(dates, corpus.groups[bdc], BDC_TIME_CUTOFF)],
        ),
        Protocol("turnbackhoax", "cross-dataset", _cross(corpus, ("rahutomo",), "turnbackhoax"), "rahutomo"),
        Protocol("bdc", "cross-dataset", _cross(corpus, ("rahutomo",), "bdc"), "rahutomo"),
        Protocol("rahutomo", "cross-dataset", _cross(corpus, ("turnbackhoax",), "rahutomo"), "turnbackhoax"),
        Protocol(
            "rahutomo",
            "cross-dataset",
            _cross(corpus, ("turnbackhoax", "bdc"), "rahutomo"),
            "turnbackhoax+bdc",
        ),
        Protocol(
            "bdc", "cross-dataset (same source!)", _cross(corpus, ("turnbackhoax",), "bdc"), "turnbackhoax"
        ),
    ]


VARIANTS = {  # recipe alternatives measured on the Rahutomo protocols (eval.md, "ablations")
    "no signals": TrainConfig(use_signals=False),
    "no news background": TrainConfig(datasets=("rahutomo",)),
    "news background weight 1": TrainConfig(dataset_weight={"news2019": 1.0}),
    "+turnbackhoax+bdc": TrainConfig(datasets=("rahutomo", "turnbackhoax", "bdc", "news2019")),
    "news background weight 0.02 (before issue 14)": TrainConfig(dataset_weight={"news2019": 0.02}),
}


def with_extra_training(corpus: Corpus, protocol: Protocol, datasets: tuple[str, ...]) -> Protocol:
    """The same test folds, each training part extended by other datasets (minus shared clusters)."""
    extra = [corpus.where(d) for d in datasets if d != protocol.dataset]
    if not extra:
        return protocol
    pool = np.concatenate(extra)
    folds = [
        (np.concatenate([tr, without_clusters(pool, corpus.groups, te)]), te) for tr, te in protocol.folds
    ]
    return replace(protocol, folds=folds)


def ablations(corpus: Corpus, tick: Callable[[str], None] | None = None) -> list[Result]:
    out = []
    for variant, config in VARIANTS.items():
        for protocol in rahutomo_protocols(corpus):
            if tick:
                tick(f"ablation {variant} / {protocol.name}")
            labelled = tuple(d for d in config.datasets if d not in BACKGROUND)
            result = run_protocol(corpus, with_extra_training(corpus, protocol, labelled), MODEL, config)
            out.append(Result(protocol, f"{MODEL} {variant}", result.metrics))
    return out


def model_proba(
    corpus: Corpus, train: np.ndarray, test: np.ndarray, config: TrainConfig
) -> tuple[np.ndarray, float]:
    params = fit(corpus.training_set(train, config), config, corpus.signal_names, corpus.signal_versions)
    return predict_proba(params, corpus.training_set(test, config)), params.threshold


def run_protocol(corpus: Corpus, protocol: Protocol, method: str, config: TrainConfig) -> Result:
    """Pooled out-of-fold predictions of one method over the protocol's folds."""
    y = corpus.labels()
    test_all = np.concatenate([te for _, te in protocol.folds])
    prob, threshold = np.zeros(len(y)), np.full(len(y), 0.5)
    if method == MODEL:  # the recipe's background (ordinary news) joins every training part
        protocol = with_extra_training(corpus, protocol, tuple(d for d in config.datasets if d in BACKGROUND))
    for train, test in protocol.folds:
        if method == MODEL:
            prob[test], threshold[test] = model_proba(corpus, train, test, config)
        else:
            prob[test] = baseline_proba(
                method, [corpus.texts[i] for i in train], y[train], [corpus.texts[i] for i in test]
            )
    return Result(protocol, method, all_metrics(y[test_all], prob[test_all], threshold[test_all]))


def news_check(corpus: Corpus, config: TrainConfig, seeds: dict[str, Path]) -> dict[str, Any]:
    """Shipped recipe vs ordinary Kompas/Tempo articles it never saw, and where the seeds fall."""
    from saring.model.predict import HoaxModel
    from saring.model.signal_inputs import analyse_file

    train = np.concatenate([corpus.where(d) for d in config.datasets])
    params = fit(corpus.training_set(train, config), config, corpus.signal_names, corpus.signal_versions)
    news = predict_proba(params, corpus.training_set(corpus.where("news_kompas_tempo"), config))
    model = HoaxModel(params)
    out: dict[str, Any] = {
        "n": len(news),
        "median": float(np.median(news)),
        "share_hoax_label": float(np.mean([model.label(p) == "hoax" for p in news])),
        "share_p_ge_threshold": float(np.mean(news >= params.threshold)),
        "seeds": {},
    }
    for name, path in seeds.items():
        if path.exists():
            p = model.predict(*analyse_file(path))["probability"]
            out["seeds"][name] = {"probability": p, "above_share_of_news": float(np.mean(news < p))}
    return out


def evaluate(
    data_dir: Path,
    config: TrainConfig | None = None,
    seeds: dict[str, Path] | None = None,
    methods: tuple[str, ...] = (MODEL, *BASELINES),
    quick: bool = False,
    cache_dir: Path | None = None,
    tick: Callable[[str], None] | None = None,
) -> Evaluation:
    """Run every protocol (or, `quick`, only the gated Rahutomo ones for the model) and the news check."""
    config = config or TrainConfig()
    datasets = ("rahutomo", "news2019") if quick else EVAL_DATASETS
    corpus = Corpus.load(data_dir, datasets, config.spec, cache_dir=cache_dir)
    result = Evaluation(sha256=corpus.sha256, signals=corpus.signal_versions)
    protocols = rahutomo_protocols(corpus) if quick else all_protocols(corpus)
    for protocol in protocols:
        for method in (MODEL,) if quick else methods:
            if tick:
                tick(f"{protocol.dataset} / {protocol.name} {protocol.train_on} / {method}")
            result.results.append(run_protocol(corpus, protocol, method, config))
    if not quick:
        from saring.model.openworld import open_world

        result.ablations = ablations(corpus, tick)
        result.news = news_check(corpus, config, seeds or {})
        world = open_world(data_dir, cache_dir, seeds, tick=tick)
        result.open_world, result.open_checks = world.results, world.checks
        result.sha256 |= world.sha256
    return result
