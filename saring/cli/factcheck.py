"""`saring factcheck import FILE...`: load published fact-checks into the store (idempotent)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from saring.cli.common import add_store_arguments

if TYPE_CHECKING:
    from saring.claims.factchecks import FactCheck


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "factcheck",
        help="manage the fact-check collection used to match claims",
        description="Manage the published fact-checks that `saring check` and `saring claims "
        "search` match claims against.",
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = actions.add_parser(
        "import",
        help="import fact-checks from CSV, JSONL or ClaimReview JSON-LD files",
        description="Import fact-checks: CSV/TSV or JSONL records (columns such as claim/"
        "title, rating/verdict, url, date, publisher, lang; a leading "
        "'[SALAH]' tag in a title is read as the rating), schema.org "
        "ClaimReview JSON-LD (.json/.jsonld, or .html pages embedding it) "
        "and Google Fact Check Tools results. Importing the same file again "
        "changes nothing; changed ratings are updated.",
    )
    imp.add_argument("files", nargs="+", metavar="FILE")
    add_store_arguments(imp, "store to import into (created if missing)")
    imp.add_argument("--publisher", default=None, help="publisher for records that name none and have no URL")
    imp.add_argument(  # not --lang: that is the language Saring speaks in (every command has it)
        "--claim-lang", default=None, metavar="CODE",
        help="language code of the claims in records that give none (default: detected)",
    )
    imp.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from saring.claims.embed import embeddings_available
    from saring.claims.factchecks import ImportDefaults, read_factchecks
    from saring.claims.storage import count_factchecks, import_factchecks
    from saring.cli.common import RejectTally
    from saring.messages import msg, render
    from saring.store import default_store_url, describe_store, open_store

    defaults = ImportDefaults(publisher=args.publisher, lang=args.claim_lang)
    tally = RejectTally(lang=args.lang)

    def accepted(path: str) -> Iterator[FactCheck]:
        return tally.passed(read_factchecks(path, defaults))

    url = args.db or default_store_url()
    with open_store(url) as store:
        store.migrate()
        for path in args.files:
            stats = import_factchecks(store, accepted(path))
            counts = {k: getattr(stats, k) for k in ("added", "updated", "unchanged", "embedded")}
            print(render(msg("cli.factcheck.file", path=path, **counts), args.lang))
        total = count_factchecks(store)
    print(render(msg("cli.factcheck.total", store=describe_store(url), total=total), args.lang))
    if not embeddings_available():
        print(render(msg("cli.note", note=msg("cli.factcheck.no_embeddings")), args.lang), file=sys.stderr)
    if tally.n_rejected:
        print("\n".join(tally.summary_lines("read")), file=sys.stderr)
    return 3 if tally.n_rejected else 0
