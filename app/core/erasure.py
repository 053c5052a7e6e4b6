"""Deletion that is real: one conversation, a date range, everything, or the whole profile.

Rows go with their full-text entries (triggers; the index is in FTS5 ``secure-delete`` mode,
so a deleted row's terms leave its segments at once), their vault entries (foreign keys) and
the outbox items derived from them. ``secure_delete`` overwrites the freed space, every commit
that deleted private rows empties the WAL (``Database._watch_deletions``), and a bulk delete
also merges the index and ends with VACUUM, so no old page survives in the file or the WAL.
"""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from app.core.audit import AuditLog
from app.core.errors import DiskFull, InputError
from app.core.paths import os_error
from app.core.store.database import Database

# Counted for the forget-me receipt: (receipt name, table).
COUNTED_TABLES: tuple[tuple[str, str], ...] = (
    ("conversations", "conversations"),
    ("messages", "messages"),
    ("preferences", "preferences"),
    ("consent_records", "consents"),
    ("privacy_log_events", "audit"),
    ("outbox_items", "outbox"),
    ("vault_entries", "vault"),
    ("network_log_entries", "network_log"),
    ("security_notices", "notices"),
)


@dataclass(frozen=True)
class ErasureReceipt:
    """What forget-me deleted: counts only, never content."""

    at: str
    deleted: dict[str, int]
    files_removed: int
    keyring_entries_removed: int
    upstream: list[dict[str, str | None]] = field(default_factory=list)
    new_profile: bool = False


def delete_conversations(
    database: Database,
    audit: AuditLog,
    *,
    conversation_id: str | None = None,
    start: str | None = None,
    end: str | None = None,
    everything: bool = False,
) -> int:
    """Delete one conversation, those last active in [start, end), or all; return how many."""
    params: tuple[str, ...]
    if conversation_id is not None:
        where, params, scope = "id = ?", (conversation_id,), "one"
    elif everything:
        where, params, scope = "1 = 1", (), "all"
    elif start is not None or end is not None:
        where, params, scope = (
            "updated_at >= ? AND updated_at < ?",
            (start or "", end or "9999"),
            "range",
        )
    else:
        raise InputError("Say which conversations to delete: one id, a date range, or all.")
    try:
        with database.transaction("deleting conversations") as conn:
            chosen = f"SELECT id FROM conversations WHERE {where}"  # noqa: S608
            ids = [r[0] for r in conn.execute(chosen, params)]
            bulk = scope != "one" and bool(ids)
            if bulk:
                # Removing each row's terms from the segments one by one is slow in bulk; the
                # index is rebuilt from the messages that stay instead, in this transaction,
                # which drops every deleted word with the old segments (secure_delete clears
                # their pages).
                conn.execute(
                    "INSERT INTO messages_fts(messages_fts, rank) VALUES ('secure-delete', 0)"
                )
            for chunk in range(0, len(ids), 500):
                batch = ids[chunk : chunk + 500]
                marks = ",".join("?" * len(batch))
                conn.execute(f"DELETE FROM outbox WHERE conversation_id IN ({marks})", batch)  # noqa: S608
                conn.execute(f"DELETE FROM conversations WHERE id IN ({marks})", batch)  # noqa: S608
            if bulk:
                conn.execute("INSERT INTO messages_fts(messages_fts) VALUES ('rebuild')")
                conn.execute(
                    "INSERT INTO messages_fts(messages_fts, rank) VALUES ('secure-delete', 1)"
                )
            audit.record("conversation.deleted", conn, conversations=len(ids), scope=scope)
    except DiskFull:
        ids = delete_in_small_steps(database, where, params)
        with (
            contextlib.suppress(DiskFull),
            database.transaction("recording the deletion") as conn,
        ):
            audit.record("conversation.deleted", conn, conversations=len(ids), scope=scope)
    if scope != "one" and ids:
        # Compacting needs room for a copy; the deleted rows are gone and their pages cleared
        # already, so a full disk only leaves the file its old size.
        with contextlib.suppress(DiskFull):
            database.vacuum()
    return len(ids)


#: Messages deleted per transaction when the disk is full.
SMALL_STEP_ROWS = 20


def delete_in_small_steps(database: Database, where: str, params: tuple[str, ...]) -> list[str]:
    """Delete on a full disk: a few messages per transaction, then each conversation's row.

    One big transaction needs WAL room for every page it changes; each small one needs little,
    and its commit empties the WAL again (``Database._watch_deletions``), giving the room back.
    A kill part-way leaves some messages of a conversation deleted and the rest intact;
    deleting again finishes.
    """
    ids = [
        r[0]
        for r in database.query(f"SELECT id FROM conversations WHERE {where}", params)  # noqa: S608
    ]
    for conversation_id in ids:
        while True:
            with database.transaction("deleting conversations") as conn:
                removed = conn.execute(
                    "DELETE FROM messages WHERE id IN (SELECT id FROM messages "
                    "WHERE conversation_id = ? LIMIT ?)",
                    (conversation_id, SMALL_STEP_ROWS),
                ).rowcount
            if removed < SMALL_STEP_ROWS:
                break
        with database.transaction("deleting conversations") as conn:
            conn.execute("DELETE FROM outbox WHERE conversation_id = ?", (conversation_id,))
            conn.execute("DELETE FROM conversations WHERE id = ?", (conversation_id,))
    return ids


def count_rows(database: Database) -> dict[str, int]:
    """Rows per data class, for the receipt."""
    return {
        name: int(database.query(f"SELECT count(*) FROM {table}")[0][0])  # noqa: S608
        for name, table in COUNTED_TABLES
    }


def remove_profile_files(directory: Path) -> int:
    """Delete every file of the profile (database, WAL, shared memory, profile file, caches).

    A profile folder reached through a symlink is emptied and removed where it really is,
    and the link goes too: the data is what must go, wherever the link pointed.
    """
    link = directory if directory.is_symlink() else None
    real = directory.resolve() if link is not None else directory
    removed = 0
    try:
        if real.is_dir():
            removed = sum(1 for item in real.rglob("*") if item.is_file() or item.is_symlink())
            shutil.rmtree(real)
        if link is not None:
            link.unlink()
    except OSError as exc:
        raise os_error(exc, "Could not remove the profile's files.") from exc
    return removed
