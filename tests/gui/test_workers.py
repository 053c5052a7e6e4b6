"""The DB lane: one thread, in order, typed failures, results on the GUI thread, clean exit."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from pytestqt.qtbot import QtBot

from app.core.errors import DiskFull
from app.core.service import Confidant
from app.gui.dialogs.first_run_dialog import FirstRunDialog
from app.gui.signals import emit
from app.gui.workers import WorkerPool
from tests.gui.shells import SLOW_MS, ShellFactory, wait_for_dialog


def test_jobs_run_in_order_on_one_thread_off_the_gui_thread(qtbot: QtBot, lane: WorkerPool) -> None:
    ran: list[tuple[int, int]] = []
    delivered: list[tuple[Any, int]] = []

    def job(number: int) -> int:
        ran.append((number, threading.get_ident()))
        return number * 10

    for number in range(5):
        lane.submit(job, number, on_result=lambda v: delivered.append((v, threading.get_ident())))
    qtbot.waitUntil(lambda: len(delivered) == 5, timeout=SLOW_MS)
    assert [number for number, _ in ran] == [0, 1, 2, 3, 4]
    assert len({ident for _, ident in ran}) == 1
    assert ran[0][1] != threading.get_ident()
    assert delivered == [(n * 10, threading.get_ident()) for n in range(5)]
    assert lane.pending == 0


def test_a_failure_arrives_as_the_exception_that_was_raised(qtbot: QtBot, lane: WorkerPool) -> None:
    raised = DiskFull("The disk is full.", hint="Free some space.")

    def job() -> None:
        raise raised

    job_handle = lane.submit(job)
    with qtbot.waitSignal(job_handle.failed, timeout=SLOW_MS) as failed:
        pass
    assert failed.args == [raised]


def test_shutdown_waits_for_queued_jobs_and_refuses_new_ones(lane: WorkerPool) -> None:
    done = threading.Event()
    lane.submit(done.set)
    lane.shutdown()
    assert done.is_set()
    assert lane.closed
    with pytest.raises(RuntimeError):
        lane.submit(done.set)


DOMAINS = (
    "chat",
    "consent",
    "data",
    "lock",
    "child",
    "assistant",
    "health",
    "dashboard",
    "outbox",
    "prefs",
)


class _RecordingDomain:
    """One real domain facade; every call (and property read) notes the thread it ran on."""

    def __init__(self, name: str, domain: object, note: Callable[[str], None]) -> None:
        self._name, self._domain, self._note = name, domain, note

    def __getattr__(self, attribute: str) -> Any:
        value = getattr(self._domain, attribute)
        name = f"{self._name}.{attribute}"
        if not callable(value):
            self._note(name)
            return value

        def call(*args: Any, **kwargs: Any) -> Any:
            self._note(name)
            return value(*args, **kwargs)

        return call


class ThreadRecordingConfidant(Confidant):
    """The real facade; it only notes which thread each call ran on (every domain's too)."""

    def __init__(self, directory: Path) -> None:
        self.threads: dict[str, set[int]] = {}
        self._note("__init__")
        super().__init__(directory)
        for name in DOMAINS:
            setattr(self, name, _RecordingDomain(name, getattr(self, name), self._note))

    def _note(self, name: str) -> None:
        self.threads.setdefault(name, set()).add(threading.get_ident())

    def profile_exists(self) -> bool:
        self._note("profile_exists")
        return super().profile_exists()

    def needs_passphrase(self) -> bool:
        self._note("needs_passphrase")
        return super().needs_passphrase()

    def open(self, passphrase: str | None = None, *, purge: bool = True) -> None:
        self._note("open")
        super().open(passphrase, purge=purge)

    def close(self) -> None:
        self._note("close")
        super().close()


def test_every_facade_call_runs_on_the_db_lane(
    qtbot: QtBot, make_shell: ShellFactory, profile_dir: Path
) -> None:
    recorders: list[ThreadRecordingConfidant] = []

    def factory() -> Confidant:
        recorders.append(ThreadRecordingConfidant(profile_dir))
        return recorders[-1]

    shell = make_shell(factory)
    first_run = wait_for_dialog(qtbot, shell, FirstRunDialog)
    with qtbot.waitSignal(shell.ready, timeout=SLOW_MS):
        qtbot.mouseClick(first_run.continue_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(shell.window.chat.prompt, "which thread am I on?")
    qtbot.mouseClick(shell.window.chat.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.window.chat.transcript.toPlainText().count("demo") > 0)
    shell.quit()

    (recorder,) = recorders
    expected = {
        "__init__",
        "profile_exists",
        "needs_passphrase",
        "open",
        "health.verify_integrity",
        "data.purge_expired",
        "chat.new_conversation",
        "chat.save_status",
        "chat.stream",
        "chat.finish_turn",
        "close",
    }
    # Every call is recorded now, through every domain: these are the ones a chat needs.
    assert expected <= set(recorder.threads)
    # What touches no database runs on the I/O pool: the turn's slow checks (classifier,
    # anonymizer), where the reply streamed, and the background jobs' requests to the
    # collector. Every other call runs on the one DB lane. Neither is the GUI thread.
    io_calls = {"chat.check_turn", "outbox.fetch_notices", "outbox.transmit"}
    assert "chat.check_turn" in recorder.threads
    io_threads: set[int] = set()
    for name in io_calls & set(recorder.threads):
        io_threads |= recorder.threads.pop(name)
    threads = set().union(*recorder.threads.values())
    assert len(threads) == 1
    assert threading.get_ident() not in threads | io_threads
    assert not io_threads & threads


class _Pinger(QObject):
    pinged = Signal(object)


def test_emitting_keeps_reference_counts_balanced() -> None:
    # PySide6 6.12.0 drops a reference to True on each emit; 1000 emits would show it.
    pinger = _Pinger()
    emit(pinger.pinged, None)
    before = sys.getrefcount(True)
    for _ in range(1000):
        emit(pinger.pinged, None)
    assert abs(sys.getrefcount(True) - before) < 10
