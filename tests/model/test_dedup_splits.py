"""Near-duplicate clusters and the splits built on them: a story never straddles train and test."""

from __future__ import annotations

import numpy as np
import pytest

from saring.model.datasets import Example
from saring.model.dedup import cluster_ids
from saring.model.splits import grouped_kfold, leave_group_out, without_clusters

STORY = (
    "Dalam sesuap daging ikan lele terkandung tiga ribu sel kanker, begitu kabar yang beredar "
    "di media sosial dan dibagikan ribuan kali oleh warganet sejak pekan lalu tanpa sumber yang jelas."
)


def _ex(i: int, text: str, label: int = 0) -> Example:
    return Example(id=str(i), dataset="t", title="", text=text, label=label)


def test_dedup_groups_near_duplicates_across_labels() -> None:
    copy = STORY.replace("pekan lalu", "minggu lalu")
    other = (
        "Presiden meresmikan jembatan baru di Kalimantan Timur pada Senin pagi bersama gubernur dan warga."
    )
    ids = cluster_ids([_ex(0, STORY, 1), _ex(1, copy, 0), _ex(2, other)])
    assert ids[0] == ids[1] != ids[2]


@pytest.mark.parametrize("seed", [0, 1])
def test_splits_grouped_kfold_never_splits_a_cluster(seed: int) -> None:
    rng = np.random.default_rng(seed)
    groups = rng.integers(0, 30, 200)
    y = rng.integers(0, 2, 200)
    for train, test in grouped_kfold(y, groups, 5, seed):
        assert not set(groups[train]) & set(groups[test])


def test_splits_leave_group_out_drops_shared_clusters() -> None:
    keys = np.array(["a", "a", "b", "b"])
    groups = np.array([0, 1, 1, 2])  # cluster 1 spans topics a and b
    folds = leave_group_out(keys, groups)
    assert [list(tr) for tr, _ in folds] == [[3], [0]]
    assert list(without_clusters(np.array([0, 1, 2]), groups, np.array([3]))) == [0, 1, 2]
