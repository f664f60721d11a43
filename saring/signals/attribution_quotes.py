"""Direct and indirect quotes, each with its speech verb and speaker phrase.

Direct quotes: quote marks are paired per paragraph by position, not by glyph, because scraped and spun
text mixes them (`" Pada saat ... hancur, " kata Rachid`, `mengatakan,”Ini ...”`). A mark opens when
no quote is open; while one is open, a mark glued to the preceding text or standing alone closes it,
and a mark glued to the next word is a stray re-opening and is skipped (seed 000:
`"Bahkan ... pergi. "Mereka ... dunia," tutup Allawi`). The speaker is read after the closing mark
(`," kata X`, `," ujarnya`, `," X menambahkan`) or before the opening one (`X mengatakan, "`,
`Menurut X, "`); an unattributed quote right after an attributed one continues it.
Indirect quotes: `X mengatakan (bahwa) ...`, `Menurut X, ...`, `..., kata X.` without quote marks.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from saring.nlp import split_sentences
from saring.signals.attribution_lexicon import (
    FRONT_VERBS,
    INVERTED_VERBS,
    LETTERS,
    PASSIVE_VERBS,
    SAY_VERBS,
    by_prefix,
)
from saring.signals.attribution_names import Speaker, speaker_after, speaker_before

_MARK = re.compile('["“”„«»]')
_MAX_OPEN_QUOTE = 800  # an unclosed mark further from the paragraph end is a stray, not a quote
_MIN_QUOTE_WORDS = 4  # shorter unattributed quotes are terms or scare quotes ("SOS", "kandang")

_INV = "|".join(sorted(INVERTED_VERBS, key=len, reverse=True))
_FRONT = "|".join(sorted(FRONT_VERBS, key=len, reverse=True))
_PASSIVE = "|".join(sorted(PASSIVE_VERBS, key=len, reverse=True))
_POST_INV = re.compile(rf"\s*[,.]?\s*(?:(?i:demikian|begitu)\s+)?(?P<verb>(?i:{_INV}))(?P<nya>nya)?\b\s*")
_POST_PASSIVE = re.compile(
    rf"\s*[,.]?\s*(?:(?i:demikian|begitu)\s+)?(?P<verb>(?i:{_PASSIVE}))\s+(?:oleh\s+)?"
)
_POST_FRONT = re.compile(rf"\s*[,.]?\s*(?P<head>[^.!?\"“”\n]{{1,80}}?)\b(?P<verb>{_FRONT})\b")
_PRE_FRONT = re.compile(rf"\b(?P<verb>{_FRONT})\s*(?:bahwa\s*)?[,:]?\s*$")
_PRE_INV = re.compile(
    rf"\b(?P<verb>(?i:{_INV}|menurut))(?P<nya>nya)?\b(?P<who>[^.!?\"“”\n]{{0,80}}?)\s*[,:]\s*$"
)


# No leading \b: a literal first character lets the regex engine skip ahead; callers check the boundary.
_ME_WORD = re.compile(rf"(?:{by_prefix(FRONT_VERBS, ('me', 'be'))})\b")
_DI_WORD = re.compile(rf"[Dd]i(?:{by_prefix(frozenset(w[2:] for w in PASSIVE_VERBS), LETTERS)})\b")
_OLEH = re.compile(r"\s+(?:oleh\s+)?")
_MENURUT = re.compile(r"(?P<verb>[Mm]enurut)(?P<nya>nya)?\b\s*")
_INLINE_INV = re.compile(rf",\s*(?P<verb>{_INV})(?P<nya>nya)?\b\s*")
_RANK_FRONT, _RANK_INLINE = 1, 3  # ranks of the cue kinds in `_indirect_quotes`
_OPEN_ENDED = re.compile(r"[,;:\-–—]\s*[\"“”„«»]$")
_INTRO = re.compile(r"\s*[,:]?\s*(?:bahwa\s+)?")
_CONTENT_INTRO = re.compile(r"\s*(?:[,:]|bahwa\b|jika\b|kalau\b)")
_INLINE_END = re.compile(r"\s*(?:[,.;!?]|$|(?:kepada|saat|ketika|di|dalam|seperti|usai|seusai|pada)\b)")
_COORDINATED = re.compile(r"\b(?:dan|serta|lalu|kemudian|sekaligus|tetapi|tapi|namun)\s*$")
_SUBJECT_END = re.compile(r"\s+(?:[a-z]|\()")


@dataclass(slots=True)
class Quote:
    """A quote span, its verb and speaker (None when unattributed)."""

    start: int
    end: int
    kind: str  # "direct" | "indirect"
    verb: str | None = None
    speaker: Speaker | None = None
    tail: int = 0  # end of the attribution that follows the quote, for continuation


def find_quotes(text: str, sentences: list[tuple[int, int]] | None = None) -> list[Quote]:
    """All direct and indirect quotes of `text` (sentence spans may be passed in), in text order."""
    sentences = split_sentences(text) if sentences is None else sentences
    direct = _direct_quotes(text, [end for _, end in sentences])
    covered = [(q.start, max(q.end, q.tail)) for q in direct]
    indirect = _indirect_quotes(text, sentences, covered)
    return sorted(direct + indirect, key=lambda q: q.start)


def _pair_marks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for mark in _MARK.finditer(text, start, end):
        i = mark.start()
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if open_at is None:
            if before.isspace() or before in "([:,.;" or after.isalnum():
                open_at = i
        elif not before.isspace() or after.isspace() or after in ",.;:!?)":
            spans.append((open_at, i + 1))
            open_at = None
    if open_at is not None and 20 < end - open_at <= _MAX_OPEN_QUOTE:
        spans.append((open_at, end))  # a quote that runs on into the next paragraph
    return spans


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _direct_quotes(text: str, sentence_ends: list[int]) -> list[Quote]:
    quotes: list[Quote] = []
    for p_start, p_end in _paragraphs(text):
        for q_start, q_end in _pair_marks(text, p_start, p_end):
            quote = Quote(q_start, q_end, "direct", tail=q_end)
            if _attribute_after(text, quote, p_end):
                k = bisect_left(sentence_ends, quote.speaker.end if quote.speaker else q_end)
                quote.tail = min(p_end, sentence_ends[k]) if k < len(sentence_ends) else p_end
            else:
                _attribute_before(text, quote, p_start)
            if quote.speaker is None and quotes and not text[quotes[-1].tail : q_start].strip(" \n\t.,"):
                previous = quotes[-1]
                quote.speaker, quote.verb = previous.speaker, previous.verb
            if quote.speaker is not None or _looks_spoken(text, q_start, q_end, p_start):
                quotes.append(quote)
    return quotes


def _looks_spoken(text: str, start: int, end: int, p_start: int) -> bool:
    """An unattributed quote counts when it opens a sentence and is long enough to be speech."""
    before = text[p_start:start].rstrip()
    return (not before or before[-1] in ".!?:,") and len(text[start:end].split()) >= _MIN_QUOTE_WORDS


def _attribute_after(text: str, quote: Quote, p_end: int) -> bool:
    pos = quote.end
    m = _POST_INV.match(text, pos, p_end)
    if m:
        quote.verb = m.group("verb").lower()
        quote.speaker = _pronoun_at(m) if m.group("nya") else speaker_after(text, m.end(), p_end)
    else:
        m = _POST_PASSIVE.match(text, pos, p_end)
        if m is None and _OPEN_ENDED.search(text, quote.start, quote.end):
            m = _POST_FRONT.match(
                text, pos, p_end
            )  # `," Allawi menambahkan` but not `." Allawi menambahkan, ...`
        if not m:
            return False
        quote.verb = m.group("verb").lower()
        if "head" in m.groupdict():
            quote.speaker = speaker_before(text, m.start("verb"), m.start("head"))
        else:
            quote.speaker = speaker_after(text, m.end(), p_end)
    if quote.speaker is None:
        quote.verb = None
        return False
    return True


def _attribute_before(text: str, quote: Quote, p_start: int) -> bool:
    window_start = max(p_start, quote.start - 160)
    head = text[window_start : quote.start]
    cut = max(head.rfind(". "), head.rfind('"'), head.rfind("”"))
    base = window_start + cut + 1 if cut >= 0 else window_start
    head = text[base : quote.start]
    m = _PRE_FRONT.search(head)
    if m:
        quote.verb = m.group("verb").lower()
        quote.speaker = speaker_before(text, base + m.start("verb"), base)
    else:
        m = _PRE_INV.search(head)
        if not m:
            return False
        quote.verb = m.group("verb").lower()
        quote.speaker = (
            _pronoun_at(m, base)
            if m.group("nya")
            else speaker_after(text, base + m.start("who"), quote.start)
        )
    if quote.speaker is None:
        quote.verb = None
        return False
    return True


def _sentence_subject(text: str, s_start: int, pos: int) -> Speaker | None:
    """The capitalised words opening the sentence, read as its subject."""
    m = _SUBJECT_END.search(text, s_start, pos)
    return speaker_before(text, m.start(), s_start) if m else None


def _pronoun_at(m: re.Match[str], offset: int = 0) -> Speaker:
    return Speaker(offset + m.start("nya"), offset + m.end("nya"), "pronoun")


def _indirect_quotes(
    text: str, sentences: list[tuple[int, int]], covered: list[tuple[int, int]]
) -> list[Quote]:
    """Scan the whole text once per cue kind, then read at most one indirect quote per sentence."""
    starts = [start for start, _ in sentences]
    cues: dict[int, list[tuple[int, int, str, int, bool]]] = {}  # sentence -> (rank, pos, verb, after, nya)
    for rank, hits in enumerate(
        (_menurut_hits(text), _front_hits(text), _passive_hits(text), _inline_hits(text))
    ):
        for pos, verb, after, nya in hits:
            i = bisect_right(starts, pos) - 1
            if i >= 0 and pos < sentences[i][1]:
                cues.setdefault(i, []).append((rank, pos, verb, after, nya))
    quotes: list[Quote] = []
    for i in sorted(cues):
        s_start, s_end = sentences[i]
        if any(a < s_end and s_start < b for a, b in covered):
            continue
        quote = _indirect_in(text, s_start, s_end, sorted(cues[i]))
        if quote is not None:
            quotes.append(quote)
    return quotes


def _word_start(text: str, pos: int) -> bool:
    return pos == 0 or not text[pos - 1].isalnum()


def _menurut_hits(text: str) -> list[tuple[int, str, int, bool]]:
    """Matches of `_MENURUT` (they cannot overlap), tried where "enurut" occurs: `str.find` skips to
    them 8x faster than a regex scan, which stops at every "m"."""
    hits = []
    at = text.find("enurut", 1)
    while at >= 0:
        m = _MENURUT.match(text, at - 1)
        if m and _word_start(text, at - 1):
            hits.append((at - 1, "menurut", m.end(), bool(m.group("nya"))))
        at = text.find("enurut", at + 1)
    return hits


def _front_hits(text: str) -> list[tuple[int, str, int, bool]]:
    return [
        (m.start(), m.group(), m.end(), False)
        for m in _ME_WORD.finditer(text)
        if _word_start(text, m.start())
    ]


def _passive_hits(text: str) -> list[tuple[int, str, int, bool]]:
    hits = []
    for m in _DI_WORD.finditer(text):
        verb = m.group().lower()
        if _word_start(text, m.start()):
            oleh = _OLEH.match(text, m.end())
            hits.append((m.start(), verb, oleh.end() if oleh else m.end(), False))
    return hits


def _inline_hits(text: str) -> list[tuple[int, str, int, bool]]:
    return [
        (m.start("verb"), m.group("verb"), m.end(), bool(m.group("nya"))) for m in _INLINE_INV.finditer(text)
    ]


def _indirect_in(
    text: str, s_start: int, s_end: int, cues: list[tuple[int, int, str, int, bool]]
) -> Quote | None:
    """The first cue of the sentence (by kind, then position) that yields a speaker."""
    subject: Speaker | None = None
    for rank, pos, verb, after, nya in cues:
        if nya:
            speaker: Speaker | None = Speaker(after - 3, after, "pronoun")
        elif rank == _RANK_FRONT:
            speaker = speaker_before(text, pos, s_start)
            if speaker is None and _COORDINATED.search(text, s_start, pos):
                # "Siti Nurbaya membantah laporan itu dan mengatakan ...", "AAIB tidak ... tetapi mengatakan"
                speaker = subject or _sentence_subject(text, s_start, pos)
            subject = speaker or subject
            if verb not in SAY_VERBS and not _CONTENT_INTRO.match(text, after, s_end):
                continue
            if speaker is not None and len(text[after:s_end].split()) >= 3:
                intro = _INTRO.match(text, after, s_end)
                return Quote(intro.end() if intro else after, s_end, "indirect", verb, speaker)
            continue
        else:
            speaker = speaker_after(text, after, s_end)
        if speaker is None or speaker.kind == "unnamed":
            continue
        if rank == _RANK_INLINE and not _INLINE_END.match(text, speaker.end, s_end):
            continue
        return Quote(s_start, s_end, "indirect", verb, speaker)
    return None
