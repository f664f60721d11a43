"""Boilerplate: whole paragraphs that belong to the page, not to the story.

Two mechanisms, neither keyed to one article:
1. `PATTERNS`: a documented list of paragraph shapes that Indonesian news sites and blogs attach to
   every post (subscribe prompts, comment counters, share bars, "Baca juga" links, ad markers, follow
   prompts, photo credits, copyright lines). A pattern only removes a *short* paragraph, so a real
   paragraph that happens to mention "berlangganan" stays.
2. `SiteBoilerplate`: statistics of paragraphs that recur across many articles of one site, learned
   from a crawl (`learn`) and saved as JSON of hashes; on a new article of that site such paragraphs
   are removed with reason ``site_repeated``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from saring.article import Removed
from saring.clean.paragraphs import paragraph_key

_MAX_BOILERPLATE_WORDS = 40

# (reason, pattern) - matched case-insensitively against a whole paragraph of at most 40 words.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        (
            "subscribe_prompt",
            (
                r"\b(berlangganan|subscribe|newsletter)\b.*\b(e-?mail|surel|inbox|notifikasi|artikel|blog|"
                r"update)\b|\b(klik|click) (di ?sini|here)\b.*\b(berlangganan|subscribe)"
            ),
        ),
        (
            "comments_widget",
            (
                r"^\d+\s+(comments?|komentar)\s*:?\s*$|^(posting|tulis|kirim|tambahkan) komentar\b"
                r"|^(belum ada|no) (komentar|comments)\b|^komentar( anda)?\s*:?\s*$"
                r"|^leave a (reply|comment)\b"
            ),
        ),
        (
            "share_bar",
            (
                r"^(bagikan|share|sebarkan)( (artikel|berita) ini)?( (ke|to|on|via))?\s*:?\s*"
                r"((facebook|twitter|whatsapp|telegram|line|email|linkedin|pinterest|x)[\s,|/]*)*$"
                r"|^(share this|tweet|pin it)\s*:?$"
            ),
        ),
        (
            "related_links",
            (
                r"^(baca (juga|pula)|artikel terkait|berita terkait|lihat juga|simak juga|"
                r"related (posts?|articles?)|read more|baca selengkapnya|berita lainnya|artikel lainnya)\b"
            ),
        ),
        (
            "advertisement",
            (
                r"^(advertisement|iklan|sponsored|scroll (to|untuk) (continue|melanjutkan)|"
                r"gulir (ke bawah )?untuk melanjutkan|konten sponsor)\b"
            ),
        ),
        ("video_prompt", r"^(simak|saksikan|tonton|lihat) (juga )?video\b"),
        (
            "follow_prompt",
            (
                r"^(ikuti|follow|dapatkan (update|informasi|berita)|download aplikasi|unduh aplikasi|"
                r"gabung(lah)? (di|ke) (grup|channel|kanal))\b.*\b(google news|instagram|twitter|facebook|"
                r"telegram|whatsapp|youtube|tiktok|aplikasi|channel|kanal)"
            ),
        ),
        # Two entries for one reason: as one alternation, the unanchored "(Foto: ...)" was tried at every
        # position of the paragraph (0.013 ms per article; 0.002 as two patterns).
        ("photo_credit", r"^\(?(foto|photo|gambar|ilustrasi|sumber foto)\s*:[^.]*\)?$"),
        ("photo_credit", r"\((foto|photo)\s*:\s*[^)]{2,80}\)$"),
        ("copyright", r"^(copyright|hak cipta|\u00a9|all rights reserved)\b"),
        ("tags_line", r"^(tags?|tag|topik|kata kunci)\s*:"),
    )
)


# Words one of which every match of a pattern holds. subscribe_prompt is the one pattern tried at every
# position of a paragraph (0.028 ms per article); on ASCII text (96% of paragraphs) a lowercase substring
# test rules it out first (0.002 ms).
_REQUIRED_WORDS = {"subscribe_prompt": ("berlangganan", "subscribe", "newsletter")}


def match_pattern(paragraph: str) -> str | None:
    """The reason of the first pattern a short paragraph matches, if any."""
    if len(paragraph.split(maxsplit=_MAX_BOILERPLATE_WORDS)) > _MAX_BOILERPLATE_WORDS:
        return None
    lowered = paragraph.lower() if paragraph.isascii() else None
    for reason, pattern in PATTERNS:
        words = _REQUIRED_WORDS.get(reason)
        if words and lowered is not None and not any(word in lowered for word in words):
            continue
        if pattern.search(paragraph):
            return f"boilerplate:{reason}"
    return None


def _hash(paragraph: str) -> str:
    return hashlib.blake2b(paragraph_key(paragraph).encode(), digest_size=8).hexdigest()


@dataclass
class SiteBoilerplate:
    """Per-site set of paragraph hashes that recur in at least `min_share` of a site's articles."""

    hashes: dict[str, set[str]] = field(default_factory=dict)

    def is_boilerplate(self, site: str | None, paragraph: str) -> bool:
        return bool(site) and _hash(paragraph) in self.hashes.get(site or "", set())

    @classmethod
    def learn(
        cls, docs: Iterable[tuple[str | None, list[str]]], min_docs: int = 5, min_share: float = 0.05
    ) -> SiteBoilerplate:
        """`docs` yields (site, paragraphs). A paragraph counts once per article."""
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        n_docs: Counter[str] = Counter()
        for site, paragraphs in docs:
            if not site:
                continue
            n_docs[site] += 1
            counts[site].update({_hash(p) for p in paragraphs if len(p.split()) <= _MAX_BOILERPLATE_WORDS})
        hashes = {}
        for site, counter in counts.items():
            floor = max(min_docs, min_share * n_docs[site])
            common = {h for h, c in counter.items() if c >= floor}
            if common:
                hashes[site] = common
        return cls(hashes)

    def to_json(self) -> str:
        return json.dumps({site: sorted(h) for site, h in sorted(self.hashes.items())})

    @classmethod
    def from_json(cls, data: str) -> SiteBoilerplate:
        return cls({site: set(h) for site, h in json.loads(data).items()})


def drop_boilerplate(
    paragraphs: list[str], site: str | None, stats: SiteBoilerplate | None
) -> tuple[list[str], list[Removed]]:
    kept: list[str] = []
    removed: list[Removed] = []
    for paragraph in paragraphs:
        reason = match_pattern(paragraph)
        if reason is None and stats is not None and stats.is_boilerplate(site, paragraph):
            reason = "boilerplate:site_repeated"
        if reason:
            removed.append(Removed(text=paragraph, reason=reason))
        else:
            kept.append(paragraph)
    return kept, removed
