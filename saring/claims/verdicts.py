"""Fact-checkers' rating words mapped onto one small verdict scale.

Publishers rate claims in their own words and languages: TurnBackHoax tags titles with
"[SALAH]", "[HOAX+HASUT]" or "[DISINFORMASI]", PolitiFact says "Pants on Fire", AFP says "Missing
context", Kompas says "Keliru". Reports need one scale to colour and count them, so every rating maps
to one of `VERDICTS`; the original text is always kept next to it (as `rating`) so nothing is lost.

Combined ratings ("HOAX+HASUT", "EDUKASI, HOAX") take the most severe part, in the order of
`VERDICTS`. Phrases are matched before single words so "tidak benar" / "mostly false" / "sebagian
benar" do not fall through to "benar" / "false".
"""

from __future__ import annotations

import re

# Most severe first: a combined rating takes the first verdict any of its parts maps to.
VERDICTS: tuple[str, ...] = ("false", "misleading", "satire", "unproven", "true", "other")

# Multi-word phrases, checked first (lower-case, single spaces).
_PHRASES: dict[str, str] = {
    "tidak benar": "false",
    "not true": "false",
    "pants on fire": "false",
    "four pinocchios": "false",
    "konten palsu": "false",
    "konten yang dimanipulasi": "false",
    "konten tiruan": "false",
    "mostly false": "misleading",
    "partly false": "misleading",
    "partially false": "misleading",
    "half true": "misleading",
    "mostly true": "misleading",
    "missing context": "misleading",
    "kurang konteks": "misleading",
    "sebagian benar": "misleading",
    "sebagian salah": "misleading",
    "konteks keliru": "misleading",
    "konten yang menyesatkan": "misleading",
    "false context": "misleading",
    "false connection": "misleading",
    "koneksi yang salah": "misleading",
    "konteks yang salah": "misleading",
    "tidak terbukti": "unproven",
    "belum terbukti": "unproven",
    "no evidence": "unproven",
    "tidak ada bukti": "unproven",
    "belum ada bukti": "unproven",
    "cek fakta": "other",
    "fact check": "other",  # a post type, not a rating: keeps "fakta" from reading as true
}
_WORDS: dict[str, str] = {
    **dict.fromkeys(
        (
            "salah",
            "hoax",
            "hoaks",
            "hoaxes",
            "false",
            "fake",
            "keliru",
            "palsu",
            "bohong",
            "fitnah",
            "scam",
            "penipuan",
            "fabricated",
            "incorrect",
            "wrong",
            "altered",
            "manipulated",
            "manipulasi",
            "rekayasa",
            "pinocchios",
        ),
        "false",
    ),
    **dict.fromkeys(
        (
            "misleading",
            "menyesatkan",
            "disinformasi",
            "misinformasi",
            "disinformation",
            "misinformation",
            "hasut",
            "provokasi",
            "framing",
            "pelintiran",
            "exaggerated",
            "mixture",
            "campuran",
            "distorted",
        ),
        "misleading",
    ),
    **dict.fromkeys(("satire", "satir", "satira", "parodi", "parody", "humor", "lelucon"), "satire"),
    **dict.fromkeys(("unproven", "unverified", "unsupported", "unsubstantiated"), "unproven"),
    **dict.fromkeys(("benar", "true", "fakta", "fact", "correct", "accurate", "sahih"), "true"),
}
_TOKEN = re.compile(r"[^\W\d_]+")


def normalize_verdict(rating: str | None) -> str:
    """The verdict (one of `VERDICTS`) for a publisher's rating text; "other" when unknown."""
    if not rating:
        return "other"
    text = " ".join(_TOKEN.findall(rating.casefold()))
    found = {verdict for phrase, verdict in _PHRASES.items() if _has_phrase(text, phrase)}
    for phrase in _PHRASES:
        text = text.replace(phrase, " ")
    found.update(_WORDS[w] for w in text.split() if w in _WORDS)
    return next((v for v in VERDICTS if v in found), "other")


def verdict_from_score(value: float, worst: float, best: float) -> str:
    """ClaimReview without a usable text: place `ratingValue` on the worst..best scale."""
    if best == worst:
        return "other"
    position = (value - worst) / (best - worst)
    if position <= 0.25:
        return "false"
    if position < 0.75:
        return "misleading"
    return "true"


def _has_phrase(text: str, phrase: str) -> bool:
    return f" {phrase} " in f" {text} "
