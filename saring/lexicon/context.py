"""How well a word fits its whole context window: a small CBOW word-embedding model of ordinary news.

Why: the bigram statistics (`collocations.py`) see each neighbour alone. A spinner's wrong-sense or
rare replacement often passes both neighbours but not the sentence around it ("pasukan ... pukulan
hawa ... wilayah"). A CBOW model with negative sampling, trained here on the 2019 news corpus, scores
`s(w, ctx) = out(w) . mean(in(ctx))`, an estimate of the pointwise mutual information of the word and
the tokens around it (up to a constant); the mean is over nested windows (+-1, 2, 4, 8 tokens), so
a token counts once for each window it is in and near words weigh more. Words differ in how much
their contexts say about them (function words fit everywhere moderately, topic words fit their
topic strongly), so the reading is relative to the word's own usual score:
`unfit = (mean_w - s) / sd_w` from the word's occurrences in the training corpus. High `unfit`:
the window rejects the word.

Inference is one cumulative sum over the article's token vectors and one dot product per word
(no softmax over the vocabulary). The model is trained by `gensim` at build time only; the shipped
artefact is plain float16 arrays (`saring/signals/data/spin_context.npz`).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from saring.lexicon.npz import open_artefact, pack_words, unpack_words
from saring.messages import msg

ARTEFACT = "spin_context.npz"
MIN_SD = 0.5  # a word's spread of scores is at least this, so a handful of training occurrences cannot
# make a small deviation look extreme


@dataclass(frozen=True, slots=True)
class ContextModel:
    words: list[str]
    in_vecs: np.ndarray  # float32 [vocab, dim]: a word as context
    out_vecs: np.ndarray  # float32 [vocab, dim]: a word as the one predicted
    mean: np.ndarray  # float32 per word: its usual score in the training corpus
    sd: np.ndarray  # float32 per word: spread of that score (>= MIN_SD)
    radii: tuple[int, ...]  # nested context windows (tokens either side)
    index: dict[str, int] = field(default_factory=dict)

    @classmethod
    def create(
        cls, words: list[str], in_vecs: np.ndarray, out_vecs: np.ndarray, mean: np.ndarray, sd: np.ndarray,
        radii: tuple[int, ...],
    ) -> ContextModel:  # fmt: skip
        return cls(words, in_vecs, out_vecs, mean, sd, radii, {w: i for i, w in enumerate(words)})

    @property
    def window(self) -> int:
        """Tokens either side that the score reads at all."""
        return max(self.radii)

    def ids(self, norms: Sequence[str]) -> np.ndarray:
        """Model ids of token norms (-1 where unknown)."""
        get = self.index.get
        return np.fromiter((get(n, -1) for n in norms), dtype=np.int64, count=len(norms))

    def scores(self, ids: np.ndarray, positions: np.ndarray) -> np.ndarray:
        """`s(w, ctx)` for the tokens at `positions` (NaN where the word or its whole window is unknown)."""
        known = ids >= 0
        vecs = self.in_vecs[np.maximum(ids, 0)]  # float32: a window sum of <= 17 vectors needs no more
        vecs[~known] = 0.0
        total = np.zeros((len(ids) + 1, vecs.shape[1]), dtype=np.float32)
        np.cumsum(vecs, axis=0, out=total[1:])
        n_known = np.concatenate(([0], np.cumsum(known)))
        w = ids[positions]
        ctx = -len(self.radii) * vecs[positions]  # the word itself is not its context
        n = np.full(len(positions), -len(self.radii) * (w >= 0), dtype=np.int64)
        for radius in self.radii:
            lo = np.maximum(positions - radius, 0)
            hi = np.minimum(positions + radius + 1, len(ids))
            ctx += total[hi]
            ctx -= total[lo]
            n += n_known[hi] - n_known[lo]
        dot = np.einsum("ij,ij->i", self.out_vecs[np.maximum(w, 0)], ctx) / np.maximum(n, 1)
        return np.where((w >= 0) & (n > 0), dot, np.nan)

    def unfit(self, ids: np.ndarray, positions: np.ndarray) -> np.ndarray:
        """How many of its own standard deviations below its usual score each word sits (NaN: unknown)."""
        s = self.scores(ids, positions)
        w = np.maximum(ids[positions], 0)
        out: np.ndarray = (self.mean[w] - s) / self.sd[w]
        return out


def train(
    articles: Iterable[list[str]], dim: int, window: int, min_count: int, epochs: int, seed: int
) -> Any:
    """A gensim CBOW model with negative sampling (build time only; gensim is not a runtime need).

    One worker thread and a hash that does not change per process (gensim seeds each word's initial
    vector with `hash(word)`): two threads gave models whose benchmark rows moved by 2-3 points
    from build to build."""
    from saring.errors import require

    gensim_models: Any = require("gensim.models", "build")
    corpus = list(articles)
    return gensim_models.Word2Vec(
        corpus, vector_size=dim, window=window, min_count=min_count, sg=0, cbow_mean=1, negative=5,
        sample=1e-4, epochs=epochs, workers=1, seed=seed, max_vocab_size=None, hashfxn=_stable_hash,
    )  # fmt: skip


def _stable_hash(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def from_gensim(
    model: Any, articles: Iterable[list[str]], max_words: int, radii: tuple[int, ...]
) -> ContextModel:
    """Keep the `max_words` most frequent words and measure each one's usual score over `articles`."""
    words = list(model.wv.index_to_key[:max_words])
    rows = np.arange(len(words))
    base = ContextModel.create(
        words,
        model.wv.vectors[rows].astype(np.float16).astype(np.float32),
        model.syn1neg[rows].astype(np.float16).astype(np.float32),
        np.zeros(len(words), np.float32),
        np.ones(len(words), np.float32),
        radii,
    )
    total, square, count = np.zeros(len(words)), np.zeros(len(words)), np.zeros(len(words))
    for norms in articles:
        ids = base.ids(norms)
        pos = np.flatnonzero(ids >= 0)
        s = base.scores(ids, pos)
        ok = ~np.isnan(s)
        np.add.at(total, ids[pos[ok]], s[ok])
        np.add.at(square, ids[pos[ok]], s[ok] ** 2)
        np.add.at(count, ids[pos[ok]], 1.0)
    mean = total / np.maximum(count, 1)
    sd = np.sqrt(np.maximum(square / np.maximum(count, 1) - mean**2, 0.0))
    return ContextModel.create(
        words, base.in_vecs, base.out_vecs, mean.astype(np.float32),
        np.maximum(sd, MIN_SD).astype(np.float32), radii,
    )  # fmt: skip


def save_context(model: ContextModel, path: Path) -> None:
    np.savez_compressed(
        path,
        words=pack_words(model.words),
        in_vecs=model.in_vecs.astype(np.float16),
        out_vecs=model.out_vecs.astype(np.float16),
        mean=model.mean.astype(np.float16),
        sd=model.sd.astype(np.float16),
        radii=np.asarray(model.radii, dtype=np.int64),
    )


def read_context(path: Path) -> ContextModel:
    with open_artefact(path, msg("errors.label.spin_context")) as z:
        return ContextModel.create(
            unpack_words(z["words"]),
            z["in_vecs"].astype(np.float32),
            z["out_vecs"].astype(np.float32),
            z["mean"].astype(np.float32),
            z["sd"].astype(np.float32),
            tuple(int(r) for r in z["radii"]),
        )


@lru_cache(maxsize=1)
def load_context() -> ContextModel:
    """The shipped context model (loaded once per process)."""
    with resources.as_file(resources.files("saring.signals") / "data" / ARTEFACT) as path:
        return read_context(path)
