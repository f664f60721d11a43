"""Word-form links a spinner exploits without a thesaurus: affix variants and abbreviations (build time).

Spinners that do not (only) swap synonyms change word forms: they drop the active prefix
("mengalami" -> "alami", "mengatakan" -> "katakan"), switch causatives ("melancarkan" ->
"memperlancar"), add a particle ("masih" -> "masihlah") or abbreviate ("tahun" -> "th.", "yang" ->
"yg"). These links come from Indonesian morphology and spelling rules applied to the corpus
vocabulary, not from lists of words: two forms are linked when both occur in the corpus, and a
common word (>= `COMMON` occurrences) is also linked to the bare and particle forms a spinner would
make of it even if news never writes them ("masihlah", "tuturkan" from "menuturkan"). The spin
statistics then compare each form with its variants in context, exactly as they compare synonyms,
so a form ordinary news does not use there stands out ("ISIS alami kemunduran": 'isis mengalami').
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping

VOWELS = frozenset("aeiou")
ONSETS = frozenset("ng ny kh sy tr pr kr gr br dr fr bl pl kl gl fl sl st sp sk sw".split())
SUFFIXES = ("", "kan", "i")
PARTICLES = ("lah", "kah")
MIN_ROOT = 3
COMMON = 100  # a word this frequent also links to its unseen bare and particle forms
ABBREVIATION_LETTERS = (2, 4)  # "yg" .. "sbgi"
EXPANSION_MIN_COUNT = 300  # an abbreviation stands for a common word ...
EXPANSION_RATIO = 20.0  # ... written out at least this much more often in news
MAX_EXPANSIONS = 2


def nasal(base: str) -> str:
    """The active meN- form of `base` with Indonesian nasal assimilation ("kata" -> "mengata",
    "pakai" -> "memakai", "tulis" -> "menulis", "sampai" -> "menyampai", "lihat" -> "melihat")."""
    head = base[0]
    if head == "k":
        return "meng" + base[1:]
    if head == "p":
        return "mem" + base[1:]
    if head == "t":
        return "men" + base[1:]
    if head == "s":
        return "meny" + base[1:]
    if head in "bfv":
        return "mem" + base
    if head in "dcjz":
        return "men" + base
    if head in VOWELS or head in "gh":
        return "meng" + base
    return "me" + base


def affix_pairs(word: str) -> Iterator[tuple[str, str]]:
    """Forms linked to `word` taken as a bare base: base <-> meN-base (prefix dropped),
    base <-> base+particle, and memper-root <-> meN-root-kan (the two causatives)."""
    for suffix in SUFFIXES:
        base = word + suffix
        yield base, nasal(base)
    yield "memper" + word, nasal(word) + "kan"
    if len(word) > MIN_ROOT:
        for particle in PARTICLES:
            yield word, word + particle


def bare_forms(word: str) -> list[str]:
    """The bases whose meN- form is `word` ("mengatakan" -> "katakan", "atakan"; "memiliki" ->
    "miliki"): the spellings a spinner that drops the prefix may write."""
    if not word.startswith("me") or len(word) < 5:
        return []
    rest = [word[k:] for k in (2, 3, 4)]
    guesses = [rest[0], rest[1], rest[2], "k" + rest[2], "p" + rest[1], "t" + rest[1], "s" + rest[2]]
    return sorted({g for g in guesses if len(g) >= MIN_ROOT and nasal(g) == word and _onset_ok(g)})


def _onset_ok(word: str) -> bool:
    """Indonesian words start with a vowel, one consonant or one of a few clusters ("tgatakan" does not)."""
    return word[0] in VOWELS or word[1] in VOWELS or word[:2] in ONSETS


def affix_edges(vocabulary: Mapping[str, int]) -> set[tuple[str, str]]:
    """Undirected links between affix variants: both forms in the corpus, or the form a spinner makes
    from a common word (bare base, particle) even when news never writes it ("masihlah")."""
    edges: set[tuple[str, str]] = set()
    for word, n in vocabulary.items():
        if len(word) < MIN_ROOT or not word.isalpha():
            continue
        pairs = [(a, b) for a, b in affix_pairs(word) if a in vocabulary and b in vocabulary]
        if n >= COMMON:
            pairs += [(base, word) for base in bare_forms(word)]
            pairs += [(word, word + particle) for particle in PARTICLES]
        edges.update((a, b) if a < b else (b, a) for a, b in pairs if a != b)
    return edges


def is_abbreviation_of(short: str, word: str) -> bool:
    """`short` keeps the first letter of `word` and then at least half of its later consonants, in
    order ("yg" / "yang", "dgn" / "dengan", "th" / "tahun", "utk" / "untuk"; not "is" / "indonesia")."""
    if short[0] != word[0] or not len(short) < len(word) <= 3 * len(short):
        return False
    kept = short[1:]
    consonants = [c for c in word[1:] if c not in VOWELS]
    if any(c in VOWELS for c in kept) or 2 * len(kept) < len(consonants):
        return False
    rest = iter(word[1:])
    return all(c in rest for c in kept)


def abbreviation_edges(vocabulary: Mapping[str, int]) -> set[tuple[str, str]]:
    """Links short consonant spellings to the common words they abbreviate (at most two each)."""
    common: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for word, n in vocabulary.items():
        if n >= EXPANSION_MIN_COUNT and word.isalpha() and len(word) > ABBREVIATION_LETTERS[0]:
            common[word[0]].append((n, word))
    edges: set[tuple[str, str]] = set()
    low, high = ABBREVIATION_LETTERS
    for short, n in vocabulary.items():
        if not (low <= len(short) <= high and short.isalpha()):
            continue
        found = sorted(
            (c, w)
            for c, w in common.get(short[0], [])
            if c >= EXPANSION_RATIO * n and is_abbreviation_of(short, w)
        )
        for _, word in found[-MAX_EXPANSIONS:]:
            edges.add((short, word) if short < word else (word, short))
    return edges


def variant_edges(vocabulary: Mapping[str, int]) -> set[tuple[str, str]]:
    """All form links among the words of `vocabulary` (word -> corpus count)."""
    return affix_edges(vocabulary) | abbreviation_edges(vocabulary)
