"""Speaker phrases next to a speech verb, and the person or organisation name inside them.

A speaker phrase is read from the text after an inverted verb ("ujar Wapres Irak Ayad Allawi seperti
...") or before a front verb ("Kapolda Jawa Tengah, Irjen pol Rycko Amelza Dahniel mengungkapkan").
The name is the capitalised run left after dropping titles/roles and place/organisation words
("Ayad Allawi"); with a role first and an apposition after a comma ("CEO Persija, Ferry Paulus") the
apposition is the name. `NameBook` then maps short and role-only mentions ("Allawi", "Panglima TNI")
to the fullest name written elsewhere in the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from saring.signals.attribution_lexicon import (
    COMMON_SUBJECTS,
    DAYS_MONTHS,
    FRONT_VERBS,
    INVERTED_VERBS,
    NAME_CONNECTORS,
    NAME_JOINERS,
    NON_NAME_CAPS,
    PASSIVE_VERBS,
    PHRASE_STOPS,
    PLACE_ORG_WORDS,
    PLACE_WORDS,
    PLURAL_PRONOUNS,
    PRONOUNS,
    ROLE_WORDS,
)

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d[\w./-]*|[^\w\s]")
_MAX_PHRASE = 14
_MAX_DESCRIPTORS = 6  # lower-case words between a role and the name ("pakar kuliner sekaligus chef ternama")
_PREPOSITIONS = frozenset("asal dari di ke dengan untuk pada oleh bagi dalam antara".split())
# A capitalised phrase right after these is an object or a cited medium, not a speaker.
_NOT_AFTER = _PREPOSITIONS | frozenset(
    "laman situs dilansir melansir dikutip mengutip media koran akun kepada of".split()
)
_ADVERBS = frozenset(
    "lalu pun juga sendiri kemudian pula telah sempat sebelumnya akhirnya kembali bahkan memang".split()
)


@dataclass(slots=True)  # not frozen: frozen fields are set through object.__setattr__, 1.7x slower to build
class Token:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who is quoted: `name` is None for pronouns and unnamed people; the span is the phrase as written."""

    start: int
    end: int
    kind: str  # "named" | "pronoun" | "role" | "unnamed"
    name: str | None = None


def tokens(text: str, start: int, end: int) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _is_role(tok: Token) -> bool:
    return tok.low.rstrip(".") in ROLE_WORDS


def _is_org(tok: Token, nxt: Token | None) -> bool:
    """Place/organisation word, or an acronym followed by more capitals ("APRIL Group", "DPR RI")."""
    if tok.low in PLACE_ORG_WORDS:
        return True
    return tok.text.isupper() and len(tok.text) > 1 and nxt is not None and nxt.cap


_ANY_PRONOUN = PRONOUNS | PLURAL_PRONOUNS
_NOT_NAMES = NON_NAME_CAPS | DAYS_MONTHS | FRONT_VERBS | PASSIVE_VERBS | INVERTED_VERBS | _ANY_PRONOUN


def _name_word(tok: Token) -> bool:
    """A capitalised word that can be part of a name (acronyms always can: "APRIL Group")."""
    if len(tok.text) > 1 and tok.text.isupper():
        return True
    return tok.cap and tok.low not in _NOT_NAMES


def speaker_after(text: str, pos: int, end: int) -> Speaker | None:
    """The speaker phrase that starts at `pos` (just after an inverted verb or "menurut")."""
    toks = tokens(text, pos, min(end, pos + 120))
    if not toks:
        return None
    if toks[0].low in _ANY_PRONOUN:
        return Speaker(toks[0].start, toks[0].end, "pronoun" if toks[0].low in PRONOUNS else "unnamed")
    phrase = _forward_phrase(toks)
    if not phrase:
        return _described(text, toks) or _unnamed(toks)
    rest = toks[len(phrase) :]
    if len(rest) > 1 and rest[0].low in ("alias", "atau") and _name_word(rest[1]):
        appo = _apposition(rest[1:])  # "Ketua DPR RI alias Bamsoet"
    elif rest and rest[0].text == "," and _starts_with_role(phrase):
        appo = _apposition(rest[1:])  # "CEO Persija, Ferry Paulus", "Sekjen, Kemendikbud, Didik Suhardi"
    else:
        appo = []
    if appo:
        named = _speaker_from(text, appo)
        if named is not None and named.kind == "named":
            return Speaker(phrase[0].start, appo[-1].end, "named", named.name)
    return _speaker_from(text, phrase)


