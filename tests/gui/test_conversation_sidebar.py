"""The conversation sidebar: the widget itself, then continuing, renaming, deleting in a window."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.core.chat_library import ChatListEntry
from app.core.consent import Scope
from app.core.service import Confidant
from app.gui.application import Shell
from app.gui.widgets.conversation_sidebar import FILTER_DELAY_MS, ConversationSidebar
from tests.gui.shells import SLOW_MS, ShellFactory, ask, click, ready_shell, send_chat, settle
from tests.helpers.providers import FakeProvider, running_provider

NAME = "Margaret Thornton"
PLACEHOLDER = re.compile(r"\[[A-Z_]+_\d+\]")


def _entries() -> list[ChatListEntry]:
    return [
        ChatListEntry("c3", "Pancakes", "2026-12-06T10:00:00", 2, False, True, False),
        ChatListEntry("c2", "Tides", "2026-12-05T10:00:00", 4, True, False, True),
        ChatListEntry("c1", "Boats", "2026-12-04T10:00:00", 2, False, False, False),
    ]


@pytest.fixture
def sidebar(qtbot: QtBot) -> ConversationSidebar:
    widget = ConversationSidebar()
    qtbot.addWidget(widget)
    widget.set_entries(_entries(), "c2")
    widget.show()
    return widget


def test_the_sidebar_lists_with_badges_and_opens_by_keyboard(
    qtbot: QtBot, sidebar: ConversationSidebar
) -> None:
    assert sidebar.ids() == ["c3", "c2", "c1"]
    texts = [sidebar.list.item(row).text() for row in range(3)]
    assert texts == [
        "Pancakes\nTemporary, not kept",
        "Tides\nKept · Sensitive",
        "Boats\nNot kept",
    ]
    assert sidebar.selected_id() == "c2"

    sidebar.focus_filter()
    qtbot.keyClick(sidebar.filter_edit, Qt.Key.Key_Down)
    assert sidebar.list.hasFocus()
    qtbot.keyClick(sidebar.list, Qt.Key.Key_Down)
    with qtbot.waitSignal(sidebar.openRequested) as opened:
        qtbot.keyClick(sidebar.list, Qt.Key.Key_Return)
    assert opened.args == ["c1"]


def test_the_filter_asks_once_the_typing_pauses(qtbot: QtBot, sidebar: ConversationSidebar) -> None:
    asked: list[str] = []
    sidebar.filterChanged.connect(asked.append)
    qtbot.keyClicks(sidebar.filter_edit, "tid")
    assert asked == []
    qtbot.wait(FILTER_DELAY_MS * 2)
    assert asked == ["tid"]


def test_rename_and_delete_ask_first(qtbot: QtBot, sidebar: ConversationSidebar) -> None:
    sidebar.list.setFocus()
    sidebar.select("c1")
    qtbot.keyClick(sidebar.list, Qt.Key.Key_F2)
    dialog = sidebar.dialog
    assert isinstance(dialog, QInputDialog) and dialog.textValue() == "Boats"
    dialog.setTextValue("Sailing boats")
    with qtbot.waitSignal(sidebar.renameRequested) as renamed:
        dialog.accept()
    assert renamed.args == ["c1", "Sailing boats"]

    deleted: list[str] = []
    sidebar.deleteRequested.connect(deleted.append)
    sidebar.list.setFocus()
    qtbot.keyClick(sidebar.list, Qt.Key.Key_Delete)
    question = sidebar.dialog
    assert isinstance(question, QMessageBox)
    assert "Boats" in question.text()
    click(qtbot, question.button(QMessageBox.StandardButton.Cancel))
    assert deleted == []
    qtbot.keyClick(sidebar.list, Qt.Key.Key_Delete)
    question = sidebar.dialog
    assert isinstance(question, QMessageBox)
    delete = next(b for b in question.buttons() if b.text() == "Delete")
    click(qtbot, delete)
    assert deleted == ["c1"]


# --- in the window, with a loopback provider -----------------------------------------------


@pytest.fixture
def fake() -> Iterator[FakeProvider]:
    with running_provider("openai") as running:
        yield running


def _keep_and_use(qtbot: QtBot, shell: Shell, fake: FakeProvider) -> None:
    def setup(service: Confidant) -> None:
        service.consent.grant(Scope.STORE_CONVERSATIONS)
        service.assistant.set_provider("openai_compat", base_url=fake.base_url, model="model-a")

    ask(qtbot, shell, setup)
    shell.window.chat_page.refresh_save_status()
    settle(qtbot, shell)


def _sidebar(shell: Shell) -> ConversationSidebar:
    assert shell.window.chat.sidebar is not None
    return shell.window.chat.sidebar


def test_a_conversation_is_continued_from_the_sidebar_after_a_restart(
    qtbot: QtBot,
    make_shell: ShellFactory,
    facade: Callable[[], Confidant],
    fake: FakeProvider,
) -> None:
    first = ready_shell(qtbot, make_shell, facade)
    _keep_and_use(qtbot, first, fake)
    send_chat(qtbot, first, f"Please write a note to {NAME} about the boat.")
    sent_before = fake.chat_requests()[-1].json["messages"][-1]["content"]
    (placeholder,) = PLACEHOLDER.findall(sent_before)
    stored_id = first.window.chat_page.conversation_id
    qtbot.waitUntil(lambda: _sidebar(first).ids() == [stored_id], timeout=SLOW_MS)
    first.quit()

    shell = ready_shell(qtbot, make_shell, facade)
    sidebar = _sidebar(shell)
    qtbot.waitUntil(lambda: sidebar.ids() == [stored_id], timeout=SLOW_MS)
    assert sidebar.list.item(0).text().endswith("\nKept")
    assert sidebar.list.item(0).text().startswith("Please write a note to")

    # Ctrl+K, Down, Enter: the stored conversation is taken up again.
    shell.window.activateWindow()
    qtbot.keyClick(shell.window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(sidebar.filter_edit.hasFocus, timeout=SLOW_MS)
    qtbot.keyClick(sidebar.filter_edit, Qt.Key.Key_Down)
    with qtbot.waitSignal(shell.window.chat_page.storedConversationShown, timeout=SLOW_MS):
        qtbot.keyClick(sidebar.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not shell.window.chat.transcript.loading, timeout=SLOW_MS)
    assert shell.window.chat_page.conversation_id == stored_id
    assert NAME in shell.window.chat.transcript.toPlainText()

    send_chat(qtbot, shell, f"Also tell {NAME} the engine is fixed.")
    messages = fake.chat_requests()[-1].json["messages"]
    assert messages[0] == {"role": "user", "content": sent_before}
    assert messages[1]["role"] == "assistant"
    assert messages[2]["content"] == f"Also tell {placeholder} the engine is fixed."
    assert not any(NAME in m["content"] for m in messages)
    stored = ask(qtbot, shell, lambda s: s.chat.conversation_messages(stored_id))
    assert len(stored) == 4


def test_unkept_conversations_are_listed_as_such_and_rename_and_delete_work(
    qtbot: QtBot,
    make_shell: ShellFactory,
    facade: Callable[[], Confidant],
    fake: FakeProvider,
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    window = shell.window
    ask(
        qtbot,
        shell,
        lambda s: s.assistant.set_provider(
            "openai_compat", base_url=fake.base_url, model="model-a"
        ),
    )
    send_chat(qtbot, shell, "Nothing is kept without consent")
    sidebar = _sidebar(shell)
    unkept = window.chat_page.conversation_id
    qtbot.waitUntil(lambda: sidebar.ids() == [unkept], timeout=SLOW_MS)
    assert sidebar.list.item(0).text() == "Nothing is kept without consent\nNot kept"

    sidebar.renameRequested.emit(unkept, "My first chat")
    qtbot.waitUntil(
        lambda: sidebar.list.count() == 1 and sidebar.list.item(0).text().startswith("My first"),
        timeout=SLOW_MS,
    )
    assert window.chat.header is not None
    qtbot.waitUntil(lambda: window.chat.header.title_label.text() == "My first chat")

    with qtbot.waitSignal(window.chat_page.conversationStarted, timeout=SLOW_MS):
        sidebar.deleteRequested.emit(unkept)
    qtbot.waitUntil(lambda: sidebar.ids() == [], timeout=SLOW_MS)
    assert window.chat_page.conversation_id != unkept
    assert QApplication.activeModalWidget() is None
