"""GUI fixtures: shells that are always shut down, and a check that nothing is left behind."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QThreadPool
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.core.service import Confidant
from app.gui.application import Shell
from app.gui.background import Timings
from app.gui.workers import WorkerPool, db_lane
from tests.gui.shells import ShellFactory
from tests.helpers.collector import Collector, running_collector

# Qt's private GUI thread pool (raster painting, image conversion) names its idle threads
# this way and retires them on its own after 30 s; our pools name their threads.
_QT_POOL_THREAD = "Thread (pooled)"
THREAD_EXIT_GRACE_S = 1.0


def _os_threads() -> list[str]:
    names = []
    for task in Path("/proc/self/task").iterdir():
        with contextlib.suppress(OSError):
            names.append((task / "comm").read_text().strip())
    return [name for name in names if name != _QT_POOL_THREAD]


def _visible_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


@pytest.fixture(autouse=True)
def no_leftovers(qapp: QApplication) -> Iterator[None]:
    """Fail a test that leaves a thread or a visible window behind (as napari does)."""
    threads_before = _os_threads()
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert _visible_windows() == []
    QThreadPool.globalInstance().waitForDone()
    # A joined QThread is detached, so the kernel may list it for a moment after it ended.
    deadline = time.monotonic() + THREAD_EXIT_GRACE_S
    while len(_os_threads()) > len(threads_before) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(_os_threads()) <= len(threads_before), _os_threads()


@pytest.fixture
def lane() -> Iterator[WorkerPool]:
    """A DB lane of its own, shut down after the test (for controllers and dialogs alone)."""
    pool = db_lane()
    yield pool
    pool.shutdown()


@pytest.fixture
def make_shell(qtbot: QtBot) -> Iterator[ShellFactory]:
    """Build and start shells on a given facade factory; quit them all after the test."""
    shells: list[Shell] = []

    def make(
        service_factory: Callable[[], Confidant],
        *,
        start: bool = True,
        timings: Timings | None = None,
    ) -> Shell:
        shell = Shell(service_factory, timings=timings)
        shells.append(shell)
        if start:
            shell.start()
        return shell

    yield make
    for shell in shells:
        shell.quit()
        shell.window.deleteLater()
        shell.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def facade(profile_dir: Path) -> Callable[[], Confidant]:
    """A factory for the facade on the test's profile directory."""
    return lambda: Confidant(profile_dir)


@pytest.fixture
def collector() -> Iterator[Collector]:
    """The reference collector, serving on 127.0.0.1 for this test."""
    with running_collector() as running:
        yield running
