"""The child-mode badge on every window and dialog the app can open, and only in child mode."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from pytestqt.qtbot import QtBot

from app.core.display_hints import hints_path, read_hints
from app.core.errors import KnownError
from app.core.service import Confidant
from app.gui.child_indicator import ChildModeIndicator
from app.gui.dialogs.export_dialog import ExportDialog
from app.gui.dialogs.import_dialog import ImportDialog
from app.gui.dialogs.known_error_dialog import KnownErrorDialog
from app.gui.dialogs.passphrase_dialog import PassphraseDialog
from app.gui.pages import PREFERENCES_PAGE
from app.gui.views.preferences_page import PreferencesPage
from app.gui.widgets.child_badge import badge_of
from tests.gui.child_profiles import (
    PASSPHRASE,
    PIN,
    assert_badged,
    make_child_profile,
    shown_badge,
)
from tests.gui.dialog_catalog import CATALOG, all_entries, discovered_dialogs
from tests.gui.shells import SLOW_MS, ShellFactory, ask, open_page, ready_shell, settle

NATIVE = Qt.ApplicationAttribute.AA_DontUseNativeDialogs


@pytest.fixture
def child_facade(profile_dir: Path) -> Callable[[], Confidant]:
    """A factory for the facade on a profile a guardian put in child mode."""
    make_child_profile(profile_dir)
    return lambda: Confidant(profile_dir)


def _open(qtbot: QtBot, dialog: QDialog) -> QDialog:
    dialog.open()
    qtbot.waitUntil(dialog.isVisible, timeout=SLOW_MS)
    QApplication.sendPostedEvents()
    return dialog


def _close(dialog: QDialog) -> None:
    dialog.done(QDialog.DialogCode.Rejected)
    dialog.deleteLater()


def test_every_dialog_class_is_catalogued() -> None:
    missing = {cls.__name__ for cls in discovered_dialogs() - set(CATALOG)}
    gone = {cls.__name__ for cls in set(CATALOG) - discovered_dialogs()}
    assert not missing, f"add these dialogs to tests/gui/dialog_catalog.py: {sorted(missing)}"
    assert not gone, f"remove these from tests/gui/dialog_catalog.py: {sorted(gone)}"


def test_the_badge_is_on_every_window_and_dialog_in_child_mode(
    qtbot: QtBot, make_shell: ShellFactory, child_facade: Callable[[], Confidant], tmp_path: Path
) -> None:
    shell = ready_shell(qtbot, make_shell, child_facade)
    window = shell.window
    qtbot.waitUntil(lambda: shown_badge(window) is not None, timeout=SLOW_MS)
    assert_badged(window)
    assert window.child_mode and window.my_data_action.isVisible()
    assert QCoreApplication.testAttribute(NATIVE), "native dialogs cannot carry the badge"

    opened = []
    for name, entry in all_entries():
        dialog = _open(qtbot, entry.build(window, tmp_path))
        try:
            assert_badged(dialog)
        except AssertionError as exc:
            raise AssertionError(f"{name}: {exc}") from exc
        finally:
            _close(dialog)
        opened.append(name)
    assert len(opened) >= len(CATALOG)

    # Qt's own message box, as any part of the app might open one.
    box = QMessageBox(
        QMessageBox.Icon.Question, "Confidant", "A question?", QMessageBox.StandardButton.Ok, window
    )
    _open(qtbot, box)
    assert_badged(box)
    _close(box)


def test_the_dialogs_the_app_opens_itself_carry_the_badge(
    qtbot: QtBot, make_shell: ShellFactory, child_facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, child_facade)
    window = shell.window
    qtbot.waitUntil(lambda: shown_badge(window) is not None, timeout=SLOW_MS)

    # An error, as the window reports one.
    window.show_error(KnownError("The disk is full.", hint="Free some space."))
    error = window.error_dialog
    assert isinstance(error, KnownErrorDialog)
    qtbot.waitUntil(error.isVisible, timeout=SLOW_MS)
    assert_badged(error)
    _close(error)

    # The Data menu's dialogs, and the file dialogs behind their "Choose…" buttons.
    data = window.data
    assert data is not None
    for which, kind in (("export", ExportDialog), ("import", ImportDialog)):
        data.open(which)
        qtbot.waitUntil(
            lambda: data.dialog is not None and data.dialog.isVisible(), timeout=SLOW_MS
        )
        dialog = data.dialog
        assert isinstance(dialog, kind)
        assert_badged(dialog)
        seen = _badges_of_the_next_file_dialog(lambda d=dialog: d.browse_button.click())
        assert seen == [True], which
        _close(dialog)
        settle(qtbot, shell)
    for which in ("delete", "forget"):
        data.open(which)
        qtbot.waitUntil(
            lambda: data.dialog is not None and data.dialog.isVisible(), timeout=SLOW_MS
        )
        assert data.dialog is not None
        assert_badged(data.dialog)
        _close(data.dialog)
        settle(qtbot, shell)

    # The avatar picker cannot open in child mode: only the built-in pictures can be chosen.
    page = open_page(qtbot, shell, PREFERENCES_PAGE)
    assert isinstance(page, PreferencesPage)
    qtbot.waitUntil(lambda: page.choose_image_button.toolTip() != "", timeout=SLOW_MS)
    assert not page.choose_image_button.isEnabled()


def _badges_of_the_next_file_dialog(trigger: Callable[[], object]) -> list[bool]:
    """Run ``trigger``, which opens a file dialog in a nested loop; note its badge, close it."""
    seen: list[bool] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog) and dialog.isVisible():
            try:
                assert_badged(dialog)
                seen.append(True)
            except AssertionError:
                seen.append(False)
            dialog.reject()
        else:
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)
    trigger()
    return seen


def test_the_unlock_prompt_shows_the_badge_before_the_store_is_open(
    qtbot: QtBot, make_shell: ShellFactory, profile_dir: Path
) -> None:
    make_child_profile(profile_dir, passphrase=PASSPHRASE)
    assert read_hints(profile_dir).child_mode
    shell = make_shell(lambda: Confidant(profile_dir))
    qtbot.waitUntil(lambda: isinstance(shell.current_dialog, PassphraseDialog), timeout=SLOW_MS)
    dialog = shell.current_dialog
    assert isinstance(dialog, PassphraseDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=SLOW_MS)
    assert shell.service is not None and not shell.service.is_open
    assert_badged(dialog)
    assert_badged(shell.window)

    with qtbot.waitSignal(shell.ready, timeout=SLOW_MS):
        qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
        qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    settle(qtbot, shell)
    assert shell.window.child_mode
    assert_badged(shell.window)


def test_the_unlock_prompt_reads_the_hint_of_the_profile_being_opened(
    qtbot: QtBot,
    make_shell: ShellFactory,
    profile_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_child_profile(profile_dir, passphrase=PASSPHRASE)
    # The default profile folder is another one: the hint must come from the profile opened.
    monkeypatch.setenv("CONFIDANT_HOME", str(tmp_path / "some-other-profile"))
    shell = make_shell(lambda: Confidant(profile_dir))
    qtbot.waitUntil(lambda: isinstance(shell.current_dialog, PassphraseDialog), timeout=SLOW_MS)
    dialog = shell.current_dialog
    assert isinstance(dialog, PassphraseDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=SLOW_MS)
    assert shell.service is not None and not shell.service.is_open
    assert_badged(dialog)


def test_without_the_hint_the_unlock_prompt_has_no_badge_until_the_store_says(
    qtbot: QtBot, make_shell: ShellFactory, profile_dir: Path
) -> None:
    make_child_profile(profile_dir, passphrase=PASSPHRASE)
    hints_path(profile_dir).unlink()  # a curious child removed it
    shell = make_shell(lambda: Confidant(profile_dir))
    qtbot.waitUntil(lambda: isinstance(shell.current_dialog, PassphraseDialog), timeout=SLOW_MS)
    dialog = shell.current_dialog
    assert isinstance(dialog, PassphraseDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=SLOW_MS)
    assert shown_badge(dialog) is None
    assert shell.window.child_indicator.enabled is False

    with qtbot.waitSignal(shell.ready, timeout=SLOW_MS):
        qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
        qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    # The store is the authority: the badge comes back, and so does the hint.
    qtbot.waitUntil(lambda: shown_badge(shell.window) is not None, timeout=SLOW_MS)
    assert_badged(shell.window)
    assert read_hints(profile_dir).child_mode


def test_the_badges_follow_child_mode_going_off_and_on(
    qtbot: QtBot, make_shell: ShellFactory, child_facade: Callable[[], Confidant], tmp_path: Path
) -> None:
    shell = ready_shell(qtbot, make_shell, child_facade)
    window = shell.window
    qtbot.waitUntil(lambda: shown_badge(window) is not None, timeout=SLOW_MS)
    dialog = _open(qtbot, CATALOG[ImportDialog][0].build(window, tmp_path))
    assert_badged(dialog)

    ask(qtbot, shell, lambda service: service.child.disable(PIN))
    with qtbot.waitSignal(window.childModeChanged, timeout=SLOW_MS) as changed:
        window.refresh_child_mode()
    assert changed.args == [False]
    assert shown_badge(window) is None and shown_badge(dialog) is None
    assert not window.my_data_action.isVisible()
    assert not QCoreApplication.testAttribute(NATIVE)
    other = _open(qtbot, CATALOG[ExportDialog][0].build(window, tmp_path))
    assert badge_of(other) is None
    _close(other)

    ask(qtbot, shell, lambda service: service.child.enable(PIN))
    with qtbot.waitSignal(window.childModeChanged, timeout=SLOW_MS) as changed:
        window.refresh_child_mode()
    assert changed.args == [True]
    assert_badged(window)
    assert_badged(dialog)
    assert window.my_data_action.isVisible()
    _close(dialog)


def test_no_badge_anywhere_without_child_mode(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant], tmp_path: Path
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    window = shell.window
    qtbot.waitUntil(lambda: window.child_indicator.enabled is False, timeout=SLOW_MS)
    assert badge_of(window) is None
    assert not window.my_data_action.isVisible()
    for _name, entry in all_entries():
        dialog = _open(qtbot, entry.build(window, tmp_path))
        assert badge_of(dialog) is None
        _close(dialog)


# --- every kind of dialog Qt or a helper might build ----------------------------------------


class _Built(QObject):
    """Owns what one test builds, so it all goes at the end."""


@pytest.fixture
def indicator(qtbot: QtBot, tmp_path: Path) -> Iterator[ChildModeIndicator]:
    """An indicator on the application with child mode on, and no profile around it."""
    shown = ChildModeIndicator(hint_dir=lambda: tmp_path)
    shown.set_enabled(True)
    yield shown
    shown.set_enabled(False)
    shown.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _without_layout() -> QDialog:
    dialog = QDialog()
    label = QLabel("Placed by hand, at the very top", dialog)
    label.move(10, 4)
    button = QPushButton("OK", dialog)
    button.move(10, 30)
    dialog.resize(260, 70)
    return dialog


def _with(layout_kind: type, fill: Callable[[QDialog, object], None]) -> QDialog:
    dialog = QDialog()
    fill(dialog, layout_kind(dialog))
    return dialog


def _form(dialog: QDialog, layout: object) -> None:
    assert isinstance(layout, QFormLayout)
    layout.addRow("Name:", QLineEdit(dialog))
    layout.addRow(QPushButton("OK", dialog))


def _row(dialog: QDialog, layout: object) -> None:
    assert isinstance(layout, QHBoxLayout)
    layout.addWidget(QLabel("Left to right", dialog))
    layout.addWidget(QPushButton("OK", dialog))


def _stacked(dialog: QDialog, layout: object) -> None:
    assert isinstance(layout, QStackedLayout)
    page = QWidget(dialog)
    column = QVBoxLayout(page)
    column.addWidget(QLabel("A page of a stack", page))
    column.addWidget(QPushButton("OK", page))
    layout.addWidget(page)


def _wizard() -> QDialog:
    wizard = QWizard()
    page = QWizardPage()
    page.setTitle("Set up child mode")
    QVBoxLayout(page).addWidget(QLabel("Choose a PIN of at least six digits."))
    wizard.addPage(page)
    return wizard


def _message_box() -> QDialog:
    box = QMessageBox()
    box.setText("Something happened.")
    box.setInformativeText("And here is more about it.")
    return box


def _input_dialog() -> QDialog:
    dialog = QInputDialog()
    dialog.setLabelText("Your nickname:")
    return dialog


@pytest.mark.parametrize(
    "build",
    [
        _message_box,
        _input_dialog,
        lambda: QFileDialog(None, "Choose a file"),
        lambda: QProgressDialog("Working on it", "Cancel", 0, 10),
        _wizard,
        _without_layout,
        lambda: _with(QFormLayout, _form),
        lambda: _with(QHBoxLayout, _row),
        lambda: _with(QStackedLayout, _stacked),
    ],
    ids=[
        "message box",
        "input dialog",
        "file dialog",
        "progress dialog",
        "wizard",
        "no layout",
        "form layout",
        "row layout",
        "stacked layout",
    ],
)
def test_any_dialog_gets_the_badge_and_keeps_its_contents_clear(
    qtbot: QtBot, indicator: ChildModeIndicator, build: Callable[[], QDialog]
) -> None:
    dialog = build()
    qtbot.addWidget(dialog)
    _open(qtbot, dialog)
    # Some dialogs place their children again after each resize: wait for the badge's turn.
    qtbot.waitUntil(lambda: shown_badge(dialog) is not None, timeout=SLOW_MS)
    QApplication.sendPostedEvents()
    qtbot.waitUntil(lambda: _clear(dialog), timeout=SLOW_MS)
    assert_badged(dialog)

    indicator.set_enabled(False)
    assert shown_badge(dialog) is None
    indicator.set_enabled(True)
    qtbot.waitUntil(lambda: _clear(dialog), timeout=SLOW_MS)
    assert_badged(dialog)
    dialog.close()


def _clear(dialog: QDialog) -> bool:
    try:
        assert_badged(dialog)
    except AssertionError:
        return False
    return True


def test_the_app_lock_screens_show_the_badge(
    qtbot: QtBot, make_shell: ShellFactory, profile_dir: Path
) -> None:
    from tests.gui.test_app_lock import PASSPHRASE as LOCK_PASSPHRASE
    from tests.gui.test_app_lock import _set_idle, _unlock_at_start, _wait_locked

    make_child_profile(profile_dir, before=lambda s: s.lock.enable(LOCK_PASSPHRASE))
    shell = make_shell(lambda: Confidant(profile_dir), start=False)
    shell.idle_ms = 10 * 60_000
    shell.start()
    # The start-up prompt, before the store can be read: the hint shows the badge.
    qtbot.waitUntil(lambda: isinstance(shell.current_dialog, PassphraseDialog), timeout=SLOW_MS)
    prompt = shell.current_dialog
    assert prompt is not None
    qtbot.waitUntil(prompt.isVisible, timeout=SLOW_MS)
    assert_badged(prompt)
    shell.quit()

    shell = _unlock_at_start(qtbot, make_shell, lambda: Confidant(profile_dir))
    qtbot.waitUntil(lambda: shell.window.child_mode, timeout=SLOW_MS)
    _set_idle(shell, 50)
    screen = _wait_locked(qtbot, shell)
    assert screen.isVisible()
    assert_badged(shell.window)  # the lock screen is the window's: its badge stays on it
