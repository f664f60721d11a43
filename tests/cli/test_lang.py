"""The command line speaks Indonesian unless told otherwise (issue 16): `--lang en` on every command,
$SARING_LANG, and the same report codes in either language."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pytest

from saring.cli import build_parser, main
from tests.conftest import RESOURCES, english_words


def _leaf_parsers(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The argv prefix of every command and action (`index add`, `serve`, ...)."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found += _leaf_parsers(child, (*path, name)) or [(*path, name)]
    return found


def test_lang_every_command_takes_lang() -> None:
    parser = build_parser()
    commands = _leaf_parsers(parser)
    assert len(commands) >= 12 and ("factcheck", "import") in commands and ("serve",) in commands
    for command in commands:
        with pytest.raises(SystemExit) as stop:  # every parser knows --lang; its --help then exits 0
            parser.parse_args([*command, "--lang", "en", "--help"])
        assert stop.value.code == 0, command


@pytest.mark.parametrize("argv", [["--lang", "en", "check"], ["check", "--lang", "en"]])
def test_lang_before_or_after_the_command(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*argv, str(RESOURCES / "english.txt")]) == 1
    assert capsys.readouterr().err.startswith("saring: error: ")


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("id", (r"saring: galat: .*english\.txt: SAR-E006 not_indonesian: terdeteksi 'en' \(p=\d,\d\d\) "
                r"\(teks ini bukan bahasa Indonesia; tambahkan --any-lang agar tetap dianalisis\)")),
        ("en", (r"saring: error: .*english\.txt: SAR-E006 not_indonesian: detected 'en' \(p=\d\.\d\d\) "
                r"\(the text is not Indonesian; pass --any-lang to analyse it anyway\)")),
    ],
)
def test_lang_error_line_in_each_language(lang: str, line: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--lang", lang, str(RESOURCES / "english.txt")]) == 1
    assert re.fullmatch(line, capsys.readouterr().err.strip())


@pytest.mark.parametrize(
    ("text", "indonesian", "english"),
    [
        ("ok", "1 kata, 2 huruf; diperlukan sedikitnya 2 kata dan 8 huruf",
         "1 word, 2 letters; at least 2 words and 8 letters are needed"),
        ("ok ok", "2 kata, 4 huruf", "2 words, 4 letters"),
        ("", "berkasnya kosong", "the file is empty"),
        ("\x00\x01binary", "berkas ini berisi byte NUL", "the file contains NUL bytes"),
    ],
)
def test_lang_refusal_details_in_each_language(
    tmp_path: Path, text: str, indonesian: str, english: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(text.encode())
    for lang, detail in (("id", indonesian), ("en", english)):
        assert main(["check", "--lang", lang, str(path)]) == 1
        err = capsys.readouterr().err
        assert detail in err, err


def test_lang_missing_file_in_each_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(tmp_path / "nope.txt")
    assert main(["check", missing]) == 1
    assert "berkas tidak ditemukan (berkas atau sumber yang diminta tidak ada)" in capsys.readouterr().err
    assert main(["check", "--lang", "en", missing]) == 1
    assert "no such file (the file or resource does not exist)" in capsys.readouterr().err


def test_lang_environment_variable_and_its_typo(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    records = str(RESOURCES / "records.jsonl")
    monkeypatch.setenv("SARING_LANG", "en")
    assert main(["check", "--json", records]) == 3
    assert "3 analysed, 4 skipped" in capsys.readouterr().err
    assert main(["check", "--json", "--lang", "id", records]) == 3  # the option wins over the variable
    assert "3 dianalisis, 4 dilewati" in capsys.readouterr().err
    monkeypatch.setenv("SARING_LANG", "fr")
    assert main(["check", records]) == 1
    err = capsys.readouterr().err
    assert "SAR-E012 bad_request: SARING_LANG=fr" in err and "id, en" in err


def test_lang_json_report_prose_follows_lang_codes_do_not(
    seed_002: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    documents = {}
    for lang in ("id", "en"):
        assert main(["check", "--json", "--lang", lang, str(seed_002)]) == 0
        documents[lang] = json.loads(capsys.readouterr().out)
    indonesian, english = documents["id"], documents["en"]
    assert indonesian["article"]["text"] == english["article"]["text"]  # the article is never translated
    assert [(s["name"], s["score"], s["flag"]) for s in indonesian["signals"]] == [
        (s["name"], s["score"], s["flag"]) for s in english["signals"]
    ]
    hoax_id, hoax_en = indonesian["hoax"], english["hoax"]
    assert hoax_id["probability"] == hoax_en["probability"]
    assert hoax_id["explanation_msg"] == hoax_en["explanation_msg"]  # programs read the codes
    assert hoax_id["explanation"] != hoax_en["explanation"]
    assert english_words(hoax_en["explanation"]) and not english_words(hoax_id["explanation"])


def test_lang_terminal_report_in_each_language(seed_002: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The terminal report is all Indonesian by default: no English function word outside the article's
    own text and the evidence it quotes; `--lang en` gives the English one."""
    outputs = {}
    for lang in ("id", "en"):
        assert main(["check", "--color", "never", "--lang", lang, str(seed_002)]) == 0
        outputs[lang] = capsys.readouterr().out
    assert main(["check", "--json", str(seed_002)]) == 0
    article = json.loads(capsys.readouterr().out)["article"]
    quoted = (article["title"], article["text"])
    assert english_words(outputs["id"], *quoted) == []
    assert len(english_words(outputs["en"], *quoted)) > 20


