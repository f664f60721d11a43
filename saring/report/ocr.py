"""The report's `article.ocr` part: how an image article was read, and which words may be misread.

Low-confidence word runs are located in the cleaned text (or the title) here, at report time, because
cleaning runs after the reader; like every evidence span they then point into `article.text`.
"""

from __future__ import annotations

from typing import Any

from saring.article import Article, Evidence, evidence_at
from saring.messages import msg

LOW_CONFIDENCE_WHY = msg("ocr.low_confidence")


def ocr_dict(article: Article) -> dict[str, Any] | None:
    """None for text input; else the layout, mean and per-line confidence, and the doubtful spans."""
    if article.ocr is None:
        return None
    return {
        "layout": article.ocr.layout,
        "mean_confidence": article.ocr.mean_confidence,
        "lines": [{"text": line.text, "confidence": line.confidence} for line in article.ocr.lines],
        "low_confidence": [e.to_dict() for e in low_confidence_evidence(article)],
    }


def low_confidence_evidence(article: Article) -> list[Evidence]:
    """Each doubtful run found, in reading order, in the text (else the title); removed ones are skipped."""
    found: list[Evidence] = []
    cursor = 0
    for run in article.ocr.low_confidence if article.ocr else ():
        start = article.text.find(run, cursor)
        if start >= 0:
            found.append(evidence_at(article, start, start + len(run), LOW_CONFIDENCE_WHY))
            cursor = start + len(run)
        elif (start := article.title.find(run)) >= 0:
            found.append(evidence_at(article, start, start + len(run), LOW_CONFIDENCE_WHY, field="title"))
    return found
