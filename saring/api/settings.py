"""Limits and switches of the HTTP service, with safe defaults (STYLE.md lessons 8 and 10).

Every field can be set with ``SARING_API_<FIELD>`` (see `from_env`); `saring serve` flags override
those. The defaults are closed: no write token (writes off), no CORS origin, no URL fetching.
"""

from __future__ import annotations

from dataclasses import dataclass

ENV_PREFIX = "SARING_API_"


@dataclass(frozen=True, slots=True)
class ApiSettings:
    """What one server process allows; shared by every request."""

    max_body_bytes: int = 2_000_000  # whole request body (JSON or upload); larger bodies get 413
    header_timeout_ms: int = 10_000  # the request line and headers must arrive within this; else: closed
    body_timeout_ms: int = 30_000  # the whole body must arrive within this of the request; else 408, closed
    max_json_depth: int = 64  # nesting of arrays/objects in a JSON body; deeper bodies get 400 unparsed
    max_json_values: int = 20_000  # values in a JSON body's arrays and objects; more get 400 unparsed
    time_limit_ms: int = 10_000  # per request, for analysis/trace/search work; over it: 504
    analysis_threads: int = 1  # analyses at once per process: CPU-bound under the GIL, and the analyzer
    # and its store connection then never see two threads (use more workers for more cores)
    max_pending: int = 128  # running + queued work per process; past it: 503 (load shedding)
    write_token: str | None = None  # bearer token for POST /v1/index and /v1/factchecks; None: writes off
    cors_origins: tuple[str, ...] = ()  # browser origins allowed to call the API; empty: same origin only
    fetch_urls: bool = False  # fetch `url` server-side when no text is given (public addresses only)
    fetch_timeout_ms: int = 5_000  # per fetched page
    fetch_max_redirects: int = 3  # each hop is checked again
    db: str | None = None  # store of the index and fact-checks (SQLite path, postgresql://); see served_store
    no_db: bool = False  # serve without a store: claims listed but not matched, no provenance, lookups 503
    max_search_results: int = 50  # cap on `limit` of GET /v1/claims/search


def api_settings_from_env() -> ApiSettings:
    """Defaults overridden by ``SARING_API_*`` variables (used by every uvicorn worker)."""
    from saring.settings import from_env

    return from_env(ApiSettings, prefix=ENV_PREFIX)
