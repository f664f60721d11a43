"""The install promises of the README (issue 15): `pip install .` alone reads HTML; each extra brings
what its code imports.

The core promise is tested for real, in a fresh venv without system site-packages (slow: 38-68 s
under load with this machine's package index); that is what catches `lxml_html_clean`, imported
by jusText under trafilatura. The same venv then takes the extras one at a time, each followed by a
smoke run of what it promises (a venv per extra would cost a core install each; installed in turn,
an extra could lean on one installed before it, which the static check covers): every third-party
module that the code of an extra imports must come from that extra's declared requirements or the
core's, following the installed packages' own requirements. That check catches an `httpx` imported
by the API but declared only in `dev`.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, packages_distributions, requires
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from tests.conftest import RESOURCES, ROOT

# Code that belongs to an extra besides the files calling `require(module, extra)` themselves.
_EXTRA_DIRS = {"saring/api/": "api"}
_REQUIRE = re.compile(r"""require\(\s*["']([\w.]+)["']\s*,\s*["'](\w+)["']""")


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _closure(requirements: list[str]) -> set[str]:
    """Distributions pulled in by `requirements`, following installed metadata (extras included)."""
    names: set[str] = set()
    done: set[tuple[str, frozenset[str]]] = set()
    todo = [Requirement(r) for r in requirements]
    while todo:
        req = todo.pop()
        key = (_normalize(req.name), frozenset(req.extras))
        if key in done:
            continue
        done.add(key)
        names.add(key[0])
        try:
            deps = requires(req.name) or []
        except PackageNotFoundError:
            continue
        envs = [{"extra": extra} for extra in req.extras] or [{"extra": ""}]
        todo += [d for d in map(Requirement, deps) if not d.marker or any(d.marker.evaluate(e) for e in envs)]
    return names


def _project() -> dict[str, list[str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras: dict[str, list[str]] = project["optional-dependencies"]
    return {"core": project["dependencies"], **extras}


def _third_party_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return {m for m in found if m not in sys.stdlib_module_names and m != "saring"}


def _extra_of(rel: str, text: str) -> str:
    declared = {extra for _, extra in _REQUIRE.findall(text) if extra != "core"}
    by_dir = [extra for prefix, extra in _EXTRA_DIRS.items() if rel.startswith(prefix)]
    return (declared | set(by_dir)).pop() if declared | set(by_dir) else "core"


def test_install_every_import_is_declared_in_its_extra() -> None:
    groups = _project()
    closures = {name: _closure(reqs) for name, reqs in groups.items() if name not in ("all", "dev")}
    distributions = packages_distributions()
    missing = []
    for path in sorted((ROOT / "saring").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        text = path.read_text(encoding="utf-8")
        extra = _extra_of(rel, text)
        allowed = closures["core"] | closures[extra]
        modules = _third_party_imports(path) | {m.split(".")[0] for m, _ in _REQUIRE.findall(text)}
        for module in sorted(modules):
            dists = {_normalize(d) for d in distributions.get(module, [])}
            if not dists:
                missing.append(f"{rel}: '{module}' is not installed here, so its extra cannot be checked")
            elif not dists & allowed:
                missing.append(f"{rel} ({extra}): '{module}' comes from {sorted(dists)}, not declared there")
    assert not missing, "\n".join(missing)


def test_install_require_names_real_extras() -> None:
    groups = _project()
    for path in (ROOT / "saring").rglob("*.py"):
        for module, extra in _REQUIRE.findall(path.read_text(encoding="utf-8")):
            assert extra in groups, f"{path}: require({module!r}, {extra!r}) names no extra of pyproject.toml"


# What each extra promises, run right after it is installed: (arguments of `saring` or `python -c`).
_API_SMOKE = (
    "from fastapi.testclient import TestClient; from saring.api import ApiSettings, create_app; "
    "c = TestClient(create_app(ApiSettings())); "
    "r = c.post('/v1/check', json={'text': open('{page}').read()}); "
    "assert r.status_code == 200, r.text; assert r.json()['article']['title']"
)
# (argv, exit code, text its stdout must hold): tiny.warc.gz, index.csv and records.jsonl each hold a bad
# record on purpose, so those commands finish with skipped records (3) after doing their work.
_DRAW_SHOT = (
    "from PIL import Image, ImageDraw, ImageFont; im = Image.new('RGB', (900, 300), 'white'); "
    "f = ImageFont.truetype('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', 28); "
    "ImageDraw.Draw(im).multiline_text((30, 40), 'Banjir merendam ratusan rumah di Jakarta Timur\\n"
    "sejak Senin pagi, kata petugas pemadam kebakaran.', font=f, fill='black'); im.save('shot.png')"
)
_EXTRA_SMOKES: dict[str, list[tuple[list[str], int, str]]] = {
    "warc": [(["saring", "check", "--json", "{resources}/tiny.warc.gz"], 3, '"schema": "saring.report/1"')],
    "postgres": [(["python", "-c", "import psycopg, saring.store.postgres; print(psycopg.__version__)"],
                  0, ".")],
    "claims": [
        (["saring", "factcheck", "import", "{resources}/factchecks/index.csv", "--db", "fc.db"], 3, ""),
        (["saring", "claims", "search", "KRI Nanggala 402 ditemukan", "--db", "fc.db"], 0, "Nanggala"),
    ],
    "api": [(["python", "-c", _API_SMOKE], 0, "")],
    "batch": [(["saring", "batch", "{resources}/records.jsonl", "--out", "out", "--engine", "dask"], 3, "")],
    "ocr": [(["python", "-c", _DRAW_SHOT], 0, ""), (["saring", "check", "--json", "shot.png"], 0, "Jakarta")],
    "pdf": [(["saring", "check", "--json", "{resources}/surat_edaran.pdf"], 0, "SURAT EDARAN TENTANG")],
}


def _has_ocr_system_files() -> bool:
    """The Indonesian Tesseract model and the DejaVu font, from Debian packages that install.sh adds."""
    from glob import glob

    return bool(glob("/usr/share/tesseract-ocr/*/tessdata/ind.traineddata")) and Path(
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").exists()


def _run(venv: Path, argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    fill = {"resources": str(RESOURCES), "page": str(RESOURCES / "news_page.html")}
    argv = [str(venv / "bin" / argv[0])] + [a.replace("{resources}", fill["resources"])
                                            .replace("{page}", fill["page"]) for a in argv[1:]]
    return subprocess.run(argv, capture_output=True, text=True, check=False, cwd=cwd)


def _pip(venv: Path, target: str) -> None:
    pip = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", target], capture_output=True, text=True,
                         check=False)
    assert pip.returncode == 0, pip.stderr[-3000:]


@pytest.mark.slow
def test_install_core_alone_reads_html_then_each_extra_works(tmp_path: Path) -> None:
    """`pip install .` into an empty venv, `saring check` on an HTML page (issue 15); then each extra."""
    source = tmp_path / "src"
    shutil.copytree(ROOT / "saring", source / "saring", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    _pip(venv, str(source))
    proc = _run(venv, ["saring", "check", "--json", str(RESOURCES / "news_page.html")], tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout)
    assert report["article"]["title"] == "Banjir Rendam Ratusan Rumah di Bekasi"
    assert "ratusan rumah" in report["article"]["text"]
    assert set(_EXTRA_SMOKES) <= set(_project()), "a smoke names an extra pyproject.toml lacks"
    for extra, commands in _EXTRA_SMOKES.items():
        if extra == "ocr" and not _has_ocr_system_files():
            continue  # Debian parts, not pip's: tests/ingest/test_image.py says what is missing
        _pip(venv, f"{source}[{extra}]")
        for argv, code, shown in commands:
            proc = _run(venv, argv, tmp_path)
            assert proc.returncode == code, f"[{extra}] {argv}: {proc.stderr[-3000:]}"
            assert shown in proc.stdout, f"[{extra}] {argv}: {proc.stdout[-3000:]}"
    reports = [line for shard in (tmp_path / "out").glob("shard-*.jsonl") for line in shard.open()]
    assert reports and all(json.loads(line)["schema"] == "saring.report/1" for line in reports)
