"""`saring trace FILE...`: which indexed articles does a text copy, cut or spin?"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from saring.cli.common import add_ingest_arguments, add_store_arguments


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("trace", help="find the indexed articles a text copies or spins",
                       description="Trace each article of the inputs back to the articles of the index "
                                   "(saring index add): copies, partial copies, spins and the same story, "
                                   "with the aligned passages.")
    p.add_argument("inputs", nargs="+", metavar="FILE", help="file, directory or - (stdin)")
    add_store_arguments(p, "store holding the index")
    p.add_argument("--limit", type=int, default=5, help="matches per article (default: %(default)s)")
    p.add_argument("--json", action="store_true", help="print one JSON object per article")
    add_ingest_arguments(p)
    p.set_defaults(run=run)


def _numbers(paragraphs: list[int]) -> str:
    return ",".join(str(p + 1) for p in paragraphs)  # 1-based for people; JSON keeps 0-based indices


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def render_matches(title: str, matches: list[dict[str, Any]], lang: str) -> str:
    """The matches of one article for the terminal, in `lang` (the quoted passages as written)."""
    from saring.messages import msg, render

    lines = [title or render(msg("terminal.no_title"), lang)]
    if not matches:
        lines.append(render(msg("cli.trace.no_match"), lang))
    for n, m in enumerate(matches, 1):
        relation = render(msg(f"terminal.relation.{m['relation']}"), lang)
        where = {"id": m["id"], "site": m.get("site") or "", "published": m.get("published") or ""}
        match = msg("cli.trace.match", n=n, relation=f"{relation:<16}", similarity=m["similarity"], **where)
        lines.append(render(match, lang))
        lines.append(f"     {m.get('title') or ''}  {m.get('url') or ''}")
        for p in m["passages"]:
            passage = msg("cli.trace.passage", ours=_numbers(p["query"]["paragraphs"]),
                          theirs=_numbers(p["source"]["paragraphs"]), kind=msg(f"cli.trace.kind.{p['kind']}"),
                          similarity=p["similarity"], text=_clip(p["text"], 70))
            lines.append(render(passage, lang))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from saring.article import Rejected
    from saring.cli.common import (
        RejectTally,
        format_rejected,
        ingest_options,
        load_boilerplate_stats,
        required_store,
    )
    from saring.index import trace
    from saring.ingest import read_inputs
    from saring.messages import localize
    from saring.pipeline import prepare
    from saring.store import open_store

    options = ingest_options(args)
    boilerplate = load_boilerplate_stats(args)
    tally = RejectTally(lang=args.lang)
    with open_store(required_store(args)) as store:
        store.migrate()
        for item in read_inputs(args.inputs, options):
            result = item if isinstance(item, Rejected) else prepare(item, options, boilerplate)
            if isinstance(result, Rejected):
                print(format_rejected(result, args.lang), file=sys.stderr)
                if args.on_error == "stop":
                    return 1
                tally.add(result)
                continue
            tally.ok += 1
            matches = trace(store, result, limit=args.limit)
            if args.json:
                document = {"id": result.id, "title": result.title, "matches": matches}
                print(json.dumps(localize(document, args.lang), ensure_ascii=False))
            else:
                print(render_matches(result.title, matches, args.lang))
    return 3 if tally.n_rejected else 0
