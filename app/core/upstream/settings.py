"""Upstream settings: the collector's URL and keys, the review option, contributor ids."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from app.core.network import check_url
from app.core.store.database import Database
from app.core.upstream.sealing import collector_key, notice_key


@dataclass(frozen=True)
class UpstreamSettings:
    """Where uploads go and how they are checked. No URL means nothing is ever sent."""

    url: str | None
    collector_key: str | None
    notice_key: str | None
    review_before_upload: bool
    check_notices: bool

    @property
    def configured(self) -> bool:
        """A URL and a collector key are set."""
        return bool(self.url and self.collector_key)


class SettingsStore:
    """Reads and writes the ``settings`` table."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def get(self, name: str, default: str | None = None) -> str | None:
        """One setting."""
        rows = self._db.query("SELECT value FROM settings WHERE name = ?", (name,))
        return str(rows[0][0]) if rows else default

    def set(self, name: str, value: str | None, conn: Any = None) -> None:
        """Set (or with None, remove) one setting."""
        if conn is None:
            with self._db.transaction("saving a setting") as own:
                self._write(own, name, value)
        else:
            self._write(conn, name, value)

    @staticmethod
    def _write(conn: Any, name: str, value: str | None) -> None:
        if value is None:
            conn.execute("DELETE FROM settings WHERE name = ?", (name,))
        else:
            conn.execute(
                "INSERT INTO settings(name, value) VALUES (?, ?) "
                "ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                (name, value),
            )

    def upstream(self) -> UpstreamSettings:
        """The upstream settings."""
        return UpstreamSettings(
            url=self.get("upstream.url"),
            collector_key=self.get("upstream.collector_key"),
            notice_key=self.get("upstream.notice_key"),
            review_before_upload=self.get("upstream.review", "1") == "1",
            check_notices=self.get("upstream.check_notices", "0") == "1",
        )

    def configure(self, url: str, collector_key_b64: str, notice_key_b64: str | None) -> None:
        """Validate and store the collector's URL and keys."""
        checked = check_url(url)
        collector_key(collector_key_b64)
        if notice_key_b64:
            notice_key(notice_key_b64)
        with self._db.transaction("saving the upload settings") as conn:
            self._write(conn, "upstream.url", checked)
            self._write(conn, "upstream.collector_key", collector_key_b64.strip())
            if notice_key_b64:
                self._write(conn, "upstream.notice_key", notice_key_b64.strip())

    def set_review(self, review: bool) -> None:
        """Whether each item waits for the user's approval before it leaves."""
        self.set("upstream.review", "1" if review else "0")

    def set_check_notices(self, check: bool) -> None:
        """Whether security notices are fetched even when nothing is shared."""
        self.set("upstream.check_notices", "1" if check else "0")

    def contributor(self, scope: str) -> str | None:
        """The random contributor id for ``scope``, if one was made."""
        return self.get(f"contributor.{scope}")

    def new_contributor(self, scope: str, conn: Any = None) -> str:
        """A fresh random contributor id for ``scope`` (never derived from user or machine)."""
        contributor = str(uuid.uuid4())
        self.set(f"contributor.{scope}", contributor, conn)
        return contributor
