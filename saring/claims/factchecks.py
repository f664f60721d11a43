"""Published fact-checks read from CSV, JSONL and schema.org ClaimReview files.

Every input becomes a `FactCheck`: the claim that was checked, its verdict on the small scale of
`saring.claims.verdicts` plus the publisher's own rating text, the publisher, date, URL and language.
Flat records (CSV/JSONL) are mapped by common column names (`FIELD_NAMES`); ClaimReview JSON-LD and
the Google Fact Check Tools API shape are flattened first (`saring.claims.claimreview`).

TurnBackHoax-style titles carry the rating in a leading tag ("[SALAH] Foto ...", "HOAX: ..."): the tag
becomes the rating when no rating column exists and is always removed from the claim text.
The id hashes the review URL and the claim, so importing the same fact-check twice (from the same or
another file) updates one row instead of adding a second.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from saring.article import Rejected, SourceRef
from saring.claims.verdicts import normalize_verdict
from saring.errors import SaringError
from saring.ingest.base import json_error, open_error, reject, site_from_url
from saring.ingest.csvfile import csv_error, header_delimiter
from saring.messages import msg

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

# Record keys tried in order for each field (first non-empty wins).
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "claim": ("claim", "claimReviewed", "claim_text", "text_claim", "title", "headline", "Header", "judul"),
    "rating": ("rating", "textualRating", "verdict", "verdict_tag", "label"),
    "url": ("url", "link", "Link", "review_url", "reviewUrl"),
    "date": ("date", "datePublished", "reviewDate", "published", "tanggal"),
    "publisher": ("publisher", "author", "site", "publisher_name"),
    "lang": ("lang", "language", "inLanguage", "languageCode"),
}
# "[SALAH] ...", "(HOAX) ...", "SALAH] ..." (a real typo in the index), "HOAX: ...".
_TAG = re.compile(
    r"^\s*(?:[\[(]([^\])\n]{1,60})[\])]|([^\W\d_]{3,15})\]|(HOAX|HOAKS|SALAH|FALSE|BENAR)\s*:)\s*[:\-\u2013]?\s*"
)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(slots=True, frozen=True)
class FactCheck:
    """One checked claim with its verdict and where the check was published."""

    id: str
    claim: str
    verdict: str  # one of saring.claims.verdicts.VERDICTS
    rating: str | None = None  # the publisher's own words ("SALAH", "Missing context")
    publisher: str | None = None
    date: str | None = None  # ISO date when the input gave one
    url: str | None = None
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class ImportDefaults:
    """Values for fields an input file lacks (e.g. `--publisher TurnBackHoax`)."""

    publisher: str | None = None
    lang: str | None = None


def split_rating_tag(title: str) -> tuple[str | None, str]:
    """("SALAH", "Foto ...") from "[SALAH] Foto ..."; (None, title) when there is no tag."""
    m = _TAG.match(title)
    if not m or m.end() == len(title):
        return None, title.strip()
    tag = next(g for g in m.groups() if g)
    return tag.strip(), title[m.end() :].strip()


def fact_check_id(url: str | None, claim: str) -> str:
    key = f"{(url or '').strip()}\n{' '.join(claim.casefold().split())}"
    return "fc-" + hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def fact_check_from_record(
    record: Mapping[str, object], defaults: ImportDefaults = ImportDefaults()
) -> FactCheck:
    """Map a flat record to a FactCheck or raise `missing_field` when it has no claim text."""
    fields = {name: _first(record, keys) for name, keys in FIELD_NAMES.items()}
    tag, claim = split_rating_tag(fields["claim"] or "")
    claim = " ".join(claim.split())
    if not claim:
        detail = msg("errors.detail.no_claim_text", fields=", ".join(FIELD_NAMES["claim"]))
        raise SaringError("missing_field", detail, hint=msg("errors.hint.claim_column"))
    rating = fields["rating"] or tag
    url = fields["url"]
    return FactCheck(
        id=fact_check_id(url, claim),
        claim=claim,
        verdict=normalize_verdict(rating),
        rating=rating,
        publisher=fields["publisher"] or site_from_url(url) or defaults.publisher,
        date=_iso_date(fields["date"]),
        url=url,
        lang=fields["lang"] or defaults.lang or _detect_lang(claim),
    )


def read_factchecks(
    path: str | Path, defaults: ImportDefaults = ImportDefaults()
) -> Iterator[FactCheck | Rejected]:
    """Fact-checks of one file (.csv/.tsv, .jsonl, .json/.jsonld ClaimReview, .html with JSON-LD)."""
    path = str(path)
    try:
        text = _decode(Path(path).read_bytes(), path)
    except OSError as exc:
        raise open_error(exc, path) from exc
    suffix = Path(path).suffix.lower()
    if suffix in (".csv", ".tsv"):
        records: Iterator[tuple[SourceRef, Mapping[str, object] | SaringError]] = _csv_records(text, path)
    elif suffix == ".jsonl":
        records = _jsonl_records(text, path)
    elif suffix in (".json", ".jsonld", ".html", ".htm"):
        from saring.claims.claimreview import claimreview_records

        records = ((SourceRef(path, n), r) for n, r in enumerate(claimreview_records(text, suffix), 1))
    else:
        raise SaringError("unsupported_format", msg("errors.detail.factcheck_suffix", path=path))
    for source, record in records:
        if isinstance(record, SaringError):
            yield reject(source, record)
            continue
        try:
            yield fact_check_from_record(record, defaults)
        except SaringError as exc:
            yield reject(source, exc, json.dumps(record, ensure_ascii=False, default=str))


def _csv_records(text: str, path: str) -> Iterator[tuple[SourceRef, Mapping[str, object] | SaringError]]:
    delimiter = header_delimiter(text.partition("\n")[0])  # only the delimiter is guessed: RFC 4180 quoting
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    while True:
        line_no = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield SourceRef(path, line_no), SaringError("malformed_record", csv_error(exc))
            continue
        yield SourceRef(path, line_no), row


def _jsonl_records(text: str, path: str) -> Iterator[tuple[SourceRef, Mapping[str, object] | SaringError]]:
    from saring.claims.claimreview import flatten_claimreview, is_claimreview

    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        source = SourceRef(path, n)
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield source, json_error(exc)
            continue
        if not isinstance(record, dict):
            detail = msg("errors.detail.json_kind_not_object", kind=type(record).__name__)
            yield source, SaringError("malformed_record", detail)
        elif is_claimreview(record):
            yield from ((source, r) for r in flatten_claimreview(record))
        else:
            yield source, record


def _decode(data: bytes, path: str) -> str:
    """UTF-8 as is (whole-file mojibake repair costs seconds on a big dump); other encodings detected."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from saring.ingest.decode import decode_bytes

        return decode_bytes(data, label=path)


def _first(record: Mapping[str, object], keys: tuple[str, ...]) -> str | None:
    """The first non-empty of `keys`; a list or object there is refused (its repr is not a claim)."""
    for key in keys:
        value = record.get(key)
        if isinstance(value, list | dict):
            detail = msg("errors.detail.field_json_not_text", field=key, kind=type(value).__name__)
            raise SaringError("malformed_record", detail, hint=msg("errors.hint.one_record_per_factcheck"))
        if value not in (None, ""):
            text = str(value).strip()
            if text:
                return text
    return None


def _iso_date(raw: str | None) -> str | None:
    if not raw:
        return None
    m = _ISO_DATE.search(raw)
    return m.group() if m else raw


def _detect_lang(claim: str) -> str | None:
    from saring.clean.lang import identify

    lang, _ = identify(claim)
    return None if lang == "und" else lang
