"""`saring train`: retrain the hoax model from ../shared/data with the currently registered signals."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DATASET_CHOICES = ("rahutomo", "turnbackhoax", "bdc", "news2019")


def default_data_dir() -> Path:
    """`../shared/data` beside the checkout (override with --data)."""
    return Path(__file__).resolve().parents[2].parent / "shared" / "data"


def default_model_dir() -> Path:
    return Path(__file__).resolve().parents[1] / "model" / "data"


def add_data_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--data", type=Path, default=None, metavar="DIR", help="labelled datasets (default: ../shared/data)"
    )
    p.add_argument(
        "--cache",
        type=Path,
        default=None,
        metavar="DIR",
        help="signal-score cache (default: ~/.cache/saring/model)",
    )


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "train",
        help="retrain the hoax model (writes saring/model/data/hoax_model.*)",
        description="Train the hoax model on the shipped recipe: n-grams of verdict-masked text plus "
        "the scores of every registered signal, Platt-calibrated on held-out folds.",
    )
    add_data_arguments(p)
    p.add_argument(
        "--out", type=Path, default=None, metavar="DIR", help="artefact folder (default: the package's)"
    )
    p.add_argument(
        "--datasets",
        default=None,
        help=f"comma list of {', '.join(DATASET_CHOICES)} for the --population model (default: the shipped "
        "recipes, report = rahutomo,news2019 and post = turnbackhoax,bdc; see docs/model.md)",
    )
    p.add_argument(
        "--population", choices=("report", "post"), default=None,
        help="train only this population's model (default: both)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import time
    from dataclasses import replace

    from saring.errors import SaringError
    from saring.messages import msg, render
    from saring.model.params import POPULATION_STEMS
    from saring.model.train import POPULATIONS, train_default

    populations = [args.population] if args.population else list(POPULATIONS)
    configs = {name: POPULATIONS[name] for name in populations}
    if args.datasets is not None:
        datasets = tuple(d for d in args.datasets.split(",") if d)
        unknown = sorted(set(datasets) - set(DATASET_CHOICES))
        if unknown or not datasets:
            detail = msg("cli.detail.unknown_datasets", unknown=", ".join(unknown) or "''",
                         choices=", ".join(DATASET_CHOICES))
            raise SaringError("bad_request", detail)
        name = args.population or "report"
        configs = {name: replace(POPULATIONS[name], datasets=datasets)}
    data = args.data or default_data_dir()
    if not data.exists():
        raise SaringError("not_found", msg("cli.detail.no_data", path=str(data)))
    for name, config in configs.items():
        start = time.perf_counter()
        begin = msg("cli.train.start", population=name, datasets=", ".join(config.datasets), data=str(data))
        print(render(begin, args.lang), file=sys.stderr)
        params = train_default(
            data, args.out or default_model_dir(), config, cache_dir=args.cache, stem=POPULATION_STEMS[name]
        )
        signals = ", ".join(f"{n} ({params.signal_versions[n]})" for n in params.signals)
        n = sum(d["n"] for d in params.metadata["datasets"].values())
        done = msg("cli.train.done", population=name, model=params.model_id, n=n,
                   signals=signals or msg("common.none"), threshold=params.threshold,
                   seconds=time.perf_counter() - start)
        print(render(done, args.lang))
    return 0
