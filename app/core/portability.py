"""Data portability: export everything the profile holds (imports live in ``app.core.importers``).

Exports come as our documented JSON format or a zip with readable copies, optionally encrypted.

Exports stream conversation by conversation, so memory stays bounded, into a private temp file
that is renamed into place only when complete: a cancelled or failed export leaves nothing.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import os
import re
import tempfile
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

from app import __version__
from app.core import export_crypto
from app.core.audit import AuditLog
from app.core.clock import Clock, iso
from app.core.errors import CorruptDatabase, DiskFull, InputError, KnownError
from app.core.importers.store import ImportResult
from app.core.jobs import CancelToken, Progress, ProgressCallback, no_progress
from app.core.paths import FILE_MODE, atomic_write, fsync_dir, os_error
from app.core.resources import resource_path
from app.core.store.database import Database

FORMAT = "confidant-export"
FORMAT_VERSION = 1
ExportFormat = Literal["json", "zip"]


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote."""

    path: Path
    bytes: int
    conversations: int
    messages: int
    encrypted: bool
    #: Conversations left out because their pages are damaged (only from a damaged store).
    skipped: int = 0


# --- export -----------------------------------------------------------------------------------


#: Ways to list the conversations, best first; a damaged store may allow only a later one.
_CONVERSATION_IDS = (
    "SELECT id FROM conversations ORDER BY created_at, id",
    "SELECT id FROM conversations NOT INDEXED",
    "SELECT DISTINCT conversation_id FROM messages NOT INDEXED",
)


class _Sections:
    """Reads each part of the profile for the export document.

    From a damaged (read-only) store it salvages: a part whose pages cannot be read is left
    empty, and a conversation that cannot be read whole is left out and counted.
    """

    def __init__(self, database: Database) -> None:
        self._db = database
        self.salvage = database.read_only
        self.skipped: set[str] = set()

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        try:
            return self._db.query(sql, params)
        except CorruptDatabase:
            if not self.salvage:
                raise
            return []

    def preferences(self) -> dict[str, Any]:
        rows = self._query("SELECT name, value FROM preferences WHERE name != 'avatar_image'")
        return {name: json.loads(value) for name, value in rows}

    def avatar(self) -> str | None:
        rows = self._query("SELECT data FROM preferences WHERE name = 'avatar_image'")
        return base64.b64encode(bytes(rows[0][0])).decode("ascii") if rows and rows[0][0] else None

    def table(self, sql: str, names: tuple[str, ...]) -> list[dict[str, Any]]:
        return [dict(zip(names, row, strict=True)) for row in self._query(sql)]

    def conversation_ids(self) -> list[str]:
        if not self.salvage:
            return [r[0] for r in self._query(_CONVERSATION_IDS[0])]
        # Salvaging: the first way to list them whose pages can all be read.
        for sql in _CONVERSATION_IDS:
            try:
                return [r[0] for r in self._db.query(sql)]
            except CorruptDatabase:
                continue
        return []

    def readable(self, conversation_id: str) -> dict[str, Any] | None:
        """The conversation, or None when salvaging and its pages cannot be read."""
        if conversation_id in self.skipped:
            return None
        try:
            return self.conversation(conversation_id)
        except (CorruptDatabase, ValueError):
            if not self.salvage:
                raise
            self.skipped.add(conversation_id)
            return None

    def conversation(self, conversation_id: str) -> dict[str, Any]:
        (row,) = self._db.query(
            "SELECT id, title, created_at, updated_at, sensitive, sensitive_allowed, "
            "title_set, system_prompt, provider, model FROM conversations WHERE id = ?",
            (conversation_id,),
        )
        messages = self._db.query(
            "SELECT role, content, created_at FROM messages WHERE conversation_id = ? ORDER BY id",
            (conversation_id,),
        )
        return {
            "id": row[0],
            "title": row[1],
            "created_at": row[2],
            "updated_at": row[3],
            "sensitive": bool(row[4]),
            "sensitive_allowed": bool(row[5]),
            # The conversation's own settings (issue 16): absent when never set, so an
            # export of a plain conversation reads as it did before they existed.
            **_settings(
                title_set=bool(row[6]), system_prompt=row[7], provider=row[8], model=row[9]
            ),
            "messages": [{"role": r, "content": c, "created_at": t} for r, c, t in messages],
        }


def _settings(**values: Any) -> dict[str, Any]:
    """The settings that are set (a False flag or an empty value is left out)."""
    return {key: value for key, value in values.items() if value}


