"""Clickbait-class F1 on CLICK-ID: random 5-fold and leave-one-publisher-out, plus the label ceiling.

    python benchmarks/clickbait_eval.py [--data PATH] [--baseline]

Uses the training code of `saring.signals.train_clickbait` (same features, same fit) on held-out
folds; nothing is tuned on the test folds. F1 is pooled over all out-of-fold predictions, at 0.5 and
at the shipped threshold (which was picked on the leave-publisher-out predictions, so that column is
slightly optimistic). Also prints F1 on the all-agree subset, per held-out publisher, the effect of
the hand-set patterns (capitals, '***', 'LIHAT ... DI BAWAH'), and how well the three annotators agree
with each other (the ceiling for any model of the majority label). `--baseline` adds the issue's
TF-IDF word+char n-gram logistic regression for comparison.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import sys
from pathlib import Path

import numpy as np

from saring.article import Article
from saring.signals import clickbait
from saring.signals import train_clickbait as tc


def pattern_counts(titles: list[str]) -> np.ndarray:
    """How many hand-set patterns fire on each headline (each adds `PATTERN_LOGIT`)."""
    arts = (Article(id="e", raw_text="", title=t) for t in titles)
    return np.array([len(clickbait.pattern_evidence(a)) for a in arts])


def with_patterns(probs: np.ndarray, counts: np.ndarray) -> np.ndarray:
    p = np.clip(probs, 1e-12, 1 - 1e-12)
    logits = np.log(p / (1 - p)) + clickbait.PATTERN_LOGIT * counts
    return 1.0 / (1.0 + np.exp(-logits))


def baseline(heads: tc.Headlines, folds: tc.Folds) -> np.ndarray:
    """The issue's reference: TF-IDF word 1-2 + char_wb 2-5 n-grams, logistic regression, defaults."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    probs = np.zeros(len(heads.labels))
    titles = np.array(heads.titles, dtype=object)
    for train, test in folds:
        vecs = [TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2),
                TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)]
        x_train = hstack([v.fit_transform(titles[train]) for v in vecs]).tocsr()
        x_test = hstack([v.transform(titles[test]) for v in vecs]).tocsr()
        lr = LogisticRegression(max_iter=2000).fit(x_train, heads.labels[train])
        probs[test] = lr.predict_proba(x_test)[:, 1]
    return probs


def show(name: str, heads: tc.Headlines, probs: np.ndarray, threshold: float) -> None:
    y, agree = heads.labels, heads.all_agree
    at_half, at_threshold = tc.f1(y, probs, 0.5), tc.f1(y, probs, threshold)
    print(f"{name:<34} F1@0.50 {at_half:.3f}  F1@{threshold:.2f} {at_threshold:.3f}"
          f"  all-agree subset F1@0.50 {tc.f1(y[agree], probs[agree], 0.5):.3f}")


def per_publisher(heads: tc.Headlines, probs: np.ndarray) -> None:
    cells = []
    for pub in sorted(set(heads.publishers.tolist())):
        rows = heads.publishers == pub
        cells.append(f"{pub} {tc.f1(heads.labels[rows], probs[rows], 0.5):.2f}")
    print("  per held-out publisher F1@0.50: " + ", ".join(cells))


def annotator_agreement(data: Path) -> None:
    with data.open(encoding="utf-8", newline="") as fh:
        votes = np.array([[r[f"annotator{i}"] == "clickbait" for i in (1, 2, 3)] for r in csv.DictReader(fh)])
    for i, j in itertools.combinations(range(3), 2):
        a, b = votes[:, i], votes[:, j]
        f1 = 2 * (a & b).sum() / (a.sum() + b.sum())
        p_obs = (a == b).mean()
        p_exp = a.mean() * b.mean() + (1 - a.mean()) * (1 - b.mean())
        kappa = (p_obs - p_exp) / (1 - p_exp)
        print(f"  annotator {i + 1} vs {j + 1}: clickbait F1 {f1:.3f}, Cohen's kappa {kappa:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=tc.DEFAULT_DATA)
    parser.add_argument("--baseline", action="store_true", help="also run the TF-IDF baseline")
    args = parser.parse_args()
    if not args.data.exists():
        print(f"skipped: needs {args.data} (../shared/data beside the project)", file=sys.stderr)
        return 0
    heads = tc.load_headlines(args.data)
    threshold = clickbait.load_model().threshold
    tf = tc.term_counts(heads.titles)
    counts = pattern_counts(heads.titles)
    fired = counts > 0
    print(f"{len(heads.titles)} headlines, {int(heads.labels.sum())} clickbait; threshold {threshold:.2f}")
    print(f"hand-set patterns fire on {int(fired.sum())} headlines, "
          f"{int(heads.labels[fired].sum())} of them labelled clickbait")
    splits = {
        "random 5-fold": tc.random_folds(heads.labels),
        "leave-one-publisher-out": tc.publisher_folds(heads.publishers),
    }
    for split, folds in splits.items():
        probs = tc.out_of_fold(tf, heads, folds)
        show(f"{split}, model", heads, probs, threshold)
        show(f"{split}, model + patterns", heads, with_patterns(probs, counts), threshold)
        if split.startswith("leave"):
            per_publisher(heads, probs)
        if args.baseline:
            show(f"{split}, TF-IDF baseline", heads, baseline(heads, folds), threshold)
    print("annotator agreement (pairwise, on all 15,000):")
    annotator_agreement(args.data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
