"""The message catalogue: every code in both languages, the same fields in each, and every code the
code base names exists. A new English-only sentence or a typo in a code fails here."""

from __future__ import annotations

import re
import string

import pytest

from saring.messages import LANGS, Msg, catalogue, format_template, localize, msg, render
from tests.conftest import ROOT


def _fields(template: str) -> set[str]:
    return {f.split(".")[0].split("[")[0] for _, f, _, _ in string.Formatter().parse(template) if f}


def test_every_code_has_every_language_with_the_same_fields() -> None:
    for code, templates in catalogue().items():
        assert set(templates) == set(LANGS), f"{code}: missing {set(LANGS) - set(templates)}"
        fields = {lang: _fields(t) for lang, t in templates.items()}
        assert fields["id"] == fields["en"], f"{code}: fields differ {fields}"


def test_indonesian_is_not_the_english_copied() -> None:
    """A template may be the same in both languages only when it holds no words of its own."""
    for code, t in catalogue().items():
        words = re.sub(r"\{[^}]*\}", "", t["en"])
        if t["id"] == t["en"]:
            assert not re.search(r"[A-Za-z]{3,}", words), f"{code}: Indonesian template is the English one"


_CODE_USE = re.compile(r"""\bmsg\(\s*["']([a-z0-9_.]+)["']|\bMsg\(\s*["']([a-z0-9_.]+)["']""")


def test_every_code_named_in_the_source_is_in_the_catalogue() -> None:
    known = catalogue()
    used: dict[str, str] = {}
    for path in (ROOT / "saring").rglob("*.py"):
        if path.parent.name == "messages":
            continue  # the module's own docstring shows an example code
        for m in _CODE_USE.finditer(path.read_text(encoding="utf-8")):
            used[m.group(1) or m.group(2)] = str(path.relative_to(ROOT))
    missing = {code: where for code, where in used.items() if code not in known}
    assert not missing, f"codes used but not in the catalogue: {missing}"


def test_render_uses_the_languages_number_separators_and_joins_lists() -> None:
    spec = "{p:.0%} {x:.2f} {n:,}"
    values = {"p": 0.456, "x": 0.5, "n": 1234567}
    assert format_template(spec, "id", values) == "46% 0,50 1.234.567"
    assert format_template(spec, "en", values) == "46% 0.50 1,234,567"
    assert format_template("{w}", "id", {"w": ["a", "b", "c"]}) == "a, b dan c"
    assert format_template("{w}", "en", {"w": ("a", "b")}) == "a and b"
    assert format_template("{m}!", "id", {"m": msg("common.none")}) == "tidak ada!"


def test_templates_use_plain_field_names() -> None:
    """`format_template` reads `{name}` and `{name:spec}` only (no `{a.b}`, `{a[0]}`, `{a!r}`)."""
    for code, templates in catalogue().items():
        for template in templates.values():
            for _, name, _, conversion in string.Formatter().parse(template):
                assert name is None or (name.isidentifier() and conversion is None), f"{code}: {template}"


def test_localize_keeps_codes_beside_the_text() -> None:
    m = msg("common.none")
    doc = localize({"summary": m, "items": [{"why": m}], "n": 3}, "en")
    assert doc["summary"] == "none" and doc["summary_msg"] == {"code": "common.none", "params": {}}
    assert doc["items"][0]["why"] == "none" and doc["n"] == 3
    assert localize({"summary": m}, "id")["summary"] == "tidak ada"


def test_unknown_code_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match="not in the catalogue"):
        render(Msg("no.such.code"), "id")
