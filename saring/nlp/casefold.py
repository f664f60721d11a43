"""Case-insensitive regex search made cheaper: search the lower-cased text with a case-sensitive twin.

`re` cannot skip ahead to a possible first character when a pattern is case-insensitive, so an
`re.I` word list costs ~3x its case-sensitive twin. On a text that `lowers_safely`, searching
`text.lower()` with the twin finds exactly the matches (same offsets) of the `re.I` pattern on `text`.
"""

from __future__ import annotations

import re

# Escapes whose meaning does not depend on case (character classes, anchors, newline) or that escape
# punctuation; any other (\\x41, \\u0041, \\N{...}, octal) could spell an upper-case letter.
_SAFE_ESCAPE = re.compile(r"\\(?:[wsdbWSDBAZn]|[^\w])")
_INLINE_FLAGS = re.compile(r"\(\?[a-zA-Z-]")  # (?i), (?-i:...), (?P<name>: scoped cases or names


def case_sensitive_twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The re.I pattern without re.I, to search lower-cased text. None when it is case-sensitive already,
    or could match an upper-case letter without re.I: an upper-case literal or range, an escape that is
    not in `_SAFE_ESCAPE`, or inline flags."""
    if not pattern.flags & re.I or _INLINE_FLAGS.search(pattern.pattern):
        return None
    rest = _SAFE_ESCAPE.sub("", pattern.pattern)
    if "\\" in rest or rest != rest.lower():
        return None
    return re.compile(pattern.pattern, pattern.flags & ~re.I)


def lowers_safely(text: str) -> bool:
    """True when every non-ASCII character is uncased (quotes, dashes, emoji): then lower() changes only
    A-Z, keeps the length (offsets hold), keeps what \\w and \\d match, and no character folds to an ASCII
    letter under re.I alone (the Kelvin sign, long s and dotless i are cased, hence excluded)."""
    return text.isascii() or all(c.lower() == c == c.upper() for c in set(text) if not c.isascii())
