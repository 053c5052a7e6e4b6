"""The import job behind the facade: summary first, then one transaction, then verification."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable
from pathlib import Path

from app.core.audit import AuditLog
from app.core.clock import Clock, iso
from app.core.errors import InputError, KnownError
from app.core.importers import ParsedImport, read_import
from app.core.importers.store import (
    DeletionReceipt,
    ImportResult,
    ImportSummary,
    Original,
    RetentionStart,
    delete_originals,
    marker_counts,
    store,
    summarize,
    verified_originals,
)
from app.core.preferences import OPTIONS
from app.core.retention import Retention
from app.core.store.database import Database

RETENTION_STARTS = ("today", "original")
#: Sources whose files hold conversations in plaintext (offered for deletion once verified);
#: our own export is a backup, often encrypted, and never offered.
PLAINTEXT_SOURCES = frozenset({"chatgpt", "claude", "jan", "lmstudio", "openwebui"})
#: Preferences an import never restores (they describe the old profile, not the person).
_NOT_RESTORED = frozenset({"last_privacy_checkup"})


class Importer:
    """Reads, summarizes and stores imports for one open profile."""

    def __init__(
        self,
        database: Database,
        clock: Clock,
        audit: AuditLog,
        retention: Retention,
        classify: Callable[[str], bool],
        lock: threading.RLock | threading.Lock,
    ) -> None:
        self._db = database
        self._clock = clock
        self._audit = audit
        self._retention = retention
        self._classify = classify
        self._lock = lock

    def summary(
        self, path: Path, *, source: str = "auto", passphrase: str | None = None
    ) -> ImportSummary:
        """What ``path`` holds and what importing it would do. Writes nothing."""
        parsed = read_import(path, source, passphrase)
        with self._lock:
            return summarize(
                parsed,
                _Reader(self._db),
                self._retention.cutoff("conversations"),
                self._retention.days("conversations"),
                self._classify,
            )

    def run(
        self,
        path: Path,
        *,
        source: str = "auto",
        passphrase: str | None = None,
        include_sensitive: bool = False,
        retention_start: str = "today",
        strict: bool = False,
    ) -> ImportResult:
        """Import in one transaction, then read back what was stored."""
        if retention_start not in RETENTION_STARTS:
            raise InputError(f"Unknown retention start {retention_start!r}; use today or original.")
        start: RetentionStart = "today" if retention_start == "today" else "original"
        parsed = read_import(path, source, passphrase, strict=strict)
        now = iso(self._clock.now())
        with self._lock, self._db.transaction("importing") as conn:
            counts = store(
                conn,
                parsed,
                cutoff=self._retention.cutoff("conversations"),
                now=now,
                retention_start=start,
                include_sensitive=include_sensitive,
                classify=self._classify,
            )
            restored = _restore_preferences(conn, parsed)
            self._audit.record(
                "import.completed",
                conn,
                source=parsed.source,
                conversations=counts.conversations,
                messages=counts.messages,
                skipped_sensitive=counts.sensitive,
                skipped_expired=counts.expired,
                skipped_unreadable=len(parsed.skipped),
                already_imported=counts.already,
                retention_start=start,
            )
        originals: tuple[Original, ...] = ()
        if parsed.source in PLAINTEXT_SOURCES:
            with self._lock:
                originals = verified_originals(self._db.query, parsed, counts)
        return ImportResult(
            parsed.source,
            counts.conversations,
            counts.messages,
            counts.sensitive,
            counts.expired,
            restored,
            already_imported=counts.already,
            skipped=tuple(parsed.skipped),
            markers=marker_counts(c for _, c in counts.stored),
            retention_start=start,
            originals=originals,
        )

    def delete_originals(self, result: ImportResult) -> DeletionReceipt:
        """Delete the plaintext files a verified import offered; a receipt says what went."""
        if not result.originals:
            raise InputError("This import offered no files to delete.")
        receipt = delete_originals(result.originals, str(uuid.uuid4()), iso(self._clock.now()))
        with self._lock:
            self._audit.record(
                "import.originals_deleted",
                receipt=receipt.receipt_id,
                files=len(receipt.deleted),
                kept=len(receipt.kept),
            )
        return receipt


class _Reader:
    """The database's ``query`` shaped like a connection's ``execute`` (for the summary)."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def execute(self, sql: str, params: list[str] | tuple[str, ...] = ()) -> list[tuple[str]]:
        return [tuple(row) for row in self._db.query(sql, tuple(params))]


def _restore_preferences(conn: object, parsed: ParsedImport) -> int:
    restored = 0
    for name, value in parsed.preferences.items():
        if name in _NOT_RESTORED:
            continue
        try:
            checked = OPTIONS[name].check(value)
        except (KeyError, KnownError):
            continue  # unknown or no longer valid: keep the current value
        conn.execute(  # type: ignore[attr-defined]
            "INSERT INTO preferences(name, value) VALUES (?, ?) "
            "ON CONFLICT(name) DO UPDATE SET value = excluded.value",
            (name, json.dumps(checked)),
        )
        restored += 1
    return restored
