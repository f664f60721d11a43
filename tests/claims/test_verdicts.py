"""Rating words of many publishers map onto the small verdict scale; the order of severity decides mixes."""

from __future__ import annotations

import pytest

from saring.claims.verdicts import VERDICTS, normalize_verdict, verdict_from_score


@pytest.mark.parametrize(
    ("rating", "verdict"),
    [
        ("SALAH", "false"),
        ("HOAX", "false"),
        ("Hoaks", "false"),
        ("FALSE", "false"),
        ("Keliru", "false"),
        ("Pants on Fire", "false"),
        ("tidak benar", "false"),
        ("FITNAH", "false"),
        ("SCAM", "false"),
        ("DISINFORMASI", "misleading"),
        ("Missing context", "misleading"),
        ("Mostly False", "misleading"),
        ("Sebagian benar", "misleading"),
        ("Half True", "misleading"),
        ("MISINFORMASI", "misleading"),
        ("Satire", "satire"),
        ("Satir", "satire"),
        ("Unproven", "unproven"),
        ("Belum terbukti", "unproven"),
        ("BENAR", "true"),
        ("True", "true"),
        ("Fakta", "true"),
        ("KLARIFIKASI", "other"),
        ("BERITA", "other"),
        ("EDUKASI", "other"),
        ("CEK FAKTA", "other"),
        ("TOP 5", "other"),
        ("", "other"),
        (None, "other"),
    ],
)
def test_verdicts_single_ratings(rating: str | None, verdict: str) -> None:
    assert normalize_verdict(rating) == verdict


@pytest.mark.parametrize(
    ("rating", "verdict"),
    [
        ("HOAX+HASUT", "false"),
        ("DISINFORMASI+HASUT", "misleading"),
        ("EDUKASI, HOAX", "false"),
        ("CAMPURAN; DISINFORMASI, HASUT, & FAKTA", "misleading"),
        ("HOAX/FITNAH", "false"),
    ],
)
def test_verdicts_combined_ratings_take_most_severe(rating: str, verdict: str) -> None:
    assert normalize_verdict(rating) == verdict
    assert VERDICTS.index(verdict) < VERDICTS.index("other")


@pytest.mark.parametrize(
    ("value", "worst", "best", "verdict"),
    [(1, 1, 5, "false"), (3, 1, 5, "misleading"), (5, 1, 5, "true"), (2, 2, 2, "other")],
)
def test_verdicts_from_numeric_rating(value: float, worst: float, best: float, verdict: str) -> None:
    assert verdict_from_score(value, worst, best) == verdict
