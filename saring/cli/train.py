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
        default="rahutomo,news2019",
        help=f"comma list of {', '.join(DATASET_CHOICES)} (default: the shipped recipe, rahutomo,news2019; "
        "news2019 is a light 'not hoax' background, see docs/model.md)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import time

    from saring.errors import SaringError
    from saring.model.train import TrainConfig, train_default

    datasets = tuple(d for d in args.datasets.split(",") if d)
    unknown = sorted(set(datasets) - set(DATASET_CHOICES))
    if unknown or not datasets:
        raise SaringError(
            "bad_request", f"unknown datasets {unknown}; choose from {', '.join(DATASET_CHOICES)}"
        )
    data = args.data or default_data_dir()
    if not data.exists():
        raise SaringError("not_found", f"{data} (pass --data DIR)")
    start = time.perf_counter()
    print(f"training on {', '.join(datasets)} from {data} ...", file=sys.stderr)
    params = train_default(
        data, args.out or default_model_dir(), TrainConfig(datasets=datasets), cache_dir=args.cache
    )
    signals = ", ".join(f"{n} ({params.signal_versions[n]})" for n in params.signals) or "none"
    print(
        f"{params.model_id}: {sum(d['n'] for d in params.metadata['datasets'].values())} examples, "
        f"signals {signals}, threshold {params.threshold:.2f}, {time.perf_counter() - start:.1f} s"
    )
    return 0
