"""Tesseract through tesserocr: an image in, the words with their boxes and confidences out.

tesserocr binds the C API, so the Indonesian model is loaded once per process (about 30 ms) instead of
once per image as a subprocess wrapper would; one engine serves every thread under a lock, which keeps
memory bounded (one model copy) on the API's worker threads. The model file comes from Debian's
`tesseract-ocr-ind` (or `TESSDATA_PREFIX`), never from the network.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from saring.errors import SaringError, require

if TYPE_CHECKING:
    from PIL.Image import Image

LANG = "ind"
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
    raise SaringError("ocr_unavailable", f"'{LANG}.traineddata' is in none of {places}")


@lru_cache(maxsize=1)
def _engine() -> Any:
    tesserocr: Any = require("tesserocr", "ocr")
    folder = find_tessdata()
    try:
        return tesserocr.PyTessBaseAPI(path=folder + os.sep, lang=LANG, psm=tesserocr.PSM.AUTO)
    except RuntimeError as exc:
        raise SaringError("ocr_unavailable", f"tesseract did not load '{LANG}' from {folder}: {exc}") from exc


def recognize(image: Image) -> list[Word]:
    """All words of a grayscale page in Tesseract's reading order (blocks, then lines)."""
    engine = _engine()
    with _LOCK:
        engine.SetImage(image)
        if not engine.Recognize(timeout=RECOGNIZE_TIMEOUT_MS):
            raise SaringError("timeout", f"OCR took more than {RECOGNIZE_TIMEOUT_MS / 1000:.0f} s")
        words = _words(engine.GetIterator())
        engine.Clear()
    return words


def _words(iterator: Any) -> list[Word]:
    from tesserocr import RIL, iterate_level

    words: list[Word] = []
    if iterator is None:  # nothing on the page
        return words
    block = line = -1
    x_height = row_height = 0.0
    for item in iterate_level(iterator, RIL.WORD):
        if item.IsAtBeginningOf(RIL.BLOCK):
            block += 1
        if item.IsAtBeginningOf(RIL.TEXTLINE):
            line += 1
            row = item.RowAttributes()
            row_height = float(row["row_height"])
            x_height = row_height - float(row["ascenders"]) + float(row["descenders"])  # descenders < 0
        try:
            text = (item.GetUTF8Text(RIL.WORD) or "").strip()
        except RuntimeError:  # an empty page still yields one empty "word"
            continue
        box = item.BoundingBox(RIL.WORD)
        if text and box is not None:
            left, top, right, bottom = (int(v) for v in box)
            confidence = float(item.Confidence(RIL.WORD))
            where = (left, top, right, bottom)
            words.append(Word(text, confidence, where, block, line, x_height, row_height))
    return words
