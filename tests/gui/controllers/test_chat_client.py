"""The chat client's controller on its own: the real chat view and lanes, fakes for the rest.

No Shell and no profile: the client needs only ``service.chat`` and
``service.assistant.provider_status``, and of the chat page only what its ``ChatPage``
protocol names, so ``FakeChat`` and ``FakePage`` below (our own code standing in for the
core's chat domain and for ``controllers/chat_page``) keep these tests about the client: the
sidebar lists what the facade says, renames and deletes go through it, the header follows the
conversation on show, and Regenerate rewinds before the page sends again. Sending real turns
to a real provider is tested end to end in tests/gui/test_provider_chat.py and
test_conversation_sidebar.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.core.assistant.hub import ProviderStatus
from app.core.chat_library import ChatListEntry, OpenedConversation
from app.core.conversations import Message
from app.gui.controllers.chat_client import ChatClientController
from app.gui.views.chat_page import ChatView
from app.gui.workers import WorkerPool, db_lane, io_pool
from tests.gui.shells import SLOW_MS

OFFLINE = ProviderStatus("offline", "Offline demo", None, None, False, True, False, "", True)
LOCAL = replace(OFFLINE, name="openai_compat", model="model-a")


def _conversation(conversation_id: str, title: str, *, answered: bool) -> OpenedConversation:
    messages = [Message("user", "Is the fee paid?", "2026-12-01T10:00:00+00:00")]
    if answered:
        messages.append(Message("assistant", "It is.", "2026-12-01T10:00:05+00:00"))
    return OpenedConversation(
        conversation_id, title, tuple(messages), True, False, False, None, None, None
    )


@dataclass
class FakeChat:
    """Stored conversations in a dict; each change is noted."""

    stored: dict[str, OpenedConversation] = field(default_factory=dict)
    calls: list[str] = field(default_factory=list)

    def conversation_list(self, filter_text: str) -> list[ChatListEntry]:
        return [
            ChatListEntry(
                c.id, c.title, "2026-12-01T10:00:00+00:00", len(c.messages), True, False, False
            )
            for c in self.stored.values()
            if filter_text.lower() in c.title.lower()
        ]

    def conversation_state(self, conversation_id: str) -> OpenedConversation:
        return self.stored[conversation_id]

    def rename_conversation(self, conversation_id: str, title: str) -> str:
        self.calls.append(f"rename {conversation_id} {title}")
        self.stored[conversation_id] = replace(self.stored[conversation_id], title=title)
        return title

    def delete_conversation(self, conversation_id: str) -> int:
        self.calls.append(f"delete {conversation_id}")
        del self.stored[conversation_id]
        return 1

    def regenerate_prompt(self, conversation_id: str) -> str:
        self.calls.append(f"regenerate {conversation_id}")
        opened = self.stored[conversation_id]
        self.stored[conversation_id] = replace(opened, messages=())
        return opened.messages[0].content


@dataclass
class FakeAssistant:
    status: ProviderStatus = OFFLINE

    def provider_status(self) -> ProviderStatus:
        return self.status


@dataclass
class FakeFacade:
    """Only the domains the client uses."""

    chat: FakeChat = field(default_factory=FakeChat)
    assistant: FakeAssistant = field(default_factory=FakeAssistant)


class FakeTurns(QObject):
    """The turn controller's signals, and whether a turn is under way."""

    finished = Signal(object)
    failed = Signal(object, str)
    stoppedEmpty = Signal(str)
    busy = False


class FakePage(QObject):
    """What the client needs of the chat page: the real view, and a page that only notes."""

    conversationStarted = Signal(str)
    storedConversationShown = Signal(str)
    shown = Signal()
    showRequested = Signal()

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.view = ChatView(host)
        self.turns = FakeTurns(self)
        self.conversation_id: str | None = None
        self.calls: list[str] = []

    def start_new_chat(self) -> None:
        self.calls.append("new chat")

    def show_stored_conversation(self, conversation_id: str) -> None:
        self.calls.append(f"show {conversation_id}")

    def replace_and_send(self, opened: OpenedConversation, prompt: str) -> None:
        self.calls.append(f"send {prompt!r} after {len(opened.messages)} messages")

    def show(self, conversation_id: str) -> None:
        self.conversation_id = conversation_id
        self.storedConversationShown.emit(conversation_id)


