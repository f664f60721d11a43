"""MyThes parsing: encoding line, senses, antonyms, malformed tags."""

from __future__ import annotations

from saring.lexicon.mythes import parse_sense, read_mythes
from saring.lexicon.thesaurus import synonym_edges
from tests.conftest import RESOURCES


def test_mythes_reads_declared_encoding_and_senses() -> None:
    entries = read_mythes(RESOURCES / "mythes_sample.dat")
    assert set(entries) == {"udara", "abadi", "kafe", "besar"}
    assert [s.pos for s in entries["udara"]] == ["n", "n", "ant"]
    assert entries["udara"][0].words == ("angin", "cuaca", "hawa")
    assert "café" in entries["kafe"][0].words  # ISO-8859-1 byte 0xE9


def test_mythes_repairs_glued_tags() -> None:
    sense = parse_sense("[ant]cukup|kecil")
    assert sense.is_antonym and sense.words == ("cukup", "kecil")
    assert parse_sense("[a]besar sekali|agung").words == ("besar sekali", "agung")


def test_mythes_edges_are_single_word_synonyms_without_antonyms() -> None:
    edges = synonym_edges(read_mythes(RESOURCES / "mythes_sample.dat"))
    assert ("hawa", "udara") in edges and ("angkasa", "udara") in edges
    assert not any("vakum" in e or "kecil" in e or "cukup" in e for e in edges)  # antonyms
    assert not any(" " in w for e in edges for w in e)  # "sepuluh dasawarsa", "kedai kopi"
