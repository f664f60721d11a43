"""Static checks of the page: both languages have every string, and no script builds HTML from text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parents[2] / "saring" / "api" / "static"


def _language_keys() -> dict[str, set[str]]:
    source = (STATIC / "i18n.js").read_text(encoding="utf-8")
    blocks = re.search(r"const STRINGS = \{(.*?)\n  \};", source, re.S)
    assert blocks
    found = {}
    for lang, body in re.findall(r"\n    (id|en): \{(.*?)\n    \},", blocks.group(1), re.S):
        found[lang] = set(re.findall(r"^\s+(\w+):", body, re.M))
    return found


def test_page_both_languages_have_the_same_strings() -> None:
    keys = _language_keys()
    assert set(keys) == {"id", "en"}
    assert keys["id"] == keys["en"]


@pytest.mark.parametrize("attribute", ["data-i18n", "data-i18n-placeholder"])
def test_page_every_marked_element_has_a_string(attribute: str) -> None:
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    used = set(re.findall(rf'{attribute}="(\w+)"', html))
    assert used and used <= _language_keys()["en"]


@pytest.mark.parametrize("script", ["app.js", "render.js", "i18n.js"])
def test_page_scripts_never_parse_html(script: str) -> None:
    source = (STATIC / script).read_text(encoding="utf-8")
    for sink in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
        'setAttribute("on',
        "DOMParser",
    ):
        assert sink not in source, f"{script} uses {sink}"


def test_page_has_no_inline_script_or_style() -> None:
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert "<style" not in html and " style=" not in html and " on" + "click=" not in html
