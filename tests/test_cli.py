"""Tests for the CLI contract (DESIGN.md §6), run as real subprocesses."""

from __future__ import annotations

import json
from pathlib import Path

from app import __version__
from tests.helpers.files import run_cli


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"confidant {__version__}"


def test_bad_usage_is_one_line_and_exit_2(profile_dir: Path) -> None:
    result = run_cli("no-such-command")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("confidant: ")


def test_empty_prompt_is_input_error(profile_dir: Path) -> None:
    result = run_cli("chat", "   ")
    assert result.returncode == 2
    assert result.stderr.strip() == "confidant: The prompt is empty."
    assert not (profile_dir / "confidant.db").exists()


def test_doctor_json_on_a_fresh_profile(profile_dir: Path) -> None:
    result = run_cli("doctor", "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is True
    assert report["keyring_backend"] == "keyring.backends.SecretService.Keyring"
    assert report["keyring_secure"] is True
    assert report["sqlcipher_version"].startswith("4.")
    assert report["store_exists"] is False
    assert {c["name"] for c in report["checks"]} >= {"sqlcipher", "keyring", "permissions"}


def test_chat_replies_and_stores_nothing_without_consent(profile_dir: Path) -> None:
    result = run_cli("chat", "What is a good name for a sailing boat?")
    assert result.returncode == 0, result.stderr
    assert "Offline demo" in result.stdout
    assert "[Not saved]" in result.stderr

    doctor = run_cli("doctor", "--json")
    assert doctor.returncode == 0, doctor.stdout
    report = json.loads(doctor.stdout)
    assert report["store_exists"] is True
    assert report["schema_version"] == report["code_schema_version"]
    assert [c for c in report["checks"] if not c["ok"]] == []

    from app.core.service import Confidant

    service = Confidant(profile_dir)
    service.open()
    try:
        assert service.database.query("SELECT count(*) FROM messages") == [(0,)]
        assert service.database.query("SELECT count(*) FROM conversations") == [(0,)]
    finally:
        service.close()


def test_temporary_chat(profile_dir: Path) -> None:
    result = run_cli("chat", "--temporary", "hello")
    assert result.returncode == 0
    assert "[Temporary]" in result.stderr


def test_doctor_text_output(profile_dir: Path) -> None:
    result = run_cli("doctor")
    assert result.returncode == 0
    assert all(line.startswith("ok") for line in result.stdout.strip().splitlines())
