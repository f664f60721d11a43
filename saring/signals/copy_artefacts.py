"""Copy artefacts: traces left when an article is copied from another outlet or reposted by a blog.

Each finding adds a weight; the score is ``1 - exp(-total)`` and the article is flagged at
`THRESHOLD` (total >= 0.69: e.g. one foreign credit tag plus one leftover widget, or two repeated
paragraphs plus a blog subscribe prompt). Weights (`WEIGHTS`) were set by hand from what each artefact
means, then checked on the 2019 CLICK-ID corpus of ordinary outlet articles (flag rate per publisher
printed by ``benchmarks/copy_eval.py``) and on seed 000; re-tune them together with `THRESHOLD`.

What counts:
- what cleaning removed (`article.removed`): repeated paragraphs, a repeated headline, blog template
  widgets (subscribe prompt, comment counter) and ordinary page chrome (share bars, photo credits, ...).
  Removed text is not in `text`, so it is summarised in `summary`/`details`, not as evidence spans;
- leftovers still in the text: "Baca juga", "loading...", "klik di sini", "Artikel ini telah tayang di X"
  (syndication), "Sumber: X" credit lines;
- truncation: a paragraph ending in "...", "[...]", "baca selengkapnya", or the last paragraph stopping
  mid-sentence;
- another outlet's identity: a credit tag "(detik)", "(ant)", "(bbs)" = "berbagai sumber", a site
  prefix or dateline ("RadarRakyat.Info-", "Jakarta - detikcom") of an outlet other than the article's
  own site, and an article that cites one outlet ("seperti dilansir Reuters") under another's tag.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator

from saring.article import Article, Evidence, SignalResult, evidence_at
from saring.messages import Msg, msg
from saring.signals.attribution_outlets import (
    OutletMention,
    canonical,
    credit_tags,
    find_outlets,
    outlet_key,
    outlet_table,
)

NAME = "copy"
VERSION = "copy.v1"
THRESHOLD = 0.5

WEIGHTS: dict[str, float] = {
    "duplicate_paragraph": 0.4,  # per repeated paragraph, at most 3 counted
    "repeated_title": 0.3,
    "blog_template": 0.4,  # per kind: subscribe prompt, comment widget
    "page_chrome": 0.05,  # per removed share bar, photo credit, ... (normal on any page), at most 4
    "leftover": 0.15,  # per widget text left in the body, at most 3
    "syndication": 0.7,  # "Artikel ini telah tayang di ..."
    "source_line": 0.5,  # "Sumber: detik.com"
    "truncated": 0.35,  # per truncated paragraph, at most 2
    "foreign_tag": 0.6,  # per other outlet's credit tag
    "various_sources": 0.3,  # "(bbs)"
    "foreign_dateline": 0.5,  # dateline of an outlet other than the article's site
    "dateline": 0.2,  # an outlet dateline when the site is unknown (pasted text)
    "mixed_identities": 0.4,  # two or more outlets in credit positions (dateline, tag, source line)
    "relayed_citation": 0.3,  # cites X under the credit tag of Y
}
_CAPS = {
    "duplicate_paragraph": 3,
    "repeated_title": 1,
    "blog_template": 2,
    "page_chrome": 4,
    "leftover": 3,
    "truncated": 2,
}
# Each finding kind in words, for the summary (the keys of `WEIGHTS`).
_FINDING: dict[str, Msg] = {
    "duplicate_paragraph": msg("copy.finding.duplicate_paragraph"),
    "repeated_title": msg("copy.finding.repeated_title"),
    "blog_template": msg("copy.finding.blog_template"),
    "page_chrome": msg("copy.finding.page_chrome"),
    "leftover": msg("copy.finding.leftover"),
    "syndication": msg("copy.finding.syndication"),
    "source_line": msg("copy.finding.source_line"),
    "truncated": msg("copy.finding.truncated"),
    "foreign_tag": msg("copy.finding.foreign_tag"),
    "various_sources": msg("copy.finding.various_sources"),
    "foreign_dateline": msg("copy.finding.foreign_dateline"),
    "dateline": msg("copy.finding.dateline"),
    "mixed_identities": msg("copy.finding.mixed_identities"),
    "relayed_citation": msg("copy.finding.relayed_citation"),
}
_BLOG_TEMPLATE = {"boilerplate:subscribe_prompt", "boilerplate:comments_widget"}

_LEFTOVERS = re.compile(
    r"\b(?:[Bb]aca [Jj]uga|BACA JUGA|[Ss]imak (?:juga )?[Vv]ideo|[Kk]lik (?:di ?sini|link|tautan)"
    r"|loading\.\.\.|[Pp]osting [Kk]omentar|[Bb]erlangganan gratis|[Jj]ika [Aa]nda menyukai [Aa]rtikel"
    r"|[Ss]croll (?:to|untuk) (?:continue|melanjutkan)|ADVERTISEMENT|[Dd]ownload [Aa]plikasi"
    r"|[Tt]onton [Vv]ideo)"
)
_SYNDICATION = re.compile(
    r"\b(?:[Aa]rtikel|[Bb]erita) ini (?:telah )?(?:tayang|terbit|dimuat|diterbitkan) (?:di|pada)\b"
    r"[^.\n]{0,120}"
)
_SOURCE_LINE = re.compile(
    r"(?:^|(?<=[.,]))\s*(?P<line>(?:[Ss]umber|SUMBER|[Ss]ource)\s*:\s*(?P<name>[^\n,]{2,60}?))\s*[,.]?\s*$",
    re.MULTILINE,
)
_TRUNCATION = re.compile(
    r"(?:\.\.\.|…|\[\s*\.\.\.\s*\]|\(\s*\.\.\.\s*\)|[Bb]aca selengkapnya|[Ss]elengkapnya|[Rr]ead more|"
    r"[Cc]ontinue reading)\s*[,]?\s*$"
)
# What every match of a pattern contains (lower-cased) or ends with: texts without it skip the slower regex.
_LEFTOVER_HINTS = (
    "baca juga", "simak video", "simak juga video", "klik ", "loading...", "posting komentar",
    "berlangganan gratis", "menyukai artikel", "scroll ", "advertisement", "download aplikasi",
    "tonton video",
)
_SYNDICATION_HINTS = ("artikel ini ", "berita ini ")
_SOURCE_LINE_HINTS = ("sumber", "source")
_TRUNCATION_ENDS = ("...", "…", "]", ")", "elengkapnya", "ead more", "ontinue reading")
_ENDS_SENTENCE = re.compile(r"[.!?\"'”’)\]:;*]\s*$")
_DATELINE = re.compile(
    r"^\W{0,3}(?:(?P<city>[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?)\s*[,-]\s*)?"
    r"(?P<outlet>(?:www\.)?[A-Za-z][\w-]*(?:\.[A-Za-z]{2,6}){1,2}|[A-Za-z][\w.]+)\s*(?:,\s*[A-Z][A-Za-z]+\s*)?[-–—]"
)
_VARIOUS = re.compile(
    r"\((bbs|[Bb]erbagai [Ss]umber|[Dd]ari [Bb]erbagai [Ss]umber)\)\s*[.,]?\s*$", re.MULTILINE
)
_MIN_TRUNCATED_WORDS = 8


def detect(article: Article) -> SignalResult:
    own = outlet_key(article.site) if article.site else None
    findings: list[tuple[str, Evidence | None, str]] = []  # (weight key, evidence, note)
    findings += _removed(article)
    findings += _leftovers(article)
    findings += _truncations(article)
    identities = _identities(article, own, findings)
    findings += _relayed(article, own, identities)
    total = _total(findings)
    score = 1.0 - math.exp(-total)
    counts = Counter(key for key, _, _ in findings)
    details: dict[str, object] = {
        "findings": dict(sorted(counts.items())),
        "removed": dict(sorted(Counter(r.reason for r in article.removed).items())),
        "outlet_identities": sorted(identities),
        "weight": round(total, 3),
    }
    evidence = [e for _, e, _ in findings if e is not None and e.end > e.start]
    summary = _summary(findings, score)
    return SignalResult(
        NAME, VERSION, round(score, 4), score >= THRESHOLD, THRESHOLD, summary, evidence, details
    )


def _removed(article: Article) -> list[tuple[str, Evidence | None, str]]:
    """What cleaning took out; counted (with caps) but without spans, since it is not in `text`."""
    found: list[tuple[str, Evidence | None, str]] = []
    for item in article.removed:
        if item.reason in ("duplicate_paragraph", "repeated_title"):
            found.append((item.reason, None, item.text[:80]))
        elif item.reason in _BLOG_TEMPLATE and not any(note == item.reason for _, _, note in found):
            found.append(("blog_template", None, item.reason))
        elif item.reason.startswith("boilerplate:") and item.reason not in _BLOG_TEMPLATE:
            found.append(("page_chrome", None, item.reason))
    return found


def _leftovers(article: Article) -> list[tuple[str, Evidence | None, str]]:
    text = article.text
    lowered = text.lower()
    found: list[tuple[str, Evidence | None, str]] = []
    for m in _finditer(_SYNDICATION, _SYNDICATION_HINTS, text, lowered):
        found.append(
            (
                "syndication",
                evidence_at(article, m.start(), m.end(), msg("copy.syndication")),
                m.group(),
            )
        )
    for m in _finditer(_LEFTOVERS, _LEFTOVER_HINTS, text, lowered):
        found.append(
            (
                "leftover",
                evidence_at(article, m.start(), m.end(), msg("copy.leftover")),
                m.group(),
            )
        )
    for m in _finditer(_SOURCE_LINE, _SOURCE_LINE_HINTS, text, lowered):
        name = m.group("name").strip()
        why = msg("copy.source_line", name=name)
        found.append(("source_line", evidence_at(article, m.start("line"), m.end("line"), why), name))
    return found


def _finditer(
    pattern: re.Pattern[str], hints: tuple[str, ...], text: str, lowered: str
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, skipped when no hint occurs in the lower-cased text (the usual case)."""
    return pattern.finditer(text) if any(h in lowered for h in hints) else iter(())


