"""The chat page's controller on its own: a real view and real lanes, a small fake facade.

No Shell and no profile: the controller only needs ``service.chat``, so a fake facade
(``FakeChat`` below, our own code standing in for ``app.core.domains.chat.Chat``) keeps these
tests about the controller. Sending a turn needs the real facade and stays with the end-to-end
tests (tests/gui/test_main_window.py, test_provider_chat.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtWidgets import QLabel, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from app.core.chat_library import OpenedConversation
from app.core.conversations import Message, SaveStatus
from app.gui.controllers.chat_page import (
    SAVE_VERDICTS,
    ChatPageController,
    build_chat_actions,
)
from app.gui.views.chat_page import ChatView
from app.gui.workers import WorkerPool, db_lane, io_pool
from tests.gui.shells import SLOW_MS


@dataclass
class FakeChat:
    """Conversations in a dict; each call is noted, in order."""

    statuses: dict[str, SaveStatus] = field(default_factory=dict)
    stored: dict[str, OpenedConversation] = field(default_factory=dict)
    calls: list[str] = field(default_factory=list)

    def new_conversation(self, *, temporary: bool = False) -> str:
        self.calls.append(f"new_conversation(temporary={temporary})")
        conversation_id = f"c{len(self.statuses) + 1}"
        self.statuses[conversation_id] = SaveStatus.TEMPORARY if temporary else SaveStatus.NOT_SAVED
        return conversation_id

    def save_status(self, conversation_id: str) -> SaveStatus:
        self.calls.append("save_status")
        return self.statuses[conversation_id]

    def mark_sensitive(self, conversation_id: str, sensitive: bool) -> SaveStatus:
        self.calls.append(f"mark_sensitive({sensitive})")
        self.statuses[conversation_id] = SaveStatus.SENSITIVE if sensitive else SaveStatus.NOT_SAVED
        return self.statuses[conversation_id]

    def allow_saving_sensitive(self, conversation_id: str) -> SaveStatus:
        self.calls.append("allow_saving_sensitive")
        self.statuses[conversation_id] = SaveStatus.SAVED
        return SaveStatus.SAVED

    def open_conversation(self, conversation_id: str) -> OpenedConversation:
        self.calls.append("open_conversation")
        self.statuses[conversation_id] = SaveStatus.SAVED
        return self.stored[conversation_id]


@dataclass
class FakeFacade:
    """Only the domain the chat page uses."""

    chat: FakeChat = field(default_factory=FakeChat)


@dataclass
class Page:
    host: QWidget  # held here: the view, the widgets and the controller are its children
    controller: ChatPageController
    view: ChatView
    status: QLabel
    allow_button: QToolButton
    errors: list[Exception]


@pytest.fixture
def lanes() -> Iterator[tuple[WorkerPool, WorkerPool]]:
    lanes = (db_lane(), io_pool())
    yield lanes
    for lane in lanes:
        lane.shutdown()


@pytest.fixture
def page(qtbot: QtBot, lanes: tuple[WorkerPool, WorkerPool]) -> Page:
    host = QWidget()
    qtbot.addWidget(host)
    view = ChatView(host)
    status, allow_button = QLabel(host), QToolButton(host)
    errors: list[Exception] = []
    controller = ChatPageController(
        view,
        build_chat_actions(host),
        (status, allow_button),
        lanes[0],
        lanes[1],
        errors.append,
        host,
    )
    return Page(host, controller, view, status, allow_button, errors)


def _tr_verdict(name: str) -> str:
    return SAVE_VERDICTS[name]


def test_attaching_starts_a_conversation_and_says_whether_it_is_kept(
    qtbot: QtBot, page: Page
) -> None:
    facade = FakeFacade()
    assert not page.view.prompt.isEnabled()  # nothing to type into without a conversation
    with qtbot.waitSignal(page.controller.conversationStarted, timeout=SLOW_MS) as started:
        page.controller.attach(facade)  # type: ignore[arg-type]
    assert started.args == ["c1"]
    assert page.controller.conversation_id == "c1"
    assert page.view.prompt.isEnabled()
    assert page.status.text() == _tr_verdict("NOT_SAVED")
    assert facade.chat.calls == ["new_conversation(temporary=False)", "save_status"]
    assert page.errors == []


def test_a_temporary_chat_says_so(qtbot: QtBot, page: Page) -> None:
    facade = FakeFacade()
    with qtbot.waitSignal(page.controller.conversationStarted, timeout=SLOW_MS):
        page.controller.attach(facade)  # type: ignore[arg-type]
    with qtbot.waitSignal(page.controller.conversationStarted, timeout=SLOW_MS) as started:
        page.controller.actions.temporary_chat.trigger()
    assert started.args == ["c2"]
    assert page.status.text() == _tr_verdict("TEMPORARY")


def test_treating_a_chat_as_sensitive_offers_to_keep_it_after_all(qtbot: QtBot, page: Page) -> None:
    facade = FakeFacade()
    with qtbot.waitSignal(page.controller.conversationStarted, timeout=SLOW_MS):
        page.controller.attach(facade)  # type: ignore[arg-type]
    actions = page.controller.actions
    actions.sensitive.trigger()  # checkable: now checked
    qtbot.waitUntil(lambda: page.status.text() == _tr_verdict("SENSITIVE"), timeout=SLOW_MS)
    assert actions.allow_saving.isVisible() and not page.allow_button.isHidden()
    actions.allow_saving.trigger()
    qtbot.waitUntil(lambda: page.status.text() == _tr_verdict("SAVED"), timeout=SLOW_MS)
    assert not actions.allow_saving.isVisible()
    assert facade.chat.calls[2:] == ["mark_sensitive(True)", "allow_saving_sensitive"]


def test_a_stored_conversation_is_taken_up_again_to_continue_it(qtbot: QtBot, page: Page) -> None:
    facade = FakeFacade()
    facade.chat.stored["old"] = OpenedConversation(
        "old",
        "Tides",
        (
            Message("user", "when is high tide", "2026-11-24T09:00:00+00:00"),
            Message("assistant", "At **noon**.", "2026-11-24T09:00:01+00:00"),
        ),
        kept=True,
        temporary=False,
        sensitive=False,
        system_prompt=None,
        provider=None,
        model=None,
    )
    with qtbot.waitSignal(page.controller.conversationStarted, timeout=SLOW_MS):
        page.controller.attach(facade)  # type: ignore[arg-type]
    with qtbot.waitSignal(page.controller.storedConversationShown, timeout=SLOW_MS) as shown:
        page.controller.show_stored_conversation("old")
    assert shown.args == ["old"]
    qtbot.waitUntil(lambda: not page.view.transcript.loading, timeout=SLOW_MS)
    assert [m.text for m in page.view.transcript.messages()] == [
        "when is high tide",
        "At **noon**.",
    ]
    assert page.controller.conversation_id == "old"  # the next prompt continues it
    assert page.view.prompt.isEnabled()
    assert page.status.text() == _tr_verdict("SAVED")
    assert facade.chat.calls[-2:] == ["open_conversation", "save_status"]
    assert page.errors == []


def test_a_detached_page_takes_no_input_and_forgets_the_transcript(
    qtbot: QtBot, page: Page
) -> None:
    facade = FakeFacade()
    with qtbot.waitSignal(page.controller.conversationStarted, timeout=SLOW_MS):
        page.controller.attach(facade)  # type: ignore[arg-type]
    page.view.transcript.append_message("You", "remember this")
    page.controller.detach()
    assert page.view.transcript.isEmpty()
    assert not page.view.prompt.isEnabled()
    assert not page.view.send_button.isEnabled()
    page.controller.start_new_chat()  # no facade: nothing happens
    assert facade.chat.calls == ["new_conversation(temporary=False)", "save_status"]
