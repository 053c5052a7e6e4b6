"""Storing what an import read: the summary first, then the rows, then a check of what landed.

Importing is the user asking to keep those conversations, so by default they are kept for the
retention period counted from today (``kept_from``); the user may instead have retention count
from their original dates, which leaves out the ones already past it. Conversations already
imported (same source id, or our own id) are skipped and counted, never duplicated.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from app.core.importers.common import (
    MARKER_LABELS,
    ImportedConversation,
    ParsedImport,
    SkippedConversation,
    prose,
)

RetentionStart = Literal["today", "original"]
IsSensitive = Callable[[str], bool]


@dataclass(frozen=True)
class Original:
    """A plaintext file an import read, as it was then (so a changed file is never deleted)."""

    path: Path
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class ImportSummary:
    """What a file holds, shown before anything is stored."""

    source: str
    label: str
    conversations: int
    messages: int
    first_at: str | None
    last_at: str | None
    older_than_retention: int
    sensitive: int
    already_imported: int
    retention_days: int
    skipped: tuple[SkippedConversation, ...] = ()
    markers: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class ImportResult:
    """What an import did."""

    source: str
    conversations: int
    messages: int
    skipped_sensitive: int
    skipped_expired: int
    preferences: int
    already_imported: int = 0
    skipped: tuple[SkippedConversation, ...] = ()
    markers: tuple[tuple[str, int], ...] = ()
    retention_start: str = "today"
    #: Plaintext originals whose every conversation is now verified in the store.
    originals: tuple[Original, ...] = ()


@dataclass(frozen=True)
class DeletionReceipt:
    """What deleting the plaintext originals did."""

    receipt_id: str
    at: str
    deleted: tuple[Path, ...]
    kept: tuple[tuple[Path, str], ...] = field(default_factory=tuple)


def marker_counts(conversations: Iterable[ImportedConversation]) -> tuple[tuple[str, int], ...]:
    """Each marker kind and how often it occurs, in the summary's order."""
    total: Counter[str] = Counter()
    for conversation in conversations:
        total.update(conversation.markers)
    return tuple((kind, total[kind]) for kind in MARKER_LABELS if total[kind])


def is_sensitive_conversation(conversation: ImportedConversation, classify: IsSensitive) -> bool:
    """Whether the person's own prose in it is on a sensitive topic (code is not prose)."""
    if conversation.sensitive:
        return True
    for role, content, _ in conversation.messages:
        if role != "user":
            continue
        words = prose(content)
        if words.strip() and classify(words):
            return True
    return False


def existing(conn: Any, parsed: ParsedImport) -> set[str]:
    """The keys ("id:…", "source:…") of this import's conversations already in the store."""
    keys: set[str] = set()
    own = [c.own_id for c in parsed.conversations if c.own_id]
    sources = [c.source_id for c in parsed.conversations if c.source_id]
    for chunk in _chunks(own):
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(f"SELECT id FROM conversations WHERE id IN ({marks})", chunk)  # noqa: S608
        keys.update(f"id:{r[0]}" for r in rows)
    for chunk in _chunks(sources):
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT source_id FROM conversations WHERE source_id IN ({marks})",  # noqa: S608
            chunk,
        )
        keys.update(f"source:{r[0]}" for r in rows)
    return keys


