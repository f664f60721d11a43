"""Tesseract through tesserocr: an image in, the words with their boxes and confidences out.

tesserocr binds the C API, so the Indonesian model is loaded once per process (about 30 ms) instead of
once per image as a subprocess wrapper would; one engine serves every thread under a lock, which keeps
memory bounded (one model copy) on the API's worker threads. The model file comes from Debian's
`tesseract-ocr-ind` (or `TESSDATA_PREFIX`), never from the network.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from saring.errors import SaringError, require
from saring.messages import msg

if TYPE_CHECKING:
    from PIL.Image import Image

LANG = "ind"
Baseline = tuple[tuple[int, int], tuple[int, int]]  # a text line's baseline: two points (x, y)
# Debian 12 ships tesseract 5 data under 5/, older releases under 4.00/; other systems use the last two.
_TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
)
# A screenshot takes 0.1-0.5 s of CPU and the largest allowed image (12 Mpx of text) about 5 s, 18 s of
# wall time on a loaded machine; the limit is wall time, so it leaves room for that. Past it, stop.
RECOGNIZE_TIMEOUT_MS = 30_000
_LOCK = threading.Lock()


@dataclass(slots=True, frozen=True)
class Word:
    """One recognised word: its box in pixels (left, top, right, bottom) and where Tesseract put it."""

    text: str
    confidence: float  # 0-100
    box: tuple[int, int, int, int]
    block: int
    line: int  # running line number over the whole page
    x_height: float  # of its line, in pixels: the font size whatever letters the line happens to have
    row_height: float  # of its line: x-height, ascenders and descenders, about one em


def find_tessdata(env: dict[str, str] | None = None) -> str:
    """The folder holding `ind.traineddata`, or a coded error saying how to install it."""
    env = dict(os.environ) if env is None else env
    prefix = env.get("TESSDATA_PREFIX", "")
    candidates = [prefix, os.path.join(prefix, "tessdata")] if prefix else []
    for folder in [*candidates, *_TESSDATA_DIRS]:
        if os.path.isfile(os.path.join(folder, f"{LANG}.traineddata")):
            return folder
    places = ", ".join(["TESSDATA_PREFIX", *_TESSDATA_DIRS])
    raise SaringError("ocr_unavailable", msg("ocr.error.no_model", file=f"{LANG}.traineddata", places=places))


@lru_cache(maxsize=1)
def _engine() -> Any:
    tesserocr: Any = require("tesserocr", "ocr")
    folder = find_tessdata()
    try:
        return tesserocr.PyTessBaseAPI(path=folder + os.sep, lang=LANG, psm=tesserocr.PSM.AUTO)
    except RuntimeError as exc:
        detail = msg("ocr.error.not_loaded", lang=LANG, folder=folder, reason=str(exc))
        raise SaringError("ocr_unavailable", detail) from exc


def recognize(image: Image) -> list[Word]:
    """All words of a grayscale page in Tesseract's reading order (blocks, then lines).

    Lines its page layout analysis left out are read again on their own (`_missed_lines`).
    """
    engine = _engine()
    with _LOCK:
        engine.SetImage(image)
        _recognize(engine)
        words = _words(engine)
        words += _missed_lines(engine, words)
        engine.Clear()
    return words


def _recognize(engine: Any) -> None:
    if not engine.Recognize(timeout=RECOGNIZE_TIMEOUT_MS):
        raise SaringError("timeout", msg("ocr.error.timeout", seconds=RECOGNIZE_TIMEOUT_MS // 1000))


def _missed_lines(engine: Any, words: list[Word]) -> list[Word]:
    """Text rows no word covers, read as single blocks: Tesseract's layout analysis now and then drops a
    clear line ("MABES TNI ... KOMANDO !!!!!" between two read ones, a reply bubble in a dark photo).

    Found on Tesseract's own black-and-white page, within the text column: runs of rows with ink that
    no word box covers, about one text line high, as dense as text (a rule, a photo's dark bezel or a
    picture is not). Each is read with the page's engine and kept when at least half its characters are in
    words read at MISSED_CONF or more (a picture or an icon reads as unsure fragments).
    """
    import numpy as np
    from tesserocr import PSM

    if not words:
        return []
    ink = np.asarray(engine.GetThresholdedImage()) < 128
    left, right = min(w.box[0] for w in words), max(w.box[2] for w in words)
    row = float(np.median([w.row_height for w in words]))
    covered = np.zeros(ink.shape[0], dtype=bool)
    pad = max(1, round(0.15 * row))
    for word in words:
        covered[max(0, word.box[1] - pad) : word.box[3] + pad] = True
    column = ink[:, left:right]
    inked = (column.sum(axis=1) >= 2) & ~covered
    found: list[Word] = []
    for top, bottom in _runs(inked)[:_MAX_MISSED]:
        band = column[top:bottom]
        density = band.mean()
        if not 0.5 * row <= bottom - top <= 2.5 * row or not 0.03 <= density <= 0.45:
            continue
        engine.SetPageSegMode(PSM.SINGLE_BLOCK)
        engine.SetRectangle(left, max(0, top - pad), right - left, bottom - top + 2 * pad)
        _recognize(engine)
        block = _enclosing_block(words, (top + bottom) / 2)
        line_base = max(w.line for w in (*words, *found))
        read = _words(engine, block, line_base)
        sure = sum(len(w.text) for w in read if w.confidence >= MISSED_CONF)
        if read and 2 * sure >= sum(len(w.text) for w in read):
            found += read
    engine.SetPageSegMode(PSM.AUTO)
    return found


MISSED_CONF = 60.0
_MAX_MISSED = 12  # rows re-read per page at most: bounds the time on a page full of pictures


def _runs(rows: Any) -> list[tuple[int, int]]:
    """(start, end) of each run of True in a boolean row profile."""
    import numpy as np

    edges = np.flatnonzero(np.diff(np.concatenate(([0], rows.astype(np.int8), [0]))))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True))


def _enclosing_block(words: list[Word], middle: float) -> int:
    """The block whose lines span `middle` (a line dropped inside a paragraph), else a new block."""
    for block in sorted({w.block for w in words}):
        boxes = [w.box for w in words if w.block == block]
        if min(b[1] for b in boxes) < middle < max(b[3] for b in boxes):
            return block
    return max(w.block for w in words) + 1


def _words(engine: Any, block_of: int | None = None, line_base: int = -1) -> list[Word]:
    """Words with their line's sizes; `block_of`/`line_base`: a re-read line's block and numbering."""
    from tesserocr import RIL, iterate_level

    words: list[Word] = []
    iterator = engine.GetIterator()
    if iterator is None:  # nothing on the page
        return words
    block, line = -1, line_base
    x_height = row_height = 0.0
    baseline = ((0, 0), (1, 0))
    marked: list[tuple[int, Baseline]] = []  # words with a stand-in glyph: (index, their line's baseline)
    for item in iterate_level(iterator, RIL.WORD):
        if item.IsAtBeginningOf(RIL.BLOCK):
            block += 1
        if item.IsAtBeginningOf(RIL.TEXTLINE):
            line += 1
            row = item.RowAttributes()
            row_height = float(row["row_height"])
            x_height = row_height - float(row["ascenders"]) + float(row["descenders"])  # descenders < 0
            baseline = item.Baseline(RIL.TEXTLINE) or baseline
        try:
            text = _fix_stand_ins((item.GetUTF8Text(RIL.WORD) or "").strip())
        except RuntimeError:  # an empty page still yields one empty "word"
            continue
        box = item.BoundingBox(RIL.WORD)
        if text and box is not None:
            left, top, right, bottom = (int(v) for v in box)
            confidence = float(item.Confidence(RIL.WORD))
            where = (left, top, right, bottom)
            owner = block if block_of is None else block_of
            if _SUSPECT.intersection(text):
                marked.append((len(words), baseline))
            words.append(Word(text, confidence, where, owner, line, x_height, row_height))
    if marked:
        _restore_glyphs(engine, words, marked)
    return words


def _fix_stand_ins(text: str) -> str:
    for pattern, glyph in _FIXES:
        text = pattern.sub(glyph, text)
    return text


def _height_at(baseline: Baseline, x: float) -> float:
    """The baseline's y at `x` (a photo's lines slope)."""
    (x1, y1), (x2, y2) = baseline
    return y1 + (y2 - y1) * (x - x1) / (x2 - x1) if x2 != x1 else float(y1)


# Glyphs the `ind` model lacks, put back from where Tesseract's stand-in sits (in x-heights above the
# line's baseline). Indonesian writes a repeated word with a raised two ("orang²" for "orang-orang"),
# read "?": a "?" stands on the baseline, a "²" ends well above it. Chat
# forwards mark bold with asterisks, read as quotes, "#" or "«": quotes hang from the top and end near
# the x-height (0.85-1.0 measured on Roboto, DejaVu and Liberation; 0.77 in a blurred phone photo), an
# asterisk is centred lower (0.45-0.66).
_SUSPECT = frozenset("?\u201c\u201d\"'\u00ab\u00bb#$")
# Stand-ins no other text has, mapped back by what surrounds them. A "+" is read "t" or "#": before a
# phone number's digits ("+6281...") it can only be the plus. A "%" is read "Y6", "Yo", "Y46" after its
# number ("83Y6"; also "96", "46" or "4", which stay: they are digits too). The "°" of "30°C" is read as
# a quote or "?" (also "30 ?C" with a space).
_FIXES = (
    (re.compile(r"^([(\"\u201c']?)[t#](?=\d{8})"), r"\1+"),
    (re.compile(r"(?<=\d)[Yy](?:4?6o?|o)(?!\w)"), "%"),
    (re.compile(r"(?<=\d)[\u201c\u201d\"'?](?=[CF](?![^\W\d_]))|^\?(?=[CF](?![^\W\d_]))"), "\u00b0"),
    # In sans-serif type "l" and "I" are one glyph; a capital before lowercase consonants alone is the
    # "l" of a chat abbreviation ("lbh" lebih, "lg" lagi, "lgsg" langsung), never an Indonesian word.
    (re.compile(r"^I(?=[b-df-hj-np-tv-z]{1,4}(?![^\W\d_]))"), "l"),
)
_RAISED_TWO = 0.4  # a "?" whose bottom is higher than this is a "²"
_ASTERISK = (0.3, 0.7)  # a quote-like glyph whose bottom is in this band, reaching above the x-height
_ONE_GLYPH = 1.2  # wider than this (x-heights), the box holds more than the one glyph: leave it


def _restore_glyphs(engine: Any, words: list[Word], marked: list[tuple[int, Baseline]]) -> None:
    """Put back the "²" and "*" of the marked words (index, line's baseline) from their glyphs' boxes."""
    from tesserocr import RIL, iterate_level

    glyphs = [
        (text, box)
        for item in iterate_level(engine.GetIterator(), RIL.SYMBOL)
        if (text := (item.GetUTF8Text(RIL.SYMBOL) or "").strip()) in _SUSPECT
        and (box := item.BoundingBox(RIL.SYMBOL))
    ]
    for index, base in marked:
        word = words[index]
        left, top, right, bottom = word.box
        inside = sorted(
            (box, text) for text, box in glyphs
            if left <= box[0] and box[2] <= right and top <= box[1] and box[3] <= bottom
        )
        positions = [i for i, char in enumerate(word.text) if char in _SUSPECT]
        if len(inside) != len(positions):
            continue
        chars = list(word.text)
        for i, (box, text) in zip(positions, inside, strict=True):
            if chars[i] == text:
                height = _height_at(base, (box[0] + box[2]) / 2)
                chars[i] = _true_glyph(text, box, height, word.x_height)
        if (fixed := "".join(chars)) != word.text:
            words[index] = replace(word, text=fixed)


def _true_glyph(text: str, box: tuple[int, int, int, int], base: float, x_height: float) -> str:
    """The glyph a stand-in `text` at `box` was, judged by how high it sits above the baseline."""
    left, top, right, bottom = box
    if x_height <= 0 or right - left > _ONE_GLYPH * x_height:
        return text
    low, high = (base - bottom) / x_height, (base - top) / x_height
    if text == "?":
        return "\u00b2" if low > _RAISED_TWO else text
    return "*" if _ASTERISK[0] <= low <= _ASTERISK[1] and high >= 1.0 else text
