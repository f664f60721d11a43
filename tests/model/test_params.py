"""The artefact: safe formats only, small, and a save/load round trip predicts identically."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from saring.model import HoaxModel, load_default_model
from saring.model.params import POPULATION_STEMS, load, save

ARTEFACTS = Path(__file__).resolve().parents[2] / "saring" / "model" / "data"


def test_params_artefact_is_small_npz_and_json() -> None:
    files = sorted(p.name for p in ARTEFACTS.iterdir() if not p.name.startswith("."))
    assert files == sorted(f"{stem}.{ext}" for stem in POPULATION_STEMS.values() for ext in ("json", "npz"))
    assert sum(p.stat().st_size for p in ARTEFACTS.iterdir()) <= 20 * 1024 * 1024
    for stem in POPULATION_STEMS.values():
        with np.load(ARTEFACTS / f"{stem}.npz", allow_pickle=False) as arrays:
            assert all(arrays[k].dtype != object for k in arrays.files)
        meta = json.loads((ARTEFACTS / f"{stem}.json").read_text(encoding="utf-8"))
        assert meta["signals"] and all(s["version"] for s in meta["signals"])


def test_params_round_trip(tmp_path: Path) -> None:
    model = load_default_model()
    npz, meta = save(model.params, tmp_path)
    again = HoaxModel(load(npz.read_bytes(), meta.read_text(encoding="utf-8")))
    text = "VIRAL!!! Sebarkan sebelum dihapus: pemerintah akan menutup Facebook besok pagi."
    assert again.name == model.name
    assert again.probability(text, []) == model.probability(text, [])


@pytest.mark.parametrize("population", sorted(POPULATION_STEMS))
def test_params_model_was_trained_with_the_registered_signals(population: str) -> None:
    """A signal added or re-versioned after training means the shipped model is stale: run `saring train`."""
    from saring.signals import SIGNALS

    params = load_default_model(population).params
    assert params.signal_versions == {name: spec.version for name, spec in SIGNALS.items()}, (
        "the shipped hoax model is stale; retrain with `saring train` and re-run `saring evaluate`"
    )
