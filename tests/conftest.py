"""Shared fixtures (all fixtures live here, STYLE.md lesson 11)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from saring.store import Store

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
SEEDS = SHARED / "seeds"
RESOURCES = Path(__file__).resolve().parent / "resources"
SEED_000 = SEEDS / "000_c39cde28485d60bd.txt"
SEED_002 = SEEDS / "002_9d3e60e86370aa20.txt"


@pytest.fixture(autouse=True)
def _no_default_store(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands without --db use $SARING_DB or ./saring.db: each test starts in its own empty folder,
    so it never sees the developer's store nor one that an earlier test's writing command created."""
    monkeypatch.delenv("SARING_DB", raising=False)
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))


# English function words: prose said in English shows several of them; Indonesian prose, none.
ENGLISH_WORDS = frozenset(
    "the of and is are was were with from which than this that not be been has have for by or its it "
    "an at on in to into where over about more but when here".split()
)


def english_words(text: str, *quoted: str) -> list[str]:
    """The English function words in `text` (codes such as `not_indonesian` are one token, not words).

    A word that comes with a neighbour as a phrase of one of the `quoted` texts (the article's title and
    text, which reports quote in evidence, claims and summaries: "mengutip The Independent") is the
    article's, not Saring's, and does not count."""
    import re

    word = re.compile(r"\w+")
    tokens = word.findall(text)
    sources = [" " + " ".join(word.findall(q)).lower() + " " for q in quoted]

    def from_source(i: int) -> bool:
        pairs = [tokens[j : j + 2] for j in (i - 1, i) if 0 <= j and j + 1 < len(tokens)]
        return any(f" {' '.join(p).lower()} " in s for p in pairs for s in sources)

    return [w for i, w in enumerate(tokens) if w.lower() in ENGLISH_WORDS and not from_source(i)]


def need(path: Path) -> Path:
    """Skip with a clear message when shared data is absent (it is never committed)."""
    if not path.exists():
        pytest.skip(f"needs {path} (../shared beside the project); not present here")
    return path


@pytest.fixture
def seed_000() -> Path:
    return need(SEED_000)


@pytest.fixture
def seed_002() -> Path:
    return need(SEED_002)


@pytest.fixture
def data_dir() -> Path:
    return need(DATA)


@pytest.fixture(scope="session")
def pg_dsn() -> Iterator[str]:
    """A real PostgreSQL server on loopback for the whole run (or the one in SARING_TEST_PG_DSN)."""
    if os.environ.get("SARING_TEST_PG_DSN"):
        yield os.environ["SARING_TEST_PG_DSN"]
        return
    from saring.store.localpg import start_local_postgres

    try:
        server = start_local_postgres()
    except RuntimeError as exc:
        pytest.skip(f"PostgreSQL tests skipped: {exc}")
    yield server.dsn
    server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty store on each backend: an SQLite file in tmp_path, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield str(tmp_path / "saring.db")
        return
    import uuid

    import psycopg

    dsn = request.getfixturevalue("pg_dsn")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    yield f"{dsn}{'&' if '?' in dsn else '?'}options=-csearch_path%3D{schema}"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An open, migrated store on each backend (see `store_url`)."""
    from saring.store import open_store

    opened = open_store(store_url)
    opened.migrate()
    yield opened
    opened.close()


@pytest.fixture
def api(tmp_path: Path) -> Iterator[Callable[..., Any]]:
    """`api(**settings)` starts the HTTP app (ApiSettings fields; an empty store in tmp_path); a client."""
    from fastapi.testclient import TestClient

    from saring.api import ApiSettings, create_app
    from saring.store import open_store

    clients: list[Any] = []

    def start(services: Any = None, **settings: Any) -> Any:
        if "db" not in settings:  # the server reads a store that exists (saring index add / factcheck import)
            settings["db"] = str(tmp_path / "api.db")
            with open_store(settings["db"]) as store:
                store.migrate()
        app = create_app(ApiSettings(**settings), services)
        client = TestClient(app, raise_server_exceptions=False).__enter__()
        clients.append(client)
        return client

    yield start
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """Debian's chromium driven by Playwright (never `playwright install`: it downloads a browser)."""
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("browser tests need Debian chromium at /usr/bin/chromium (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`saring serve` in a subprocess on a free loopback port; yields its base URL."""
    with serving(tmp_path_factory.mktemp("live")) as url:
        yield url


@pytest.fixture(scope="module")
def strict_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`saring serve` with 1 s header and body timeouts (slow-client tests); yields its base URL."""
    timeouts = {"SARING_API_HEADER_TIMEOUT_MS": "1000", "SARING_API_BODY_TIMEOUT_MS": "1000"}
    with serving(tmp_path_factory.mktemp("strict"), timeouts) as url:
        yield url


@pytest.fixture(scope="session")
def static_site() -> Iterator[str]:
    """tests/resources over HTTP on a free loopback port (links given to the CLI); yields the base URL."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(RESOURCES)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def serving(folder: Path, settings: dict[str, str] | None = None) -> Iterator[str]:
    """Run `saring serve` (SARING_API_* `settings` added to a clean environment) until the block ends."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("SARING_API_")} | (settings or {})
    db, log = folder / "live.db", folder / "serve.log"
    from saring.store import open_store

    with open_store(str(db)) as store:  # the server reads a store that exists
        store.migrate()
    cmd = [sys.executable, "-m", "saring", "serve", "--host", "127.0.0.1", "--port", str(port),
           "--db", str(db), "--log-level", "warning"]
    with open(log, "wb") as sink:  # a file, not a pipe: a full pipe would stall the server
        proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback, never a proxy
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            direct.open(url + "/health", timeout=2).close()
            break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail(f"saring serve did not start: {log.read_text(errors='replace')[-2000:]}")
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


@pytest.fixture(scope="session")
def ocr_ready() -> Path:
    """Tesseract with the Indonesian model, and the DejaVu fonts the image tests draw with; else skip."""
    from saring.errors import SaringError
    from saring.ingest.ocr import find_tessdata

    try:
        import PIL  # noqa: F401
        import tesserocr  # noqa: F401

        find_tessdata()
    except (ImportError, SaringError) as exc:
        pytest.skip(f"OCR tests need tesserocr, Pillow and tesseract-ocr-ind (bash install.sh): {exc}")
    if not (DEJAVU / "DejaVuSans.ttf").exists():
        pytest.skip(f"OCR tests draw with DejaVu fonts: apt-get install fonts-dejavu-core ({DEJAVU} absent)")
    return DEJAVU
