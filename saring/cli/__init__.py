"""Command line: `saring <command>`. A thin layer over importable functions.

Each command lives in `saring/cli/<command>.py` with `register(subparsers)` (argument declarations
only, cheap to import so `saring --help` stays fast) and `run(args) -> exit code`. Heavy libraries are
imported inside `run`. `--lang id|en` (or $SARING_LANG; Indonesian by default) is on every command and
sets `args.lang`, the language of everything printed for people. Exit codes: 0 ok, 1 error, 2 usage,
3 finished but some records were skipped.
"""

from __future__ import annotations

import argparse
import importlib
import os
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
    _add_lang_option(parser)
    return parser


def _add_lang_option(parser: argparse.ArgumentParser) -> None:
    """`--lang id|en` on the program and on every command and action, so it may come anywhere.

    SUPPRESS as the default: a command's parser would otherwise reset a `--lang` given before it."""
    from saring.messages import LANGS

    parser.add_argument(
        "--lang", choices=LANGS, default=argparse.SUPPRESS,
        help="language of messages and reports: id (default) or en; also $SARING_LANG",
    )
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                _add_lang_option(child)


def output_lang(args: argparse.Namespace) -> str:
    """--lang, else $SARING_LANG, else Indonesian; an unknown $SARING_LANG is a coded error."""
    from saring.errors import SaringError
    from saring.messages import DEFAULT_LANG, LANGS, msg

    lang: str = getattr(args, "lang", None) or os.environ.get("SARING_LANG") or DEFAULT_LANG
    if lang not in LANGS:
        detail = msg("cli.detail.bad_env_lang", lang=lang, choices=", ".join(LANGS))
        raise SaringError("bad_request", detail)
    return lang


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    from saring.errors import SaringError
    from saring.messages import DEFAULT_LANG, msg, render

    lang = DEFAULT_LANG
    try:
        lang = args.lang = output_lang(args)
        code: int = args.run(args)
    except SaringError as exc:
        print(render(msg("cli.error_line", error=exc.render(lang)), lang), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(render(msg("cli.interrupted"), lang), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return code


if __name__ == "__main__":
    sys.exit(main())
