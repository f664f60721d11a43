"""Bytes to text: encoding detection and mojibake repair.

Order of trust: a forced codec; UTF-16/UTF-32 when a byte-order mark says so; UTF-8 (with or without
BOM); cp1252; latin-1 (never fails, so it is last and only used for bytes cp1252 leaves undefined).
Then mojibake is repaired: UTF-8 that was decoded as cp1252/latin-1/Mac Roman somewhere upstream
("â€œ", "‚Äì", "Ã©"). ftfy handles the common code pages; Mac Roman, which ftfy does not try, is
handled here because the 2019 Indonesian news corpus has thousands of such texts.
"""

from __future__ import annotations

import codecs
import re

from saring.errors import SaringError
from saring.messages import Msg, msg

# Sequences that UTF-8 punctuation/accents turn into when read as Mac Roman (e.g. "‚Äú" for a left quote).
_MAC_ROMAN_MOJIBAKE = re.compile(
    "[\u201a\u00c2\u00ac\u00c3]"
    "[\u00c4\u00c5\u00ac\u2020\u00a0-\u00bf\u00d0-\u00ff\u2013-\u2044"
    "\u0152\u0153\u02c6\u02dc\u2122\u0192\u03c0\u2202\u2206\u221a\u221e\u2248\u2260\u2264\u2265]"
)
_BINARY_SAMPLE = 8192
# Runs of suspect characters, and how far around them ftfy's mojibake patterns are searched: every
# alternative of ftfy.badness.BADNESS_RE needs a character that is neither ASCII nor in CLEAN_NON_ASCII,
# and no match is longer than 7 characters (both checked by tests/ingest/test_decode.py against the
# installed ftfy). CLEAN_NON_ASCII are the non-ASCII characters of clean Indonesian news (no-break space,
# curly quotes, dashes, ellipsis): most texts have no others, and then no pattern search is needed
# (0.015 -> 0.004 ms per record on the 2019 corpus).
CLEAN_NON_ASCII = "\u00a0\u2018\u2019\u201c\u201d\u2013\u2014\u2026"
_CLEAN_NON_ASCII_SET = frozenset(CLEAN_NON_ASCII)
_SUSPECT_RUN = re.compile(f"[^\\x00-\\x7f{CLEAN_NON_ASCII}]+")
_ASCII_BYTES = bytes(range(128))
BADNESS_MARGIN = 8
# C0 controls but tab/newline/CR/form feed, and C1 controls (U+0080-U+009F), counted on the UTF-8 bytes:
# the C0 ones are single bytes, the C1 ones are 0xC2 0x80-0x9F (0xC2 is only ever a lead byte). Two C
# passes and a search for 0xC2: 0.003 ms per record, where a regex over the characters took 0.007.
_C0_CONTROL_BYTES = bytes([*range(0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_C1_CONTROL_UTF8 = re.compile(b"\xc2[\x80-\x9f]")
# Byte-order marks of the encodings whose text is full of NUL bytes; UTF-32 first (its LE mark starts
# with UTF-16's). The codecs named here consume the mark.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def wide_bom_codec(head: bytes) -> str | None:
    """The codec of UTF-16/UTF-32 text that starts with its byte-order mark, else None."""
    return next((codec for bom, codec in _WIDE_BOMS if head.startswith(bom)), None)


def is_wide(encoding: str) -> bool:
    """UTF-16/UTF-32 in any spelling: line-based readers need such text recoded before splitting lines."""
    try:
        return codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    except LookupError:
        return False


def decode_bytes(data: bytes, encoding: str | None = None, label: str | Msg = "input") -> str:
    """Decode `data` to text or raise a coded error; the result has mojibake repaired."""
    wide = None if encoding else wide_bom_codec(data)
    if b"\x00" in data[:_BINARY_SAMPLE] and not wide:
        raise SaringError("binary_input", msg("errors.detail.nul_bytes", label=label))
    if encoding:
        return repair_mojibake(_decode_as(data, encoding, label))
    text = _decode_as(data, wide, label) if wide else _decode_guess(data)
    if _control_ratio(text) > 0.05:
        raise SaringError("binary_input", msg("errors.detail.control_characters", label=label))
    return repair_mojibake(text)


def _decode_as(data: bytes, encoding: str, label: str | Msg) -> str:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        detail = msg("errors.detail.not_valid_encoding", label=label, encoding=encoding, reason=str(exc))
        raise SaringError("undecodable", detail) from exc


def _decode_guess(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _control_ratio(text: str) -> float:
    sample = text[:_BINARY_SAMPLE]
    if not sample:
        return 0.0
    data = sample.encode("utf-8", "surrogatepass")
    c0 = len(data) - len(data.translate(None, _C0_CONTROL_BYTES))
    return (c0 + len(_C1_CONTROL_UTF8.findall(data))) / len(sample)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-another-code-page damage; leaves clean text unchanged."""
    if text.isascii() or _CLEAN_NON_ASCII_SET.issuperset(_non_ascii(text)):  # no pattern below can match
        return text
    if _may_be_bad(text):
        import ftfy

        text = ftfy.fix_encoding(text)
    # What ftfy left: Mac Roman runs inside otherwise clean text. Only after ftfy, because cp1252 damage
    # such as "Ã©" (é) also re-decodes as Mac Roman, into the wrong characters.
    if _MAC_ROMAN_MOJIBAKE.search(text):
        fixed = _try_mac_roman(text)
        if fixed is not None:
            text = fixed
    return text


def _non_ascii(text: str) -> str:
    """The non-ASCII characters of `text`: two C passes over its UTF-8 bytes, where a regex scan of the
    characters took 0.02 ms per record (UTF-8 multi-byte sequences have no ASCII byte in them)."""
    data = text.encode("utf-8", "surrogatepass")
    return data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")


def _may_be_bad(text: str) -> bool:
    """`ftfy.badness.is_bad(text)`, searched only around the suspect runs (ftfy changes nothing if False).

    ftfy searches its pattern over the whole text (0.4 ms for a 3 KB article with a few curly quotes);
    every match it can find lies within BADNESS_MARGIN characters of a suspect run, so searching
    those windows (merged where they overlap) gives the same answer in a fraction of the time.
    `search(text, pos, endpos)` keeps `^` anchored at the real start of the text.
    """
    from ftfy.badness import BADNESS_RE

    windows: list[list[int]] = []
    for run in _SUSPECT_RUN.finditer(text):
        start, stop = max(0, run.start() - BADNESS_MARGIN), run.end() + BADNESS_MARGIN
        if windows and start <= windows[-1][1]:
            windows[-1][1] = stop
        else:
            windows.append([start, stop])
    return any(BADNESS_RE.search(text, start, stop) for start, stop in windows)


def _try_mac_roman(text: str) -> str | None:
    """Re-decode Mac Roman mojibake; returns None when the text is not wholly such mojibake."""
    try:
        return text.encode("mac_roman").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    # Mixed text (some characters not in Mac Roman): repair only the runs that round-trip.
    changed = False

    def fix(match: re.Match[str]) -> str:
        nonlocal changed
        try:
            out = match.group(0).encode("mac_roman").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return match.group(0)
        changed = True
        return out

    repaired = re.sub(r"[^\x00-\x7f\s]{2,4}", fix, text)
    return repaired if changed else None
