"""The plain data that flows through the pipeline.

`Article` carries typed result slots instead of a free-form dict (see STYLE.md lesson 2): readers fill
the raw fields, cleaning fills `text`/`paragraphs`/`removed`/`lang`, and every later stage only reads it.
All character offsets (`paragraphs`, evidence spans) refer to the cleaned `text`, except evidence
whose `field` is ``"title"``, which refers to `title`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, TypeAlias

from saring.messages import Msg

# A sentence for people: a catalogue message, rendered at the edges (saring.messages). A plain `str` is
# accepted only from modules not yet moved to the catalogue (spin, OCR); `render` passes it through.
Prose: TypeAlias = Msg | str


@dataclass(slots=True, frozen=True)
class SourceRef:
    """Where a record came from, so every error and report can point back to it."""

    path: str
    line: int | None = None  # 1-based line (JSONL/CSV) or record number (WARC)


@dataclass(slots=True, frozen=True)
class Removed:
    """Something cleaning took out of the text, and why (nothing is dropped silently).

    `reason` is a stable code ("duplicate_paragraph", "boilerplate:share_bar"); the report says it in
    words (`saring.report.build.removed_msg`)."""

    text: str
    reason: str


@dataclass(slots=True, frozen=True)
class OcrLine:
    """One line read from an image, with Tesseract's mean word confidence (0-100)."""

    text: str
    confidence: float


@dataclass(slots=True, frozen=True)
class OcrInfo:
    """How an image article was read: the layout seen, the kept lines, the doubtful word runs."""

    layout: str  # chat | post | news | screenshot (see saring/ingest/layout.py)
    mean_confidence: float
    lines: tuple[OcrLine, ...] = ()
    low_confidence: tuple[str, ...] = ()  # runs of words read with low confidence, in reading order


@dataclass(slots=True)
class Article:
    """One news article. `raw_text` is what the reader saw; `text` is the cleaned body."""

    id: str
    raw_text: str
    title: str = ""
    url: str | None = None
    site: str | None = None
    published: str | None = None  # ISO 8601 date when known
    source: SourceRef | None = None
    text: str = ""
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    lang: str | None = None
    lang_score: float | None = None
    metadata: dict[str, str] = field(default_factory=dict)  # pass-through input fields only
    ocr: OcrInfo | None = None  # set when the text was read from an image

    def paragraph_texts(self) -> list[str]:
        return [self.text[start:end] for start, end in self.paragraphs]


@dataclass(slots=True, frozen=True)
class Rejected:
    """A record a reader or cleaner could not turn into an article, with a coded reason.

    `reason` is the English line logs and `rejects.jsonl` keep; `message` the same line as a catalogue
    message, for the CLI and API to say in the reader's language."""

    source: SourceRef
    code: str
    reason: str
    excerpt: str = ""
    message: Msg | None = field(default=None, compare=False)


@dataclass(slots=True, frozen=True)
class Evidence:
    """A span that supports a signal: ``article.text[start:end] == text`` (or title, by `field`)."""

    start: int
    end: int
    text: str
    why: Prose
    field: Literal["text", "title"] = "text"

    def to_dict(self) -> dict[str, object]:
        """Messages stay `Msg` objects here: the report renders them in the reader's language."""
        return {"start": self.start, "end": self.end, "text": self.text, "why": self.why, "field": self.field}


@dataclass(slots=True)
class SignalResult:
    """Output of one signal: a 0..1 score, a flag at a documented threshold, and its evidence."""

    name: str
    version: str
    score: float
    flag: bool
    threshold: float
    summary: Prose = ""
    evidence: list[Evidence] = field(default_factory=list)
    details: dict[str, object] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "version": self.version,
            "score": round(float(self.score), 4),
            "flag": bool(self.flag),
            "threshold": self.threshold,
            "summary": self.summary,
            "evidence": [e.to_dict() for e in self.evidence],
            "details": self.details,
        }


def evidence_at(
    article: Article, start: int, end: int, why: Prose, field: Literal["text", "title"] = "text"
) -> Evidence:
    """Build evidence from offsets so that its `text` always matches the article."""
    source = article.title if field == "title" else article.text
    return Evidence(start=start, end=end, text=source[start:end], why=why, field=field)
