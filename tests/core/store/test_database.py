"""Tests for app.core.store.database on real SQLCipher files."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
import sqlcipher3

from app.core import keys
from app.core.errors import CorruptDatabase, DiskFull, NewerSchema, WrongKey
from app.core.store.database import REQUIRED_PRAGMAS, Database, database_files
from app.core.store.schema import SCHEMA_VERSION
from tests.helpers.files import flip_bytes_in_pages, sha256


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    directory = tmp_path / "store"
    directory.mkdir(mode=0o700)
    return directory / "test.db"


def _fill(db: Database, rows: int = 200) -> None:
    with db.transaction() as conn:
        conn.executemany(
            "INSERT INTO preferences(name, value) VALUES (?, ?)",
            [(f"filler-{i}", "x" * 300) for i in range(rows)],
        )


def test_create_then_open_with_the_raw_key(db_path: Path) -> None:
    key = keys.new_data_key()
    db = Database.create(db_path, key)
    assert db.schema_version() == SCHEMA_VERSION
    db.close()
    assert db_path.read_bytes()[:16] != b"SQLite format 3\x00"
    reopened = Database.open(db_path, key, key_verified=True)
    assert reopened.meta("key_check") == keys.key_check_value(key)
    reopened.close()


def test_pragmas_are_asserted_at_open(db_path: Path) -> None:
    db = Database.create(db_path, keys.new_data_key())
    try:
        for name, _value, expected in REQUIRED_PRAGMAS:
            assert str(db.pragma(name)).lower() == expected, name
        assert str(db.pragma("cipher_version")).startswith("4.")
    finally:
        db.close()


def test_files_are_private(db_path: Path) -> None:
    db = Database.create(db_path, keys.new_data_key())
    try:
        _fill(db, 5)
        files = database_files(db_path)
        assert len(files) >= 2  # the database and its WAL while open
        for item in files:
            assert stat.S_IMODE(item.stat().st_mode) == 0o600, item.name
    finally:
        db.close()


def test_create_refuses_to_overwrite(db_path: Path) -> None:
    db_path.write_bytes(b"precious")
    with pytest.raises(Exception, match="existing file"):
        Database.create(db_path, keys.new_data_key())
    assert db_path.read_bytes() == b"precious"


def test_wrong_key_is_told_apart_and_changes_nothing(
    db_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    Database.create(db_path, keys.new_data_key()).close()
    before = sha256(db_path)
    with pytest.raises(WrongKey):
        Database.open(db_path, keys.new_data_key(), key_verified=False)
    assert sha256(db_path) == before
    out, err = capfd.readouterr()
    assert "ERROR" not in out + err  # SQLCipher's own log lines are silenced; ours is typed


def test_newer_schema_is_refused_and_the_file_left_untouched(db_path: Path) -> None:
    key = keys.new_data_key()
    db = Database.create(db_path, key)
    with db.transaction() as conn:
        conn.execute(
            "UPDATE meta SET value = ? WHERE name = 'schema_version'", (str(SCHEMA_VERSION + 1),)
        )
    db.close()
    before = sha256(db_path)
    with pytest.raises(NewerSchema, match="newer version"):
        Database.open(db_path, key, key_verified=True)
    assert sha256(db_path) == before


@pytest.mark.parametrize("pages", [(2, 3, 5), (1, 4, 6)])
def test_corrupt_pages_are_named(db_path: Path, pages: tuple[int, ...]) -> None:
    key = keys.new_data_key()
    db = Database.create(db_path, key)
    _fill(db)
    db.close()
    flip_bytes_in_pages(db_path, pages)
    before = sha256(db_path)
    try:
        opened = Database.open(db_path, key, key_verified=True)
    except CorruptDatabase as exc:
        bad = exc.bad_pages  # page 1 damaged: the header cannot be read at all
    else:
        bad = opened.integrity_report().bad_pages
        opened.close()
    assert bad == pages
    assert sha256(db_path) == before


def test_damaged_first_page_with_unverified_key_reads_as_wrong_key(db_path: Path) -> None:
    # Without the profile's key check, a header that will not decrypt cannot be told apart
    # from a wrong key; the profile layer supplies that check (see test_profile.py).
    key = keys.new_data_key()
    Database.create(db_path, key).close()
    flip_bytes_in_pages(db_path, [1])
    with pytest.raises(WrongKey):
        Database.open(db_path, key, key_verified=False)


def test_disk_full_is_a_clear_error_with_no_partial_transaction(db_path: Path) -> None:
    db = Database.create(db_path, keys.new_data_key())
    try:
        _fill(db, 10)
        count = db.query("SELECT count(*) FROM preferences")[0][0]
        db.set_max_page_count(int(db.pragma("page_count")))
        with pytest.raises(DiskFull, match="disk is full"), db.transaction() as conn:
            conn.execute("INSERT INTO preferences(name, value) VALUES ('small', 'ok')")
            conn.executemany(
                "INSERT INTO preferences(name, value) VALUES (?, ?)",
                [(f"big-{i}", "y" * 2000) for i in range(200)],
            )
        assert db.query("SELECT count(*) FROM preferences")[0][0] == count
        db.set_max_page_count(1_000_000)
        _fill_more = [(f"big-{i}", "y" * 2000) for i in range(200)]
        with db.transaction() as conn:
            conn.executemany("INSERT INTO preferences(name, value) VALUES (?, ?)", _fill_more)
        assert db.query("SELECT count(*) FROM preferences")[0][0] == count + 200
        assert db.integrity_report().ok
    finally:
        db.close()


def test_rekey_keeps_data_and_retires_the_old_key(db_path: Path) -> None:
    old, new = keys.new_data_key(), keys.new_data_key()
    db = Database.create(db_path, old)
    _fill(db, 3)
    db.rekey(new)
    db.close()
    reopened = Database.open(db_path, new, key_verified=True)
    assert reopened.query("SELECT count(*) FROM preferences")[0][0] == 3
    reopened.close()
    conn = sqlcipher3.connect(str(db_path))
    conn.execute(keys.key_pragma(old))
    with pytest.raises(sqlcipher3.DatabaseError, match="not a database"):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    conn.close()


def test_full_text_index_follows_messages(db_path: Path) -> None:
    db = Database.create(db_path, keys.new_data_key())
    try:
        with db.transaction() as conn:
            conn.execute(
                "INSERT INTO conversations(id, created_at, updated_at) VALUES ('c1', 't', 't')"
            )
            conn.execute(
                "INSERT INTO messages(conversation_id, role, content, created_at) "
                "VALUES ('c1', 'user', 'the quick brown fox', 't')"
            )
        hits = db.query("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'brown'")
        assert len(hits) == 1
        with db.transaction() as conn:
            conn.execute("DELETE FROM conversations WHERE id = 'c1'")
        assert db.query("SELECT count(*) FROM messages")[0][0] == 0
        assert db.query("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'brown'") == []
    finally:
        db.close()
