"""The corpus index: store known articles, then trace a text back to the ones it copies or spins.

`add_articles(store, articles)` stores cleaned articles with their fingerprints (`fingerprint.py`);
`trace(store, article)` retrieves candidates (`search.py`), compares them (`align.py`) and names the
relation (`provenance.py`). Both work on any `saring.store.Store` (SQLite or PostgreSQL).
"""

from saring.index.provenance import trace
from saring.index.writer import AddStats, add_articles

__all__ = ["AddStats", "add_articles", "trace"]
