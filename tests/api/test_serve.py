"""`saring serve` flags, SARING_API_* settings, and that every setting is documented."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from saring.api.settings import ENV_PREFIX, ApiSettings, api_settings_from_env
from saring.cli import build_parser
from saring.cli.serve import settings_env

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["serve"], {}),
        (
            [
                "serve",
                "--db",
                "x.db",
                "--max-body-bytes",
                "500",
                "--time-limit-ms",
                "800",
                "--fetch-urls",
                "--cors-origin",
                "https://a.example",
                "--cors-origin",
                "https://b.example",
            ],
            {
                "SARING_API_DB": "x.db",
                "SARING_API_MAX_BODY_BYTES": "500",
                "SARING_API_TIME_LIMIT_MS": "800",
                "SARING_API_FETCH_URLS": "true",
                "SARING_API_CORS_ORIGINS": "https://a.example,https://b.example",
            },
        ),
    ],
)
def test_serve_flags_become_worker_settings(
    argv: list[str], expected: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    env = settings_env(build_parser().parse_args(argv))
    assert env == expected
    for name in [f.name for f in fields(ApiSettings)]:
        monkeypatch.delenv(ENV_PREFIX + name.upper(), raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    settings = api_settings_from_env()
    if expected:
        assert settings.max_body_bytes == 500 and settings.time_limit_ms == 800 and settings.fetch_urls
        assert settings.cors_origins == ("https://a.example", "https://b.example")
    else:
        assert settings == ApiSettings()


@pytest.mark.parametrize("token", ["rahasia"])
def test_serve_token_comes_only_from_the_environment(monkeypatch: pytest.MonkeyPatch, token: str) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["serve", "--write-token", token])
    monkeypatch.setenv("SARING_API_WRITE_TOKEN", token)
    assert api_settings_from_env().write_token == token


def test_serve_defaults_are_closed() -> None:
    s = ApiSettings()
    assert s.write_token is None and s.cors_origins == () and s.fetch_urls is False


@pytest.mark.parametrize("name", [f.name for f in fields(ApiSettings)])
def test_serve_every_setting_is_documented(name: str) -> None:
    assert f"`SARING_API_{name.upper()}`" in DOC.read_text(encoding="utf-8")


def test_serve_every_endpoint_is_documented(api: object) -> None:
    paths = api().get("/openapi.json").json()["paths"]  # type: ignore[operator]
    doc = DOC.read_text(encoding="utf-8")
    for path, methods in paths.items():
        for method in methods:
            assert f"`{method.upper()} {path}" in doc, f"{method.upper()} {path} is not in docs/api.md"
