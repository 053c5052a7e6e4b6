"""The Data controller on its own: its real menu, dialogs and DB lane, a fake facade.

No Shell and no profile: the paths below need only ``key_mode``, ``rotate_key``,
``directory``, ``is_open`` and ``service.data``, so ``FakeFacade`` (our own code standing in
for the core's facade) keeps these tests about the controller: one Data dialog at a time, a
new key confirmed before it starts, a failure said in the dialog (a bug reported as well),
and a forget-me that failed after closing the store stops every further use of it. Export,
import, deletion and erasure of a real encrypted store are tested end to end in
tests/gui/test_data_export.py, test_data_import.py and test_data_erasure.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.core.domains.data import StorageSummary, StoredClass
from app.core.errors import DiskFull, KnownError
from app.gui.controllers.data import DataController
from app.gui.dialogs.forget_me_dialog import ForgetMeDialog
from app.gui.dialogs.rekey_dialog import RekeyDialog
from app.gui.widgets.data_menu import DataMenu
from app.gui.workers import WorkerPool
from tests.gui.shells import SLOW_MS


@dataclass
class FakeData:
    """What is stored, and a forget-me that fails (the store already closed, or not)."""

    forget_failure: Exception | None = None
    close_before_failing: bool = False
    owner: FakeFacade | None = None

    def storage_summary(self) -> StorageSummary:
        return StorageSummary(
            (
                StoredClass("conversations", "Conversations", 2, 0),
                StoredClass("messages", "Messages", 9, 0),
            ),
            0,
        )

    def forget_me(self) -> object:
        if self.close_before_failing and self.owner is not None:
            self.owner.is_open = False
        raise self.forget_failure or RuntimeError("not expected in these tests")


@dataclass
class FakeFacade:
    """Only what the rekey and forget-me paths ask."""

    directory: Path = Path("/profiles/robin")
    key_mode: str = "passphrase"
    is_open: bool = True
    rekey_failure: Exception | None = None
    rotations: int = 0
    data: FakeData = field(default_factory=FakeData)

    def rotate_key(self) -> None:
        if self.rekey_failure is not None:
            raise self.rekey_failure
        self.rotations += 1


@dataclass
class Data:
    controller: DataController
    menu: DataMenu
    facade: FakeFacade
    errors: list[Exception]


@pytest.fixture
def data(qtbot: QtBot, lane: WorkerPool) -> Data:
    window = QWidget()
    qtbot.addWidget(window)
    menu = DataMenu(window)
    facade = FakeFacade()
    facade.data.owner = facade
    errors: list[Exception] = []
    controller = DataController(menu, window, facade, lane, errors.append, window)  # type: ignore[arg-type]
    return Data(controller, menu, facade, errors)


def _rekey_dialog(qtbot: QtBot, data: Data) -> RekeyDialog:
    data.menu.rekey_action.trigger()
    qtbot.waitUntil(lambda: isinstance(data.controller.dialog, RekeyDialog), timeout=SLOW_MS)
    dialog = data.controller.dialog
    assert isinstance(dialog, RekeyDialog) and dialog.isVisible()
    return dialog


def test_a_new_key_starts_only_when_confirmed_and_says_when_done(qtbot: QtBot, data: Data) -> None:
    dialog = _rekey_dialog(qtbot, data)
    explanation = dialog.findChild(QWidget, "rekeyExplanation")
    assert "protected by your passphrase" in explanation.text()  # type: ignore[union-attr]
    assert data.facade.rotations == 0
    with qtbot.waitSignal(data.controller.changed, timeout=SLOW_MS):
        dialog.change_button.click()
    assert data.facade.rotations == 1
    assert dialog.status_label.text().startswith("Done.")
    assert not dialog.change_button.isVisible() and data.errors == []


def test_one_data_dialog_at_a_time(qtbot: QtBot, data: Data) -> None:
    dialog = _rekey_dialog(qtbot, data)
    data.menu.forget_action.trigger()
    qtbot.wait(100)
    assert data.controller.dialog is dialog
    dialog.reject()
    assert data.controller.dialog is None


def test_a_known_failure_to_change_the_key_is_said_in_the_dialog(qtbot: QtBot, data: Data) -> None:
    data.facade.rekey_failure = DiskFull("The disk is full.")
    dialog = _rekey_dialog(qtbot, data)
    with qtbot.assertNotEmitted(data.controller.changed):
        dialog.change_button.click()
        qtbot.waitUntil(lambda: dialog.error_label.text() == "The disk is full.", timeout=SLOW_MS)
    assert data.errors == [] and dialog.change_button.isEnabled()


def test_a_bug_while_changing_the_key_is_said_and_reported(qtbot: QtBot, data: Data) -> None:
    data.facade.rekey_failure = RuntimeError("a bug of ours")
    dialog = _rekey_dialog(qtbot, data)
    dialog.change_button.click()
    qtbot.waitUntil(lambda: len(data.errors) == 1, timeout=SLOW_MS)
    assert isinstance(data.errors[0], RuntimeError)
    assert dialog.error_label.text().startswith("Changing the key did not finish.")


def _forget_dialog(qtbot: QtBot, data: Data) -> ForgetMeDialog:
    data.menu.forget_action.trigger()
    qtbot.waitUntil(lambda: isinstance(data.controller.dialog, ForgetMeDialog), timeout=SLOW_MS)
    dialog = data.controller.dialog
    assert isinstance(dialog, ForgetMeDialog)
    return dialog


def _confirm(dialog: ForgetMeDialog) -> None:
    dialog.confirm_edit.setText(dialog.confirm_word)
    dialog.forget_button.click()


def test_forget_me_names_the_folder_and_what_is_stored(qtbot: QtBot, data: Data) -> None:
    dialog = _forget_dialog(qtbot, data)
    assert dialog.findChild(QWidget, "forgetProfileDir").text() == str(data.facade.directory)  # type: ignore[union-attr]
    stored = dialog.findChild(QWidget, "forgetStored").text()  # type: ignore[union-attr]
    assert stored.startswith("Stored now: 2 conversation") and "9 message" in stored


def test_a_forget_me_that_failed_with_the_store_open_leaves_it_usable(
    qtbot: QtBot, data: Data
) -> None:
    data.facade.data.forget_failure = KnownError("The collector did not answer.")
    dialog = _forget_dialog(qtbot, data)
    with qtbot.assertNotEmitted(data.controller.profileErased):
        _confirm(dialog)
        qtbot.waitUntil(
            lambda: dialog.error_label.text() == "The collector did not answer.", timeout=SLOW_MS
        )
    assert data.menu.isEnabled() and data.errors == []


def test_a_forget_me_that_failed_after_closing_the_store_stops_its_use(
    qtbot: QtBot, data: Data
) -> None:
    data.facade.data.forget_failure = KnownError("The profile folder could not be removed.")
    data.facade.data.close_before_failing = True
    dialog = _forget_dialog(qtbot, data)
    with qtbot.waitSignal(data.controller.profileErased, timeout=SLOW_MS) as erased:
        _confirm(dialog)
    assert erased.args == ["Your profile was erased. Start Confidant again for a fresh one."]
    assert dialog.error_label.text() == "The profile folder could not be removed."
    assert not data.menu.isEnabled()
    dialog.reject()
    data.menu.rekey_action.trigger()  # the menu is off; even a stray trigger opens nothing
    qtbot.wait(100)
    assert data.controller.dialog is None
