"""`saring check ARTICLE|-`: read, clean and analyse articles; print a report per article."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TYPE_CHECKING

from saring.cli.common import add_ingest_arguments, add_store_arguments

if TYPE_CHECKING:
    from saring.claims.retrieval import FactCheckIndex


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("check", help="analyse articles and print explained reports",
                       description="Analyse one article (text or HTML file, or - for stdin) or every record "
                                   "of a JSONL/CSV/WARC file or directory. Multi-record inputs print one "
                                   "report per record.")
    p.add_argument("inputs", nargs="+", metavar="ARTICLE", help="file, directory or - (stdin)")
    p.add_argument("--json", action="store_true",
                   help="print the saring.report/1 JSON document (JSONL for many)")
    p.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                   help="highlight evidence in colour")
    add_store_arguments(p, "store whose fact-checks are matched to the claims and whose indexed articles "
                           "(saring index add) fill provenance", can_skip=True)
    add_ingest_arguments(p)
    p.set_defaults(run=run)


def _factcheck_index(args: argparse.Namespace) -> FactCheckIndex | None:
    """Fact-check search over the store if there is one (claims are matched when it holds fact-checks)."""
    from saring.cli.common import store_to_consult

    db = store_to_consult(args)
    if db is None:
        return None
    from saring.claims.retrieval import FactCheckIndex
    from saring.store import open_store

    store = open_store(db)  # open for the whole run; closed at exit
    store.migrate()
    return FactCheckIndex(store)


def _is_single(paths: list[str], fmt: str) -> bool:
    """One text/HTML document or image: errors are fatal (exit 1) instead of counted and skipped."""
    if len(paths) != 1 or (paths[0] != "-" and os.path.isdir(paths[0])):
        return False
    from saring.ingest import detect_format

    if fmt != "auto":
        return fmt in ("text", "html", "image")
    head = b""
    if paths[0] != "-" and os.path.isfile(paths[0]):
        with open(paths[0], "rb") as fh:
            head = fh.read(4096)
    return detect_format(paths[0], head) in ("text", "html", "image")


def run(args: argparse.Namespace) -> int:
    from saring.article import Rejected
    from saring.cli.common import (
        RejectTally,
        format_rejected,
        ingest_options,
        load_boilerplate_stats,
        progress,
    )
    from saring.ingest import read_inputs
    from saring.messages import msg
    from saring.pipeline import Analyzer, prepare
    from saring.report.render_text import render_text

    options = ingest_options(args)
    single = _is_single(args.inputs, options.format)
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    stats = load_boilerplate_stats(args)
    factchecks = _factcheck_index(args)
    analyzer = Analyzer(factchecks=factchecks, store=factchecks.store if factchecks is not None else None)
    tally = RejectTally(lang=args.lang)
    stream = read_inputs(args.inputs, options)
    for item in (stream if single else progress(stream, msg("cli.progress.checking"), args.lang)):
        result = item if isinstance(item, Rejected) else prepare(item, options, stats)
        if isinstance(result, Rejected):
            print(format_rejected(result, args.lang), file=sys.stderr)
            if single or args.on_error == "stop":
                return 1
            tally.add(result)
            continue
        document = analyzer.analyze(result).to_dict(lang=args.lang)
        tally.ok += 1
        if args.json:
            print(json.dumps(document, ensure_ascii=False, indent=2 if single else None), flush=not single)
        else:
            print(render_text(document, color, lang=args.lang) + ("" if single else "\n" + "\u2500" * 80))
    if not single:
        print("\n".join(tally.summary_lines()), file=sys.stderr)
    return 3 if tally.n_rejected else 0

