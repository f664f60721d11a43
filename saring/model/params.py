"""The trained model as plain arrays + metadata, and its safe on-disk form (.npz + .json, no pickle).

Only buckets with a non-zero idf are stored (the rest can never fire), which keeps the file small.
Format 2 adds the common-word list of the text distortion (`distort.py`) to the JSON.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from saring.model.features import FeatureSpec

MODEL_NAME = "saring-hoax-lr"
FORMAT_VERSION = 2
ARTEFACT_STEM = "hoax_model"  # the report-population model; one stem per population below
POPULATION_STEMS = {"report": ARTEFACT_STEM, "post": "hoax_model_post"}


@dataclass(slots=True)
class ModelParams:
    """Everything inference needs. `coef` covers the n-gram buckets; `signal_coef` the signal columns."""

    spec: FeatureSpec
    idf: np.ndarray  # dense, n_hash (0 = bucket unused)
    coef: np.ndarray  # dense, n_hash
    intercept: float
    signals: list[str]
    signal_versions: dict[str, str]
    signal_coef: np.ndarray
    signal_mean: np.ndarray
    platt: tuple[float, float]
    threshold: float
    uncertain_band: float = 0.15
    metadata: dict[str, Any] = field(default_factory=dict)
    keep_words: frozenset[str] = frozenset()  # words `distort` keeps; empty = no distortion (format 1)

    @property
    def version(self) -> str:
        digest = hashlib.sha256(
            self.coef.astype(np.float32).tobytes() + self.signal_coef.astype(np.float32).tobytes()
        )
        return f"{FORMAT_VERSION}.{digest.hexdigest()[:8]}"

    @property
    def model_id(self) -> str:
        return f"{MODEL_NAME}@{self.version}"


def save(params: ModelParams, directory: Path, stem: str = ARTEFACT_STEM) -> tuple[Path, Path]:
    """Write <stem>.npz and <stem>.json atomically; return their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    used = np.flatnonzero(params.idf > 0)
    npz, meta = directory / f"{stem}.npz", directory / f"{stem}.json"
    tmp = directory / f".{stem}.tmp.npz"
    np.savez_compressed(
        tmp,
        buckets=used.astype(np.int32),
        idf=params.idf[used].astype(np.float32),
        coef=params.coef[used].astype(np.float32),
        signal_coef=params.signal_coef.astype(np.float64),
        signal_mean=params.signal_mean.astype(np.float64),
    )
    os.replace(tmp, npz)
    document = {
        "model": params.model_id,
        "format": FORMAT_VERSION,
        "spec": asdict(params.spec),
        "intercept": params.intercept,
        "signals": [{"name": n, "version": params.signal_versions.get(n, "")} for n in params.signals],
        "platt": list(params.platt),
        "threshold": params.threshold,
        "uncertain_band": params.uncertain_band,
        "metadata": params.metadata,
        "keep_words": sorted(params.keep_words),
    }
    tmp_json = meta.with_suffix(".tmp")
    tmp_json.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp_json, meta)
    return npz, meta


def load(npz_bytes: bytes | Path, meta_text: str) -> ModelParams:
    import io

    doc = json.loads(meta_text)
    spec = FeatureSpec(**doc["spec"])
    source = io.BytesIO(npz_bytes) if isinstance(npz_bytes, bytes) else npz_bytes
    with np.load(source, allow_pickle=False) as arrays:
        idf, coef = np.zeros(spec.n_hash), np.zeros(spec.n_hash)
        idf[arrays["buckets"]] = arrays["idf"]
        coef[arrays["buckets"]] = arrays["coef"]
        signal_coef, signal_mean = arrays["signal_coef"], arrays["signal_mean"]
    return ModelParams(
        spec=spec,
        idf=idf,
        coef=coef,
        intercept=float(doc["intercept"]),
        signals=[s["name"] for s in doc["signals"]],
        signal_versions={s["name"]: s["version"] for s in doc["signals"]},
        signal_coef=signal_coef,
        signal_mean=signal_mean,
        platt=(doc["platt"][0], doc["platt"][1]),
        threshold=float(doc["threshold"]),
        uncertain_band=float(doc["uncertain_band"]),
        metadata=doc["metadata"],
        keep_words=frozenset(doc.get("keep_words", ())),
    )
