"""Check-worthiness: which sentences state something a fact-checker could verify and would care about.

A transparent cue model, not a trained classifier: each cue found in a sentence adds its weight to a
logit, and `sigmoid(logit)` is the 0..1 check-worthiness. The cues (Indonesian and English):

- numbers and quantities (digits, "juta", "persen", "Rp"), dates and times;
- named people and organisations: capitalised word sequences past the sentence start, acronyms;
- attributed statements: quotes with a speech verb, "menurut", "kata", "according to";
- superlatives and absolutes ("terbesar", "pertama", "satu-satunya", "semua", "most");
- causal claims ("menyebabkan", "akibat", "causes") and what something contains ("mengandung babi");
- health and money topics (vaccines, cures, cancer; prices, budgets, debt, salaries);
- official actions and events (bans, arrests, verdicts, deaths, "resmi").

Cues against: questions, calls to action and share requests, greetings and wishes, first-person
opinion, and very short sentences. Weights were set by hand and adjusted on the dev half of
tests/resources/checkworthy_gold.jsonl; the test half is only measured (docs/claims.md).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from saring.nlp.casefold import case_sensitive_twin, lowers_safely

if TYPE_CHECKING:
    from saring.article import Article


def _words(*groups: str) -> re.Pattern[str]:
    """A case-insensitive pattern matching any of the space-separated words/phrases as whole words."""
    alternatives = sorted({w.replace("_", " ") for g in groups for w in g.split()}, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, alternatives)) + r")(?![\w])", re.I)


_MONTHS = (
    "januari februari maret april mei juni juli agustus september oktober november desember "
    "january february march june july august october december jan feb mar apr jun jul agu aug sep sept "
    "okt oct nov des dec"
)
_DAYS = (
    "senin selasa rabu kamis jumat jum'at sabtu minggu "
    "monday tuesday wednesday thursday friday saturday sunday"
)

# (reason, weight, pattern). Weights are logit increments; see the module docstring.
CUES: tuple[tuple[str, float, re.Pattern[str]], ...] = (
    (
        "number",
        1.2,
        re.compile(
            r"\d|(?<!\w)(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|"
            r"puluhan|ratusan|ribuan|jutaan|separuh|setengah|sebagian besar)(?!\w)",
            re.I,
        ),
    ),
    (
        "quantity",
        0.6,
        _words(
            "persen % juta miliar triliun ribu ton hektare kilometer meter liter kg km "
            "percent million billion trillion dolar dollar rupiah rp"
        ),
    ),
    (
        "date",
        0.5,
        re.compile(
            r"(?<!\w)(?:" + "|".join(_MONTHS.split() + _DAYS.split()) + r")(?!\w)|"
            r"\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)|(?<!\d)(?:19|20)\d\d(?!\d)|"
            r"(?<!\w)(?:kemarin|pekan lalu|tahun lalu|bulan depan|tahun depan|malam ini|"
            r"mulai|sejak|last week|next year|tonight)(?!\w)",
            re.I,
        ),
    ),
    # Past the first word (every sentence starts capitalised); "Anda"/"Bapak" are polite pronouns, not names.
    (
        "named entity",
        0.9,
        re.compile(
            r"(?<=[\w,;:)] )(?!(?:Anda|Bapak|Ibu|Saudara)\b)[A-Z][\w'’.-]*"
            r"|^[A-Z]{2,}\b"
        ),
    ),
    (
        "attribution",
        0.8,
        _words(
            "menurut kata ujar ungkap ucap jelas tegas sebut menyebut mengatakan menyatakan "
            "mengklaim klaim mengaku membantah bantah mengumumkan according said says "
            "claimed announced confirmed admitted stated"
        ),
    ),
    ("quote", 0.4, re.compile(r"[\"“”]")),
    (
        "superlative",
        0.8,
        re.compile(
            r"(?<!\w)(?:ter(?:besar|banyak|tinggi|rendah|buruk|baik|kaya|miskin|mahal|"
            r"murah|parah|cepat|lama|luas|panjang|kuat|korup|aman)|paling|pertama|"
            r"satu-satunya|rekor|sepanjang sejarah|semua|seluruh|setiap|selalu|"
            r"tidak pernah|most|largest|biggest|highest|lowest|worst|best|first|only|"
            r"all|every|never|record)(?!\w)",
            re.I,
        ),
    ),
    (
        "causal",
        0.9,
        _words(
            "menyebabkan sebabkan disebabkan mengakibatkan akibat berakibat memicu dipicu "
            "membuat berdampak sehingga terbukti causes caused cause leads_to due_to because"
        ),
    ),
    ("composition", 0.6, _words("mengandung terbuat_dari berisi dicampur contains contain made_of laced")),
    (
        "health",
        0.9,
        _words(
            "vaksin virus covid corona kanker obat menyembuhkan sembuh penyakit kesehatan dokter "
            "rumah_sakit pasien meninggal kematian tewas menewaskan infeksi racun beracun "
            "berbahaya diabetes stunting imunisasi oksigen masker organ hormon wabah "
            "vaccine cure cures cancer disease died deaths hospital kills poisoning"
        ),
    ),
    (
        "money",
        0.7,
        _words(
            "harga anggaran utang pajak gaji subsidi bantuan dana korupsi suap biaya tarif "
            "upah inflasi defisit apbn investasi investor ekspor impor bbm bansos blt "
            "price budget debt tax salary wage bribe corruption inflation funds"
        ),
    ),
    (
        "official action",
        0.8,
        _words(
            "resmi melarang dilarang larangan mewajibkan wajib menetapkan ditetapkan "
            "menangkap ditangkap tersangka divonis vonis menghapus dihapus menaikkan "
            "menurunkan memblokir diblokir menolak membubarkan menutup ditutup "
            "meresmikan menandatangani undang-undang peraturan fatwa mencopot "
            "ban banned arrest arrested law fatwa issued sentenced"
        ),
    ),
)
ANTI_CUES: tuple[tuple[str, float, re.Pattern[str]], ...] = (
    ("question", -1.6, re.compile(r"\?\s*[\"”’)]*$")),
    (
        "call to action",
        -2.0,
        _words(
            "bagikan share klik click simak ikuti baca_juga jangan_lupa mari ayo yuk "
            "silakan silahkan tonton nantikan tunggu stay_tuned please let_us"
        ),
    ),
    (
        "greeting or wish",
        -1.8,
        _words("semoga selamat terima_kasih mohon maaf doa doanya sampai_jumpa thank_you pray"),
    ),
    (
        "opinion",
        -1.2,
        _words(
            "menurut_saya saya_rasa saya_kira saya_pikir kami_berharap sebaiknya "
            "rasanya mungkin barangkali entah i_think i_feel"
        ),
    ),
    ("first person", -0.5, _words("saya aku kami kita i we")),
)
BIAS = -1.6
SHORT_WORDS = 5  # sentences with fewer words get SHORT_PENALTY
SHORT_PENALTY = -1.5


@dataclass(slots=True)
class Checkworthiness:
    score: float  # 0..1
    reasons: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ClaimSentence:
    """A sentence of an article with its offsets into `article.text` and its check-worthiness."""

    start: int
    end: int
    sentence: str
    score: float
    reasons: list[str]


def score_sentence(sentence: str) -> Checkworthiness:
    """Check-worthiness of one sentence and the cues that made it (positive ones as reasons)."""
    return _score(sentence, None)


def _score(sentence: str, lowered: str | None) -> Checkworthiness:
    """With `lowered` (== sentence.lower(), and `lowers_safely(sentence)`), the case-insensitive cues
    search it with their case-sensitive twins; without it every cue searches the sentence as written."""
    logit = BIAS
    reasons: list[str] = []
    for reason, weight, pattern, twin in _FOLDED:
        if twin.search(lowered) if twin is not None and lowered is not None else pattern.search(sentence):
            logit += weight
            if weight > 0:
                reasons.append(reason)
    if len(sentence.split()) < SHORT_WORDS:
        logit += SHORT_PENALTY
    return Checkworthiness(1.0 / (1.0 + math.exp(-logit)), reasons)


# Every cue with its case-sensitive twin for lower-cased text (or None: search as written), in score order.
_FOLDED = tuple((r, w, p, case_sensitive_twin(p)) for r, w, p in CUES + ANTI_CUES)


def checkworthy_sentences(article: Article, min_score: float, limit: int) -> list[ClaimSentence]:
    """The `limit` most check-worthy sentences of the text scoring at least `min_score`, in text order."""
    from saring.nlp.sentences import split_sentences

    text = article.text
    lowered = text.lower() if lowers_safely(text) else None
    scored = []
    for start, end in split_sentences(text):
        sentence = text[start:end]
        result = _score(sentence, None if lowered is None else lowered[start:end])
        if result.score >= min_score:
            scored.append(ClaimSentence(start, end, sentence, result.score, result.reasons))
    best = sorted(scored, key=lambda c: -c.score)[:limit]
    return sorted(best, key=lambda c: c.start)
