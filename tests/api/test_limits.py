"""Request size limit (413), per-request time limit (504) and load shedding (503)."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from saring.api import ApiSettings, create_app
from saring.api.services import Services
from saring.article import Article
from saring.pipeline import Analyzer
from saring.report import Report

TEXT = (
    "Pemerintah kota mengumumkan jadwal vaksinasi baru untuk warga lanjut usia. Petugas kesehatan "
    "mengatakan vaksin tersedia di semua puskesmas mulai pekan depan."
)


class PausingAnalyzer(Analyzer):
    """Holds its worker thread for 0.6 s on texts that ask for it (not on the warm-up)."""

    def __init__(self) -> None:
        super().__init__()
        self.finished = threading.Event()

    def assess(self, article: Article) -> Report:
        if "TAHAN" in article.text:
            time.sleep(0.6)
            self.finished.set()
        return Report(article=article)


@pytest.mark.parametrize("limit", [2000])
def test_limits_declared_length_over_limit_is_413(api: Any, limit: int) -> None:
    response = api(max_body_bytes=limit).post("/v1/check", json={"text": "kata " * limit})
    assert response.status_code == 413
    assert response.json()["code"] == "SAR-E005"
    assert f"{limit:,}".replace(",", ".") in response.json()["error"]  # Indonesian: 2.000


@pytest.mark.parametrize("limit", [2000])
def test_limits_chunked_body_is_counted_as_it_streams(api: Any, limit: int) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(100):
            yield b"kata " * 20
        yield b'"}'

    response = api(max_body_bytes=limit).post(
        "/v1/check", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["code"] == "SAR-E005"


@pytest.mark.parametrize("limit", [3000])
def test_limits_upload_over_limit_is_413(api: Any, limit: int) -> None:
    files = {"file": ("big.txt", b"kata " * limit, "text/plain")}
    assert api(max_body_bytes=limit).post("/v1/check", files=files).json()["code"] == "SAR-E005"


@pytest.mark.parametrize("limit", [100_000])
def test_limits_body_under_limit_passes(api: Any, limit: int) -> None:
    assert api(max_body_bytes=limit).post("/v1/check", json={"text": TEXT}).status_code == 200


def test_limits_timeout_frees_its_slot_when_the_thread_ends(api: Any) -> None:
    analyzer = PausingAnalyzer()
    client = api(services=Services(ApiSettings(time_limit_ms=150, max_pending=1), analyzer=analyzer))
    assert client.post("/v1/check", json={"text": TEXT + " TAHAN"}).json()["code"] == "SAR-E014"
    assert analyzer.finished.wait(10)  # the abandoned thread runs to its end ...
    for _ in range(50):  # ... and then gives its slot back
        response = client.post("/v1/check", json={"text": TEXT})
        if response.status_code != 503:
            break
        time.sleep(0.05)
    assert response.status_code == 200


def test_limits_busy_server_sheds_load_with_503() -> None:
    started, release = threading.Event(), threading.Event()

    class HoldingAnalyzer(Analyzer):
        def assess(self, article: Article) -> Report:
            if "TAHAN" in article.text:
                started.set()
                release.wait(10)
            return Report(article=article)

    app = create_app(services=Services(ApiSettings(max_pending=1), analyzer=HoldingAnalyzer()))

    async def both() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            held = asyncio.create_task(client.post("/v1/check", json={"text": TEXT + " TAHAN"}))
            assert await asyncio.to_thread(started.wait, 10)
            refused = await client.post("/v1/check", json={"text": TEXT})
            release.set()
            return [await held, refused]

    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:  # its own thread: Playwright's sync API may hold this thread's loop
        held, refused = pool.submit(asyncio.run, both()).result()
    assert held.status_code == 200
    assert refused.status_code == 503 and refused.json()["code"] == "SAR-E019"
