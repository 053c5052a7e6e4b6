"""The app lock: the keyring-held key wrapped under a passphrase, its attempt limit, locking."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
import sqlcipher3

from app.core import keys, profile
from app.core.attempts import LockedOut, lockout_seconds
from app.core.childmode import GuardianRequired
from app.core.clock import FixedClock
from app.core.domains.lock import APP_LOCK_IDLE_DEFAULT
from app.core.errors import BugError, InputError, ProfileLocked, WrongKey
from app.core.service import Confidant
from app.core.session import PassphraseLocked
from app.core.store.database import database_files
from tests.helpers.files import sha256
from tests.helpers.memory import reachable_secrets

PASSPHRASE = "correct horse battery"
WRONG = "not the passphrase at all"
PIN = "482913"
START = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def locked(profile_dir: Path, clock: FixedClock) -> Iterator[Confidant]:
    """A keyring profile with one stored preference and the app lock on, closed."""
    service = Confidant(profile_dir, clock=clock)
    service.open()
    service.preferences.set("display_name", "Sam")
    service.lock.enable(PASSPHRASE)
    service.close()
    yield service
    service.close()


def _profile(directory: Path) -> profile.ProfileFile:
    loaded = profile.load_profile_file(directory)
    assert loaded is not None
    return loaded


def _keyring_value(user: str) -> str | None:
    """What the real test keyring holds for ``user``, read with the keyring library itself."""
    return keyring.get_password(keys.KEYRING_SERVICE, user)


def _raw_key(directory: Path, passphrase: str = PASSPHRASE) -> bytes:
    loaded = _profile(directory)
    entry = keys.KeyringKeyStore.from_environment().get_entry(loaded.profile_id)
    assert isinstance(entry, dict)
    return keys.unwrap_key(entry, passphrase, loaded.profile_id)


def _db_digests(directory: Path) -> dict[str, str]:
    return {p.name: sha256(p) for p in database_files(profile.database_path(directory))}


# --- turning it on and off ------------------------------------------------------------------


def test_enabling_wraps_the_keyring_entry(profile_dir: Path) -> None:
    service = Confidant(profile_dir)
    service.open()
    profile_id = _profile(profile_dir).profile_id
    raw = _keyring_value(profile_id)
    assert raw is not None and len(raw) == 64  # the raw key, as hex
    assert not service.needs_passphrase()

    status = service.lock.enable(PASSPHRASE)
    assert status.enabled and not status.passphrase_mode
    assert status.idle_minutes == APP_LOCK_IDLE_DEFAULT
    stored = _keyring_value(profile_id)
    assert stored is not None and stored != raw and raw not in stored
    wrapped = json.loads(stored)
    assert wrapped["kdf"]["name"] in ("argon2id", "scrypt")
    assert keys.unwrap_key(wrapped, PASSPHRASE, profile_id) == bytes.fromhex(raw)
    on_disk = json.loads((profile_dir / "profile.json").read_text())
    assert on_disk["app_lock"] is True and on_disk["format"] == profile.APP_LOCK_FORMAT
    assert raw not in json.dumps(on_disk) and PASSPHRASE not in json.dumps(on_disk)
    assert service.needs_passphrase()
    assert any(e.kind == "applock.changed" for e in service.data.audit_events())
    service.close()


def test_a_locked_profile_needs_the_passphrase_to_open(locked: Confidant) -> None:
    again = Confidant(locked.directory)
    assert again.needs_passphrase()
    with pytest.raises(ProfileLocked, match="app lock"):
        again.open()
    with pytest.raises(WrongKey, match="passphrase is wrong"):
        again.open(passphrase=WRONG)
    assert not again.is_open
    again.open(passphrase=PASSPHRASE)
    assert again.preferences.get("display_name") == "Sam"
    again.close()


def test_disabling_puts_the_raw_key_back(locked: Confidant) -> None:
    key = _raw_key(locked.directory)
    locked.open(passphrase=PASSPHRASE)
    with pytest.raises(WrongKey, match="passphrase is wrong"):
        locked.lock.disable(WRONG)
    assert locked.lock.status().enabled
    status = locked.lock.disable(PASSPHRASE)
    assert not status.enabled
    assert _keyring_value(_profile(locked.directory).profile_id) == key.hex()
    on_disk = json.loads((locked.directory / "profile.json").read_text())
    assert on_disk["app_lock"] is False and on_disk["format"] == profile.PROFILE_FORMAT
    locked.close()

    again = Confidant(locked.directory)
    assert not again.needs_passphrase()
    again.open()
    assert again.preferences.get("display_name") == "Sam"
    again.close()


def test_the_lock_needs_a_long_enough_passphrase_and_a_keyring_profile(
    service: Confidant, tmp_path: Path
) -> None:
    with pytest.raises(InputError, match="at least 8"):
        service.lock.enable("short")
    assert not service.lock.status().enabled
    with pytest.raises(InputError, match="not on"):
        service.lock.disable(PASSPHRASE)

    passphrase_mode = Confidant(tmp_path / "other")
    passphrase_mode.open(passphrase=PASSPHRASE)
    status = passphrase_mode.lock.status()
    assert status.enabled and status.passphrase_mode
    with pytest.raises(InputError, match="passphrase mode"):
        passphrase_mode.lock.enable(PASSPHRASE)
    passphrase_mode.close()


# --- rotation and crash safety --------------------------------------------------------------


def test_rotation_with_the_lock_on(locked: Confidant) -> None:
    old_key = _raw_key(locked.directory)
    locked.open(passphrase=PASSPHRASE)
    locked.rotate_key()
    locked.close()

    profile_id = _profile(locked.directory).profile_id
    assert _keyring_value(f"{profile_id}.pending") is None
    new_key = _raw_key(locked.directory)
    assert new_key != old_key
    assert _keyring_value(profile_id) != new_key.hex()  # still wrapped
    conn = sqlcipher3.connect(str(profile.database_path(locked.directory)))
    conn.execute(keys.key_pragma(old_key))
    with pytest.raises(sqlcipher3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    conn.close()
    locked.open(passphrase=PASSPHRASE)
    assert locked.preferences.get("display_name") == "Sam"


def test_rotation_interrupted_after_rekey_with_the_lock_on(locked: Confidant) -> None:
    store = keys.KeyringKeyStore.from_environment()
    source = profile.KeyringSource(store, PASSPHRASE)
    opened = profile.open_profile(locked.directory, source)
    new_key = keys.new_data_key()
    profile.save_profile_file(locked.directory, source.stage(opened.profile, new_key))
    opened.database.rekey(new_key)
    opened.database.close()  # "crash": the main entry still holds the old key, wrapped

    locked.open(passphrase=PASSPHRASE)
    assert locked.preferences.get("display_name") == "Sam"
    locked.close()
    assert _raw_key(locked.directory) == new_key
    assert _profile(locked.directory).pending_key_check is None
    assert _keyring_value(f"{_profile(locked.directory).profile_id}.pending") is None


def test_enabling_cut_short_is_finished_with_the_passphrase(profile_dir: Path) -> None:
    service = Confidant(profile_dir)
    service.open()
    service.close()
    loaded = _profile(profile_dir)
    store = keys.KeyringKeyStore.from_environment()
    key = store.get(loaded.profile_id)
    assert key is not None
    # "Crash" after the keyring was written, before profile.json said the lock is on.
    store.put_wrapped(loaded.profile_id, keys.wrap_key(key, PASSPHRASE, loaded.profile_id))

    with pytest.raises(ProfileLocked, match="app lock"):
        service.open()
    service.open(passphrase=PASSPHRASE)
    assert _profile(profile_dir).app_lock
    assert service.lock.status().enabled
    service.close()


def test_disabling_cut_short_is_finished_at_the_next_open(locked: Confidant) -> None:
    loaded = _profile(locked.directory)
    key = _raw_key(locked.directory)
    # "Crash" after the raw key went back in the keyring, before profile.json said so.
    keys.KeyringKeyStore.from_environment().put(loaded.profile_id, key)

    locked.open(passphrase=PASSPHRASE)
    assert not _profile(locked.directory).app_lock
    locked.close()
    locked.open()
    assert locked.preferences.get("display_name") == "Sam"


# --- wrong passphrases and the attempt limit ------------------------------------------------


def test_a_wrong_passphrase_leaves_the_database_byte_identical(locked: Confidant) -> None:
    before = _db_digests(locked.directory)
    for _ in range(3):
        with pytest.raises(WrongKey, match="passphrase is wrong") as wrong:
            locked.open(passphrase=WRONG)
    assert "more tries before a pause" in wrong.value.one_line()
    assert _db_digests(locked.directory) == before
    assert _profile(locked.directory).passphrase_attempts.failed_attempts == 3


def test_lockout_after_five_survives_a_restart_and_the_clock_going_back(
    locked: Confidant, clock: FixedClock
) -> None:
    for attempt in range(5):
        with pytest.raises(WrongKey, match="passphrase is wrong") as wrong:
            locked.open(passphrase=WRONG)
        clock.advance(dt.timedelta(seconds=1 if attempt < 4 else 0))
    assert "Try again in 30 seconds" in wrong.value.message
    with pytest.raises(PassphraseLocked) as refused:
        locked.open(passphrase=PASSPHRASE)  # the right one is refused during the lockout
    assert isinstance(refused.value, LockedOut)
    assert 0 < refused.value.seconds <= lockout_seconds(5) + 1
    assert not locked.is_open

    restarted = Confidant(locked.directory, clock=clock)
    assert restarted.lock.status().locked_until is not None
    with pytest.raises(PassphraseLocked):
        restarted.open(passphrase=PASSPHRASE)
    clock.advance(dt.timedelta(days=-30))  # moving the clock back does not help
    with pytest.raises(PassphraseLocked):
        restarted.open(passphrase=PASSPHRASE)
    clock.advance(dt.timedelta(days=30, seconds=lockout_seconds(5) + 1))
    restarted.open(passphrase=PASSPHRASE)
    status = restarted.lock.status()
    assert status.failed_attempts == 0 and status.locked_until is None
    restarted.close()


def test_the_next_wrong_passphrase_doubles_the_lockout(
    locked: Confidant, clock: FixedClock
) -> None:
    for _ in range(5):
        with pytest.raises(WrongKey):
            locked.open(passphrase=WRONG)
    clock.advance(dt.timedelta(seconds=lockout_seconds(5) + 1))
    with pytest.raises(WrongKey, match="1 minutes|60 seconds"):
        locked.open(passphrase=WRONG)
    with pytest.raises(PassphraseLocked):
        locked.open(passphrase=PASSPHRASE)


def test_wrong_passphrases_to_turn_the_lock_off_count_too(
    locked: Confidant, clock: FixedClock
) -> None:
    locked.open(passphrase=PASSPHRASE)
    for _ in range(5):
        with pytest.raises(WrongKey):
            locked.lock.disable(WRONG)
    with pytest.raises(PassphraseLocked):
        locked.lock.disable(PASSPHRASE)
    # A key rotation rewrites profile.json: it must not bring back an older count.
    locked.rotate_key()
    assert _profile(locked.directory).passphrase_attempts.failed_attempts == 5
    locked.close()
    with pytest.raises(PassphraseLocked):
        locked.open(passphrase=PASSPHRASE)


def test_passphrase_mode_has_the_same_attempt_limit(profile_dir: Path, clock: FixedClock) -> None:
    Confidant(profile_dir, clock=clock).open(passphrase=PASSPHRASE)
    service = Confidant(profile_dir, clock=clock)
    for _ in range(5):
        with pytest.raises(WrongKey):
            service.open(passphrase=WRONG)
    with pytest.raises(PassphraseLocked):
        service.open(passphrase=PASSPHRASE)


# --- locking --------------------------------------------------------------------------------


def _session_part(path: str) -> str:
    """The session attribute a path to a secret goes through (``root.chat._s.opened...``)."""
    parts = path.split(".")
    after = next(i for i, part in enumerate(parts) if part in ("_s", "_session")) + 1
    return parts[after].split("[")[0]


def test_locking_lets_go_of_the_key_and_the_passphrase(locked: Confidant) -> None:
    key = _raw_key(locked.directory)
    locked.open(passphrase=PASSPHRASE)
    conversation = locked.chat.new_conversation()
    locked.chat.send(conversation, "Remember the blue door")
    needles: tuple[bytes | str, ...] = (key, key.hex(), PASSPHRASE, "blue door")
    # The check can find them: while open, the key source holds the passphrase, and the
    # conversation is in memory.
    # (The facade's state is its session's, reached through any domain: ``..._s.opened``.)
    assert {_session_part(path) for path in reachable_secrets(locked, needles)} >= {
        "opened",
        "conversations",
    }

    locked.lock.lock_now()
    assert not locked.is_open
    assert reachable_secrets(locked, needles) == []
    with pytest.raises(BugError, match="Unknown conversation"):
        locked.chat.save_status(conversation)  # unsaved conversations are closed
    locked.open(passphrase=PASSPHRASE)
    assert locked.is_open and locked.preferences.get("display_name") == "Sam"


def test_locking_needs_the_lock_on(service: Confidant) -> None:
    with pytest.raises(InputError, match="app lock is off"):
        service.lock.lock_now()
    assert service.is_open


def test_locking_ends_the_guardian_session(locked: Confidant) -> None:
    locked.open(passphrase=PASSPHRASE)
    locked.child.enable(PIN)
    locked.child.authorize_guardian(PIN)
    locked.lock.lock_now()
    locked.open(passphrase=PASSPHRASE)
    with pytest.raises(GuardianRequired):
        locked.lock.set_idle_minutes(5)


# --- the idle time and child mode -----------------------------------------------------------


def test_idle_minutes(locked: Confidant) -> None:
    assert locked.lock.status().idle_minutes is None  # unknown while locked
    locked.open(passphrase=PASSPHRASE)
    assert locked.lock.status().idle_minutes == APP_LOCK_IDLE_DEFAULT
    assert locked.lock.status().auto_lock
    locked.lock.set_idle_minutes(0)
    assert not locked.lock.status().auto_lock
    for bad in (-1, 24 * 60 + 1, True):
        with pytest.raises(InputError, match="idle time"):
            locked.lock.set_idle_minutes(bad)  # type: ignore[arg-type]
    locked.lock.set_idle_minutes(3)
    locked.close()
    locked.open(passphrase=PASSPHRASE)
    assert locked.lock.status().idle_minutes == 3


def test_child_mode_guards_the_app_lock(service: Confidant) -> None:
    service.child.enable(PIN)
    with pytest.raises(GuardianRequired, match="guardian's PIN"):
        service.lock.enable(PASSPHRASE)
    assert not service.lock.status().enabled
    service.child.authorize_guardian(PIN)
    service.lock.enable(PASSPHRASE, idle_minutes=5)
    service.child.lock_guardian()
    for change in (
        lambda: service.lock.disable(PASSPHRASE),
        lambda: service.lock.set_idle_minutes(1),
    ):
        with pytest.raises(GuardianRequired):
            change()
    assert service.lock.status().idle_minutes == 5
    service.child.authorize_guardian(PIN)
    service.lock.disable(PASSPHRASE)
    assert not service.lock.status().enabled


def test_forget_me_removes_the_wrapped_key(locked: Confidant) -> None:
    profile_id = _profile(locked.directory).profile_id
    locked.open(passphrase=PASSPHRASE)
    receipt = locked.data.forget_me()
    assert receipt.keyring_entries_removed == 1
    assert _keyring_value(profile_id) is None
    assert not (locked.directory / "profile.json").exists()