def _chunks(values: list[str], size: int = 500) -> Iterable[list[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _key(conversation: ImportedConversation) -> str | None:
    if conversation.own_id:
        return f"id:{conversation.own_id}"
    if conversation.source_id:
        return f"source:{conversation.source_id}"
    return None


def summarize(
    parsed: ParsedImport,
    conn: Any,
    cutoff: str,
    retention_days: int,
    classify: IsSensitive,
) -> ImportSummary:
    """What the file holds, how much is past the retention, sensitive, or already here."""
    present = existing(conn, parsed)
    kept = [c for c in parsed.conversations if c.messages]
    times = [t for c in kept for _, _, t in c.messages]
    return ImportSummary(
        source=parsed.source,
        label=parsed.label,
        conversations=len(kept),
        messages=sum(len(c.messages) for c in kept),
        first_at=min(times) if times else None,
        last_at=max(times) if times else None,
        older_than_retention=sum(1 for c in kept if c.updated_at < cutoff),
        sensitive=sum(1 for c in kept if is_sensitive_conversation(c, classify)),
        already_imported=sum(1 for c in kept if _key(c) in present),
        retention_days=retention_days,
        skipped=tuple(parsed.skipped),
        markers=marker_counts(kept),
    )


@dataclass
class StoreCounts:
    """What ``store`` inserted and left out."""

    conversations: int = 0
    messages: int = 0
    sensitive: int = 0
    expired: int = 0
    already: int = 0
    stored: list[tuple[str, ImportedConversation]] = field(default_factory=list)
    present: list[ImportedConversation] = field(default_factory=list)
    left_out: list[ImportedConversation] = field(default_factory=list)


def store(
    conn: Any,
    parsed: ParsedImport,
    *,
    cutoff: str,
    now: str,
    retention_start: RetentionStart,
    include_sensitive: bool,
    classify: IsSensitive,
) -> StoreCounts:
    """Insert what may be kept (inside the caller's transaction)."""
    counts = StoreCounts()
    present = existing(conn, parsed)
    for conversation in parsed.conversations:
        if not conversation.messages:
            continue
        key = _key(conversation)
        if key is not None and key in present:
            counts.already += 1
            counts.present.append(conversation)
            continue
        if retention_start == "original" and conversation.updated_at < cutoff:
            counts.expired += 1
            counts.left_out.append(conversation)
            continue
        sensitive = is_sensitive_conversation(conversation, classify)
        allowed = conversation.sensitive_allowed or include_sensitive
        if sensitive and not allowed:
            counts.sensitive += 1
            counts.left_out.append(conversation)
            continue
        conversation_id = conversation.own_id or str(uuid.uuid4())
        conn.execute(
            "INSERT INTO conversations(id, title, created_at, updated_at, sensitive, "
            "sensitive_allowed, source_id, kept_from, title_set, system_prompt, provider, model) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                conversation_id,
                conversation.title,
                conversation.created_at,
                conversation.updated_at,
                int(sensitive),
                int(sensitive and allowed),
                conversation.source_id,
                now if retention_start == "today" else None,
                int(conversation.title_set),
                conversation.system_prompt,
                conversation.provider,
                conversation.model,
            ),
        )
        conn.executemany(
            "INSERT INTO messages(conversation_id, role, content, created_at) VALUES (?,?,?,?)",
            [(conversation_id, role, text, when) for role, text, when in conversation.messages],
        )
        if key is not None:
            present.add(key)
        counts.conversations += 1
        counts.messages += len(conversation.messages)
        counts.stored.append((conversation_id, conversation))
    return counts


def verified_originals(
    query: Callable[..., list[Any]], parsed: ParsedImport, counts: StoreCounts
) -> tuple[Original, ...]:
    """The plaintext files all of whose conversations are in the store, read back identical."""
    good: set[Path] = set()
    bad: set[Path] = set()
    stored = [(cid, c) for cid, c in counts.stored]
    for conversation in counts.present:
        key = _key(conversation)
        column, value = (
            ("id", conversation.own_id)
            if conversation.own_id
            else (
                "source_id",
                conversation.source_id,
            )
        )
        rows = query(f"SELECT id FROM conversations WHERE {column} = ?", (value,))  # noqa: S608
        if rows and key:
            stored.append((rows[0][0], conversation))
    for conversation_id, conversation in stored:
        rows = query(
            "SELECT role, content, created_at FROM messages WHERE conversation_id = ? ORDER BY id",
            (conversation_id,),
        )
        same = [tuple(r) for r in rows] == [tuple(m) for m in conversation.messages]
        (good if same else bad).update(conversation.origins)
    for conversation in counts.left_out:
        bad.update(conversation.origins)
    if parsed.skipped:
        # A conversation that could not be read may live in any shared file: keep those.
        bad.update(parsed.shared_origins)
    originals = []
    for path in sorted(good - bad):
        with contextlib.suppress(OSError):
            info = path.stat()
            originals.append(Original(path, info.st_size, info.st_mtime_ns))
    return tuple(originals)


def delete_originals(originals: Iterable[Original], receipt_id: str, at: str) -> DeletionReceipt:
    """Delete the files offered, unless one changed since it was imported.

    Folders left empty (a Jan thread folder) go too.
    """
    deleted: list[Path] = []
    kept: list[tuple[Path, str]] = []
    folders: set[Path] = set()
    for original in originals:
        try:
            info = original.path.lstat()
        except FileNotFoundError:
            kept.append((original.path, "already gone"))
            continue
        except OSError as exc:
            kept.append((original.path, exc.strerror or "could not be read"))
            continue
        if (info.st_size, info.st_mtime_ns) != (original.size, original.mtime_ns):
            kept.append((original.path, "changed since the import, so kept"))
            continue
        try:
            original.path.unlink()
        except OSError as exc:
            kept.append((original.path, exc.strerror or "could not be deleted"))
            continue
        deleted.append(original.path)
        folders.add(original.path.parent)
    for folder in folders:
        with contextlib.suppress(OSError):
            if not any(os.scandir(folder)):
                folder.rmdir()
    return DeletionReceipt(receipt_id, at, tuple(deleted), tuple(kept))
