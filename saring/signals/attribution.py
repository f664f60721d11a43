"""Attribution and quotes: who is quoted, which outlets are cited, and how much is sourced anonymously.

The score is a **risk** (0 = well attributed, 1 = nothing attributed to a named source):

    named    = quotes with a named speaker + cited outlets (the article's own outlet excluded)
    support  = min(1, named / max(1, sentences / SENTENCES_PER_SOURCE))
    anon     = anonymous/vague sourcing markers ("sumber yang tidak mau disebut namanya", "kabarnya", ...)
    risk     = 1 - support * (1 - anon / (anon + named))

so an article with no named source, or with only anonymous ones, scores 1; one named source per six
sentences and no anonymous sourcing scores 0. Texts under `MIN_SENTENCES` sentences are damped
(too short to judge). How `THRESHOLD` was chosen is in docs/signals.md (Rahutomo 2017 hoax/valid and
the 2019 corpus, measured with benchmarks/attribution_eval.py).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from saring.article import Article, Evidence, SignalResult, evidence_at
from saring.messages import Msg, msg
from saring.nlp import split_sentences
from saring.signals.attribution_lexicon import ANONYMOUS_PATTERNS
from saring.signals.attribution_names import NameBook
from saring.signals.attribution_outlets import OutletMention, find_outlets, outlet_key
from saring.signals.attribution_quotes import Quote, find_quotes

NAME = "attribution"
VERSION = "attribution.v1"
SENTENCES_PER_SOURCE = 6
MIN_SENTENCES = 4
THRESHOLD = 0.8  # calibrated on the 2019 corpus news sections; re-tune together with SENTENCES_PER_SOURCE
_ANONYMOUS = tuple(
    (reason, triggers, re.compile(pattern, re.IGNORECASE)) for reason, triggers, pattern in ANONYMOUS_PATTERNS
)
_KATANYA = re.compile(r"\b[Kk]atanya\b")
_QUOTE_KIND = {"direct": msg("attribution.kind.direct"), "indirect": msg("attribution.kind.indirect")}
# The anonymous-sourcing reasons of attribution_lexicon.ANONYMOUS_PATTERNS (and "hearsay" for "katanya").
_ANONYMOUS_WHY = {
    "unnamed_source": msg("attribution.anonymous.unnamed_source"),
    "hearsay": msg("attribution.anonymous.hearsay"),
    "vague_experts": msg("attribution.anonymous.vague_experts"),
}


def detect(article: Article) -> SignalResult:
    text = article.text
    sentences = split_sentences(text)
    quotes = find_quotes(text, sentences)
    speakers = _resolve_speakers(text, quotes, sentences)
    unresolved_roles = {q.speaker.name for q in quotes if q.speaker is not None and q.speaker.kind == "role"}
    own = _site_key(article.site)
    mentions = find_outlets(text)
    cited = [o for o in mentions if not o.platform and outlet_key(o.name) != own]
    anonymous = _anonymous(text, quotes)
    named = sum(1 for s in speakers if s is not None) + len({outlet_key(o.name) for o in cited})
    score = _risk(len(sentences), named, len(anonymous))
    details: dict[str, object] = {
        "quotes": [_quote_dict(q, s) for q, s in zip(quotes, speakers, strict=True)],
        "speakers": _distinct_names(s for s in speakers if s and s not in unresolved_roles),
        "outlets": _outlet_list(cited),
        "platforms": sorted({o.name for o in mentions if o.platform}),
        "own_outlet_mentions": sum(1 for o in mentions if not o.platform and outlet_key(o.name) == own),
        "anonymous": [{"span": [s, e], "text": text[s:e], "reason": r} for s, e, r in anonymous],
        "named_sources": named,
        "sentences": len(sentences),
    }
    return SignalResult(
        name=NAME,
        version=VERSION,
        score=round(score, 4),
        flag=score >= THRESHOLD,
        threshold=THRESHOLD,
        summary=_summary(details, score),
        evidence=_evidence(article, quotes, speakers, cited, anonymous),
        details=details,
    )


def _resolve_speakers(text: str, quotes: list[Quote], sentences: list[tuple[int, int]]) -> list[str | None]:
    """Speaker name per quote: short names get their fullest form; "kata dia" after a quote the last
    speaker; a sentence-initial "Dia mengatakan" (or a pronoun with no speaker yet) the nearest name in
    the sentences before it, skipping sentences inside quotes (names quoted are not the subject)."""
    book = NameBook(text)
    starts = [s for s, _ in sentences]
    quoted = [(q.start, q.end) for q in quotes if q.kind == "direct"]
    names: list[str | None] = []
    last: str | None = None
    for quote in quotes:
        speaker = quote.speaker
        name: str | None = None
        if speaker is None or speaker.kind == "unnamed":
            name = None
        elif speaker.kind == "pronoun":
            at = bisect_right(starts, quote.start) - 1
            opening = quote.kind == "indirect" and speaker.start - sentences[at][0] <= len("Menurutnya")
            # "...," kata dia' and "..., kata dia, ..." continue the last speaker; a pronoun opening a
            # sentence ("Dia mengatakan", "Menurutnya") may refer to a subject introduced just before
            name = _antecedent(book, sentences, quoted, at, last) if opening or last is None else last
        elif speaker.name:
            name = book.resolve(speaker.name, role=speaker.kind == "role")
            book.add(name)
        if name:
            last = name
        names.append(name)
    return names


def _distinct_names(names: Iterable[str]) -> list[str]:
    """One entry per person: "Gatot Dewa Broto" folds into "Gatot S Dewa Broto", "Andy Siswantoro"
    into "Andi Siswantoro" (same surname, first name spelt alike)."""
    kept: list[str] = []
    for name in sorted(set(names), key=lambda n: (-len(n.split()), n)):
        if not any(_same_person(name, k) for k in kept):
            kept.append(name)
    return sorted(kept)


def _same_person(name: str, other: str) -> bool:
    """Same words, a nickname ending a one-word name ("Midji" ~ "Sutarmidji"), or spelling variants
    word by word ("Said Agil" ~ "Said Aqil Siradj", "Andy Siswantoro" ~ "Andi Siswantoro")."""
    words, other_words = name.lower().split(), other.lower().split()
    if set(words) <= set(other_words):
        return True
    if len(words) == len(other_words) == 1:
        short, long = sorted((words[0], other_words[0]), key=len)
        return len(short) >= 4 and long.endswith(short)
    pairs = list(zip(words, other_words, strict=False))
    return len(pairs) > 1 and all(_one_edit(a, b) for a, b in pairs)


def _one_edit(a: str, b: str) -> bool:
    """Same length and at most one substituted letter ("agil" ~ "aqil")."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    return False


