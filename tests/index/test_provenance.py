"""`trace` finds the original of copies, cuts and spins on both backends (real 2019 news articles)."""

from __future__ import annotations

import json
from functools import cache

import jsonschema
import pytest

from saring.article import Article, Rejected, SourceRef
from saring.clean import clean
from saring.index import add_articles, trace
from saring.index.search import fulltext
from saring.index.stats import index_stats
from saring.ingest.base import article_from_fields
from saring.ingest.text import parse_text
from saring.lexicon.mythes import read_mythes
from saring.lexicon.spinner import forward_synonyms, spin
from saring.nlp.sentences import split_sentences
from saring.pipeline import prepare
from saring.report import load_schema
from saring.settings import IngestOptions
from tests.conftest import DATA, need

CORPUS = DATA / "clickid_raw_articles_2019" / "normalized.jsonl"
UNRELATED = DATA / "rahutomo2017" / "normalized.jsonl"


@cache
def _read(path: str, n: int, step: int = 1) -> tuple[Article, ...]:
    """Every `step`-th of the first `n` records, read and cleaned like any input."""
    options = IngestOptions()
    articles = []
    with open(path, encoding="utf-8") as fh:
        for i, line in zip(range(n), fh, strict=False):
            if i % step:
                continue
            a = prepare(article_from_fields(json.loads(line), options, SourceRef(path)), options)
            if not isinstance(a, Rejected):
                articles.append(a)
    return tuple(articles)


def corpus() -> list[Article]:
    """Every 20th of the first 2,400 articles: 120 articles over all outlets of the corpus."""
    return list(_read(str(need(CORPUS)), 2400, 20))


def _source() -> Article:
    return next(a for a in corpus() if len(split_sentences(a.text)) >= 8)


def _query(title: str, body: str) -> Article:
    article = clean(parse_text(body, SourceRef("query"), title=title))
    article.url = "https://copy.example/1"
    return article


def _top(store, article: Article) -> dict[str, object]:  # type: ignore[no-untyped-def]
    matches = trace(store, article)
    assert matches, "no match"
    for m in matches:
        jsonschema.validate(m, {"$defs": load_schema()["$defs"], "$ref": "#/$defs/match"})
    return matches[0]


def test_provenance_traces_copy_cut_and_spin(store) -> None:  # type: ignore[no-untyped-def]
    list(add_articles(store, corpus()))
    src = _source()
    copy = _top(store, _query(src.title, src.text))
    assert (copy["id"], copy["relation"]) == (src.id, "copy") and copy["similarity"] >= 0.95

    sentences = [src.text[a:b] for a, b in split_sentences(src.text)]
    half = "\n\n".join(sentences[::2])  # every other sentence, each its own paragraph
    cut = _top(store, _query("JUDUL BARU YANG LEBIH HEBOH", half))
    assert (cut["id"], cut["relation"]) == (src.id, "partial_copy")
    passage = cut["passages"][0]  # type: ignore[index]
    assert passage["kind"] == "verbatim" and passage["text"] in half
    assert src.text[passage["source"]["start"] : passage["source"]["end"]].startswith(sentences[0][:30])

    spun_text, swaps = spin(src.text, forward_synonyms(read_mythes()), 0.6, seed=1)
    assert len(swaps) > 20
    spun = _top(store, _query(src.title, spun_text))
    assert (spun["id"], spun["relation"]) == (src.id, "spin")


def test_provenance_adding_again_stores_each_article_once(store) -> None:  # type: ignore[no-untyped-def]
    articles = corpus()[:40]
    first = list(add_articles(store, articles, batch_size=15))
    again = list(add_articles(store, articles + articles[:5], batch_size=15))
    assert sum(b.added for b in first) == 40
    assert sum(b.added for b in again) == 0 and sum(b.existing for b in again) == 45
    stats = index_stats(store)
    assert stats["articles"] == 40 and stats["anchors"] > 40 and stats["bytes"] > 0
    found = fulltext(store, articles[7].title)  # full-text search: every word of the headline
    assert articles[7].id in [r["ext_id"] for r in found]
    assert fulltext(store, "zzyzx qwertyuiop") == []


def test_provenance_ignores_itself_and_unrelated_texts(store) -> None:  # type: ignore[no-untyped-def]
    articles = corpus()
    list(add_articles(store, articles))
    assert all(m["id"] != articles[3].id for m in trace(store, articles[3]))
    unrelated = _read(str(need(UNRELATED)), 60)
    claimed = [m for a in unrelated for m in trace(store, a) if m["relation"] != "same_story"]
    assert claimed == []


@pytest.mark.parametrize("text", ["", "Singkat."])
def test_provenance_trace_of_tiny_text_is_empty(store, text: str) -> None:  # type: ignore[no-untyped-def]
    list(add_articles(store, corpus()[:10]))
    assert trace(store, Article(id="t", raw_text=text, text=text)) == []


def test_provenance_cli_trace_and_analyzer_fill_provenance(store_url: str, tmp_path, capsys,
                                                            ) -> None:  # type: ignore[no-untyped-def]
    from saring.cli import main
    from saring.pipeline import Analyzer
    from saring.report import validate_report
    from saring.store import open_store

    src = _source()
    path = tmp_path / "copy.txt"
    path.write_text("JUDUL BARU\n\n" + src.text, encoding="utf-8")
    assert main(["index", "add", str(path), "--db", store_url]) == 0  # indexes the copy itself
    with open_store(store_url) as store:
        list(add_articles(store, corpus()[:30]))
        # `saring check --db` runs this Analyzer (signals left out: they are not this test's subject)
        report = Analyzer(signal_names=[], store=store).analyze(_query("JUDUL LAIN", src.text)).to_dict()
    validate_report(report)
    assert [m["relation"] for m in report["provenance"][:2]] == ["copy", "copy"]
    assert {m["id"] for m in report["provenance"][:2]} >= {src.id}

    assert main(["trace", str(path), "--db", store_url, "--json"]) == 0
    traced = json.loads(capsys.readouterr().out)
    assert traced["matches"][0]["id"] == src.id  # the stored copy of itself is not a match
    assert main(["index", "stats", "--db", store_url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == 31


def test_provenance_parallel_fingerprints_store_the_same(store) -> None:  # type: ignore[no-untyped-def]
    articles = corpus()[:40]
    batches = list(add_articles(store, articles + articles[:6], batch_size=12, workers=2))
    assert sum(b.added for b in batches) == 40 and sum(b.existing for b in batches) == 6
    src = articles[11]
    top = trace(store, _query(src.title, src.text))[0]
    assert (top["id"], top["relation"]) == (src.id, "copy")


def test_provenance_keys_are_searchable_once_merged(store) -> None:  # type: ignore[no-untyped-def]
    from saring.index.writer import has_pending

    articles = corpus()[:20]
    src = articles[2]
    run = add_articles(store, articles, batch_size=10)
    next(run)  # one batch committed, then the run is abandoned (as if killed)
    run.close()
    assert has_pending(store) and trace(store, _query(src.title, src.text)) == []
    list(add_articles(store, []))  # the next run merges what the last one left
    assert not has_pending(store)
    assert trace(store, _query(src.title, src.text))[0]["id"] == src.id
