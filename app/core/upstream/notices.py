"""Signed security notices: fetched, verified with Ed25519, stored, and shown until read."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature

from app.core.clock import Clock, iso
from app.core.store.database import Database
from app.core.upstream.sealing import notice_key

POLL_INTERVAL_HOURS = 12
_FIELDS = ("id", "published_at", "severity", "title", "body")


@dataclass(frozen=True)
class Notice:
    """One verified security notice."""

    id: str
    published_at: str
    severity: str
    title: str
    body: str
    received_at: str
    read_at: str | None


class BadNotices(Exception):
    """The notice list was unsigned, badly signed or malformed."""


def canonical_form(notices: Any) -> bytes:
    """The bytes the signature covers (DESIGN.md §4)."""
    return json.dumps(notices, sort_keys=True, separators=(",", ":")).encode("utf-8")


def verify(response: Any, notice_key_b64: str) -> list[dict[str, str]]:
    """Check the signature over ``response["notices"]``; return them, or raise BadNotices."""
    if not isinstance(response, dict) or not isinstance(response.get("notices"), list):
        raise BadNotices("malformed")
    signature = response.get("signature")
    if not isinstance(signature, str):
        raise BadNotices("unsigned")
    try:
        notice_key(notice_key_b64).verify(
            base64.b64decode(signature, validate=True), canonical_form(response["notices"])
        )
    except (InvalidSignature, binascii.Error, ValueError):
        raise BadNotices("bad_signature") from None
    notices = response["notices"]
    for notice in notices:
        if not isinstance(notice, dict) or not all(isinstance(notice.get(f), str) for f in _FIELDS):
            raise BadNotices("malformed")
    return [{f: notice[f] for f in _FIELDS} for notice in notices]


class NoticeBoard:
    """Stores verified notices and remembers which were read."""

    def __init__(self, database: Database, clock: Clock) -> None:
        self._db = database
        self._clock = clock

    def store(self, notices: list[dict[str, str]]) -> int:
        """Keep the notices not seen before; return how many were new."""
        now = iso(self._clock.now())
        new = 0
        with self._db.transaction("saving security notices") as conn:
            for n in notices:
                new += int(
                    conn.execute(
                        "INSERT OR IGNORE INTO notices(id, published_at, severity, title, body, "
                        "received_at) VALUES (?, ?, ?, ?, ?, ?)",
                        (n["id"], n["published_at"], n["severity"], n["title"], n["body"], now),
                    ).rowcount
                )
        return new

    def all(self) -> list[Notice]:
        """Every stored notice, newest first."""
        rows = self._db.query(
            "SELECT id, published_at, severity, title, body, received_at, read_at FROM notices "
            "ORDER BY published_at DESC"
        )
        return [Notice(*row) for row in rows]

    def unread(self) -> list[Notice]:
        """Notices the user has not seen yet."""
        return [n for n in self.all() if n.read_at is None]

    def mark_read(self, notice_id: str) -> None:
        """Record that the user saw a notice."""
        with self._db.transaction("marking a notice read") as conn:
            conn.execute(
                "UPDATE notices SET read_at = ? WHERE id = ? AND read_at IS NULL",
                (iso(self._clock.now()), notice_id),
            )
