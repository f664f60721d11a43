"""Load the labelled datasets of ../shared/data into one `Example` shape, label leaks removed.

Every loader masks verdict vocabulary (`text.mask_verdicts`) in title and text, so neither the n-gram
features nor the signals can read the label from the words "hoaks", "salah", "klarifikasi", …
What each label means differs per dataset (see each folder's SOURCE.md):
- rahutomo: 600 full news articles, 12 topics; "hoax" = three students judged the article a hoax.
- turnbackhoax: fact-check posts; only the circulating content is kept (`scaffold.strip_body`);
  hoax = the narrative is false, klarifikasi/BENAR = an official clarification (taken as not hoax).
- bdc: short claims; label 0 is "not hoax" for TurnBackHoax, not "verified true".
- tbh2024: rumours fact-checked in 2024, as they circulated (all hoax); the fact-check title is
  dropped (fact-checker wording) and the quote marks the scrape wraps around each rumour removed.
- news2019: ordinary articles of mainstream outlets (unlabelled; used as "not hoax" background and
  for the false-positive check); being published does not make an article verified true.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from saring.model.scaffold import strip_body, strip_title
from saring.model.text import mask_verdicts

NEWS_FILE_KEY = "news2019"
FILES = {
    "rahutomo": "rahutomo2017/normalized.jsonl",
    "turnbackhoax": "turnbackhoax_jibranfawaid2021/normalized.jsonl",
    "bdc": "indonesia_false_news_bdc2020/normalized.jsonl",
    NEWS_FILE_KEY: "clickid_raw_articles_2019/normalized.jsonl",
    "tbh2024": "turnbackhoax_2024_alharkan7/normalized.jsonl",
}
NEWS_BACKGROUND = ("okezone", "sindonews", "tribunnews", "kapanlagi", "fimela", "wowkeren", "pos_metro")
NEWS_HELD_OUT = ("kompas", "tempo")  # never trained on: the "typical Kompas/Tempo article" check uses them
BACKGROUND = frozenset({"news2019"})  # label assumed, not verified: never used to calibrate or to score
NEWS_MIN_CHARS = (
    400  # shorter 2019 "articles" are mostly scrape stubs (SOURCE.md: tempo has 120 under 50 chars)
)


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled text. `topic` is the Rahutomo topic or the 2019 publisher; `label` 1 = hoax."""

    id: str
    dataset: str
    title: str
    text: str
    label: int
    topic: str = ""
    date: str = ""


def _jsonl(path: Path, head_has: tuple[str, ...] = ()) -> Iterator[dict[str, object]]:
    """Records of a JSONL file; with `head_has`, only lines whose first 80 chars contain one of them."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and (not head_has or any(h in line[:80] for h in head_has)):
                yield json.loads(line)


def _example(
    dataset: str, rec: dict[str, object], title: str, text: str, label: int, topic: str = ""
) -> Example:
    return Example(
        id=str(rec["id"]),
        dataset=dataset,
        title=mask_verdicts(title).strip(),
        text=mask_verdicts(text).strip(),
        label=label,
        topic=topic,
        date=str(rec.get("date") or ""),
    )


def load_rahutomo(data_dir: Path) -> list[Example]:
    return [
        _example("rahutomo", r, "", str(r["text"]), int(r["label"] == "hoax"), f"topic{r['topic_id']}")
        for r in _jsonl(data_dir / FILES["rahutomo"])
    ]


def load_turnbackhoax(data_dir: Path) -> list[Example]:
    out = []
    for r in _jsonl(data_dir / FILES["turnbackhoax"]):
        text = strip_body(str(r["text"]))
        if text:
            out.append(
                _example("turnbackhoax", r, strip_title(str(r["title"])), text, int(r["label"] == "hoax"))
            )
    return out


def load_bdc(data_dir: Path) -> list[Example]:
    out = []
    for r in _jsonl(data_dir / FILES["bdc"]):
        title, text = strip_title(str(r["title"])), str(r["text"]).strip()
        out.append(_example("bdc", r, title, "" if text == title else text, int(r["label"] == "hoax")))
    return out


# The 2024 scrape wraps every rumour in quote marks (a shortcut: 2019 news is never wrapped).
_WRAP_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb "


# Fact-checker notes left in the 2024 rumour text: "(Narasi dilanjutkan setelah bagian Referensi) =====",
# and placeholders where the rumour was withheld ("(Tidak ditampilkan)", "Narasi Tidak Ditampilkan").
_CHECKER_NOTE = re.compile(
    r"\(?narasi\s+dilanjutkan[^)=]*\)?|=+|\(?(?:narasi\s+)?tidak\s+ditampilkan\)?", re.IGNORECASE
)


def unwrap(text: str) -> str:
    """The rumour without the quote marks (and trailing full stop) the 2024 scrape wraps around it, and
    without the fact-checkers' notes."""
    return _CHECKER_NOTE.sub(" ", text).strip().rstrip(".").strip(_WRAP_QUOTES).strip()


