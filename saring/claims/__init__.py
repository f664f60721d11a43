"""Claims and fact-checks: check-worthy sentences matched to published fact-checks (docs/claims.md).

`read_factchecks` / `import_factchecks` load fact-checks into the store, `FactCheckIndex` searches
them (BM25 + multilingual embeddings), `judge` tells the same claim from the same topic, `list_claims` /
`match_claims` build a report's `claims`, `same_claim_matches` lists their shown same-claim matches.
"""

from saring.claims.checkworthy import checkworthy_sentences, score_sentence
from saring.claims.decide import Decision, judge
from saring.claims.factchecks import FactCheck, ImportDefaults, fact_check_from_record, read_factchecks
from saring.claims.match import list_claims, match_claims, same_claim_matches
from saring.claims.retrieval import FactCheckIndex, Match
from saring.claims.settings import ClaimSettings
from saring.claims.storage import ImportStats, import_factchecks
from saring.claims.verdicts import VERDICTS, normalize_verdict

__all__ = [
    "VERDICTS",
    "ClaimSettings",
    "Decision",
    "FactCheck",
    "FactCheckIndex",
    "ImportDefaults",
    "ImportStats",
    "Match",
    "checkworthy_sentences",
    "fact_check_from_record",
    "import_factchecks",
    "judge",
    "list_claims",
    "same_claim_matches",
    "match_claims",
    "normalize_verdict",
    "read_factchecks",
    "score_sentence",
]
