"""Data portability: export everything the profile holds, and import ours, ChatGPT's and Claude's.

Exports come as our documented JSON format or a zip with readable copies, optionally encrypted.

Exports stream conversation by conversation, so memory stays bounded, into a private temp file
that is renamed into place only when complete: a cancelled or failed export leaves nothing.
Imports read untrusted files defensively (sizes, zip bombs, paths, encodings, types) and write
everything in one transaction, so a bad file leaves the store exactly as it was.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import io
import json
import os
import re
import tempfile
import threading
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

from app import __version__
from app.core import export_crypto
from app.core.audit import AuditLog
from app.core.clock import Clock, iso
from app.core.errors import CorruptDatabase, InputError, KnownError
from app.core.jobs import CancelToken, Progress, ProgressCallback, no_progress
from app.core.paths import FILE_MODE, atomic_write, fsync_dir, os_error
from app.core.resources import resource_path
from app.core.store.database import Database

FORMAT = "confidant-export"
FORMAT_VERSION = 1
ExportFormat = Literal["json", "zip"]
ImportSource = Literal["auto", "confidant", "chatgpt", "claude"]

MAX_IMPORT_BYTES = 512 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000
MAX_ZIP_RATIO = 200
MAX_FIELD_CHARS = 1_000_000
MAX_TITLE_CHARS = 1_000
_ROLES = {"user", "assistant", "system"}


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


@dataclass
class ImportedConversation:
    """One conversation read from a file, checked and normalized."""

    title: str
    created_at: str
    updated_at: str
    messages: list[tuple[str, str, str]] = field(default_factory=list)  # role, content, time
    sensitive: bool = False
    sensitive_allowed: bool = False


@dataclass(frozen=True)
class ImportResult:
    """What an import did."""

    source: str
    conversations: int
    messages: int
    skipped_sensitive: int
    skipped_expired: int
    preferences: int


# --- export -----------------------------------------------------------------------------------


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
        return [r[0] for r in self._query("SELECT id FROM conversations ORDER BY created_at, id")]

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
            "SELECT id, title, created_at, updated_at, sensitive, sensitive_allowed "
            "FROM conversations WHERE id = ?",
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
            "messages": [{"role": r, "content": c, "created_at": t} for r, c, t in messages],
        }


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
    if not database.read_only:  # a damaged store is never written to, not even its log
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


# --- import -----------------------------------------------------------------------------------


def _read_limited(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"Could not read {path.name} ({exc.strerror}).") from None
    if size > MAX_IMPORT_BYTES:
        raise InputError(f"{path.name} is larger than Confidant imports (512 MB).")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"Could not read {path.name} ({exc.strerror}).") from None


def _zip_member(archive: zipfile.ZipFile, wanted: tuple[str, ...]) -> tuple[str, bytes] | None:
    """Read the first of ``wanted`` from a zip, refusing bombs and unsafe paths."""
    infos = archive.infolist()
    if len(infos) > MAX_ZIP_ENTRIES:
        raise InputError("The zip file has too many entries.")
    total = 0
    for info in infos:
        name = info.filename
        if name.startswith(("/", "\\")) or ".." in Path(name).parts or ":" in name:
            raise InputError(f"The zip file contains an unsafe path ({name!r}).")
        total += info.file_size
        if total > MAX_IMPORT_BYTES:
            raise InputError("The zip file unpacks to more than Confidant imports (512 MB).")
        if info.compress_size and info.file_size / info.compress_size > MAX_ZIP_RATIO:
            raise InputError(
                f"The zip entry {name!r} is compressed suspiciously well (a zip bomb?)."
            )
    for name in wanted:
        for info in infos:
            if info.filename == name or info.filename.endswith("/" + name):
                with archive.open(info) as member:
                    data = member.read(info.file_size + 1)
                if len(data) > info.file_size:
                    raise InputError(f"The zip entry {name!r} is larger than it says.")
                return info.filename, data
    return None


def _load_json(data: bytes, what: str) -> Any:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{what} is not valid UTF-8 (at byte {exc.start}).") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{what} is not valid JSON (line {exc.lineno}: {exc.msg}).") from None


def _time(value: Any, what: str) -> str:
    """A timestamp (ISO 8601 text or seconds since 1970) as our UTC ISO form."""
    try:
        if isinstance(value, int | float) and not isinstance(value, bool):
            moment = dt.datetime.fromtimestamp(float(value), dt.UTC)
        elif isinstance(value, str):
            moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=dt.UTC)
        else:
            raise ValueError
    except (ValueError, OverflowError, OSError):
        raise InputError(f"{what} has an invalid time ({str(value)[:40]!r}).") from None
    return iso(moment)


def _text(value: Any, what: str, limit: int = MAX_FIELD_CHARS) -> str:
    if not isinstance(value, str):
        raise InputError(f"{what} must be text, not {type(value).__name__}.")
    if len(value) > limit:
        raise InputError(f"{what} is too long ({len(value):,} characters; at most {limit:,}).")
    return value


def _list(value: Any, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise InputError(f"{what} must be a list.")
    return value


def _dict(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError(f"{what} must be an object.")
    return value


def parse_confidant(doc: Any) -> tuple[list[ImportedConversation], dict[str, Any]]:
    """Our own format: conversations and preferences."""
    doc = _dict(doc, "The export")
    if doc.get("format") != FORMAT:
        raise InputError("This is not a Confidant export.")
    if doc.get("version") != FORMAT_VERSION:
        raise InputError(
            f"This export has format version {doc.get('version')!r}; this Confidant reads "
            f"version {FORMAT_VERSION}."
        )
    conversations = []
    for n, raw in enumerate(_list(doc.get("conversations"), "conversations"), start=1):
        where = f"Conversation {n}"
        raw = _dict(raw, where)
        conversation = ImportedConversation(
            title=_text(raw.get("title", ""), f"{where}'s title", MAX_TITLE_CHARS),
            created_at=_time(raw.get("created_at"), where),
            updated_at=_time(raw.get("updated_at"), where),
            sensitive=bool(raw.get("sensitive", False)),
            sensitive_allowed=bool(raw.get("sensitive_allowed", False)),
        )
        for m, message in enumerate(_list(raw.get("messages"), f"{where}'s messages"), start=1):
            what = f"{where}, message {m}"
            message = _dict(message, what)
            role = message.get("role")
            if role not in _ROLES:
                raise InputError(f"{what} has an unknown role {str(role)[:20]!r}.")
            conversation.messages.append(
                (
                    role,
                    _text(message.get("content"), f"{what}'s text"),
                    _time(message.get("created_at"), what),
                )
            )
        conversations.append(conversation)
    preferences = _dict(doc.get("preferences", {}), "preferences")
    return conversations, preferences


def _chatgpt_text(message: dict[str, Any], what: str) -> str:
    content = _dict(message.get("content", {}), f"{what}'s content")
    parts = content.get("parts")
    if parts is None:
        return _text(content.get("text", ""), f"{what}'s text")
    texts = [p for p in _list(parts, f"{what}'s parts") if isinstance(p, str)]
    return _text("\n".join(texts), f"{what}'s text")


def parse_chatgpt(doc: Any) -> list[ImportedConversation]:
    """ChatGPT's ``conversations.json``: follow each tree from ``current_node`` to its root."""
    conversations = []
    for n, raw in enumerate(_list(doc, "conversations.json"), start=1):
        where = f"Conversation {n}"
        raw = _dict(raw, where)
        mapping = _dict(raw.get("mapping"), f"{where}'s mapping")
        node_id = raw.get("current_node")
        branch: list[dict[str, Any]] = []
        seen: set[str] = set()
        while isinstance(node_id, str) and node_id in mapping and node_id not in seen:
            seen.add(node_id)
            node = _dict(mapping[node_id], f"{where}, node {node_id[:12]}")
            branch.append(node)
            node_id = node.get("parent")
        branch.reverse()
        created = raw.get("create_time")
        conversation = ImportedConversation(
            title=_text(raw.get("title") or "", f"{where}'s title", MAX_TITLE_CHARS),
            created_at=_time(created, where),
            updated_at=_time(raw.get("update_time", created), where),
        )
        for node in branch:
            message = node.get("message")
            if not isinstance(message, dict):
                continue
            role = _dict(message.get("author", {}), f"{where}'s author").get("role")
            if role not in ("user", "assistant"):
                continue
            text = _chatgpt_text(message, f"{where}, a message")
            if not text.strip():
                continue
            when = message.get("create_time") or created
            conversation.messages.append((role, text, _time(when, where)))
        conversations.append(conversation)
    return conversations


