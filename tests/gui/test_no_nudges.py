"""No nudges: no dialog opens with a less private choice pre-selected, in child mode or not."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QPushButton, QRadioButton
from pytestqt.qtbot import QtBot

from app.core.service import Confidant
from app.gui.dialogs.export_dialog import ExportDialog
from tests.gui.child_profiles import make_child_profile, shown_badge
from tests.gui.dialog_catalog import CATALOG, Entry, all_entries
from tests.gui.shells import SLOW_MS, ShellFactory, ready_shell


def enter_target(dialog: QDialog) -> QPushButton | None:
    """The button Enter would press now, by QDialog's and QPushButton's own rules."""
    focused = dialog.focusWidget()
    if isinstance(focused, QPushButton) and (focused.autoDefault() or focused.isDefault()):
        return focused if focused.isVisible() and focused.isEnabled() else None
    for button in dialog.findChildren(QPushButton):
        if button.window() is dialog and button.isDefault() and button.isVisible():
            return button if button.isEnabled() else None
    return None


def nudges(dialog: QDialog, less_private: frozenset[str]) -> list[str]:
    """Every way ``dialog`` leans towards keeping or sharing more, as it opens."""
    found = []
    for button in dialog.findChildren(QAbstractButton):
        if button.window() is not dialog or not button.isVisible():
            continue
        name = button.objectName() or button.text()
        if button.isCheckable() and not isinstance(button, QRadioButton) and button.isChecked():
            found.append(f"{name} is ticked")
        if button.isChecked() and name in less_private:
            found.append(f"{name} is selected")
        if isinstance(button, QPushButton) and name in less_private and button.isDefault():
            found.append(f"{name} is the default button")
        if name in less_private and button.hasFocus():
            found.append(f"{name} has the focus")
    target = enter_target(dialog)
    if target is not None and target.objectName() in less_private:
        found.append(f"Enter presses {target.objectName()}")
    return found


def test_every_less_private_choice_names_a_real_button(tmp_path: Path, qtbot: QtBot) -> None:
    for name, entry in all_entries():
        dialog = entry.build(None, tmp_path)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)
        names = {button.objectName() for button in dialog.findChildren(QAbstractButton)}
        assert entry.less_private <= names, f"{name}: {sorted(entry.less_private - names)}"


@pytest.mark.parametrize(("name", "entry"), all_entries(), ids=[n for n, _e in all_entries()])
def test_no_dialog_pre_selects_a_less_private_choice_in_child_mode(
    qtbot: QtBot,
    make_shell: ShellFactory,
    profile_dir: Path,
    tmp_path: Path,
    name: str,
    entry: Entry,
) -> None:
    make_child_profile(profile_dir)
    shell = ready_shell(qtbot, make_shell, lambda: Confidant(profile_dir))
    qtbot.waitUntil(lambda: shown_badge(shell.window) is not None, timeout=SLOW_MS)
    dialog = entry.build(shell.window, tmp_path)
    dialog.open()
    qtbot.waitUntil(dialog.isVisible, timeout=SLOW_MS)
    QApplication.processEvents()  # focus and the automatic default button settle once shown
    assert shown_badge(dialog) is not None
    assert nudges(dialog, entry.less_private) == [], name
    dialog.done(QDialog.DialogCode.Rejected)
    dialog.deleteLater()


def test_the_checks_catch_a_nudge(qtbot: QtBot, tmp_path: Path) -> None:
    """The checks above can fail: a dialog that does nudge is caught every way it does."""
    (entry,) = CATALOG[ExportDialog]
    dialog = entry.build(None, tmp_path)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    assert isinstance(dialog, ExportDialog)
    dialog.export_button.setAutoDefault(True)
    dialog.export_button.setDefault(True)
    dialog.open()
    qtbot.waitUntil(dialog.isVisible, timeout=SLOW_MS)
    dialog.export_button.setFocus()
    QApplication.processEvents()
    found = nudges(dialog, entry.less_private)
    assert "exportButton is the default button" in found
    assert "Enter presses exportButton" in found
    assert "exportButton has the focus" in found
    dialog.close()


def test_an_encrypted_export_may_be_the_default(qtbot: QtBot, tmp_path: Path) -> None:
    """Once a passphrase is typed, Export (now encrypted) may take Enter: the user chose."""
    (entry,) = CATALOG[ExportDialog]
    dialog = entry.build(None, tmp_path)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    assert isinstance(dialog, ExportDialog)
    dialog.open()
    qtbot.waitUntil(dialog.isVisible, timeout=SLOW_MS)
    assert enter_target(dialog) is not dialog.export_button
    qtbot.keyClicks(dialog.passphrase_edit, "a long enough passphrase")
    qtbot.keyClicks(dialog.confirm_edit, "a long enough passphrase")
    assert dialog.export_button.isDefault()
    dialog.passphrase_edit.clear()
    assert not dialog.export_button.isDefault()
    dialog.close()
