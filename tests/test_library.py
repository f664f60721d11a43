"""The Python API (`saring.check`, `check_many`, `report_row`, `Report.to_json`) and its docs example."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import saring
from saring.article import Article, SourceRef
from saring.ingest import read_path
from saring.ingest.text import parse_text
from saring.report import validate_report
from saring.settings import IngestOptions
from tests.conftest import RESOURCES, ROOT, SEED_000, SEED_002, need

LANG = RESOURCES / "lang"
RECORDS = RESOURCES / "records.jsonl"


def _lines(name: str) -> list[str]:
    return [x for x in (LANG / f"{name}.txt").read_text(encoding="utf-8").splitlines() if x.strip()]


@pytest.mark.parametrize("module", ["saring.pipeline", "saring.library", "numpy"])
def test_library_import_saring_stays_cheap(module: str) -> None:
    code = f"import saring, sys; saring.Article; saring.SaringError; print({module!r} in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("seed", [SEED_002])
def test_library_check_text_path_and_article_give_the_same_report(seed: Path) -> None:
    text = need(seed).read_text(encoding="utf-8")
    by_path, by_str_path = saring.check(seed), saring.check(str(seed))
    article = parse_text(text, SourceRef(str(seed)))
    by_article = saring.check(article)
    by_text = saring.check(article.raw_text, title=article.title)
    validate_report(by_path.to_dict())
    assert by_path.to_dict() == by_str_path.to_dict() == by_article.to_dict()
    assert by_text.to_dict()["signals"] == by_path.to_dict()["signals"]
    assert by_text.hoax == by_path.hoax and 0 <= by_path.hoax["probability"] <= 1  # type: ignore[index]


@pytest.mark.parametrize("indent", [None, 2])
def test_library_to_json_is_the_document(indent: int | None) -> None:
    report = saring.check(need(SEED_000))
    assert json.loads(report.to_json(indent)) == report.to_dict()
    assert ("\n" in report.to_json(indent)) == (indent is not None)


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: saring.check(""), "empty_input"),
        (lambda: saring.check(_lines("en")[0] + " " + _lines("en")[1]), "not_indonesian"),
        (lambda: saring.check(Path("no/such/article.txt")), "not_found"),
        (lambda: saring.check(RECORDS), "bad_request"),  # several records: check_many's job
        (lambda: saring.check(42), "bad_request"),  # type: ignore[arg-type]
        (lambda: saring.check(RECORDS, title="x"), "bad_request"),
        (lambda: saring.check(str(SEED_002), title="x"), "bad_request"),  # a str naming a file is a path
        (lambda: saring.check("Teks pendek saja.", db="no-such-store.db"), "not_found"),
        (lambda: list(saring.check_many([{"title": "tanpa teks"}])), "missing_field"),
        (lambda: list(saring.check_many(["Teks berita."], on_error="ignore")), "bad_request"),  # type: ignore[arg-type]
    ],
)
def test_library_bad_input_raises_a_coded_error(call: object, name: str) -> None:
    with pytest.raises(saring.SaringError) as caught:
        call()  # type: ignore[operator]
    assert caught.value.name == name and caught.value.code.startswith("SAR-E")


@pytest.mark.parametrize("name", ["en"])
def test_library_any_lang_analyses_what_the_gate_refuses(name: str) -> None:
    text = " ".join(_lines(name)[:3])
    with pytest.raises(saring.SaringError, match="any_lang=True"):
        saring.check(text)
    assert saring.check(text, any_lang=True).article.lang == "en"


@pytest.mark.parametrize("path", [RECORDS])
def test_library_check_many_streams_a_file_in_order_and_skips_or_raises(path: Path) -> None:
    read = list(read_path(str(path), IngestOptions()))
    ids = [a.id for a in read if isinstance(a, Article)]
    reports = list(saring.check_many([path], on_error="skip"))
    got = [r.article.id for r in reports]
    assert got == [i for i in ids if i in got] and 0 < len(got) < len(read)  # the file holds bad records
    with pytest.raises(saring.SaringError, match=str(path)):
        list(saring.check_many([path]))


@pytest.mark.parametrize("texts", [_lines("id_hard")[:4] + _lines("en")[:1]])
def test_library_check_many_reports_items_in_input_order(texts: list[str]) -> None:
    records = [{"id": f"r{i}", "text": t} for i, t in enumerate(texts)]
    reports = list(saring.check_many(records, on_error="skip"))
    assert [r.article.id for r in reports] == ["r0", "r1", "r2", "r3"]  # r4, English, skipped
    with pytest.raises(saring.SaringError, match="item 1: cannot check a int"):
        list(saring.check_many([texts[0], 7]))  # type: ignore[list-item]
    row = saring.report_row(reports[0])
    assert row["id"] == "r0" and {"hoax_probability", "clickbait_flag", "claims"} <= set(row)


@pytest.mark.slow
@pytest.mark.parametrize("jobs", [2])
def test_library_check_many_with_workers_equals_one_process(jobs: int) -> None:
    texts = [line for name in ("id_hard", "ms") for line in _lines(name)]  # 70 items, most ms ones refused
    one = [r.to_dict() for r in saring.check_many(texts, on_error="skip")]
    pooled = [r.to_dict() for r in saring.check_many(texts, jobs=jobs, on_error="skip")]
    assert pooled == one and len(one) > 20


def _docs_example() -> str:
    doc = (ROOT / "docs" / "library.md").read_text(encoding="utf-8")
    section = doc.split("## pandas", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match, "docs/library.md lost its pandas example"
    return match.group(1)


def test_library_the_pandas_example_in_the_docs_runs() -> None:
    pytest.importorskip("pandas", reason="pandas is in the dev extra only")
    namespace: dict[str, object] = {}
    exec(compile(_docs_example(), "docs/library.md", "exec"), namespace)  # noqa: S102 - our own docs
    table = namespace["table"]
    assert list(table.index) == ["n1", "n2", "n3"]  # type: ignore[attr-defined]
    probabilities = table["hoax_probability"]  # type: ignore[index]
    assert probabilities.notna().tolist() == [True, True, False]  # the English row was skipped
    assert 0 <= probabilities["n1"] <= 1 and table["hoax_label"]["n1"] in {"hoax", "not_hoax", "uncertain"}  # type: ignore[index]


def test_library_readme_example_runs_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    """README's "Use it from Python" block, executed as a reader would paste it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Use it from Python", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    exec(compile(block, "README.md", "exec"), {})  # noqa: S102 - our own docs
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and lines[1].startswith("a1 ")  # "ok" was skipped, a1 reported
