"""The conversation search's controller on its own: a real dialog and DB lane, a fake facade.

No Shell and no profile: the controller needs only ``service.chat.search``, so ``FakeChat``
below (our own code standing in for ``app.core.domains.chat.Chat``) keeps these tests about the
controller: one dialog at a time, results listed, a failure said in the dialog, the choice
passed on. Searching a real encrypted store (and a collector that never answers not delaying
it) is tested end to end in tests/gui/test_main_window.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.core.conversations import SearchHit
from app.core.errors import KnownError
from app.gui.controllers.search import SearchController
from app.gui.workers import WorkerPool
from tests.gui.shells import SLOW_MS

BOAT = SearchHit(
    conversation_id="c1",
    title="The boat",
    role="user",
    snippet="Is the  mooring\nfee paid?",
    created_at="2026-12-01T10:00:00+00:00",
)


@dataclass
class FakeChat:
    """Answers every search with ``hits``, or fails with ``failure``; notes each query."""

    hits: list[SearchHit] = field(default_factory=list)
    failure: Exception | None = None
    queries: list[str] = field(default_factory=list)

    def search(self, query: str) -> list[SearchHit]:
        self.queries.append(query)
        if self.failure is not None:
            raise self.failure
        return list(self.hits)


@dataclass
class FakeFacade:
    """Only the domain the search uses."""

    chat: FakeChat = field(default_factory=FakeChat)


@dataclass
class Search:
    controller: SearchController
    facade: FakeFacade
    errors: list[Exception]


@pytest.fixture
def search(qtbot: QtBot, lane: WorkerPool) -> Search:
    window = QWidget()
    qtbot.addWidget(window)
    facade = FakeFacade()
    errors: list[Exception] = []
    controller = SearchController(window, facade, lane, errors.append, window)  # type: ignore[arg-type]
    return Search(controller, facade, errors)


def _search_for(qtbot: QtBot, search: Search, text: str) -> None:
    dialog = search.controller.dialog
    assert dialog is not None
    dialog.query_edit.setText(text)
    dialog.search_now()
    qtbot.waitUntil(lambda: text in search.facade.chat.queries, timeout=SLOW_MS)


# Bringing the open dialog forward calls raise(), which the offscreen platform only warns about.
@pytest.mark.qt_log_ignore(r"^This plugin does not support raise\(\)$")
def test_one_dialog_at_a_time(search: Search) -> None:
    search.controller.open()
    first = search.controller.dialog
    assert first is not None and first.isVisible()
    search.controller.open()
    assert search.controller.dialog is first


def test_matches_are_listed_in_one_line_each_and_the_choice_is_passed_on(
    qtbot: QtBot, search: Search
) -> None:
    search.facade.chat.hits = [BOAT]
    search.controller.open()
    dialog = search.controller.dialog
    assert dialog is not None
    _search_for(qtbot, search, "mooring")
    qtbot.waitUntil(lambda: dialog.results.count() == 1, timeout=SLOW_MS)
    text = dialog.results.item(0).text()
    assert "The boat" in text
    assert "Is the mooring fee paid?" in text  # white space folded, so it fits one line
    with qtbot.waitSignal(search.controller.conversationChosen, timeout=SLOW_MS) as chosen:
        dialog.results.itemActivated.emit(dialog.results.item(0))
    assert chosen.args == ["c1"]


def test_a_known_failure_is_said_in_the_dialog_and_nothing_else(
    qtbot: QtBot, search: Search
) -> None:
    search.facade.chat.failure = KnownError("The store is locked.")
    search.controller.open()
    dialog = search.controller.dialog
    assert dialog is not None
    _search_for(qtbot, search, "fee")
    qtbot.waitUntil(lambda: dialog.status_label.text() == "The store is locked.", timeout=SLOW_MS)
    assert search.errors == []


def test_a_bug_goes_to_the_error_report(qtbot: QtBot, search: Search) -> None:
    search.facade.chat.failure = RuntimeError("a bug of ours")
    search.controller.open()
    _search_for(qtbot, search, "fee")
    qtbot.waitUntil(lambda: len(search.errors) == 1, timeout=SLOW_MS)
    assert isinstance(search.errors[0], RuntimeError)


def test_a_closed_dialog_is_forgotten(qtbot: QtBot, search: Search) -> None:
    search.controller.open()
    dialog = search.controller.dialog
    assert dialog is not None
    dialog.reject()
    assert search.controller.dialog is None
    search.controller.open()
    assert search.controller.dialog is not None and search.controller.dialog is not dialog
