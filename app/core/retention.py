"""Retention: a deletion schedule per data class, and the purge that enforces it.

The purge deletes in small batches, each its own transaction, oldest first. A kill in the
middle loses nothing that should be kept (a batch only ever holds expired rows) and leaves
nothing half-deleted (a batch commits whole or not at all); the next run finishes the job.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from app.core.audit import AuditLog
from app.core.clock import Clock, iso
from app.core.errors import InputError
from app.core.store.database import Database

BATCH_ROWS = 500
#: Rows dated further ahead than this are treated as dated now (clocks disagree a little).
FUTURE_SLACK = dt.timedelta(days=1)


@dataclass(frozen=True)
class DataClass:
    """A kind of stored data with its own retention."""

    name: str
    label: str
    default_days: int
    presets: tuple[int, ...]
    # (table, time column) pairs purged for this class, in order; tables that do not exist
    # yet (their feature has not landed in this database) are skipped.
    tables: tuple[tuple[str, str], ...]


DATA_CLASSES: Mapping[str, DataClass] = {
    "conversations": DataClass(
        "conversations",
        "Conversations",
        90,
        (30, 90, 365, 1095),
        (("messages", "created_at"), ("vault", "created_at"), ("conversations", "updated_at")),
    ),
    "outbox": DataClass("outbox", "Upload outbox", 7, (7,), (("outbox", "created_at"),)),
    "audit": DataClass("audit", "Privacy log", 365, (365,), (("audit", "at"),)),
    "network_log": DataClass("network_log", "Network log", 30, (30,), (("network_log", "at"),)),
}


@dataclass(frozen=True)
class Schedule:
    """One data class's retention, and when its next deletion is due."""

    data_class: str
    label: str
    days: int
    presets: tuple[int, ...]
    last_purge_at: str | None
    next_deletion_at: str | None


@dataclass(frozen=True)
class PurgeResult:
    """How many rows each table lost in one purge run."""

    deleted: Mapping[str, int]

    @property
    def total(self) -> int:
        """All rows deleted."""
        return sum(self.deleted.values())


