"""The guardian's gate on its own: a real PIN dialog and real lanes, a fake facade.

No Shell and no profile: the gate needs only ``service.child`` (the PIN check and its lockout)
and the change it guards, so ``FakeChild`` below (our own code standing in for the core's child
domain, which refuses a guarded change until a session is open) keeps these tests about the
gate: it asks only when refused, Cancel changes nothing, a wrong PIN is said in the dialog, the
change is retried once, and a connection test stays on the I/O pool. The core's own PIN rules
are tested in tests/core; every page's guarded change end to end in tests/gui/test_guardian_pin.py.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.core.childmode import ChildModeStatus, GuardianRequired, WrongPin
from app.core.errors import KnownError
from app.gui.controllers.guardian import GuardianGate
from app.gui.dialogs.pin_dialog import PinDialog
from app.gui.workers import WorkerPool, db_lane, io_pool
from tests.gui.shells import SLOW_MS

PIN = "tulip-472"


@dataclass
class FakeChild:
    """Child mode on; ``authorize_guardian`` opens a session for the right PIN."""

    session: bool = False
    checked_on: list[int] = field(default_factory=list)

    def status(self) -> ChildModeStatus:
        return ChildModeStatus(True, True, 0, None, "2026-12-01T10:00:00+00:00")

    def authorize_guardian(self, pin: str) -> None:
        self.checked_on.append(threading.get_ident())
        if pin != PIN:
            raise WrongPin("That PIN is not right.")
        self.session = True


@dataclass
class FakeFacade:
    """The child domain, and what the guarded change did."""

    child: FakeChild = field(default_factory=FakeChild)
    changes: list[str] = field(default_factory=list)
    ran_on: list[int] = field(default_factory=list)
    failure: Exception | None = None


def change(service: FakeFacade, value: str) -> str:
    """A guarded change: refused in child mode until the guardian's session is open."""
    service.ran_on.append(threading.get_ident())
    if service.failure is not None:
        raise service.failure
    if not service.child.session:
        raise GuardianRequired("Changing this needs the guardian's PIN.")
    service.changes.append(value)
    return f"saved {value}"


@pytest.fixture
def lanes() -> Iterator[tuple[WorkerPool, WorkerPool]]:
    lane, pool = db_lane(), io_pool()
    yield lane, pool
    lane.shutdown()
    pool.shutdown()


@dataclass
class Gate:
    gate: GuardianGate
    facade: FakeFacade
    results: list[object] = field(default_factory=list)
    failures: list[object] = field(default_factory=list)
    cancelled: list[bool] = field(default_factory=list)
    reported: list[Exception] = field(default_factory=list)

    def run(self, value: str, *, network: bool = False) -> None:
        self.gate.run(
            change,
            value,
            on_result=self.results.append,
            on_error=self.failures.append,
            on_cancel=lambda: self.cancelled.append(True),
            network=network,
        )


@pytest.fixture
def gate(qtbot: QtBot, lanes: tuple[WorkerPool, WorkerPool]) -> Gate:
    window = QWidget()
    qtbot.addWidget(window)
    facade = FakeFacade()
    reported: list[Exception] = []
    lane, pool = lanes
    gate = GuardianGate(facade, lane, reported.append, window, window, pool)  # type: ignore[arg-type]
    return Gate(gate, facade, reported=reported)


def _asked(qtbot: QtBot, gate: Gate) -> PinDialog:
    qtbot.waitUntil(
        lambda: gate.gate.dialog is not None and gate.gate.dialog.isVisible(), timeout=SLOW_MS
    )
    dialog = gate.gate.dialog
    assert dialog is not None
    assert dialog.reason_label.text() == "Changing this needs the guardian's PIN."
    return dialog


def _enter(qtbot: QtBot, dialog: PinDialog, pin: str) -> None:
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=SLOW_MS)
    qtbot.keyClicks(dialog.pin_edit, pin)
    dialog.ok_button.click()


def _closed(dialog: PinDialog) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def test_a_change_child_mode_allows_runs_without_a_question(qtbot: QtBot, gate: Gate) -> None:
    gate.facade.child.session = True
    gate.run("blue")
    qtbot.waitUntil(lambda: gate.results == ["saved blue"], timeout=SLOW_MS)
    assert gate.gate.dialog is None and gate.facade.ran_on[0] != threading.get_ident()


def test_cancel_changes_nothing_and_says_so(qtbot: QtBot, gate: Gate) -> None:
    gate.run("blue")
    dialog = _asked(qtbot, gate)
    dialog.cancel_button.click()
    assert gate.cancelled == [True]
    assert gate.facade.changes == [] and gate.results == [] and gate.failures == []


def test_a_wrong_pin_is_said_in_the_dialog_and_the_right_one_retries_once(
    qtbot: QtBot, gate: Gate
) -> None:
    gate.run("blue")
    dialog = _asked(qtbot, gate)
    _enter(qtbot, dialog, "daisy-000")
    qtbot.waitUntil(lambda: dialog.error_label.text() == "That PIN is not right.", timeout=SLOW_MS)
    assert not _closed(dialog) and gate.facade.changes == []

    _enter(qtbot, dialog, PIN)
    qtbot.waitUntil(lambda: gate.results == ["saved blue"], timeout=SLOW_MS)
    assert _closed(dialog)
    assert gate.facade.changes == ["blue"], "retried once, after the PIN"
    assert len(gate.facade.ran_on) == 2 and gate.failures == [] and gate.cancelled == []


def test_a_refusal_no_pin_lifts_goes_to_the_page(qtbot: QtBot, gate: Gate) -> None:
    gate.facade.failure = KnownError("The store is locked.")
    gate.run("blue")
    qtbot.waitUntil(lambda: len(gate.failures) == 1, timeout=SLOW_MS)
    assert gate.gate.dialog is None and gate.reported == []


def test_network_work_asks_the_same_way_and_stays_on_the_io_pool(qtbot: QtBot, gate: Gate) -> None:
    gate.run("a test", network=True)
    dialog = _asked(qtbot, gate)
    assert dialog.ok_button.text() == "Unlock and test"
    _enter(qtbot, dialog, PIN)
    qtbot.waitUntil(lambda: gate.results == ["saved a test"], timeout=SLOW_MS)
    first, retry = gate.facade.ran_on
    (pin_checked,) = gate.facade.child.checked_on
    # The PIN is checked on the DB lane; the call and its retry run on the I/O pool.
    assert pin_checked not in (first, retry, threading.get_ident())
    assert gate.failures == [] and gate.facade.changes == ["a test"]
