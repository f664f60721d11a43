"""Every sentence Saring says to a person, in Indonesian and English, from one catalogue.

Code paths never assemble prose: they return `Msg(code, params)` and the edges (report, CLI, API,
page) render it in the reader's language with `render` / `localize`. Indonesian is the default: the
people Saring serves read Indonesian. JSON keeps the code and parameters beside the rendered text
(`<key>_msg`), so programs never parse sentences and can render in a language of their own.

The catalogue is a folder of TOML files (`catalogue/*.toml`), one per part of the pipeline, each
leaf a table with one template per language:

    [spin.summary]
    id = "{swapped} dari {words} kata tampak hasil ganti kata"
    en = "{swapped} of {words} words read as swapped in"

Templates use `str.format` fields. Numbers follow the language's separators ("0,46" and "1.234"
in Indonesian); a list or tuple parameter is joined as a phrase ("a, b dan c"); a `Msg` parameter is
rendered in the same language first.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

LANGS = ("id", "en")
DEFAULT_LANG = "id"
_AND = {"id": "dan", "en": "and"}


@dataclass(frozen=True, slots=True)
class Msg:
    """A sentence to say, not yet in any language: a catalogue code and the values it names."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The stable, language-free form programs read (`{"code", "params"}`)."""
        return {"code": self.code, "params": {k: _plain(v) for k, v in self.params.items()}}


def msg(code: str, /, **params: Any) -> Msg:
    """Shorthand: `msg("spin.summary", swapped=3, words=120)`."""
    return Msg(code, params)


def _plain(value: Any) -> Any:
    if isinstance(value, Msg):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def check_lang(lang: str) -> str:
    """The language code if Saring speaks it; a `ValueError` naming the choices otherwise."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
    return lang


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    """All codes -> {lang: template}, merged from the TOML files; a code defined twice is an error."""
    merged: dict[str, dict[str, str]] = {}
    folder = resources.files("saring.messages").joinpath("catalogue")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        for code, templates in _leaves(tomllib.loads(entry.read_text(encoding="utf-8")), ""):
            if code in merged:
                raise ValueError(f"message code {code!r} is defined twice (second time in {entry.name})")
            merged[code] = templates
    return merged


def _leaves(table: Mapping[str, Any], prefix: str) -> Iterable[tuple[str, dict[str, str]]]:
    """Flatten nested tables; a table holding a string under a language key is one message."""
    for key, value in table.items():
        if not isinstance(value, Mapping):
            continue
        code = f"{prefix}{key}"
        if any(isinstance(value.get(lang), str) for lang in LANGS):
            yield code, {lang: value[lang] for lang in LANGS if isinstance(value.get(lang), str)}
        else:
            yield from _leaves(value, f"{code}.")


_SWAP_SEPARATORS = str.maketrans({",": ".", ".": ","})


@lru_cache(maxsize=4096)
def _parsed(template: str) -> tuple[tuple[str, str | None, str], ...]:
    """(literal, field name, format spec) runs of a template, parsed once: a report renders ~30
    messages, and parsing each template every time was most of that cost."""
    return tuple((literal, name, spec or "") for literal, name, spec, _ in string.Formatter().parse(template))


def format_template(template: str, lang: str, params: Mapping[str, Any]) -> str:
    """`str.format` with the language's number separators, phrase-joined lists, nested messages.

    Fields are plain names (`{score:.0%}`); the catalogue test keeps templates to that."""
    return "".join(
        literal + ("" if name is None else _field(params[name], spec, lang))
        for literal, name, spec in _parsed(template)
    )


def _field(value: Any, spec: str, lang: str) -> str:
    if isinstance(value, Msg):
        return format(render(value, lang), spec)
    if isinstance(value, (list, tuple)):
        return format(join_phrase([_field(v, "", lang) for v in value], lang), spec)
    text = format(value, spec)
    if lang == "id" and isinstance(value, (int, float)) and not isinstance(value, bool):
        text = text.translate(_SWAP_SEPARATORS)
    return text


def join_phrase(items: list[str], lang: str) -> str:
    """"a", "a dan b", "a, b dan c" (English: "a, b and c")."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {_AND[lang]} {items[-1]}"


def render(message: Msg | Iterable[Msg] | str, lang: str = DEFAULT_LANG) -> str:
    """The message in `lang`; several messages (sentences) are joined with spaces.

    A code missing in `lang` falls back to the other language rather than failing a report; the
    catalogue test makes sure that never ships.
    """
    if isinstance(message, str):
        return message
    if not isinstance(message, Msg):
        return " ".join(part for part in (render(m, lang) for m in message) if part)
    templates = catalogue().get(message.code)
    if templates is None:
        raise KeyError(f"message code {message.code!r} is not in the catalogue (saring/messages/catalogue)")
    template = templates.get(lang) or next(iter(templates.values()))
    return format_template(template, lang, message.params)


def localize(value: Any, lang: str = DEFAULT_LANG) -> Any:
    """A JSON-ready copy of `value` with every message rendered in `lang`.

    In a dict, a key holding a `Msg` (or a non-empty list of them) gets the rendered text and a
    sibling `<key>_msg` with the codes; everything else is copied as is.
    """
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if _is_prose(item):
                out[key] = render(item, lang)
                out[f"{key}_msg"] = item.to_dict() if isinstance(item, Msg) else [m.to_dict() for m in item]
            else:
                out[key] = localize(item, lang)
        return out
    if isinstance(value, Msg):
        return render(value, lang)
    if isinstance(value, (list, tuple)):
        return [localize(v, lang) for v in value]
    return value


def _is_prose(item: Any) -> bool:
    return isinstance(item, Msg) or (
        isinstance(item, (list, tuple)) and bool(item) and all(isinstance(m, Msg) for m in item)
    )
