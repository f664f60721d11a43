"""WhatsApp "Ekspor chat" text files: one article per turn worth judging, the chat's chrome removed.

Most rumours reach people as forwards in a chat, and the way to get them out of WhatsApp as text is
its export: every message opens with a date, a time and the sender ("12/05/24 10.16 - Budi: ..." on
Android, "[12/05/24 10.16.32] Budi: ..." on iPhone; the date order and time separators follow the
phone's locale), a message's further lines follow without a header, and the app adds lines of its own
(the end-to-end notice, "<Media tidak disertakan>", "Pesan ini telah dihapus"). Read as one article,
the timestamps become the text's strongest "word patterns" and every reply is mixed into the forward.

So the reader splits the export into *turns* (a sender's consecutive messages, a rumour and its
"Sebarkan!!" follow-up, within `TURN_GAP_MINUTES`) and yields each turn with at least `MIN_WORDS`
words as an article: its text without headers or app lines (listed in `removed`: nothing is dropped
silently), `published` from the message date, `source.line` the turn's first line in the file, and
the sender in `metadata["chat_sender"]`. Shorter turns are conversation ("Beneran ini pak?"), not
content to judge; a chat with no turn long enough is refused as `too_short`, saying how many turns it
read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from saring.article import Article, Removed, SourceRef
from saring.errors import SaringError
from saring.ingest.base import ReadResult, content_id, reject
from saring.ingest.text import parse_text
from saring.messages import msg

MIN_WORDS = 8
TURN_GAP_MINUTES = 10
_MIN_HEADER_SHARE = 0.3  # of non-blank lines, for a file of several messages to be read as an export

# An exported message: date, time (with "." or ":", optional seconds / AM-PM), then " - " (Android) or
# "] " (iPhone). Messages copied out of the app instead: "[10.16, 12/5/2024] Budi: ...".
_TIME = r"(?P<time>\d{1,2}[.:]\d{2}(?:[.:]\d{2})?)(?:\s?(?P<ampm>[AaPp]\.?\s?[Mm]\.?))?"
_DATE = r"(?P<date>\d{1,2}[./-]\d{1,2}[./-]\d{2,4})"
_HEADERS = (
    re.compile(rf"^\u200e?\[?{_DATE},? {_TIME}(?:\] | - )(?P<rest>.*)$"),
    re.compile(rf"^\u200e?\[{_TIME}, {_DATE}\] (?P<rest>.*)$"),
)
_LEADING_SPACE = re.compile(r"\s*")
_SENDER = re.compile(r"^(?P<sender>[^:\n]{1,60}?): (?P<text>.*)$")
_APP_LINES = re.compile(
    r"^\u200e?(?:<?(?:media|gambar|video|audio|stiker|dokumen|gif|image|sticker|document)"
    r" (?:tidak disertakan|omitted|dihilangkan)>?|<media omitted>|null"
    r"|pesan ini (?:telah )?dihapus|anda menghapus pesan ini"
    r"|this message was deleted|you deleted this message"
    r"|<?pesan ini (?:telah )?diedit>?|<?this message was edited>?|pesan sekali lihat|view once message"
    r"|panggilan (?:suara|video) tak terjawab|missed (?:voice|video) call)\.?$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Turn:
    sender: str
    line: int
    started: datetime | None
    last: datetime | None
    messages: list[list[str]] = field(default_factory=list)  # each message's lines
    removed: list[Removed] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n".join("\n".join(m) for m in self.messages).strip()

    @property
    def words(self) -> int:
        return len(self.body.split())


def _header(line: str) -> re.Match[str] | None:
    for pattern in _HEADERS:
        found = pattern.match(line)
        if found:
            return found
    return None


def looks_like_chat_export(text: str) -> bool:
    """The first non-blank line is a message header naming its sender, and headers open a good share of
    the lines (checked on the first line alone for almost every text, which is not a chat)."""
    start = _LEADING_SPACE.match(text).end()  # type: ignore[union-attr]  # always matches
    end = text.find("\n", start)
    header = _header(text[start:] if end < 0 else text[start:end])  # the first line, not a copy of the text
    if header is None or _SENDER.match(header["rest"]) is None and end < 0:
        return False
    lines = [ln for ln in text[:200_000].splitlines() if ln.strip()]
    headers = sum(1 for ln in lines if _header(ln))
    return len(lines) == 1 or headers >= 2 and headers >= _MIN_HEADER_SHARE * len(lines)


def read_chat_export(text: str, path: str) -> Iterator[ReadResult]:
    """Articles for the turns worth judging, in file order; one `too_short` rejection if there is none."""
    turns = _split(text)
    kept = 0
    for turn in turns:
        if turn.words < MIN_WORDS:
            continue
        kept += 1
        yield _article([turn], SourceRef(path, turn.line), turn.removed)
    if not kept:
        error = SaringError("too_short", msg("inputs.chat.too_short", turns=len(turns), words=MIN_WORDS))
        yield reject(SourceRef(path), error)


def chat_as_article(text: str, source: SourceRef, article_id: str = "") -> Article:
    """Messages pasted or sent as one text (the page, the API, a record's field): one article of the
    turns worth judging, as paragraphs (the longest turn when none is long enough); the replies left
    out are listed in `removed` with the headers and app lines."""
    turns = _split(text)
    if not turns:  # only the app's own lines
        return Article(id=article_id or content_id("", text), raw_text=text, source=source)
    chosen = [t for t in turns if t.words >= MIN_WORDS] or [max(turns, key=lambda t: t.words)]
    removed = [r for t in turns for r in t.removed]
    removed += [Removed(t.body, "chat_short_reply") for t in turns if t not in chosen and t.body]
    return _article(chosen, source, removed, article_id)


def _split(text: str) -> list[_Turn]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return list(_turns(lines, _day_first(lines)))


def _article(
    turns: list[_Turn], source: SourceRef, removed: list[Removed], article_id: str = ""
) -> Article:
    body = "\n\n".join(t.body for t in turns)
    if len(turns[0].messages[0]) > 1:  # a message whose first line may be its headline ("*INFO PENTING*")
        article = parse_text(body, source, article_id=article_id)
    else:  # a one-line message is all body, never a headline over the next message
        article = Article(id=article_id or content_id("", body), raw_text=body, source=source)
    started = turns[0].started
    article.published = started.date().isoformat() if started else None
    article.metadata = {"chat_sender": ", ".join(dict.fromkeys(t.sender for t in turns))}
    article.removed = removed
    return article


def _turns(lines: list[str], day_first: bool) -> Iterator[_Turn]:
    """Group messages into turns: same sender, each within TURN_GAP_MINUTES of the previous one."""
    turn: _Turn | None = None
    before: list[Removed] = []  # app lines above the first message, kept with the first turn
    for number, line in enumerate(lines, start=1):
        header = _header(line)
        if header is None:  # a further line of the current message (or stray text before the first one)
            if turn is not None:
                _add_text(turn, line)
            continue
        stamp = _timestamp(header, day_first)
        said = _SENDER.match(header["rest"])
        if said is None:  # the app's own line: encryption notice, "X joined", "Y changed the subject"
            (turn.removed if turn is not None else before).append(Removed(line, "chat_system_message"))
            continue
        sender = said["sender"].strip("\u200e ")
        if turn is None or sender != turn.sender or _gap(turn.last, stamp):
            carried = before if turn is None else []
            if turn is not None:
                yield turn
            turn = _Turn(sender=sender, line=number, started=stamp, last=stamp, removed=carried)
        turn.last = stamp
        turn.removed.append(Removed(line[: len(line) - len(said["text"])], "chat_header"))
        turn.messages.append([])
        _add_text(turn, said["text"])
    if turn is not None:
        yield turn


def _add_text(turn: _Turn, text: str) -> None:
    if _APP_LINES.match(text.strip()):
        turn.removed.append(Removed(text, "chat_app_line"))
    else:
        turn.messages[-1].append(text)


def _gap(last: datetime | None, now: datetime | None) -> bool:
    if last is None or now is None:
        return False
    return abs((now - last).total_seconds()) > TURN_GAP_MINUTES * 60


def _day_first(lines: list[str]) -> bool:
    """Day before month (Indonesian and most locales) unless a date only fits month-first (US phones)."""
    for line in lines:
        header = _header(line)
        if header is None:
            continue
        first, second = (int(x) for x in re.split(r"[./-]", header["date"])[:2])
        if first > 12:
            return True
        if second > 12:
            return False
    return True


def _timestamp(header: re.Match[str], day_first: bool) -> datetime | None:
    """The message time, or None when the header's date is not a real one (the text is kept anyway)."""
    a, b, year = (int(x) for x in re.split(r"[./-]", header["date"]))
    day, month = (a, b) if day_first else (b, a)
    parts = [int(x) for x in re.split(r"[.:]", header["time"])]
    hour, minute = parts[0], parts[1]
    ampm = (header["ampm"] or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    try:
        return datetime(year + 2000 if year < 100 else year, month, day, hour, minute)
    except ValueError:
        return None