def test_lang_codes_built_from_values_are_all_in_the_catalogue() -> None:
    """Codes named with an f-string (the test in tests/messages finds only literal ones)."""
    from saring.api.errors import API_HINTED
    from saring.claims.verdicts import VERDICTS
    from saring.errors import CODES
    from saring.messages import catalogue

    known = catalogue()
    wanted = [f"terminal.verdict.{v}" for v in VERDICTS] + [f"errors.{name}.hint" for name in CODES]
    wanted += [f"terminal.relation.{r}" for r in ("copy", "partial_copy", "spin", "same_story")]
    wanted += [f"cli.trace.kind.{k}" for k in ("verbatim", "reworded")]
    wanted += [f"errors.{name}.api_hint" for name in API_HINTED]
    assert [code for code in wanted if code not in known] == []


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        ("id", ["  1. hasil spinning    kemiripan 0,81",
                "paragraf 1,2 <- paragraf sumber 3 (kata diganti, 0,77)"]),
        ("en", ["  1. spun rewrite      similarity 0.81",
                "paragraph 1,2 <- source paragraph 3 (words swapped, 0.77)"]),
    ],
)
def test_lang_trace_matches_in_each_language(lang: str, lines: list[str]) -> None:
    from saring.cli.trace import render_matches

    passage = {"query": {"paragraphs": [0, 1]}, "source": {"paragraphs": [2]}, "kind": "reworded",
               "similarity": 0.77, "text": "Warga kampung menggelar kerja bakti."}
    match = {"relation": "spin", "similarity": 0.81, "id": "k1", "site": "kabar.id",
             "published": "2019-05-01", "title": "Kerja Bakti", "url": None, "passages": [passage]}
    shown = render_matches("", [match], lang)
    assert all(line in shown for line in lines), shown
    assert "“Warga kampung menggelar kerja bakti.”" in shown  # the article's words as written


def test_lang_batch_reports_in_the_language_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hoax = {}
    for lang in ("id", "en"):
        out = tmp_path / lang
        argv = ["batch", str(RESOURCES / "records.jsonl"), "--out", str(out), "-j", "1", "--lang", lang]
        assert main(argv) == 3
        hoax[lang] = json.loads((out / "shard-00000.jsonl").read_text().splitlines()[0])["hoax"]
    assert "3 laporan, 4 ditolak" in capsys.readouterr().err.split("saring batch: 3 reports")[0]
    assert hoax["id"]["explanation_msg"] == hoax["en"]["explanation_msg"]
    assert english_words(hoax["id"]["explanation"]) == []
    assert len(english_words(hoax["en"]["explanation"])) >= 3
