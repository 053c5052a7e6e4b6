"""The window's size and place are remembered, and that is all the plain settings file holds."""

from __future__ import annotations

import configparser
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from app.gui.main_window import MainWindow
from app.gui.pages import PAGES
from app.gui.window_settings import settings_path
from app.gui.workers import WorkerPool
from tests.gui.shells import ShellFactory, open_page, ready_shell, send_chat

PLANTED = "Zanzibar-lighthouse-4417"


def _keys(path: Path) -> dict[str, list[str]]:
    parser = configparser.RawConfigParser()
    parser.optionxform = str  # type: ignore[assignment, method-assign]
    parser.read(path, encoding="utf-8")
    return {section: sorted(parser[section]) for section in parser.sections()}


def test_the_file_sits_beside_the_profile_never_in_it(profile_dir: Path) -> None:
    path = settings_path()
    assert path == profile_dir.parent / "profile.window.ini"
    assert profile_dir not in path.parents


def test_without_confidant_home_it_is_in_the_config_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CONFIDANT_HOME")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert settings_path() == tmp_path / "config" / "confidant" / "window.ini"


def test_a_second_window_comes_back_at_the_size_the_first_was_left(
    qtbot: QtBot, lane: WorkerPool, profile_dir: Path
) -> None:
    first = MainWindow(lane)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    # Smaller than the offscreen screen (800x600), which a restored window is kept within.
    first.resize(640, 430)
    qtbot.waitUntil(lambda: first.size() == QSize(640, 430))
    first.close()

    path = settings_path()
    assert _keys(path) == {"MainWindow": ["geometry", "state"]}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

    second = MainWindow(lane)
    qtbot.addWidget(second)
    # Restored before it is shown, so it appears at that size at once.
    assert second.size() == QSize(640, 430)
    second.close()


def test_a_whole_session_writes_nothing_else_to_the_plain_settings(
    qtbot: QtBot, make_shell: ShellFactory, facade: object, profile_dir: Path
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)  # type: ignore[arg-type]
    send_chat(qtbot, shell, f"Remember {PLANTED} for me")
    for key, _label, _shortcut in PAGES[1:]:
        open_page(qtbot, shell, key)
    shell.quit()

    path = settings_path()
    assert _keys(path) == {"MainWindow": ["geometry", "state"]}
    raw = path.read_bytes()
    for private in (PLANTED.encode(), str(profile_dir).encode(), b"Remember"):
        assert private not in raw
    # Nothing else appeared beside the profile either.
    assert sorted(p.name for p in profile_dir.parent.iterdir()) == [
        "profile",
        "profile.window.ini",
    ]
