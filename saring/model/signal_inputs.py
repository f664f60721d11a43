"""Turn training examples into cleaned Articles and run the registered signals on them (cached).

Training must see texts exactly as inference does: the same `clean()` and the same signals. Signals
cost a few ms per article, so their scores are cached on disk per (signal versions, example texts);
a signal whose version changes is recomputed automatically because the cache key changes.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from saring.article import Article, SignalResult, SourceRef
from saring.model.datasets import Example


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "saring" / "model"


def to_article(example: Example) -> Article:
    """A cleaned Article; built directly so that no headline is guessed from a title-less text."""
    from saring.clean import clean

    return clean(
        Article(
            id=example.id,
            raw_text=example.text,
            title=example.title,
            source=SourceRef(f"{example.dataset}:{example.id}"),
        )
    )


def signal_versions(names: Iterable[str]) -> dict[str, str]:
    from saring.signals import SIGNALS

    return {name: SIGNALS[name].version for name in names}


def _cache_key(articles: list[Article], versions: dict[str, str]) -> str:
    digest = hashlib.sha256(repr(sorted(versions.items())).encode())
    for a in articles:
        digest.update(f"\x00{a.id}\x00{a.title}\x00{a.text}".encode())
    return digest.hexdigest()[:24]


def signal_matrix(articles: list[Article], names: list[str], cache_dir: Path | None = None) -> np.ndarray:
    """n_articles x n_signals scores, from the cache when the same texts and versions were scored before."""
    if not names:
        return np.zeros((len(articles), 0))
    from saring.signals import run_signals

    path = (cache_dir or default_cache_dir()) / f"signals-{_cache_key(articles, signal_versions(names))}.npy"
    if path.exists():
        return np.asarray(np.load(path, allow_pickle=False), dtype=np.float64)
    scores = np.array([[r.score for r in run_signals(a, names)] for a in articles], dtype=np.float64)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npy")
    np.save(tmp, scores)
    os.replace(tmp, path)
    return scores


def analyse_file(path: Path) -> tuple[Article, list[SignalResult]]:
    """A text file as `saring check` reads it: parsed, cleaned, with all signal results."""
    from saring.clean import clean
    from saring.ingest.text import parse_text
    from saring.signals import run_signals

    article = clean(parse_text(path.read_text(encoding="utf-8"), SourceRef(str(path))))
    return article, run_signals(article)
