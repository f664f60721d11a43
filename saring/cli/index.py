"""`saring index add INPUT...` and `saring index stats`: the corpus of known articles that
`saring trace` and `saring check --db` trace texts back to."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from saring.article import Article, Rejected
from saring.cli.common import add_ingest_arguments, add_store_arguments

if TYPE_CHECKING:
    from saring.cli.common import RejectTally
    from saring.index.fingerprint import Fingerprint


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("index", help="build the corpus index of known articles",
                       description="Store known articles (cleaned, with MinHash signatures, LSH buckets, "
                                   "anchors and full-text search) so that copies, cuts and spins of them can "
                                   "be traced.")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add articles (same inputs as check); re-adding changes nothing",
                             description="Read, clean and store articles. Each batch is one transaction, so "
                                         "a run that is killed can simply be started again.")
    add.add_argument("inputs", nargs="+", metavar="INPUT", help="file, directory or - (stdin)")
    add_store_arguments(add, "store to add to (created if missing)")
    add.add_argument("--batch-size", type=int, default=None, metavar="N",
                     help="articles per transaction (default: 500)")
    add.add_argument("--workers", type=int, default=1, metavar="N",
                     help="processes reading, cleaning and fingerprinting while this one writes (default: 1)")
    add_ingest_arguments(add)
    add.set_defaults(run=run_add)
    search = actions.add_parser("search", help="full-text search of the indexed articles")
    search.add_argument("words", nargs="+", help="words that must all occur (title or text)")
    add_store_arguments(search, "store holding the index")
    search.add_argument("--limit", type=int, default=10)
    search.set_defaults(run=run_search)
    stats = actions.add_parser("stats", help="show what the index holds")
    add_store_arguments(stats, "store holding the index")
    stats.add_argument("--json", action="store_true", help="print the statistics as JSON")
    stats.set_defaults(run=run_stats)


def _records(args: argparse.Namespace) -> Iterator[Article | Rejected]:
    """Every record of the inputs as read (before cleaning), with a progress bar."""
    from saring.cli.common import ingest_options, progress
    from saring.ingest import read_inputs
    from saring.messages import msg

    return progress(read_inputs(args.inputs, ingest_options(args)), msg("cli.progress.indexing"), args.lang)


def _kept(results: Iterable[Article | Rejected], args: argparse.Namespace, tally: RejectTally,
          ) -> list[Article]:
    """The accepted articles of `results`; rejected records are reported and counted (or stop the run)."""
    from saring.cli.common import format_rejected
    from saring.errors import SaringError
    from saring.messages import msg

    kept = []
    for result in results:
        if isinstance(result, Rejected):
            print(format_rejected(result, args.lang), file=sys.stderr)
            if args.on_error == "stop":
                raise SaringError("bad_request", msg("cli.detail.stopped_at_first"))
            tally.add(result)
            continue
        tally.ok += 1
        kept.append(result)
    return kept


def _cleaned(args: argparse.Namespace, tally: RejectTally, size: int,
             ) -> Iterator[tuple[list[Article], list[Fingerprint]]]:
    """Batches of cleaned, fingerprinted articles in input order: here, or in `args.workers` processes."""
    from saring.cli.common import ingest_options, load_boilerplate_stats
    from saring.index.writer import batched, worker_pool

    setup = (ingest_options(args), load_boilerplate_stats(args))
    batches = batched(_records(args), size)
    if args.workers <= 1:
        for batch in batches:
            results, fingerprints = _clean_and_fingerprint(batch, setup)
            yield _kept(results, args, tally), fingerprints
        return
    with worker_pool(args.workers, _start_worker, setup) as pool:
        for results, fingerprints in pool.imap(_clean_and_fingerprint, batches):
            yield _kept(results, args, tally), fingerprints


_WORKER_SETUP: tuple[Any, Any] = (None, None)  # (IngestOptions, SiteBoilerplate | None) in pool workers


def _start_worker(options: Any, boilerplate: Any) -> None:
    global _WORKER_SETUP
    _WORKER_SETUP = (options, boilerplate)


def _clean_and_fingerprint(batch: list[Article | Rejected], setup: tuple[Any, Any] | None = None,
                           ) -> tuple[list[Article | Rejected], list[Fingerprint]]:
    """Clean a batch of records (rejected ones pass through) and fingerprint the accepted articles."""
    from saring.index.fingerprint import fingerprint_many
    from saring.pipeline import prepare

    options, boilerplate = setup or _WORKER_SETUP
    results = [r if isinstance(r, Rejected) else prepare(r, options, boilerplate) for r in batch]
    return results, fingerprint_many([r for r in results if not isinstance(r, Rejected)])


def run_add(args: argparse.Namespace) -> int:
    from saring.cli.common import RejectTally
    from saring.index.writer import BATCH, add_fingerprinted
    from saring.messages import msg, render
    from saring.store import default_store_url, describe_store, open_store

    tally = RejectTally(lang=args.lang)
    added = existing = 0
    size = args.batch_size or BATCH
    url = args.db or default_store_url()
    with open_store(url) as store:
        store.migrate()
        for batch in add_fingerprinted(store, _cleaned(args, tally, size)):
            added += batch.added
            existing += batch.existing
    counts = {"added": added, "existing": existing, "skipped": tally.n_rejected}
    print(render(msg("cli.index.added", store=describe_store(url), **counts), args.lang), file=sys.stderr)
    if tally.n_rejected:
        print("\n".join(tally.summary_lines()[1:]), file=sys.stderr)
    return 3 if tally.n_rejected else 0


def run_stats(args: argparse.Namespace) -> int:
    import json

    from saring.cli.common import required_store
    from saring.index.stats import index_stats
    from saring.messages import msg, render
    from saring.store import describe_store, open_store

    url = required_store(args)
    with open_store(url) as store:
        store.migrate()
        stats: dict[str, Any] = index_stats(store)
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
        return 0
    table = msg(
        "cli.index.stats", backend=stats["backend"], store=describe_store(url), articles=stats["articles"],
        buckets=stats["buckets"], anchors=stats["anchors"], pending=stats["pending_keys"],
        bytes=stats["bytes"], per_article=stats["bytes_per_article"],
        migrations=", ".join(str(v) for v in stats["migrations"]),
    )
    print(render(table, args.lang))
    for site, n in stats["sites"]:
        print(f"  {n:>8}  {site or render(msg('cli.index.no_site'), args.lang)}")
    return 0


def run_search(args: argparse.Namespace) -> int:
    from saring.cli.common import required_store
    from saring.index.search import fulltext
    from saring.store import open_store

    with open_store(required_store(args)) as store:
        store.migrate()
        rows = fulltext(store, " ".join(args.words), args.limit)
    for r in rows:
        print(f"{r['ext_id']}  {r['site'] or ''} {r['published'] or ''}  {r['title']}  {r['url'] or ''}")
    return 0
