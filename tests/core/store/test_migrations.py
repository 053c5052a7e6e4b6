"""Tests for the ordered migrations framework."""

from __future__ import annotations

import pytest
import sqlcipher3

from app.core.errors import BugError, NewerSchema
from app.core.store import migrations
from app.core.store.schema import MIGRATIONS, SCHEMA_VERSION, Migration


def test_the_shipped_migrations_are_in_order() -> None:
    migrations.check_order(MIGRATIONS)
    assert len(MIGRATIONS) == SCHEMA_VERSION


def test_out_of_order_migrations_are_a_bug() -> None:
    with pytest.raises(BugError):
        migrations.check_order([Migration(2, "two", ())])


def test_pending_refuses_a_newer_database() -> None:
    with pytest.raises(NewerSchema):
        migrations.pending(SCHEMA_VERSION + 1)
    assert migrations.pending(SCHEMA_VERSION) == []


def test_each_migration_commits_with_its_version_and_a_failure_rolls_back() -> None:
    conn = sqlcipher3.connect(":memory:", isolation_level=None)
    steps = [
        Migration(1, "meta", ("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT)",)),
        Migration(2, "t", ("CREATE TABLE t (x)",)),
        Migration(3, "broken", ("CREATE TABLE u (y)", "THIS IS NOT SQL")),
    ]
    with pytest.raises(sqlcipher3.OperationalError):
        migrations.apply(conn, 0, steps)
    version = conn.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone()
    assert version == ("2",)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "t" in tables and "u" not in tables
    assert migrations.apply(conn, 2, steps[:2]) == 2
