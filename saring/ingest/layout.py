"""Screenshot layout from OCR word boxes: reading order, app chrome out, a headline where the page shows one.

Why not just Tesseract's text: a chat screenshot interleaves the message with the app (the clock and
battery, "Diteruskan", the time and read ticks in every bubble, "Balas", like counts). Those words
would reach the signals and the hoax model as if the sender wrote them; here they are taken out and
listed in `removed`, as boilerplate is for web pages. The rules read only what any screenshot shows
(positions, sizes, short app words), not particular apps' pixel layouts, so they carry to other apps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import mean, median

from saring.article import OcrLine, Removed
from saring.ingest.ocr import Word

# Words read below this confidence (0-100) are marked in the report for the reader to check. Chosen,
# not calibrated: on benchmarks/ocr_eval.py renders the mean word confidence is 93-96 for clean,
# re-compressed and photographed screenshots alike, so 60 marks only the clearly doubtful words.
LOW_CONF = 60.0
_NOISE_CONF = 35.0  # a line of a few characters this unsure, without a word in it: an icon or emoji
# A line of short fragments read this unsure is texture, not text (a blurred bar, the phone's bezel).
_GARBLE_CONF = 50.0
_WORDLIKE = re.compile(r"[^\W\d_]{3}")  # three letters in a row: a real (if misread) word, kept and marked
_STATUS_BAR = 0.06  # the top 6% of a screenshot holds the phone's status bar (time, battery, network)
_APP_HEADER = 0.15  # a chat's or post's header (name of the group or author) sits in the top 15%
_HEADLINE_RATIO = 1.3  # a headline's letters are at least this much taller than the body's
_TIME = re.compile(r"^\(?\d{1,2}[.:]\d{2}(?:[.:]\d{2})?\)?$|^(?:am|pm|wib|wita|wit)$", re.IGNORECASE)
# Read ticks as Tesseract reads them after a bubble's time: "vv", "W", "v4", "X4", "4x4", "“4", "*4" (its
# quote put back as an asterisk by the glyph rules of ocr.py).
_TICKS = re.compile(r"^[vVwWyYxXJ4*\u201c\u201d\"'\u2713\u2714\u221a/]{1,3}$")
_COUNT = re.compile(r"^[\d.,]+(?:rb|jt|k|m|rb\+|k\+)?$|^\d+%$", re.IGNORECASE)
# Status-bar tokens: network names, or anything without a word in it (battery "87%" is often read "8749").
_STATUS = re.compile(r"^(?:[45]g\+?|lte\+?|volte|h\+|wi-?fi)$|^[^a-z]*[a-z]{0,2}[^a-z]*$", re.IGNORECASE)
# A post's age and audience under its author: "2 j · Publik", "5 mnt", "kemarin", "3h · Public".
_AGE = re.compile(
    r"^(?:\d{1,2}\s?(?:j|jam|m|mnt|menit|h|hari|mgg|w)?|j|jam|mnt|menit|hari|kemarin|publik|public|-?)$",
    re.IGNORECASE,
)
# Buttons and labels of chat and social apps (Indonesian and English UIs); counts may stand beside them.
_CHROME_WORDS = frozenset(
    """diteruskan forwarded berkali-kali sering many times lihat terjemahan see translation balas reply
    suka like likes menyukai bagikan share shares dibagikan kali komentar komentari comment comments
    kirim send retweet retweets tweet repost reposts tayangan views dilihat ikuti follow mengikuti
    ketik pesan type a message online mengetik typing... disematkan pinned diedit edited rb jt ribu juta
    """.split()
)


@dataclass(slots=True)
class _Line:
    words: list[Word]
    top: int = 0
    bottom: int = 0
    height: float = 0.0

    def __post_init__(self) -> None:
        self.top = min(w.box[1] for w in self.words)
        self.bottom = max(w.box[3] for w in self.words)
        self.height = median(w.box[3] - w.box[1] for w in self.words)

    @property
    def size(self) -> float:
        """The font size as Tesseract's x-height: unlike ink height, the same with or without descenders."""
        return self.words[0].x_height

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def confidence(self) -> float:
        return mean(w.confidence for w in self.words)


