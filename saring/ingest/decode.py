"""Bytes to text: encoding detection and mojibake repair.

Order of trust: a forced codec; UTF-8 (with or without BOM); cp1252; latin-1 (never fails, so it is
last and only used for bytes cp1252 leaves undefined). Then mojibake is repaired: UTF-8 that was
decoded as cp1252/latin-1/Mac Roman somewhere upstream ("â€œ", "‚Äì", "Ã©"). ftfy handles the common
code pages; Mac Roman, which ftfy does not try, is handled here because the 2019 Indonesian news
corpus has thousands of such texts.
"""

from __future__ import annotations

import re

from saring.errors import SaringError

# Sequences that UTF-8 punctuation/accents turn into when read as Mac Roman (e.g. "‚Äú" for a left quote).
_MAC_ROMAN_MOJIBAKE = re.compile("[\u201a\u00c2\u00ac\u00c3][\u00c4\u00c5\u00ac\u2020\u00a0-\u00bf\u00d0-\u00ff\u2013-\u2044\u0152\u0153\u02c6\u02dc\u2122\u0192\u03c0\u2202\u2206\u221a\u221e\u2248\u2260\u2264\u2265]")
_BINARY_SAMPLE = 8192
# Runs of non-ASCII characters, and how far around them ftfy's mojibake patterns are searched: every
# alternative of ftfy.badness.BADNESS_RE needs a non-ASCII character and no match is longer than 7
# characters (both checked by tests/ingest/test_decode.py against the installed ftfy).
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
BADNESS_MARGIN = 8
# C0 controls but tab/newline/CR/form feed, and C1 controls (one regex: a per-character loop took 0.1 ms).
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def decode_bytes(data: bytes, encoding: str | None = None, label: str = "input") -> str:
    """Decode `data` to text or raise a coded error; the result has mojibake repaired."""
    if b"\x00" in data[:_BINARY_SAMPLE]:
        raise SaringError("binary_input", f"{label} contains NUL bytes")
    if encoding:
        try:
            return repair_mojibake(data.decode(encoding))
        except (UnicodeDecodeError, LookupError) as exc:
            raise SaringError("undecodable", f"{label} is not valid {encoding}: {exc}") from exc
    text = _decode_guess(data)
    if _control_ratio(text) > 0.05:
        raise SaringError("binary_input", f"{label} is mostly control characters")
    return repair_mojibake(text)


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
    return len(_CONTROL_CHARS.findall(sample)) / len(sample)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-another-code-page damage; leaves clean text unchanged."""
    if text.isascii():
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


def _may_be_bad(text: str) -> bool:
    """`ftfy.badness.is_bad(text)`, searched only around the non-ASCII runs (ftfy changes nothing if False).

    ftfy searches its pattern over the whole text (0.4 ms for a 3 KB article with a few curly quotes);
    every match it can find lies within BADNESS_MARGIN characters of a non-ASCII run, so searching
    those windows (merged where they overlap) gives the same answer in a fraction of the time.
    `search(text, pos, endpos)` keeps `^` anchored at the real start of the text.
    """
    from ftfy.badness import BADNESS_RE

    windows: list[list[int]] = []
    for run in _NON_ASCII_RUN.finditer(text):
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
