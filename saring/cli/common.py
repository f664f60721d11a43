"""Options and helpers shared by every command that reads articles (check, index, batch)."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from saring.article import Rejected
from saring.messages import DEFAULT_LANG, Msg, msg, render
from saring.settings import FieldMap, IngestOptions

if TYPE_CHECKING:
    from saring.clean import SiteBoilerplate

T = TypeVar("T")


def add_ingest_arguments(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("input")
    g.add_argument("--format", default="auto",
                   choices=["auto", "text", "html", "jsonl", "csv", "warc", "image", "pdf"],
                   help="input format (default: from the file name, then the content)")
    g.add_argument("--text-field", default="text",
                   help="JSONL/CSV field with the article text (default: text)")
    g.add_argument("--title-field", default="title",
                   help="JSONL/CSV field with the headline (default: title)")
    g.add_argument("--id-field", default="id", help="JSONL/CSV field with the article id (default: id)")
    g.add_argument("--url-field", default="url", help="JSONL/CSV field with the URL (default: url)")
    g.add_argument("--date-field", default="date",
                   help="JSONL/CSV field with the publication date (default: date)")
    g.add_argument("--site-field", default="site", help="JSONL/CSV field with the site name (default: site)")
    g.add_argument("--encoding", default=None,
                   help="force a text encoding (default: detect UTF-8/cp1252/latin-1)")
    g.add_argument("--max-bytes", type=int, default=IngestOptions().max_bytes,
                   help="size limit per article in bytes (default: %(default)s)")
    g.add_argument("--html-extractor", default="trafilatura", choices=["trafilatura", "resiliparse"],
                   help="HTML body extractor: trafilatura (accurate) or resiliparse (fast)")
    g.add_argument("--any-lang", action="store_true",
                   help="analyse articles in any language (default: Indonesian only)")
    g.add_argument("--boilerplate-stats", metavar="FILE", default=None,
                   help="per-site boilerplate statistics from `saring boilerplate learn`")
    g.add_argument("--on-error", default="skip", choices=["skip", "stop"],
                   help="multi-record inputs: skip bad records and go on, or stop at the first "
                        "(default: skip)")


def ingest_options(args: argparse.Namespace) -> IngestOptions:
    fields = FieldMap(text=args.text_field, title=args.title_field, id=args.id_field, url=args.url_field,
                      date=args.date_field, site=args.site_field)
    return IngestOptions(max_bytes=args.max_bytes, format=args.format, encoding=args.encoding, fields=fields,
                         html_extractor=args.html_extractor, accept_langs=() if args.any_lang else ("id",))


def load_boilerplate_stats(args: argparse.Namespace) -> SiteBoilerplate | None:
    if not getattr(args, "boilerplate_stats", None):
        return None
    from saring.clean import SiteBoilerplate
    from saring.errors import SaringError
    from saring.ingest.base import open_error

    try:
        with open(args.boilerplate_stats, encoding="utf-8") as fh:
            return SiteBoilerplate.from_json(fh.read())
    except OSError as exc:
        raise open_error(exc, args.boilerplate_stats) from exc
    except (ValueError, TypeError, AttributeError) as exc:  # not JSON, or JSON of another shape
        detail = msg("cli.detail.not_boilerplate_stats", path=args.boilerplate_stats)
        raise SaringError("bad_request", detail, hint=msg("cli.hint.boilerplate_stats")) from exc


def progress(items: Iterable[T], desc: Msg, lang: str) -> Iterator[T]:
    """A progress bar on stderr when it is a terminal; silent otherwise (logs stay clean)."""
    from tqdm import tqdm

    desc_text, unit = render(desc, lang), render(msg("cli.progress.unit"), lang)
    yield from tqdm(items, desc=desc_text, unit=unit, file=sys.stderr, disable=None, dynamic_ncols=True)


@dataclass
class RejectTally:
    """Counts rejected records by reason and keeps where they were, for the end-of-run summary."""

    lang: str = DEFAULT_LANG
    counts: Counter[str] = field(default_factory=Counter)
    where: dict[str, list[str]] = field(default_factory=dict)
    ok: int = 0

    def add(self, rejected: Rejected) -> None:
        key = f"{rejected.code} {rejected.reason.split(' ')[1].rstrip(':')}"
        self.counts[key] += 1
        place = rejected.source.path + (f":{rejected.source.line}" if rejected.source.line else "")
        self.where.setdefault(key, []).append(place)

    def passed(self, items: Iterable[T | Rejected]) -> Iterator[T]:
        """The items that are not rejected; each rejected one is printed to stderr and counted."""
        for item in items:
            if isinstance(item, Rejected):
                print(format_rejected(item, self.lang), file=sys.stderr)
                self.add(item)
            else:
                self.ok += 1
                yield item

    @property
    def n_rejected(self) -> int:
        return sum(self.counts.values())

    def summary_lines(self, done: str = "analysed") -> list[str]:
        """`saring: 3 analysed, 4 skipped` (`done`: analysed or read), then one line per reason."""
        lines = [render(msg(f"cli.tally.{done}", ok=self.ok, skipped=self.n_rejected), self.lang)]
        for key, n in self.counts.most_common():
            places = self.where[key]
            shown = ", ".join(places[:5]) + (f", … (+{len(places) - 5})" if len(places) > 5 else "")
            lines.append(f"  {key}: {n} ({shown})")
        return lines


def format_rejected(rejected: Rejected, lang: str) -> str:
    """`saring: error: FILE:LINE: SAR-E0xx name: detail (hint)`, in `lang`."""
    place = rejected.source.path + (f":{rejected.source.line}" if rejected.source.line else "")
    reason = render(rejected.message, lang) if rejected.message else rejected.reason
    return render(msg("cli.error_line", error=f"{place}: {reason}"), lang)


def add_store_arguments(parser: argparse.ArgumentParser, use: str, can_skip: bool = False) -> None:
    """--db with the one default every command shares; `can_skip` adds --no-db for those that need none."""
    default = "$SARING_DB, else ./saring.db" + (" if it exists" if can_skip else "")
    help_text = f"{use}: SQLite path or postgresql:// URL (default: {default})"
    if not can_skip:
        parser.add_argument("--db", default=None, metavar="URL", help=help_text)
        return
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--db", default=None, metavar="URL", help=help_text)
    group.add_argument("--no-db", action="store_true",
                       help="use no store: claims are listed but not matched to fact-checks, no provenance")


def store_to_consult(args: argparse.Namespace) -> str | None:
    """The store a command that also works without one reads (None: --no-db, or no default store)."""
    from saring.store import store_to_read

    return None if getattr(args, "no_db", False) else store_to_read(args.db)


def required_store(args: argparse.Namespace) -> str:
    """The store a command that only reads one works on; never created, so a missing one is an error."""
    from saring.errors import SaringError

    url = store_to_consult(args)
    if url is None:
        raise SaringError("not_found", msg("cli.detail.no_store"))
    return url
