"""Evidence after the look-ups: a same-claim fact-check and provenance move the estimate, in plain words.

The matches are hand-built in the shape `saring.claims` reports them (probability = same-claim
probability from the match decision, verdict on the shared scale), so these tests hold whatever
store the pipeline is given.
"""

from __future__ import annotations

from typing import Any

import pytest

from saring.messages import msg, render
from saring.model.evidence import apply_evidence

BAND = 0.15


def _hoax(p: float = 0.4, threshold: float = 0.45) -> dict[str, Any]:
    return {
        "probability": p,
        "label": "uncertain",
        "model": "m",
        "threshold": threshold,
        "explanation": [msg("hoax.caveat")],
        "top_features": [],
        "evidence": [],
    }


def _claims(*matches: tuple[float, str]) -> list[dict[str, Any]]:
    return [
        {
            "sentence": "Vaksin mengandung chip.",
            "start": 0,
            "end": 23,
            "checkworthiness": 0.9,
            "matches": [
                {
                    "id": f"fc{i}",
                    "claim": "Vaksin berisi chip pelacak",
                    "verdict": v,
                    "score": 1.0,
                    "probability": q,
                    "relation": "same_claim",
                }
                for i, (q, v) in enumerate(matches)
            ],
        }
    ]


def test_evidence_none_leaves_the_estimate_unchanged() -> None:
    hoax = _hoax()
    assert apply_evidence(hoax, [], [], BAND) is hoax
    assert apply_evidence(hoax, _claims((0.9, "other")), [], BAND) is hoax  # "other" says nothing


@pytest.mark.parametrize(
    ("q", "verdict", "low", "high", "label"),
    [
        (0.95, "false", 0.9, 0.95, "hoax"),
        (0.95, "true", 0.05, 0.1, "not_hoax"),
        (0.1, "false", 0.4, 0.47, "uncertain"),  # an unlikely match barely moves it
    ],
)
def test_evidence_same_claim_fact_check_decides_in_proportion(
    q: float, verdict: str, low: float, high: float, label: str
) -> None:
    out = apply_evidence(_hoax(0.4), _claims((q, verdict)), [], BAND)
    assert low <= out["probability"] <= high and out["label"] == label
    assert out["text_probability"] == 0.4
    assert out["evidence"] == [{"kind": "fact_check", "verdict": verdict, "id": "fc0", "probability": q,
                                "applied": True}]
    assert out["explanation"][-1] == msg("hoax.caveat")  # the text's explanation follows the evidence
    assert "Vaksin berisi chip pelacak" in render(out["explanation"], "id")
    assert [m.code for m in out["explanation"][:2]] == ["hoax.evidence_moved", "hoax.factcheck"]


def test_evidence_uses_only_the_likeliest_match() -> None:
    out = apply_evidence(_hoax(0.4), _claims((0.3, "true"), (0.9, "false")), [], BAND)
    assert out["evidence"][0]["id"] == "fc1" and out["probability"] > 0.85


@pytest.mark.parametrize(("relation", "direction"), [("spin", 1), ("copy", -1), ("partial_copy", -1)])
def test_evidence_provenance_spin_raises_copy_lowers(relation: str, direction: int) -> None:
    source = [
        {"id": "a1", "similarity": 0.8, "relation": relation},
        {"id": "a2", "similarity": 0.3, "relation": "same_story"},
    ]
    out = apply_evidence(_hoax(0.4), [], source, BAND)
    assert (out["probability"] - 0.4) * direction > 0.05
    assert out["evidence"][0]["relation"] == relation and out["evidence"][0]["id"] == "a1"


def test_evidence_same_story_alone_changes_nothing() -> None:
    hoax = _hoax()
    assert apply_evidence(hoax, [], [{"id": "a", "similarity": 0.9, "relation": "same_story"}], BAND) is hoax


@pytest.mark.parametrize(
    "text",
    [
        "Kemenkes membantah kabar bahwa vaksin mengandung chip. Informasi itu tidak benar.",
        "Beredar pesan vaksin mengandung chip. Faktanya, vaksin tidak berisi chip apa pun.",
    ],
)
def test_evidence_false_verdict_not_applied_to_a_text_that_disputes_the_claim(text: str) -> None:
    """A debunking report states the fact-checked claim too; calling it a hoax is the worst error."""
    out = apply_evidence(_hoax(0.4), _claims((0.95, "false")), [], BAND, text)
    assert out["probability"] == 0.4 and out["label"] == "uncertain"
    item = out["evidence"][0]
    assert item["applied"] is False and all(text[a:b] for a, b in item["disputed"])
    assert "hoax.factcheck_disputed" in [m.code for m in out["explanation"]]
    assert "not applied" in render(out["explanation"], "en")
    assert "tidak diterapkan" in render(out["explanation"], "id")


@pytest.mark.parametrize(
    "text",
    [
        "VAKSIN MENGANDUNG CHIP!!! Ini bukan hoaks, sebarkan ke semua grup.",
        "Vaksin mengandung chip pelacak, kata seorang dokter.",
    ],
)
def test_evidence_false_verdict_applied_to_a_text_that_asserts_the_claim(text: str) -> None:
    """"Ini bukan hoaks" is a chain message vouching for itself, not a refutation."""
    out = apply_evidence(_hoax(0.4), _claims((0.95, "false")), [], BAND, text)
    assert out["probability"] > 0.85 and out["label"] == "hoax" and out["evidence"][0]["applied"] is True


def test_evidence_related_match_does_not_move_the_estimate() -> None:
    """A `related` match (shown only with show_related) checks another claim: its verdict says nothing."""
    claims = _claims((0.7, "false"))
    claims[0]["matches"][0]["relation"] = "related"
    hoax = _hoax(0.4)
    assert apply_evidence(hoax, claims, [], BAND, "Vaksin mengandung chip.") is hoax
