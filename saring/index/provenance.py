"""Trace a text back to the stored articles it copies, cuts or spins.

Retrieval (band buckets, anchors) gives candidates; their signatures pre-rank them; the
best few are compared in full (`align.py`) and given a relation:

- copy: (nearly) all of the text is the source's, with the source's words;
- partial_copy: a substantial part of the text comes from the source, with its words, and at least
  one passage is copied word for word;
- spin: a substantial part comes from the source, sentence by sentence, with many words swapped for
  synonyms;
- same_story: the two share some phrasing but not enough copied text for the above (two outlets
  rewriting one press release, a follow-up story).

Passages that many stored articles share (site footers, "Baca juga" lines, price-list templates)
are left out of the comparison, so boilerplate never makes two articles look related. The
thresholds below were set on generated copies and spins and on held-out articles of the 2019 news
corpus (one seed), and checked on another seed and another corpus (docs/index.md); they must be
re-measured together.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import numpy as np

from saring.article import Article
from saring.index.align import Alignment, Overlap, align, overlap, shingle_sets, view
from saring.index.fingerprint import (
    ANCHOR,
    Fingerprint,
    Tokens,
    anchors,
    fingerprint_many,
    signature_array,
    tokens_of,
    word_ids,
)
from saring.index.search import Hits, anchor_hits, articles_by_id, band_hits, signatures_of
from saring.store import Store

COPY_MIN = 0.9  # share of the text (and, for a copy, of the source) found in the source
PARTIAL_MIN = 0.3  # below this share the two texts merely tell the same story
SAME_STORY_MIN = 0.15  # below this share a candidate is not reported at all
SPUN_RATIO = 0.75  # surface overlap below this fraction of the canonical overlap = words were swapped
VERBATIM_WORDS = 20  # a partial copy has sentences copied word for word, this many words in all
SPIN_ALIGNED = 0.5  # a spin follows its source sentence by sentence over at least half of its words
PRERANK = 30  # candidates whose signatures are compared
VERIFY = 6  # candidates compared in full


def relation(o: Overlap, a: Alignment) -> str | None:
    if o.c_query < SAME_STORY_MIN:
        return None
    spun = o.verbatim < SPUN_RATIO * o.c_query
    if o.c_query >= COPY_MIN and not spun:
        return "copy" if o.c_source >= COPY_MIN else "partial_copy"
    if o.c_query >= PARTIAL_MIN and spun and a.aligned_share >= SPIN_ALIGNED:
        return "spin"
    if o.c_query >= PARTIAL_MIN and not spun and a.verbatim_words >= VERBATIM_WORDS:
        return "partial_copy"
    return "same_story"


def _prerank(store: Store, fp: Fingerprint, bands: Hits, shared: Hits) -> list[int]:
    """Candidate ids, most promising first: estimated Jaccard or share of shared anchors."""
    ids = [i for i, _ in (bands.per_article + shared.per_article).most_common(PRERANK)]
    query_sig = signature_array(fp.signature)
    sigs = signatures_of(store, ids)
    score = {i: max(float(np.mean(signature_array(sigs[i]) == query_sig)),
                    shared.per_article[i] / max(1, len(fp.anchors))) for i in ids if i in sigs}
    # VERIFY + 1: the text itself may be stored, and is dropped later.
    return sorted(score, key=score.__getitem__, reverse=True)[: VERIFY + 1]


def _without_boilerplate(tokens: Tokens, common: set[int]) -> Tokens:
    """The text without the words of its common (boilerplate) anchor windows."""
    if not common:
        return tokens
    words = {p + k for p, h in anchors(word_ids(tokens.all_canon())) if h in common for k in range(ANCHOR)}
    return tokens.without(words)


def _match(row: dict[str, Any], o: Overlap, kind: str, passages: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": row["ext_id"] or f"db:{row['id']}",
        "title": row["title"] or None,
        "url": row["url"],
        "site": row["site"],
        "published": row["published"],
        "similarity": round(o.c_query, 3),
        "relation": kind,
        "coverage": round(o.c_source, 3),
        "jaccard": round(o.jaccard, 3),
        "verbatim": round(o.verbatim, 3),
        "passages": passages,
    }


def trace(store: Store, article: Article, limit: int = 5) -> list[dict[str, Any]]:
    """The stored articles this cleaned article comes from, best first (the identical record excluded)."""
    tokens = tokens_of(article.text)
    fp = fingerprint_many([article], [tokens.all_canon()])[0]
    shared = anchor_hits(store, fp.anchors)
    ids = _prerank(store, fp, band_hits(store, fp.buckets), shared)
    clean = _without_boilerplate(tokens, shared.common)
    query, query_sets = view(article.text, article.paragraphs, clean), shingle_sets(clean)
    whole = shingle_sets(tokens)  # a copy covers its source's boilerplate too
    scored = []
    for row in articles_by_id(store, ids):
        if bytes(row["content_hash"]) == fp.content_hash:
            continue
        source_sets = shingle_sets(row["text"])
        o = replace(overlap(query_sets, source_sets), c_source=overlap(whole, source_sets).c_source)
        if o.c_query < SAME_STORY_MIN:
            continue
        aligned = align(query, view(row["text"], [tuple(p) for p in json.loads(row["paragraphs"])]))
        kind = relation(o, aligned)
        if kind:
            scored.append(((o.c_query, o.jaccard), _match(row, o, kind, aligned.passages)))
    scored.sort(key=lambda pair: pair[0], reverse=True)
    return [m for _, m in scored[:limit]]