def _described(text: str, toks: list[Token]) -> Speaker | None:
    """ "salah satu anggota tim peneliti, Tadasu Yamada", "ketua rombongan, Abisai Rollo": a lower-case
    description, a comma, then the name."""
    k = 0
    while k < min(len(toks), _MAX_DESCRIPTORS + 2) and toks[k].text.isalpha() and not toks[k].cap:
        k += 1
    if 0 < k < len(toks) - 1 and toks[k].text == ",":
        appo = _apposition(toks[k + 1 :])
        after = k + 1 + len(appo)
        if (
            appo
            and after < len(toks)
            and toks[after].text not in ",.;)"
            and toks[after].low not in PHRASE_STOPS
        ):
            return None  # "Menurut para ahli, Nunchi lebih sulit ...": a clause, not an apposition
        named = _speaker_from(text, appo) if appo else None
        if named is not None and named.kind == "named":
            return Speaker(toks[0].start, appo[-1].end, "named", named.name)
    return None


def speaker_before(text: str, verb_start: int, bound: int) -> Speaker | None:
    """The speaker phrase that ends just before a front verb at `verb_start` (not before `bound`)."""
    toks = tokens(text, max(bound, verb_start - 140), verb_start)
    i = len(toks) - 1
    while i >= 0 and toks[i].low in _ADVERBS:
        i -= 1
    if i >= 0 and toks[i].low in _ANY_PRONOUN:
        return Speaker(toks[i].start, toks[i].end, "pronoun" if toks[i].low in PRONOUNS else "unnamed")
    i = _skip_back_clause(toks, i)
    phrase: list[Token] = []
    while i >= 0 and len(phrase) < _MAX_PHRASE:
        tok = toks[i]
        if (
            _name_word(tok)
            or (phrase and tok.low in NAME_CONNECTORS)
            or (tok.text == "," and _comma_inside(toks, i))
        ):
            phrase.insert(0, tok)
            i -= 1
            continue
        break
    while phrase and (not phrase[0].cap or _common_at_start(text, phrase[0])):
        phrase.pop(0)  # "Informasi menyebutkan", "Perpisahan Liam ...": sentence-initial common nouns
    if phrase and i >= 0 and toks[i].low in _NOT_AFTER:
        # "VIVA di Lombok melaporkan", "Dilansir laman Highsnobiety, desainer itu mengaku"; but
        # "Matthias Schulze, seorang profesor di ... Potsdam mengatakan" names the speaker before the comma
        phrase = _appositive_subject(toks, i)
    return _speaker_from(text, phrase) if phrase else None


def _appositive_subject(toks: list[Token], i: int) -> list[Token]:
    """The capitalised run before a comma that opens a lower-case description, within 30 tokens."""
    for k in range(i, max(0, i - 30), -1):
        if toks[k].text in ".;:":
            return []
        if toks[k].text == "," and k + 1 < len(toks) and not toks[k + 1].cap and _name_word(toks[k - 1]):
            run = [toks[k - 1]]
            j = k - 2
            while j >= 0 and (_name_word(toks[j]) or toks[j].low in NAME_CONNECTORS) and len(run) < 6:
                run.insert(0, toks[j])
                j -= 1
            return run
    return []


_NOUN_SHAPE = re.compile(
    r"(?:ke|pe|per|pem|pen|peng|peny)\w{3,}an|\w+nya"
)  # "Keputusan", "Perpisahan", "Sosoknya"


def _common_at_start(text: str, tok: Token) -> bool:
    """A capitalised word at a sentence start that is a common noun (written lower case elsewhere,
    or shaped like a derived noun)."""
    if tok.text.isupper() or tok.low in ROLE_WORDS:
        return False
    if tok.low in COMMON_SUBJECTS or _NOUN_SHAPE.fullmatch(tok.low):
        return True
    before = text[max(0, tok.start - 3) : tok.start].rstrip()
    if before and before[-1] not in '.!?"”:,\n':
        return False
    return written_lower(text, tok.low)


