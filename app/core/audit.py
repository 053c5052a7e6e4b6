"""The privacy event log: what happened, when, with counts and hashes — never message text.

Details are restricted by construction: values may only be integers, booleans, or short
tokens (scope names, data classes, ids, hashes) without spaces, so a sentence of user text
cannot be recorded by mistake.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.core.clock import Clock, iso
from app.core.errors import BugError
from app.core.store.database import Database

_TOKEN = re.compile(r"\A[A-Za-z0-9_.:+\-]{0,80}\Z")

# Every kind of event we record, with what it means (shown in the dashboard).
EVENT_KINDS: Mapping[str, str] = {
    "consent.granted": "Consent given",
    "consent.withdrawn": "Consent withdrawn",
    "conversation.saved": "Conversation saved",
    "conversation.deleted": "Conversation deleted",
    "conversation.rewound": "Conversation turns replaced (edit or regenerate)",
    "history.deleted": "Stored conversations deleted",
    "retention.changed": "Retention schedule changed",
    "retention.purged": "Expired data deleted",
    "preferences.changed": "Preferences changed",
    "key.rotated": "Encryption key replaced",
    "export.created": "Data exported",
    "import.completed": "Data imported",
    "import.originals_deleted": "Imported plaintext originals deleted",
    "childmode.changed": "Child mode changed",
    "applock.changed": "App lock changed",
    "upload.admitted": "Item queued for upload",
    "upload.refused": "Upload refused by the gate",
    "upload.sent": "Data uploaded",
    "upload.dropped": "Upload item dropped",
    "upload.discarded": "Upload item discarded by you",
    "upstream.configured": "Upload settings changed",
    "deletion.requested": "Deletion requested upstream",
    "deletion.acknowledged": "Deletion confirmed upstream",
    "deletion.rejected": "Deletion request refused upstream",
    "notices.received": "Security notices received",
    "notices.rejected": "Security notices rejected (bad signature)",
    "assistant.changed": "Assistant settings changed",
    "private_prompts.changed": "Private prompts turned on or off",
}

DetailValue = int | bool | str


@dataclass(frozen=True)
class AuditEvent:
    """One recorded event."""

    id: int
    at: str
    kind: str
    detail: Mapping[str, DetailValue]

    @property
    def label(self) -> str:
        """A human description of the kind of event."""
        return EVENT_KINDS.get(self.kind, self.kind)

    def matches(self, search: str) -> bool:
        """Whether ``search`` is in the event's kind, label or details (ignoring case)."""
        return search.casefold() in f"{self.kind} {self.label} {self.describe()}".casefold()

    def describe(self) -> str:
        """The event as one line for a list."""
        parts = ", ".join(f"{k}={v}" for k, v in sorted(self.detail.items()))
        return f"{self.label} ({parts})" if parts else self.label


def check_detail(detail: Mapping[str, Any]) -> dict[str, DetailValue]:
    """Refuse any detail that could carry free text."""
    clean: dict[str, DetailValue] = {}
    for key, value in detail.items():
        if not _TOKEN.match(key):
            raise BugError("An audit detail key is not a short token.")
        safe_text = isinstance(value, str) and _TOKEN.match(value) is not None
        if isinstance(value, bool | int) or safe_text:
            clean[key] = value
        else:
            raise BugError(f"The audit detail {key!r} is not a count, flag or short token.")
    return clean


class AuditLog:
    """Appends and reads privacy events."""

    def __init__(self, database: Database, clock: Clock) -> None:
        self._db = database
        self._clock = clock

    def record(self, event: str, conn: Any = None, /, **detail: DetailValue) -> None:
        """Record an event; inside a transaction when ``conn`` is given, else on its own."""
        if event not in EVENT_KINDS:
            raise BugError(f"Unknown audit event kind {event!r}.")
        row = (iso(self._clock.now()), event, json.dumps(check_detail(detail), sort_keys=True))
        sql = "INSERT INTO audit(at, kind, detail) VALUES (?, ?, ?)"
        if conn is not None:
            conn.execute(sql, row)
            return
        with self._db.transaction("recording a privacy event") as own:
            own.execute(sql, row)

    def events(self, search: str = "", limit: int = 1000) -> list[AuditEvent]:
        """The newest events first, optionally only those whose kind or detail match."""
        rows = self._db.query(
            "SELECT id, at, kind, detail FROM audit ORDER BY id DESC LIMIT ?", (limit,)
        )
        events = [AuditEvent(r[0], r[1], r[2], json.loads(r[3])) for r in rows]
        if search:
            events = [e for e in events if e.matches(search)]
        return events

    def count(self) -> int:
        """How many events are kept."""
        return int(self._db.query("SELECT count(*) FROM audit")[0][0])
