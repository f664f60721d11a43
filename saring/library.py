"""The Python API: `check` one article, `check_many` a stream of them; each gives a `Report`.

This is the pipeline of `saring check` and `saring batch` - `prepare`, then `Analyzer.analyze` with one
Analyzer per process and store (`saring.batch.runner.worker_analyzer` without a store) - not a second
one. An item is article text, a file path (`pathlib.Path`, or a `str` naming an existing file), an
`Article`, or (for `check_many`) a mapping with JSONL field names ("text", "title", "id", "url"...).
Whatever the pipeline refuses raises `SaringError` with its stable code (`err.code`, `err.name`).

    import saring
    report = saring.check("Pemerintah mengumumkan ...", title="Harga BBM turun")
    report.hoax["probability"], [s.name for s in report.signals if s.flag]
    rows = [saring.report_row(r) for r in saring.check_many(texts, jobs=2)]
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from saring.article import Article, Rejected, SourceRef
from saring.errors import CODES, SaringError
from saring.messages import Msg, msg
from saring.settings import IngestOptions

if TYPE_CHECKING:
    from saring.pipeline import Analyzer
    from saring.report import Report

Item: TypeAlias = str | os.PathLike[str] | Article | Mapping[str, object]
OnError = Literal["raise", "skip"]

CHUNK = 32  # articles per task sent to a worker: the pickling round trip costs little next to 32 analyses
_IN_FLIGHT = 2  # chunks queued per worker: enough to keep each busy, few enough to stream
_HINTS = {"not_indonesian": msg("errors.hint.any_lang_param")}  # the library's parameter, not a CLI flag


def check(item: Item, *, title: str = "", db: str | None = None, any_lang: bool = False) -> Report:
    """The report on one article.

    `title`: the headline of a text given as `str`. `db`: a SQLite path or postgresql:// URL whose
    fact-checks are matched to the claims and whose indexed articles fill provenance; None (default)
    consults no store. `any_lang`: analyse a text that is not Indonesian instead of refusing it.
    """
    options = _options(any_lang)
    found = list(itertools.islice(_read(item, title, options), 2))
    if len(found) != 1:
        detail = msg("errors.detail.several_records" if found else "errors.detail.no_record")
        raise SaringError("bad_request", detail, hint=msg("errors.hint.use_check_many"))
    report = _check_one(found[0], options, db, skip=False)
    assert report is not None  # skip=False raises instead of returning None
    return report


def check_many(
    items: Iterable[Item], *, jobs: int = 1, db: str | None = None, any_lang: bool = False,
    on_error: OnError = "raise",
) -> Iterator[Report]:
    """Reports on many articles, in input order, as they are ready (a file yields one per record).

    `jobs` > 1 analyses in that many worker processes (each loads the models once, a few seconds).
    `on_error`: "raise" stops at the first refused item with its `SaringError`; "skip" leaves it out -
    give items an id ("id" key, or `Article.id`) to join reports back to inputs.
    """
    if on_error not in ("raise", "skip"):
        detail = msg("errors.detail.unknown_on_error", value=repr(on_error))
        hint = msg("errors.hint.choose_one", choices="'raise', 'skip'")
        raise SaringError("bad_request", detail, hint=hint)
    options = _options(any_lang)
    articles = _read_all(items, options, skip=on_error == "skip")
    if jobs <= 1:
        reports: Iterable[Report | None] = (_check_one(a, options, db, on_error == "skip") for a in articles)
    else:
        reports = _pooled(articles, jobs, db, any_lang, on_error == "skip")
    return (report for report in reports if report is not None)


def report_row(report: Report) -> dict[str, Any]:
    """One flat row of scores and flags for a table (a pandas DataFrame), keyed by the article id."""
    article = report.article
    row: dict[str, Any] = {"id": article.id, "title": article.title, "lang": article.lang}
    hoax = report.hoax or {}
    row["hoax_probability"], row["hoax_label"] = hoax.get("probability"), hoax.get("label")
    for signal in report.signals:
        row[f"{signal.name}_score"], row[f"{signal.name}_flag"] = signal.score, signal.flag
    row["claims"], row["provenance"] = len(report.claims), len(report.provenance)
    return row


@lru_cache(maxsize=4)
def _analyzer(db: str | None) -> Analyzer:
    """One Analyzer per process and store: models, word lists and fact-check vectors load once."""
    from saring.batch.runner import worker_analyzer

    if db is None:
        return worker_analyzer()
    from saring.claims.retrieval import FactCheckIndex
    from saring.pipeline import Analyzer
    from saring.store import open_store, store_to_read

    store = open_store(store_to_read(db))  # a path that does not exist is an error, not a new empty store
    store.migrate()
    return Analyzer(factchecks=FactCheckIndex(store), store=store)


def _options(any_lang: bool) -> IngestOptions:
    return IngestOptions(accept_langs=() if any_lang else IngestOptions().accept_langs)


def _read(item: Item, title: str, options: IngestOptions) -> Iterator[Article | Rejected]:
    """The articles an item holds (a file of records holds many); SaringError for what is no article."""
    from saring.ingest import read_inputs
    from saring.ingest.base import article_from_fields, check_size

    path = _as_path(item)
    if title and (path is not None or not isinstance(item, str)):
        hint = msg("errors.hint.title_in_item")
        raise SaringError("bad_request", msg("errors.detail.title_with_text"), hint=hint)
    if isinstance(item, Article):
        yield item
    elif path is not None:  # a file of any format `saring check` reads, or a directory of them
        yield from read_inputs([path], options)
    elif isinstance(item, str):
        from saring.ingest.text import parse_text

        check_size(len(item.encode("utf-8", "surrogatepass")), options, msg("errors.label.the_text"))
        yield parse_text(item, SourceRef("<text>"), title=title)
    elif isinstance(item, Mapping):
        yield article_from_fields(item, options, SourceRef("<record>"))
    else:
        detail = msg("errors.detail.cannot_check_type", kind=type(item).__name__)
        raise SaringError("bad_request", detail, hint=msg("errors.hint.library_items"))


def _as_path(item: Item) -> str | None:
    """The path an item names: a PathLike, or a str naming an existing file (article text is not one)."""
    if isinstance(item, os.PathLike):
        return os.fspath(item)
    if isinstance(item, str) and "\n" not in item and len(item) < 4096 and os.path.isfile(item):
        return item
    return None


def _read_all(items: Iterable[Item], options: IngestOptions, skip: bool) -> Iterator[Article | Rejected]:
    if isinstance(items, (str, os.PathLike, Article, Mapping)):  # one item where a collection was meant
        items = [items]
    for n, item in enumerate(items):
        try:
            yield from _read(item, "", options)
        except SaringError as exc:
            if not skip:
                detail = msg("errors.detail.item", n=n, detail=exc.detail_msg)
                raise SaringError(exc.name, detail, hint=exc.hint) from exc


def _check_one(item: Article | Rejected, options: IngestOptions, db: str | None, skip: bool) -> Report | None:
    from saring.pipeline import prepare

    result = item if isinstance(item, Rejected) else prepare(item, options)
    if isinstance(result, Rejected):
        if skip:
            return None
        raise _refusal(result)
    return _analyzer(db).analyze(result)


def _refusal(rejected: Rejected) -> SaringError:
    """The `SaringError` behind a `Rejected` record (its line kept as a message by `ingest.base.reject`),
    with a hint that names the library's parameters where the shared one names a CLI flag."""
    name = next(e.name for e in CODES.values() if e.code == rejected.code)
    params = rejected.message.params if rejected.message else {}
    where = rejected.source.path + (f":{rejected.source.line}" if rejected.source.line else "")
    detail = params.get("detail")
    said: Msg | str = msg("errors.detail.at_place", place=where, detail=detail) if detail else where
    return SaringError(name, said, hint=_HINTS.get(name) or params.get("hint"))


def _check_chunk(
    chunk: list[Article | Rejected], db: str | None, any_lang: bool, skip: bool,
) -> list[Report | None]:
    """A worker's task (module level, so that spawned processes can import it)."""
    options = _options(any_lang)
    return [_check_one(item, options, db, skip) for item in chunk]


def _pooled(
    articles: Iterator[Article | Rejected], jobs: int, db: str | None, any_lang: bool, skip: bool,
) -> Iterator[Report | None]:
    """Chunks analysed by `jobs` spawned workers, in order, at most `_IN_FLIGHT` chunks per worker queued."""
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"))
    pending: deque[Future[list[Report | None]]] = deque()
    try:
        while chunk := list(itertools.islice(articles, CHUNK)):
            pending.append(pool.submit(_check_chunk, chunk, db, any_lang, skip))
            if len(pending) >= _IN_FLIGHT * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
