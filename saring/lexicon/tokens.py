"""Word tokens with offsets, shared by the statistics builder and every reader of them.

Counting and lookup must tokenise identically, so this is the only tokeniser the lexicon uses.
A token is a word (letters, with inner hyphens or apostrophes: "mobil-mobil", "al-Baghdadi"), a
number (normalised to ``NUMBER``) or a boundary (``BOUNDARY``): any run of punctuation or a line
break, so that "udara," and "udara" followed by "." both count as "udara" before a boundary.
Words are case-folded.
"""

from __future__ import annotations

import re
from typing import NamedTuple

NUMBER = "<num>"
BOUNDARY = "<b>"

_TOKEN = re.compile(
    r"(?P<word>[^\W\d_]+(?:['\u2019-][^\W\d_]+)*)"
    r"|(?P<num>\d+(?:[.,:/]\d+)*)"
    r"|(?P<sep>[^\w\s]+|\n)"
)


LOWER, TITLE, UPPER = 0, 1, 2  # Token.case: "udara", "Udara", "UDARA" (one letter: TITLE)


class Token(NamedTuple):
    start: int
    end: int
    norm: str  # case-folded word, NUMBER or BOUNDARY
    case: int = LOWER

    @property
    def is_word(self) -> bool:
        return self.norm not in (NUMBER, BOUNDARY)


# `Token(...)` runs NamedTuple's Python-level __new__; building the tuple directly is the same object,
# a fifth faster per article (tokenising is the largest part of the spin signal's Python time).
_token = tuple.__new__


def tokenize(text: str) -> list[Token]:
    """All tokens of `text`; consecutive boundaries are merged into one."""
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "word":
            surface = m.group()
            norm = surface.casefold()
            case = LOWER if surface == norm else UPPER if len(surface) > 1 and surface.isupper() else TITLE
            tokens.append(_token(Token, (m.start(), m.end(), norm, case)))
        elif kind == "num":
            tokens.append(_token(Token, (m.start(), m.end(), NUMBER, LOWER)))
        elif not tokens or tokens[-1].norm != BOUNDARY:
            tokens.append(_token(Token, (m.start(), m.end(), BOUNDARY, LOWER)))
    return tokens


def words(text: str) -> list[Token]:
    """Only the word tokens of `text` (no numbers, no boundaries)."""
    return [t for t in tokenize(text) if t.is_word]
