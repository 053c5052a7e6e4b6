"""The data's core calls (DB lane): export, import, deletion, a new key, forget me, My data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.core.jobs import CancelToken
from app.gui.formatting import COUNTS
from app.gui.progress import ProgressRelay

if TYPE_CHECKING:
    from app.core.conversations import ConversationSummary
    from app.core.importers.store import DeletionReceipt, ImportResult, ImportSummary
    from app.core.portability import ExportResult
    from app.core.service import Confidant
    from app.gui.dialogs.delete_dialog import DeletionChoice


def export_profile(
    service: Confidant,
    destination: Path,
    fmt: str,
    passphrase: str | None,
    progress: ProgressRelay,
    cancel: CancelToken,
) -> ExportResult:
    """Write the export, reporting progress through ``progress``. Runs on the DB lane."""
    return service.data.export(
        destination, fmt=fmt, passphrase=passphrase, progress=progress.report, cancel=cancel
    )


def summarize_import(
    service: Confidant, path: Path, source: str, passphrase: str | None
) -> ImportSummary:
    """What a file holds and what importing it would do. Runs on the DB lane."""
    return service.data.import_summary(path, source=source, passphrase=passphrase)


def import_data(
    service: Confidant,
    path: Path,
    source: str,
    passphrase: str | None,
    include_sensitive: bool,
    retention_start: str = "today",
) -> ImportResult:
    """Import a file in one transaction. Runs on the DB lane."""
    return service.data.import_file(
        path,
        source=source,
        passphrase=passphrase,
        include_sensitive=include_sensitive,
        retention_start=retention_start,
    )


def delete_import_originals(service: Confidant, result: ImportResult) -> DeletionReceipt:
    """Delete the plaintext files a verified import offered. Runs on the DB lane."""
    return service.data.delete_import_originals(result)


def found_import_sources(service: Confidant) -> list[tuple[str, str, str]]:
    """The local apps' chats found on this computer: (label, path, source). Runs on the lane."""
    return [(f.label, str(f.path), f.source) for f in service.data.import_locations()]


def stored_conversations(service: Confidant) -> tuple[dt.date, list[ConversationSummary]]:
    """Today, and the stored conversations, newest first. Runs on the DB lane."""
    conversations = sorted(service.chat.conversations(), key=lambda c: c.updated_at, reverse=True)
    return service.clock.now().astimezone().date(), conversations


def delete_chosen(
    service: Confidant, choice: DeletionChoice
) -> tuple[int, list[ConversationSummary]]:
    """Delete what was chosen; return how many went and what is left. Runs on the DB lane."""
    deleted = service.data.delete_conversations(
        conversation_id=choice.conversation_id,
        start=choice.start,
        end=choice.end,
        everything=choice.everything,
    )
    return deleted, stored_conversations(service)[1]


def stored_summary(service: Confidant) -> str:
    """One sentence on what forget-me would erase. Runs on the DB lane."""
    rows = {c.data_class: c.rows for c in service.data.storage_summary().classes}
    return QCoreApplication.translate(
        "DataController", "Stored now: {conversations} ({messages}), and everything listed above."
    ).format(
        conversations=COUNTS.conversations(rows.get("conversations", 0)),
        messages=COUNTS.messages(rows.get("messages", 0)),
    )


def key_mode(service: Confidant) -> str:
    """Where the key lives: ``keyring`` or ``passphrase``. Runs on the DB lane."""
    return service.key_mode


def rotate_key(service: Confidant) -> None:
    """Re-encrypt the store under a new key. Runs on the DB lane; it is not cancellable."""
    service.rotate_key()
