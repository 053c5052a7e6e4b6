"""The command-line face of Confidant: argparse subcommands over the core facade (no Qt)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from app import __version__
from app.core.errors import BugError, ConfidantError, InputError

if TYPE_CHECKING:
    # Imported lazily at run time: the stream commands (anonymize, classify) must start fast
    # and never load SQLCipher, the keyring or the cryptography stack.
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
    chat.add_argument(
        "prompt", help="what to ask; - reads it from standard input (not visible to others)"
    )
    chat.add_argument(
        "--temporary", action="store_true", help="a temporary chat: never saved, whatever else"
    )
    chat.add_argument(
        "--passphrase-file", metavar="F", help="file holding the passphrase (passphrase mode)"
    )
    chat.add_argument(
        "--provider", metavar="NAME", help="offline, openai_compat or anthropic (this turn only)"
    )
    chat.add_argument("--model", metavar="M", help="the model to use (this turn only)")
    chat.add_argument("--pin-file", metavar="F", help="the guardian PIN, when child mode is on")
    chat.add_argument(  # issue 16
        "--continue",
        dest="continue_id",
        metavar="ID",
        help="continue a stored conversation (its history goes to the assistant)",
    )

    key = commands.add_parser("key", help="the data key: rotate it")
    key_actions = key.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    key_actions.required = True
    rotate = key_actions.add_parser("rotate", help="re-encrypt the store under a new key")
    rotate.add_argument("--passphrase-file", metavar="F", help="the profile's passphrase")

    provider = commands.add_parser("provider", help="the assistant: choose it, show it")
    provider_actions = provider.add_subparsers(
        dest="action", metavar="ACTION", parser_class=_Parser
    )
    provider_actions.required = True
    provider_set = provider_actions.add_parser("set", help="choose the assistant and its settings")
    provider_set.add_argument("name", help="offline, openai_compat or anthropic")
    provider_set.add_argument("--base-url", metavar="URL", help="the server's base URL")
    provider_set.add_argument("--model", metavar="M", help="the model to use")
    provider_set.add_argument(
        "--api-key-file", metavar="F", help="file holding the API key (kept in the keyring)"
    )
    provider_set.add_argument(
        "--forget-api-key", action="store_true", help="remove the stored API key"
    )
    provider_set.add_argument(
        "--private-prompts",
        choices=("on", "off"),
        help="replace personal details with placeholders before a prompt leaves (default on)",
    )
    provider_set.add_argument(
        "--pin-file", metavar="F", help="the guardian PIN, when child mode is on"
    )
    provider_show = provider_actions.add_parser("show", help="the assistant (never its key)")
    provider_show.add_argument("--json", action="store_true", help="print JSON")
    for sub in (provider_set, provider_show):
        sub.add_argument(
            "--passphrase-file", metavar="F", help="file holding the passphrase (passphrase mode)"
        )

    for name, what in (("anonymize", "find and redact PII"), ("classify", "sensitive topics")):
        stream = commands.add_parser(name, help=f"{what}: JSON lines on stdin -> stdout")
        stream.add_argument(
            "--jsonl", action="store_true", required=True, help='one {"id","text"} per line'
        )

    consent = commands.add_parser("consent", help="show, give or withdraw consent")
    consent_actions = consent.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    consent_actions.required = True
    consent_actions.add_parser("show", help="every scope and whether it is granted")
    grant = consent_actions.add_parser("grant", help="agree to a scope's current text")
    grant.add_argument("scope", help="store_conversations, share_for_training or research")
    grant.add_argument("--yes", action="store_true", help="agree without asking (scripts)")
    withdraw = consent_actions.add_parser("withdraw", help="withdraw a scope")
    withdraw.add_argument("scope", help="store_conversations, share_for_training or research")
    withdraw.add_argument(
        "--delete-history",
        action="store_true",
        help="with store_conversations: also delete the conversations already stored",
    )

    conversations = commands.add_parser("conversations", help="list or search stored chats")
    conversation_actions = conversations.add_subparsers(
        dest="action", metavar="ACTION", parser_class=_Parser
    )
    conversation_actions.required = True
    listing = conversation_actions.add_parser("list", help="the stored conversations")
    listing.add_argument("--json", action="store_true", help="print JSON")
    search = conversation_actions.add_parser("search", help="full-text search")
    search.add_argument("query", help="words to find (prefixes match)")
    search.add_argument("--json", action="store_true", help="print JSON")
    show = conversation_actions.add_parser("show", help="print one conversation")  # issue 16
    show.add_argument("id", help="the conversation's id (see conversations list)")
    child = commands.add_parser("child-mode", help="child mode: status, enable, disable")
    child_actions = child.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    child_actions.required = True
    child_actions.add_parser("status", help="is child mode on, and the PIN's attempt limit")
    for name, what in (("enable", "turn child mode on"), ("disable", "turn child mode off")):
        sub = child_actions.add_parser(name, help=what)
        sub.add_argument(
            "--pin-file", metavar="F", help="file holding the guardian PIN (else asked)"
        )
        sub.add_argument("--passphrase-file", metavar="F", help="the profile's passphrase")
    child_actions.choices["status"].add_argument(
        "--passphrase-file", metavar="F", help="the profile's passphrase"
    )

    lock = commands.add_parser("app-lock", help="the app lock: status, enable, disable")
    lock_actions = lock.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    lock_actions.required = True
    lock_status = lock_actions.add_parser("status", help="is opening locked by a passphrase")
    lock_status.add_argument(
        "--passphrase-file", metavar="F", help="the passphrase, to also show the idle time"
    )
    lock_enable = lock_actions.add_parser("enable", help="wrap the key under a passphrase")
    lock_enable.add_argument(
        "--passphrase-file", metavar="F", help="file holding the new passphrase (else asked)"
    )
    lock_enable.add_argument(
        "--idle-minutes", type=int, metavar="N", help="lock after N idle minutes (0: never)"
    )
    lock_disable = lock_actions.add_parser("disable", help="keep the raw key in the keyring")
    lock_disable.add_argument(
        "--passphrase-file", metavar="F", help="file holding the passphrase (else asked)"
    )
    for sub in (lock_enable, lock_disable):
        sub.add_argument("--pin-file", metavar="F", help="the guardian PIN, when child mode is on")

    export = commands.add_parser("export", help="export everything the profile holds")
    export.add_argument("--out", required=True, metavar="FILE", help="where to write it")
    export.add_argument("--format", choices=("json", "zip"), default="json")
    export.add_argument(
        "--passphrase-file", metavar="F", help="encrypt the export with the passphrase in F"
    )
    export.add_argument(
        "--profile-passphrase-file", metavar="F", help="file holding the profile's passphrase"
    )
    importing = commands.add_parser(
        "import", help="import conversations from an export file, zip or app data folder"
    )
    importing.add_argument("file", metavar="FILE", nargs="?", help="file, zip or folder")
    importing.add_argument(
        "--from",
        dest="source",
        choices=("auto", "confidant", "chatgpt", "claude", "jan", "lmstudio", "openwebui"),
        default="auto",
    )
    importing.add_argument(
        "--retention-from",
        choices=("today", "original"),
        default="today",
        help="keep imports for the retention period from today (default) or their own dates",
    )
    importing.add_argument(
        "--strict", action="store_true", help="all or nothing: any unreadable conversation fails"
    )
    importing.add_argument(
        "--summary-only", action="store_true", help="show what the file holds; import nothing"
    )
    importing.add_argument(
        "--find", action="store_true", help="list the app data folders found on this computer"
    )
    importing.add_argument(
        "--delete-originals",
        action="store_true",
        help="after a verified import, delete the plaintext files it came from (needs --yes)",
    )
    importing.add_argument("--yes", action="store_true", help="confirm --delete-originals")
    importing.add_argument(
        "--passphrase-file", metavar="F", help="passphrase of an encrypted export"
    )
    importing.add_argument(
        "--include-sensitive",
        action="store_true",
        help="also keep conversations on sensitive topics (your explicit permission)",
    )
    importing.add_argument(
        "--profile-passphrase-file", metavar="F", help="file holding the profile's passphrase"
    )
    retention = commands.add_parser("retention", help="how long each kind of data is kept")
    retention_actions = retention.add_subparsers(
        dest="action", metavar="ACTION", parser_class=_Parser
    )
    retention_actions.required = True
    retention_show = retention_actions.add_parser("show", help="each data class's retention")
    retention_show.add_argument("--passphrase-file", metavar="F", help="the profile's passphrase")
    retention_set = retention_actions.add_parser("set", help="keep a data class this many days")
    retention_set.add_argument("data_class", metavar="CLASS", help="conversations, outbox, ...")
    retention_set.add_argument("days", metavar="DAYS", type=int)
    retention_set.add_argument("--passphrase-file", metavar="F", help="the profile's passphrase")
    delete = commands.add_parser("delete", help="delete stored conversations for good")
    which = delete.add_mutually_exclusive_group(required=True)
    which.add_argument("--conversation", metavar="ID", help="one conversation")
    which.add_argument("--all", action="store_true", help="every stored conversation")
    which.add_argument(
        "--between", nargs=2, metavar=("START", "END"), help="last active in [START, END)"
    )
    delete.add_argument("--yes", action="store_true", help="confirm (required)")
    delete.add_argument("--passphrase-file", metavar="F", help="the profile's passphrase")
    forget = commands.add_parser("forget-me", help="erase this profile here and upstream")
    forget.add_argument("--yes", action="store_true", help="confirm (required)")
    forget.add_argument("--passphrase-file", metavar="F", help="the profile's passphrase")

    upstream = commands.add_parser("upstream", help="the collector: settings, status, send")
    upstream_actions = upstream.add_subparsers(
        dest="action", metavar="ACTION", parser_class=_Parser
    )
    upstream_actions.required = True
    configure = upstream_actions.add_parser("configure", help="set the collector URL and keys")
    configure.add_argument("--url", required=True, help="the collector's base URL (https)")
    configure.add_argument("--collector-key", required=True, help="X25519 key, base64")
    configure.add_argument("--notice-key", help="Ed25519 notice-signing key, base64")
    status = upstream_actions.add_parser("status", help="consent, outbox, last send, deletions")
    status.add_argument("--json", action="store_true", help="print JSON")
    send = upstream_actions.add_parser("send", help="send what is due now")
    send.add_argument(
        "--approve-all", action="store_true", help="also send items still awaiting your review"
    )
    for sub in (grant, withdraw, configure):
        sub.add_argument("--pin-file", metavar="F", help="the guardian PIN, when child mode is on")
    for sub in (
        grant,
        withdraw,
        listing,
        search,
        consent_actions.choices["show"],
        configure,
        status,
        send,
    ):
        sub.add_argument(
            "--passphrase-file", metavar="F", help="file holding the passphrase (passphrase mode)"
        )
    return parser


def _ask(question: str) -> bool:
    """A yes/no question on the terminal; anything but yes is no."""
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def _open(service: Confidant, args: argparse.Namespace) -> None:
    service.open(passphrase=_read_secret_file(getattr(args, "passphrase_file", None)))
    _warn_if_damaged(service)
    pin = _read_secret_file(getattr(args, "pin_file", None))
    if pin is not None and service.child.status().enabled:
        service.child.authorize_guardian(pin)


def _warn_if_damaged(service: Confidant) -> None:
    warning = service.damage_warning()
    if warning is not None:
        print(f"confidant: warning: {warning}", file=sys.stderr)


#: The longest prompt read from standard input.
MAX_STDIN_PROMPT_BYTES = 4 * 1024 * 1024


def _prompt(argument: str) -> str:
    """The prompt: the argument, or with ``-`` standard input (not in /proc/PID/cmdline)."""
    if argument != "-":
        return argument
    data = sys.stdin.buffer.read(MAX_STDIN_PROMPT_BYTES + 1)
    if len(data) > MAX_STDIN_PROMPT_BYTES:
        raise InputError(f"The prompt is longer than {MAX_STDIN_PROMPT_BYTES:,} bytes.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("The prompt on standard input is not valid UTF-8 text.") from None


def _key(service: Confidant, args: argparse.Namespace) -> int:
    _open(service, args)

    def show(step: int, total: int, what: str) -> None:
        print(f"[{step}/{total}] {what}", file=sys.stderr, flush=True)

    service.rotate_key(progress=show)
    print("The store is now encrypted under a new key; the old key was removed.")
    return 0


def _read_pin(path: str | None, *, confirm: bool) -> str:
    """The guardian PIN from a file, or typed at the terminal; never from an argument."""
    pin = _read_secret_file(path)
    if pin is not None:
        return pin
    if not sys.stdin.isatty():
        raise InputError("Give the guardian PIN with --pin-file F (never on the command line).")
    import getpass

    pin = getpass.getpass("Guardian PIN: ")
    if confirm and getpass.getpass("Again: ") != pin:
        raise InputError("The two PINs differ.")
    return pin


def _child_mode(service: Confidant, args: argparse.Namespace) -> int:
    service.open(passphrase=_read_secret_file(args.passphrase_file))
    if args.action == "status":
        state = service.child.status()
        print(f"child mode: {'on' if state.enabled else 'off'}")
        if state.configured:
            print(f"failed PIN attempts: {state.failed_attempts}")
            if state.locked_until:
                print(f"locked until: {state.locked_until}")
        return 0
    if args.action == "enable":
        from app.core.childmode import guardian_consent_text

        pin = _read_pin(args.pin_file, confirm=True)
        print(guardian_consent_text())
        service.child.enable(pin)
        print("Child mode is on.")
        return 0
    service.child.disable(_read_pin(args.pin_file, confirm=False))
    print("Child mode is off.")
    return 0


def _read_passphrase(path: str | None, *, confirm: bool) -> str:
    """The app-lock passphrase from a file, or typed at the terminal; never from an argument."""
    passphrase = _read_secret_file(path)
    if passphrase is not None:
        return passphrase
    if not sys.stdin.isatty():
        raise InputError("Give the passphrase with --passphrase-file F (never as an argument).")
    import getpass

    passphrase = getpass.getpass("Passphrase: ")
    if confirm and getpass.getpass("Again: ") != passphrase:
        raise InputError("The two passphrases differ.")
    return passphrase


def _authorize(service: Confidant, args: argparse.Namespace) -> None:
    pin = _read_secret_file(getattr(args, "pin_file", None))
    if pin is not None and service.child.status().enabled:
        service.child.authorize_guardian(pin)


def _app_lock(service: Confidant, args: argparse.Namespace) -> int:
    state = service.lock.status()
    if args.action == "status":
        passphrase = _read_secret_file(args.passphrase_file)
        if service.profile_exists() and (passphrase is not None or not state.enabled):
            service.open(passphrase=passphrase)
            state = service.lock.status()
        mode = " (passphrase mode: always on)" if state.passphrase_mode else ""
        print(f"app lock: {'on' if state.enabled else 'off'}{mode}")
        if state.enabled:
            if state.idle_minutes is None:
                print("locks when idle: unknown while locked (add --passphrase-file F)")
            elif state.idle_minutes:
                print(f"locks when idle: after {state.idle_minutes} minutes")
            else:
                print("locks when idle: never")
        print(f"failed passphrase attempts: {state.failed_attempts}")
        if state.locked_until:
            print(f"locked until: {state.locked_until}")
        return 0
    if args.action == "enable":
        if state.passphrase_mode:
            raise InputError("This profile is in passphrase mode: it always needs its passphrase.")
        if state.enabled:
            raise InputError("The app lock is already on.")
        passphrase = _read_passphrase(args.passphrase_file, confirm=True)
        service.open()
        _authorize(service, args)
        service.lock.enable(passphrase, idle_minutes=args.idle_minutes)
        print(
            "The app lock is on: opening Confidant needs the passphrase. If you forget it, "
            "nobody can recover your data."
        )
        return 0
    if state.passphrase_mode:
        raise InputError("This profile is in passphrase mode: its passphrase cannot be turned off.")
    if not state.enabled:
        raise InputError("The app lock is not on.")
    passphrase = _read_passphrase(args.passphrase_file, confirm=False)
    service.open(passphrase=passphrase)
    _authorize(service, args)
    service.lock.disable(passphrase)
    print("The app lock is off: your key is kept in the system keyring alone.")
    return 0


def _consent(service: Confidant, args: argparse.Namespace) -> int:
    _open(service, args)
    if args.action == "show":
        for state in service.consent.consents():
            mark = "granted" if state.granted else "not granted"
            if state.needs_renewal:
                mark = f"not granted (text changed to version {state.text.version}: ask again)"
            print(f"{state.scope.value}: {mark} — {state.text.title}")
        return 0
    if args.action == "grant":
        text = service.consent.consent_text(args.scope)
        print(f"# {text.title} (version {text.version})\n\n{text.body}\n")
        if not args.yes:
            if not sys.stdin.isatty():
                raise InputError("Read the text above, then run again with --yes to agree.")
            if not _ask("Do you agree?"):
                print("Nothing was changed.")
                return 0
        receipt = service.consent.grant(args.scope)
        print(f"Granted {receipt.scope.value} (receipt {receipt.receipt_id}).")
        return 0
    delete = args.delete_history
    if args.scope == "store_conversations" and not delete and sys.stdin.isatty():
        stored = len(service.chat.conversations())
        if stored:
            delete = _ask(f"Also delete the {stored} stored conversations now?")
    result = service.consent.withdraw(args.scope, delete_history=delete)
    print(f"Withdrew {result.receipt.scope.value} (receipt {result.receipt.receipt_id}).")
    if result.deleted_conversations:
        print(f"Deleted {result.deleted_conversations} stored conversations.")
    return 0


def _conversations(service: Confidant, args: argparse.Namespace) -> int:
    _open(service, args)
    if args.action == "list":
        summaries = service.chat.conversations()
        if args.json:
            print(json.dumps([asdict(s) for s in summaries], indent=2, ensure_ascii=False))
        for summary in [] if args.json else summaries:
            print(
                f"{summary.updated_at}  {summary.id}  {summary.message_count:4d}  {summary.title}"
            )
        return 0
    if args.action == "show":
        opened = service.chat.open_conversation(args.id)
        print(f"# {opened.title}\n")
        for message in opened.messages:
            print(f"[{message.role} · {message.created_at}]\n{message.content}\n")
        return 0
    hits = service.chat.search(args.query)
    if args.json:
        print(json.dumps([asdict(h) for h in hits], indent=2, ensure_ascii=False))
    for hit in [] if args.json else hits:
        print(f"{hit.conversation_id}  {hit.role:9s}  {hit.snippet}")
    return 0


def _export(service: Confidant, args: argparse.Namespace) -> int:
    service.open(passphrase=_read_secret_file(args.profile_passphrase_file))
    _warn_if_damaged(service)
    passphrase = _read_secret_file(args.passphrase_file)
    result = service.data.export(Path(args.out), fmt=args.format, passphrase=passphrase)
    print(
        f"Exported {result.conversations} conversations ({result.messages} messages) "
        f"to {result.path} ({result.bytes:,} bytes)."
    )
    if result.skipped:
        print(f"{result.skipped} conversations were unreadable (damaged) and left out.")
    if not result.encrypted:
        print(
            "Warning: this file is not encrypted; anyone who can read it can read your "
            "conversations. Use --passphrase-file to protect it.",
            file=sys.stderr,
        )
    return 0


def _import(service: Confidant, args: argparse.Namespace) -> int:
    from app.core.importers import report
    from app.core.importers.locations import find_sources

    if args.find:
        found = find_sources()
        for place in found:
            print(f"{place.label}: {place.path}")
        if not found:
            print("No Jan, LM Studio or Open WebUI chats were found in their usual places.")
        return 0
    if args.file is None:
        raise InputError("Give the file, zip or folder to import (or --find).")
    if args.delete_originals and not args.yes:
        raise InputError("Deleting the originals cannot be undone; add --yes to confirm.")
    service.open(passphrase=_read_secret_file(args.profile_passphrase_file))
    passphrase = _read_secret_file(args.passphrase_file)
    summary = service.data.import_summary(
        Path(args.file), source=args.source, passphrase=passphrase
    )
    for line in report.summary_lines(summary, args.retention_from, args.include_sensitive):
        print(line)
    if args.summary_only:
        return 0
    result = service.data.import_file(
        Path(args.file),
        source=args.source,
        passphrase=passphrase,
        include_sensitive=args.include_sensitive,
        retention_start=args.retention_from,
        strict=args.strict,
    )
    for line in report.result_lines(result):
        print(line)
    if result.originals and not args.delete_originals:
        print("These plaintext files now hold only conversations verified in Confidant:")
        for original in result.originals:
            print(f"  {original.path}")
        print("To delete them, run the same import again with --delete-originals --yes.")
    elif args.delete_originals:
        if not result.originals:
            raise InputError(
                "No plaintext file can be deleted: not every conversation in it "
                "was verified in Confidant."
            )
        for line in report.receipt_lines(service.data.delete_import_originals(result)):
            print(line)
    return 0


def _retention(service: Confidant, args: argparse.Namespace) -> int:
    _open(service, args)
    if args.action == "set":
        service.data.set_retention(args.data_class, args.days)
        print(f"{args.data_class} are now kept for {args.days} days.")
        return 0
    for schedule in service.data.retention_schedule():
        choices = ", ".join(str(p) for p in schedule.presets)
        due = (
            f"; next deletion {schedule.next_deletion_at[:10]}" if schedule.next_deletion_at else ""
        )
        print(f"{schedule.data_class}: {schedule.days} days (choices: {choices}){due}")
    return 0


def _delete(service: Confidant, args: argparse.Namespace) -> int:
    if not args.yes:
        raise InputError("Deleting cannot be undone; add --yes to confirm.")
    _open(service, args)
    start, end = args.between if args.between else (None, None)
    deleted = service.data.delete_conversations(
        conversation_id=args.conversation, start=start, end=end, everything=args.all
    )
    print(f"Deleted {deleted} conversations.")
    return 0


def _forget_me(service: Confidant, args: argparse.Namespace) -> int:
    if not args.yes:
        raise InputError("Forget me erases this whole profile; add --yes to confirm.")
    _open(service, args)
    receipt = service.data.forget_me()
    print(json.dumps(asdict(receipt), indent=2))
    if receipt.new_profile:
        print(
            "An upstream deletion request could not be delivered yet; a new empty profile "
            "keeps it and will send it ('upstream send').",
            file=sys.stderr,
        )
    return 0


def _upstream(service: Confidant, args: argparse.Namespace) -> int:
    _open(service, args)
    hub = service.upstream
    if args.action == "configure":
        hub.configure(args.url, args.collector_key, args.notice_key)
        print(f"Uploads go to {hub.settings.upstream().url} (only with your consent).")
        return 0
    if args.action == "status":
        state = hub.status()
        if args.json:
            print(json.dumps(asdict(state), indent=2))
            return 0
        print(f"collector: {state.url or 'not configured (nothing is ever sent)'}")
        for scope, granted in state.consents.items():
            print(f"{scope}: {'granted' if granted else 'not granted'}")
        print(f"outbox: {state.outbox['review']} awaiting review, {state.outbox['approved']} ready")
        print(f"last send: {state.last_send_at or 'never'}")
        print(f"pending deletion requests: {state.pending_deletions}")
        return 0
    result = hub.send(approve_all=args.approve_all)
    if result.not_configured:
        raise InputError("No collector is configured; run 'upstream configure' first.")
    print(
        f"sent {len(result.sent)}, dropped {len(result.dropped)}, "
        f"retrying {len(result.retrying)}, deletion requests answered "
        f"{len(result.deletions_acknowledged)}"
        + (" (rate limit reached; the rest waits)" if result.rate_limited else "")
    )
    return 0


def _doctor(service: Confidant, args: argparse.Namespace) -> int:
    report = service.health.doctor(passphrase=_read_secret_file(args.passphrase_file))
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        for check in report.checks:
            print(f"{'ok  ' if check.ok else 'FAIL'}  {check.name}: {check.detail}")
    return 0 if report.ok else 1


def _chat(service: Confidant, args: argparse.Namespace) -> int:
    prompt = _prompt(args.prompt)
    if not prompt.strip():
        raise InputError("The prompt is empty.")
    _open(service, args)
    if args.continue_id is not None:
        if args.temporary:
            raise InputError("--temporary starts a new chat; it cannot continue a stored one.")
        conversation = service.chat.open_conversation(args.continue_id).id
    else:
        conversation = service.chat.new_conversation(temporary=args.temporary)
    stream = service.chat.stream(conversation, prompt, provider=args.provider, model=args.model)
    shown = ""
    try:
        for chunk in stream:
            sys.stdout.write(chunk)
            sys.stdout.flush()
            shown = chunk
    except KeyboardInterrupt:
        # Ctrl+C stops the reply like the Stop button: what arrived is kept.
        stream.cancel()
    finally:
        if shown and not shown.endswith("\n"):
            print()
        result = service.chat.finish_turn(stream)
    if result is None:
        print("[Stopped before the assistant said anything; nothing was kept]", file=sys.stderr)
        return 130
    print(f"[{'Stopped; ' if result.stopped else ''}{result.status.value}]", file=sys.stderr)
    return 130 if result.stopped else 0


def _provider(service: Confidant, args: argparse.Namespace) -> int:
    _open(service, args)
    if args.action == "set":
        if args.private_prompts is not None:
            service.assistant.set_private_prompts(args.private_prompts == "on")
        state = service.assistant.set_provider(
            args.name,
            base_url=args.base_url,
            model=args.model,
            api_key=_read_secret_file(args.api_key_file),
            forget_api_key=args.forget_api_key,
        )
        print(f"The assistant is now {state.label}.")
        if state.name != "offline" and not state.local:
            print("Your messages will leave this computer for it.")
        return 0
    state = service.assistant.provider_status()
    if args.json:
        print(json.dumps(asdict(state), indent=2))
        return 0
    private = "on" if state.private_prompts else "off"
    if state.private_prompts_forced:
        private = "on (child mode keeps them on)"
    print(f"provider: {state.name} — {state.title}")
    print(f"label: {state.label}")
    print(f"runs: {'on this computer' if state.local else 'elsewhere (remote)'}")
    if state.name != "offline":
        print(f"base URL: {state.base_url or 'not set'}")
        print(f"model: {state.model or 'not set'}")
        print(f"API key: {'kept in the system keyring' if state.has_api_key else 'none'}")
    print(f"private prompts: {private}")
    return 0


def _run_stream(command: str) -> int:
    """The JSON-lines filters: no profile, no store, no keyring."""
    from app.core.privacy.jsonl import run_command

    return run_command(command)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the process exit status."""
    logging.basicConfig(level=logging.WARNING, format="confidant: %(levelname)s: %(message)s")
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    if args.command in ("anonymize", "classify"):
        return _run_stream(args.command)
    from app.core.service import Confidant

    service = Confidant()
    handlers = {
        "doctor": _doctor,
        "chat": _chat,
        "provider": _provider,
        "consent": _consent,
        "conversations": _conversations,
        "upstream": _upstream,
        "export": _export,
        "import": _import,
        "retention": _retention,
        "delete": _delete,
        "forget-me": _forget_me,
        "child-mode": _child_mode,
        "app-lock": _app_lock,
        "key": _key,
    }
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
    except UnicodeError:
        # Undecodable bytes in an argument or a file reach Python as lone surrogates.
        print(
            "confidant: The input contains bytes that are not valid text (UTF-8).", file=sys.stderr
        )
        return 2
    except Exception as exc:  # noqa: BLE001 - last resort: one line, no private details
        print(
            f"confidant: internal error ({type(exc).__name__}). Please report this.",
            file=sys.stderr,
        )
        return 1
    finally:
        service.close()


if __name__ == "__main__":
    sys.exit(main())
