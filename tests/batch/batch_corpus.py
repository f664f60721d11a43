"""A deterministic multi-format corpus for batch tests, built from real Indonesian sentences (Random(42)).

Bad records are mixed in on purpose (invalid JSON, English text, a missing text field) so that rejects
cross shard boundaries too.
"""

from __future__ import annotations

import csv
import gzip
import json
import random
from pathlib import Path

from tests.conftest import RESOURCES

SENTENCES = (RESOURCES / "batch_sentences.txt").read_text(encoding="utf-8").splitlines()
ENGLISH = "The city council announced on Monday that the road repairs will start next week and last a month."


def article_record(i: int, rng: random.Random) -> dict[str, str]:
    paragraphs = [" ".join(rng.sample(SENTENCES, rng.randint(2, 3))) for _ in range(rng.randint(3, 6))]
    return {
        "id": f"b{i:04d}",
        "title": f"Berita nomor {i}: {rng.choice(SENTENCES)[:60]}",
        "text": "\n\n".join(paragraphs),
        "url": f"https://contoh.co.id/berita/{i}",
    }


def jsonl_lines(n: int, seed: int = 42) -> list[str]:
    rng = random.Random(seed)
    lines = []
    for i in range(n):
        if i % 37 == 5:
            lines.append('{"id": "rusak", "text": "tidak selesai')
        elif i % 53 == 7:
            lines.append(json.dumps({"id": f"en{i}", "title": "Road repairs", "text": ENGLISH}))
        elif i % 61 == 9:
            lines.append(json.dumps({"id": f"nt{i}", "judul": "tanpa teks"}))
        else:
            lines.append(json.dumps(article_record(i, rng), ensure_ascii=False))
    return lines


def write_jsonl(path: Path, n: int, seed: int = 42) -> Path:
    path.write_text("\n".join(jsonl_lines(n, seed)) + "\n", encoding="utf-8")
    return path


def write_mixed_dir(root: Path) -> Path:
    """A directory with plain JSONL, gzipped JSONL, CSV and a text article (read in sorted order)."""
    root.mkdir(parents=True, exist_ok=True)
    write_jsonl(root / "a_plain.jsonl", 120, seed=1)
    with gzip.open(root / "b_packed.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(jsonl_lines(60, seed=2)) + "\n")
    rng = random.Random(3)
    with open(root / "c_table.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, ["id", "title", "text", "url"])
        writer.writeheader()
        writer.writerows(article_record(1000 + i, rng) for i in range(15))
    (root / "d_single.txt").write_text(
        "Judul Artikel Tunggal Tentang Pasar\n\n" + " ".join(SENTENCES[:6]), encoding="utf-8"
    )
    return root
