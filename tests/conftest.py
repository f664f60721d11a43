"""Shared fixtures (all fixtures live here, STYLE.md lesson 11)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
SEEDS = SHARED / "seeds"
RESOURCES = Path(__file__).resolve().parent / "resources"
SEED_000 = SEEDS / "000_c39cde28485d60bd.txt"
SEED_002 = SEEDS / "002_9d3e60e86370aa20.txt"


def need(path: Path) -> Path:
    """Skip with a clear message when shared data is absent (it is never committed)."""
    if not path.exists():
        pytest.skip(f"needs {path} (../shared beside the project); not present here")
    return path


@pytest.fixture
def seed_000() -> Path:
    return need(SEED_000)


@pytest.fixture
def seed_002() -> Path:
    return need(SEED_002)


@pytest.fixture
def data_dir() -> Path:
    return need(DATA)
