"""open_dialog, the one way a dialog is opened and cleaned up; close_open_dialogs."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from app.gui.ops.dialogs import close_open_dialogs, open_dialog
from tests.gui.shells import SLOW_MS


def test_a_dialog_is_deleted_once_closed_and_then_forgotten(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    forgotten: list[str] = []
    dialog = open_dialog(QDialog(owner), lambda: forgotten.append("gone"))
    assert dialog.isVisible()
    assert dialog.windowModality().name == "WindowModal"  # open(): no nested event loop
    dialog.reject()
    assert forgotten == []  # forgotten once destroyed, not before
    qtbot.waitUntil(lambda: forgotten == ["gone"], timeout=SLOW_MS)
    assert owner.findChildren(QDialog) == []


def test_forget_when_closed_runs_at_once(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    forgotten: list[str] = []
    dialog = open_dialog(
        QDialog(owner), lambda: forgotten.append("closed"), forget_when_closed=True
    )
    dialog.accept()
    assert forgotten == ["closed"]
    qtbot.waitUntil(lambda: owner.findChildren(QDialog) == [], timeout=SLOW_MS)


def test_a_non_modal_dialog_lets_the_window_be_used(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    owner.show()
    dialog = open_dialog(QDialog(owner), modal=False)
    assert dialog.isVisible()
    assert dialog.windowModality().name == "NonModal"


def test_close_open_dialogs_closes_every_one_on_show(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    shown = [open_dialog(QDialog(owner), modal=False) for _ in range(2)]
    close_open_dialogs(owner)
    assert not any(dialog.isVisible() for dialog in shown)
