"""Fold what the store look-ups found into the hoax estimate: fact-check verdicts and provenance.

Runs after `Analyzer.look_up` (the estimate itself is computed before, from the text alone).

- **Same-claim fact-check.** `saring.claims` gives each match the probability `q` that the
  fact-check states this text's claim, and the fact-checker's verdict. With probability `q` the
  verdict decides, otherwise the text estimate stands:  p' = q * P(hoax | verdict) + (1 - q) * p.
  Only the match with the highest `q` counts (several matches of one claim are not independent).
- **Provenance.** A copy of an indexed article carries that article's risk, not a rumour's: the odds
  are halved; a machine-spun rewrite of one (content farms) doubles them. Same-story matches change
  nothing.

These numbers are set by hand, not learned: no shared data pairs texts with both a hoax label and a
fact-check or provenance match. `tests/model/test_evidence.py` pins their direction and size.
"""

from __future__ import annotations

from typing import Any

from saring.claims.match import same_claim_matches
from saring.claims.stance import dispute_cues
from saring.messages import msg
from saring.model.predict import band_label

# P(hoax | the text states the fact-checked claim, verdict): a claim rated false is a hoax by the
# fact-checker's judgement; "misleading"/"satire" are still risky to share; "true" nearly clears it.
VERDICT_RISK = {"false": 0.95, "misleading": 0.8, "satire": 0.7, "unproven": 0.6, "true": 0.05}
PROVENANCE_ODDS = {"copy": 0.5, "partial_copy": 0.5, "spin": 2.0}
_VERDICT_WORDS = {
    "false": msg("hoax.verdict.false"),
    "misleading": msg("hoax.verdict.misleading"),
    "satire": msg("hoax.verdict.satire"),
    "unproven": msg("hoax.verdict.unproven"),
    "true": msg("hoax.verdict.true"),
}
_PROVENANCE_WORDS = {
    "copy": msg("hoax.provenance.copy"),
    "partial_copy": msg("hoax.provenance.partial_copy"),
    "spin": msg("hoax.provenance.spin"),
}


def best_match(claims: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The likeliest same-claim match whose verdict means something ("related" ones check another claim)."""
    return next((m for m in same_claim_matches(claims) if m.get("verdict") in VERDICT_RISK), None)


def strongest_provenance(provenance: list[dict[str, Any]]) -> dict[str, Any] | None:
    found = [p for p in provenance if p.get("relation") in PROVENANCE_ODDS]
    return max(found, key=lambda p: float(p.get("similarity", 0.0)), default=None)


def _odds_shift(p: float, factor: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    odds = p / (1 - p) * factor
    return odds / (1 + odds)


def apply_evidence(
    hoax: dict[str, Any], claims: list[dict[str, Any]], provenance: list[dict[str, Any]], band: float,
    text: str = "",
) -> dict[str, Any]:
    """A new `hoax` object with the evidence folded in (the input is returned unchanged when none applies).

    `text` is the article's: a text that disputes what it reports (saring.claims.stance) is a debunk,
    and a fact-check's verdict on the claim it repeats is not applied to it.
    """
    p = float(hoax["probability"])
    notes, items = [], []
    source = strongest_provenance(provenance)
    if source is not None:
        relation = str(source["relation"])
        p = _odds_shift(p, PROVENANCE_ODDS[relation])
        notes.append(_PROVENANCE_WORDS[relation])
        items.append(
            {
                "kind": "provenance",
                "relation": relation,
                "id": source.get("id"),
                "factor": PROVENANCE_ODDS[relation],
            }
        )
    match = best_match(claims)
    if match is not None:
        q, verdict = float(match["probability"]), str(match["verdict"])
        said = {"verdict": _VERDICT_WORDS[verdict], "probability": q, "claim": str(match.get("claim", ""))}
        disputed = dispute_cues(text) if verdict != "true" else []
        item = {"kind": "fact_check", "verdict": verdict, "id": match.get("id"), "probability": round(q, 4)}
        if disputed:
            words = list(dict.fromkeys(f"\u201c{text[a:b]}\u201d" for a, b in disputed[:6]))
            notes.append(msg("hoax.factcheck_disputed", **said, words=words))
            items.append({**item, "applied": False, "disputed": [list(span) for span in disputed[:20]]})
        else:
            p = q * VERDICT_RISK[verdict] + (1 - q) * p
            notes.append(msg("hoax.factcheck", **said))
            items.append({**item, "applied": True})
    if not items:
        return hoax
    label = band_label(p, float(hoax.get("threshold", 0.5)), band)
    before = float(hoax["probability"])
    lead = (msg("hoax.evidence_moved", before=before, after=p) if round(p, 4) != round(before, 4)
            else msg("hoax.evidence_stays"))
    return {
        **hoax,
        "probability": round(p, 4),
        "label": label,
        "text_probability": hoax["probability"],
        "explanation": [lead, *notes, *hoax.get("explanation", [])],
        "evidence": items,
    }
