"""Whole reports in Indonesian: no English template text leaks into the JSON prose or the terminal report.

Real inputs: the two seeds, a short chat forward, and a text matched against the fact-checks in
tests/resources (with a store). What the article itself says (its text, quotes, names, fact-check
titles, word patterns) is not ours to translate, so every string a message quotes as a parameter is
set aside before looking for English words; prose not yet in the catalogue (a plain `str` without a
`<key>_msg` sibling) is cut out of the terminal report whole, and `..._prose_not_yet_in_catalogue`
says which modules may still give it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from saring.article import Article, SourceRef
from saring.claims.checkworthy import ANTI_CUES, CUES
from saring.claims.factchecks import FactCheck, read_factchecks
from saring.claims.match import CUE_WORDS
from saring.claims.retrieval import FactCheckIndex
from saring.claims.storage import import_factchecks
from saring.clean import clean
from saring.clean.boilerplate import PATTERNS
from saring.ingest.text import parse_text
from saring.messages import Msg, catalogue, render
from saring.pipeline import Analyzer
from saring.report import Report, validate_report
from saring.report.build import removed_msg
from saring.report.render_text import render_text
from saring.signals import attribution, tone
from saring.signals.attribution_lexicon import ANONYMOUS_PATTERNS
from saring.store import open_store
from tests.conftest import RESOURCES, ROOT, SEED_000, SEED_002, english_words, need

CHAT_FORWARD = (
    "Assalamualaikum Bapak Ibu, info dari grup sebelah!! Mulai besok ada pembagian bansos tunai "
    "Rp 600.000 untuk semua warga yang punya KTP. Segera daftar lewat link bit.ly/bansos-2024 sebelum "
    "kuota habis. Kirim foto KTP dan KK ke nomor WA 0812-3456-7890. Sebarkan ke semua grup keluarga ya, "
    "sebelum dihapus!!!"
)
MATCHED = (
    "Pesan berantai yang beredar sejak Senin menyebut kapal selam KRI Nanggala 402 sudah ditemukan "
    "setelah 21 jam hilang kontak. Warga diminta tetap tenang.\n\n"
    "Minum air hangat setiap 15 menit dapat membunuh virus corona di tenggorokan. "
    "Semoga keadaan segera membaik."
)


def _article(text: str, title: str = "", name: str = "t") -> Article:
    return clean(parse_text(text, SourceRef(name), title=title))


def _seed(path: Path) -> Article:
    return _article(need(path).read_text(encoding="utf-8"), name=str(path))


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Report]:
    analyzer = Analyzer()
    out = {
        "seed_000": analyzer.analyze(_seed(SEED_000)),
        "seed_002": analyzer.analyze(_seed(SEED_002)),
        "chat_forward": analyzer.analyze(_article(CHAT_FORWARD)),
    }
    store = open_store(str(tmp_path_factory.mktemp("fc") / "fc.db"))
    store.migrate()
    checks = [x for x in read_factchecks(RESOURCES / "factchecks" / "index.csv") if isinstance(x, FactCheck)]
    import_factchecks(store, checks)
    with_store = Analyzer(factchecks=FactCheckIndex(store), store=store)
    out["fact_checked"] = with_store.analyze(_article(MATCHED, "Kabar KRI Nanggala dan obat COVID-19"))
    store.close()
    return out


def _msg(data: Any) -> Any:
    """A `Msg` back from its JSON form (`{"code", "params"}`; parameters may be messages or lists)."""
    if isinstance(data, dict) and set(data) == {"code", "params"}:
        return Msg(data["code"], {k: _msg(v) for k, v in data["params"].items()})
    if isinstance(data, list):
        return [_msg(v) for v in data]
    return data


def _messages(document: Any) -> Iterator[tuple[str, Any]]:
    """(prose key, its message or messages) for every `<key>_msg` in the document."""
    if isinstance(document, dict):
        for key, value in document.items():
            if key.endswith("_msg"):
                yield key[:-4], _msg(value)
            else:
                yield from _messages(value)
    elif isinstance(document, list):
        for item in document:
            yield from _messages(item)


def _nested(message: Any) -> Iterator[Msg]:
    if isinstance(message, Msg):
        yield message
        for value in message.params.values():
            yield from _nested(value)
    elif isinstance(message, list):
        for item in message:
            yield from _nested(item)


def _quoted(message: Any) -> Iterator[str]:
    """The strings a message quotes: article words, names, fact-check titles, word patterns."""
    for m in _nested(message):
        for value in m.params.values():
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str):
                    yield item


def _untranslated(document: Any) -> Iterator[str]:
    """Prose keys holding plain text with no `<key>_msg` beside them (modules not yet converted)."""
    if isinstance(document, dict):
        for key in ("why", "summary", "explanation"):
            if isinstance(document.get(key), str) and document[key] and f"{key}_msg" not in document:
                yield document[key]
        for value in document.values():
            yield from _untranslated(value)
    elif isinstance(document, list):
        for item in document:
            yield from _untranslated(item)


def _foreign_words(report: Report, document: dict[str, Any]) -> set[str]:
    """Words Saring does not write itself: the article's, the store's, and quoted parameters."""
    art = document["article"]
    texts = [art["title"], art["text"], *(r["text"] for r in art["removed"])]
    texts += [e["text"] for s in document["signals"] for e in s["evidence"]]
    texts += [f["feature"] for f in (document["hoax"] or {}).get("top_features", [])]
    texts += [c["sentence"] for c in document["claims"]]
    matches = [m for c in document["claims"] for m in c["matches"]]
    texts += [str(m.get(k) or "") for m in matches for k in ("claim", "publisher")]
    texts += [word for m in matches for words in m.get("reason", {}).values() for word in words]
    texts += [q for _, message in _messages(document) for q in _quoted(message)]
    texts += [str(document["lookups"]["store"] or ""), (document["hoax"] or {}).get("model", "")]
    return {w.lower() for t in texts for w in re.findall(r"\w+", t)}


@pytest.mark.parametrize("name", ["seed_000", "seed_002", "chat_forward", "fact_checked"])
def test_report_language_indonesian_json_and_terminal_have_no_english(
    name: str, reports: dict[str, Report]
) -> None:
    report = reports[name]
    document = report.to_dict()
    validate_report(document)
    validate_report(report.to_dict(lang="en"))
    foreign = _foreign_words(report, document)
    prose = " ".join(render(message, "id") for _, message in _messages(document))
    leaked = [w for w in english_words(prose) if w.lower() not in foreign]
    assert not leaked, f"English words in the Indonesian report prose: {leaked}"
    terminal = render_text(document, lang="id")
    for plain in _untranslated(document):  # set aside whole, so that its words are not excused elsewhere
        terminal = terminal.replace(plain, "")
    leaked = [w for w in english_words(terminal) if w.lower() not in foreign]
    assert not leaked, f"English words in the Indonesian terminal report: {leaked}"


@pytest.mark.parametrize("name", ["seed_000", "seed_002", "chat_forward", "fact_checked"])
def test_report_language_every_message_differs_between_languages(
    name: str, reports: dict[str, Report]
) -> None:
    """Each message used renders differently in Indonesian and English, unless its template holds no words
    of its own ("{n} {what}", a quoted pattern)."""
    document = reports[name].to_dict(lang="en")
    seen = 0
    for key, message in _messages(document):
        for m in _nested(message):
            seen += 1
            own_words = re.sub(r"\{[^}]*\}", "", catalogue()[m.code]["en"])
            if re.search(r"[A-Za-z]{3,}", own_words):
                assert render(m, "id") != render(m, "en"), f"{key}: {m.code} reads the same in both languages"
    assert seen >= 20


def test_report_language_json_keeps_codes_and_prose_in_the_asked_language(reports: dict[str, Report]) -> None:
    report = reports["seed_002"]
    by_lang = {lang: report.to_dict(lang) for lang in ("id", "en")}
    clickbait = [s for s in by_lang["id"]["signals"] if s["name"] == "clickbait"][0]
    assert clickbait["summary_msg"]["code"] == "clickbait.summary_flag"
    assert clickbait["summary"].startswith("judul tampak seperti umpan klik")
    shouting = [e for e in clickbait["evidence"] if e["why_msg"]["code"] == "clickbait.shouting"]
    assert shouting and shouting[0]["why"] == "judul ditulis dengan huruf kapital semua (berteriak)"
    for lang in ("id", "en"):
        hoax = by_lang[lang]["hoax"]
        assert hoax["explanation"] == render(_msg(hoax["explanation_msg"]), lang)
    # The codes are the same whatever the language; only the text differs.
    assert list(_messages(by_lang["id"])) == list(_messages(by_lang["en"]))
    assert report.to_json(lang="en") != report.to_json()
    with pytest.raises(ValueError, match="unknown language"):
        report.to_dict(lang="fr")


def test_report_language_prose_not_yet_in_catalogue(reports: dict[str, Report]) -> None:
    """Only modules other helpers are converting may still give plain text (spin); none of ours."""
    for report in reports.values():
        document = report.to_dict()
        plain = {s["name"] for s in document["signals"] if s["summary"] and "summary_msg" not in s}
        plain |= {s["name"] for s in document["signals"] for e in s["evidence"] if "why_msg" not in e}
        assert plain <= {"spin"}, plain
        assert "explanation_msg" in document["hoax"] and "calibrated_for_msg" in document["hoax"]


def test_report_language_every_removal_reason_has_words() -> None:
    """Cleaning and the image reader give `Removed.reason` codes; each has its catalogue entry."""
    reasons = {"duplicate_paragraph", "repeated_title", "boilerplate:site_repeated"}
    reasons |= {f"boilerplate:{reason}" for reason, _ in PATTERNS}
    layout = (ROOT / "saring" / "ingest" / "layout.py").read_text(encoding="utf-8")
    reasons |= set(re.findall(r'"(ocr_[a-z_]+)"', layout))
    missing = {r for r in reasons if removed_msg(r).code == "removed.other"}
    assert not missing, f"removal reasons without words in catalogue/removed.toml: {missing}"
    assert render(removed_msg("boilerplate:share_bar"), "id") == "tombol bagikan"
    assert "ocr_new_kind" in render(removed_msg("ocr_new_kind"), "id")  # a newer code is named, not lost


def test_report_language_every_data_driven_kind_has_words() -> None:
    """Word-list categories, anonymous-sourcing reasons and check-worthiness cues come from tables: each
    needs a message."""
    assert set(tone.lexicon().values()) <= set(tone._CATEGORY)
    assert {reason for reason, _, _ in ANONYMOUS_PATTERNS} | {"hearsay"} <= set(attribution._ANONYMOUS_WHY)
    assert {reason for reason, weight, _ in CUES + ANTI_CUES if weight > 0} <= set(CUE_WORDS)
