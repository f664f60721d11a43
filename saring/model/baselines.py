"""The two published-style baselines, run on exactly the same splits and masked texts as the model.

- multinomial Naive Bayes on word counts, as in Pratiwi, Asmara & Rahutomo (2017);
- TF-IDF word unigrams + character 2-5-grams with logistic regression (the issue's reference numbers:
  macro-F1 0.733 random / 0.598 leave-topic-out on unmasked Rahutomo 600).
"""

from __future__ import annotations

from typing import Any

import numpy as np


def naive_bayes() -> Any:
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.naive_bayes import MultinomialNB
    from sklearn.pipeline import make_pipeline

    return make_pipeline(CountVectorizer(), MultinomialNB())


def tfidf_lr() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    words = TfidfVectorizer(sublinear_tf=True, min_df=2)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)
    lr = LogisticRegression(
        C=10, solver="liblinear", dual=True, max_iter=5000, random_state=0
    )  # fast, same loss
    return make_pipeline(make_union(words, chars), lr)


BASELINES = {"naive_bayes": naive_bayes, "tfidf_lr": tfidf_lr}


def baseline_proba(name: str, train_texts: list[str], y: np.ndarray, test_texts: list[str]) -> np.ndarray:
    model = BASELINES[name]()
    model.fit(train_texts, y)
    return np.asarray(model.predict_proba(test_texts)[:, 1])
