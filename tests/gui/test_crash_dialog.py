"""The crash dialog: a redacted report, copied only when asked, from every way a bug arrives."""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from app.core.crash_report import WITHHELD
from app.core.errors import BugError, DiskFull
from app.gui.crash_handler import CrashHandler
from app.gui.dialogs.crash_dialog import CrashDialog
from app.gui.workers import WorkerPool
from tests.gui.shells import SLOW_MS, click

EMAIL = "anna.kowalska@example.org"
NAME = "Anna Kowalska"
ACCOUNT = "akowalska"
SECRET = "my diary entry about the lighthouse"

HELPER = """
def read_diary(path, owner):
    diary_text = "{secret} by " + owner
    raise ValueError("cannot parse " + path + " for " + owner + ": " + diary_text)
"""


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder named after a planted user, and that user as the account."""
    folder = tmp_path / "home" / ACCOUNT
    folder.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("USER", ACCOUNT)
    monkeypatch.setenv("LOGNAME", ACCOUNT)
    return folder


def _planted(home: Path) -> tuple[str, ...]:
    return (EMAIL, NAME, "Kowalska", ACCOUNT, str(home), SECRET, "lighthouse")


def _raise_from_the_home_folder(home: Path) -> BaseException:
    """Run code that lives in the user's home and raises with private text in its message."""
    script = home / "scripts" / f"{ACCOUNT}_diary.py"
    script.parent.mkdir()
    script.write_text(HELPER.replace("{secret}", SECRET))
    spec = importlib.util.spec_from_file_location("planted_diary", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    try:
        module.read_diary(str(home / "Documents" / f"{ACCOUNT}.txt"), f"{NAME} <{EMAIL}>")
    except ValueError as exc:
        return exc
    raise AssertionError("nothing was raised")


def _shown_text(dialog: CrashDialog) -> str:
    labels = "\n".join(label.text() for label in dialog.findChildren(QLabel))
    return f"{dialog.windowTitle()}\n{labels}\n{dialog.report_view.toPlainText()}"


def test_the_report_leaves_out_every_planted_detail_and_copies_on_request(
    qtbot: QtBot, home: Path
) -> None:
    error = _raise_from_the_home_folder(home)
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("before")
    dialog = CrashDialog(error, where="the main (GUI) thread")
    qtbot.addWidget(dialog)
    dialog.show()
    shown = _shown_text(dialog)
    for planted in _planted(home):
        assert planted not in shown, planted
    assert f"ValueError: {WITHHELD}" in shown
    assert 'File "<elsewhere>/<user>_diary.py", line 4, in read_diary' in shown
    assert 'File "tests/gui/test_crash_dialog.py"' in shown
    assert "Nothing has been sent" in shown
    # Nothing reaches the clipboard until the user asks.
    assert clipboard.text() == "before"
    click(qtbot, dialog.copy_button)
    assert clipboard.text() == dialog.report == dialog.report_view.toPlainText()
    assert "Confidant crash report" in clipboard.text()
    assert dialog.copied_label.text()
    for planted in _planted(home):
        assert planted not in clipboard.text()


@pytest.fixture
def handler(qapp: QApplication) -> Iterator[CrashHandler]:
    crash = CrashHandler()
    crash.install()
    yield crash
    crash.uninstall()
    if crash.dialog is not None:
        crash.dialog.close()
    crash.deleteLater()


def _dialog_from(qtbot: QtBot, handler: CrashHandler, trigger: object) -> CrashDialog:
    with qtbot.waitSignal(handler.dialogShown, timeout=SLOW_MS) as shown:
        trigger()  # type: ignore[operator]
    dialog = shown.args[0]
    assert isinstance(dialog, CrashDialog) and dialog.isVisible()
    return dialog


def test_an_exception_escaping_a_slot_opens_the_dialog(qtbot: QtBot, handler: CrashHandler) -> None:
    def slot() -> None:
        raise RuntimeError(SECRET)

    dialog = _dialog_from(qtbot, handler, lambda: QTimer.singleShot(0, slot))
    assert "RuntimeError" in dialog.report and SECRET not in dialog.report
    assert "Where: the main (GUI) thread" in dialog.report
    dialog.close()


def test_an_exception_ending_a_thread_opens_the_dialog(qtbot: QtBot, handler: CrashHandler) -> None:
    def work() -> None:
        raise KeyError(SECRET)

    thread = threading.Thread(target=work, name="planted-worker")

    def run() -> None:
        thread.start()
        thread.join()

    dialog = _dialog_from(qtbot, handler, run)
    assert "Where: thread planted-worker" in dialog.report
    assert "KeyError" in dialog.report and SECRET not in dialog.report
    # A second crash while the first report is open adds no second dialog.
    handler.thread_excepthook(
        threading.ExceptHookArgs((KeyError, KeyError("again"), None, thread))  # type: ignore[call-arg]
    )
    qtbot.waitUntil(lambda: handler.dialog is dialog, timeout=SLOW_MS)
    assert len([w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog)]) == 1
    dialog.close()


def test_an_unhandled_bug_in_a_job_opens_the_dialog(
    qtbot: QtBot, handler: CrashHandler, lane: WorkerPool
) -> None:
    def buggy() -> None:
        raise BugError(f"Unknown conversation {EMAIL}.")

    dialog = _dialog_from(qtbot, handler, lambda: lane.submit(buggy))
    assert "Where: a job on the db-lane" in dialog.report
    assert "app.core.errors.BugError: Unknown conversation [EMAIL]." in dialog.report
    dialog.close()


def test_a_handled_or_known_failure_opens_nothing(
    qtbot: QtBot, handler: CrashHandler, lane: WorkerPool
) -> None:
    def full() -> None:
        raise DiskFull("The disk is full.")

    def buggy() -> None:
        raise RuntimeError(SECRET)

    handled: list[object] = []
    lane.submit(full)
    lane.submit(buggy, on_error=handled.append)
    qtbot.waitUntil(lambda: lane.pending == 0 and bool(handled), timeout=SLOW_MS)
    QApplication.processEvents()
    assert handler.dialog is None
