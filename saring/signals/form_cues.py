"""The cues that tell a news report from a social-media or chat post, each with its spans.

A report names its place and outlet, attributes statements to named people ("kata", "menjelaskan")
and addresses nobody; a forwarded post speaks to the reader ("kamu", "Bapak Ibu"), asks to be
shared, carries phone numbers, links and emoji, shouts, and uses chat spelling ("yg", "gak").
`form.py` weighs these cues with weights learned from data (`train_form.py`); this module only finds
them, so the evidence shown is exactly what was counted.

Only cues that both forms *could* show are used: the 2019 news scrape lost its datelines and left
stray commas where links were, so comma/dash patterns and text openings other than a real dateline
("JAKARTA, KOMPAS.com -", "Jakarta, ...") would teach the scrape, not the form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Literal, NamedTuple

from saring.messages import Msg, msg
from saring.nlp.casefold import case_sensitive_twin, lowers_safely
from saring.signals import tone
from saring.signals.attribution_lexicon import INVERTED_VERBS, PASSIVE_VERBS, SAY_VERBS
from saring.signals.attribution_outlets import find_outlets

Field = Literal["text", "title"]


class Cue(NamedTuple):
    kind: str
    start: int
    end: int
    field: Field


# Why each cue matters, as a reader sees it (evidence `why`). Order = feature order of the model.
CUES: dict[str, Msg] = {
    "dateline": msg("form.cue.dateline"),
    "outlet": msg("form.cue.outlet"),
    "attributed": msg("form.cue.attributed"),
    "second_person": msg("form.cue.second_person"),
    "chat_words": msg("form.cue.chat_words"),
    "spread_call": msg("form.cue.spread_call"),
    "forwarded": msg("form.cue.forwarded"),
    "phone": msg("form.cue.phone"),
    "link": msg("form.cue.link"),
    "shouting": msg("form.cue.shouting"),
    "emoji": msg("form.cue.emoji"),
    "exclamation": msg("form.cue.exclamation"),
    "hashtag": msg("form.cue.hashtag"),
}

# "JAKARTA, KOMPAS.com -", "Liputan6.com, Jakarta -", "Jakarta, CNN Indonesia --", "Jakarta, Di ..."
_DATELINE = re.compile(
    r"\A\s*(?:[A-Z][\w-]*\.(?:com|co|id)\b[^,\n]{0,12},\s*)?"
    r"[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?\s*(?:\([^)\n]{1,30}\)\s*)?"
    r"(?:,\s*(?:[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2}\s*)?[-\u2013\u2014:]+|[-\u2013\u2014:]+|,(?=\s+[A-Z]))"
)
_NOT_PLACES = frozenset(
    "bapak ibu sahabat saudara teman kawan halo hai assalamualaikum selamat info mohon".split()
)
_SAY_WORDS = frozenset(
    {*SAY_VERBS, *PASSIVE_VERBS, *INVERTED_VERBS, *(f"{v}nya" for v in INVERTED_VERBS), "menurut"}
)
_WORD = re.compile(r"[^\W\d_]+")
_SECOND = frozenset(
    "kamu anda kalian engkau kau dikau lu lo loe elo elu gue gw sobat guys gan agan bund bunda sahabat "
    "saudaraku".split()
)
_SECOND_PHRASE = re.compile(
    r"\b(?:bapak[\s/-]+ibu|ibu[\s/-]+bapak|bpk[\s/-]+ibu|bapak2|ibu2)\b", re.IGNORECASE
)
_CHAT = frozenset(
    "yg dgn utk krn tdk sdh blm gak nggak ngga enggak ga gk udah udh aja aj nih tuh deh dong kok loh lho "
    "wkwk wkwkwk bgt banget dah kalo klo sm jgn tp trs bs gmn gimana pdhl sy org bener emang gitu".split()
)
_FORWARDED = re.compile(
    r"\b(?:forwarded(?:\s+many\s+times)?|diteruskan|copas|copy\s*paste|pesan\s+berantai|broadcast"
    r"|info\s+(?:dari\s+)?(?:grup|group|wag)\s*(?:sebelah)?|dari\s+(?:grup|group|wag)\s+sebelah"
    r"|info\s+a1|repost(?:ed)?|\[?forward\]?)\b",
    re.IGNORECASE,
)
PHONE = re.compile(r"(?<![\w.])(?:\+?62[\s-]?|0)8\d{1,3}(?:[\s.-]?\d{2,4}){2,3}(?![\w])")
LINK = re.compile(
    r"(?:https?://|www\.)\S+|\b(?:bit\.ly|s\.id|tinyurl\.com|linktr\.ee|wa\.me|t\.me|cutt\.ly|shorturl\.at"
    r"|rebrand\.ly|goo\.gl|ow\.ly)/\S*",
    re.IGNORECASE,
)
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b50\u2b55\u203c\u2049]+")
_PUNCT_RUN = re.compile(r"[!?]{2,}")
_TAG = re.compile(r"(?<!\w)[#@][^\W\d_]\w{1,}")
# Case-sensitive twins of the case-insensitive patterns, for lower-cased text (saring.nlp.casefold).
_TWINS = {p: case_sensitive_twin(p) for p in (_FORWARDED, LINK, _SECOND_PHRASE)}


def find_cues(text: str, field: Field, *, fold_case: bool = True) -> list[Cue]:
    """Every cue in one field, in a stable order (by kind, then position). `fold_case` searches the
    lower-cased text with case-sensitive twins where that finds the same (`saring.nlp.casefold`); False
    is the plain form, kept to test against."""
    lowered = text.lower() if fold_case and lowers_safely(text) else None

    def hits(pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        twin = _TWINS.get(pattern)
        return pattern.finditer(text) if twin is None or lowered is None else twin.finditer(lowered)

    cues: list[Cue] = []
    if field == "text":
        m = _DATELINE.match(text)
        if m and m.group().split(maxsplit=1)[0].strip(",").lower() not in _NOT_PLACES:
            cues.append(Cue("dateline", m.start() + len(m.group()) - len(m.group().lstrip()), m.end(), field))
    cues += [Cue("outlet", o.start, o.end, field) for o in find_outlets(text) if not o.platform]
    cues += _word_cues(text, field)
    cues += [
        Cue("spread_call", f.start, f.end, field)
        for f in tone.find_all(text, field)
        if f.kind == "spread_call"
    ]
    for kind, pattern in (
        ("forwarded", _FORWARDED),
        ("phone", PHONE),
        ("link", LINK),
        ("emoji", _EMOJI),
        ("exclamation", _PUNCT_RUN),
        ("hashtag", _TAG),
    ):
        cues += [Cue(kind, m.start(), m.end(), field) for m in hits(pattern)]
    cues += [Cue("second_person", m.start(), m.end(), field) for m in hits(_SECOND_PHRASE)]
    cues += [Cue("shouting", s, e, field) for s, e in tone.caps_runs(text, 3)]
    return cues


_WORD_KIND = (
    dict.fromkeys(_CHAT, "chat_words")
    | dict.fromkeys(_SECOND, "second_person")
    | dict.fromkeys(_SAY_WORDS, "attributed")
)


def _word_cues(text: str, field: Field) -> list[Cue]:
    return [
        Cue(_WORD_KIND[w], m.start(), m.end(), field)
        for m in _WORD.finditer(text)
        if (w := m.group().lower()) in _WORD_KIND
    ]


@lru_cache(maxsize=8)
def word_count(text: str) -> int:
    """Letter runs in the text; cached because `form` and `scam` both count the same title and text."""
    return len(_WORD.findall(text))
