"""One estimate for reports and posts: the form decides the population, both are calibrated, and
the evidence step runs after the look-ups in the pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from saring.article import Article, SourceRef
from saring.clean import clean
from saring.ingest.text import parse_text
from saring.model import load_default_model
from saring.model.estimate import CALIBRATED_FOR, load_default_estimator
from saring.pipeline import Analyzer
from saring.report import validate_report
from saring.signals import run_signals

FORMS = Path(__file__).resolve().parents[1] / "resources" / "forms"


def _read(path: Path) -> Article:
    return clean(parse_text(path.read_text(encoding="utf-8"), SourceRef(str(path))))


@pytest.mark.parametrize(
    ("name", "population"),
    [("chain_message.txt", "post"), ("job_scam.txt", "post"), ("news_report.txt", "report")],
)
def test_estimate_judges_each_text_against_its_population(name: str, population: str) -> None:
    report = Analyzer().analyze(_read(FORMS / name)).to_dict(lang="en")
    validate_report(report)
    hoax = report["hoax"]
    assert hoax["population"] == population
    assert hoax["calibrated_for_msg"] == CALIBRATED_FOR[population].to_dict()
    assert (hoax["post_probability"] >= 0.5) is (population == "post")
    assert ("forwarded chat post" in hoax["explanation"]) is (population == "post")
    assert "not a fact check" in hoax["explanation"]


def test_estimate_chain_message_is_riskier_than_the_report_about_it() -> None:
    estimator = load_default_estimator()
    chain, news = _read(FORMS / "chain_message.txt"), _read(FORMS / "news_report.txt")
    p_chain = estimator.predict(chain, run_signals(chain))
    p_news = estimator.predict(news, run_signals(news))
    assert p_chain["probability"] > p_news["probability"] + 0.2
    assert p_chain["label"] != "not_hoax" and p_news["label"] != "hoax"


@pytest.mark.parametrize("weight", [0.0, 0.3, 1.0])
def test_estimate_mixes_the_population_models_by_form(weight: float) -> None:
    estimator = load_default_estimator()
    text = "Presiden meresmikan jembatan baru di Kalimantan, kata juru bicara istana kepada wartawan."
    mixed = estimator.mix(text, [], weight)
    report, post = (load_default_model(p) for p in ("report", "post"))
    expected = weight * post.probability(text, []) + (1 - weight) * report.probability(text, [])
    assert mixed.probability == pytest.approx(expected)
    assert mixed.threshold == pytest.approx(
        weight * post.params.threshold + (1 - weight) * report.params.threshold
    )


def test_estimate_runs_form_itself_when_the_caller_skipped_it(seed_000: Path) -> None:
    article = _read(seed_000)
    subset = Analyzer(signal_names=["tone"]).assess(article).hoax
    assert subset is not None and subset["population"] == "report"


def test_estimate_evidence_is_folded_in_after_the_look_ups() -> None:
    """`assess` scores the text; `look_up` then applies the claims it holds (hand-built, as claims would)."""
    analyzer = Analyzer()
    report = analyzer.assess(_read(FORMS / "news_report.txt"))
    assert report.hoax is not None
    before = report.hoax["probability"]
    report.claims = [
        {
            "sentence": "x",
            "start": 0,
            "end": 1,
            "checkworthiness": 0.9,
            "matches": [
                {
                    "id": "fc1",
                    "claim": "BLT wajib daftar ulang lewat link",
                    "verdict": "false",
                    "score": 1.0,
                    "probability": 0.9,
                    "relation": "same_claim",
                }
            ],
        }
    ]
    analyzer.look_up(report)
    assert report.hoax["probability"] > before and report.hoax["text_probability"] == before
    assert report.hoax["evidence"][0]["kind"] == "fact_check"
    validate_report(report.to_dict())


def test_estimate_batch_twin_used_by_the_evaluation_agrees() -> None:
    """`openworld.mixed` (what eval.md measures) gives what `HoaxEstimator` gives a reader."""
    import numpy as np

    from saring.model.features import article_text
    from saring.model.openworld import featurise, mixed
    from saring.signals import SIGNALS

    estimator = load_default_estimator()
    articles = [_read(FORMS / n) for n in ("chain_message.txt", "job_scam.txt", "news_report.txt")]
    results = [run_signals(a) for a in articles]
    texts = [article_text(a.title, a.text) for a in articles]
    signals = np.array([[r.score for r in rs] for rs in results])
    form = signals[:, list(SIGNALS).index("form")]
    models = {p: m.params for p, m in estimator.models.items()}
    batch, thresholds = mixed(models, featurise(models, texts, signals), form)
    for i, (text, rs) in enumerate(zip(texts, results, strict=True)):
        one = estimator.mix(text, rs, float(form[i]))
        assert batch[i] == pytest.approx(one.probability) and thresholds[i] == pytest.approx(one.threshold)
