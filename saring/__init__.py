"""Saring: tells how far to trust an Indonesian online news article, and why.

The pipeline is ingest -> clean -> signals/model -> index/claims -> report. Public names are
re-exported here so that library users need one import.
"""

from saring.article import Article, Evidence, Rejected, Removed, SignalResult, SourceRef

__version__ = "0.1.0"

__all__ = ["Article", "Evidence", "Rejected", "Removed", "SignalResult", "SourceRef", "__version__"]
