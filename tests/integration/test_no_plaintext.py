"""Nothing private reaches the disk in plaintext: not the data, and never the key."""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from app.core import keys, profile
from app.core.clock import FixedClock
from app.core.conversations import ConversationStore, Message
from app.core.service import Confidant
from tests.helpers.files import files_containing, files_under, run_cli


def _recent_temp_files(since: float) -> list[Path]:
    recent = []
    for path in files_under(Path(tempfile.gettempdir())):
        try:
            if path.stat().st_mtime >= since:
                recent.append(path)
        except OSError:
            continue
    return recent


def test_canaries_never_reach_the_disk_in_plaintext(
    profile_dir: Path, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    started = time.time() - 1
    canaries = [f"CANARY-{uuid.uuid4().hex}" for _ in range(3)]
    service = Confidant(profile_dir)
    service.open()
    store = ConversationStore(service.database, FixedClock(dt.datetime(2026, 1, 1, tzinfo=dt.UTC)))
    store.append("c1", [Message("user", f"my secret is {canaries[0]}", "t")])
    with service.database.transaction() as conn:
        conn.execute(
            "INSERT INTO preferences(name, value) VALUES ('display_name', ?)", (canaries[1],)
        )
    conversation = service.chat.new_conversation()
    service.chat.send(conversation, f"please remember {canaries[2]}")
    while_open = files_containing(files_under(profile_dir), [c.encode() for c in canaries])
    service.close()

    needles = [c.encode() for c in canaries] + [c.encode("utf-16-le") for c in canaries]
    db = profile.database_path(profile_dir)
    assert db.read_bytes()[:16] != b"SQLite format 3\x00"
    assert while_open == []
    assert files_containing(files_under(profile_dir), needles) == []
    assert files_containing(_recent_temp_files(started), needles) == []
    out, err = capfd.readouterr()
    for canary in canaries:
        assert canary not in out + err + caplog.text

    # The check can fail: the same canary is found once it is written in plaintext.
    leak = profile_dir / "leak-check.txt"
    leak.write_text(canaries[0])
    assert files_containing(files_under(profile_dir), needles) == [(leak, needles[0])]
    leak.unlink()


def test_the_key_appears_in_no_file_and_no_log(
    profile_dir: Path, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    started = time.time() - 1
    service = Confidant(profile_dir)
    service.open()
    service.rotate_key()
    service.close()
    cli = run_cli("doctor", "--json")
    assert cli.returncode == 0

    loaded = profile.load_profile_file(profile_dir)
    assert loaded is not None
    key = keys.KeyringKeyStore.from_environment().get(loaded.profile_id)
    assert key is not None
    needles = [key, key.hex().encode(), key.hex().upper().encode()]
    assert files_containing(files_under(profile_dir), needles) == []
    assert files_containing(_recent_temp_files(started), needles) == []
    out, err = capfd.readouterr()
    text = out + err + caplog.text + cli.stdout + cli.stderr
    assert key.hex() not in text and key.hex().upper() not in text