def _truncations(article: Article) -> list[tuple[str, Evidence | None, str]]:
    text = article.text
    found: list[tuple[str, Evidence | None, str]] = []
    for i, (start, end) in enumerate(article.paragraphs):
        body = text[start:end].rstrip(", ")
        m = _truncation(body)
        if m and len(body.split()) >= 3:
            found.append(
                (
                    "truncated",
                    evidence_at(article, start + m.start(), start + m.end(), msg("copy.truncated")),
                    m.group(),
                )
            )
        elif (
            i == len(article.paragraphs) - 1
            and len(body.split()) >= _MIN_TRUNCATED_WORDS
            and not _ENDS_SENTENCE.search(body)
        ):
            last = body.split()[-1]
            if "/" in last or "." in last:
                continue  # a closing URL or domain, not a sentence
            at = start + len(body) - len(last)
            found.append(
                ("truncated", evidence_at(article, at, start + len(body), msg("copy.mid_sentence")), last)
            )
    return found


def _truncation(body: str) -> re.Match[str] | None:
    """`_TRUNCATION.search(body)`; the regex only runs when the paragraph ends as a match would."""
    tail = body.rstrip()
    tail = tail[:-1].rstrip() if tail.endswith(",") else tail  # the match may close with ", "
    return _TRUNCATION.search(body) if tail.endswith(_TRUNCATION_ENDS) else None