def _write_document(
    out: IO[str],
    sections: _Sections,
    clock: Clock,
    progress: ProgressCallback,
    cancel: CancelToken,
) -> tuple[int, int]:
    """Stream the export document as JSON; return (conversations, messages)."""

    def put(key: str, value: Any, comma: bool = True) -> None:
        out.write(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
        out.write(",\n" if comma else "\n")

    out.write("{\n")
    put("format", FORMAT)
    put("version", FORMAT_VERSION)
    put("exported_at", iso(clock.now()))
    put("app_version", __version__)
    put("preferences", sections.preferences())
    put("avatar_png_base64", sections.avatar())
    put(
        "consents",
        sections.table(
            "SELECT scope, granted, text_version, at, receipt_id FROM consents ORDER BY id",
            ("scope", "granted", "text_version", "at", "receipt_id"),
        ),
    )
    put(
        "retention",
        sections.table(
            "SELECT data_class, days, last_purge_at FROM retention ORDER BY data_class",
            ("data_class", "days", "last_purge_at"),
        ),
    )
    audit = sections.table(
        "SELECT at, kind, detail FROM audit ORDER BY id", ("at", "kind", "detail")
    )
    for event in audit:
        event["detail"] = json.loads(event["detail"])
    put("audit", audit)
    put(
        "outbox",
        sections.table(
            "SELECT id, scope, kind, payload, payload_sha256, state, created_at FROM outbox "
            "ORDER BY created_at",
            ("id", "scope", "kind", "payload", "payload_sha256", "state", "created_at"),
        ),
    )
    put(
        "deletion_requests",
        sections.table(
            "SELECT request_id, scope, created_at, state, receipt, finished_at "
            "FROM deletion_requests ORDER BY created_at",
            ("request_id", "scope", "created_at", "state", "receipt", "finished_at"),
        ),
    )
    out.write('"conversations": [\n')
    ids = sections.conversation_ids()
    messages = written = 0
    for index, conversation_id in enumerate(ids):
        cancel.check()
        conversation = sections.readable(conversation_id)
        if conversation is not None:
            messages += len(conversation["messages"])
            out.write(",\n" if written else "")
            out.write(json.dumps(conversation, ensure_ascii=False))
            written += 1
        progress(Progress(index + 1, len(ids), "conversations"))
    out.write("\n]\n}\n" if written else "]\n}\n")
    return written, messages


def _markdown(conversation: dict[str, Any]) -> str:
    lines = [f"# {conversation['title'] or 'Untitled conversation'}", ""]
    lines.append(
        f"Started {conversation['created_at']}, last message {conversation['updated_at']}."
    )
    if conversation.get("system_prompt"):
        lines += ["", "## System prompt", "", conversation["system_prompt"]]
    for message in conversation["messages"]:
        speaker = {"user": "You", "assistant": "Assistant"}.get(message["role"], "System")
        lines += ["", f"## {speaker} — {message['created_at']}", "", message["content"]]
    return "\n".join(lines) + "\n"


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40]
    return slug or "conversation"


def export_profile(
    database: Database,
    clock: Clock,
    audit: AuditLog,
    destination: Path,
    *,
    fmt: ExportFormat = "json",
    passphrase: str | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> ExportResult:
    """Write everything the profile holds to ``destination`` (never secrets or keys)."""
    cancel = cancel or CancelToken()
    destination = destination.expanduser().absolute()
    if destination.is_dir():
        raise InputError(f"{destination} is a folder; give a file name.")
    if not destination.parent.is_dir():
        raise InputError(f"The folder {destination.parent} does not exist.")
    sections = _Sections(database)
    ledger = database.path.parent / EXPORTS_IN_PROGRESS
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{destination.name}.", suffix=EXPORT_TEMP_SUFFIX, dir=destination.parent
        )
    except OSError as exc:
        raise os_error(exc, "Could not write the export.") from exc
    tmp = Path(tmp_name)
    try:
        # Written down before a byte of plaintext is: after a kill, the next start removes it.
        # (On a full profile disk it cannot be; the export, perhaps elsewhere, still runs.)
        with contextlib.suppress(KnownError):
            _note_export(ledger, tmp, add=True)
        with os.fdopen(fd, "wb") as raw:
            os.fchmod(raw.fileno(), FILE_MODE)
            sink: IO[bytes] = raw
            encrypter = None
            if passphrase is not None:
                encrypter = export_crypto.EncryptingWriter(raw, passphrase)
                sink = encrypter  # type: ignore[assignment]
            counts = _write_format(sink, fmt, sections, clock, progress, cancel)
            if encrypter is not None:
                encrypter.finish()
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(tmp, destination)
        fsync_dir(destination.parent)
    except OSError as exc:
        _drop_temp(ledger, tmp)
        raise os_error(exc, "Could not write the export.") from exc
    except BaseException:
        _drop_temp(ledger, tmp)
        raise
    with contextlib.suppress(KnownError):
        _note_export(ledger, tmp, add=False)
    # A damaged store is never written to, not even its log; on a full disk the export is
    # made all the same, and only its line in the privacy log is missing.
    if not database.read_only:
        with contextlib.suppress(DiskFull):
            audit.record(
                "export.created",
                format=fmt,
                encrypted=passphrase is not None,
                conversations=counts[0],
                messages=counts[1],
            )
    return ExportResult(
        destination,
        destination.stat().st_size,
        counts[0],
        counts[1],
        passphrase is not None,
        skipped=len(sections.skipped),
    )