def parse_claude(doc: Any) -> list[ImportedConversation]:
    """Claude's ``conversations.json``: ``chat_messages`` in order."""
    conversations = []
    for n, raw in enumerate(_list(doc, "conversations.json"), start=1):
        where = f"Conversation {n}"
        raw = _dict(raw, where)
        conversation = ImportedConversation(
            title=_text(raw.get("name") or "", f"{where}'s title", MAX_TITLE_CHARS),
            created_at=_time(raw.get("created_at"), where),
            updated_at=_time(raw.get("updated_at", raw.get("created_at")), where),
        )
        for m, message in enumerate(_list(raw.get("chat_messages"), f"{where}'s messages"), 1):
            what = f"{where}, message {m}"
            message = _dict(message, what)
            sender = message.get("sender")
            role = {"human": "user", "assistant": "assistant"}.get(str(sender))
            if role is None:
                raise InputError(f"{what} has an unknown sender {str(sender)[:20]!r}.")
            text = message.get("text")
            if not text and isinstance(message.get("content"), list):
                text = "\n".join(
                    str(part.get("text", ""))
                    for part in message["content"]
                    if isinstance(part, dict) and part.get("type") == "text"
                )
            conversation.messages.append(
                (role, _text(text or "", f"{what}'s text"), _time(message.get("created_at"), what))
            )
        conversations.append(conversation)
    return conversations


