"""Settings of claim extraction and fact-check matching, with how each value was chosen.

The thresholds were calibrated together on the sets in docs/claims.md (check-worthiness on the dev
split of tests/resources/checkworthy_gold.jsonl, matching on the BDC 2020 dev half); re-tune them
together when the scorer or the fusion changes (`python benchmarks/claims_eval.py`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ClaimSettings:
    # Weight of the max-normalised BM25 score in the fusion (1 - this goes to the cosine).
    lexical_weight: float = 0.5
    # Lexical candidates fetched from the full-text index, and dense candidates kept per query.
    candidates: int = 100
    # A sentence at or above this check-worthiness is searched (F1-optimal on the gold dev split).
    min_checkworthiness: float = 0.4
    # At most this many sentences per article are searched (the most check-worthy), bounding the work.
    max_claims: int = 20
    # A fact-check is reported for a sentence when its fused score reaches `min_match_score` (words and
    # meaning agree) or its cosine alone reaches `min_match_cosine` (same story in other words or another
    # language, where the fusion gives no lexical credit); at most `matches_per_claim` per sentence.
    # Chosen on `benchmarks/claims_eval.py --part threshold`: 1.0 % of check-worthy 2019 news sentences get
    # a match, 50 % of short BDC claims get their own fact-check (docs/claims.md).
    min_match_score: float = 0.55
    min_match_cosine: float = 0.65
    matches_per_claim: int = 3
