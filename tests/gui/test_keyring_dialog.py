"""No secure keyring: Quit is the default, and passphrase mode works only when chosen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.paths import DATABASE_NAME
from app.core.service import Confidant
from app.gui.application import Shell
from app.gui.dialogs.first_run_dialog import FirstRunDialog
from app.gui.dialogs.keyring_dialog import KeyringDialog
from app.gui.dialogs.passphrase_dialog import PassphraseDialog
from tests.gui.shells import SLOW_MS, ShellFactory, dialog_text, wait_for_dialog

PASSPHRASE = "correct horse battery staple"
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def null_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    """Select the null backend, which keeps nothing and must be refused."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")


def _keyring_dialog(qtbot: QtBot, shell: Shell) -> KeyringDialog:
    first_run = wait_for_dialog(qtbot, shell, FirstRunDialog)
    qtbot.mouseClick(first_run.continue_button, LEFT)
    return wait_for_dialog(qtbot, shell, KeyringDialog)


@pytest.mark.usefixtures("null_keyring")
def test_quit_is_the_default_and_creates_no_database(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant], profile_dir: Path
) -> None:
    shell = make_shell(facade)
    dialog = _keyring_dialog(qtbot, shell)
    assert "passphrase" in dialog_text(dialog).lower()
    assert dialog.quit_button.isDefault()
    assert not dialog.passphrase_button.isDefault()
    assert not dialog.passphrase_button.autoDefault()

    with qtbot.waitSignal(shell.finished, timeout=SLOW_MS) as finished:
        qtbot.mouseClick(dialog.quit_button, LEFT)
    assert finished.args == [0]
    assert not (profile_dir / DATABASE_NAME).exists()
    assert not profile_dir.exists()


@pytest.mark.usefixtures("null_keyring")
def test_enter_on_the_keyring_dialog_quits(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant], profile_dir: Path
) -> None:
    shell = make_shell(facade)
    dialog = _keyring_dialog(qtbot, shell)
    with qtbot.waitSignal(shell.finished, timeout=SLOW_MS):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not profile_dir.exists()


@pytest.mark.usefixtures("null_keyring")
def test_choosing_a_passphrase_creates_a_working_profile(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant], profile_dir: Path
) -> None:
    shell = make_shell(facade)
    qtbot.mouseClick(_keyring_dialog(qtbot, shell).passphrase_button, LEFT)
    dialog = wait_for_dialog(qtbot, shell, PassphraseDialog)
    assert dialog.creating

    qtbot.keyClicks(dialog.passphrase_edit, "short")
    qtbot.keyClicks(dialog.confirm_edit, "short")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert "at least 8 characters" in dialog.error_label.text()
    assert not profile_dir.exists()

    dialog.passphrase_edit.clear()
    dialog.confirm_edit.clear()
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    qtbot.keyClicks(dialog.confirm_edit, PASSPHRASE + "!")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert "different" in dialog.error_label.text()
    assert not profile_dir.exists()

    qtbot.keyClick(dialog.confirm_edit, Qt.Key.Key_Backspace)
    with qtbot.waitSignal(shell.ready, timeout=SLOW_MS):
        qtbot.mouseClick(dialog.ok_button, LEFT)
    assert shell.current_dialog is None

    window = shell.window
    qtbot.keyClicks(window.chat.prompt, "Is this thing on?")
    qtbot.mouseClick(window.chat.send_button, LEFT)
    qtbot.waitUntil(
        lambda: "local demo assistant" in window.chat.transcript.toPlainText(), timeout=SLOW_MS
    )
    assert window.save_status_label.text() == "Not saved"
    assert (profile_dir / DATABASE_NAME).exists()
    assert shell.service is not None and shell.service.key_mode == "passphrase"


@pytest.mark.usefixtures("null_keyring")
def test_a_wrong_passphrase_can_be_retyped(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    existing = facade()
    existing.open(PASSPHRASE)
    existing.close()

    shell = make_shell(facade)
    dialog = wait_for_dialog(qtbot, shell, PassphraseDialog)
    assert not dialog.creating
    assert not dialog.confirm_edit.isVisible()

    qtbot.keyClicks(dialog.passphrase_edit, "not the passphrase")
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=SLOW_MS)
    assert "wrong" in dialog.error_label.text()
    assert dialog.passphrase_edit.isEnabled()
    assert shell.current_dialog is dialog

    # The wrong passphrase is selected, so typing replaces it.
    with qtbot.waitSignal(shell.ready, timeout=SLOW_MS):
        qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
        qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    assert shell.window.chat.prompt.isEnabled()
