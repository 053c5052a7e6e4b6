"""Helpers for driving a shell in GUI tests: waiting for dialogs and reading their text."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel
from pytestqt.qtbot import QtBot

from app.gui.application import Shell

#: Generous, because opening a store derives keys and talks to gnome-keyring.
SLOW_MS = 15_000

DialogT = TypeVar("DialogT", bound=QDialog)
ShellFactory = Callable[..., Shell]


def wait_for_dialog(qtbot: QtBot, shell: Shell, kind: type[DialogT]) -> DialogT:
    """Wait until the shell shows a dialog of ``kind``, and return it."""

    def shown() -> bool:
        dialog = shell.current_dialog
        return isinstance(dialog, kind) and dialog.isVisible()

    qtbot.waitUntil(shown, timeout=SLOW_MS)
    dialog = shell.current_dialog
    assert isinstance(dialog, kind)
    return dialog


def dialog_text(dialog: QDialog) -> str:
    """All the text of a dialog's labels, joined by newlines."""
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def button_texts(dialog: QDialog) -> list[str]:
    """The text of every button in a dialog, without mnemonics."""
    return [button.text().replace("&", "") for button in dialog.findChildren(QAbstractButton)]