@dataclass(slots=True)
class Page:
    """What the reader turns into an Article: a headline, body paragraphs, and what was taken out."""

    layout: str
    title: str = ""
    paragraphs: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    lines: list[OcrLine] = field(default_factory=list)
    low_confidence: list[str] = field(default_factory=list)
    mean_confidence: float = 0.0


def read_page(words: list[Word], height: int) -> Page:
    """Order the lines, strip chrome, split off a headline, and summarise the confidence."""
    removed: list[Removed] = []
    lines = [kept for line in _ordered_lines(words) if (kept := _strip_line(line, height, removed))]
    title_lines: list[_Line] = []
    page = Page(layout=_app_layout(removed), removed=removed)
    if page.layout and lines and _is_app_header(lines, height):
        removed.append(Removed(lines[0].text, "ocr_app_header"))
        lines = lines[1:]
    elif not page.layout:  # a headline only outside apps: a chat's all-caps line is not one
        title_lines, lines = _split_headline(lines, removed)
        page.layout = "news" if title_lines else "screenshot"
    page.title = " ".join(line.text for line in title_lines)
    page.paragraphs = _paragraphs(lines)
    read = title_lines + lines
    page.lines = [OcrLine(line.text, round(line.confidence, 1)) for line in read]
    page.low_confidence = [run for line in read for run in _low_runs(line.words)]
    page.mean_confidence = round(mean(w.confidence for line in read for w in line.words), 1) if read else 0.0
    return page


def _is_app_header(lines: list[_Line], height: int) -> bool:
    """A chat's contact or group name, a post's author: short, alone at the top, set apart from the text."""
    first = lines[0]
    apart = len(lines) == 1 or lines[1].top - first.top > 2.2 * (first.bottom - first.top)
    return len(first.words) <= 4 and first.bottom < _APP_HEADER * height and apart


def _ordered_lines(words: list[Word]) -> list[_Line]:
    """Lines block by block, blocks top to bottom (chat bubbles alternate left and right)."""
    by_line: dict[int, list[Word]] = {}
    for word in words:
        by_line.setdefault(word.line, []).append(word)
    lines = [_Line(sorted(ws, key=lambda w: w.box[0])) for ws in by_line.values()]
    block_top: dict[int, tuple[int, int]] = {}
    for line in lines:
        corner = (line.top, line.words[0].box[0])
        block_top[line.words[0].block] = min(block_top.get(line.words[0].block, corner), corner)
    return sorted(lines, key=lambda ln: (block_top[ln.words[0].block], ln.top))


def _strip_line(line: _Line, height: int, removed: list[Removed]) -> _Line | None:
    """The line without app chrome (None when nothing of the message is left); removals are recorded."""
    reason = _chrome_reason(line, height)
    if reason:
        removed.append(Removed(line.text, reason))
        return None
    cut = _trailing_time(line)
    if cut < len(line.words):
        removed.append(Removed(" ".join(w.text for w in line.words[cut:]), "ocr_timestamp"))
        return _Line(line.words[:cut])
    return line


def _chrome_reason(line: _Line, height: int) -> str:
    """Why a whole line is app chrome, or "" when it carries the message."""
    tokens = [w.text for w in line.words]
    if line.bottom < height * _STATUS_BAR and all(_is_status(t) for t in tokens):
        return "ocr_status_bar"
    if any(_TIME.match(t) for t in tokens) and all(_TIME.match(t) or _TICKS.match(t) for t in tokens):
        return "ocr_timestamp"
    if all(_COUNT.match(t) or _is_chrome_word(_bare(t)) for t in tokens):
        return "ocr_app_chrome"
    if len(tokens) <= 6 and all(_AGE.match(_bare(t)) for t in tokens) and re.search("[a-z]", line.text, re.I):
        return "ocr_app_header"
    if len(line.text) <= 6 and line.confidence < _NOISE_CONF and not _WORDLIKE.search(line.text):
        return "ocr_noise"
    if line.confidence < _GARBLE_CONF and mean(len(t) for t in tokens) <= 3.5:
        return "ocr_noise"
    return ""


