"""`saring serve`: the HTTP API and web page (uvicorn), with limits from flags or SARING_API_* variables."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "serve",
        help="run the HTTP API and the web page",
        description="Serve POST /v1/check and the page at /. Every setting can also come from "
        "SARING_API_<NAME> variables (see docs/api.md); the write token only from "
        "SARING_API_WRITE_TOKEN, so it never shows in the process list.",
    )
    p.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: %(default)s, this machine only)"
    )
    p.add_argument("--port", type=int, default=8000, help="port (default: %(default)s)")
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        help="worker processes, each with its own analyzer (default: %(default)s; use the number of cores)",
    )
    store = p.add_mutually_exclusive_group()
    store.add_argument(
        "--db",
        default=None,
        metavar="URL",
        help="store for the index and fact-checks: an SQLite path or postgresql:// URL (default: "
        "SARING_API_DB, else $SARING_DB, else ./saring.db when it exists); must exist unless writes are on",
    )
    store.add_argument(
        "--no-db", action="store_true", default=None, help="serve without a store (claims listed, unmatched)"
    )
    p.add_argument("--max-body-bytes", type=int, default=None, help="request body limit (default: 2000000)")
    p.add_argument("--time-limit-ms", type=int, default=None, help="per-request time limit (default: 10000)")
    p.add_argument(
        "--cors-origin",
        action="append",
        default=None,
        metavar="ORIGIN",
        help="allow browser calls from this origin (repeatable; default: none)",
    )
    p.add_argument(
        "--fetch-urls",
        action="store_true",
        default=None,
        help="fetch `url` when no text is sent (public addresses only; default: off)",
    )
    p.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    p.set_defaults(run=run)


def settings_env(args: argparse.Namespace) -> dict[str, str]:
    """The SARING_API_* variables that carry the flags to every worker process."""
    from saring.api.settings import ENV_PREFIX

    values = {
        "db": args.db,
        "no_db": "true" if args.no_db else None,
        "max_body_bytes": args.max_body_bytes,
        "time_limit_ms": args.time_limit_ms,
        "cors_origins": ",".join(args.cors_origin) if args.cors_origin else None,
        "fetch_urls": "true" if args.fetch_urls else None,
    }
    return {ENV_PREFIX + name.upper(): str(value) for name, value in values.items() if value is not None}


def run(args: argparse.Namespace) -> int:
    from saring.errors import require

    uvicorn: Any = require("uvicorn", "api")
    require("fastapi", "api")
    os.environ.update(settings_env(args))
    from saring.api.services import served_store
    from saring.api.settings import api_settings_from_env
    from saring.messages import msg, render
    from saring.store import describe_store

    settings = api_settings_from_env()  # fail here, once, on a bad variable
    store = served_store(settings)  # and on a missing store
    if settings.fetch_urls:
        require("httpx", "api")  # never announce URL fetching that would fail on every request
    switch = {True: msg("cli.serve.on"), False: msg("cli.serve.off")}
    started = msg(
        "cli.serve.started", host=args.host, port=args.port, workers=args.workers,
        writes=switch[bool(settings.write_token)], fetch=switch[settings.fetch_urls],
        store=describe_store(store) if store else msg("common.none"),
    )
    print(render(started, args.lang), file=sys.stderr)
    from saring.api.protocol import HeadTimeoutH11

    uvicorn.run(
        "saring.api.app:create_app",
        factory=True,
        http=HeadTimeoutH11,  # h11 with a deadline on request heads (slow-header clients)
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level=args.log_level,
        server_header=False,
        proxy_headers=False,
    )
    return 0
