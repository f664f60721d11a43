"""`saring boilerplate learn INPUT... --out FILE`: learn each site's recurring paragraphs from a crawl.

The saved statistics are then used by `check`/`index`/`batch` with `--boilerplate-stats FILE`, so a
footer that a site prints under every article is removed even when no documented pattern covers it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from saring.article import Article
from saring.cli.common import add_ingest_arguments

if TYPE_CHECKING:
    from saring.cli.common import RejectTally


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("boilerplate", help="learn per-site boilerplate statistics from a crawl")
    p.add_argument("action", choices=["learn"],
                   help="learn: count paragraphs recurring across a site's articles")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="JSONL/CSV/WARC files or directories")
    p.add_argument("--out", required=True, help="JSON file to write the statistics to")
    p.add_argument("--min-docs", type=int, default=5,
                   help="a paragraph must recur in at least this many articles")
    p.add_argument("--min-share", type=float, default=0.05,
                   help="... and in at least this share of the site's articles")
    add_ingest_arguments(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import os
    import tempfile

    from saring.clean import learn_site_boilerplate
    from saring.cli.common import RejectTally
    from saring.errors import SaringError
    from saring.messages import msg, render

    tally = RejectTally(lang=args.lang)
    stats = learn_site_boilerplate(_articles(args, tally), args.min_docs, args.min_share)
    if not tally.ok:  # nothing read: writing `{}` would look like a result
        raise SaringError("empty_input", msg("cli.detail.nothing_read", inputs=", ".join(args.inputs)))
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(os.path.abspath(args.out)), suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(stats.to_json())
    os.replace(tmp, args.out)
    n = sum(len(h) for h in stats.hashes.values())
    learned = msg("cli.boilerplate.learned", paragraphs=n, sites=len(stats.hashes), articles=tally.ok,
                  out=args.out)
    print(render(learned, args.lang), file=sys.stderr)
    if not n:
        note = msg("cli.boilerplate.none_recur", min_docs=args.min_docs)
        print(render(msg("cli.note", note=note), args.lang), file=sys.stderr)
    if tally.n_rejected:
        print("\n".join(tally.summary_lines("read")), file=sys.stderr)
    return 3 if tally.n_rejected else 0


def _articles(args: argparse.Namespace, tally: RejectTally) -> Iterator[Article]:
    """The articles read, every rejected record printed and counted (a missing file is one)."""
    from saring.cli.common import ingest_options, progress
    from saring.ingest import read_inputs
    from saring.messages import msg

    stream = read_inputs(args.inputs, ingest_options(args))
    return tally.passed(progress(stream, msg("cli.progress.reading"), args.lang))
