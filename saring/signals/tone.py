"""Tone: shouting, exclamations, provocative or emotional words and calls to spread the text.

Each finding adds a weight (`WEIGHTS`, counted at most `_CAPS` times per kind); the score is
``1 - exp(-total)``. Weights were set by hand from what each finding means (a call to spread is the
strongest single sign of a chain message); `THRESHOLD` was then set from data: the lowest cut-off
that flags at most 2% of ordinary 2019 outlet articles (``python benchmarks/tone_eval.py`` prints it,
with the flag rate per publisher and on hoax narratives). Re-tune weights and threshold together.

The word list is `data/tone_lexicon.txt` (hand-written, checked against data; its header says how).
Title and body are both searched; evidence says which by its `field`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Literal, NamedTuple

from saring.article import Article, SignalResult, evidence_at
from saring.messages import Msg, msg

NAME = "tone"
VERSION = "tone.v1"
LEXICON = Path(__file__).resolve().parent / "data" / "tone_lexicon.txt"
THRESHOLD = 0.36  # = total weight 0.45; the lowest cut-off flagging <= 2% of ordinary 2019 articles

WEIGHTS: dict[str, float] = {
    "spread_call": 0.8,  # "sebarkan", "share sebelum dihapus"
    "shouting_title": 0.4,  # most of the headline in capitals
    "shouting_text": 0.25,  # a run of 4+ words in capitals in the body
    "exclamation": 0.15,  # a run of "!" (double weight for "!!")
    "lexicon": 0.2,  # a provocative or emotional word, per distinct word
}
_CAPS = {"spread_call": 2, "shouting_text": 4, "exclamation": 6, "lexicon": 5}
_WHY = {
    "spread_call": msg("tone.spread_call"),
    "shouting_title": msg("tone.shouting_title"),
    "shouting_text": msg("tone.shouting_text"),
    "exclamation": msg("tone.exclamation"),
}
# Each kind of finding counted in the summary ("2 calls to spread the message").
_KIND = {
    "spread_call": msg("tone.kind.spread_call"),
    "shouting_title": msg("tone.kind.shouting_title"),
    "shouting_text": msg("tone.kind.shouting_text"),
    "exclamation": msg("tone.kind.exclamation"),
    "lexicon": msg("tone.kind.lexicon"),
}
# The word list's categories (data/tone_lexicon.txt), as the evidence names them.
_CATEGORY = {
    "alarm": msg("tone.category.alarm"),
    "deceit": msg("tone.category.deceit"),
    "exclaim": msg("tone.category.exclaim"),
    "hate": msg("tone.category.hate"),
    "incite": msg("tone.category.incite"),
    "insult": msg("tone.category.insult"),
    "outrage": msg("tone.category.outrage"),
}
_MIN_TEXT_CAPS_WORDS = 4
_MAX_EVIDENCE = 12

Field = Literal["text", "title"]

_CAPS_WORD = re.compile(r"[^\W\d_]{2,}")
# Words of 2+ capitals (or caseless/non-ASCII letters). Written `[A-Z\x80-...]` first so that the regex
# engine skips ahead over ASCII lower case (2.3x faster); the look-behind then checks that first letter.
_NO_ASCII_LOWER_WORD = re.compile(r"[A-Z\x80-\U0010ffff](?<=[^\W\d_a-z])[^\W\d_a-z]+")
_WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")
# A call to spread contains one of these (lower-cased); texts without any skip the slower regex.
_SPREAD_KEYS = ("sebar", "viral", "bagikan", "share", "teruskan", "forward", "kirimkan", "hapus", "take",
                "blokir", "berhenti")
# = "!+", spelt with a literal first so that the regex engine jumps from "!" to "!" (12x faster)
_EXCLAIM = re.compile(r"!!*")
# The look-ahead lists the first letters of the alternatives: most word starts then fail at once, which
# halves the scan. A new alternative needs its first letter there (the spread tests have one per letter).
_SPREAD = re.compile(
    r"\b(?=[abhjkmstvwy])"
    r"(?:(?:tolong|mohon|silakan|silahkan|ayo|yuk|harap|wajib|bantu)\s+(?:di)?"
    r"(?:sebar(?:kan|luaskan)?|viralkan|bagikan|share|teruskan|forward(?:kan)?)"
    r"|viralkan|sebarluaskan|sebarkanlah|sebarkan"
    r"|(?:bagikan|share|sebarkan|teruskan|kirimkan)\b[^.!?\n]{0,30}?"
    r"(?:sebanyak-banyaknya|sebanyak mungkin|seluas-luasnya|sebelum\s+di\s?hapus"
    r"|ke\s+(?:semua|seluruh|grup|group|teman|keluarga|saudara))"
    r"|sebelum\s+di\s?(?:hapus|take\s?down|blokir)"
    r"|jangan\s+berhenti\s+di\s+(?:anda|kamu|sini|tangan))\b",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"\b(?:jangan|tidak|tak|dilarang|larangan|berhenti|stop)\s+(?:\w+\s+)?$", re.IGNORECASE)


class Finding(NamedTuple):
    kind: str
    start: int
    end: int
    field: Field
    why: Msg
    key: str = ""  # the lexicon entry, so each word counts once


@cache
def lexicon() -> dict[tuple[str, ...], str]:
    """The word list, read once per process: lower-cased entry words -> category."""
    entries: dict[tuple[str, ...], str] = {}
    for line in LEXICON.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            entry, category = line.split("\t")
            entries[tuple(entry.lower().split())] = category
    return entries


@cache
def _first_words() -> frozenset[str]:
    return frozenset(words[0] for words in lexicon())


@cache
def _longest_entry() -> int:
    return max(map(len, lexicon()), default=1)


def caps_runs(text: str, min_words: int) -> list[tuple[int, int]]:
    """Spans of `min_words`+ consecutive words in capitals (digits/punctuation may sit between).

    Only words without ASCII lower-case letters are visited (fast on ordinary text); two of them are
    consecutive when no lower-case letter and no line break lies between them.
    """
    runs: list[tuple[int, int]] = []
    run: list[re.Match[str]] = []
    for m in _NO_ASCII_LOWER_WORD.finditer(text):
        if not m.group().isupper():
            continue
        gap = text[run[-1].end() : m.start()] if run else ""
        if run and ("\n" in gap or any(c.islower() for c in gap)):
            runs += [(run[0].start(), run[-1].end())] if len(run) >= min_words else []
            run = []
        run.append(m)
    runs += [(run[0].start(), run[-1].end())] if len(run) >= min_words else []
    return runs


def shouting_headline(title: str) -> tuple[int, int] | None:
    """Span from first to last capitalised word when more than half the headline's words are capitals."""
    words = [m for m in _CAPS_WORD.finditer(title)]
    caps = [m for m in words if m.group().isupper()]
    if len(caps) < 3 or len(caps) * 2 <= len(words):
        return None
    return caps[0].start(), caps[-1].end()


