"""`saring batch INPUT... --out DIR`: reports for a whole crawl, sharded, resumable, local or on Dask."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from saring.cli.common import add_ingest_arguments
from saring.messages import msg, render

if TYPE_CHECKING:
    from saring.batch.summary import BatchSummary


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "batch",
        help="analyse many articles into report shards (resumable, parallel, Dask)",
        description=(
            "Read every record of the inputs (files or directories), analyse them and write reports as "
            "JSONL or Parquet shards in --out DIR, with rejects.jsonl and summary.json. Re-running the "
            "same command after a crash resumes it; the outputs are the same as an uninterrupted run."
        ),
    )
    p.add_argument(
        "inputs", nargs="*", metavar="INPUT", help="files or directories (JSONL, CSV, WARC, text, HTML)"
    )
    p.add_argument(
        "--out",
        required=True,
        metavar="DIR",
        help="output directory: new or empty, or the one of this same batch to resume it",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="write into a non-empty --out that holds another batch or other files: the files named "
        "like batch outputs there are removed first",
    )
    p.add_argument("--format-out", default="jsonl", choices=["jsonl", "parquet"], help="report shard format")
    p.add_argument(
        "--engine",
        default="local",
        choices=["local", "dask"],
        help="local process pool, or dask.distributed (a LocalCluster unless --scheduler is given)",
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        help="worker processes (local pool or LocalCluster; default: CPU count %(default)s)",
    )
    p.add_argument(
        "--scheduler",
        metavar="URL",
        help="dask scheduler address, e.g. tcp://HOST:8786 (implies --engine dask)",
    )
    p.add_argument(
        "--shards",
        type=int,
        help="number of shards (default: one per ~4 MB of input, or the count of "
        "the run being resumed); does not depend on -j",
    )
    p.add_argument(
        "--db",
        nargs="?",
        const="",
        metavar="URL",
        help="also add every analysed article to the corpus index in this store, created if missing "
        "(SQLite path or postgresql:// URL; --db alone: $SARING_DB, else ./saring.db); exactly once, "
        "even across resumes",
    )
    add_ingest_arguments(p)
    p.set_defaults(run=run)


def inputs_and_db(inputs: list[str], db: str | None) -> tuple[list[str], str | None]:
    """`--db` takes an optional value, so `saring batch --db crawl.jsonl --out x` gives it the input.
    An existing file or folder that is not a SQLite database cannot be the store anyway: read it as an
    input after `--db` alone."""
    if db and "://" not in db and os.path.exists(db) and not _is_sqlite(db):
        inputs, db = [db, *inputs], ""
    if not inputs:
        from saring.errors import SaringError

        raise SaringError("bad_request", msg("cli.detail.no_inputs"), hint=msg("cli.hint.no_inputs"))
    return inputs, db


def _is_sqlite(path: str) -> bool:
    if os.path.isdir(path):
        return False
    with open(path, "rb") as fh:
        head = fh.read(16)
    return head in (b"", b"SQLite format 3\x00")  # an empty file is a store SQLite will fill


def run(args: argparse.Namespace) -> int:
    from saring.batch.driver import build_plan, run_batch
    from saring.batch.outputs import sha256_file
    from saring.cli.common import ingest_options, load_boilerplate_stats
    from saring.store import default_store_url

    inputs, db = inputs_and_db(args.inputs, args.db)
    boilerplate = args.boilerplate_stats
    if boilerplate:
        load_boilerplate_stats(args)  # a missing or bad file fails here, with its coded message
    plan = build_plan(
        inputs,
        args.out,
        args.shards,
        options=ingest_options(args),
        format_out=args.format_out,
        stop_on_error=args.on_error == "stop",
        db=default_store_url() if db == "" else db,
        boilerplate=boilerplate,
        boilerplate_sha256=sha256_file(Path(boilerplate)) if boilerplate else None,
        lang=args.lang,
    )
    engine = "dask" if args.scheduler else args.engine
    bar = _progress_bar(plan.records, args.lang)
    try:
        summary = run_batch(
            plan, engine, max(1, args.jobs), args.scheduler, on_progress=_update(bar), force=args.force
        )
    except KeyboardInterrupt:
        bar.close()
        print(render(msg("cli.batch.stopped", out=args.out), args.lang), file=sys.stderr)
        raise
    finally:
        bar.close()
    print("\n".join(summary_lines(summary, args.lang)), file=sys.stderr)
    print(render(msg("cli.batch.outputs", out=args.out), args.lang), file=sys.stderr)
    if summary.failed:
        return 1
    return 3 if summary.rejected else 0


def summary_lines(summary: BatchSummary, lang: str) -> list[str]:
    """The human summary printed on stderr at the end of a batch, in `lang`."""
    head = msg("cli.batch.done", reports=summary.ok, rejected=summary.rejected, shards=summary.shards)
    extra = [msg("cli.batch.failed_count", n=len(summary.failed))] if summary.failed else []
    extra += [msg("cli.batch.resumed", n=summary.resumed)] if summary.resumed else []
    out = [
        "".join(render(m, lang) for m in (head, *extra)),
        render(msg("cli.batch.throughput", rate=summary.rate, wall=summary.wall, rss=summary.peak_rss_mb),
               lang),
    ]
    if summary.indexed or summary.index_existing:
        index = msg("cli.batch.index", added=summary.indexed, existing=summary.index_existing)
        out.append(render(index, lang))
    for code, counter, names in (("cli.batch.labels", summary.labels, "terminal.label"),
                                 ("cli.batch.flags", summary.flags, "terminal.signal")):
        if counter:
            counts = ", ".join(f"{_named(names, k, lang)} {n}" for k, n in counter.most_common())
            out.append(render(msg(code, counts=counts), lang))
    for key, n in summary.errors.most_common():
        examples = summary.examples.get(key, [])
        more = n - len(examples)
        out.append(f"  {key}: {n} ({', '.join(examples)}{f', … (+{more})' if more > 0 else ''})")
    for shard, error in sorted(summary.failed.items()):
        out.append(render(msg("cli.batch.shard_failed", shard=shard, error=error), lang))
    if summary.failed:
        out.append(render(msg("cli.batch.retry"), lang))
    return out


def _named(prefix: str, key: str, lang: str) -> str:
    """A label or signal name in words; one the catalogue does not name yet (a new signal) as its code."""
    from saring.messages import catalogue

    code = f"{prefix}.{key}"
    return render(msg(code), lang) if code in catalogue() else key


def _progress_bar(total: int | None, lang: str) -> Any:
    """Records done, rate and ETA on stderr (silent when stderr is not a terminal, as in `check`)."""
    from tqdm import tqdm

    desc, unit = render(msg("cli.progress.batch"), lang), render(msg("cli.progress.unit"), lang)
    return tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, disable=None, dynamic_ncols=True)


def _update(bar: Any) -> Callable[[int], None]:
    def update(done: int) -> None:
        bar.update(done - bar.n)

    return update
