"""Train/test splits that keep near-duplicates together: grouped k-fold, leave-topic-out, by time.

A split is a list of (train indices, test indices) into one example list. Every split here is
grouped by near-duplicate cluster (`dedup.cluster_ids`), so a story never straddles train and test.
"""

from __future__ import annotations

import numpy as np

Split = list[tuple[np.ndarray, np.ndarray]]


def grouped_kfold(y: np.ndarray, groups: np.ndarray, k: int = 5, seed: int = 0) -> Split:
    """Stratified k-fold in which a near-duplicate cluster never straddles train and test."""
    from sklearn.model_selection import StratifiedGroupKFold

    folds = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=seed)
    return [(tr, te) for tr, te in folds.split(np.zeros(len(y)), y, groups)]


def leave_group_out(keys: np.ndarray, groups: np.ndarray) -> Split:
    """One fold per key (topic); train drops any example whose cluster reaches into the test key."""
    out = []
    for key in sorted(set(keys.tolist())):
        test = np.flatnonzero(keys == key)
        out.append((without_clusters(np.flatnonzero(keys != key), groups, test), test))
    return out


def by_date(dates: np.ndarray, groups: np.ndarray, cutoff: str) -> Split:
    """Train on items dated before `cutoff` (ISO), test on the rest."""
    test = np.flatnonzero(dates >= cutoff)
    return [(without_clusters(np.flatnonzero(dates < cutoff), groups, test), test)]


def without_clusters(train: np.ndarray, groups: np.ndarray, test: np.ndarray) -> np.ndarray:
    """`train` minus the examples that share a near-duplicate cluster with any test example."""
    return train[~np.isin(groups[train], groups[test])]
