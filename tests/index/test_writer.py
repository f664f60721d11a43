"""Crash safety and concurrency of `saring index add`, with a real writer process on both backends."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from saring.article import Article
from saring.index import trace
from saring.store import open_store
from tests.conftest import DATA, ROOT, need

CORPUS = DATA / "clickid_raw_articles_2019" / "normalized.jsonl"
N_RECORDS = 100
BATCH = 5


def _index_add(path: Path, url: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "saring", "index", "add", str(path), "--db", url,
               "--batch-size", str(BATCH), "--lang", "en"]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _count(store) -> int:  # type: ignore[no-untyped-def]
    return int(store.query("SELECT count(*) AS n FROM articles")[0]["n"])


def test_writer_sigkill_then_rerun_stores_each_article_once(store_url: str, tmp_path: Path) -> None:
    with open(need(CORPUS), encoding="utf-8") as fh:
        lines = [line for _, line in zip(range(N_RECORDS), fh, strict=False)]
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    store = open_store(store_url)
    store.migrate()

    writer = _index_add(path, store_url)
    seen, reads = 0, 0
    deadline = time.monotonic() + 120
    while seen < 2 * BATCH and writer.poll() is None and time.monotonic() < deadline:
        count = _count(store)  # a reader while the writer indexes: never blocked, never goes back
        assert count >= seen
        seen = count
        if seen:
            row = store.query("SELECT ext_id, title, text FROM articles ORDER BY id LIMIT 1")[0]
            trace(store, Article(id="q", raw_text="", title=row["title"], text=row["text"]))
            reads += 1
        time.sleep(0.02)
    assert writer.poll() is None, "the writer finished before it could be killed; give it more records"
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    assert reads > 0
    killed = _count(store)
    assert 0 < killed < N_RECORDS

    rerun = _index_add(path, store_url)
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode in (0, 3), err
    added, existing, skipped = map(int, re.search(r"(\d+) articles added, (\d+) already in .*, (\d+) skipped",
                                                  err).groups())  # type: ignore[union-attr]
    assert added + existing + skipped == N_RECORDS
    assert existing >= killed and _count(store) == killed + added
    orphans = store.query("SELECT count(*) AS n FROM articles a WHERE n_tokens >= 20 AND NOT EXISTS "
                          "(SELECT 1 FROM article_bands b WHERE b.article_id = a.id)")
    assert orphans == [{"n": 0}]
    store.close()


def test_writer_workers_clean_in_parallel_and_store_the_same(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """`--workers 2` cleans and fingerprints in a pool: same rows, same skipped records, in input order."""
    from saring.cli import main

    with open(need(CORPUS), encoding="utf-8") as fh:
        lines = [line for _, line in zip(range(30), fh, strict=False)]
    lines.insert(7, '{"text": "broken json\n')
    english = "The weather today is sunny and warm in the city. " * 8
    lines.insert(20, '{"title": "Weather", "text": "' + english + '"}\n')
    path = tmp_path / "mixed.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    stored = {}
    for workers in (1, 2):
        url = str(tmp_path / f"w{workers}.db")
        code = main(["index", "add", str(path), "--db", url, "--workers", str(workers), "--batch-size", "4",
                     "--lang", "en"])
        err = capsys.readouterr().err
        assert code == 3 and "2 skipped" in err and "mixed.jsonl:8" in err and "mixed.jsonl:21" in err
        with open_store(url) as store:
            stored[workers] = store.query("SELECT id, content_hash, title FROM articles ORDER BY id")
            assert not store.query("SELECT 1 AS x FROM pending_keys")
    assert len(stored[1]) == 30 and stored[1] == stored[2]


def test_writer_worker_pool_survives_a_parent_that_used_minhash() -> None:
    """rensa's thread pool does not survive fork: workers must still answer after the parent used it."""
    import numpy as np

    from saring.index.fingerprint import signatures
    from saring.index.writer import worker_pool

    sets = [np.arange(40, dtype=np.uint64) * 7 + i for i in range(600)]  # large enough to go parallel
    expected = signatures(sets)
    with worker_pool(1) as pool:
        assert np.array_equal(pool.apply_async(signatures, (sets,)).get(timeout=120), expected)
