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
    # Up to `judged` best fact-checks of each query (every searched sentence, and the whole post) get a
    # same-claim probability (saring.claims.decide, thresholds in match_model.json); at most
    # `matches_per_claim` of those judged the same claim are reported. `show_related` also reports the
    # ones judged only related (same topic, another claim): off by default, see docs/claims.md.
    judged: int = 5
    matches_per_claim: int = 3
    show_related: bool = False
    # The whole post is searched as one more query: the title and the first `post_query_chars`
    # characters of the text (a claim spread over sentences or stated only in the title; bounded work).
    post_query_chars: int = 1500
