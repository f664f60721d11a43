"""TurnBackHoax scaffolding is stripped; the circulating narrative stays."""

from __future__ import annotations

import pytest

from saring.model.scaffold import strip_body, strip_title

POST = (
    "Foto: Kumparan.com Debunk ini berisi klarifikasi dari pertamina. ====== (KATEGORI): KLARIFIKASI ====== "
    "(SUMBER): MEDIA DARING ====== (NARASI): Beredar isu BBM naik malam ini, premium Rp 9.500 per liter. "
    "====== (PENJELASAN): Pertamina membantah kabar itu. ====== REFERENSI: https://example.com/berita"
)


def test_scaffold_keeps_only_the_narrative() -> None:
    body = strip_body(POST)
    assert body == "Beredar isu BBM naik malam ini, premium Rp 9.500 per liter."


@pytest.mark.parametrize(
    "post",
    [
        "Beredar foto Ahok berziarah memakai sepatu. Sumber: http://x.com/a Fakta: Ahok tanpa sepatu.",
    ],
)
def test_scaffold_without_narasi_drops_template_sections(post: str) -> None:
    body = strip_body(post)
    assert body.startswith("Beredar foto Ahok") and "Fakta" not in body and "http" not in body


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("[SALAH] Foto Banjir Jakarta", "Foto Banjir Jakarta"),
        ("Klarifikasi: BBM Naik", "BBM Naik"),
        ("(HOAX) [DISINFORMASI] Video Lama", "Video Lama"),
        ("Presiden Resmikan Jembatan", "Presiden Resmikan Jembatan"),
    ],
)
def test_scaffold_strips_title_tags(title: str, expected: str) -> None:
    assert strip_title(title) == expected
