"""The signal registry: explicit, versioned, no registration side effects on import.

Add a signal by writing `saring/signals/<name>.py` with a `detect(article) -> SignalResult` and one
`SignalSpec` line below; `tests/signals/test_registry.py` pins the registry contents.
"""

from __future__ import annotations

from saring.article import Article, SignalResult
from saring.signals import attribution, clickbait, copy_artefacts, form, scam, spin, tone
from saring.signals.base import SignalSpec

SIGNALS: dict[str, SignalSpec] = {
    "clickbait": SignalSpec(
        "clickbait", clickbait.VERSION, clickbait.detect, ("title",),
        "clickbait headline: learned from CLICK-ID plus capitals, '***', 'LIHAT ... DI BAWAH INI'",
    ),
    "copy": SignalSpec(
        "copy", copy_artefacts.VERSION, copy_artefacts.detect, ("text", "paragraphs", "removed", "site"),
        "copy artefacts: repeated paragraphs, leftover widgets, truncation, other outlets' credits",
    ),
    "attribution": SignalSpec(
        "attribution", attribution.VERSION, attribution.detect, ("text", "site"),
        "risk from missing attribution: quotes, speakers, cited outlets, anonymous sourcing",
    ),
    "spin": SignalSpec(
        "spin", spin.VERSION, spin.detect, ("text",),
        "machine synonym substitution: words where a far more usual synonym fits the context",
    ),
    "tone": SignalSpec(
        "tone", tone.VERSION, tone.detect, ("title", "text"),
        "shouting, exclamations, provocative or emotional words, calls to spread the message",
    ),
    "form": SignalSpec(
        "form", form.VERSION, form.detect, ("title", "text"),
        "news report vs social/chat post: attributed sources vs calls to share, phone numbers, links, emoji",
    ),
    "scam": SignalSpec(
        "scam", scam.VERSION, scam.detect, ("title", "text"),
        "scam message: a job/prize/aid/bank/gambling lure plus a request (link, registration, transfer, OTP)",
    ),
}


def run_signals(article: Article, names: list[str] | None = None) -> list[SignalResult]:
    """Run the named signals (default: all) in registry order."""
    specs = SIGNALS.values() if names is None else [SIGNALS[n] for n in names]
    return [spec.detect(article) for spec in specs]


__all__ = ["SIGNALS", "SignalSpec", "run_signals"]
