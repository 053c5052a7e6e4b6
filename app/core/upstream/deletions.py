"""Upstream deletion requests: persisted before they are sent, retried until answered."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from app.core.clock import Clock, iso
from app.core.store.database import Database

_COLUMNS = (
    "request_id, scope, contributor, created_at, state, attempts, next_attempt_at, receipt, "
    "finished_at"
)


@dataclass(frozen=True)
class DeletionRequest:
    """A request to the collector to delete everything a contributor id sent."""

    request_id: str
    scope: str
    contributor: str
    created_at: str
    state: str
    attempts: int
    next_attempt_at: str
    receipt: str | None
    finished_at: str | None


class DeletionRequests:
    """Reads and changes the deletion_requests table."""

    def __init__(self, database: Database, clock: Clock) -> None:
        self._db = database
        self._clock = clock

    def queue(self, scope: str, contributor: str, conn: Any) -> str:
        """Persist a new pending request (inside the caller's transaction)."""
        request_id = str(uuid.uuid4())
        now = iso(self._clock.now())
        conn.execute(
            f"INSERT INTO deletion_requests({_COLUMNS}) "  # noqa: S608
            "VALUES (?, ?, ?, ?, 'pending', 0, ?, NULL, NULL)",
            (request_id, scope, contributor, now, now),
        )
        return request_id

    def all(self) -> list[DeletionRequest]:
        """Every request, newest first."""
        rows = self._db.query(
            f"SELECT {_COLUMNS} FROM deletion_requests ORDER BY created_at DESC"  # noqa: S608
        )
        return [DeletionRequest(*row) for row in rows]

    def due(self) -> list[DeletionRequest]:
        """Pending requests whose next attempt time has come."""
        rows = self._db.query(
            f"SELECT {_COLUMNS} FROM deletion_requests "  # noqa: S608
            "WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY created_at",
            (iso(self._clock.now()),),
        )
        return [DeletionRequest(*row) for row in rows]

    def finish(self, request_id: str, state: str, receipt: str | None) -> None:
        """Record the collector's answer."""
        with self._db.transaction("recording a deletion receipt") as conn:
            conn.execute(
                "UPDATE deletion_requests SET state = ?, receipt = ?, finished_at = ? "
                "WHERE request_id = ?",
                (state, receipt, iso(self._clock.now()), request_id),
            )

    def reschedule(self, request_id: str, next_attempt_at: str) -> None:
        """Count a failed attempt and set when to try again."""
        with self._db.transaction("scheduling a retry") as conn:
            conn.execute(
                "UPDATE deletion_requests SET attempts = attempts + 1, next_attempt_at = ? "
                "WHERE request_id = ?",
                (next_attempt_at, request_id),
            )