def _antecedent(
    book: NameBook, sentences: list[tuple[int, int]], quoted: list[tuple[int, int]], at: int, last: str | None
) -> str | None:
    for i in range(at - 1, max(-1, at - 4), -1):
        start, end = sentences[i]
        if any(a < end and start < b for a, b in quoted):
            if last is not None:
                return last  # right after quotes, "Menurutnya" continues their speaker
            continue
        candidates = book.known_in(start, end)
        if candidates:
            return last if last in candidates else candidates[0]
    return last


def _site_key(site: str | None) -> str | None:
    return outlet_key(site) if site else None


def _anonymous(text: str, quotes: list[Quote]) -> list[tuple[int, int, str]]:
    """Anonymous sourcing spans; "katanya" counts unless it is a quote's speech verb ("ujarnya")."""
    lowered = text.lower()
    found = [
        (m.start(), m.end(), reason)
        for reason, triggers, pattern in _ANONYMOUS
        if any(t in lowered for t in triggers)
        for m in pattern.finditer(text)
    ]
    if "atanya" in text:
        verb_spots = {
            q.speaker.start for q in quotes if q.speaker is not None and q.speaker.kind == "pronoun"
        }
        found += [
            (m.start(), m.end(), "hearsay")
            for m in _KATANYA.finditer(text)
            if m.start() + 4 not in verb_spots
        ]
    found.sort()
    kept: list[tuple[int, int, str]] = []
    for item in found:
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    return kept


def _risk(n_sentences: int, named: int, anonymous: int) -> float:
    expected = max(1.0, n_sentences / SENTENCES_PER_SOURCE)
    support = min(1.0, named / expected)
    anon_share = anonymous / (anonymous + named) if anonymous + named else 0.0
    risk = 1.0 - support * (1.0 - anon_share)
    return risk * min(1.0, n_sentences / MIN_SENTENCES)


def _quote_dict(quote: Quote, name: str | None) -> dict[str, object]:
    speaker = quote.speaker
    return {
        "quote": [quote.start, quote.end],
        "kind": quote.kind,
        "verb": quote.verb,
        "speaker": name,
        "speaker_span": [speaker.start, speaker.end] if speaker else None,
        "speaker_kind": speaker.kind if speaker else None,
    }


def _outlet_list(cited: list[OutletMention]) -> list[dict[str, object]]:
    seen: dict[str, dict[str, object]] = {}
    for o in cited:
        entry = seen.setdefault(outlet_key(o.name), {"name": o.name, "spans": [], "how": o.how})
        entry["spans"].append([o.start, o.end])  # type: ignore[attr-defined]
    return list(seen.values())


def _evidence(
    article: Article,
    quotes: list[Quote],
    names: list[str | None],
    cited: list[OutletMention],
    anonymous: list[tuple[int, int, str]],
) -> list[Evidence]:
    evidence: list[Evidence] = []
    for quote, name in zip(quotes, names, strict=True):
        who = name or msg("attribution.no_speaker")
        verb = quote.verb or msg("attribution.no_verb")
        why = msg("attribution.quote", kind=_QUOTE_KIND[quote.kind], verb=verb, who=who)
        evidence.append(evidence_at(article, quote.start, quote.end, why))
        if quote.speaker is not None:
            speaker = msg("attribution.speaker", who=who)
            evidence.append(evidence_at(article, quote.speaker.start, quote.speaker.end, speaker))
    evidence += [
        evidence_at(article, o.start, o.end, msg("attribution.outlet", outlet=o.name)) for o in cited
    ]
    evidence += [evidence_at(article, s, e, _ANONYMOUS_WHY[r]) for s, e, r in anonymous]
    return [e for e in evidence if e.end > e.start]


def _summary(details: dict[str, object], score: float) -> Msg:
    quotes = details["quotes"]
    assert isinstance(quotes, list)
    speakers = details["speakers"]
    assert isinstance(speakers, list)
    outlets = [o["name"] for o in details["outlets"]]  # type: ignore[attr-defined]
    anonymous = details["anonymous"]
    assert isinstance(anonymous, list)
    return msg(
        "attribution.summary",
        score=score,
        quotes=len(quotes),
        speakers=(
            msg("attribution.speakers", names=speakers[:5]) if speakers else msg("attribution.no_speaker")
        ),
        cites=msg("attribution.cites", outlets=[str(o) for o in outlets[:5]]) if outlets else "",
        anonymous=msg("attribution.n_anonymous", n=len(anonymous)) if anonymous else "",
    )
