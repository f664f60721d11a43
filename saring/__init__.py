"""Saring: tells how far to trust an Indonesian online news article, and why.

The pipeline is ingest -> clean -> signals/model -> index/claims -> report. Public names are
re-exported here so that library users need one import: `saring.check(text)`, `saring.check_many(...)`
(docs/library.md). The API and `Report` are imported on first use, so `import saring` stays cheap.
"""

from typing import TYPE_CHECKING

from saring.article import Article, Evidence, Rejected, Removed, SignalResult, SourceRef
from saring.errors import SaringError

if TYPE_CHECKING:
    from saring.library import check, check_many, report_row
    from saring.report import Report

__version__ = "0.1.0"

__all__ = [
    "Article", "Evidence", "Rejected", "Removed", "Report", "SaringError", "SignalResult", "SourceRef",
    "__version__", "check", "check_many", "report_row",
]

_LAZY = {"check": "saring.library", "check_many": "saring.library", "report_row": "saring.library",
         "Report": "saring.report"}


def __getattr__(name: str) -> object:
    """Import the library API on first use (it pulls in the pipeline)."""
    if name not in _LAZY:
        raise AttributeError(f"module 'saring' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value
