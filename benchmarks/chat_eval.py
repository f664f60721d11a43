"""Do chat exports get the same judgement as the messages typed in? Rumours and true news, both ways.

People get rumours out of WhatsApp by exporting the chat ("Ekspor chat") or copying messages; either
way every message carries a date, a time and a sender. This benchmark takes 2024 TurnBackHoax rumours
(hoaxes, a period the models never saw) and Kompas/Tempo 2019 news (true, outlets never trained on,
shared as a chat forward would: headline and first paragraphs), writes each into an Android export
between the app's encryption notice and a short reply, and compares the hoax label and flags of:

- `typed`: the message text alone (what the models were measured on);
- `export as text`: the export read as one plain text (Saring before the chat reader);
- `export`: the export through the chat reader (`saring/ingest/chat_export.py`).

    python benchmarks/chat_eval.py              # 300 of each
    python benchmarks/chat_eval.py --n 100
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import header, require_data  # noqa: E402

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
NOTICE = ("Pesan dan panggilan terenkripsi secara end-to-end. Tidak seorang pun di luar chat ini, termasuk "
          "WhatsApp, yang dapat membaca atau mendengarkannya.")
REPLIES = ("Beneran ini?", "Waduh", "Makasih infonya", "Hoaks bukan sih?", "Astaghfirullah", "Ok")


def _rumours(n: int, rng: random.Random) -> list[str]:
    path = require_data(DATA / "turnbackhoax_2024_alharkan7" / "normalized.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    texts = [str(r["text"]).strip() for r in rows if len(str(r["text"]).split()) >= 12]
    return rng.sample(texts, n)


def _news(n: int, rng: random.Random) -> list[str]:
    from saring.model.datasets import load_news_held_out

    examples = load_news_held_out(DATA)
    shared = []
    for e in rng.sample(examples, min(n, len(examples))):
        paragraphs = [p.strip() for p in e.text.split("\n") if p.strip()]
        shared.append("\n".join([e.title, *paragraphs[:3]]))
    return shared


def _export(text: str, rng: random.Random) -> str:
    day, hour, minute = rng.randint(1, 28), rng.randint(6, 22), rng.randint(0, 50)
    stamp = f"{day:02d}/{rng.randint(1, 12):02d}/24 {hour:02d}.{minute:02d}"
    later = f"{stamp[:9]}{hour:02d}.{minute + rng.randint(1, 9):02d}"
    return (f"{stamp} - {NOTICE}\n{stamp} - Om Budi: {text}\n{later} - Ani: {rng.choice(REPLIES)}\n")


def _judge(item: object) -> tuple[str, tuple[bool, ...]] | None:
    import saring

    try:
        report = saring.check(item).to_dict()  # type: ignore[arg-type]
    except saring.SaringError:
        return None
    return report["hoax"]["label"], tuple(s["flag"] for s in report["signals"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    from saring.article import Article
    from saring.ingest.base import content_id

    rng = random.Random(args.seed)
    header(f"chat exports vs typed text: {args.n} 2024 rumours, {args.n} Kompas/Tempo news forwards")
    print("| set | reading | n | labelled hoax | labelled not_hoax | same label as typed "
          "| same flags as typed |")
    print("|---|---|---|---|---|---|---|")
    sets = (("2024 rumours (hoax)", _rumours(args.n, rng)), ("Kompas/Tempo news (true)", _news(args.n, rng)))
    for name, texts in sets:
        exports = [_export(t, rng) for t in texts]
        typed = [_judge(t) for t in texts]
        readings = {
            "typed": typed,
            "export as text": [_judge(Article(id=content_id("", x), raw_text=x)) for x in exports],
            "export": [_judge(x) for x in exports],
        }
        for reading, results in readings.items():
            pairs = [(r, t) for r, t in zip(results, typed, strict=True) if r is not None and t is not None]
            labels = Counter(r[0] for r, _ in pairs)
            n = len(pairs)
            same_label = sum(r[0] == t[0] for r, t in pairs) / n
            same_flags = sum(r[1] == t[1] for r, t in pairs) / n
            print(f"| {name} | {reading} | {n} | {labels['hoax'] / n:.1%} | {labels['not_hoax'] / n:.1%} | "
                  f"{same_label:.1%} | {same_flags:.1%} |")


if __name__ == "__main__":
    main()
