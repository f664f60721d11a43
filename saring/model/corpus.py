"""All examples of the requested datasets, featurised once: cleaned text, n-gram tf, signals, clusters.

Training and every evaluation protocol index into one `Corpus`, so texts are cleaned, hashed and
scored by the signals only once per run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from saring.model.datasets import BACKGROUND, FILES, LOADERS, Example, file_sha256
from saring.model.dedup import cluster_ids
from saring.model.distort import common_words
from saring.model.features import FeatureSpec, TermFreq, article_text, term_freq
from saring.model.signal_inputs import signal_matrix, signal_versions, to_article

if TYPE_CHECKING:
    from saring.model.train import TrainConfig, TrainingSet


@dataclass(slots=True)
class Corpus:
    examples: list[Example]
    texts: list[str]  # cleaned title + text, as the model reads them (verdict words already masked)
    tfs: list[TermFreq]
    signals: np.ndarray
    groups: np.ndarray
    signal_names: list[str]
    signal_versions: dict[str, str]
    sha256: dict[str, str]
    keep_words: frozenset[str]  # common words of ordinary news, kept by the text distortion

    @classmethod
    def load(
        cls, data_dir: Path, datasets: tuple[str, ...], spec: FeatureSpec, cache_dir: Path | None = None
    ) -> Corpus:
        """Load, clean, hash and score; clusters are computed across all datasets together."""
        from saring.signals import SIGNALS

        keep = frozenset(common_words(data_dir, spec.common_words)) if spec.common_words else frozenset()

        examples = [e for name in datasets for e in LOADERS[name][1](data_dir)]
        articles = [to_article(e) for e in examples]
        names = list(SIGNALS)
        texts = [article_text(a.title, a.text) for a in articles]
        return cls(
            examples=examples,
            texts=texts,
            tfs=[term_freq(t, spec, keep) for t in texts],
            signals=signal_matrix(articles, names, cache_dir),
            groups=cluster_ids(examples),
            signal_names=names,
            signal_versions=signal_versions(names),
            sha256={name: file_sha256(data_dir / FILES[LOADERS[name][0]]) for name in datasets},
            keep_words=keep,
        )

    def where(self, dataset: str) -> np.ndarray:
        return np.flatnonzero(np.array([e.dataset == dataset for e in self.examples]))

    def labels(self) -> np.ndarray:
        return np.array([e.label for e in self.examples])

    def training_set(self, idx: np.ndarray, config: TrainConfig) -> TrainingSet:
        from saring.model.train import TrainingSet

        weights = np.array([config.dataset_weight.get(self.examples[i].dataset, 1.0) for i in idx])
        signals = self.signals[idx] if config.use_signals else np.zeros((len(idx), 0))
        labelled = np.array([self.examples[i].dataset not in BACKGROUND for i in idx], dtype=bool)
        return TrainingSet(
            [self.tfs[i] for i in idx],
            signals,
            self.labels()[idx],
            self.groups[idx],
            weights,
            labelled,
            self.keep_words,
        )