def written_lower(text: str, word: str) -> bool:
    """Whether `word` is written in lower case in `text`: one of the words `_LOWER_WORD` finds there.

    Looks at the occurrences of `word` only: listing every lower-case word of the text cost ~40 us in
    the half of the articles that ask. An occurrence right after an apostrophe or hyphen may lie inside
    a longer word ("x-ray"), so that rare case asks the full list.
    """
    if not _LOWER_WORD.fullmatch(word):
        return False
    at = text.find(word)
    while at >= 0:
        before = text[at - 1] if at else " "
        if before in "'’-":
            return word in _lower_words(text)
        end = at + len(word)
        after = text[end] if end < len(text) else " "
        if not _word_char(before) and not (_word_char(after) or after in "'’-"):
            return True
        at = text.find(word, at + 1)
    return False


def _word_char(char: str) -> bool:
    """`\\w` of a `re` str pattern."""
    return char.isalnum() or char == "_"


@lru_cache(maxsize=4)
def _lower_words(text: str) -> frozenset[str]:
    """The words written in lower case in `text` (one pass per article, reused by every check)."""
    return frozenset(_LOWER_WORD.findall(text))


def _skip_back_clause(toks: list[Token], i: int) -> int:
    """Step over "(Udjae)", ", sapaan akrab ...," or "yang dihubungi via telepon" between name and verb."""
    if i >= 0 and toks[i].text == ")":
        while i >= 0 and toks[i].text != "(":
            i -= 1
        return i - 1
    if i >= 0 and toks[i].text == ",":
        j = i - 1
        while j >= 0 and toks[j].text != "," and i - j < 10:
            j -= 1
        if j >= 0 and toks[j].text == "," and j > 0 and toks[j - 1].cap:
            # ", Ki Warsad Darya, mengatakan": the part between the commas is the name;
            # "Rudy, sapaan akrab Wali Kota Surakarta, menjelaskan": it is a description of the name before
            return i - 1 if toks[j + 1].cap and _name_word(toks[j + 1]) else j - 1
        return i
    if i >= 0 and not _name_word(toks[i]):
        for j in range(i - 1, max(0, i - 9), -1):  # "Heri, keluarga dari pemuda itu menuturkan"
            if toks[j].text == "," and toks[j - 1].cap and not any(t.cap for t in toks[j + 1 : i + 1]):
                return j - 1
    for j in range(i, max(-1, i - 10), -1):
        if toks[j].low == "yang" and j > 0 and toks[j - 1].cap:
            between_caps = any(t.cap for t in toks[j + 1 : i + 1])
            k = j - 1
            while k > 0 and toks[k - 1].cap:
                k -= 1
            after_preposition = k > 0 and toks[k - 1].low in _PREPOSITIONS
            return i if between_caps or after_preposition else j - 1
    return i


def _comma_inside(toks: list[Token], i: int) -> bool:
    """A comma between a role phrase and the name: "Kapolda Jawa Tengah, Irjen pol Rycko"."""
    return (
        i > 0
        and toks[i - 1].cap
        and i + 1 < len(toks)
        and toks[i + 1].cap
        and _starts_with_role_back(toks, i)
    )


def _starts_with_role_back(toks: list[Token], i: int) -> bool:
    j = i - 1
    while j > 0 and toks[j - 1].cap and toks[j - 1].low not in NON_NAME_CAPS:
        j -= 1
    return _is_role(toks[j])


