"""Fingerprints: deterministic, spin-robust, and independent of where sentences were cut."""

from __future__ import annotations

import pytest

from saring.article import Article, SourceRef
from saring.clean import clean
from saring.index.fingerprint import (
    BANDS,
    NUM_PERM,
    anchors,
    canonical_words,
    content_hash,
    fingerprint_many,
    tokens_of,
    word_ids,
)
from saring.ingest.text import parse_text

TEXT = ("Wali Kota Tangerang Selatan meminta kepada Aparatur Sipil Negara untuk tidak terlalu sibuk dalam "
        "Pilkada 2020. Mereka harus fokus dalam tugas pokok dan fungsi masing-masing. Sampai saat ini "
        "setidaknya ada dua ASN Pemkot Tangerang Selatan yang mendaftarkan diri sebagai calon wali kota. "
        "Keduanya mendaftarkan diri melalui PDI-P. Sementara Airin tidak bisa lagi maju dalam Pilkada 2020 "
        "karena sudah menjabat dua periode.")


def _article(text: str, title: str = "Judul") -> Article:
    return clean(parse_text(text, SourceRef("test"), title=title))


def test_fingerprint_is_deterministic_and_sized() -> None:
    a, b = fingerprint_many([_article(TEXT), _article(TEXT)])
    assert a.signature == b.signature and a.buckets == b.buckets and a.anchors == b.anchors
    assert len(a.signature) == 4 * NUM_PERM and len(a.buckets) == BANDS and len(set(a.buckets)) == BANDS
    assert a.content_hash == content_hash(_article(TEXT))


@pytest.mark.parametrize("other", [
    pytest.param(lambda a: Article(**{**_fields(a), "title": "Lain"}), id="title"),
    pytest.param(lambda a: Article(**{**_fields(a), "url": "https://copy.example/x"}), id="url"),
])
def test_fingerprint_content_hash_changes_with_title_or_url(other) -> None:  # type: ignore[no-untyped-def]
    a = _article(TEXT)
    assert content_hash(other(a)) != content_hash(a)


def _fields(a: Article) -> dict[str, object]:
    return {f: getattr(a, f) for f in ("id", "raw_text", "title", "url", "text", "paragraphs")}


@pytest.mark.parametrize("reformatted", [
    TEXT.replace(". ", ".,"),  # scraped with paragraphs glued by commas
    TEXT.replace(". ", ".\n\n"),  # one sentence a paragraph
])
def test_fingerprint_anchors_survive_reformatting(reformatted: str) -> None:
    original = {h for _, h in anchors(word_ids(tokens_of(TEXT).all_canon()))}
    again = {h for _, h in anchors(word_ids(tokens_of(reformatted).all_canon()))}
    assert original and original == again


@pytest.mark.parametrize("text", [TEXT, TEXT.replace(". ", ".,"), "", "Satu kata."])
def test_fingerprint_canonical_words_equal_sentence_tokens(text: str) -> None:
    assert canonical_words(text) == tokens_of(text).all_canon()


def test_fingerprint_canonical_form_undoes_synonym_swaps() -> None:
    spun = TEXT.replace("meminta", "memohon").replace("periode", "masa")
    assert tokens_of(spun).all_canon() == tokens_of(TEXT).all_canon()
    assert tokens_of(spun).all_surface() != tokens_of(TEXT).all_surface()


def test_fingerprint_empty_text_has_no_buckets() -> None:
    (fp,) = fingerprint_many([Article(id="e", raw_text="", text="")])
    assert fp.buckets == [] and fp.anchors == [] and fp.n_tokens == 0
