"""The display hint for the start-up screens: private, atomic, tolerant, and never the policy."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from app.core.childmode import GuardianRequired
from app.core.display_hints import (
    HINTS_FILE_NAME,
    MAX_HINTS_BYTES,
    DisplayHints,
    hints_path,
    read_hints,
    sync_hints,
    write_hints,
)
from app.core.service import Confidant

PIN = "482913"


def test_a_written_hint_reads_back_and_is_private(tmp_path: Path) -> None:
    directory = tmp_path / "profile"
    assert read_hints(directory) == DisplayHints(child_mode=False)

    write_hints(directory, DisplayHints(child_mode=True))

    path = hints_path(directory)
    assert path.name == HINTS_FILE_NAME
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    assert json.loads(path.read_text(encoding="utf-8")) == {"child_mode": True, "format": 1}
    assert read_hints(directory) == DisplayHints(child_mode=True)
    # Written through a temp file and a rename: nothing else is left in the folder.
    assert sorted(p.name for p in directory.iterdir()) == [HINTS_FILE_NAME]


def test_child_mode_off_leaves_no_file(tmp_path: Path) -> None:
    write_hints(tmp_path, DisplayHints(child_mode=True))
    write_hints(tmp_path, DisplayHints(child_mode=False))
    assert not hints_path(tmp_path).exists()
    write_hints(tmp_path, DisplayHints(child_mode=False))  # nothing to remove: no error
    assert read_hints(tmp_path) == DisplayHints()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json",
        b"\xff\xfe",
        b"[true]",
        b'{"child_mode": true}',  # no format: not a file we wrote
        b'{"format": 2, "child_mode": true}',
        b'{"format": 1, "child_mode": "yes"}',
        b'{"format": 1, "child_mode": true, "pad": "' + b"x" * MAX_HINTS_BYTES + b'"}',
    ],
)
def test_a_malformed_hint_means_no_hint(tmp_path: Path, content: bytes) -> None:
    hints_path(tmp_path).write_bytes(content)
    assert read_hints(tmp_path) == DisplayHints(child_mode=False)


def test_an_unreadable_hint_means_no_hint(tmp_path: Path) -> None:
    hints_path(tmp_path).mkdir()  # a folder where the file should be cannot be read
    assert read_hints(tmp_path) == DisplayHints()


def test_sync_writes_only_when_the_file_disagrees(tmp_path: Path) -> None:
    assert sync_hints(tmp_path, DisplayHints()) is False
    assert not hints_path(tmp_path).exists()
    assert sync_hints(tmp_path, DisplayHints(child_mode=True)) is True
    assert sync_hints(tmp_path, DisplayHints(child_mode=True)) is False
    hints_path(tmp_path).write_text("garbage", encoding="utf-8")
    assert sync_hints(tmp_path, DisplayHints()) is True
    assert not hints_path(tmp_path).exists()


def test_the_facade_keeps_the_hint_in_step_with_child_mode(profile_dir: Path) -> None:
    service = Confidant(profile_dir)
    service.open()
    try:
        assert not hints_path(profile_dir).exists()
        service.child.enable(PIN)
        assert read_hints(profile_dir).child_mode
        service.child.disable(PIN)
        assert not hints_path(profile_dir).exists()
        service.child.enable(PIN)
    finally:
        service.close()

    # A curious child deletes the hint: the policy still holds, and opening restores it.
    hints_path(profile_dir).unlink()
    reopened = Confidant(profile_dir)
    reopened.open()
    try:
        assert read_hints(profile_dir).child_mode
        hints_path(profile_dir).unlink()
        with pytest.raises(GuardianRequired):
            reopened.data.set_retention("conversations", 30)
        assert reopened.child.status().enabled
    finally:
        reopened.close()


def test_a_forged_hint_turns_nothing_on_and_is_corrected(profile_dir: Path) -> None:
    service = Confidant(profile_dir)
    service.open()
    service.close()
    write_hints(profile_dir, DisplayHints(child_mode=True))

    service.open()
    try:
        assert not service.child.status().enabled
        service.data.set_retention("conversations", 30)  # no PIN needed: child mode is off
        assert not hints_path(profile_dir).exists()
    finally:
        service.close()


def test_the_hint_goes_with_forget_me(profile_dir: Path) -> None:
    service = Confidant(profile_dir)
    service.open()
    service.child.enable(PIN)
    assert hints_path(profile_dir).exists()
    service.data.forget_me()
    assert not profile_dir.exists()
