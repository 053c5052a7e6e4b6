"""The My data controller on its own: a real dialog and DB lane, a fake facade.

No Shell and no profile: the controller asks ``service.prefs``, ``service.data``,
``service.child`` and ``service.consent``, so the fakes below (our own code standing in for
the core's domains) keep these tests about the controller: the dialog opens at once and is
filled from the lane, a deletion shows what went and says so, a failure is said in the dialog.
Deleting from a real encrypted store is tested end to end in tests/gui/test_data_erasure.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.core.childmode import ChildModeStatus
from app.core.domains.data import MyDataDeleted, StorageSummary, StoredClass
from app.core.errors import KnownError
from app.gui.controllers.my_data import MyDataController
from app.gui.workers import WorkerPool
from tests.gui.shells import SLOW_MS


@dataclass
class FakeData:
    """Counts what is stored; ``delete_my_data`` empties the conversations (or fails)."""

    conversations: int = 3
    failure: Exception | None = None
    deletions: int = 0

    def storage_summary(self) -> StorageSummary:
        rows = {"conversations": self.conversations, "messages": 4 * self.conversations}
        return StorageSummary(
            tuple(StoredClass(name, name.title(), count, 0) for name, count in rows.items()), 0
        )

    def delete_my_data(self) -> MyDataDeleted:
        if self.failure is not None:
            raise self.failure
        self.deletions += 1
        gone, self.conversations = self.conversations, 0
        return MyDataDeleted(conversations=gone, preferences=3)


@dataclass
class FakePrefs:
    values: dict[str, object] = field(
        default_factory=lambda: {"display_name": "Robin", "avatar": "fox", "voice": "default"}
    )

    def all(self) -> dict[str, object]:
        return dict(self.values)


@dataclass
class FakeChild:
    on: bool = False

    def status(self) -> ChildModeStatus:
        since = "2026-12-01T10:00:00+00:00" if self.on else None
        return ChildModeStatus(self.on, self.on, 0, None, since)


class FakeConsent:
    def consents(self) -> list[SimpleNamespace]:
        return [SimpleNamespace(scope=SimpleNamespace(value="research"), granted=True)]


@dataclass
class FakeFacade:
    """Only the domains My data uses."""

    data: FakeData = field(default_factory=FakeData)
    prefs: FakePrefs = field(default_factory=FakePrefs)
    child: FakeChild = field(default_factory=FakeChild)
    consent: FakeConsent = field(default_factory=FakeConsent)


@dataclass
class MyData:
    controller: MyDataController
    facade: FakeFacade
    errors: list[Exception]


@pytest.fixture
def my_data(qtbot: QtBot, lane: WorkerPool) -> MyData:
    window = QWidget()
    qtbot.addWidget(window)
    facade = FakeFacade()
    errors: list[Exception] = []
    controller = MyDataController(window, facade, lane, errors.append, window)  # type: ignore[arg-type]
    return MyData(controller, facade, errors)


def _opened(qtbot: QtBot, my_data: MyData) -> None:
    my_data.controller.open()
    dialog = my_data.controller.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: "Robin" in dialog.summary_text(), timeout=SLOW_MS)


def test_the_dialog_opens_at_once_and_lists_what_the_facade_says(
    qtbot: QtBot, my_data: MyData
) -> None:
    _opened(qtbot, my_data)
    dialog = my_data.controller.dialog
    assert dialog is not None
    text = dialog.summary_text()
    assert "Your nickname: Robin" in text
    assert "Messages kept: 12" in text
    assert "Sharing for research: on" in text
    assert "Child mode" not in text  # off: no row for it


# Bringing the open dialog forward calls raise(), which the offscreen platform only warns about.
@pytest.mark.qt_log_ignore(r"^This plugin does not support raise\(\)$")
def test_one_dialog_at_a_time_and_a_closed_one_is_forgotten(qtbot: QtBot, my_data: MyData) -> None:
    _opened(qtbot, my_data)
    first = my_data.controller.dialog
    my_data.controller.open()
    assert my_data.controller.dialog is first
    assert first is not None
    first.reject()
    assert my_data.controller.dialog is None


def test_a_deletion_says_what_went_lists_what_is_left_and_tells_the_shell(
    qtbot: QtBot, my_data: MyData
) -> None:
    _opened(qtbot, my_data)
    dialog = my_data.controller.dialog
    assert dialog is not None
    with qtbot.waitSignal(my_data.controller.changed, timeout=SLOW_MS):
        dialog.delete_button.click()
    assert my_data.facade.data.deletions == 1
    assert "deleted 3 kept conversation" in dialog.result_label.text()
    assert "Messages kept: 0" in dialog.summary_text()
    assert dialog.delete_button.isEnabled() and my_data.errors == []


def test_a_known_failure_is_said_in_the_dialog_and_nothing_else(
    qtbot: QtBot, my_data: MyData
) -> None:
    my_data.facade.data.failure = KnownError("The disk is full.")
    _opened(qtbot, my_data)
    dialog = my_data.controller.dialog
    assert dialog is not None
    with qtbot.assertNotEmitted(my_data.controller.changed):
        dialog.delete_button.click()
        qtbot.waitUntil(lambda: dialog.error_label.text() == "The disk is full.", timeout=SLOW_MS)
    assert my_data.errors == [] and dialog.delete_button.isEnabled()


def test_a_bug_is_said_in_the_dialog_and_reported(qtbot: QtBot, my_data: MyData) -> None:
    my_data.facade.data.failure = RuntimeError("a bug of ours")
    _opened(qtbot, my_data)
    dialog = my_data.controller.dialog
    assert dialog is not None
    dialog.delete_button.click()
    qtbot.waitUntil(lambda: len(my_data.errors) == 1, timeout=SLOW_MS)
    assert isinstance(my_data.errors[0], RuntimeError)
    assert dialog.error_label.text() == "Nothing was deleted (an internal error)."


def test_in_child_mode_the_summary_says_so_and_enter_deletes_nothing(
    qtbot: QtBot, my_data: MyData
) -> None:
    my_data.facade.child.on = True
    _opened(qtbot, my_data)
    dialog = my_data.controller.dialog
    assert dialog is not None
    text = dialog.summary_text()
    assert "(in child mode, chats are never kept)" in text
    assert "Child mode: on since" in text
    # Neither Delete nor Close is pre-selected: Enter does nothing at all.
    assert not dialog.delete_button.isDefault() and not dialog.delete_button.autoDefault()
    assert not dialog.close_button.isDefault() and not dialog.close_button.autoDefault()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.wait(100)
    assert dialog.isVisible() and not dialog.result_label.isVisible()
    assert my_data.facade.data.deletions == 0