class Retention:
    """Reads and changes the schedule, and purges expired rows."""

    def __init__(self, database: Database, clock: Clock, audit: AuditLog) -> None:
        self._db = database
        self._clock = clock
        self._audit = audit

    def days(self, data_class: str) -> int:
        """How long rows of ``data_class`` are kept."""
        spec = self._spec(data_class)
        rows = self._db.query("SELECT days FROM retention WHERE data_class = ?", (spec.name,))
        return int(rows[0][0]) if rows else spec.default_days

    def set_days(self, data_class: str, days: int) -> None:
        """Choose one of the class's presets."""
        spec = self._spec(data_class)
        if days not in spec.presets:
            choices = ", ".join(str(p) for p in spec.presets)
            raise InputError(f"{spec.label} can be kept for {choices} days.")
        with self._db.transaction("saving the retention schedule") as conn:
            conn.execute(
                "INSERT INTO retention(data_class, days) VALUES (?, ?) "
                "ON CONFLICT(data_class) DO UPDATE SET days = excluded.days",
                (spec.name, days),
            )
            self._audit.record("retention.changed", conn, data_class=spec.name, days=days)

    def cutoff(self, data_class: str) -> str:
        """Rows older than this timestamp are expired."""
        return iso(self._clock.now() - dt.timedelta(days=self.days(data_class)))

    def schedule(self) -> list[Schedule]:
        """Every class's schedule, with when the oldest row it holds will be deleted."""
        result = []
        for spec in DATA_CLASSES.values():
            days = self.days(spec.name)
            oldest = self._oldest(spec)
            due = (
                iso(dt.datetime.fromisoformat(oldest) + dt.timedelta(days=days)) if oldest else None
            )
            last = self._db.query(
                "SELECT last_purge_at FROM retention WHERE data_class = ?", (spec.name,)
            )
            result.append(
                Schedule(
                    spec.name,
                    spec.label,
                    days,
                    spec.presets,
                    last[0][0] if last else None,
                    due,
                )
            )
        return result

    def upcoming(self, data_class: str, horizon_days: int = 365) -> list[tuple[str, int]]:
        """(day, rows) pairs: how many rows of the class each coming day deletes."""
        spec = self._spec(data_class)
        days = self.days(spec.name)
        table, column = spec.tables[0]
        if not self._table_exists(table):
            return []
        moment, source = self._anchor(table, column)
        rows = self._db.query(
            f"SELECT substr({moment}, 1, 10) AS day, count(*) FROM {source} "  # noqa: S608
            "GROUP BY day ORDER BY day"
        )
        horizon = self._clock.now().date() + dt.timedelta(days=horizon_days)
        plan: list[tuple[str, int]] = []
        for day, count in rows:
            when = dt.date.fromisoformat(day) + dt.timedelta(days=days)
            if when <= horizon:
                plan.append((max(when, self._clock.now().date()).isoformat(), int(count)))
        return plan

    def purge(self, batch_rows: int = BATCH_ROWS) -> PurgeResult:
        """Delete every expired row of every class, in batches; record what was deleted."""
        deleted: dict[str, int] = {}
        now_text = iso(self._clock.now())
        horizon = iso(self._clock.now() + FUTURE_SLACK)
        for spec in DATA_CLASSES.values():
            cutoff = self.cutoff(spec.name)
            for table, column in spec.tables:
                if not self._table_exists(table):
                    continue
                self._bring_back_from_the_future(table, column, horizon, now_text)
                deleted[table] = self._purge_table(table, column, cutoff, batch_rows)
        now = iso(self._clock.now())
        with self._db.transaction("recording the purge") as conn:
            for spec in DATA_CLASSES.values():
                conn.execute(
                    "INSERT INTO retention(data_class, days, last_purge_at) VALUES (?, ?, ?) "
                    "ON CONFLICT(data_class) DO UPDATE SET last_purge_at = excluded.last_purge_at",
                    (spec.name, self.days(spec.name), now),
                )
            if any(deleted.values()):
                self._audit.record(
                    "retention.purged", conn, **{k: v for k, v in deleted.items() if v}
                )
        return PurgeResult(deleted)

    def _bring_back_from_the_future(
        self, table: str, column: str, horizon: str, now_text: str
    ) -> None:
        """Date rows stamped in the future (year 9999, a wrong clock) now, once.

        A future date would never fall behind the cutoff, so such a row would be kept for
        ever; dated now, it is kept exactly as long as its class allows from today.
        """
        if not self._db.query(
            f"SELECT 1 FROM {table} WHERE {column} > ? LIMIT 1",  # noqa: S608 - names are ours
            (horizon,),
        ):
            return
        with self._db.transaction(f"dating future {table}") as conn:
            conn.execute(
                f"UPDATE {table} SET {column} = ? WHERE {column} > ?",  # noqa: S608
                (now_text, horizon),
            )

    def _purge_table(self, table: str, column: str, cutoff: str, batch_rows: int) -> int:
        total = 0
        # Conversations go only once their messages have gone (a newer message keeps one).
        extra = (
            " AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = t.id)"
            if table == "conversations"
            else ""
        )
        params: tuple[str, ...] = ()
        if self._kept_from_exists() and table in ("conversations", "messages", "vault"):
            # An import kept "from today" counts its retention from the day it came in.
            if table == "conversations":
                extra += " AND (t.kept_from IS NULL OR t.kept_from < ?)"
            else:
                extra += (
                    " AND NOT EXISTS (SELECT 1 FROM conversations k "
                    "WHERE k.id = t.conversation_id AND k.kept_from >= ?)"
                )
            params = (cutoff,)
        while True:
            with self._db.transaction(f"deleting expired {table}") as conn:
                cursor = conn.execute(
                    f"DELETE FROM {table} WHERE rowid IN ("  # noqa: S608 - names are ours
                    f"SELECT t.rowid FROM {table} t WHERE t.{column} < ?{extra} "
                    f"ORDER BY t.{column} LIMIT ?)",
                    (cutoff, *params, batch_rows),
                )
                removed = int(cursor.rowcount)
            total += removed
            if removed < batch_rows:
                return total

    def _kept_from_exists(self) -> bool:
        columns = self._db.query("SELECT name FROM pragma_table_info('conversations')")
        return any(row[0] == "kept_from" for row in columns)

    def _oldest(self, spec: DataClass) -> str | None:
        table, column = spec.tables[0]
        if not self._table_exists(table):
            return None
        moment, source = self._anchor(table, column)
        rows = self._db.query(f"SELECT min({moment}) FROM {source}")  # noqa: S608
        return str(rows[0][0]) if rows and rows[0][0] else None

    def _anchor(self, table: str, column: str) -> tuple[str, str]:
        """(the time retention counts from, the rows) for ``table``.

        Messages of a conversation imported "from today" count from its import, not from
        their own (older) times; the schedule must show when they will really go.
        """
        if table == "messages" and self._kept_from_exists():
            return (
                "max(t.created_at, coalesce(k.kept_from, ''))",
                "messages t LEFT JOIN conversations k ON k.id = t.conversation_id",
            )
        return column, table

    def _table_exists(self, table: str) -> bool:
        return bool(
            self._db.query(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
            )
        )

    @staticmethod
    def _spec(data_class: str) -> DataClass:
        try:
            return DATA_CLASSES[data_class]
        except KeyError:
            names = ", ".join(DATA_CLASSES)
            raise InputError(f"Unknown data class {data_class!r}; use one of: {names}.") from None
