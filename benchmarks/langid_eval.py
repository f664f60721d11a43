"""Language gate: how often real Indonesian is refused, and how often other languages get through.

Indonesian side: EVERY record of the four shared Indonesian sets, read and prepared exactly as
`saring check` does (read_path -> prepare), plus BDC 2020 (which holds English items) reported apart.
A refusal is a `not_indonesian` reject; other rejects (nothing left after cleaning, too short) are
counted apart, they are not the language gate's. Records whose own text is mostly not Indonesian (an
English or Javanese rumour quoted verbatim) are listed by hand in `langid_audit.json` with the reason;
the rate is printed over all records and over the records not so listed.

Other-language side: the hand-written lines in tests/resources/lang/ (how they were made: README there),
each line alone ("post") and every 5 consecutive lines joined ("page"), through parse_text -> prepare.

    python benchmarks/langid_eval.py            # all sets, ~1 min
"""

from __future__ import annotations

import csv
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import DATA, ROOT, header, percentiles, require_data  # noqa: E402
from saring.article import Article, SourceRef  # noqa: E402
from saring.clean.lang import identify  # noqa: E402
from saring.ingest import read_path  # noqa: E402
from saring.ingest.text import parse_text  # noqa: E402
from saring.pipeline import prepare  # noqa: E402
from saring.settings import IngestOptions  # noqa: E402

INDONESIAN_SETS = [
    "turnbackhoax_jibranfawaid2021", "turnbackhoax_2024_alharkan7", "rahutomo2017",
    "clickid_raw_articles_2019",
]
MIXED_SETS = ["indonesia_false_news_bdc2020"]
LANG_DIR = ROOT / "tests" / "resources" / "lang"
FOREIGN = ["ms", "ms_holdout", "en", "jv", "su", "tl", "other"]
PAGE_LINES = 5
HEADLINE_TAG = re.compile(r"\s*\[([^\]+]+)[^\]]*\]\s*(.*)")  # "[SALAH+HASUT] text" -> SALAH, text
ENGLISH_TAGS = {"FALSE", "MISLEADING", "CLARIFICATION", "EVENT", "ADMIN POST"}
BOTH_TAGS = {"HOAX", "TOP 5"}


def gate_shared(name: str, audit: dict[str, str], options: IngestOptions) -> list[str]:
    """Print the refusal rate of one shared set; return the unaudited refusals, for listing."""
    counts: Counter[str] = Counter()
    refused: list[str] = []
    for item in read_path(str(require_data(DATA / name / "normalized.jsonl")), options):
        counts["records"] += 1
        if not isinstance(item, Article):
            counts["unreadable"] += 1
            continue
        result = prepare(item, options)
        if isinstance(result, Article):
            continue
        if result.code == "SAR-E006":
            key = "refused_audited" if item.id in audit else "refused"
            counts[key] += 1
            if key == "refused":
                refused.append(f"  {item.id}: {result.reason.split(': ', 1)[1].split(' (the')[0]}")
        else:
            counts["other_rejects"] += 1
    n, bad, foreign = counts["records"], counts["refused"], counts["refused_audited"]
    print(
        f"{name:32s} {n:6d} records  refused {bad + foreign:4d} ({(bad + foreign) / n:.2%})  "
        f"not audited foreign: {bad:4d} / {n - foreign} ({bad / max(1, n - foreign):.2%})  "
        f"[other rejects (empty, too short): {counts['other_rejects'] + counts['unreadable']}]"
    )
    return refused


def gate_foreign(options: IngestOptions) -> None:
    for lang in [*FOREIGN, "id_hard"]:
        lines = [x for x in (LANG_DIR / f"{lang}.txt").read_text(encoding="utf-8").splitlines() if x.strip()]
        pages = ["\n\n".join(lines[i : i + PAGE_LINES]) for i in range(0, len(lines), PAGE_LINES)]
        # "other" mixes languages line by line: its pages would not be in one language
        kinds = [("post", lines), ("page", pages)] if lang != "other" else [("post", lines)]
        for kind, texts in kinds:
            results = [prepare(parse_text(t, SourceRef(f"{lang}.txt")), options) for t in texts]
            refused = sum(not isinstance(r, Article) for r in results)
            labels = Counter(r.lang if isinstance(r, Article) else "refused" for r in results)
            rate = f"refused {refused:3d} ({refused / len(texts):.0%})"
            print(f"{lang:10s} {kind}s {len(texts):3d}  {rate}  {dict(labels)}")


def gate_headlines() -> None:
    """TurnBackHoax headlines, judged alone: short texts whose language the verdict tag tells.

    English fact-checks carry English tags ([FALSE], [MISLEADING]...), Indonesian ones Indonesian tags
    ([SALAH], [DISINFORMASI]...); [HOAX] and [TOP 5] are used in both and are left out. The tag is cut off.
    """
    path = require_data(DATA / "turnbackhoax_jibranfawaid2021" / "headings_normalized.csv")
    counts: Counter[tuple[str, bool]] = Counter()
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            tagged = HEADLINE_TAG.match(row["title"] or "")
            if not tagged or tagged.group(1).upper() in BOTH_TAGS:
                continue
            side = "English" if tagged.group(1).upper() in ENGLISH_TAGS else "Indonesian"
            counts[side, identify(tagged.group(2))[0] not in ("id", "und")] += 1
    for side in ("Indonesian", "English"):
        n, refused = counts[side, True] + counts[side, False], counts[side, True]
        print(f"{side:10s} headlines {n:5d}  refused {refused:4d} ({refused / n:.1%})")


def timing() -> None:
    texts = []
    with open(require_data(DATA / "clickid_raw_articles_2019" / "normalized.jsonl"), encoding="utf-8") as fh:
        for _, line in zip(range(2000), fh, strict=False):
            record = json.loads(line)
            texts.append((str(record["title"]), str(record["text"])))
    samples = []
    for title, text in texts:
        start = time.perf_counter()
        identify(text, title)
        samples.append((time.perf_counter() - start) * 1000)
    print(f"identify on 2,000 articles of the 2019 corpus (first ones, warm): {percentiles(samples[100:])}")


def main() -> None:
    header("language gate: refusals of Indonesian, acceptance of other languages")
    options = IngestOptions()
    audit = json.loads((Path(__file__).parent / "langid_audit.json").read_text(encoding="utf-8"))["records"]
    identify("pemanasan model bahasa untuk pengukuran waktu nanti", "")  # load the model before timing
    print("\n## Indonesian sets (every record, through read_path -> prepare)")
    listed = [line for name in INDONESIAN_SETS for line in gate_shared(name, audit, options)]
    print("\n## Mixed set (holds English items)")
    for name in MIXED_SETS:
        gate_shared(name, audit, options)
    print("\n## Refusals in the Indonesian sets not audited as another language")
    print("\n".join(listed) or "  none")
    print("\n## Other languages (tests/resources/lang, hand-written) and hard Indonesian")
    gate_foreign(options)
    print("\n## TurnBackHoax 2021 headlines alone (language from the verdict tag)")
    gate_headlines()
    print()
    timing()


if __name__ == "__main__":
    main()
