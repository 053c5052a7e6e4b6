"""Tests for app.core.profile: creating, opening, recovering and re-keying a profile."""

from __future__ import annotations

import json
from pathlib import Path

import keyring.backends.null
import pytest
import sqlcipher3

from app.core import keys, profile
from app.core.errors import (
    CorruptDatabase,
    InputError,
    InsecureKeyring,
    ProfileLocked,
    StorageError,
    WrongKey,
)
from app.core.service import Confidant
from tests.helpers.files import flip_bytes_in_pages, sha256

PASSPHRASE = "a long enough passphrase"


def _keyring_source() -> profile.KeyringSource:
    return profile.KeyringSource(keys.KeyringKeyStore.from_environment())


def _put_row(opened: profile.OpenProfile, name: str, value: str = "v") -> None:
    with opened.database.transaction() as conn:
        conn.execute("INSERT INTO preferences(name, value) VALUES (?, ?)", (name, value))


def _rows(opened: profile.OpenProfile) -> int:
    return int(opened.database.query("SELECT count(*) FROM preferences")[0][0])


def test_create_stores_the_key_in_the_keyring_only(profile_dir: Path) -> None:
    opened = profile.create_profile(profile_dir, _keyring_source())
    opened.database.close()
    stored = keys.KeyringKeyStore.from_environment().get(opened.profile.profile_id)
    assert stored is not None and keys.key_matches(stored, opened.profile.key_check)
    on_disk = json.loads((profile_dir / "profile.json").read_text())
    assert stored.hex() not in json.dumps(on_disk)
    assert on_disk["key_mode"] == "keyring"


def test_reopen_keeps_data(profile_dir: Path) -> None:
    opened = profile.create_profile(profile_dir, _keyring_source())
    _put_row(opened, "a")
    opened.database.close()
    again = profile.open_profile(profile_dir, _keyring_source())
    assert _rows(again) == 1 and not again.created
    again.database.close()


def test_each_profile_has_its_own_key(tmp_path: Path) -> None:
    first = profile.create_profile(tmp_path / "one", _keyring_source())
    second = profile.create_profile(tmp_path / "two", _keyring_source())
    assert first.profile.profile_id != second.profile.profile_id
    assert first.profile.key_check != second.profile.key_check
    first.database.close()
    second.database.close()


def _created(profile_dir: Path) -> tuple[str, Path, str]:
    opened = profile.create_profile(profile_dir, _keyring_source())
    _put_row(opened, "keep me")
    opened.database.close()
    db = profile.database_path(profile_dir)
    return opened.profile.profile_id, db, sha256(db)


def test_deleted_keyring_entry_is_wrong_key_and_nothing_changes(profile_dir: Path) -> None:
    profile_id, db, digest = _created(profile_dir)
    keys.KeyringKeyStore.from_environment().delete(profile_id)
    listing = sorted(p.name for p in profile_dir.iterdir())
    with pytest.raises(WrongKey, match="missing from the keyring"):
        profile.open_profile(profile_dir, _keyring_source())
    with pytest.raises(WrongKey):
        Confidant(profile_dir).open()
    assert sha256(db) == digest
    assert sorted(p.name for p in profile_dir.iterdir()) == listing


def test_swapped_keyring_entry_is_wrong_key_and_nothing_changes(profile_dir: Path) -> None:
    profile_id, db, digest = _created(profile_dir)
    keys.KeyringKeyStore.from_environment().put(profile_id, keys.new_data_key())
    listing = sorted(p.name for p in profile_dir.iterdir())
    with pytest.raises(WrongKey, match="does not match"):
        Confidant(profile_dir).open()
    assert sha256(db) == digest
    assert sorted(p.name for p in profile_dir.iterdir()) == listing


def test_missing_profile_file_never_creates_a_new_database(profile_dir: Path) -> None:
    _profile_id, db, digest = _created(profile_dir)
    (profile_dir / "profile.json").unlink()
    with pytest.raises(WrongKey, match="profile.json is missing"):
        Confidant(profile_dir).open()
    assert sha256(db) == digest


def test_damaged_first_page_is_corruption_not_a_wrong_key(profile_dir: Path) -> None:
    _profile_id, db, _digest = _created(profile_dir)
    flip_bytes_in_pages(db, [1])
    digest = sha256(db)
    with pytest.raises(CorruptDatabase) as caught:
        Confidant(profile_dir).open()
    assert caught.value.bad_pages == (1,)
    assert sha256(db) == digest


