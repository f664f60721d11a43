"""The synthetic spinner used for evaluation: rate, offsets, case, determinism."""

from __future__ import annotations

from saring.lexicon.mythes import read_mythes
from saring.lexicon.spinner import forward_synonyms, spin
from tests.conftest import RESOURCES

TEXT = "Udara pagi itu segar. Di udara ada angin, dan UDARA bersih terasa abadi."


def test_spinner_replaces_share_of_replaceable_words_with_valid_offsets() -> None:
    synonyms = forward_synonyms(read_mythes(RESOURCES / "mythes_sample.dat"))
    spun, swaps = spin(TEXT, synonyms, 0.5, seed=1)  # replaceable: udara x3, abadi
    assert len(swaps) == 2
    for s in swaps:
        assert spun[s.start : s.end] == s.replacement
        assert s.replacement.casefold() in {w.casefold() for w in synonyms(s.original.casefold())}
        if s.original.isupper():
            assert s.replacement.isupper()
        elif s.original[0].isupper():
            assert s.replacement[0].isupper()


def test_spinner_is_seeded() -> None:
    synonyms = forward_synonyms(read_mythes(RESOURCES / "mythes_sample.dat"))
    assert spin(TEXT, synonyms, 1.0, seed=7) == spin(TEXT, synonyms, 1.0, seed=7)
    assert spin(TEXT, synonyms, 0.0, seed=7) == (TEXT, [])
