"""Sentence boundaries in cleaned Indonesian news text, as character offsets.

Rule based on purpose: it must be fast (every signal may call it) and predictable. A boundary is
terminal punctuation (``.``, ``!``, ``?``, ``…``, optionally followed by closing quotes/brackets),
then whitespace, then something that can start a sentence (capital, digit, opening quote or bracket).
Line breaks always end a sentence (cleaned text has one paragraph per block). Not a boundary:

- a period after a known abbreviation ("th.", "Rp.", "Jl.", "dr.", "Prof.", "No.", ...) or a single
  capital initial ("Susilo B. Yudhoyono");
- a period followed by a lower-case word, a comma or a digit inside a number ("2.5", "(18/4/2017)");
- a straight quote that follows a sentence end with a space *inside an open quote* is a closing quote
  (seed 002 writes ``... cepat, " kata Rachid``): it stays with the sentence, and if the text goes on
  in lower case (``. " kata dia``) the sentence goes on too.

Scraped text whose paragraphs were joined with a single comma (``lama.,"Kami`` - 90%+ of most
outlets in the 2019 corpus) is split there too: the comma belongs to neither sentence.
"""

from __future__ import annotations

import re

# Lower-cased tokens that take a period without ending a sentence (titles, ranks, units, address parts).
ABBREVIATIONS = frozenset(
    """
    a.n al bpk br brigjen capt co corp dkk dr drg drs dra h hj hlm ir inc jl jln jr kab kapt kec kel
    kol kombes kompol letjen ltd mayjen mr mrs ms nn no ny nyonya prof prov rp sdr sdri st tgl th thn tn
    u.p ust vs yth akbp ajun ipda iptu bripka brigpol aiptu serda sertu pratu kh k.h s.h s.e s.pd s.kom
    m.si m.h m.m s.t
    """.split()
)
_OPEN = "\"“‘'([«"
# A run of [.!?] or one "…", then closing marks and a space. Written with a leading character class so
# that the regex engine skips ahead to punctuation (2x faster than `(?:[.!?]+|…)`); the look-behind keeps
# "…" from starting a run of [.!?].
_CANDIDATE = re.compile(r"[.!?…](?:(?<=[.!?])[.!?]*)?[\"”’')\]»]*(?=\s)")
_COMMA_JOIN = re.compile(r"[.!?…][\"”’]?(?=\s*,\s*[\"“A-Z])")
_START = re.compile(r"\s+([\"“‘(\[«]?\s*[A-Z0-9À-Þ])")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`, stripped of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line:  # cleaned text separates paragraphs by an empty line: nothing to split there
            _split_line(line, pos, spans)
        pos += len(line) + 1
    return spans


def _split_line(line: str, offset: int, spans: list[tuple[int, int]]) -> None:
    start = 0
    for end in sorted(_boundaries(line) + [m.end() for m in _COMMA_JOIN.finditer(line)]):
        if end > start:
            _add(line, offset, start, end, spans)
            start = end
            while start < len(line) and line[start] in " ,":
                start += 1
    _add(line, offset, start, len(line), spans)


def _add(line: str, offset: int, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    chunk = line[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        spans.append((offset + start + lead, offset + start + lead + len(stripped)))


def _boundaries(line: str) -> list[int]:
    """End offsets (exclusive) inside `line` where a sentence stops."""
    ends: list[int] = []
    for m in _CANDIDATE.finditer(line):
        end = m.end()
        if _is_abbreviation(line, m.start(), m.group()):
            continue
        after = len(line) - len(line[end:].lstrip())  # first non-space at or after `end`
        if _floating_quote(line, after):
            # a closing quote written with a space before it belongs to this sentence
            end = after + 1
            rest = line[end:].lstrip()
            if not rest or not (rest[0].isupper() or rest[0].isdigit() or rest[0] in _OPEN):
                continue
            ends.append(end)
            continue
        if _START.match(line, end):
            ends.append(end)
    return ends


def _is_abbreviation(line: str, dot: int, punct: str) -> bool:
    if punct[0] != "." or punct.startswith(".."):
        return False
    m = _WORD_BEFORE.search(line, max(0, dot - 16), dot + 1)
    if m is None:
        return False
    token = m.group(1)
    if len(token) == 1 and token.isupper():
        return True  # an initial
    return token.lower() in ABBREVIATIONS


def _floating_quote(line: str, pos: int) -> bool:
    """A straight quote at `pos` with spaces on both sides, after an odd number of quotes: it closes."""
    if pos >= len(line) or line[pos] != '"':
        return False
    if pos + 1 < len(line) and not line[pos + 1].isspace():
        return False  # glued to the next word: an opening quote
    return line.count('"', 0, pos) % 2 == 1
