"""Reading and writing the lexicon's .npz artefacts (no pickle: word lists are stored as UTF-8 bytes)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from saring.errors import SaringError
from saring.messages import Msg, msg

REBUILD = "python -m saring.signals.build_spin"


def pack_words(words: list[str]) -> np.ndarray:
    return np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8)


def unpack_words(packed: np.ndarray) -> list[str]:
    text = packed.tobytes().decode("utf-8")
    return text.split("\n") if text else []


@contextmanager
def open_artefact(path: Path, what: str | Msg) -> Iterator[Any]:
    """`np.load` without pickle; a missing, truncated or mismatched file is a coded error.

    `what` names the artefact in the message (an `errors.label.*` message)."""
    try:
        with np.load(path, allow_pickle=False) as data:
            yield data
    except (OSError, KeyError, ValueError) as exc:
        detail = msg("errors.detail.artefact_unreadable", what=what, path=str(path), reason=str(exc),
                     command=REBUILD)
        raise SaringError("model_missing", detail) from exc
