"""Token streams the index compares: the surface form and a spin-robust canonical form.

A spinner swaps words for synonyms, so signatures are built over the lexicon's canonical form
(case-folded, each word replaced by the head of its synonym group) in which a spun copy looks like
its original. The surface form (case-folded words) tells a verbatim copy from a spin.

Words are found with the lexicon tokeniser's word pattern, but with `findall` on the whole text and
a per-word dict cache: indexing tokenises every article, and this is several times faster than
building a token object per word (numbers are dropped in both forms).
"""

from __future__ import annotations

import re

# The same word pattern as saring.lexicon.tokens (letters with inner hyphens/apostrophes).
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
STEM = False  # Sastrawi stemming on top of synonym heads: measured in docs/index.md


class _CanonicalWords(dict[str, str]):
    """word -> canonical word, filled on first sight (a dict lookup is all a known word costs)."""

    def __missing__(self, word: str) -> str:
        from saring.lexicon.canonical import canonical_tokens

        tokens = canonical_tokens(word, stem=STEM)
        self[word] = canonical = tokens[0] if len(tokens) == 1 else word
        return canonical


_CANONICAL = _CanonicalWords()


def surface_tokens(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def canonical_of(surface: list[str]) -> list[str]:
    return list(map(_CANONICAL.__getitem__, surface))
