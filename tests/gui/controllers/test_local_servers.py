"""The local-server finder's controller on its own: a real finder and lanes, a fake facade.

No Shell and no profile: the controller needs only ``service.assistant`` (probe, then log the
probes), so ``FakeAssistant`` below (our own code standing in for the core's assistant domain)
keeps these tests about the controller: nothing runs before the click, what answered is
offered, a failed search is said and reported, and the probes are logged either way. Probing
real servers on 127.0.0.1 is tested end to end in tests/gui/test_local_server_finder.py.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from pytestqt.qtbot import QtBot

from app.core.assistant.discovery import LocalServer
from app.gui.controllers.local_servers import LocalServerController
from app.gui.widgets.local_server_finder import LocalServerFinder
from app.gui.workers import WorkerPool, db_lane, io_pool
from tests.gui.shells import SLOW_MS

OLLAMA = LocalServer(11434, "Ollama", "http://127.0.0.1:11434/v1", ("llama3.2",))


@dataclass
class FakeAssistant:
    """Answers the probe with ``servers`` (or fails); notes which thread probed and each log."""

    servers: list[LocalServer] = field(default_factory=list)
    failure: Exception | None = None
    probes: list[str] = field(default_factory=list)
    logged: list[str] = field(default_factory=list)

    def find_local_servers(self) -> list[LocalServer]:
        self.probes.append(threading.current_thread().name)
        if self.failure is not None:
            raise self.failure
        return list(self.servers)

    def log_assistant_requests(self) -> int:
        self.logged.append(threading.current_thread().name)
        return len(self.probes)


@dataclass
class FakeFacade:
    """Only the domain the finder uses."""

    assistant: FakeAssistant = field(default_factory=FakeAssistant)


@pytest.fixture
def lanes() -> Iterator[tuple[WorkerPool, WorkerPool]]:
    lane, pool = db_lane(), io_pool()
    yield lane, pool
    lane.shutdown()
    pool.shutdown()


@dataclass
class Finder:
    widget: LocalServerFinder
    controller: LocalServerController
    facade: FakeFacade
    errors: list[Exception]


@pytest.fixture
def finder(qtbot: QtBot, lanes: tuple[WorkerPool, WorkerPool]) -> Finder:
    widget = LocalServerFinder()
    qtbot.addWidget(widget)
    widget.show()
    facade = FakeFacade()
    errors: list[Exception] = []
    controller = LocalServerController(widget, facade, *lanes, errors.append, widget)  # type: ignore[arg-type]
    return Finder(widget, controller, facade, errors)


def test_nothing_is_probed_before_the_click(qtbot: QtBot, finder: Finder) -> None:
    qtbot.wait(50)
    assert finder.facade.assistant.probes == [] and finder.facade.assistant.logged == []


def test_what_answered_is_offered_and_the_probes_are_logged(qtbot: QtBot, finder: Finder) -> None:
    finder.facade.assistant.servers = [OLLAMA]
    finder.widget.find_button.click()
    qtbot.waitUntil(finder.widget.choice.isVisible, timeout=SLOW_MS)
    qtbot.waitUntil(lambda: len(finder.facade.assistant.logged) == 1, timeout=SLOW_MS)
    assert finder.widget.model_combo.currentText() == "llama3.2"
    # Probed off the GUI thread, and not on the lane that logs it.
    assert finder.facade.assistant.probes != [threading.main_thread().name]
    assert finder.facade.assistant.probes != finder.facade.assistant.logged
    assert finder.errors == []


def test_a_failed_search_is_said_reported_and_still_logged(qtbot: QtBot, finder: Finder) -> None:
    finder.facade.assistant.failure = RuntimeError("a bug of ours")
    finder.widget.find_button.click()
    qtbot.waitUntil(lambda: len(finder.errors) == 1, timeout=SLOW_MS)
    qtbot.waitUntil(lambda: len(finder.facade.assistant.logged) == 1, timeout=SLOW_MS)
    assert isinstance(finder.errors[0], RuntimeError)
    assert finder.widget.result_label.text() == "The search did not finish; try again."
    assert finder.widget.find_button.isEnabled() and not finder.widget.choice.isVisible()
