"""The outbox: anonymized items waiting to leave, each inspectable before it does.

Items keep their exact plaintext payload (inside the encrypted database) so the user can see
precisely what would be sent, and its sealed form once a collector key is known. The outbox
is capped; the oldest items are evicted first.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from typing import Any

from app.core.clock import Clock, iso
from app.core.errors import InputError
from app.core.store.database import Database

MAX_ITEMS = 5000
_COLUMNS = (
    "id, scope, kind, payload, payload_sha256, sealed, state, attempts, next_attempt_at, "
    "created_at, conversation_id"
)


@dataclass(frozen=True)
class OutboxItem:
    """One item waiting to be uploaded."""

    id: str
    scope: str
    kind: str
    payload: str
    payload_sha256: str
    sealed: str | None
    state: str
    attempts: int
    next_attempt_at: str
    created_at: str
    conversation_id: str | None


def payload_hash(payload: str) -> str:
    """The sha256 of a payload's UTF-8 bytes."""
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class Outbox:
    """Reads and changes the outbox table."""

    def __init__(self, database: Database, clock: Clock, max_items: int = MAX_ITEMS) -> None:
        self._db = database
        self._clock = clock
        self._max_items = max_items

    def add(
        self,
        conn: Any,
        *,
        scope: str,
        kind: str,
        payload: str,
        sealed: str | None,
        review: bool,
        conversation_id: str | None,
    ) -> OutboxItem:
        """Queue an item (inside the caller's transaction); evict the oldest past the cap."""
        now = iso(self._clock.now())
        item = OutboxItem(
            id=str(uuid.uuid4()),
            scope=scope,
            kind=kind,
            payload=payload,
            payload_sha256=payload_hash(payload),
            sealed=sealed,
            state="review" if review else "approved",
            attempts=0,
            next_attempt_at=now,
            created_at=now,
            conversation_id=conversation_id,
        )
        conn.execute(
            f"INSERT INTO outbox({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                item.id,
                item.scope,
                item.kind,
                item.payload,
                item.payload_sha256,
                item.sealed,
                item.state,
                item.attempts,
                item.next_attempt_at,
                item.created_at,
                item.conversation_id,
            ),
        )
        conn.execute(
            "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox "
            "ORDER BY created_at DESC, rowid DESC LIMIT -1 OFFSET ?)",
            (self._max_items,),
        )
        return item

    def items(self, state: str | None = None) -> list[OutboxItem]:
        """Items, oldest first, optionally only those in ``state``."""
        where, params = ("WHERE state = ?", (state,)) if state else ("", ())
        rows = self._db.query(
            f"SELECT {_COLUMNS} FROM outbox {where} ORDER BY created_at, rowid",  # noqa: S608
            params,
        )
        return [OutboxItem(*row) for row in rows]

    def get(self, item_id: str) -> OutboxItem:
        """One item, or a clear error if it is gone."""
        rows = self._db.query(f"SELECT {_COLUMNS} FROM outbox WHERE id = ?", (item_id,))  # noqa: S608
        if not rows:
            raise InputError("That upload item no longer exists.")
        return OutboxItem(*rows[0])

    def counts(self) -> dict[str, int]:
        """How many items are in each state."""
        rows = self._db.query("SELECT state, count(*) FROM outbox GROUP BY state")
        counts = {"review": 0, "approved": 0}
        counts.update({str(state): int(n) for state, n in rows})
        return counts

    def approve(self, item_ids: list[str] | None = None) -> int:
        """Let items leave: the given ones, or every item awaiting review."""
        with self._db.transaction("approving uploads") as conn:
            if item_ids is None:
                return int(
                    conn.execute(
                        "UPDATE outbox SET state = 'approved' WHERE state = 'review'"
                    ).rowcount
                )
            return sum(
                int(
                    conn.execute(
                        "UPDATE outbox SET state = 'approved' WHERE id = ?", (item_id,)
                    ).rowcount
                )
                for item_id in item_ids
            )

    def replace_payload(self, item_id: str, payload: str, sealed: str | None) -> OutboxItem:
        """Store an edited (further redacted) payload for an item."""
        with self._db.transaction("editing an upload item") as conn:
            conn.execute(
                "UPDATE outbox SET payload = ?, payload_sha256 = ?, sealed = ? WHERE id = ?",
                (payload, payload_hash(payload), sealed, item_id),
            )
        return self.get(item_id)

    def set_sealed(self, item_id: str, sealed: str) -> None:
        """Record the sealed form of an item."""
        with self._db.transaction("sealing an upload item") as conn:
            conn.execute("UPDATE outbox SET sealed = ? WHERE id = ?", (sealed, item_id))

    def delete(self, item_ids: list[str], conn: Any = None) -> int:
        """Remove items (sent, dropped or discarded)."""
        if conn is None:
            with self._db.transaction("removing upload items") as own:
                return self.delete(item_ids, own)
        return sum(
            int(conn.execute("DELETE FROM outbox WHERE id = ?", (i,)).rowcount) for i in item_ids
        )

    def purge_scope(self, scope: str, conn: Any) -> int:
        """Remove every item of ``scope`` (consent withdrawn)."""
        return int(conn.execute("DELETE FROM outbox WHERE scope = ?", (scope,)).rowcount)

    def due(self, scope: str) -> list[OutboxItem]:
        """Approved items of ``scope`` whose next attempt time has come, oldest first."""
        rows = self._db.query(
            f"SELECT {_COLUMNS} FROM outbox WHERE state = 'approved' AND scope = ? "  # noqa: S608
            "AND next_attempt_at <= ? ORDER BY created_at, rowid",
            (scope, iso(self._clock.now())),
        )
        return [OutboxItem(*row) for row in rows]

    def reschedule(self, item_ids: list[str], next_attempt_at: str) -> None:
        """Count a failed attempt and set when to try again."""
        with self._db.transaction("scheduling a retry") as conn:
            for item_id in item_ids:
                conn.execute(
                    "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?",
                    (next_attempt_at, item_id),
                )
