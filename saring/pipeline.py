"""The per-article pipeline shared by the CLI, the API and the batch runner.

`prepare` turns a read Article into a cleaned, accepted one (or a coded `Rejected`); `Analyzer`
holds everything that is loaded once per process (signal artefacts, the hoax model, the store) and
turns a prepared article into a `Report`. Nothing here reads files or prints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from saring.article import Article, Rejected, SourceRef
from saring.clean import SiteBoilerplate, clean
from saring.errors import SaringError
from saring.ingest.base import reject
from saring.report import Report
from saring.settings import IngestOptions

if TYPE_CHECKING:
    from saring.claims.retrieval import FactCheckIndex
    from saring.model import HoaxModel
    from saring.store import Store


def prepare(
    article: Article, options: IngestOptions, stats: SiteBoilerplate | None = None,
) -> Article | Rejected:
    """Clean the article and check it is worth analysing: not empty, in an accepted language."""
    cleaned = clean(article, stats)
    source = cleaned.source or SourceRef("<memory>")
    if len(cleaned.text) < max(1, options.min_chars):
        empty = SaringError("empty_input", "no article text left after cleaning")
        return reject(source, empty, article.raw_text)
    if options.accept_langs and cleaned.lang != "und" and cleaned.lang not in options.accept_langs:
        detail = f"detected '{cleaned.lang}' (p={cleaned.lang_score:.2f})"
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
        # Hoax model (saring.model): loaded on first use, once per process (`load_default_model` caches it).
        self._hoax_model: HoaxModel | None = None

    @property
    def hoax_model(self) -> HoaxModel:
        if self._hoax_model is None:
            from saring.model import load_default_model

            self._hoax_model = load_default_model()
        return self._hoax_model

    def analyze(self, article: Article) -> Report:
        report = self.assess(article)
        self.look_up(report)
        return report

    def assess(self, article: Article) -> Report:
        """Signals and hoax probability: CPU only, safe to run in many threads at once."""
        from saring.signals import run_signals

        report = Report(article=article, signals=run_signals(article, self.signal_names))
        report.hoax = self.hoax_model.predict(article, report.signals)
        return report

    def look_up(self, report: Report) -> None:
        """Fill claims and provenance from the store: callers sharing one connection serialise this part."""
        article = report.article
        if self.factchecks is not None:
            from saring.claims.match import match_claims

            report.claims = match_claims(article, self.factchecks)
        if self.store is not None:
            from saring.index import trace

            report.provenance = trace(self.store, article)