def _identities(
    article: Article, own: str | None, findings: list[tuple[str, Evidence | None, str]]
) -> set[str]:
    """Outlets named in credit positions (tags, datelines, source lines); adds their findings."""
    identities: set[str] = set()
    for m in _VARIOUS.finditer(article.text):
        findings.append(
            (
                "various_sources",
                evidence_at(article, m.start(1), m.end(1), msg("copy.various_sources")),
                m.group(1),
            )
        )
    for tag in credit_tags(article.text):
        key = outlet_key(tag.name)
        if key != own:
            identities.add(key)
            findings.append(
                (
                    "foreign_tag",
                    evidence_at(article, tag.start, tag.end, msg("copy.foreign_tag", outlet=tag.name)),
                    tag.name,
                )
            )
    dateline = _dateline(article.text)
    if dateline is not None:
        start, end, name = dateline
        key = outlet_key(name)
        if own is None or key != own:
            identities.add(key)
            weight = "dateline" if own is None else "foreign_dateline"
            why = msg("copy.dateline", outlet=name)
            findings.append((weight, evidence_at(article, start, end, why), name))
    for key, ev, note in list(findings):
        if key == "source_line" and ev is not None:
            identities.add(outlet_key(note))  # the credited name
    if len(identities) >= 2:
        findings.append(("mixed_identities", None, ", ".join(sorted(identities))))
    return identities


def _dateline(text: str) -> tuple[int, int, str] | None:
    """An outlet name in the first line's dateline: "RadarRakyat.Info-", "JAKARTA, KOMPAS.com -"."""
    m = _DATELINE.match(text)
    if m is None:
        return None
    name = m.group("outlet")
    known = outlet_table().match(text, m.start("outlet"))
    if known is not None:
        return m.start("outlet"), known[1], known[0].canonical or name
    if "." in name and re.search(r"\.[A-Za-z]{2,6}$", name):
        return m.start("outlet"), m.end("outlet"), name
    return None


def _relayed(
    article: Article, own: str | None, identities: set[str]
) -> list[tuple[str, Evidence | None, str]]:
    """ "seperti dilansir Reuters" in an article carrying another outlet's tag or dateline."""
    if not identities:
        return []
    cited: list[OutletMention] = [o for o in find_outlets(article.text) if o.how == "cue" and not o.platform]
    relayed = [o for o in cited if outlet_key(o.name) not in identities and outlet_key(o.name) != own]
    return [
        (
            "relayed_citation",
            evidence_at(article, o.start, o.end, msg("copy.relayed", outlet=o.name, via=sorted(identities))),
            canonical(o.name),
        )
        for o in relayed[:1]
    ]


def _total(findings: list[tuple[str, Evidence | None, str]]) -> float:
    counts = Counter(key for key, _, _ in findings)
    return sum(WEIGHTS[key] * min(n, _CAPS.get(key, n)) for key, n in counts.items())


def _summary(findings: list[tuple[str, Evidence | None, str]], score: float) -> Msg:
    if not findings:
        return msg("copy.summary_none")
    counts = Counter(key for key, _, _ in findings)
    parts = [
        msg("copy.times", what=_FINDING[key], n=n) if n > 1 else _FINDING[key]
        for key, n in counts.most_common()
    ]
    return msg("copy.summary", score=score, findings=parts)
