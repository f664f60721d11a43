"""What a signal is: a pure function `Article -> SignalResult` with declared metadata.

Signals never do I/O at call time. Artefacts they need (models, word lists) are loaded once per
process by `load()` and passed in through the spec's cached resources.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from saring.article import Article, SignalResult

Detector = Callable[[Article], SignalResult]


@dataclass(frozen=True, slots=True)
class SignalSpec:
    """Registry entry: `name` and `version` are stable (stored reports refer to them)."""

    name: str
    version: str
    detect: Detector
    needs: tuple[str, ...]  # article fields used: "title", "text", "removed", ...
    description: str
