"""Evaluate the spin signal on synthetic spins of held-out publishers, and time the shipped artefacts.

    python benchmarks/spin_eval.py            # full run, about 6 minutes on 2 cores
    python benchmarks/spin_eval.py --limit 300

Protocol (no publisher is in two roles):
- statistics and the context model from the BUILD publishers only;
- llr tables and ordinary-news ranking from the CALIBRATION publisher (as `build_spin` does);
- test on the TEST publishers: their unspun articles, and synthetic spins of the same articles at 10%,
  20% and 40% of replaceable words (mythes-id headword -> random synonym, seeded); then at 5/10/20% of
  all words by the known spinner and by spinners the detector does not know (`spinners.py`: FreeDict
  pivot, affix dropping, abbreviations; the FreeDict one is skipped with a message when
  `dict-freedict-eng-ind` is not installed).
Held-out articles need >= 100 words and must not be near-copies of build articles (8-gram overlap).
Reports TPR at the calibrated threshold (with its FPR on the test publishers) and TPR at FPR <= 2%
measured on the test publishers themselves; then the seeds, canonical-token agreement on spun copies,
and size, load time and per-article time of the shipped artefacts.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from spinners import FREEDICT, spin_share, unseen_spinners  # noqa: E402

from saring.article import Article, SourceRef  # noqa: E402
from saring.lexicon.collocations import Collocations  # noqa: E402
from saring.lexicon.context import ContextModel  # noqa: E402
from saring.lexicon.spinner import Swap, SynonymSource  # noqa: E402
from saring.lexicon.thesaurus import synonym_edges  # noqa: E402
from saring.lexicon.tokens import words  # noqa: E402
from saring.signals import build_spin as bs  # noqa: E402
from saring.signals.spin import SpinCalibration, analyse  # noqa: E402

BUILD = {"okezone", "tempo", "kompas", "wowkeren", "fimela"}
CALIBRATION = {"sindonews"}
TEST = {"tribunnews", "kapanlagi", "pos_metro"}
RATES = (0.1, 0.2, 0.4)
SHARES = (0.05, 0.1, 0.2)
SEEDS = ROOT.parent / "shared" / "seeds"
RAHUTOMO = ROOT.parent / "shared" / "data" / "rahutomo2017" / "normalized.jsonl"


def article(text: str, title: str = "") -> Article:
    return Article(id="eval", raw_text=text, title=title, text=text, source=SourceRef("eval"))


def tpr_at_fpr(negatives: np.ndarray, positives: np.ndarray, fpr: float) -> tuple[float, float]:
    """Highest TPR with FPR <= `fpr` on these negatives (threshold: smallest value passing)."""
    neg = np.sort(negatives)
    allowed = int(np.floor(fpr * len(neg)))
    thr = neg[len(neg) - allowed - 1] if allowed < len(neg) else -np.inf
    return float((positives > thr).mean()), float((negatives > thr).mean())


HEADER = "rate  swaps/doc  words swapped  TPR@threshold  TPR@FPR<=2% (FPR)  TPR@FPR<=1%"


def row(
    label: str,
    spun: list[tuple[str, list[Swap]]],
    neg_stat: np.ndarray,
    models: tuple[Collocations, ContextModel, SpinCalibration],
) -> str:
    """One table row: how many spun texts are flagged, and TPR at 2% / 1% FPR on the unspun ones."""
    results = [analyse(article(text), *models) for text, _ in spun]
    pos_stat = np.array([r.details["statistic"] for r in results])
    tpr2, fpr2 = tpr_at_fpr(neg_stat, pos_stat, 0.02)
    tpr1, _ = tpr_at_fpr(neg_stat, pos_stat, 0.01)
    flagged = np.mean([r.flag for r in results])
    swaps = statistics.mean(len(s) for _, s in spun)
    share = sum(len(s) for _, s in spun) / max(1, sum(len(words(t)) for t, _ in spun))
    return f"{label}  {swaps:9.1f}  {share:13.3f}  {flagged:13.3f}  {tpr2:11.3f} ({fpr2:.3f})  {tpr1:11.3f}"


def evaluate(args: argparse.Namespace) -> None:
    from saring.lexicon.mythes import read_mythes
    from saring.lexicon.spinner import forward_synonyms, spin

    t0 = time.perf_counter()
    entries = read_mythes()
    synonyms = forward_synonyms(entries)
    articles = bs.read_corpus(args.corpus)
    build = [a.text for a in articles if a.publisher in BUILD]
    _, col, counts = bs.build_statistics(build, synonym_edges(entries))
    ctx = bs.build_context(build, seed=13)
    calib = bs.held_out(articles, CALIBRATION, build, seed=1)[: 2 * args.limit]
    test = bs.held_out(articles, TEST, build, seed=2)[: args.limit]
    cal = bs.calibrate(col, ctx, calib, synonyms, seed=10_000, meta={})
    models = (col, ctx, cal)
    print(
        f"build: {sorted(BUILD)} {len(build)} articles, {int(counts.unigrams.sum())} tokens, "
        f"{len(col.keys)} bigrams"
    )
    print(f"calibration: {sorted(CALIBRATION)} {len(calib)} articles (half llr table, half ranking)")
    print(f"test: {sorted(TEST)} {len(test)} articles; setup {time.perf_counter() - t0:.0f}s")
    natural = [analyse(article(d.text), *models) for d in test]
    neg_score = np.array([r.score for r in natural])
    neg_stat = np.array([r.details["statistic"] for r in natural])
    print(
        f"\nFPR at the calibrated threshold (score >= {cal.threshold}): "
        f"{(neg_score >= cal.threshold).mean():.3f}"
    )
    print("known spinner (mythes-id, the detector's thesaurus), share of replaceable words:")
    print(HEADER)
    for rate in RATES:
        spun = [spin(d.text, synonyms, rate, seed=20_000 + i) for i, d in enumerate(test)]
        print(row(f"{rate:.0%}", spun, neg_stat, models))
    print("\nshare of all words swapped (unseen spinners: resources the detector never reads):")
    print(HEADER.replace("rate", "spinner       share"))
    for name, source in {"mythes-id": synonyms, **unseen_spinners()}.items():
        for share in SHARES:
            spun = [spin_share(d.text, source, share, seed=40_000 + i) for i, d in enumerate(test)]
            print(row(f"{name:12s}  {share:.0%}", spun, neg_stat, models))
    if "dictionary" not in unseen_spinners():
        print(f"(dictionary spinner skipped: {FREEDICT} absent; apt-get install dict-freedict-eng-ind)")
    for name in ("002_9d3e60e86370aa20", "000_c39cde28485d60bd"):
        r = analyse(seed_article(name), *models)
        print(
            f"seed {name[:3]} (eval statistics): score {r.score:.3f} flag {r.flag} "
            f"statistic {r.details['statistic']}"
        )
    canonical_agreement(test, synonyms)


def seed_article(name: str) -> Article:
    from saring.clean import clean
    from saring.ingest.text import parse_text

    return clean(parse_text((SEEDS / f"{name}.txt").read_text(encoding="utf-8"), SourceRef(name)))


def canonical_agreement(test: list[bs.CorpusArticle], synonyms: SynonymSource) -> None:
    """How often a spun word and its original get the same canonical token (shipped thesaurus)."""
    from saring.lexicon.canonical import canonical_tokens
    from saring.lexicon.spinner import spin
    from saring.lexicon.tokens import words

    same = total = 0
    jac_raw, jac_canon = [], []
    for i, d in enumerate(test[:300]):
        text, swaps = spin(d.text, synonyms, 0.2, seed=30_000 + i)
        for s in swaps:
            if " " not in s.replacement:
                total += 1
                same += canonical_tokens(s.original) == canonical_tokens(s.replacement)
        jac_raw.append(_jaccard(words(d.text), words(text), lambda t: t.norm))
        jac_canon.append(_jaccard(canonical_tokens(d.text), canonical_tokens(text), lambda t: t))
    print(
        f"\ncanonical tokens, 20% spins of {min(300, len(test))} test articles: same head for {same}/{total} "
        f"single-word swaps ({same / max(total, 1):.3f}); 5-gram Jaccard original vs spun: raw words "
        f"{np.mean(jac_raw):.3f}, canonical {np.mean(jac_canon):.3f}"
    )


def _jaccard(a: list, b: list, key) -> float:  # type: ignore[no-untyped-def, type-arg]
    sa = {tuple(key(x) for x in a[i : i + 5]) for i in range(len(a) - 4)}
    sb = {tuple(key(x) for x in b[i : i + 5]) for i in range(len(b) - 4)}
    return len(sa & sb) / max(len(sa | sb), 1)


def shipped(args: argparse.Namespace) -> None:
    from saring.signals import spin as sp

    data = [
        ROOT / "saring/lexicon/data/thesaurus_id.npz",
        ROOT / "saring/signals/data/spin_bigrams.npz",
        ROOT / "saring/signals/data/spin_context.npz",
        ROOT / "saring/signals/data/spin.json",
    ]
    print("\nshipped artefacts: " + ", ".join(f"{p.name} {p.stat().st_size / 1e6:.2f} MB" for p in data))
    t = time.perf_counter()
    _, _, cal = sp.load()
    print(
        f"load time (thesaurus, bigrams, context model, calibration): "
        f"{1000 * (time.perf_counter() - t):.0f} ms; "
        f"built from {cal.meta.get('build_publishers')}"
    )
    for name in ("002_9d3e60e86370aa20", "000_c39cde28485d60bd"):
        r = sp.detect(seed_article(name))
        print(
            f"seed {name[:3]} (shipped): score {r.score:.3f} flag {r.flag}; evidence: "
            + ", ".join(e.text for e in r.evidence)
        )
    articles = [a for a in bs.read_corpus(args.corpus) if a.publisher in TEST and len(a.text) >= 2000]
    texts = [a.text[: a.text.rfind(" ", 0, 2048)] for a in articles[: args.timing]]
    for text in texts[:20]:
        sp.detect(article(text))  # warm-up
    times, cpu = [], []
    for text in texts:
        a = article(text)
        t, c = time.perf_counter(), time.process_time()
        sp.detect(a)
        times.append(1000 * (time.perf_counter() - t))
        cpu.append(1000 * (time.process_time() - c))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"per 2 KB article ({len(texts)} articles, 1 thread): wall median {statistics.median(times):.2f} ms, "
        f"p95 {np.percentile(times, 95):.2f} ms; CPU median {statistics.median(cpu):.2f} ms; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; peak RSS {rss:.0f} MB"
    )
    if RAHUTOMO.exists():
        rows = [json.loads(line) for line in RAHUTOMO.open(encoding="utf-8")]
        for label in ("valid", "hoax"):
            flags = [sp.detect(_clean_row(r)).flag for r in rows if str(r.get("label")).lower() == label]
            print(
                f"rahutomo2017 {label} articles (other outlets, 2017): "
                f"flagged {np.mean(flags):.3f} of {len(flags)}"
            )


def _clean_row(row: dict) -> Article:  # type: ignore[type-arg]
    from saring.clean import clean

    return clean(Article(id=str(row["id"]), raw_text=row["text"], source=SourceRef("rahutomo")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=bs.DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=1000, help="test articles (calibration: twice as many)")
    parser.add_argument("--timing", type=int, default=500, help="articles for the timing run")
    parser.add_argument("--skip-eval", action="store_true", help="only the shipped-artefact checks")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"needs {args.corpus} (../shared/data beside the project); not present", file=sys.stderr)
        return 0
    if not args.skip_eval:
        evaluate(args)
    shipped(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
