"""The chat header and the prompts' Edit: regenerate, edit and resend, model picker, system prompt.

Each runs in the window against a loopback provider; afterwards the transcript and the stored
conversation must agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.consent import Scope
from app.core.service import Confidant
from app.gui.application import Shell
from app.gui.dialogs.prompt_text_dialog import PromptTextDialog
from app.gui.pages import PREFERENCES_PAGE
from app.gui.views.preferences_page import PreferencesPage
from app.gui.widgets.chat_header import ChatHeader
from app.gui.widgets.model_picker import ModelPicker
from tests.gui.shells import (
    SLOW_MS,
    ShellFactory,
    ask,
    click,
    new_chat,
    open_page,
    ready_shell,
    send_chat,
    settle,
)
from tests.helpers.providers import FakeProvider, running_provider


@pytest.fixture
def fake() -> Iterator[FakeProvider]:
    with running_provider("openai") as running:
        counter = iter(range(1, 1000))

        def numbered(messages: list[dict[str, Any]]) -> str:
            return f"Answer {next(counter)} to: {messages[-1]['content']}"

        running.default.reply = numbered
        yield running


@pytest.fixture
def shell(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant], fake: FakeProvider
) -> Shell:
    shell = ready_shell(qtbot, make_shell, facade)

    def setup(service: Confidant) -> None:
        service.consent.grant(Scope.STORE_CONVERSATIONS)
        service.assistant.set_provider("openai_compat", base_url=fake.base_url, model="model-a")

    ask(qtbot, shell, setup)
    new_chat(qtbot, shell)  # a conversation started with this provider
    return shell


def _header(shell: Shell) -> ChatHeader:
    header = shell.window.chat.header
    assert header is not None
    return header


def _shown(shell: Shell) -> list[str]:
    return [view.text for view in shell.window.chat.transcript.messages()]


def _stored(qtbot: QtBot, shell: Shell) -> list[str]:
    conversation_id = shell.window.chat_page.conversation_id
    return [
        m.content
        for m in ask(qtbot, shell, lambda s: s.chat.conversation_messages(conversation_id))
    ]


def _wait_turn(qtbot: QtBot, shell: Shell, count: int) -> None:
    transcript = shell.window.chat.transcript
    qtbot.waitUntil(
        lambda: len(transcript.messages()) == count and not shell.window.chat_page.turns.busy,
        timeout=SLOW_MS,
    )
    settle(qtbot, shell)


def test_regenerate_replaces_the_last_reply_in_the_transcript_and_the_store(
    qtbot: QtBot, shell: Shell, fake: FakeProvider
) -> None:
    send_chat(qtbot, shell, "first")
    send_chat(qtbot, shell, "second")
    assert _shown(shell)[-1] == "Answer 2 to: second"
    header = _header(shell)
    qtbot.waitUntil(header.regenerate_button.isEnabled, timeout=SLOW_MS)
    click(qtbot, header.regenerate_button)
    qtbot.waitUntil(lambda: len(fake.chat_requests()) == 3, timeout=SLOW_MS)
    _wait_turn(qtbot, shell, 4)
    assert _shown(shell) == ["first", "Answer 1 to: first", "second", "Answer 3 to: second"]
    assert _stored(qtbot, shell) == _shown(shell)
    # The assistant saw the first turn once, and not the reply that was replaced.
    sent = fake.chat_requests()[-1].json["messages"]
    assert [m["content"] for m in sent] == ["first", "Answer 1 to: first", "second"]


def test_edit_and_resend_replaces_the_turns_after_the_prompt(
    qtbot: QtBot, shell: Shell, fake: FakeProvider
) -> None:
    for prompt in ("one", "two", "three"):
        send_chat(qtbot, shell, prompt)
    settle(qtbot, shell)
    second = shell.window.chat.transcript.messages()[2]
    assert second.text == "two"
    edit = second._on_screen().edit_button
    click(qtbot, edit)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), PromptTextDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, PromptTextDialog)
    assert dialog.text() == "two"
    dialog.text_edit.selectAll()
    qtbot.keyClicks(dialog.text_edit, "two, edited")
    click(qtbot, dialog.accept_button)
    _wait_turn(qtbot, shell, 4)
    assert _shown(shell) == ["one", "Answer 1 to: one", "two, edited", "Answer 4 to: two, edited"]
    assert _stored(qtbot, shell) == _shown(shell)
    rewound = ask(qtbot, shell, lambda s: s.data.audit_events("conversation.rewound"))
    assert rewound[0].detail == {"messages": 4}


# The offscreen platform cannot raise the drop-down or give it the keyboard; it still opens.
@pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|grabbing the keyboard)$")
def test_the_model_picker_lists_the_servers_models_and_the_choice_is_sent(
    qtbot: QtBot, shell: Shell, fake: FakeProvider
) -> None:
    fake.models = ["model-a", "qwen-y", "llama-x"]
    picker = _header(shell).model_picker
    assert isinstance(picker, ModelPicker)
    qtbot.waitUntil(lambda: picker.currentText() == "model-a", timeout=SLOW_MS)
    assert [r for r in fake.requests if r.method == "GET"] == []  # not asked before opened
    click(qtbot, picker)  # opening it is what asks the provider
    qtbot.waitUntil(lambda: picker.listed, timeout=SLOW_MS)
    assert picker.models() == ["model-a", "qwen-y", "llama-x"]
    picker.hidePopup()
    # Choose by keyboard, as a person would.
    qtbot.keyClick(picker, Qt.Key.Key_Down)
    assert picker.current_model() == "qwen-y"
    settle(qtbot, shell)
    send_chat(qtbot, shell, "which model?")
    assert fake.chat_requests()[-1].json["model"] == "qwen-y"
    entries = ask(qtbot, shell, lambda s: s.upstream.network_log.entries())
    assert any(e.method == "GET" and e.url.endswith("/models") for e in entries)
    assert any(e.method == "POST" for e in entries)


def test_the_system_prompt_goes_first_in_the_request(
    qtbot: QtBot, shell: Shell, fake: FakeProvider
) -> None:
    click(qtbot, _header(shell).system_button)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), PromptTextDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, PromptTextDialog)
    qtbot.keyClicks(dialog.text_edit, "Answer like a sailor.")
    click(qtbot, dialog.accept_button)
    settle(qtbot, shell)
    send_chat(qtbot, shell, "hello")
    first = fake.chat_requests()[-1].json["messages"][0]
    assert first == {"role": "system", "content": "Answer like a sailor."}


def test_the_default_system_prompt_from_preferences_starts_new_conversations(
    qtbot: QtBot, shell: Shell, fake: FakeProvider
) -> None:
    page = open_page(qtbot, shell, PREFERENCES_PAGE)
    assert isinstance(page, PreferencesPage)
    editor = page.system_prompt_editor
    qtbot.keyClicks(editor.text_edit, "Be brief.")
    click(qtbot, editor.save_button)
    qtbot.waitUntil(lambda: editor.status_label.text().startswith("Saved."), timeout=SLOW_MS)
    new_chat(qtbot, shell)
    send_chat(qtbot, shell, "hello")
    first = fake.chat_requests()[-1].json["messages"][0]
    assert first == {"role": "system", "content": "Be brief."}
