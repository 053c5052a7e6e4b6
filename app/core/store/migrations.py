"""Applies the ordered schema migrations, each in its own transaction."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.core.errors import BugError, NewerSchema
from app.core.store.schema import MIGRATIONS, SCHEMA_VERSION, Migration


def check_order(migrations: Sequence[Migration]) -> None:
    """Fail loudly if the migrations are not numbered 1, 2, 3… without gaps."""
    for expected, migration in enumerate(migrations, start=1):
        if migration.version != expected:
            raise BugError(f"Migration {migration.version} is out of order (expected {expected}).")


def pending(current: int, migrations: Sequence[Migration] = MIGRATIONS) -> list[Migration]:
    """The migrations still to apply to a database at ``current``."""
    check_order(migrations)
    latest = migrations[-1].version if migrations else 0
    if current > latest:
        raise NewerSchema(
            f"This profile was written by a newer version of Confidant "
            f"(schema {current}, this version knows {latest}).",
            hint="Update Confidant to open it; the file was left untouched.",
        )
    return [m for m in migrations if m.version > current]


def apply(conn: Any, current: int, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Apply every pending migration to ``conn``; return the resulting version.

    Each migration and the version bump commit together, so a crash leaves the database at a
    well-defined version and the next open resumes from there.
    """
    version = current
    for migration in pending(current, migrations):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO meta(name, value) VALUES ('schema_version', ?) "
                "ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                (str(migration.version),),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        version = migration.version
    return version


__all__ = ["SCHEMA_VERSION", "apply", "check_order", "pending"]
