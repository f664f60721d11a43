"""`saring claims search "TEXT"`: find the published fact-checks that cover a claim."""

from __future__ import annotations

import argparse
import json

from saring.cli.common import add_store_arguments


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "claims",
        help="search fact-checks for a claim",
        description="Work with claims and the fact-check collection in the store.",
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    search = actions.add_parser(
        "search",
        help="find fact-checks covering a claim (Indonesian or English)",
        description="Hybrid search (BM25 + multilingual embeddings) of the imported "
        "fact-checks; a claim in one language finds fact-checks in another.",
    )
    search.add_argument("text", metavar="TEXT", help="the claim, e.g. a sentence from an article")
    add_store_arguments(search, "store holding the fact-checks")
    search.add_argument("-k", type=int, default=5, help="number of results (default: %(default)s)")
    search.add_argument(
        "--mode",
        choices=["hybrid", "lexical", "dense"],
        default="hybrid",
        help="ranking: hybrid (default), lexical (BM25 only) or dense (embeddings only)",
    )
    search.add_argument("--json", action="store_true", help="print JSON (one object per match)")
    search.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from saring.claims.retrieval import FactCheckIndex
    from saring.claims.storage import count_factchecks
    from saring.cli.common import required_store
    from saring.errors import SaringError
    from saring.messages import localize, msg, render
    from saring.store import describe_store, open_store

    url = required_store(args)
    with open_store(url) as store:
        store.migrate()
        if not count_factchecks(store):
            raise SaringError("not_found", msg("cli.detail.no_factchecks", store=describe_store(url)))
        matches = FactCheckIndex(store).search(args.text, k=args.k, mode=args.mode)
    if args.json:
        print(json.dumps(localize([m.to_dict() for m in matches], args.lang), ensure_ascii=False, indent=2))
        return 0
    if not matches:
        print(render(msg("cli.claims.none"), args.lang))
    for rank, m in enumerate(matches, 1):
        fc = m.fact_check
        verdict = render(msg(f"terminal.verdict.{fc.verdict or 'other'}"), args.lang)
        # the fact-checker's own rating, unless it says what the verdict already says ("SALAH (SALAH)")
        said = {fc.verdict or "", verdict.casefold()}
        rating = f" ({fc.rating})" if fc.rating and fc.rating.casefold() not in said else ""
        print(f"{rank:2d}. {m.score:.3f}  [{verdict}{rating}] {fc.claim}")
        where = ", ".join(x for x in (fc.publisher, fc.date, fc.lang) if x)
        print(f"              {where}  {fc.url or ''}".rstrip())
    return 0