#: Temp files of exports in progress end with this, and are listed in the profile folder's
#: ``EXPORTS_IN_PROGRESS`` until they are renamed into place or removed.
EXPORT_TEMP_SUFFIX = ".confidant-export-tmp"
EXPORTS_IN_PROGRESS = "exports-in-progress"
_ledger_lock = threading.Lock()


def _note_export(ledger: Path, tmp: Path, *, add: bool) -> None:
    with _ledger_lock:
        try:
            listed = ledger.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            listed = []
        except OSError as exc:
            raise os_error(exc, "Could not note the export in progress.") from exc
        entries = [line for line in listed if line and line != str(tmp)]
        if add:
            entries.append(str(tmp))
        if entries:
            atomic_write(ledger, ("\n".join(entries) + "\n").encode("utf-8"))
        else:
            with contextlib.suppress(FileNotFoundError):
                ledger.unlink()


def _drop_temp(ledger: Path, tmp: Path) -> None:
    """Remove a failed export's temp file, then its entry (kept if the file would not go)."""
    try:
        tmp.unlink()
    except FileNotFoundError:
        pass
    except OSError:
        return  # listed still: the next start tries again
    with contextlib.suppress(KnownError):
        _note_export(ledger, tmp, add=False)


def remove_leftover_exports(profile_directory: Path) -> int:
    """Remove the temp files of exports a kill interrupted; return how many were removed.

    Only files this module named (hidden, with its suffix) and listed are touched.
    """
    ledger = profile_directory / EXPORTS_IN_PROGRESS
    try:
        listed = ledger.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 0
    removed = 0
    for line in listed:
        path = Path(line)
        if not (path.name.startswith(".") and path.name.endswith(EXPORT_TEMP_SUFFIX)):
            continue
        try:
            path.unlink()
            removed += 1
        except FileNotFoundError:
            pass
        except OSError:
            return removed  # keep the list; try again next time
    with contextlib.suppress(OSError):
        ledger.unlink()
    return removed


def _write_format(
    sink: IO[bytes],
    fmt: ExportFormat,
    sections: _Sections,
    clock: Clock,
    progress: ProgressCallback,
    cancel: CancelToken,
) -> tuple[int, int]:
    if fmt == "json":
        text = io.TextIOWrapper(sink, encoding="utf-8", newline="\n", write_through=True)
        try:
            return _write_document(text, sections, clock, progress, cancel)
        finally:
            text.detach()
    if fmt != "zip":
        raise InputError(f"Unknown export format {fmt!r}; use json or zip.")
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("export.json", "w", force_zip64=True) as entry:
            text = io.TextIOWrapper(entry, encoding="utf-8", newline="\n", write_through=True)
            try:
                counts = _write_document(text, sections, clock, progress, cancel)
            finally:
                text.detach()
        # A readable copy of each conversation, read again one at a time to bound memory.
        for index, conversation_id in enumerate(sections.conversation_ids()):
            cancel.check()
            conversation = sections.readable(conversation_id)
            if conversation is None:
                continue
            name = f"conversations/{index + 1:05d}-{_slug(conversation['title'])}.md"
            archive.writestr(name, _markdown(conversation))
        archive.writestr(
            "README.md",
            "This is a Confidant export. `export.json` holds everything, in the format "
            "described by `export-v1.json` (JSON Schema); `conversations/` holds a readable "
            "copy of each conversation.\n",
        )
        archive.write(resource_path("schemas", "export-v1.json"), "export-v1.json")
    return counts


__all__ = ["ExportResult", "ImportResult", "export_profile"]
