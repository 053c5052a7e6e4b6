"""The app lock's controller on its own: a real lock screen and DB lane, a fake facade and shell.

No Shell and no profile: the controller needs only ``service.lock`` and an opener, and drives
the window through the small ``LockableShell`` protocol. ``FakeLock`` and ``FakeShell`` below
are our own code standing in for ``app.core.domains.lock.Lock`` and ``MainWindow``, so these
tests are about the controller. Locking a real store (its key gone from the facade, a real
passphrase to open it) stays with the end-to-end tests in tests/gui/test_app_lock.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.qtbot import QtBot

from app.core.domains.lock import AppLockStatus
from app.core.errors import WrongKey
from app.gui.controllers.lock_page import AppLockController
from app.gui.shell_events import ShellEvents
from app.gui.views.lock_page import LockScreen
from app.gui.workers import WorkerPool
from tests.gui.shells import SLOW_MS

PASSPHRASE = "correct horse battery"


@dataclass
class FakeLock:
    """The app lock's state in memory; each call is noted, in order."""

    enabled: bool = True
    idle_minutes: int = 5
    calls: list[str] = field(default_factory=list)

    def status(self) -> AppLockStatus:
        self.calls.append("status")
        return AppLockStatus(
            enabled=self.enabled,
            passphrase_mode=False,
            idle_minutes=self.idle_minutes,
            failed_attempts=0,
            locked_until=None,
        )

    def lock_now(self) -> None:
        self.calls.append("lock_now")


@dataclass
class FakeFacade:
    """Only the domain the app lock uses."""

    lock: FakeLock = field(default_factory=FakeLock)
    opened_with: list[str] = field(default_factory=list)


def open_fake(service: FakeFacade, passphrase: str) -> None:
    """The opener the shell hands the lock (open_and_verify), over the fake: one passphrase."""
    if passphrase != PASSPHRASE:
        raise WrongKey("That passphrase does not open your data.")
    service.opened_with.append(passphrase)


class FakeShell(QWidget):
    """What the app lock needs of the window, noting what it was told."""

    def __init__(self) -> None:
        super().__init__()
        self.events = ShellEvents(self)
        self.menu = QMenu(self)
        self.reply_busy = False
        self.told: list[str] = []
        self.screen: QWidget | None = None
        self.errors: list[Exception] = []

    def stop_reply(self) -> None:
        self.told.append("stop_reply")
        self.reply_busy = False

    def show_status_message(self, text: str) -> None:
        self.told.append("status message")

    def add_lock_action(self, action: QAction) -> None:
        self.menu.addAction(action)

    def show_lock_screen(self, screen: QWidget) -> None:
        self.told.append("show_lock_screen")
        self.screen = screen

    def hide_lock_screen(self) -> None:
        self.told.append("hide_lock_screen")
        self.screen = None

    def attach(self, service: object) -> None:
        self.told.append("attach")

    def show_error(self, exc: Exception) -> None:
        self.errors.append(exc)


@dataclass
class Lock:
    controller: AppLockController
    shell: FakeShell
    facade: FakeFacade


@pytest.fixture
def lock(qtbot: QtBot, lane: WorkerPool) -> Lock:
    shell = FakeShell()
    qtbot.addWidget(shell)
    facade = FakeFacade()
    controller = AppLockController(
        shell,  # type: ignore[arg-type]
        facade,  # type: ignore[arg-type]
        lane,
        open_fake,  # type: ignore[arg-type]
        idle_ms=60_000,  # no idle lock during a test unless it asks for one
        parent=shell,
    )
    return Lock(controller, shell, facade)


def _refreshed(qtbot: QtBot, lock: Lock) -> None:
    lock.controller.refresh()
    qtbot.waitUntil(lambda: lock.controller.status is not None, timeout=SLOW_MS)


def test_lock_now_is_offered_only_while_the_lock_is_on(qtbot: QtBot, lock: Lock) -> None:
    assert lock.controller.lock_action in lock.shell.menu.actions()
    assert not lock.controller.lock_action.isVisible()
    _refreshed(qtbot, lock)
    assert lock.controller.lock_action.isVisible()
    assert lock.controller.watcher.watching  # on, with an idle time: it watches for idleness

    lock.facade.lock.enabled = False
    lock.controller.status = None
    _refreshed(qtbot, lock)
    assert not lock.controller.lock_action.isVisible()
    assert not lock.controller.watcher.watching


def test_locking_shows_the_screen_before_the_store_closes(qtbot: QtBot, lock: Lock) -> None:
    _refreshed(qtbot, lock)
    with qtbot.waitSignal(lock.controller.locked, timeout=SLOW_MS):
        lock.controller.lock_now()
    assert lock.shell.told == ["show_lock_screen"]
    assert lock.facade.lock.calls[-1] == "lock_now"
    screen = lock.shell.screen
    assert isinstance(screen, LockScreen) and lock.controller.is_locked
    assert screen.passphrase_edit.isEnabled()  # ready for the passphrase once closed
    assert not lock.controller.lock_action.isEnabled()
    assert not lock.controller.watcher.watching


def test_a_wrong_passphrase_is_said_on_the_screen_and_the_right_one_unlocks(
    qtbot: QtBot, lock: Lock
) -> None:
    _refreshed(qtbot, lock)
    with qtbot.waitSignal(lock.controller.locked, timeout=SLOW_MS):
        lock.controller.lock_now()
    screen = lock.shell.screen
    assert isinstance(screen, LockScreen)

    screen.passphrase_edit.setText("wrong")
    screen.unlock_button.click()
    qtbot.waitUntil(lambda: not screen.error_label.isHidden(), timeout=SLOW_MS)
    assert "does not open" in screen.error_label.text()
    assert lock.controller.is_locked and lock.facade.opened_with == []

    screen.passphrase_edit.setText(PASSPHRASE)
    with qtbot.waitSignal(lock.controller.unlocked, timeout=SLOW_MS):
        screen.unlock_button.click()
    assert lock.facade.opened_with == [PASSPHRASE]
    assert lock.shell.told[-2:] == ["hide_lock_screen", "attach"]
    assert not lock.controller.is_locked
    assert screen.passphrase_edit.text() == ""  # the passphrase does not linger
    assert lock.shell.errors == []


def test_lock_now_stops_a_reply_first_and_waits_for_it(qtbot: QtBot, lock: Lock) -> None:
    _refreshed(qtbot, lock)
    lock.shell.reply_busy = True
    with qtbot.waitSignal(lock.controller.locked, timeout=SLOW_MS):
        lock.controller.lock_now()
    assert lock.shell.told[:2] == ["stop_reply", "show_lock_screen"]


def test_an_idle_lock_waits_while_a_reply_streams(qtbot: QtBot, lock: Lock) -> None:
    _refreshed(qtbot, lock)
    lock.shell.reply_busy = True
    lock.controller.watcher.idle.emit()  # as after the idle time without input
    assert lock.controller.pending == "idle"
    assert not lock.controller.is_locked
    assert "stop_reply" not in lock.shell.told  # an idle lock never cuts a reply short
    with qtbot.waitSignal(lock.controller.locked, timeout=SLOW_MS):
        lock.shell.reply_busy = False
    assert lock.shell.told == ["show_lock_screen"]