def _is_chrome_word(word: str) -> bool:
    """An app word, or the start of one cut off at the screen's edge ("koment", "dibagi")."""
    return word in _CHROME_WORDS or (len(word) >= 4 and any(c.startswith(word) for c in _CHROME_WORDS))


def _is_status(token: str) -> bool:
    return bool(_TIME.match(token) or _STATUS.match(token))


def _bare(token: str) -> str:
    return token.strip("·•|()[]:,.!-\u2013\u2014").lower()


def _trailing_time(line: _Line) -> int:
    """Index where a bubble's time (and read ticks) starts, set apart from the text by a gap; else len."""
    words = line.words
    end = len(words)
    while end > 1 and _TICKS.match(words[end - 1].text):
        end -= 1
    if end < 2 or not _TIME.match(words[end - 1].text):
        return len(words)
    gap = words[end - 1].box[0] - words[end - 2].box[2]
    return end - 1 if gap > 1.5 * line.height else len(words)


def _split_headline(lines: list[_Line], removed: list[Removed]) -> tuple[list[_Line], list[_Line]]:
    """(headline lines, the rest): the largest type of the first lines when clearly larger than the body's."""
    if len(lines) < 4:
        return [], lines
    # Each line against the body, not against the largest line: Tesseract's x-height of a short line
    # ("Gigi" alone, wrapped off a headline) can come out a third larger than its neighbours'.
    large = _HEADLINE_RATIO * median(line.size for line in lines)
    first = next((i for i, line in enumerate(lines[:5]) if line.size >= large), None)
    if first is None:
        return [], lines
    end = first + 1
    while end < len(lines) and lines[end].size >= large:
        end += 1
    if len(lines) - end < 2 or sum(len(line.words) for line in lines[first:end]) < 3:  # a logo is no headline
        return [], lines
    removed += [Removed(line.text, "ocr_page_header") for line in lines[:first]]
    return lines[first:end], lines[end:]


def _paragraphs(lines: list[_Line]) -> list[str]:
    """Lines joined into paragraphs: a new one after a wider line pitch, or where the left edge moves.

    Tesseract's blocks and paragraph ids are not used: it often puts a bubble's first line with the
    app's header. Against Tesseract's row height (ascender to descender, about one em, the same for
    "MENGERIKAN" and "yang"), wrapped lines are 1.2-1.8 rows apart (CSS line-height) with one left
    edge; paragraphs and chat bubbles add a margin (2.2 rows or more), and a reply starts elsewhere.
    """
    if not lines:
        return []
    paragraphs = [lines[0].text]
    for previous, line in zip(lines, lines[1:], strict=False):
        row = max(previous.words[0].row_height, line.words[0].row_height)
        # Between the middles of the first words, one above the other: a photo's tilt then cancels out.
        pitch = _middle(line.words[0]) - _middle(previous.words[0])
        shift = abs(line.words[0].box[0] - previous.words[0].box[0])
        if 0 < pitch <= 2.0 * row and shift <= 2 * row:
            paragraphs[-1] = _join(paragraphs[-1], line.text)
        else:
            paragraphs.append(line.text)
    return paragraphs


def _middle(word: Word) -> float:
    return (word.box[1] + word.box[3]) / 2


def _join(text: str, more: str) -> str:
    """Undo the screen's line wrap; a word cut at a hyphen ("berkali-" / "kali") keeps it without a space."""
    return text + more if text.endswith("-") else f"{text} {more}"


def _low_runs(words: list[Word]) -> list[str]:
    runs: list[list[str]] = []
    previous_low = False
    for word in words:
        low = word.confidence < LOW_CONF
        if low and previous_low:
            runs[-1].append(word.text)
        elif low:
            runs.append([word.text])
        previous_low = low
    return [" ".join(run) for run in runs]


def _app_layout(removed: list[Removed]) -> str:
    """chat (bubble times, forwards), post (like/share chrome, a post's age), else "" (not an app)."""
    reasons = {r.reason for r in removed}
    texts = {_bare(w) for r in removed for w in r.text.split()}
    if "ocr_timestamp" in reasons or texts & {"diteruskan", "forwarded"}:
        return "chat"
    return "post" if reasons & {"ocr_app_chrome", "ocr_app_header"} else ""
