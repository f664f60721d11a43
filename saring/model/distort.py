"""Text distortion: keep the commonest words of ordinary news, mask every other word.

In Rahutomo both labels of a topic are articles about the same rumour, so on a topic the model has not
seen only *how* an article is written carries over, not *what* it is about. Every word outside the K
most common words of ordinary 2019 news becomes "*" (numbers "#"), so n-grams turn into patterns of
function words and common verbs ("* yang *", "kata * kepada") instead of story words (text distortion,
as in Stamatatos 2017 for cross-topic authorship). On Rahutomo, at the same C = 3, it raised leave-topic-out
ROC-AUC from 0.674 to 0.693 and macro-F1 from 0.618 to 0.646, random 5-fold macro-F1 from 0.741 to 0.754
(the former shipped recipe, C = 10 without masking: 0.658, 0.554, 0.725; docs/model.md).

The word list comes from unlabelled articles of the background publishers only (never Kompas/Tempo,
never a labelled set), so it cannot carry labels; it is stored in the model JSON.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from saring.model.datasets import NEWS_BACKGROUND, news_bodies
from saring.model.text import tokens

MASK = "*"
NUMBER = "#"  # digits are already folded to 0 by `tokens`; a masked number keeps its kind


def common_words(data_dir: Path, k: int) -> list[str]:
    """The `k` words found in the most background news articles (ties: alphabetical, so runs agree)."""
    df: Counter[str] = Counter()
    for body in news_bodies(data_dir, NEWS_BACKGROUND):
        df.update(set(tokens(body)))
    return sorted(df, key=lambda w: (-df[w], w))[:k]


def distort(words: list[str], keep: frozenset[str]) -> list[str]:
    """`words` with every word outside `keep` replaced by MASK (NUMBER if it starts with a digit)."""
    return [w if w in keep else NUMBER if w[0].isdigit() else MASK for w in words]
