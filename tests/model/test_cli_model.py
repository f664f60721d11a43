"""`saring train` end to end: retraining is one command and writes a loadable artefact."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from saring.cli import main
from saring.model import HoaxModel
from saring.model.params import load
from saring.signals import SIGNALS


def test_cli_train_writes_a_loadable_model(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["train", "--population", "report", "--data", str(data_dir), "--out", str(tmp_path)]) == 0
    assert not (tmp_path / "hoax_model_post.json").exists()  # only the population asked for
    meta = json.loads((tmp_path / "hoax_model.json").read_text())
    assert {s["name"]: s["version"] for s in meta["signals"]} == {n: s.version for n, s in SIGNALS.items()}
    assert meta["metadata"]["datasets"]["rahutomo"]["n"] == 600
    model = HoaxModel(
        load((tmp_path / "hoax_model.npz").read_bytes(), (tmp_path / "hoax_model.json").read_text())
    )
    assert model.name in capsys.readouterr().out
    assert 0.0 < model.probability("Presiden meresmikan jembatan baru, kata juru bicara istana.", []) < 1.0


@pytest.mark.parametrize("argv", [["train", "--datasets", "nope"], ["train", "--data", "/nonexistent"]])
def test_cli_train_rejects_bad_arguments(argv: list[str]) -> None:
    assert main(argv) == 1
