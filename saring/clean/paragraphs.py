"""Paragraph segmentation, hard-wrap repair and removal of repeated paragraphs.

Two layouts occur: blank-line separated blocks (lines inside a block are hard wraps) and one
paragraph per line (blog reposts, seed 000) where a line that stops mid-sentence continues on the
next line. Repeated paragraphs (seed 000 repeats five) are kept once; the repeats go to `removed`.
"""

from __future__ import annotations

import re

from saring.article import Removed

_ENDS_SENTENCE = re.compile(r"[.!?\"'\u201d\u2019)\]:*]$")
_STARTS_LOWER = re.compile(r"^[a-z(]")
_MIN_DUP_WORDS = 4  # shorter repeats ("Foto:", "***") are left to the boilerplate rules
_WORD = re.compile(r"\w+")
# Every ASCII byte that is not a word character becomes a space: 96% of paragraphs are ASCII, and splitting
# their translated bytes finds the words `_WORD` finds (0.039 -> 0.017 ms per article for the keys).
_ASCII_WORDS = bytes(c if _WORD.fullmatch(chr(c)) else ord(" ") for c in range(128)) + bytes(range(128, 256))


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of normalised text (see module docstring for the two layouts)."""
    if re.search(r"\n\s*\n", text):
        blocks = re.split(r"\n\s*\n", text)
        return [" ".join(line for line in block.split("\n") if line) for block in blocks if block.strip()]
    merged: list[str] = []
    for line in text.split("\n"):
        if not line:
            continue
        if merged and not _ENDS_SENTENCE.search(merged[-1]) and _STARTS_LOWER.match(line):
            merged[-1] += " " + line
        else:
            merged.append(line)
    return merged


def paragraph_key(paragraph: str) -> str:
    """Comparison key: case, punctuation and spacing do not make a repeat new."""
    folded = paragraph.casefold()
    if folded.isascii():
        return b" ".join(folded.encode().translate(_ASCII_WORDS).split()).decode()
    return " ".join(_WORD.findall(folded))


def drop_repeats(paragraphs: list[str]) -> tuple[list[str], list[Removed]]:
    seen: set[str] = set()
    kept: list[str] = []
    removed: list[Removed] = []
    for paragraph in paragraphs:
        key = paragraph_key(paragraph)
        if key in seen and len(key.split()) >= _MIN_DUP_WORDS:
            removed.append(Removed(text=paragraph, reason="duplicate_paragraph"))
            continue
        seen.add(key)
        kept.append(paragraph)
    return kept, removed


def drop_title_repeats(paragraphs: list[str], title: str) -> tuple[list[str], list[Removed]]:
    """Leading paragraphs that repeat the headline (pages print it as <h1>, reposts paste it twice).

    The last paragraph always stays: a post whose whole text is its headline (a forwarded one-liner, a
    video caption) is that message, and dropping it would leave nothing to judge.
    """
    key = paragraph_key(title)
    i = 0
    while key and i < len(paragraphs) - 1 and paragraph_key(paragraphs[i]) == key:
        i += 1
    return paragraphs[i:], [Removed(text=p, reason="repeated_title") for p in paragraphs[:i]]
