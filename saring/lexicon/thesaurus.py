"""The shipped synonym graph derived from mythes-id, loaded once per process.

`data/thesaurus_id.npz` holds, for every single-word entry of mythes-id (lower-cased): its undirected
synonym links (headword <-> synonym, antonyms dropped, multi-word entries dropped because they are not
one token), its count in the 2019 news corpus, and its canonical word (see `canonical.py`).
The graph is symmetric on purpose: a spinner using another thesaurus may swap in either direction
("udara" -> "hawa" although mythes-id lists "hawa" only under "udara").
Derived from mythes-id (LGPL-2.1); see `data/LICENSE.mythes-id`.
Rebuild: `python -m saring.signals.build_spin`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from saring.lexicon.mythes import Sense
from saring.lexicon.npz import open_artefact, pack_words, unpack_words
from saring.messages import msg

ARTEFACT = "thesaurus_id.npz"


@dataclass(frozen=True, slots=True)
class Thesaurus:
    """Words, CSR synonym lists (`indptr`, `indices` into `words`), corpus counts, canonical ids."""

    words: list[str]
    indptr: np.ndarray
    indices: np.ndarray
    freq: np.ndarray
    canon: np.ndarray
    index: Mapping[str, int]

    def synonyms(self, word: str) -> list[str]:
        i = self.index.get(word.casefold())
        if i is None:
            return []
        return [self.words[j] for j in self.indices[self.indptr[i] : self.indptr[i + 1]]]

    def canonical(self, word: str) -> str:
        """The head of `word`'s synonym group, or the word itself when it has none."""
        i = self.index.get(word)
        return word if i is None else self.words[self.canon[i]]


def synonym_edges(entries: Mapping[str, list[Sense]]) -> set[tuple[str, str]]:
    """Undirected single-word links headword <-> synonym, antonym senses excluded."""
    edges: set[tuple[str, str]] = set()
    for head, senses in entries.items():
        h = head.casefold()
        if " " in h:
            continue
        for sense in senses:
            if sense.is_antonym:
                continue
            for w in (s.casefold() for s in sense.words):
                if " " not in w and w != h:
                    edges.add((h, w) if h < w else (w, h))
    return edges


def build_thesaurus(edges: Iterable[tuple[str, str]], counts: Mapping[str, int]) -> Thesaurus:
    """Build the graph and pick canonical words by corpus frequency (`canonical.hill_climb`)."""
    from saring.lexicon.canonical import hill_climb

    pairs = sorted(set(edges))
    words = sorted({w for pair in pairs for w in pair})
    index = {w: i for i, w in enumerate(words)}
    a = np.array([index[x] for x, _ in pairs] + [index[y] for _, y in pairs], dtype=np.int32)
    b = np.array([index[y] for _, y in pairs] + [index[x] for x, _ in pairs], dtype=np.int32)
    order = np.lexsort((b, a))
    indptr = np.zeros(len(words) + 1, dtype=np.int32)
    np.cumsum(np.bincount(a, minlength=len(words)), out=indptr[1:])
    freq = np.array([counts.get(w, 0) for w in words], dtype=np.int64)
    canon = hill_climb(indptr, b[order], freq, words)
    return Thesaurus(words, indptr, b[order], freq, canon, index)


def graph_arrays(thesaurus: Thesaurus, prefix: str = "") -> dict[str, np.ndarray]:
    """The arrays that store a graph (keys prefixed, so another artefact can embed one)."""
    return {
        f"{prefix}words": pack_words(thesaurus.words),
        f"{prefix}indptr": thesaurus.indptr,
        f"{prefix}indices": thesaurus.indices,
        f"{prefix}freq": thesaurus.freq.astype(np.uint32),
        f"{prefix}canon": thesaurus.canon.astype(np.int32),
    }


def graph_from_arrays(z: Mapping[str, np.ndarray], prefix: str = "") -> Thesaurus:
    words = unpack_words(z[f"{prefix}words"])
    index = {w: i for i, w in enumerate(words)}
    freq = z[f"{prefix}freq"].astype(np.int64)
    return Thesaurus(words, z[f"{prefix}indptr"], z[f"{prefix}indices"], freq, z[f"{prefix}canon"], index)


def save_thesaurus(thesaurus: Thesaurus, path: Path) -> None:
    arrays: dict[str, Any] = graph_arrays(thesaurus)  # Any: numpy's stub types **kwds like allow_pickle
    np.savez_compressed(path, **arrays)


def read_thesaurus(path: Path) -> Thesaurus:
    with open_artefact(path, msg("errors.label.thesaurus")) as z:
        return graph_from_arrays(z)


@lru_cache(maxsize=1)
def load_thesaurus() -> Thesaurus:
    """The shipped thesaurus (loaded once per process)."""
    with resources.as_file(resources.files("saring.lexicon") / "data" / ARTEFACT) as path:
        return read_thesaurus(path)
