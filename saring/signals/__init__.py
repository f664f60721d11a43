"""The signal registry: explicit, versioned, no registration side effects on import.

Add a signal by writing `saring/signals/<name>.py` with a `detect(article) -> SignalResult` and one
`SignalSpec` line below; `tests/signals/test_registry.py` pins the registry contents.
"""

from __future__ import annotations

from saring.article import Article, SignalResult
from saring.signals import attribution, copy_artefacts
from saring.signals.base import SignalSpec

SIGNALS: dict[str, SignalSpec] = {
    "copy": SignalSpec(
        "copy", copy_artefacts.VERSION, copy_artefacts.detect, ("text", "paragraphs", "removed", "site"),
        "copy artefacts: repeated paragraphs, leftover widgets, truncation, other outlets' credits",
    ),
    "attribution": SignalSpec(
        "attribution", attribution.VERSION, attribution.detect, ("text", "site"),
        "risk from missing attribution: quotes, speakers, cited outlets, anonymous sourcing",
    ),
}


def run_signals(article: Article, names: list[str] | None = None) -> list[SignalResult]:
    """Run the named signals (default: all) in registry order."""
    specs = SIGNALS.values() if names is None else [SIGNALS[n] for n in names]
    return [spec.detect(article) for spec in specs]


__all__ = ["SIGNALS", "SignalSpec", "run_signals"]
