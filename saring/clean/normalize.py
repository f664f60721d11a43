"""Character-level normalisation: Unicode form, invisible characters, whitespace, scrape joins.

Done before paragraph work so that equal paragraphs compare equal. The `,,` join is a scraper artefact
(paragraphs joined with ",," or a sentence end glued to the next paragraph by one comma, as in
".,Lewat seni" - most outlets of the 2019 corpus): it is turned back into a
paragraph break, which later steps and sentence-level signals rely on.
"""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_LINE_SEPARATORS = re.compile("\r\n?|[\u2028\u2029\u0085]")
# Either ",," (2+ commas) with the whitespace around it, or a single comma between a sentence end and a
# capital or opening quote. Written so that every match starts by consuming a whitespace or comma
# character: the same matches as r"\s*,{2,}\s*|(?<=[.!?\"\u201d]),(?=[\"\u201cA-Z])", at half the cost
# (a leading \s* makes the engine try every position of the text).
_COMMA_JOIN = re.compile(
    r"[\s,](?:(?<=\s)\s*,{2,}|(?<=,),+)\s*"
    r"|,(?<=[.!?\"\u201d],)(?=[\"\u201cA-Z])"
)
_LEADING_DASH_COMMA = re.compile(r"^\s*-?\s*,+\s*")
_SURROGATES = re.compile("[\ud800-\udfff]")


def normalize_chars(text: str) -> str:
    """NFC, no invisible/control characters, one space between words, `\\n` line ends."""
    text = _SURROGATES.sub("\ufffd", text)
    text = unicodedata.normalize("NFC", text)
    text = _LINE_SEPARATORS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text)
    return "\n".join(line.strip() for line in _SPACES.sub(" ", text).split("\n"))  # _SPACES has no \n


def split_comma_joins(text: str) -> str:
    """Turn scraper ",," paragraph joins (and a leading "-," dateline stub) into line breaks."""
    text = _LEADING_DASH_COMMA.sub("", text)
    return _COMMA_JOIN.sub("\n", text)
