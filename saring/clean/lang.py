"""Language identification that accepts real Indonesian: py3langid plus votes of telling words.

py3langid's byte n-grams are case-sensitive and trained on prose, so an all-capitals rumour ("BARU SAJA
GEMPA GUNCANG ...") or one written in styled Unicode letters (𝗣𝗥𝗢𝗠𝗢) came out as Malay, Lingala or
"zxx"; the sample is therefore NFKC-folded and lower-cased first, with links, @handles and numbers left
out. Indonesian and Malaysian Malay share most n-grams: between the two the identifier's guess is
replaced by `malay_vote` (words only one standard uses), falling back to the identifier when the text
has no such word. An unsure guess of another language is settled by function words (`_other`). Texts
with fewer than `MIN_WORDS` words are "und" (undetermined): too short to judge, and not rejected for
language. docs/language.md has the measurements behind each threshold.

The title is part of the sample but capped at `TITLE_CHARS`: a headline is evidence, yet a 100k-character
"title" must not outvote the article (it once turned an Indonesian text into 'sr').
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from saring.clean.langwords import function_vote, malay_vote

# Below CONFIDENT a label other than id/ms is a guess: the TurnBackHoax 2024 posts the old gate refused
# scored 0.02-0.4 once folded (names and numbers as uz, pt, tl...), the hand-written foreign lines 0.9+.
# Javanese scored 0.93+ (jv.txt, TurnBackHoax 2024), Indonesian shouting 0.5-0.7 as "jv": SURE_NEIGHBOUR.
CONFIDENT = 0.5
SURE_NEIGHBOUR = 0.8
NEIGHBOURS = frozenset({"jv", "ace", "bcl"})  # the Austronesian labels py3langid gives Indonesian by mistake
ID_FLOOR = 0.25  # with "ms" on top and no deciding word, Indonesian from this probability on (as before)
MIN_WORDS = 5
# Under SHORT_WORDS words, "ms" needs a Malaysian-only word: short Indonesian headlines ("Kereta Cepat
# Whoosh Mogok") score "ms" at p 0.2-0.8 with no word that tells the two standards apart.
SHORT_WORDS = 12
MIN_UNSPACED_LETTERS = 10  # scripts written without spaces (Thai, Chinese) are judged on letters instead
TITLE_CHARS = 300  # the shared sets' longest title has 228 chars (99.9% have <= 145); a longer one is cut
# id/ms/jv/en are told apart as well on 800 chars as on 4000 (2019 corpus), at a fifth of the cost
_SAMPLE_CHARS = 800
_NOT_LANGUAGE = re.compile(r"https?://\S*|www\.\S*|[@#]\w+|[\d_]+")
_WORD = re.compile(r"[^\W\d_]{2,}")
# A letter that is not Latin (Vietnamese included), punctuation, a symbol or an emoji.
_OTHER_SCRIPT = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2000-\u2bff\U0001f000-\U0001faff]")
MIN_LATIN_WORDS = 30


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE

    from saring.clean.langfast import FastIdentifier  # same scores as py3langid's, a third of the time

    return FastIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_sample(text: str, title: str = "") -> str:
    """What the language is judged on: capped title (unless the text opens with it) and text start,
    folded to plain lower-case words.

    Quotes in another script (the Arabic verses of a religious column) are left out when at least
    `MIN_LATIN_WORDS` Latin-script words remain.
    """
    head = text[: _SAMPLE_CHARS + _SAMPLE_CHARS // 4]  # links and numbers go: some spare text
    # A one-line post whose text is its headline counts once: doubled, five words would pass as ten.
    repeated = text[: len(title)].casefold() == title.casefold()
    raw = f"{title[:TITLE_CHARS]}\n{head}" if title and not repeated else head
    folded = unicodedata.normalize("NFKC", raw).casefold()  # 𝗣𝗥𝗢𝗠𝗢 -> promo; NFKC can lengthen, so cut again
    words = _NOT_LANGUAGE.sub(" ", folded).split()
    if not folded.isascii():  # 9 texts in 10 are ASCII: nothing to leave out
        latin = [w for w in words if not _OTHER_SCRIPT.search(w)]
        words = latin if len(latin) >= MIN_LATIN_WORDS else words
    return " ".join(words)[:_SAMPLE_CHARS]


def identify(text: str, title: str = "") -> tuple[str, float]:
    """(ISO 639-1 code, probability of that code) of the language of `title` + `text`.

    A long text whose start is not Indonesian gets a second look at its middle, and is Indonesian if that
    is: fact-checks and song articles open with the quoted English rumour or lyrics. (Always sampling start
    and middle together refused more: fact-checks put their English references in the middle.)
    """
    lang, p = _judge(language_sample(text, title))
    if lang in ("id", "und") or len(text) < 2 * _SAMPLE_CHARS:  # the middle would overlap the start
        return lang, p
    middle = _judge(language_sample(text[len(text) // 2 :]))
    return middle if middle[0] == "id" else (lang, p)


def _judge(sample: str) -> tuple[str, float]:
    """The language of one `language_sample`."""
    if _too_short(sample):
        return "und", 0.0
    top, p_top, (p_id, p_ms) = _identifier().top(sample, "id", "ms")
    if top not in ("id", "ms"):
        return _other(sample, str(top), p_top)
    malaysian, indonesian = malay_vote(sample)
    if top == "id":  # refusing Indonesian costs more than accepting Malay: one stray Malaysian word won't do
        return ("ms", p_ms) if malaysian >= 2 and malaysian > indonesian else ("id", p_id)
    if indonesian > malaysian or (indonesian == malaysian and p_id >= ID_FLOOR):
        return "id", p_id
    if not malaysian and len(_WORD.findall(sample)) < SHORT_WORDS:  # a headline without one Malaysian word
        return "und", p_ms
    return "ms", p_ms


def _other(sample: str, top: str, p_top: float) -> tuple[str, float]:
    """A label other than id/ms; "und" when it is a guess and the function words do not decide.

    A distant language stands from CONFIDENT on. A neighbour (Javanese, Acehnese...; py3langid has no
    Sundanese and calls it Javanese) needs its own words to outnumber Indonesian function words, or, with
    neither, SURE_NEIGHBOUR: short Indonesian posts of names, numbers or shouting score "jv" at p 0.2-0.7.
    An unsure guess is English when two or more English function words outnumber the Indonesian ones
    (short English headlines score "pcm", "et", "en" at p 0.1-0.4).
    """
    regional, english, indonesian = function_vote(sample)
    if top in NEIGHBOURS:
        if regional > indonesian or (regional == indonesian and p_top >= SURE_NEIGHBOUR):
            return top, p_top
    elif p_top >= CONFIDENT:
        return top, p_top
    return ("en", p_top) if english >= 2 and english > indonesian else ("und", p_top)


def _too_short(sample: str) -> bool:
    """Fewer than MIN_WORDS words of 2+ letters (200 chars hold 5), and no run of a non-Latin script."""
    words = _WORD.findall(sample, 0, 200)
    if len(words) >= MIN_WORDS:
        return False
    return sum(len(w) for w in words if w[0] > "\u024f") < MIN_UNSPACED_LETTERS
