"""The smaller findings of issue 18, each on real files and the real keyring."""

from __future__ import annotations

import datetime as dt
import json
import stat
from pathlib import Path

import pytest

from app.core import keys, profile
from app.core.clock import FixedClock
from app.core.errors import DiskFull, StorageError
from app.core.service import Confidant
from tests.helpers.files import run_cli

START = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC)


def _keyring_users(profile_id: str) -> list[str]:
    store = keys.KeyringKeyStore.from_environment()
    return [u for u in (profile_id, f"{profile_id}.pending") if store.get_entry(u) is not None]


def test_forget_me_through_a_symlinked_profile_folder_erases_everything(tmp_path: Path) -> None:
    real = tmp_path / "real-profile"
    link = tmp_path / "linked-profile"
    real.mkdir(mode=0o700)
    link.symlink_to(real, target_is_directory=True)
    service = Confidant(link)
    service.open()
    service.consent.grant("store_conversations")
    service.chat.record_turn(service.chat.new_conversation(), "something to forget", "ok")
    loaded = profile.load_profile_file(link)
    assert loaded is not None
    receipt = service.data.forget_me()
    assert receipt.files_removed >= 2
    assert not real.exists() and not link.is_symlink()
    assert _keyring_users(loaded.profile_id) == []


def test_future_dates_do_not_defeat_retention(profile_dir: Path) -> None:
    clock = FixedClock(START)
    service = Confidant(profile_dir, clock=clock)
    service.open()
    try:
        service.consent.grant("store_conversations")
        conversation = service.chat.new_conversation()
        # Not "dated far ahead": the sensitivity model reads "dated" as dating (a sensitive
        # prompt is not stored, and this test is about retention).
        service.chat.record_turn(conversation, "timestamp far ahead", "ok")
        with service.database.transaction() as conn:
            conn.execute("UPDATE messages SET created_at = '9999-12-31T00:00:00+00:00'")
            conn.execute("UPDATE conversations SET updated_at = '9999-12-31T00:00:00+00:00'")
        service.data.purge_expired()
        assert service.chat.stored_message_count() == 2  # dated now: kept for its 90 days
        clock.advance(dt.timedelta(days=91))
        service.data.purge_expired()
        assert service.chat.stored_message_count() == 0
        assert service.chat.conversations() == []
    finally:
        service.close()


def test_a_failed_profile_creation_leaves_no_key_in_the_keyring(
    profile_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Mocked: making exactly this one write hit ENOSPC needs a tmpfs sized to the byte; the
    # real ENOSPC paths are covered in tests/integration/test_disk_full*.py.
    written: list[str] = []

    def full(directory: Path, data: profile.ProfileFile, **_: object) -> None:
        written.append(data.profile_id)
        raise DiskFull("The disk is full.")

    monkeypatch.setattr(profile, "save_profile_file", full)
    with pytest.raises(DiskFull):
        Confidant(profile_dir).open()
    assert written and _keyring_users(written[0]) == []


def test_a_deleted_database_is_not_recreated_and_doctor_says_so(profile_dir: Path) -> None:
    service = Confidant(profile_dir)
    service.open()
    service.close()
    (profile_dir / "confidant.db").unlink()
    with pytest.raises(StorageError, match="missing"):
        Confidant(profile_dir).open()
    assert not (profile_dir / "confidant.db").exists()
    doctor = run_cli("doctor", "--json")
    report = json.loads(doctor.stdout)
    assert report["ok"] is False
    assert not (profile_dir / "confidant.db").exists()


def test_doctor_json_reports_a_damaged_profile_file(profile_dir: Path) -> None:
    service = Confidant(profile_dir)
    service.open()
    service.close()
    (profile_dir / "profile.json").write_text("{not json", encoding="utf-8")
    doctor = run_cli("doctor", "--json")
    assert doctor.returncode == 1
    report = json.loads(doctor.stdout)
    assert report["ok"] is False
    assert any(c["name"] == "profile file" and not c["ok"] for c in report["checks"])


def test_an_opened_up_profile_folder_is_closed_again(profile_dir: Path) -> None:
    service = Confidant(profile_dir)
    service.open()
    service.close()
    profile_dir.chmod(0o755)
    service.open()
    service.close()
    assert stat.S_IMODE(profile_dir.stat().st_mode) == 0o700


def test_a_rotation_killed_while_staging_leaves_no_orphan_key(profile_dir: Path) -> None:
    service = Confidant(profile_dir)
    service.open()
    service.close()
    loaded = profile.load_profile_file(profile_dir)
    assert loaded is not None
    # What a kill right after the pending key was written (before profile.json) leaves.
    keys.KeyringKeyStore.from_environment().put(f"{loaded.profile_id}.pending", keys.new_data_key())
    service.open()
    service.close()
    assert _keyring_users(loaded.profile_id) == [loaded.profile_id]


def test_lone_surrogates_in_a_prompt_are_refused_cleanly(service: Confidant) -> None:
    from app.core.errors import InputError

    conversation = service.chat.new_conversation()
    with pytest.raises(InputError, match="not valid text"):
        service.chat.stream(conversation, "broken \udcff text")
