"""What every reader shares: ids, size checks, and turning a mapping of fields into an Article."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Mapping

from saring.article import Article, Rejected, SourceRef
from saring.errors import SaringError
from saring.messages import Msg, msg
from saring.settings import IngestOptions

ReadResult = Article | Rejected
ReadStream = Iterator[ReadResult]
# An http(s) URL whose host is plain lowercase: the host is what `urlsplit(url).hostname` gives, read in
# 0.3 us instead of 4.5 (all 22,136 URLs of the 2019 corpus are such).
_PLAIN_HOST = re.compile(r"https?://([a-z0-9.-]+)(?:[/?#]|\Z)")


def content_id(title: str, text: str) -> str:
    """Stable id from content, so the same article read twice gets the same id."""
    return hashlib.sha1(f"{title}\n{text}".encode("utf-8", "surrogatepass")).hexdigest()[:16]


def check_size(n_bytes: int, options: IngestOptions, label: str | Msg) -> None:
    if n_bytes > options.max_bytes:
        detail = msg("errors.detail.bytes_over_limit", label=label, n=n_bytes, limit=options.max_bytes)
        raise SaringError("too_large", detail)


def open_error(exc: OSError, path: str | None = None) -> SaringError:
    """The coded error for a file that cannot be opened, saying which of the usual reasons it is.

    `path` is named unless the message is shown after it anyway (a rejection's place)."""
    where = {"path": path} if path else {}
    if isinstance(exc, IsADirectoryError):
        detail = msg("errors.detail.is_directory" if path else "errors.detail.is_directory_here", **where)
        return SaringError("not_found", detail, hint=msg("errors.hint.give_a_file"))
    if isinstance(exc, FileNotFoundError):
        detail = msg("errors.detail.no_such_file" if path else "errors.detail.no_such_file_here", **where)
        return SaringError("not_found", detail)
    reason = exc.strerror or str(exc)
    said = msg("errors.detail.at_place", place=path, detail=reason) if path else reason
    return SaringError("not_found", said, hint=msg("errors.hint.check_path"))


def json_error(exc: json.JSONDecodeError) -> SaringError:
    """`malformed_record` for bad JSON; json's messages that end in "at" ("Invalid control character at")
    read on into the column."""
    what = exc.msg.removesuffix(" at")
    return SaringError("malformed_record", msg("errors.detail.invalid_json", what=what, column=exc.colno))


def reject(source: SourceRef, error: SaringError, excerpt: str = "") -> Rejected:
    return Rejected(
        source=source, code=error.code, reason=error.message, excerpt=excerpt[:200], message=error.to_msg()
    )


def article_from_fields(record: Mapping[str, object], options: IngestOptions, source: SourceRef) -> Article:
    """Map a JSONL/CSV record to an Article; the text field may hold plain text or HTML."""
    fm = options.fields
    if fm.text not in record:
        # one line whatever the header holds (a quoted CSV header may span lines)
        names = ", ".join(" ".join(str(name).split()) for name in record)[:200]
        raise SaringError("missing_field", msg("errors.detail.no_field", field=fm.text, fields=names))
    text = record[fm.text]
    if text is None:
        raise SaringError("missing_field", msg("errors.detail.null_field", field=fm.text))
    if not isinstance(text, str):
        detail = msg("errors.detail.field_not_text", field=fm.text, kind=type(text).__name__)
        raise SaringError("malformed_record", detail)
    check_size(len(text.encode("utf-8", "surrogatepass")), options, msg("errors.label.field", field=fm.text))
    title = _str_field(record, fm.title)
    record_id = _str_field(record, fm.id)
    if _looks_like_html(text):
        from saring.ingest.html import parse_html

        article = parse_html(text, source, options)
        article.title = title or article.title
    else:
        from saring.ingest.text import parse_text

        article = parse_text(text, source, title=title, article_id=record_id)  # no content hash when given
    article.id = record_id or article.id
    article.url = _str_field(record, fm.url) or article.url
    article.published = _str_field(record, fm.date) or article.published
    article.site = _str_field(record, fm.site) or article.site or site_from_url(article.url)
    known = {fm.text, fm.title, fm.id, fm.url, fm.date, fm.site}
    article.metadata = {str(k): str(v) for k, v in record.items() if k not in known and v not in (None, "")}
    return article


def _str_field(record: Mapping[str, object], key: str) -> str:
    value = record.get(key)
    return "" if value is None else str(value).strip()


def _looks_like_html(text: str) -> bool:
    head = text[:2000]
    if "<" not in head:  # every tag below needs one: plain text is not lowercased for nothing
        return False
    head = head.lower()
    paragraph = "<p>" in head and "</p>" in head
    return "<html" in head or "<body" in head or paragraph or "<!doctype html" in head


def site_from_url(url: str | None) -> str | None:
    if not url:
        return None
    plain = _PLAIN_HOST.match(url)
    if plain:
        host = plain.group(1)
    else:
        from urllib.parse import urlsplit

        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    return host.removeprefix("www.") or None

