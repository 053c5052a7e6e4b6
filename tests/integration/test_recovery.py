"""Damaged, foreign and newer databases: clear errors, and the file is never changed."""

from __future__ import annotations

from pathlib import Path

from app.core import profile
from app.core.service import Confidant
from app.core.store.schema import SCHEMA_VERSION
from tests.helpers.files import flip_bytes_in_pages, run_cli, sha256


def _profile_with_pages(profile_dir: Path, minimum_pages: int = 12) -> Path:
    service = Confidant(profile_dir)
    service.open()
    with service.database.transaction() as conn:
        conn.executemany(
            "INSERT INTO preferences(name, value) VALUES (?, ?)",
            [(f"filler-{i}", "z" * 500) for i in range(minimum_pages * 8)],
        )
    assert service.database.pragma("page_count") >= minimum_pages
    service.close()
    return profile.database_path(profile_dir)


def test_doctor_names_three_damaged_pages(profile_dir: Path) -> None:
    db = _profile_with_pages(profile_dir)
    flip_bytes_in_pages(db, [3, 6, 9])
    digest = sha256(db)
    result = run_cli("doctor")
    assert result.returncode == 1
    assert "FAIL  integrity: damaged pages: 3, 6, 9" in result.stdout
    assert sha256(db) == digest


def test_doctor_json_with_a_damaged_header(profile_dir: Path) -> None:
    import json

    db = _profile_with_pages(profile_dir)
    flip_bytes_in_pages(db, [1, 4, 7])
    digest = sha256(db)
    result = run_cli("doctor", "--json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert report["bad_pages"] == [1, 4, 7]
    assert sha256(db) == digest
    chat = run_cli("chat", "hello")
    assert chat.returncode == 1
    assert "damaged" in chat.stderr and len(chat.stderr.strip().splitlines()) == 1
    assert sha256(db) == digest


def test_newer_schema_is_a_clear_error_and_the_file_is_untouched(profile_dir: Path) -> None:
    service = Confidant(profile_dir)
    service.open()
    with service.database.transaction() as conn:
        conn.execute(
            "UPDATE meta SET value = ? WHERE name = 'schema_version'", (str(SCHEMA_VERSION + 5),)
        )
    service.close()
    db = profile.database_path(profile_dir)
    digest = sha256(db)
    result = run_cli("chat", "hello")
    assert result.returncode == 1
    assert "newer version of Confidant" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert sha256(db) == digest
    doctor = run_cli("doctor")
    assert doctor.returncode == 1
    assert sha256(db) == digest


def test_wrong_key_through_the_cli(profile_dir: Path) -> None:
    from app.core import keys

    db = _profile_with_pages(profile_dir, 2)
    loaded = profile.load_profile_file(profile_dir)
    assert loaded is not None
    keys.KeyringKeyStore.from_environment().put(loaded.profile_id, keys.new_data_key())
    digest = sha256(db)
    listing = sorted(p.name for p in profile_dir.iterdir())
    result = run_cli("chat", "hello")
    assert result.returncode == 1
    assert "does not match" in result.stderr
    assert sha256(db) == digest
    assert sorted(p.name for p in profile_dir.iterdir()) == listing
