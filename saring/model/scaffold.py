"""Strip TurnBackHoax fact-checker scaffolding so that only the circulating content is left.

A TurnBackHoax post wraps the rumour ("NARASI") in the fact-checker's template: "KATEGORI: Hoaks",
"SUMBER: Facebook", "PENJELASAN: …", "REFERENSI: <links>", "=====" rules and "[SALAH]" title tags.
The template differs between the two labels, so a classifier on the raw post learns the template.
We keep the title and the NARASI section when there is one; otherwise the body minus every
template part (labels, category, source lines, references, links).
"""

from __future__ import annotations

import re

_HEADINGS = (
    "kategori",
    "sumber",
    "narasi",
    "penjelasan",
    "referensi",
    "fakta",
    "klaim",
    "catatan",
    "kesimpulan",
    "hasil cek fakta",
    "isi klarifikasi lengkap",
    "penjelasan & fakta",
    "penjelasan dan fakta",
)
_HEADING_RE = re.compile(
    r"\(?\b(" + "|".join(re.escape(h) for h in sorted(_HEADINGS, key=len, reverse=True)) + r")\b\)?\s*[:=]",
    re.IGNORECASE,
)
_RULE_RE = re.compile(r"[=\-_*~]{3,}")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|\b\S+\.(?:com|id|co|net|org|ly)/\S*", re.IGNORECASE)
_TITLE_TAG_RE = re.compile(
    r"^\s*(?:[\[(][^\])]{1,30}[\])]\s*|(?:klarifikasi|hoaks?|hoax|salah|disinformasi)\s*[:\-–]\s*)+",
    re.IGNORECASE,
)
_KEEP_WITHOUT_NARASI = {"klaim", "isi klarifikasi lengkap"}  # rumour or statement text, not template


def strip_title(title: str) -> str:
    """Drop leading verdict tags such as "[SALAH]", "(HOAX)" or "Klarifikasi:"."""
    return _TITLE_TAG_RE.sub("", title).strip()


def sections(body: str) -> list[tuple[str, str]]:
    """Split a post into (heading, content) pairs; the text before the first heading has heading ""."""
    text = _RULE_RE.sub(" ", body)
    marks = list(_HEADING_RE.finditer(text))
    parts = [("", text[: marks[0].start()] if marks else text)]
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        parts.append((m.group(1).lower(), text[m.end() : end]))
    return parts


def strip_body(body: str) -> str:
    """The circulating content of a post: its NARASI section(s), else the non-template parts."""
    parts = sections(body)
    narasi = [c for h, c in parts if h in ("narasi", "klaim")]
    kept = narasi or [c for h, c in parts if h == "" or h in _KEEP_WITHOUT_NARASI]
    text = " ".join(_URL_RE.sub(" ", c) for c in kept)
    return " ".join(text.split())
