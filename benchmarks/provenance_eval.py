"""Provenance recall on the 2019 news corpus (issue 5): does `trace` find the original of a copy?

Split (--seed, 42 for the reported numbers; thresholds were set with --seed 7): 500 articles are held
out and never indexed; the rest are indexed. 500 indexed articles with at least 6 sentences and 80
words are the sources; from each we make four queries, cleaned like any input:

- copy: body and headline verbatim (another URL);
- partial: half of the paragraphs (random, in order) under a new headline (another article's);
- spin20 / spin40: `saring.lexicon.spinner.spin` over body and headline, swapping 20% / 40% of all
  words (as far as the thesaurus has synonyms for them) for a random mythes-id synonym.

Reported: recall@1 of the original per kind (strict, and "or an indexed exact duplicate of its body"),
the relation given to the top match, and matches for two sets of articles that are not in the index:
- 500 articles of the 2017 hoax/valid news set (rahutomo2017), out of period: any copy, partial_copy
  or spin match is a false match;
- the 500 held-out 2019 articles: this corpus syndicates heavily (wire stories, press releases,
  templates), so each match is audited by the longest run of identical words the two texts share.
The corpus has no paragraph breaks (they were joined with commas when it was scraped), so
"paragraphs" for the partial copies are groups of three sentences.

--canonical picks the form signatures are built on (ablation): "synonyms" (shipped: case-folded,
synonym heads), "synonyms+stem" (also Sastrawi stems), "surface" (case-folded words only).
--sweep measures instead, for several (permutations, bands) choices, how often the original shares
an LSH bucket with each kind of query and how many other articles do (the cost).

Usage: python benchmarks/provenance_eval.py [--db URL] [--seed N] [--canonical MODE] [--sweep]
       [--out result.json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from _common import CORPUS_2019, DATA, header, percentiles, require_data

from saring.article import Article, Rejected, SourceRef
from saring.clean import clean
from saring.ingest.text import parse_text
from saring.nlp.sentences import split_sentences
from saring.store import Store, open_store

N_QUERIES = 500
N_UNRELATED = 500
CACHE = Path("/tmp/saring-bench/clean2019.jsonl")
OUT_OF_PERIOD = DATA / "rahutomo2017" / "normalized.jsonl"
SHARED_RUN = 20  # words: a run this long shared verbatim means the texts really share a passage


def _prepared(line: str, path: Path) -> Article | None:
    """One JSONL record read and cleaned as `saring index add` does; None when rejected."""
    from saring.errors import SaringError
    from saring.ingest.base import article_from_fields
    from saring.pipeline import prepare
    from saring.settings import IngestOptions

    options = IngestOptions()
    try:
        article = prepare(article_from_fields(json.loads(line), options, SourceRef(str(path))), options)
    except SaringError:
        return None
    return None if isinstance(article, Rejected) else article


def _prepare_record(line: str) -> dict[str, Any] | None:
    article = _prepared(line, CORPUS_2019)
    if article is None:
        return None
    return {"id": article.id, "title": article.title, "url": article.url, "site": article.site,
            "published": article.published, "text": article.text, "paragraphs": article.paragraphs,
            "lang": article.lang}


def cleaned_corpus(cache: Path = CACHE, workers: int = 2) -> list[Article]:
    """The corpus read and cleaned like `saring index add` does; cached in /tmp (never in the repo)."""
    if not cache.exists():
        from multiprocessing import Pool

        cache.parent.mkdir(parents=True, exist_ok=True)
        with open(require_data(CORPUS_2019), encoding="utf-8") as fh, Pool(workers) as pool:
            rows = [r for r in pool.imap(_prepare_record, fh, chunksize=200) if r]
        tmp = cache.with_suffix(".tmp")
        tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        os.replace(tmp, cache)
    articles = []
    with open(cache, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            articles.append(Article(id=r["id"], raw_text="", title=r["title"], url=r["url"], site=r["site"],
                                    published=r["published"], text=r["text"], lang=r["lang"],
                                    paragraphs=[tuple(p) for p in r["paragraphs"]]))
    return articles


def out_of_period(seed: int) -> list[Article]:
    with open(require_data(OUT_OF_PERIOD), encoding="utf-8") as fh:
        articles = [a for a in (_prepared(line, OUT_OF_PERIOD) for line in fh) if a]
    return random.Random(seed).sample(articles, min(N_UNRELATED, len(articles)))


def split(articles: list[Article], seed: int) -> tuple[list[Article], list[Article], list[Article]]:
    """(indexed, sources among the indexed, held out), deterministic for `seed`."""
    rng = random.Random(seed)
    order = articles[:]
    rng.shuffle(order)
    unrelated, indexed = order[:N_UNRELATED], order[N_UNRELATED:]
    eligible = [a for a in indexed if len(split_sentences(a.text)) >= 6 and len(a.text.split()) >= 80]
    return indexed, rng.sample(eligible, N_QUERIES), unrelated


def _paragraph_groups(text: str) -> list[str]:
    sentences = [text[a:b] for a, b in split_sentences(text)]
    return [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]


def _as_input(title: str, body: str, i: int, kind: str) -> Article:
    """A generated copy, cleaned like any input article."""
    article = clean(parse_text(body, SourceRef(f"eval:{kind}:{i}"), title=title))
    article.url = f"https://copy.example/{kind}/{i}"
    return article


def _spin_share(text: str, share: float, synonyms: Any, seed: int) -> tuple[str, float]:
    """Spin `share` of all words (the spinner's rate counts only words it has synonyms for)."""
    from saring.lexicon.spinner import spin
    from saring.lexicon.tokens import words

    tokens = words(text)
    replaceable = sum(1 for t in tokens if synonyms(t.norm))
    spun, swaps = spin(text, synonyms, min(1.0, share * len(tokens) / max(1, replaceable)), seed=seed)
    return spun, len(swaps) / max(1, len(tokens))


def make_queries(sources: list[Article], titles: list[str], seed: int,
                 ) -> Iterator[tuple[str, Article, Article, float]]:
    """(kind, source, query, share of all words swapped) for each source and kind."""
    from saring.lexicon.mythes import read_mythes
    from saring.lexicon.spinner import forward_synonyms

    synonyms = forward_synonyms(read_mythes())
    rng = random.Random(seed + 1)
    for i, src in enumerate(sources):
        yield "copy", src, _as_input(src.title, src.text, i, "copy"), 0.0
        groups = _paragraph_groups(src.text)
        keep = sorted(rng.sample(range(len(groups)), max(1, len(groups) // 2)))
        body = "\n\n".join(groups[k] for k in keep)
        yield "partial", src, _as_input(rng.choice(titles), body, i, "partial"), 0.0
        for share in (0.2, 0.4):
            body, swapped = _spin_share(src.text, share, synonyms, seed + i)
            title, _ = _spin_share(src.title, share, synonyms, seed + i)
            kind = f"spin{int(share * 100)}"
            yield kind, src, _as_input(title, body, i, kind), swapped


def build_index(store: Store, indexed: list[Article]) -> float:
    from saring.index import add_articles

    start = time.perf_counter()
    for _ in add_articles(store, indexed):
        pass
    return time.perf_counter() - start


def shared_run(a: str, b: str) -> int:
    """Length in words of the longest run of identical words in `a` and `b`."""
    from difflib import SequenceMatcher

    from saring.index.canonical import surface_tokens

    x, y = surface_tokens(a), surface_tokens(b)
    return SequenceMatcher(None, x, y, autojunk=False).find_longest_match(0, len(x), 0, len(y)).size


def unrelated_matches(store: Store, queries: list[Article], texts: dict[str, str]) -> dict[str, Any]:
    """Matches of articles that are not in the index, with the verbatim run each pair shares."""
    from saring.index import trace

    found = [{"query": a.id, "match": m["id"], "relation": m["relation"], "similarity": m["similarity"],
              "shared_run": shared_run(a.text, texts[m["id"]]), "query_title": a.title,
              "match_title": m["title"]}
             for a in queries for m in trace(store, a)]
    by_relation: dict[str, Counter[str]] = {}
    for f in found:
        audit = "shares_passage" if f["shared_run"] >= SHARED_RUN else "no_shared_passage"
        by_relation.setdefault(f["relation"], Counter())[audit] += 1

    def share_of_queries(keep: Any) -> float:
        return len({f["query"] for f in found if keep(f)}) / len(queries)

    return {"n": len(queries),
            "queries_with_copy_partial_spin": share_of_queries(lambda f: f["relation"] != "same_story"),
            "queries_with_unsupported_copy_partial_spin": share_of_queries(
                lambda f: f["relation"] != "same_story" and f["shared_run"] < SHARED_RUN),
            "queries_with_same_story": share_of_queries(lambda f: f["relation"] == "same_story"),
            "matches_by_relation": {k: dict(v) for k, v in by_relation.items()}, "matches": found}


def evaluate(store: Store, indexed: list[Article], sources: list[Article], seed: int) -> dict[str, Any]:
    from saring.index import trace

    by_text: dict[str, set[str]] = {}
    for a in indexed:
        by_text.setdefault(a.text, set()).add(a.id)
    titles = [a.title for a in indexed[:5000] if a.title]
    hits: Counter[str] = Counter()
    dup_hits: Counter[str] = Counter()
    relations: dict[str, Counter[str]] = {}
    swapped: dict[str, list[float]] = {}
    latencies: list[float] = []
    misses: list[dict[str, Any]] = []
    for kind, src, query, share in make_queries(sources, titles, seed):
        t0 = time.perf_counter()
        matches = trace(store, query)
        latencies.append((time.perf_counter() - t0) * 1000)
        top = matches[0] if matches else None
        swapped.setdefault(kind, []).append(share)
        relations.setdefault(kind, Counter())[top["relation"] if top else "none"] += 1
        hits[kind] += bool(top and top["id"] == src.id)
        dup_hits[kind] += bool(top and top["id"] in by_text[src.text])
        if not (top and top["id"] in by_text[src.text]):
            misses.append({"kind": kind, "source": src.id, "top": top and {k: top[k] for k in
                                                                          ("id", "relation", "similarity")}})
    return {"recall@1": {k: hits[k] / N_QUERIES for k in hits},
            "recall@1_or_duplicate": {k: dup_hits[k] / N_QUERIES for k in dup_hits},
            "top_relation": {k: dict(v) for k, v in relations.items()},
            "words_swapped": {k: round(sum(v) / len(v), 3) for k, v in swapped.items()},
            "misses": misses, "trace_ms": latencies}


def set_canonical(mode: str) -> None:
    """Switch the canonical form for an ablation (module attributes: benchmark use only)."""
    from saring.index import align, canonical, fingerprint

    canonical.STEM = mode == "synonyms+stem"
    if mode == "surface":
        for module in (align, canonical, fingerprint):
            module.canonical_of = list  # type: ignore[attr-defined]


def lsh_sweep(indexed: list[Article], sources: list[Article], held_out: list[Article], seed: int) -> None:
    """Bucket recall of the original and false candidates per query, per (permutations, bands)."""
    from rensa import RMinHash

    from saring.index.fingerprint import canonical_words, shingle_hashes, word_ids

    def sigs(texts: list[str]) -> np.ndarray:
        sets = [shingle_hashes(word_ids(canonical_words(t))) for t in texts]
        offsets = np.cumsum([0, *map(len, sets)], dtype=np.uint64)
        rows = RMinHash.digest_matrix_from_flat_token_hashes(np.concatenate(sets), offsets, 256, 1).to_rows()
        return np.asarray(rows, dtype=np.uint32)

    index_sigs = sigs([a.text for a in indexed])
    position = {a.id: i for i, a in enumerate(indexed)}
    queries: dict[str, list[str]] = {}
    expected: dict[str, list[int]] = {}
    for kind, src, query, _ in make_queries(sources, [a.title for a in indexed[:5000]], seed):
        queries.setdefault(kind, []).append(query.text)
        expected.setdefault(kind, []).append(position[src.id])
    queries["held_out"] = [a.text for a in held_out]
    query_sigs = {k: sigs(v) for k, v in queries.items()}
    for perms, bands in [(128, 16), (128, 32), (126, 42), (128, 64), (192, 64), (256, 64)]:
        rows = perms // bands
        tables: list[dict[bytes, list[int]]] = [{} for _ in range(bands)]
        for i, sig in enumerate(index_sigs):
            for b in range(bands):
                tables[b].setdefault(sig[b * rows : (b + 1) * rows].tobytes(), []).append(i)
        cells = []
        for kind, matrix in query_sigs.items():
            found, others = 0, 0
            for j, sig in enumerate(matrix):
                keys = [sig[b * rows : (b + 1) * rows].tobytes() for b in range(bands)]
                hit = {i for b, key in enumerate(keys) for i in tables[b].get(key, ())}
                if kind in expected:
                    found += expected[kind][j] in hit
                    hit.discard(expected[kind][j])
                others += len(hit)
            recall = f"{found / len(matrix):.3f}" if kind in expected else "-"
            cells.append(f"{kind} {recall}/{others / len(matrix):.1f}")
        print(f"perms {perms:>3} bands {bands:>3} rows {rows}: " + "  ".join(cells), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="/tmp/saring-bench/eval2019.db", help="store (SQLite: rebuilt)")
    parser.add_argument("--seed", type=int, default=42, help="split and generation seed (42: reported)")
    parser.add_argument("--cache", type=Path, default=CACHE, help="cleaned corpus cache (outside the repo)")
    parser.add_argument("--out", type=Path, help="write the full result (misses, matches) as JSON")
    parser.add_argument("--canonical", default="synonyms", choices=["synonyms", "synonyms+stem", "surface"])
    parser.add_argument("--sweep", action="store_true", help="measure LSH parameter choices instead")
    args = parser.parse_args()
    header(f"provenance recall on clickid_raw_articles_2019 (seed {args.seed}, canonical {args.canonical})")
    set_canonical(args.canonical)
    articles = cleaned_corpus(args.cache)
    indexed, sources, held_out = split(articles, args.seed)
    if args.sweep:
        print("cells: kind recall-of-original/other-articles-sharing-a-bucket (per query)")
        lsh_sweep(indexed, sources, held_out, args.seed)
        return
    if not args.db.startswith("postgres"):
        for suffix in ("", "-wal", "-shm"):
            Path(args.db + suffix).unlink(missing_ok=True)
    store = open_store(args.db)
    store.migrate()
    seconds = build_index(store, indexed)
    print(f"indexed {len(indexed)} cleaned articles in {seconds:.1f} s ({len(indexed) / seconds:.0f}/s), "
          f"{len(sources)} sources, {len(held_out)} held out")
    result = evaluate(store, indexed, sources, args.seed)
    texts = {a.id: a.text for a in indexed}
    result["out_of_period"] = unrelated_matches(store, out_of_period(args.seed), texts)
    result["held_out_2019"] = unrelated_matches(store, held_out, texts)
    print("recall@1 (strict):            ", json.dumps(result["recall@1"]))
    print("recall@1 (or exact duplicate):", json.dumps(result["recall@1_or_duplicate"]))
    print("words swapped (share of all): ", json.dumps(result["words_swapped"]))
    print("relation of the top match:    ", json.dumps(result["top_relation"]))
    for name in ("out_of_period", "held_out_2019"):
        r = result[name]
        print(f"{name} ({r['n']} articles not in the index): with a copy/partial/spin match "
              f"{r['queries_with_copy_partial_spin']:.3f}, of which without a shared {SHARED_RUN}-word run "
              f"{r['queries_with_unsupported_copy_partial_spin']:.3f}; with a same_story match "
              f"{r['queries_with_same_story']:.3f}")
        print("   matches by relation and audit:", json.dumps(r["matches_by_relation"]))
    print("trace latency:", percentiles(result["trace_ms"]))
    if args.out:
        args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