def read_import(
    path: Path, source: ImportSource = "auto", passphrase: str | None = None
) -> tuple[str, list[ImportedConversation], dict[str, Any]]:
    """Read and check a file; return (source, conversations, preferences). Writes nothing."""
    data = _read_limited(path)
    if export_crypto.is_encrypted(data[:64]):
        data = export_crypto.decrypt(io.BytesIO(data), passphrase, MAX_IMPORT_BYTES)
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                found = _zip_member(archive, ("export.json", "conversations.json"))
        except zipfile.BadZipFile:
            raise InputError(f"{path.name} is not a readable zip file (truncated?).") from None
        if found is None:
            raise InputError(f"{path.name} has no export.json or conversations.json inside.")
        name, data = found
        doc = _load_json(data, name)
    else:
        doc = _load_json(data, path.name)
    detected = _detect(doc) if source == "auto" else source
    if detected == "confidant":
        conversations, preferences = parse_confidant(doc)
        return detected, conversations, preferences
    if detected == "chatgpt":
        return detected, parse_chatgpt(doc), {}
    if detected == "claude":
        return detected, parse_claude(doc), {}
    raise InputError(f"Unknown import source {source!r}; use confidant, chatgpt or claude.")


def _detect(doc: Any) -> str:
    if isinstance(doc, dict) and doc.get("format") == FORMAT:
        return "confidant"
    if isinstance(doc, list) and doc and isinstance(doc[0], dict):
        if "mapping" in doc[0]:
            return "chatgpt"
        if "chat_messages" in doc[0]:
            return "claude"
    if isinstance(doc, list) and not doc:
        return "claude"  # an empty export imports nothing, whichever it came from
    raise InputError("This file is not a Confidant, ChatGPT or Claude export.")


def store_imported(
    conn: Any,
    conversations: list[ImportedConversation],
    cutoff: str,
    include_sensitive: bool,
    is_sensitive: Any,
) -> tuple[int, int, int, int]:
    """Insert what may be kept (inside the caller's transaction).

    Returns (conversations, messages, skipped as sensitive, skipped as already expired).
    """
    stored = messages = skipped_sensitive = skipped_expired = 0
    for conversation in conversations:
        if not conversation.messages:
            continue
        if conversation.updated_at < cutoff:
            skipped_expired += 1
            continue
        sensitive = conversation.sensitive or any(
            is_sensitive(text) for role, text, _ in conversation.messages if role == "user"
        )
        allowed = conversation.sensitive_allowed or include_sensitive
        if sensitive and not allowed:
            skipped_sensitive += 1
            continue
        conversation_id = str(uuid.uuid4())
        conn.execute(
            "INSERT INTO conversations(id, title, created_at, updated_at, sensitive, "
            "sensitive_allowed) VALUES (?, ?, ?, ?, ?, ?)",
            (
                conversation_id,
                conversation.title,
                conversation.created_at,
                conversation.updated_at,
                int(sensitive),
                int(sensitive and allowed),
            ),
        )
        conn.executemany(
            "INSERT INTO messages(conversation_id, role, content, created_at) VALUES (?,?,?,?)",
            [(conversation_id, role, text, when) for role, text, when in conversation.messages],
        )
        stored += 1
        messages += len(conversation.messages)
    return stored, messages, skipped_sensitive, skipped_expired
