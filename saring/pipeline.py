"""The per-article pipeline shared by the CLI, the API and the batch runner.

`prepare` turns a read Article into a cleaned, accepted one (or a coded `Rejected`); `Analyzer`
holds everything that is loaded once per process (signal artefacts, the hoax model, the store) and
turns a prepared article into a `Report`. Nothing here reads files or prints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from saring.article import Article, Rejected, SourceRef
from saring.clean import SiteBoilerplate, clean
from saring.clean.amount import amount_problem
from saring.errors import SaringError
from saring.ingest.base import reject
from saring.messages import msg
from saring.report import Report
from saring.settings import IngestOptions

if TYPE_CHECKING:
    from saring.claims.retrieval import FactCheckIndex
    from saring.claims.settings import ClaimSettings
    from saring.model.estimate import HoaxEstimator
    from saring.store import Store


def prepare(
    article: Article, options: IngestOptions, stats: SiteBoilerplate | None = None,
) -> Article | Rejected:
    """Clean the article and check it is worth analysing: enough text to judge, not more than can be
    analysed in bounded time (saring.clean.amount), in an accepted language."""
    cleaned = clean(article, stats)
    source = cleaned.source or SourceRef("<memory>")
    problem = amount_problem(cleaned.title, cleaned.text, options)
    if problem is not None:
        return reject(source, problem, article.raw_text)
    if options.accept_langs and cleaned.lang != "und" and cleaned.lang not in options.accept_langs:
        detail = msg("errors.detail.not_indonesian", lang=cleaned.lang, p=cleaned.lang_score)
        return reject(source, SaringError("not_indonesian", detail), cleaned.text)
    return cleaned


class Analyzer:
    """Loads resources once; `analyze` is then cheap and side-effect free per article."""

    def __init__(
        self, signal_names: list[str] | None = None, factchecks: FactCheckIndex | None = None,
        store: Store | None = None,
    ) -> None:
        self.signal_names = signal_names
        # Fact-check search over a store (saring.claims); fills `claims` when the store holds fact-checks.
        self.factchecks = factchecks
        # Corpus index (saring.index); fills `provenance` with the stored articles this one copies or spins.
        self.store = store
        # Hoax estimate (saring.model.estimate): loaded on first use, once per process (cached there).
        self._hoax_model: HoaxEstimator | None = None

    @property
    def hoax_model(self) -> HoaxEstimator:
        if self._hoax_model is None:
            from saring.model.estimate import load_default_estimator

            self._hoax_model = load_default_estimator()
        return self._hoax_model

    def analyze(self, article: Article) -> Report:
        report = self.assess(article)
        self.look_up(report)
        return report

    @property
    def claim_settings(self) -> ClaimSettings:
        from saring.claims.settings import ClaimSettings

        return self.factchecks.settings if self.factchecks is not None else ClaimSettings()

    def assess(self, article: Article) -> Report:
        """Signals, hoax probability, check-worthy claims: CPU only, safe to run in many threads at once."""
        from saring.claims.match import list_claims
        from saring.signals import run_signals

        report = Report(article=article, signals=run_signals(article, self.signal_names))
        report.hoax = self.hoax_model.predict(article, report.signals)
        report.claims = list_claims(article, self.claim_settings)
        return report

    def look_up(self, report: Report) -> None:
        """Fill claims and provenance from the store: callers sharing one connection serialise this part."""
        from saring.store import describe_store

        article = report.article
        store = self.factchecks.store if self.factchecks is not None else self.store
        report.store = describe_store(store.url) if store is not None else None
        if self.factchecks is not None:
            from saring.claims.match import match_claims

            report.factchecks = len(self.factchecks)
            report.claims = match_claims(article, report.claims, self.factchecks)
        if self.store is not None:
            from saring.index import trace

            report.provenance = trace(self.store, article)
        if report.hoax is not None:  # fact-check verdicts and provenance are evidence the text alone lacks
            from saring.model.evidence import apply_evidence

            report.hoax = apply_evidence(report.hoax, report.claims, report.provenance, self.hoax_model.band,
                                          article.text)
