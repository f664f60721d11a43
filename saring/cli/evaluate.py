"""`saring evaluate`: every evaluation protocol, model and baselines, written as eval.md (and JSON)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from saring.cli.train import add_data_arguments

SEEDS = ("000_c39cde28485d60bd.txt", "002_9d3e60e86370aa20.txt")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "evaluate",
        help="evaluate the hoax model and baselines on held-out splits",
        description="Random, leave-topic-out, by-time and cross-dataset evaluation of the hoax "
        "model recipe and two baselines (Naive Bayes, TF-IDF + LR) on the same splits.",
    )
    add_data_arguments(p)
    p.add_argument("--report", type=Path, default=None, metavar="FILE", help="write the Markdown report here")
    p.add_argument("--json", type=Path, default=None, metavar="FILE", help="write the numbers as JSON here")
    p.add_argument("--quick", action="store_true", help="only the gated Rahutomo protocols, model only")
    p.add_argument(
        "--update-baseline",
        type=Path,
        default=None,
        metavar="FILE",
        help="re-pin the quality gate (benchmarks/eval_baseline.json) from this run",
    )
    p.add_argument("--allow-regression", action="store_true", help="let --update-baseline lower a pin")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from saring.cli.train import default_data_dir
    from saring.errors import SaringError
    from saring.messages import msg, render
    from saring.model import gate
    from saring.model.eval_report import to_json, to_markdown
    from saring.model.evaluate import evaluate

    data = args.data or default_data_dir()
    if not data.exists():
        raise SaringError("not_found", msg("cli.detail.no_data", path=str(data)))
    seeds = {name: data.parent / "seeds" / name for name in SEEDS}
    ev = evaluate(
        data,
        seeds=seeds,
        quick=args.quick,
        cache_dir=args.cache,
        tick=lambda what: print(f"  {what}", file=sys.stderr, flush=True),
    )
    command = "saring evaluate --report eval.md" + (" --quick" if args.quick else "")
    markdown = to_markdown(ev, command)
    if args.report:
        args.report.write_text(markdown, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(to_json(ev), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.update_baseline:
        gate.update(to_json(ev), args.update_baseline, args.allow_regression)
        repinned = msg("cli.evaluate.repinned", path=str(args.update_baseline))
        print(render(repinned, args.lang), file=sys.stderr)
    print(markdown)
    return 0
