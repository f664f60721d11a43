"""Sharding: every record in exactly one shard, with the line numbers and messages of a whole-file read.

Shards concatenated give the input order, except that a gzipped file spread over k shards is dealt out by
record ordinal (record i to the i mod k-th of them).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from saring.article import Rejected
from saring.batch.plan import auto_shards, list_inputs, make_plan
from saring.batch.runner import read_split
from saring.ingest import read_inputs
from saring.settings import IngestOptions
from tests.batch.batch_corpus import write_jsonl, write_mixed_dir

OPTIONS = IngestOptions()


def _key(item: object) -> tuple[object, ...]:
    if isinstance(item, Rejected):
        return ("rejected", item.source, item.code, item.reason)
    return ("article", item.source, item.id, item.raw_text)  # type: ignore[attr-defined]


def _plan(tmp_path: Path, inputs: list[str], n: int):  # type: ignore[no-untyped-def]
    return make_plan(
        list_inputs(inputs, OPTIONS), n, out=str(tmp_path / "out"), format_out="jsonl", options=OPTIONS
    )


@pytest.mark.parametrize("n_shards", [1, 2, 3, 7, 40])
def test_plan_covers_every_record_once_in_order(tmp_path: Path, n_shards: int) -> None:
    root = write_mixed_dir(tmp_path / "in")
    plan = _plan(tmp_path, [str(root)], n_shards)
    sharded = [_key(x) for shard in plan.shards for split in shard for x in read_split(split, OPTIONS)]
    whole = [_key(x) for x in read_inputs([str(root)], OPTIONS)]
    assert Counter(sharded) == Counter(whole) and len(set(whole)) == len(whole)
    if all(s.stripes == 1 for shard in plan.shards for s in shard):
        assert sharded == whole
    assert 1 <= plan.n_shards <= n_shards


@pytest.mark.parametrize("n_shards", [40])
def test_plan_splits_one_big_file_by_lines_and_gzip_by_stripes(tmp_path: Path, n_shards: int) -> None:
    root = write_mixed_dir(tmp_path / "in")
    plan = _plan(tmp_path, [str(root)], n_shards)
    splits = [s for shard in plan.shards for s in shard]
    plain = [s for s in splits if s.path.endswith("a_plain.jsonl")]
    packed = [s for s in splits if s.path.endswith(".gz")]
    assert len(plain) > 1 and all(s.end is not None for s in plain)
    assert [s.first_line for s in plain][0] == 1 and sum(s.records or 0 for s in plain) == 120
    assert len({s.stripes for s in packed}) == 1 and [s.stripe for s in packed] == list(range(len(packed)))
    assert len([s for s in splits if s.path.endswith((".csv", ".txt"))]) == 2  # atomic files stay whole


@pytest.mark.parametrize("n_shards", [5])
def test_plan_is_deterministic_and_ignores_nothing_but_out(tmp_path: Path, n_shards: int) -> None:
    path = write_jsonl(tmp_path / "x.jsonl", 50)
    first = _plan(tmp_path, [str(path)], n_shards).to_json()
    assert _plan(tmp_path / "elsewhere", [str(path)], n_shards).to_json() == first
    assert _plan(tmp_path, [str(path)], n_shards + 1).to_json() != first


@pytest.mark.parametrize(("size", "expected"), [(0, 1), (4 << 20, 1), ((4 << 20) + 1, 2), (49_437_316, 12)])
def test_auto_shards_from_input_size(tmp_path: Path, size: int, expected: int) -> None:
    from saring.batch.plan import InputFile

    assert auto_shards([InputFile("x", size, 0, "jsonl", False)]) == expected