@pytest.fixture
def lanes() -> Iterator[tuple[WorkerPool, WorkerPool]]:
    lanes = (db_lane(), io_pool())
    yield lanes
    for lane in lanes:
        lane.shutdown()


@dataclass
class Client:
    host: QWidget  # held here: the view, the page and the controller are its children
    controller: ChatClientController
    page: FakePage
    facade: FakeFacade
    errors: list[Exception]


@pytest.fixture
def client(qtbot: QtBot, lanes: tuple[WorkerPool, WorkerPool]) -> Client:
    host = QWidget()
    qtbot.addWidget(host)
    facade = FakeFacade()
    facade.chat.stored = {
        "c1": _conversation("c1", "The boat", answered=True),
        "c2": _conversation("c2", "Garden plans", answered=False),
    }
    page = FakePage(host)
    errors: list[Exception] = []
    controller = ChatClientController(page, facade, *lanes, errors.append, host)  # type: ignore[arg-type]
    return Client(host, controller, page, facade, errors)


def _listed(qtbot: QtBot, client: Client, ids: list[str]) -> None:
    qtbot.waitUntil(lambda: client.controller.sidebar.ids() == ids, timeout=SLOW_MS)


def test_the_sidebar_lists_what_is_stored_and_opens_a_choice(qtbot: QtBot, client: Client) -> None:
    _listed(qtbot, client, ["c1", "c2"])
    client.controller.sidebar.openRequested.emit("c2")
    assert client.page.calls == ["show c2"]
    assert client.errors == []


def test_a_rename_goes_through_the_facade_and_the_header_follows(
    qtbot: QtBot, client: Client
) -> None:
    client.page.show("c1")
    header = client.controller.header
    qtbot.waitUntil(lambda: header.title_label.text() == "The boat", timeout=SLOW_MS)
    client.controller.sidebar.renameRequested.emit("c1", "The red boat")
    qtbot.waitUntil(lambda: header.title_label.text() == "The red boat", timeout=SLOW_MS)
    assert client.facade.chat.calls == ["rename c1 The red boat"]


def test_deleting_the_conversation_on_show_starts_a_new_one(qtbot: QtBot, client: Client) -> None:
    client.page.show("c1")
    _listed(qtbot, client, ["c1", "c2"])
    client.controller.sidebar.deleteRequested.emit("c2")
    _listed(qtbot, client, ["c1"])
    assert client.page.calls == [], "another conversation went: the one on show stays"
    client.controller.sidebar.deleteRequested.emit("c1")
    _listed(qtbot, client, [])
    assert client.page.calls == ["new chat"]


def test_regenerate_is_offered_for_an_answer_and_rewinds_before_sending(
    qtbot: QtBot, client: Client
) -> None:
    header = client.controller.header
    client.page.show("c2")
    qtbot.waitUntil(lambda: header.title_label.text() == "Garden plans", timeout=SLOW_MS)
    assert not header.regenerate_button.isEnabled(), "no answer yet to ask again for"

    client.page.show("c1")
    qtbot.waitUntil(header.regenerate_button.isEnabled, timeout=SLOW_MS)
    header.regenerate_button.click()
    qtbot.waitUntil(lambda: client.page.calls != [], timeout=SLOW_MS)
    assert client.facade.chat.calls == ["regenerate c1"]
    assert client.page.calls == ["send 'Is the fee paid?' after 0 messages"]


def test_the_model_picker_shows_only_for_a_provider_with_models(
    qtbot: QtBot, client: Client
) -> None:
    picker = client.controller.header.model_picker
    client.page.show("c1")
    qtbot.waitUntil(
        lambda: client.controller.header.title_label.text() == "The boat", timeout=SLOW_MS
    )
    assert picker.isHidden()
    client.facade.assistant.status = LOCAL
    client.page.shown.emit()
    qtbot.waitUntil(lambda: not picker.isHidden(), timeout=SLOW_MS)
