"""An article's check-worthy sentences with the published fact-checks that cover them.

Every report lists the check-worthy sentences (`list_claims`: at or above
`ClaimSettings.min_checkworthiness`, the `max_claims` most check-worthy): which sentences to check needs
no store. When the store holds fact-checks, `match_claims` adds to each the fact-checks judged to state
the same claim (`saring.claims.decide`: a calibrated probability, thresholds chosen for precision in
docs/claims.md). The whole post (title and text) is searched as one more query; a fact-check found
only that way is reported in an item with `"scope": "post"`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from saring.claims.checkworthy import checkworthy_sentences
from saring.messages import Msg, msg

if TYPE_CHECKING:
    from saring.article import Article
    from saring.claims.decide import Decision
    from saring.claims.retrieval import FactCheckIndex
    from saring.claims.settings import ClaimSettings


def post_query(article: Article, settings: ClaimSettings) -> str:
    """The whole post as one query: the title, then the start of the text."""
    return f"{article.title or ''}\n{article.text}".strip()[: settings.post_query_chars]


def shown(decisions: list[Decision], settings: ClaimSettings) -> list[Decision]:
    """The decisions a report carries: same claim (and related when asked for), best first, bounded."""
    keep = ("same_claim", "related") if settings.show_related else ("same_claim",)
    return [d for d in decisions if d.relation in keep][: settings.matches_per_claim]


# The check-worthiness cues that count as reasons (checkworthy.CUES with a positive weight), in words.
CUE_WORDS = {
    "number": msg("claims.cue.number"),
    "quantity": msg("claims.cue.quantity"),
    "date": msg("claims.cue.date"),
    "named entity": msg("claims.cue.named_entity"),
    "attribution": msg("claims.cue.attribution"),
    "quote": msg("claims.cue.quote"),
    "superlative": msg("claims.cue.superlative"),
    "causal": msg("claims.cue.causal"),
    "composition": msg("claims.cue.composition"),
    "health": msg("claims.cue.health"),
    "money": msg("claims.cue.money"),
    "official action": msg("claims.cue.official_action"),
}


def why_checkworthy(reasons: list[str]) -> Msg:
    """Why a sentence is worth checking, from its cue `reasons` (the stable names stay in `reasons`)."""
    cues = [CUE_WORDS[r] for r in reasons if r in CUE_WORDS]
    return msg("claims.why", cues=cues) if cues else msg("claims.why_score")


def list_claims(article: Article, settings: ClaimSettings) -> list[dict[str, Any]]:
    """Report `claim` objects (report.schema.json) in text order, with no matches yet: needs no store."""
    return [
        {
            "sentence": claim.sentence,
            "start": claim.start,
            "end": claim.end,
            "checkworthiness": round(claim.score, 4),
            "reasons": claim.reasons,
            "why": why_checkworthy(claim.reasons),
            "matches": [],
        }
        for claim in checkworthy_sentences(article, settings.min_checkworthiness, settings.max_claims)
    ]


def match_claims(
    article: Article, claims: list[dict[str, Any]], index: FactCheckIndex
) -> list[dict[str, Any]]:
    """The listed `claims` with their fact-checks (unchanged when the store has no fact-checks)."""
    if not len(index):
        return claims
    from saring.claims.decide import judge

    settings = index.settings
    matched = []
    for claim in claims:
        found = shown(judge(index, claim["sentence"], settings.judged), settings)
        matched.append({**claim, "matches": [d.to_dict() for d in found]})
    post = _post_claim(article, index, matched)
    return matched + ([post] if post else [])


def _post_claim(
    article: Article, index: FactCheckIndex, claims: list[dict[str, Any]]
) -> dict[str, Any] | None:
    """The report item of the whole post when it finds fact-checks that none of the `claims` found.

    Its check-worthiness is the best of the post's sentences (the post as a whole is not scored).
    """
    from saring.claims.decide import judge

    settings = index.settings
    found = shown(judge(index, post_query(article, settings), settings.judged), settings)
    seen = {m["id"] for c in claims for m in c["matches"]}
    found = [d for d in found if d.match.fact_check.id not in seen]
    if not found:
        return None
    return {
        "sentence": article.title or article.text[:200],
        "start": 0,
        "end": len(article.text),
        "scope": "post",
        "checkworthiness": max((c["checkworthiness"] for c in claims), default=0.0),
        "reasons": ["whole post"],
        "why": msg("claims.why_post"),
        "matches": [d.to_dict() for d in found],
    }


def same_claim_matches(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The matches a report's `claims` show as the same claim, most probable first.

    For combining with other evidence (the hoax estimate): a match shown as the same claim of a
    fact-check rated `false` says the claim was debunked; `related` matches (only with
    `show_related`) are excluded, since they check another claim.
    """
    found = [m for c in claims for m in c["matches"] if m.get("relation") == "same_claim"]
    return sorted(found, key=lambda m: float(m["probability"]), reverse=True)

