"""The first-run screen: shown on a fresh profile only, and nothing exists before Continue."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.service import Confidant
from app.gui.dialogs.first_run_dialog import FirstRunDialog
from tests.gui.shells import SLOW_MS, ShellFactory, dialog_text, wait_for_dialog


def test_a_fresh_profile_explains_what_is_kept(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant], profile_dir: Path
) -> None:
    shell = make_shell(facade)
    dialog = wait_for_dialog(qtbot, shell, FirstRunDialog)
    text = dialog_text(dialog).lower()
    for phrase in (
        "only your preferences are stored",
        "encrypted on this computer",
        "system keyring",
        "your conversations are not stored",
        "only if you agree",
        "nothing is sent anywhere",
    ):
        assert phrase in text
    assert dialog.continue_button.text() == "Continue"
    assert dialog.quit_button.text() == "Quit"
    assert not shell.window.chat.prompt.isEnabled()
    assert not profile_dir.exists(), "nothing may be created before the user continues"


def test_quit_on_the_first_run_screen_creates_nothing(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant], profile_dir: Path
) -> None:
    shell = make_shell(facade)
    dialog = wait_for_dialog(qtbot, shell, FirstRunDialog)
    with qtbot.waitSignal(shell.finished, timeout=SLOW_MS) as finished:
        qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)
    assert finished.args == [0]
    assert not shell.window.isVisible()
    assert not profile_dir.exists()


def test_an_existing_profile_opens_without_the_first_run_screen(
    qtbot: QtBot, make_shell: ShellFactory, service: Confidant
) -> None:
    service.close()
    shell = make_shell(lambda: Confidant(service.directory))
    with qtbot.waitSignal(shell.ready, timeout=SLOW_MS):
        pass
    assert shell.current_dialog is None
    assert shell.window.chat.prompt.isEnabled()
    assert shell.window.save_status_label.text() == "Not saved"