def _forward_phrase(toks: list[Token]) -> list[Token]:
    """Tokens of the speaker phrase: roles, descriptors, capitalised words, connectors."""
    phrase: list[Token] = []
    seen_cap = False
    descriptors = 0
    for k, tok in enumerate(toks[:_MAX_PHRASE]):
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if tok.cap and tok.low not in DAYS_MONTHS and (tok.low not in NON_NAME_CAPS or phrase):
            if tok.low in NON_NAME_CAPS:
                break
            seen_cap = True
        elif (
            tok.text == "."
            and phrase
            and (_is_role(phrase[-1]) or len(phrase[-1].text) == 1)
            and nxt is not None
            and nxt.cap
        ):
            pass  # "Prof. Dr." "H." "Gatot S." stay inside the phrase
        elif (
            phrase
            and (tok.low in NAME_CONNECTORS or (seen_cap and tok.low in NAME_JOINERS))
            and nxt is not None
            and nxt.cap
        ):
            pass
        elif tok.low in ("dari", "of") and phrase and not seen_cap and nxt is not None and nxt.cap:
            pass  # "peneliti dari University of Colorado Roger Bilham"
        elif _is_role(tok) and not seen_cap:
            pass
        elif (
            phrase
            and _is_role(phrase[0])
            and not seen_cap
            and tok.text.isalpha()
            and not tok.cap
            and tok.low not in PHRASE_STOPS
            and descriptors < _MAX_DESCRIPTORS
        ):
            descriptors += 1
        else:
            break
        phrase.append(tok)
    while phrase and not (phrase[-1].cap or phrase[-1].text == "."):
        phrase.pop()
    return phrase if any(t.cap for t in phrase) or (phrase and _is_role(phrase[0])) else []


def _apposition(toks: list[Token], hops: int = 1) -> list[Token]:
    """1-5 capitalised words closed by punctuation, a stop word or the end: the name after a role.

    One organisation-only segment may come first ("Sekretaris Jenderal, Kemendikbud, Didik Suhardi").
    """
    run: list[Token] = []
    k = 0
    while k < min(len(toks), 6) and (_name_word(toks[k]) or (run and toks[k].low in NAME_CONNECTORS)):
        run.append(toks[k])
        k += 1
    if not run or (k < len(toks) and toks[k].cap and toks[k].text not in ",.;:)"):
        return []
    if all(t.text.isupper() or t.low in PLACE_ORG_WORDS or _is_role(t) for t in run):
        if hops and k < len(toks) and toks[k].text == ",":
            return _apposition(toks[k + 1 :], hops - 1)
        return []
    return run


def _starts_with_role(phrase: list[Token]) -> bool:
    return bool(phrase) and _is_role(phrase[0])


def _unnamed(toks: list[Token]) -> Speaker | None:
    """ "kata seorang warga", "tulis salah satu penonton": a speaker without a name."""
    words = [t for t in toks[:4] if t.text.isalpha()]
    if not words:
        return None
    stop = next((k for k, t in enumerate(words) if t.low in PHRASE_STOPS and k > 0), len(words))
    span = words[: max(1, min(stop, 3))]
    return Speaker(span[0].start, span[-1].end, "unnamed")


def _speaker_from(text: str, phrase: list[Token]) -> Speaker | None:
    """Choose the name run inside a phrase and strip roles/places/organisations in front of it."""
    runs = _cap_runs(phrase)
    if not runs:
        return (
            Speaker(phrase[0].start, phrase[-1].end, "role", text[phrase[0].start : phrase[-1].end])
            if phrase
            else None
        )
    run = runs[-1] if _starts_with_role(phrase) else runs[0]
    cut = 0
    for k, tok in enumerate(run):
        nxt = run[k + 1] if k + 1 < len(run) else None
        if (_is_role(tok) or _is_org(tok, nxt)) and nxt is not None:
            cut = k + 1
    name_toks = [t for t in run[cut:] if t.text != "."]
    start, end = phrase[0].start, phrase[-1].end
    if not name_toks or all(_is_role(t) or t.low in PLACE_ORG_WORDS for t in name_toks):
        if all(t.low in PLACE_WORDS or t.text == "." for t in run):
            return None  # a place is not a speaker ("asal Belgia")
        return Speaker(start, end, "role", text[run[0].start : run[-1].end])
    return Speaker(start, end, "named", text[name_toks[0].start : name_toks[-1].end])


def _cap_runs(phrase: list[Token]) -> list[list[Token]]:
    runs: list[list[Token]] = []
    current: list[Token] = []
    for tok in phrase:
        if tok.cap or (current and (tok.low in NAME_JOINERS or tok.text == ".")):
            current.append(tok)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [[t for t in run] for run in runs if any(t.cap for t in run)]


