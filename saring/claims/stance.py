"""Does a text dispute what it reports? A debunking article repeats a rumour in order to refute it.

A same-claim fact-check match says the text *states* a claim that fact-checkers rated; it does not say
the text *asserts* it. News that refutes a rumour ("Kemenkes membantah ... tidak benar") states the
same claim as the fact-check of that rumour, and applying the "false" verdict to it would call a
debunk a hoax: on the Rahutomo articles (hoax topics, each covered by rumours and by reports that
refute them) 80 of 372 valid articles were pushed to `hoax` that way (docs/model.md).

The cues are the words with which Indonesian (and English) reports dispute or refute a claim, or relay
a rumour as one ("beredar kabar", "ada anggapan"). Chain messages say of themselves "ini bukan hoaks"
("this is not a hoax"), so that phrase is not a cue. How often each cue occurs in rumours as they
circulated (TurnBackHoax 2024, BDC) and in reports: docs/model.md, "Evidence".
"""

from __future__ import annotations

import re

DISPUTE = re.compile(
    r"(?<!\w)(?:hoaks|hoax|hoaxs|tidak benar|tak benar|tidak terbukti|belum terbukti|keliru|menyesatkan|"
    r"disinformasi|misinformasi|klarifikasi|membantah|dibantah|bantahan|menepis|ditepis|mitos|faktanya|"
    r"cek fakta|debunk\w*|fact[- ]check\w*|not true|false claim|misleading|"
    # reporting a rumour as a rumour, and refuting without the verdict words
    r"beredar\s+(?:kabar|pesan|informasi|isu|video|foto|unggahan|narasi)|ada anggapan|"
    r"(?:kabar|berita|informasi)\s+(?:bohong|palsu)|(?:tidak|belum) ada bukti|tanpa bukti|"
    r"tidak ada (?:korelasi|hubungan|kaitan)|bukan(?:lah)? cara)(?!\w)",
    re.I,
)
# "bukan hoaks", "bukan berita hoax", "not a hoax": a message vouching for itself, not a refutation.
_SELF_VOUCHING = re.compile(r"(?<!\w)(?:bukan|not a|not|no)\s+(?:berita\s+)?(?:hoaks|hoax)", re.I)


def dispute_cues(text: str) -> list[tuple[int, int]]:
    """Spans of the words with which `text` disputes a claim (empty when it disputes nothing)."""
    vouching = [m.span() for m in _SELF_VOUCHING.finditer(text)]
    return [m.span() for m in DISPUTE.finditer(text) if not any(a <= m.start() < b for a, b in vouching)]
