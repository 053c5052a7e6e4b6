"""A key rotation killed at any point never locks anyone out and never loses a message.

The worker (tests/helpers/rotate_worker.py) runs the real ``rotate_key`` and SIGKILLs itself
after its N-th durable step (database statement, keyring write, profile.json write), for every
N: the exhaustive, fast form of bench/rotate_kill.py. Each time, the next open must succeed with
every message there, the integrity check must pass, and no orphan key may stay in the keyring.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.core import keys, profile
from app.core.clock import SystemClock
from app.core.service import Confidant

REPO_ROOT = Path(__file__).resolve().parents[3]


def _rotate(directory: Path, kill_after: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tests.helpers.rotate_worker", str(directory), str(kill_after)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _fill(directory: Path) -> int:
    service = Confidant(directory, clock=SystemClock())
    service.open()
    service.consent.grant("store_conversations")
    for turn in range(6):
        conversation = service.chat.new_conversation()
        service.chat.record_turn(
            conversation, f"question {turn} about the harbour", "an answer " * 50
        )
    count = service.chat.stored_message_count()
    service.close()
    return count


def _check(directory: Path, messages: int) -> None:
    service = Confidant(directory)
    service.open(purge=False)
    try:
        assert service.chat.stored_message_count() == messages
        assert service.database.integrity_report().ok
        loaded = profile.load_profile_file(directory)
        assert loaded is not None and loaded.pending_key_check is None
        store = keys.KeyringKeyStore.from_environment()
        assert store.get_entry(f"{loaded.profile_id}.pending") is None  # no orphan key
        assert service.database.meta("key_check_next") is None
    finally:
        service.close()


def test_a_kill_after_any_step_of_a_rotation_locks_nobody_out(profile_dir: Path) -> None:
    """The open after each kill finishes or discards the rotation, with every message there."""
    messages = _fill(profile_dir)
    whole = _rotate(profile_dir, -1)
    assert whole.returncode == 0, whole.stderr
    steps = int(whole.stdout.split()[-1])
    assert steps >= 10  # the worker did see the rotation's steps
    _check(profile_dir, messages)
    finished_by_open = 0
    for kill_after in range(1, steps + 1):
        killed = _rotate(profile_dir, kill_after)
        assert killed.returncode == -9, (kill_after, killed.stderr)
        loaded = profile.load_profile_file(profile_dir)
        assert loaded is not None
        wal = profile_dir / "confidant.db-wal"
        if loaded.pending_key_check is not None and wal.exists() and wal.stat().st_size:
            finished_by_open += 1
        _check(profile_dir, messages)
        after = profile.load_profile_file(profile_dir)
        assert after is not None and after.pending_key_check is None
    # Kills after the rekey, with the new pages only in the WAL, were among those finished.
    assert finished_by_open >= 1