def test_insecure_keyring_creates_no_files(
    profile_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    with pytest.raises(InsecureKeyring):
        Confidant(profile_dir).open()
    assert not profile.database_path(profile_dir).exists()
    assert not (profile_dir / "profile.json").exists()


def test_passphrase_mode_round_trip(profile_dir: Path) -> None:
    service = Confidant(profile_dir)
    service.open(passphrase=PASSPHRASE)
    assert service.key_mode == "passphrase"
    with service.database.transaction() as conn:
        conn.execute("INSERT INTO preferences(name, value) VALUES ('theme', 'dark')")
    service.close()

    again = Confidant(profile_dir)
    assert again.needs_passphrase()
    with pytest.raises(ProfileLocked):
        again.open()
    with pytest.raises(WrongKey, match="passphrase is wrong"):
        again.open(passphrase="not the passphrase")
    again.open(passphrase=PASSPHRASE)
    assert again.database.query("SELECT value FROM preferences WHERE name='theme'") == [("dark",)]
    again.close()


def test_passphrase_mode_needs_no_keyring(
    profile_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    service = Confidant(profile_dir)
    service.open(passphrase=PASSPHRASE)
    service.close()
    service.open(passphrase=PASSPHRASE)
    service.close()


def test_passphrase_too_short_is_input_error(profile_dir: Path) -> None:
    with pytest.raises(InputError):
        Confidant(profile_dir).open(passphrase="short")
    assert not profile.is_created(profile_dir)


def test_a_passphrase_profile_is_not_opened_with_the_keyring(profile_dir: Path) -> None:
    Confidant(profile_dir).open(passphrase=PASSPHRASE)
    with pytest.raises(InputError):
        profile.open_profile(profile_dir, _keyring_source())


@pytest.mark.parametrize("mode", ["keyring", "passphrase"])
def test_rotation_keeps_data_and_retires_the_old_key(profile_dir: Path, mode: str) -> None:
    source: profile.KeySource = (
        _keyring_source() if mode == "keyring" else profile.PassphraseSource(PASSPHRASE)
    )
    opened = profile.create_profile(profile_dir, source)
    _put_row(opened, "survivor")
    old_key = source.load(opened.profile)
    assert old_key is not None
    rotated = profile.rotate_key(opened)
    rotated.database.close()

    new_key = source.load(rotated.profile)
    assert new_key is not None and new_key != old_key
    assert rotated.profile.pending_key_check is None
    again = profile.open_profile(profile_dir, source)
    assert again.database.query("SELECT name FROM preferences") == [("survivor",)]
    again.database.close()
    conn = sqlcipher3.connect(str(profile.database_path(profile_dir)))
    conn.execute(keys.key_pragma(old_key))
    with pytest.raises(sqlcipher3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    conn.close()


def test_rotation_interrupted_after_rekey_is_finished_at_next_open(profile_dir: Path) -> None:
    source = _keyring_source()
    opened = profile.create_profile(profile_dir, source)
    _put_row(opened, "survivor")
    new_key = keys.new_data_key()
    staged = source.stage(opened.profile, new_key)
    profile.save_profile_file(profile_dir, staged)
    opened.database.rekey(new_key)
    opened.database.close()  # "crash": the keyring still holds the old key as the main entry

    again = profile.open_profile(profile_dir, source)
    assert again.database.query("SELECT name FROM preferences") == [("survivor",)]
    assert source.load(again.profile) == new_key
    assert profile.load_profile_file(profile_dir).pending_key_check is None  # type: ignore[union-attr]
    again.database.close()


def test_rotation_interrupted_before_rekey_keeps_the_old_key(profile_dir: Path) -> None:
    source = _keyring_source()
    opened = profile.create_profile(profile_dir, source)
    old_key = source.load(opened.profile)
    staged = source.stage(opened.profile, keys.new_data_key())
    profile.save_profile_file(profile_dir, staged)
    opened.database.close()  # "crash" before the database was re-encrypted

    again = profile.open_profile(profile_dir, source)
    assert source.load(again.profile) == old_key
    assert source.load_pending(again.profile) is None
    again.database.close()


def test_damaged_profile_file_is_a_clear_error(profile_dir: Path) -> None:
    _created(profile_dir)
    (profile_dir / "profile.json").write_text("{not json")
    with pytest.raises(StorageError, match="damaged"):
        Confidant(profile_dir).open()


def test_null_backend_is_refused_by_the_store() -> None:
    with pytest.raises(InsecureKeyring):
        profile.KeyringSource(keys.KeyringKeyStore(keyring.backends.null.Keyring()))
