"""Scoring the attribution signal against the hand-labelled set `tests/resources/attribution_gold.jsonl`.

The gold file holds only article ids and labels (the texts stay in ../shared/data). The "dev" part
(58 articles) was labelled before the extractor was written and then used to develop it; the "test"
part (27 articles, a fresh sample) was labelled afterwards and scored once, as the held-out figure.
Each gold speaker
is a string of "|"-separated spellings ("FX Hadi Rudyatmo|Rudy"). A predicted speaker matches a gold
one when the word set of one contains the other's (so "Wapres Irak Ayad Allawi" and "Allawi" both
match "Ayad Allawi"); outlets match on `outlet_key` (equal, or one key a prefix of the other:
"Kompas" ~ "KompasTV"). Matching is one-to-one per article.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from saring.article import Article
from saring.signals.attribution_outlets import outlet_key

_ID = re.compile(r'\{"id":\s*"([^"]+)"')
CORPUS_FILES = ("clickid_raw_articles_2019/normalized.jsonl", "rahutomo2017/normalized.jsonl")


@dataclass(frozen=True, slots=True)
class GoldItem:
    id: str
    split: str  # "dev": labelled first and used while building the rules; "test": labelled later, held out
    speakers: list[str]
    outlets: list[str]


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def load_gold(path: Path) -> list[GoldItem]:
    with path.open(encoding="utf-8") as fh:
        return [GoldItem(**json.loads(line)) for line in fh if line.strip()]


def load_articles(ids: Iterable[str], data_dir: Path) -> dict[str, Article]:
    """Raw (uncleaned) articles for `ids` from the shared corpus files; `site` comes from the URL."""
    wanted = set(ids)
    found: dict[str, Article] = {}
    for name in CORPUS_FILES:
        path = data_dir / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                m = _ID.match(line)
                if m is None or m.group(1) not in wanted:
                    continue
                row = json.loads(line)
                if row["id"] in wanted:
                    found[row["id"]] = Article(
                        id=row["id"],
                        raw_text=row["text"],
                        title=row.get("title") or "",
                        url=row.get("url"),
                        site=_host(row.get("url")),
                    )
    return found


def _host(url: str | None) -> str | None:
    if not url or not str(url).startswith("http"):
        return None
    return (urlsplit(url).hostname or "").removeprefix("www.") or None


def _words(name: str) -> set[str]:
    return set(re.findall(r"\w+", name.casefold()))


def speaker_matches(predicted: str, gold: str) -> bool:
    pw = _words(predicted)
    return bool(pw) and any((gw := _words(alt)) and (gw <= pw or pw <= gw) for alt in gold.split("|"))


def outlet_matches(predicted: str, gold: str) -> bool:
    p = outlet_key(predicted)
    return any(_same_key(p, outlet_key(alt)) for alt in gold.split("|"))


def _same_key(p: str, g: str) -> bool:
    return bool(p and g) and (p == g or ((p.startswith(g) or g.startswith(p)) and min(len(p), len(g)) >= 4))


def match(
    predicted: list[str], gold: list[str], same: Callable[[str, str], bool], counts: Counts
) -> list[str]:
    """One-to-one greedy matching; adds to `counts` and returns the unmatched predictions."""
    left = list(gold)
    extra: list[str] = []
    for p in predicted:
        hit = next((g for g in left if same(p, g)), None)
        if hit is None:
            extra.append(p)
        else:
            left.remove(hit)
            counts.tp += 1
    counts.fp += len(extra)
    counts.fn += len(left)
    return extra
