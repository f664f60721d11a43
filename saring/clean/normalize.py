"""Character-level normalisation: Unicode form, invisible characters, whitespace, scrape joins.

Done before paragraph work so that equal paragraphs compare equal. The `,,` join is a scraper artefact
(paragraphs joined with ",," or a sentence end glued to the next paragraph by one comma, as in
".,Lewat seni" - most outlets of the 2019 corpus): it is turned back into a
paragraph break, which later steps and sentence-level signals rely on.
"""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_CONTROL_CHARS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_SEPARATOR_CHARS = "\u2028\u2029\u0085"
_SURROGATE_CHARS = "\ud800-\udfff"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_CONTROL = re.compile(f"[{_CONTROL_CHARS}]")
_LINE_SEPARATORS = re.compile(f"\r\n?|[{_SEPARATOR_CHARS}]")
_SURROGATES = re.compile(f"[{_SURROGATE_CHARS}]")
# Any character the four patterns above replace, in one search: one text in 3,000 of the 2019 corpus has
# one, and running the four substitutions on every text cost 0.03 ms per article.
_RARE = re.compile(f"[{_INVISIBLE_CHARS}{_CONTROL_CHARS}\r{_SEPARATOR_CHARS}{_SURROGATE_CHARS}]")
# Runs of blanks that are not already a single " ": the spaces between words are left alone, which halves
# the cost (0.035 -> 0.019 ms per article) of replacing every run of blanks.
_OTHER_BLANKS = "\t\u00a0\u2000-\u200a\u202f\u205f\u3000"
_SPACES = re.compile(f"[{_OTHER_BLANKS}][ {_OTHER_BLANKS}]*| [ {_OTHER_BLANKS}]+")
# Either ",," (2+ commas) with the whitespace after it, or a single comma between a sentence end and a
# capital or opening quote. Every match starts with a comma, so the engine only tries the commas (0.004 ms
# per article; 0.035 when a match could start at any whitespace). The whitespace before a ",," belongs to
# the join too: `split_comma_joins` strips it from the piece before (a single-comma join follows a
# sentence end, never whitespace).
_COMMA_JOIN = re.compile(r",(?:,+\s*|(?<=[.!?\"\u201d],)(?=[\"\u201cA-Z]))")
# A scraper's leftover dateline stub ("-, Pemerintah ...", ", , pada ...") at the start of the text or of a
# paragraph. Possessive quantifiers: the plain `^\s*-?\s*,+` backtracks quadratically over a long run of
# blank lines (30,000 newlines took 4 s).
_LEADING_STUB = re.compile(r"(?:\s*+-?\s*+,++)++\s*+")


def normalize_chars(text: str) -> str:
    """NFC, no invisible/control characters, one space between words, `\\n` line ends."""
    text = unicodedata.normalize("NFC", text)  # before replacing lone surrogates: NFC leaves them as they are
    if _RARE.search(text):
        text = _SURROGATES.sub("\ufffd", text)
        text = _LINE_SEPARATORS.sub("\n", text)
        text = _INVISIBLE.sub("", text)
        text = _CONTROL.sub(" ", text)
    return "\n".join(line.strip() for line in _SPACES.sub(" ", text).split("\n"))  # _SPACES has no \n


def strip_stub(text: str) -> str:
    """`text` without a leading "-," / ", ," dateline stub."""
    stub = _LEADING_STUB.match(text)
    return text[stub.end() :] if stub else text


def split_comma_joins(text: str) -> str:
    """Turn scraper ",," paragraph joins (and a leading "-," dateline stub) into line breaks."""
    # The stub goes before splitting: "-,,Foo" would otherwise leave a lone "-" paragraph.
    pieces = _COMMA_JOIN.split(strip_stub(text))
    pieces[:-1] = [piece.rstrip() for piece in pieces[:-1]]
    return "\n".join(pieces)
