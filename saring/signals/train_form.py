"""Rebuild the form model: ``python -m saring.signals.train_form [--data DIR] [--check]``.

Posts: TurnBackHoax 2015-2021 narratives and BDC 2015-2020 claims (text only: their titles are the
fact-checkers' summaries). Reports: the 600 Rahutomo articles and 150 bodies per 2019 outlet other
than Kompas/Tempo. Class-balanced L2 logistic regression on `form.features`. Before writing
`data/form.json` it prints how the recipe does where it was not trained:
- leave-one-outlet-out: each 2019 outlet (and a matching share of posts) held out in turn;
- out of time and outlet: trained on the above (all pre-2022), tested on the 2024 rumours against
  Kompas/Tempo 2019 articles (never trained on).
`--check` prints without writing. Deterministic: same data, same weights.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import numpy as np

from saring.model.datasets import (
    NEWS_BACKGROUND,
    Example,
    load_bdc,
    load_news2019,
    load_news_held_out,
    load_rahutomo,
    load_tbh2024,
    load_turnbackhoax,
)
from saring.model.metrics import roc_auc
from saring.model.signal_inputs import to_article
from saring.signals.form import FEATURES, MODEL_JSON, THRESHOLD, VERSION, all_cues, features
from saring.signals.form_cues import word_count

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
NEWS_PER_OUTLET = 150
C = 1.0  # 0.1-10 gave the same leave-outlet-out numbers within 0.005 (docs/signals.md)


REPORT_CUES = ("dateline", "outlet", "attributed")  # may only lower P(post); every other cue only raise it


def matrix(examples: list[Example], cut_to: np.ndarray | None = None) -> np.ndarray:
    """Feature rows, computed on cleaned bodies exactly as `form.detect` does (titles dropped); with
    `cut_to`, each body is first cut to that many words (a pasted paragraph of a report)."""
    rows = []
    for i, e in enumerate(examples):
        text = e.text if cut_to is None else _first_words(e.text, int(cut_to[i]))
        article = to_article(Example(e.id, e.dataset, "", text, e.label, e.topic, e.date))
        values = features(all_cues(article), word_count(article.text))
        rows.append([values[k] for k in FEATURES])
    return np.array(rows, dtype=np.float64)


def _first_words(text: str, n: int) -> str:
    parts = text.split()
    return " ".join(parts[:n])


def fit(x: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    """Class-balanced LR; a cue whose weight comes out against its designed direction is dropped and the
    fit repeated (as `saring.model.train` does with signals): a scrape artefact must not make "names an
    outlet" evidence of a post."""
    from sklearn.linear_model import LogisticRegression

    sign = np.array([-1.0 if k in REPORT_CUES else 0.0 if k == "log_words" else 1.0 for k in FEATURES])
    used = np.ones(len(FEATURES), dtype=bool)
    while True:
        lr = LogisticRegression(C=C, class_weight="balanced", max_iter=2000).fit(x[:, used], y)
        coef = np.zeros(len(FEATURES))
        coef[used] = lr.coef_[0]
        wrong = coef * sign < 0
        if not wrong.any():
            return float(lr.intercept_[0]), coef
        used &= ~wrong


def proba(model: tuple[float, np.ndarray], x: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-(x @ model[1] + model[0]))))


def leave_outlet_out(
    posts: np.ndarray, reports: np.ndarray, outlets: np.ndarray, cut: np.ndarray
) -> list[str]:
    """Per held-out outlet: its whole articles and its cut copies called post, held-out posts called post."""
    lines, rng = [], np.random.default_rng(0)
    fold_of_post = rng.integers(0, len(NEWS_BACKGROUND), len(posts))
    for k, outlet in enumerate(NEWS_BACKGROUND):
        test_r, test_p = outlets == outlet, fold_of_post == k
        x = np.vstack([posts[~test_p], reports[~test_r]])
        y = np.r_[np.ones((~test_p).sum()), np.zeros((~test_r).sum())]
        model = fit(x, y)
        p_r, p_p = proba(model, reports[test_r]), proba(model, posts[test_p])
        p_whole = p_r[~cut[test_r]]
        auc = roc_auc(np.r_[np.ones(len(p_p)), np.zeros(len(p_whole))], np.r_[p_p, p_whole])
        lines.append(
            f"  {outlet:<11} called post: whole articles {np.mean(p_whole >= THRESHOLD):6.1%}, cut to a "
            f"post's length {np.mean(p_r[cut[test_r]] >= THRESHOLD):6.1%}; held-out posts "
            f"{np.mean(p_p >= THRESHOLD):6.1%}; AUC posts vs whole {auc:.3f}"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--check", action="store_true", help="print the evaluation, write nothing")
    args = parser.parse_args(argv)
    post_examples = [e for e in load_turnbackhoax(args.data) + load_bdc(args.data) if e.text]
    news = load_news2019(args.data, NEWS_BACKGROUND, NEWS_PER_OUTLET)
    report_examples = load_rahutomo(args.data) + news
    posts = matrix(post_examples)
    # Every report twice: whole, and cut to the length of a random post, so that length alone cannot
    # decide the form (a pasted news paragraph is still a report).
    lengths = np.expm1(posts[:, FEATURES.index("log_words")])
    cut = np.maximum(12, np.random.default_rng(0).choice(lengths, len(report_examples)))
    reports = np.vstack([matrix(report_examples), matrix(report_examples, cut)])
    outlets = np.array((["rahutomo"] * 600 + [e.topic for e in news]) * 2)
    is_cut = np.arange(len(reports)) >= len(report_examples)
    print(f"posts {len(posts)}, reports {len(reports)} (Rahutomo 600 + {len(news)} news)")
    print(
        "leave-one-outlet-out (2019 outlets):", *leave_outlet_out(posts, reports, outlets, is_cut), sep="\n"
    )
    model = fit(np.vstack([posts, reports]), np.r_[np.ones(len(posts)), np.zeros(len(reports))])
    later = load_tbh2024(args.data)
    p_later, p_news = proba(model, matrix(later)), proba(model, matrix(load_news_held_out(args.data)))
    auc = roc_auc(np.r_[np.ones(len(p_later)), np.zeros(len(p_news))], np.r_[p_later, p_news])
    print(
        f"2024 rumours (n={len(p_later)}) called post {np.mean(p_later >= THRESHOLD):.1%}; "
        f"Kompas/Tempo 2019 (n={len(p_news)}) called post {np.mean(p_news >= THRESHOLD):.1%}; AUC {auc:.3f}"
    )
    print("weights:", {k: round(float(w), 3) for k, w in zip(FEATURES, model[1], strict=True)})
    if not args.check:
        doc = {
            "version": VERSION,
            "about": "python -m saring.signals.train_form; inputs log(1 + count) per cue (form.FEATURES)",
            "intercept": round(model[0], 4),
            "weights": {k: round(float(w), 4) for k, w in zip(FEATURES, model[1], strict=True)},
            "trained_on": {"posts": len(posts), "reports": len(reports), "news_per_outlet": NEWS_PER_OUTLET},
        }
        tmp = MODEL_JSON.with_suffix(".tmp")
        tmp.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(tmp, MODEL_JSON)
        print(f"wrote {MODEL_JSON}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
