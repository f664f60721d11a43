"""Command line: `saring <command>`. A thin layer over importable functions.

Each command lives in `saring/cli/<command>.py` with `register(subparsers)` (argument declarations
only, cheap to import so `saring --help` stays fast) and `run(args) -> exit code`. Heavy libraries are
imported inside `run`. Exit codes: 0 ok, 1 error, 2 usage, 3 finished but some records were skipped.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# Explicit command registry (module name under saring.cli).
COMMANDS: tuple[str, ...] = (
    "check", "boilerplate", "batch", "serve", "factcheck", "claims", "index", "trace", "train", "evaluate",
)


def build_parser() -> argparse.ArgumentParser:
    from saring import __version__

    parser = argparse.ArgumentParser(
        prog="saring",
        description="Saring sebelum sharing: explained credibility reports for Indonesian news articles.",
    )
    parser.add_argument("--version", action="version", version=f"saring {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"saring.cli.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    from saring.errors import SaringError

    try:
        code: int = args.run(args)
    except SaringError as exc:
        print(f"saring: error: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("saring: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return code


if __name__ == "__main__":
    sys.exit(main())