def load_tbh2024(data_dir: Path) -> list[Example]:
    """2024 rumours (text only; `topic` = the LLM-assigned category: politics/scam/others, noisy)."""
    out = []
    for r in _jsonl(data_dir / FILES["tbh2024"]):
        text = unwrap(str(r["text"]))
        if text:
            out.append(_example("tbh2024", r, "", text, 1, str(r["category"])))
    return out


def load_news2019(
    data_dir: Path, publishers: tuple[str, ...], per_publisher: int, seed: int = 13
) -> list[Example]:
    """A fixed random sample of ordinary articles per publisher (label 0, topic = publisher)."""
    by_pub: dict[str, list[dict[str, object]]] = {p: [] for p in publishers}
    for r in _jsonl(data_dir / FILES[NEWS_FILE_KEY], tuple(f"-{p}-" for p in publishers)):
        pub = str(r["publisher"])
        if pub in by_pub and len(str(r["text"])) >= NEWS_MIN_CHARS:
            by_pub[pub].append(r)
    out = []
    for pub in publishers:
        rows = by_pub[pub]
        random.Random(f"{seed}-{pub}").shuffle(rows)
        out += [
            _example("news2019", r, str(r["title"]), str(r["text"]), 0, pub) for r in rows[:per_publisher]
        ]
    return out


def news_bodies(data_dir: Path, publishers: tuple[str, ...]) -> Iterator[str]:
    """Every article body of those 2019 publishers, unlabelled and unsampled (for word statistics)."""
    for r in _jsonl(data_dir / FILES[NEWS_FILE_KEY], tuple(f"-{p}-" for p in publishers)):
        if r["publisher"] in publishers:
            yield str(r["text"])


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def load_news_background(data_dir: Path) -> list[Example]:
    """Bodies only: Rahutomo has no headlines, so headline signals must not learn from the background
    alone (with titles, 2019 clickbait headlines labelled "not hoax" taught that clickbait lowers risk)."""
    return [replace(e, title="") for e in load_news2019(data_dir, NEWS_BACKGROUND, per_publisher=60)]


def load_news_held_out(data_dir: Path) -> list[Example]:
    return [
        replace(e, dataset="news_kompas_tempo")
        for e in load_news2019(data_dir, NEWS_HELD_OUT, per_publisher=200)
    ]


LOADERS: dict[str, tuple[str, Callable[[Path], list[Example]]]] = {  # dataset -> (file key, loader)
    "rahutomo": ("rahutomo", load_rahutomo),
    "turnbackhoax": ("turnbackhoax", load_turnbackhoax),
    "bdc": ("bdc", load_bdc),
    "news2019": (NEWS_FILE_KEY, load_news_background),
    "news_kompas_tempo": (NEWS_FILE_KEY, load_news_held_out),
    "tbh2024": ("tbh2024", load_tbh2024),
}
