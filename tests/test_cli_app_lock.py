"""The ``app-lock`` CLI commands, run as real subprocesses."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.files import run_cli

PASSPHRASE = "correct horse battery"


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("confidant: ")
    return lines[0]


def test_app_lock_status_enable_disable(profile_dir: Path, tmp_path: Path) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n")
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase at all\n")
    assert run_cli("chat", "hello").returncode == 0  # a keyring profile exists

    status = run_cli("app-lock", "status")
    assert status.returncode == 0, status.stderr
    assert "app lock: off" in status.stdout

    assert run_cli("app-lock", "enable").returncode == 2  # no file, and no terminal to ask
    enabled = run_cli("app-lock", "enable", "--passphrase-file", str(secret), "--idle-minutes", "7")
    assert enabled.returncode == 0, enabled.stderr
    on_disk = json.loads((profile_dir / "profile.json").read_text())
    assert on_disk["app_lock"] is True
    assert PASSPHRASE not in enabled.stdout + enabled.stderr

    status = run_cli("app-lock", "status")
    assert status.returncode == 0, status.stderr
    assert "app lock: on" in status.stdout and "unknown while locked" in status.stdout
    status = run_cli("app-lock", "status", "--passphrase-file", str(secret))
    assert "after 7 minutes" in status.stdout

    # Every command that opens the profile now needs the passphrase, as in passphrase mode.
    locked = run_cli("conversations", "list")
    assert locked.returncode == 1
    assert "app lock is on" in _one_line(locked.stderr)
    listed = run_cli("conversations", "list", "--json", "--passphrase-file", str(secret))
    assert listed.returncode == 0, listed.stderr

    refused = run_cli("app-lock", "disable", "--passphrase-file", str(wrong))
    assert refused.returncode == 1
    assert _one_line(refused.stderr) == (
        "confidant: The passphrase is wrong (4 more tries before a pause)."
    )
    assert "failed passphrase attempts: 1" in run_cli("app-lock", "status").stdout

    disabled = run_cli("app-lock", "disable", "--passphrase-file", str(secret))
    assert disabled.returncode == 0, disabled.stderr
    assert "app lock: off" in run_cli("app-lock", "status").stdout
    assert run_cli("conversations", "list").returncode == 0
    again = run_cli("app-lock", "disable", "--passphrase-file", str(secret))
    assert again.returncode == 2 and "not on" in _one_line(again.stderr)


def test_lockout_is_one_line_and_exit_1(profile_dir: Path, tmp_path: Path) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE)
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase at all")
    assert run_cli("app-lock", "enable", "--passphrase-file", str(secret)).returncode == 0
    for _ in range(5):
        assert run_cli("chat", "hi", "--passphrase-file", str(wrong)).returncode == 1
    refused = run_cli("chat", "hi", "--passphrase-file", str(secret))
    assert refused.returncode == 1
    line = _one_line(refused.stderr)
    assert "Too many wrong passphrases. Try again in" in line
    assert "Restarting does not help" in line
    assert "locked until:" in run_cli("app-lock", "status").stdout


def test_child_mode_needs_the_pin_to_change_the_app_lock(profile_dir: Path, tmp_path: Path) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE)
    pin = tmp_path / "pin.txt"
    pin.write_text("735184")
    assert run_cli("child-mode", "enable", "--pin-file", str(pin)).returncode == 0
    blocked = run_cli("app-lock", "enable", "--passphrase-file", str(secret))
    assert blocked.returncode == 1
    assert "changing the app lock needs the guardian's PIN" in _one_line(blocked.stderr)
    assert "app lock: off" in run_cli("app-lock", "status").stdout
    allowed = run_cli(
        "app-lock", "enable", "--passphrase-file", str(secret), "--pin-file", str(pin)
    )
    assert allowed.returncode == 0, allowed.stderr
    assert "app lock: on" in run_cli("app-lock", "status").stdout