def find_all(text: str, field: Field) -> list[Finding]:
    """Every tone finding in one field (title or body)."""
    return _spread_calls(text, field) + _exclamations(text, field) + _lexicon_hits(text, field)


def detect(article: Article) -> SignalResult:
    findings = find_all(article.title, "title") + find_all(article.text, "text")
    head = shouting_headline(article.title)
    if head is not None:
        findings.append(Finding("shouting_title", *head, "title", _WHY["shouting_title"]))
    findings += [Finding("shouting_text", s, e, "text", _WHY["shouting_text"])
                 for s, e in caps_runs(article.text, _MIN_TEXT_CAPS_WORDS)]
    counts = _counted(findings)
    total = sum(WEIGHTS[kind] * n for kind, n in counts.items())
    score = 1.0 - math.exp(-total)
    strongest = sorted(findings, key=lambda f: -WEIGHTS[f.kind])[:_MAX_EVIDENCE]
    evidence = [evidence_at(article, f.start, f.end, f.why, f.field) for f in strongest]
    flag = score >= THRESHOLD
    summary = _summary(counts, flag)
    return SignalResult(NAME, VERSION, score, flag, THRESHOLD, summary, evidence, {"counts": dict(counts)})


def _counted(findings: list[Finding]) -> Counter[str]:
    """Findings per kind, capped; exclamation runs of 2+ marks count double, lexicon words once each."""
    counts: Counter[str] = Counter()
    seen_words: set[str] = set()
    for f in findings:
        if f.kind == "lexicon":
            if f.key in seen_words:
                continue
            seen_words.add(f.key)
        counts[f.kind] += 2 if f.kind == "exclamation" and f.end - f.start > 1 else 1
    return Counter({k: min(n, _CAPS.get(k, n)) for k, n in counts.items()})


def _spread_calls(text: str, field: Field) -> list[Finding]:
    lowered = text.lower()
    if not any(key in lowered for key in _SPREAD_KEYS):
        return []
    return [Finding("spread_call", m.start(), m.end(), field, _WHY["spread_call"])
            for m in _SPREAD.finditer(text) if not _NEGATED.search(text[max(0, m.start() - 30) : m.start()])]


def _exclamations(text: str, field: Field) -> list[Finding]:
    """Each run of '!' with the words before it, back to the start of its sentence (at most 60 chars)."""
    found = []
    for m in _EXCLAIM.finditer(text):
        window = text[max(0, m.start() - 60) : m.start()]
        cut = max(window.rfind(c) for c in ".!?\n")
        start = m.start() - len(window) + cut + 1
        start += len(text[start : m.start()]) - len(text[start : m.start()].lstrip())
        found.append(Finding("exclamation", start, m.end(), field, _WHY["exclamation"]))
    return found


def _lexicon_hits(text: str, field: Field) -> list[Finding]:
    """Whole-word matches of word-list entries; multi-word entries may have any whitespace between.

    `findall` makes no match objects; words are lower-cased for the first-word test only, offsets
    looked up only once an entry matches (4% of articles): 0.078 -> 0.059 ms per 2019 article.
    """
    entries, firsts, longest = lexicon(), _first_words(), _longest_entry()
    words = _WORD.findall(text)
    spans: list[tuple[int, int]] = []
    found = []
    for i in [i for i, word in enumerate(map(str.lower, words)) if word in firsts]:
        lowered = [word.lower() for word in words[i : i + longest]]
        for n in range(len(lowered), 0, -1):
            key = tuple(lowered[:n])
            if key not in entries:
                continue
            spans = spans or [m.span() for m in _WORD.finditer(text)]  # the same words, in the same order
            if _only_spaces_between(text, spans[i : i + n]):
                entry = " ".join(key)
                why = msg("tone.lexicon", kind=_CATEGORY[entries[key]], word=entry)
                found.append(Finding("lexicon", spans[i][0], spans[i + n - 1][1], field, why, entry))
                break
    return found


def _summary(counts: Counter[str], flag: bool) -> Msg:
    if not counts:
        return msg("tone.summary_neutral")
    parts = [msg("tone.count", n=n, what=_KIND[kind]) for kind, n in counts.most_common()]
    return msg("tone.summary_flag", findings=parts) if flag else msg("tone.summary_mild", findings=parts)


def _only_spaces_between(text: str, spans: list[tuple[int, int]]) -> bool:
    return all(text[a[1] : b[0]].isspace() for a, b in zip(spans, spans[1:], strict=False))
