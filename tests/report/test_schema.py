"""Every report validates against the shipped JSON Schema."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from saring.article import Article
from saring.ingest import read_path
from saring.pipeline import Analyzer, prepare
from saring.report import SCHEMA_ID, load_schema, validate_report
from saring.settings import IngestOptions
from tests.conftest import RESOURCES, SEED_000, SEED_002, need

INPUTS = [
    SEED_000, SEED_002, RESOURCES / "news_page.html", RESOURCES / "records.jsonl", RESOURCES / "tiny.warc.gz"
]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_report_validates(path: Path, analyzer: Analyzer) -> None:
    options = IngestOptions()
    n = 0
    for item in read_path(str(need(path)), options):
        if not isinstance(item, Article):
            continue
        prepared = prepare(item, options)
        if not isinstance(prepared, Article):
            continue
        document = analyzer.analyze(prepared).to_dict()
        validate_report(document)
        assert document["schema"] == SCHEMA_ID
        assert document["article"]["n_chars"] == len(document["article"]["text"])
        for signal in document["signals"]:
            for ev in signal["evidence"]:
                source = document["article"]["title" if ev.get("field") == "title" else "text"]
                assert source[ev["start"]:ev["end"]] == ev["text"]
        n += 1
    assert n >= 1


def test_schema_rejects_wrong_documents() -> None:
    jsonschema.Draft202012Validator.check_schema(load_schema())
    with pytest.raises(jsonschema.ValidationError):
        validate_report({"schema": "saring.report/2"})


@pytest.mark.parametrize(
    "lookups",
    [
        {"store": None, "factchecks": None, "claims": "matched"},
        {"store": "saring.db", "factchecks": -1, "claims": "searched"},
        {"store": None, "claims": "no_store"},
    ],
)
def test_schema_rejects_bad_lookups(lookups: dict[str, object]) -> None:
    options = IngestOptions()
    item = next(iter(read_path(str(need(SEED_002)), options)))
    article = prepare(item, options) if isinstance(item, Article) else item
    assert isinstance(article, Article)
    document = Analyzer(signal_names=[]).analyze(article).to_dict()
    assert document["lookups"] == {"store": None, "factchecks": None, "claims": "no_store"}
    validate_report(document)
    bad = {**document, "lookups": lookups}
    with pytest.raises(jsonschema.ValidationError):
        validate_report(bad)
