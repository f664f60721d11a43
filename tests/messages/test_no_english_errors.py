"""Issue 16: every coded error says its detail and hint from the message catalogue.

A `SaringError(name, detail, hint)` whose detail or hint is an English sentence written in the code
(a string literal or an f-string, directly or through a local variable) would reach Indonesian users
in English. Technical values (a path, a library's own message, `type(x).__name__`) may stay plain:
they are not literals. A literal made only of fields and punctuation (`f"{path}: {reason}"`) holds no
words to translate and passes too.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

_WORD = re.compile(r"[A-Za-z]{2,}")


def _has_words(node: ast.expr) -> bool:
    """A string literal, f-string, string concatenation or `"...".format(...)` whose own text has words."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(_WORD.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_has_words(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _has_words(node.left) or _has_words(node.right)
    if isinstance(node, ast.IfExp):
        return _has_words(node.body) or _has_words(node.orelse)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _has_words(node.func.value)
    return False


def _assigned(scope: ast.AST, name: str) -> Iterator[ast.expr]:
    """The values assigned to local `name` in the function (or module) around a call."""
    for node in ast.walk(scope):
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            yield value


def _prose_arguments(call: ast.Call) -> Iterator[ast.expr]:
    """The detail and hint a `SaringError(...)` call passes (2nd and 3rd positional, or by keyword)."""
    yield from call.args[1:3]
    yield from (k.value for k in call.keywords if k.arg in ("detail", "hint"))


def _is_saring_error(call: ast.Call) -> bool:
    func = call.func
    return (isinstance(func, ast.Name) and func.id == "SaringError") or (
        isinstance(func, ast.Attribute) and func.attr == "SaringError"
    )


def _scopes(tree: ast.Module) -> Iterator[tuple[ast.AST, ast.Call]]:
    """Each `SaringError(...)` call with the innermost function (or the module) that holds it."""
    stack: list[tuple[ast.AST, ast.AST]] = [(tree, tree)]
    while stack:
        node, scope = stack.pop()
        for child in ast.iter_child_nodes(node):
            inner = child if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) else scope
            if isinstance(child, ast.Call) and _is_saring_error(child):
                yield inner, child
            stack.append((child, inner))


def english_details(source: str, where: str) -> list[str]:
    """`where:line: argument` for every detail or hint of `source` given as words in the code."""
    found = []
    for scope, call in _scopes(ast.parse(source)):
        for arg in _prose_arguments(call):
            values = list(_assigned(scope, arg.id)) if isinstance(arg, ast.Name) else [arg]
            if any(_has_words(v) for v in values):
                found.append(f"{where}:{call.lineno}: {ast.unparse(arg)[:80]}")
    return found


def _sources() -> list[Path]:
    return sorted((ROOT / "saring").rglob("*.py"))


def test_no_english_errors_every_detail_and_hint_is_a_catalogue_message() -> None:
    found = [
        line
        for path in _sources()
        for line in english_details(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    ]
    assert not found, "English details or hints; use msg(...) and the catalogue:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("source", "n_found"),
    [
        ('raise SaringError("bad_request", "the input holds no record")', 1),
        ('raise SaringError("bad_request", f"no input files in {paths}", hint="give a file")', 2),
        ('def f(x):\n    detail = f"line {x} is too long"\n    raise SaringError("too_large", detail)', 1),
        ('raise errors.SaringError(name="x", detail="a" + " long line")', 1),
        ('raise SaringError("x", msg("a") if ok else "no such file")', 1),
        ('raise SaringError("not_found", f"{path}: {reason}")', 0),
        ('raise SaringError("not_found", msg("errors.detail.no_such_file", path=p), hint=hint)', 0),
        ('def f(exc):\n    detail = str(exc)\n    raise SaringError("store_error", detail)', 0),
        ('def f(d):\n    raise SaringError("x", d)\ndef g():\n    d = "words here"', 0),
    ],
)
def test_no_english_errors_the_scan_finds_words_not_values(source: str, n_found: int) -> None:
    assert len(english_details(source, "example.py")) == n_found