_RUN_WORD = r"(?:[A-Z][\w'’-]*|[A-Z]\.)\s+(?:(?:al|bin|binti|van|von|de|pol)\s+)?"
# 1-5 run words up to the end; spelt "one, then 0-4" so that it starts with a capital and the regex engine
# skips ahead to capitals when searching.
_LEFT_RUN = re.compile(rf"{_RUN_WORD}(?:{_RUN_WORD}){{0,4}}$")
_RIGHT_RUN = re.compile(r"(?:\s+(?:(?:al|bin|binti|van|von|de)\s+)?[A-Z][\w'’-]+){1,3}")
_LOWER_WORD = re.compile(r"[a-z](?<!\w.)[\w'’-]*")  # = \b[a-z]..., letter first to skip ahead (see outlets)
_CAP_WORD = re.compile(r"[A-Z][\w'’-]+")
_MAX_MENTIONS = 6  # mentions of a short name read to find its full form


class NameBook:
    """Fullest written form of names in one article: "Allawi" -> "Ayad Allawi", "Panglima TNI" ->
    "Hadi Tjahjanto". Looks only around the mentions asked about, so it costs nothing when every
    quote names its speaker in full."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.speakers: list[str] = []
        self._full: dict[str, str | None] = {}

    def add(self, name: str) -> None:
        if name not in self.speakers:
            self.speakers.append(name)

    def resolve(self, name: str, role: bool = False) -> str:
        """A fuller name containing a one-word `name`, or the name a role phrase introduced."""
        if role:
            return self._after_role(name) or name
        if " " in name:
            return name
        return self.full_name(name) or name

    def full_name(self, word: str) -> str | None:
        """The longest name of two or more words that contains `word`, from speakers or the text."""
        if word.lower() in PLACE_ORG_WORDS or word.lower() in ROLE_WORDS:
            return None
        if word not in self._full:
            found = [n for n in self.speakers if word in n.split() and " " in n]
            found += [n for n in self._runs_around(word) if word in n.split()]
            self._full[word] = max(found, key=lambda n: len(n.split()), default=None)
        return self._full[word]

    def known_in(self, start: int, end: int) -> list[str]:
        """Names mentioned between `start` and `end`, in order (antecedents for "Dia mengatakan")."""
        names: list[str] = []
        for m in _CAP_WORD.finditer(self.text, start, end):
            word = m.group()
            if word in self.speakers:
                names.append(word)
            elif not word.isupper() and word.lower() not in _NOT_NAMES:
                full = self.full_name(word)
                if full:
                    names.append(full)
        return names

    def _runs_around(self, word: str) -> list[str]:
        text = self.text
        names: list[str] = []
        at = text.find(word)
        while at >= 0 and len(names) < _MAX_MENTIONS:
            if (at == 0 or not text[at - 1].isalnum()) and not _continues_word(text, at + len(word)):
                left = _LEFT_RUN.search(text, max(0, at - 80), at)
                right = _RIGHT_RUN.match(text, at + len(word))
                start = left.start() if left else at
                end = right.end() if right else at + len(word)
                name = self._name_in(start, end)
                if name:
                    names.append(name)
            at = text.find(word, at + len(word))
        return names

    def _after_role(self, role: str) -> str | None:
        text = self.text
        at = text.find(role + " ")
        while at >= 0:
            right = _RIGHT_RUN.match(text, at + len(role))
            if right:
                name = self._name_in(at, right.end())
                if name:
                    return name
            at = text.find(role + " ", at + 1)
        return None

    def _name_in(self, start: int, end: int) -> str | None:
        """A person's name of two or more words in this run of capitalised words (acronyms excluded)."""
        if self.text.find(" ", start, end) < 0:
            return None  # no room for two words (60% of the runs asked about: a lone word)
        toks = tokens(self.text, start, end)
        while toks and (not _name_word(toks[0]) or _common_at_start(self.text, toks[0])):
            toks.pop(0)
        cut = next((k for k, t in enumerate(toks) if not _name_word(t) and t.text != "."), len(toks))
        toks = toks[:cut]  # "Pak Imam Nahrawi Sudah menjadi": stop at a capitalised non-name word
        while toks and toks[-1].text.isupper():
            toks.pop()
        speaker = _speaker_from(self.text, toks) if len(toks) > 1 else None
        if speaker and speaker.kind == "named" and speaker.name and " " in speaker.name:
            return speaker.name
        return None


def _continues_word(text: str, end: int) -> bool:
    return end < len(text) and (text[end].isalnum() or text[end] in "'’-")
