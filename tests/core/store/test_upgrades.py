"""Every released schema version upgrades to the current one without losing data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.core.store.database import Database
from app.core.store.schema import SCHEMA_VERSION

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
FIXTURE_KEY = bytes.fromhex("c0f1da27" * 8)  # test-only, see tests/fixtures/README.md


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    target = tmp_path / "upgraded.db"
    shutil.copyfile(FIXTURES / "schema-v1.db", target)
    target.chmod(0o600)
    return target


def test_v1_upgrades_to_current(v1_copy: Path) -> None:
    db = Database.open(v1_copy, FIXTURE_KEY, key_verified=True)
    try:
        assert db.schema_version() == SCHEMA_VERSION
        assert db.query("SELECT value FROM preferences WHERE name = 'display_name'") == [
            ("Fixture Friend",)
        ]
        assert db.query("SELECT id, title, sensitive, sensitive_allowed FROM conversations") == [
            ("conv-1", "Old chat", 0, 0)
        ]
        hits = db.query("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'tides'")
        assert len(hits) == 2
        tables = {r[0] for r in db.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"consents", "audit", "retention", "vault"} <= tables
        # Schema 7: an old conversation has no title of the user's, system prompt or model.
        assert db.query("SELECT title_set, system_prompt, provider, model FROM conversations") == [
            (0, None, None, None)
        ]
        assert db.integrity_report().ok
    finally:
        db.close()
    # Opening again is a no-op: nothing left to migrate.
    again = Database.open(v1_copy, FIXTURE_KEY, key_verified=True)
    assert again.schema_version() == SCHEMA_VERSION
    again.close()


def test_the_fixture_itself_is_untouched_by_the_suite() -> None:
    db_bytes = (FIXTURES / "schema-v1.db").read_bytes()
    assert not db_bytes.startswith(b"SQLite format 3")
