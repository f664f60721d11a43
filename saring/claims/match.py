"""An article's check-worthy sentences with the published fact-checks that cover them.

This is what `saring check` puts into the report's `claims` when the store holds fact-checks: every
sentence at or above `ClaimSettings.min_checkworthiness` (the `max_claims` most check-worthy), each
with the fact-checks that `covers` accepts (thresholds calibrated in docs/claims.md so that few
ordinary news sentences get a match).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from saring.claims.checkworthy import checkworthy_sentences

if TYPE_CHECKING:
    from saring.article import Article
    from saring.claims.retrieval import FactCheckIndex, Match
    from saring.claims.settings import ClaimSettings


def covers(match: Match, settings: ClaimSettings) -> bool:
    """Close enough to report: words and meaning agree, or the meaning alone is very close."""
    return match.score >= settings.min_match_score or match.dense >= settings.min_match_cosine


def match_claims(article: Article, index: FactCheckIndex) -> list[dict[str, Any]]:
    """Report `claim` objects (report.schema.json) in text order; none when the store has no fact-checks."""
    if not len(index):
        return []
    settings = index.settings
    claims = []
    for claim in checkworthy_sentences(article, settings.min_checkworthiness, settings.max_claims):
        found = index.search(claim.sentence, k=settings.matches_per_claim)
        claims.append(
            {
                "sentence": claim.sentence,
                "start": claim.start,
                "end": claim.end,
                "checkworthiness": round(claim.score, 4),
                "reasons": claim.reasons,
                "matches": [m.to_dict() for m in found if covers(m, settings)],
            }
        )
    return claims
