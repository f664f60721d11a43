"""Scam: a lure (job, prize, aid or subsidy, bank promotion, gambling site) plus a request to act on it
(click a link, register, transfer money, give an OTP/PIN or personal data, contact a WhatsApp number).

A large share of what Indonesian fact-checkers debunk today is this kind of message. News *reports*
about scams mention the same words, so the score rewards the combination that makes a message a
scam (a lure *and* a request to act) more than either part, and asks for more than one finding.
Each finding adds `WEIGHTS[family]` (a family counts at most twice); a lure together with a request
adds `BOTH`; score = 1 - exp(-total x min(1, sqrt(SHORT / words))): scam messages are short, and a
600-word report that mentions "bantuan" and "daftar" is not asking the reader for anything (the
damping took 2024 "scam" recall at the 2%-news cut-off from 26% to 36%). Weights were set by hand
from what each finding means; `THRESHOLD` from data: the lowest cut-off flagging <= 2% of ordinary
2019 outlet articles (``python benchmarks/scam_eval.py`` prints it, with rates on 2024 rumours).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from typing import Literal, NamedTuple

from saring.article import Article, SignalResult, evidence_at
from saring.messages import Msg, msg
from saring.nlp.casefold import case_sensitive_twin, lowers_safely
from saring.signals.form_cues import LINK, PHONE, word_count

NAME = "scam"
VERSION = "scam.v1"
THRESHOLD = 0.34  # the lowest cut-off flagging <= 2% of ordinary 2019 articles (benchmarks/scam_eval.py)
BOTH = 0.8
SHORT = 60  # words; longer texts have their total damped
_CAP = 2
_MAX_EVIDENCE = 12

Field = Literal["text", "title"]


class Finding(NamedTuple):
    family: str
    start: int
    end: int
    field: Field


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


LURES: dict[str, tuple[re.Pattern[str], Msg]] = {
    "job": (
        _words(
            r"lowongan(?:\s+kerja)?",
            r"loker",
            r"rekrutmen",
            r"recruitment",
            r"is\s+hiring",
            r"penerimaan\s+(?:pegawai|karyawan|calon)",
            r"dibutuhkan\s+(?:segera\s+)?(?:karyawan|pegawai)",
            r"gaji\s+(?:per\s?bulan|pokok)",
            r"kirim(?:kan)?\s+lamaran",
        ),
        msg("scam.lure.job"),
    ),
    "prize": (
        _words(
            r"(?:ber)?hadiah",
            r"undian",
            r"gr[ae]nd\s+prize",
            r"give\s?away",
            r"bagi[\s-]+bagi",
            r"pemenang",
            r"memenangkan",
            r"voucher",
            r"cashback",
            r"terpilih",
            r"tebus\s+murah",
            r"promo(?:si)?\s+(?:spesial|khusus|gratis|terbatas)",
        ),
        msg("scam.lure.prize"),
    ),
    "aid": (
        _words(
            r"bantuan\s+(?:sosial|langsung|tunai|dana|uang|modal|subsidi|pemerintah)",
            r"bansos",
            r"blt",
            r"subsidi",
            r"dana\s+(?:hibah|bantuan|desa)",
            r"uang\s+tunai",
            r"kuota\s+(?:gratis|internet)",
            r"saldo\s+(?:gratis|dana|ovo|gopay)",
            r"pinjaman\s+(?:online|tanpa)",
            r"pinjol",
            r"modal\s+usaha",
            r"(?:bbm|sembako|kuota|pulsa|token\s+listrik)\s+gratis",
        ),
        msg("scam.lure.aid"),
    ),
    "bank": (
        _words(
            r"nasabah",
            r"mobile\s+bank(?:ing)?",
            r"internet\s+banking",
            r"poin\s+(?:reward|bank)",
            r"tarif\s+transfer",
        ),
        msg("scam.lure.bank"),
    ),
    "gambling": (
        _words(
            r"slot\s?(?:online|gacor)?",
            r"gacor",
            r"maxwin",
            r"judi\s+(?:online|slot|bola)",
            r"togel",
            r"jackpot",
            r"situs\s+(?:judi|slot|resmi)",
        ),
        msg("scam.lure.gambling"),
    ),
}
ACTIONS: dict[str, tuple[re.Pattern[str], Msg]] = {
    "link": (LINK, msg("scam.action.link")),
    "click": (
        _words(
            r"klik\s+(?:link|tautan|di\s?sini|disini)",
            r"(?:buka|kunjungi|akses)\s+(?:link|tautan|situs)",
            r"link\s+(?:di\s?bawah|berikut|pendaftaran)",
            r"tautan\s+(?:di\s?bawah|berikut)",
        ),
        msg("scam.action.click"),
    ),
    "register": (
        _words(
            r"daftar(?:kan)?(?:\s+(?:sekarang|segera|di|melalui))?",
            r"pendaftaran",
            r"registrasi",
            r"isi\s+(?:form(?:ulir)?|data)",
            r"klaim\s+(?:hadiah|bantuan|saldo|sekarang)",
            r"cara\s+(?:daftar|melamar|klaim)",
        ),
        msg("scam.action.register"),
    ),
    "money": (
        _words(
            r"transfer(?:kan)?",
            r"biaya\s+(?:admin(?:istrasi)?|pendaftaran|pengiriman|pajak)",
            r"kirim(?:kan)?\s+uang",
            r"nomor\s+rekening",
            r"no\.?\s*rek",
            r"top\s?up",
            r"deposit",
        ),
        msg("scam.action.money"),
    ),
    "secret": (
        _words(
            r"otp",
            r"kode\s+(?:verifikasi|otp|aktivasi|rahasia|akses)",
            r"pin",
            r"password",
            r"kata\s+sandi",
            r"cvv",
            r"nomor\s+kartu",
        ),
        msg("scam.action.secret"),
    ),
    "personal": (
        _words(
            r"nik",
            r"(?:foto\s+)?ktp",
            r"kartu\s+keluarga",
            r"data\s+(?:diri|pribadi)",
            r"nama\s+ibu\s+kandung",
            r"tanggal\s+lahir",
        ),
        msg("scam.action.personal"),
    ),
    "contact": (
        _words(r"hubungi", r"wa\.me", r"chat\s+(?:wa|admin)", r"(?:via|ke|nomor|no)\s+(?:wa|whatsapp)"),
        msg("scam.action.contact"),
    ),
    "phone": (PHONE, msg("scam.action.phone")),
}
WEIGHTS: dict[str, float] = {
    **dict.fromkeys(LURES, 0.35),
    "gambling": 0.6,  # a gambling site is itself the lure and the request
    **dict.fromkeys(ACTIONS, 0.3),
    "secret": 0.6,  # asking for an OTP or PIN is a scam whatever else the message says
    "money": 0.4,
}


# A request under a negation is a warning ("jangan berikan kode OTP", "tidak ada pendaftaran ulang"):
# news about scams and official denials say exactly that.
_NEGATED = re.compile(
    r"\b(?:jangan|tidak|tak|bukan|hindari|waspadai|tanpa|dilarang)\b[^.!?\n]{0,40}$", re.IGNORECASE
)


# Each family's pattern with its case-sensitive twin for lower-cased text (None: search as written).
_LURE_TWINS = [(f, p, case_sensitive_twin(p)) for f, (p, _) in LURES.items()]
_ACTION_TWINS = [(f, p, case_sensitive_twin(p)) for f, (p, _) in ACTIONS.items()]
_NEGATED_TWIN = case_sensitive_twin(_NEGATED)


def find_all(text: str, field: Field, *, fold_case: bool = True) -> list[Finding]:
    """Every lure and (non-negated) request in one field. Scam posts often write in "mathematical bold"
    letters (𝐇𝐚𝐝𝐢𝐚𝐡); NFKC folds them to ASCII, and where that keeps the length the offsets still hold.
    `fold_case` searches the lower-cased text with case-sensitive twins where that finds the same
    (`saring.nlp.casefold`); False is the plain form, kept to test against."""
    folded = unicodedata.normalize("NFKC", text)
    scan = folded if len(folded) == len(text) else text
    lowered = scan.lower() if fold_case and lowers_safely(scan) else None

    def hits(pattern: re.Pattern[str], twin: re.Pattern[str] | None) -> Iterator[re.Match[str]]:
        return pattern.finditer(scan) if twin is None or lowered is None else twin.finditer(lowered)

    negation, before = (
        (_NEGATED, scan) if _NEGATED_TWIN is None or lowered is None else (_NEGATED_TWIN, lowered)
    )
    found = [Finding(f, m.start(), m.end(), field) for f, p, twin in _LURE_TWINS for m in hits(p, twin)]
    return found + [
        Finding(f, m.start(), m.end(), field)
        for f, p, twin in _ACTION_TWINS
        for m in hits(p, twin)
        if not negation.search(before, max(0, m.start() - 50), m.start())
    ]


def total(findings: list[Finding]) -> float:
    counts = Counter(f.family for f in findings)
    weight = sum(WEIGHTS[f] * min(n, _CAP) for f, n in counts.items())
    lure, action = bool(counts.keys() & LURES.keys()), bool(counts.keys() & ACTIONS.keys())
    return weight + (BOTH if lure and action else 0.0)


def detect(article: Article) -> SignalResult:
    findings = find_all(article.title, "title") + find_all(article.text, "text")
    words = word_count(article.title) + word_count(article.text)
    score = 1.0 - math.exp(-total(findings) * min(1.0, math.sqrt(SHORT / max(words, 1))))
    why = {f: w for f, (_, w) in {**LURES, **ACTIONS}.items()}
    ranked = sorted(findings, key=lambda f: (-WEIGHTS[f.family], f.field != "title", f.start))
    evidence = [evidence_at(article, f.start, f.end, why[f.family], f.field) for f in ranked[:_MAX_EVIDENCE]]
    counts = dict(Counter(f.family for f in findings))
    flag = score >= THRESHOLD
    return SignalResult(
        NAME, VERSION, score, flag, THRESHOLD, _summary(counts, flag, why), evidence, {"counts": counts}
    )


def _summary(counts: dict[str, int], flag: bool, why: dict[str, Msg]) -> Msg:
    lures = [why[f] for f in LURES if f in counts]
    actions = [why[f] for f in ACTIONS if f in counts]
    if flag:
        return msg("scam.summary_flag", lures=lures or [msg("scam.no_lure")],
                   actions=actions or [msg("scam.no_request")])
    if lures or actions:
        return msg("scam.summary_some", findings=lures + actions)
    return msg("scam.summary_none")
