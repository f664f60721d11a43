"""Verdict masking: the words that leak labels never reach the features, in any inflection."""

from __future__ import annotations

import pytest

from saring.model.text import mask_verdicts, tokens


@pytest.mark.parametrize(
    "text",
    [
        "Ini HOAKS!",
        "hoax-nya sudah jelas",
        "Kalrifikasi Pertamina",
        "mengklarifikasi isu",
        "[SALAH] Foto banjir",
        "kabar itu tidak benar",
        "Cek Fakta: foto lama",
        "KATEGORI: Disinformasi",
        "kebohongan publik",
        "berita palsu",
        "#stophoax",
        "memfitnah tokoh",
        "modus penipuan",
        "Saring sebelum sharing",
    ],
)
def test_text_masks_verdict_words(text: str) -> None:
    masked = tokens(text)
    assert not {
        "hoaks",
        "hoax",
        "kalrifikasi",
        "mengklarifikasi",
        "salah",
        "benar",
        "fakta",
        "kategori",
        "disinformasi",
        "kebohongan",
        "palsu",
        "stophoax",
        "memfitnah",
        "penipuan",
        "sharing",
    } & set(masked)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Presiden meresmikan jembatan, kata juru bicara", "presiden"),
        ("Ahok benar-benar hadir", "benar"),
        ("salah satu menteri", "menteri"),
    ],
)
def test_text_keeps_ordinary_words(text: str, word: str) -> None:
    assert word in tokens(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kabar itu TIDAK BENAR, kata polisi. Cek fakta: hoaks lama 2017 beredar lagi!",
        "Saring sebelum sharing. Be smart netizen: bukan fakta, hanya satire.",
    ],
)
def test_text_tokens_equal_tokens_of_masked_text(text: str) -> None:
    assert tokens(text) == tokens(mask_verdicts(text))
    assert "hoaks" not in mask_verdicts(text).lower()
