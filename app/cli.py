"""The command-line face of Confidant: argparse subcommands over the core facade (no Qt)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from app import __version__
from app.core.errors import BugError, ConfidantError, InputError
from app.core.service import Confidant

log = logging.getLogger("app.cli")


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit 2, like every other input error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"confidant: {message} (see --help)\n")


def _read_secret_file(path: str | None) -> str | None:
    if path is None:
        return None
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"Could not read {path} ({exc.strerror}).") from None
    secret = text.rstrip("\r\n")
    if not secret:
        raise InputError(f"{path} is empty.")
    return secret


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="confidant", description="Confidant, the private AI assistant client.")
    parser.add_argument("--version", action="version", version=f"confidant {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    doctor = commands.add_parser("doctor", help="check the store, keyring, files and schema")
    doctor.add_argument("--json", action="store_true", help="print the report as JSON")
    doctor.add_argument(
        "--passphrase-file", metavar="F", help="file holding the passphrase (passphrase mode)"
    )

    chat = commands.add_parser("chat", help="one turn through the configured assistant")
    chat.add_argument("prompt", help="what to ask")
    chat.add_argument(
        "--temporary", action="store_true", help="a temporary chat: never saved, whatever else"
    )
    chat.add_argument(
        "--passphrase-file", metavar="F", help="file holding the passphrase (passphrase mode)"
    )
    return parser


def _doctor(service: Confidant, args: argparse.Namespace) -> int:
    report = service.doctor(passphrase=_read_secret_file(args.passphrase_file))
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        for check in report.checks:
            print(f"{'ok  ' if check.ok else 'FAIL'}  {check.name}: {check.detail}")
    return 0 if report.ok else 1


def _chat(service: Confidant, args: argparse.Namespace) -> int:
    if not args.prompt.strip():
        raise InputError("The prompt is empty.")
    service.open(passphrase=_read_secret_file(args.passphrase_file))
    try:
        conversation = service.new_conversation(temporary=args.temporary)
        result = service.send(conversation, args.prompt)
    finally:
        service.close()
    print(result.reply)
    print(f"[{result.status.value}]", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the process exit status."""
    logging.basicConfig(level=logging.WARNING, format="confidant: %(levelname)s: %(message)s")
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    service = Confidant()
    handlers = {"doctor": _doctor, "chat": _chat}
    try:
        return handlers[args.command](service, args)
    except BugError as exc:
        print(f"confidant: internal error: {exc.message} Please report this.", file=sys.stderr)
        return 1
    except ConfidantError as exc:
        print(f"confidant: {exc.one_line()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("confidant: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - last resort: one line, no private details
        print(
            f"confidant: internal error ({type(exc).__name__}). Please report this.",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
