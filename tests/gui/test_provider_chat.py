"""Streaming chat in the window, with real providers on loopback.

Markdown, copy, private prompts, Stop, and errors that leave the prompt ready to send again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QTextDocument
from pytestqt.qtbot import QtBot

from app.core.service import Confidant
from app.gui.application import Shell
from app.gui.controllers.chat_page import ASSISTANT_SPEAKER, STOPPED_NOTE, USER_SPEAKER
from app.gui.widgets.message_view import MessageView
from app.gui.widgets.transcript_view import ErrorRow
from tests.gui.shells import SLOW_MS, ShellFactory, ask, click, ready_shell, send_chat, settle
from tests.helpers.providers import (
    FakeProvider,
    Flavour,
    Script,
    closed_port,
    pieces_of,
    running_provider,
)

API_KEY = "sk-gui-test-5b8e"
MARKDOWN = "Here is **bold** text.\n\n- first item\n- second item\n\nAnd `code`."


@pytest.fixture
def serve() -> Iterator[Callable[..., FakeProvider]]:
    with ExitStack() as stack:

        def start(flavour: Flavour) -> FakeProvider:
            return stack.enter_context(running_provider(flavour, api_key=API_KEY))

        yield start


def _use(qtbot: QtBot, shell: Shell, fake: FakeProvider) -> None:
    name = "openai_compat" if fake.flavour == "openai" else "anthropic"
    ask(
        qtbot,
        shell,
        lambda service: service.assistant.set_provider(
            name, base_url=fake.base_url, model="model-a", api_key=API_KEY
        ),
    )
    shell.window.refresh_provider_label()
    settle(qtbot, shell)


def _reply(shell: Shell) -> MessageView:
    view = shell.window.chat.transcript.messages()[-1]
    assert view.speaker == ASSISTANT_SPEAKER
    return view


def _bold_fragments(document: QTextDocument) -> list[str]:
    found = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().fontWeight() >= QFont.Weight.Bold:
                found.append(fragment.text())
            it += 1
        block = block.next()
    return found


def _list_items(document: QTextDocument) -> list[str]:
    items = []
    block = document.begin()
    while block.isValid():
        if block.textList() is not None:
            items.append(block.text())
        block = block.next()
    return items


@pytest.mark.parametrize("flavour", ["openai", "anthropic"])
def test_a_streamed_reply_is_rendered_as_markdown_and_can_be_copied(
    qtbot: QtBot,
    make_shell: ShellFactory,
    facade: Callable[[], Confidant],
    serve: Callable[..., FakeProvider],
    flavour: Flavour,
) -> None:
    fake = serve(flavour)
    shell = ready_shell(qtbot, make_shell, facade)
    _use(qtbot, shell, fake)
    window = shell.window
    where = f"127.0.0.1:{fake.port} (local)"
    expected = f"model-a at {where}" if flavour == "openai" else f"Anthropic model-a at {where}"
    assert window.provider_label.text() == expected
    assert "do not leave" in window.provider_label.toolTip()

    fake.then(Script(reply=MARKDOWN, pieces=pieces_of(3), byte_split=4))
    send_chat(qtbot, shell, "Show me some Markdown")
    reply = _reply(shell)
    assert reply.text == MARKDOWN
    shown = reply.plain_text()
    assert "**" not in shown and "`" not in shown
    assert "bold" in shown and "first item" in shown and "second item" in shown
    assert _bold_fragments(reply.body.document()) == ["bold"]
    assert _list_items(reply.body.document()) == ["first item", "second item"]
    assert reply.note == ""

    click(qtbot, reply.copy_button)
    assert QGuiApplication.clipboard().text() == MARKDOWN
    prompt_view = window.chat.transcript.messages()[0]
    click(qtbot, prompt_view.copy_button)
    assert QGuiApplication.clipboard().text() == "Show me some Markdown"


NAME, EMAIL = "Margaret Thornton", "margaret.thornton@example.org"
PHONE, IBAN = "+44 20 7946 0958", "GB82 WEST 1234 5698 7654 32"
PROMPT = f"Ask {NAME} ({EMAIL}, {PHONE}) to pay into {IBAN}."


def _placeholder_reply(messages: list[dict[str, Any]]) -> str:
    person, email, phone, iban = re.findall(r"\[[A-Z_]+_\d+\]", messages[-1]["content"])
    return f"I'll ask {person.lower()} at {email}, call {phone.title()}, note {iban}. Bye {person}!"


def _awkward(text: str) -> list[str]:
    pieces: list[str] = []
    for part in re.split(r"(\[)", text):
        pieces += [part[i : i + 3] for i in range(0, len(part), 3)] if part != "[" else [part]
    return [p for p in pieces if p]


def test_private_prompts_in_the_window(
    qtbot: QtBot,
    make_shell: ShellFactory,
    facade: Callable[[], Confidant],
    serve: Callable[..., FakeProvider],
) -> None:
    fake = serve("openai")
    shell = ready_shell(qtbot, make_shell, facade)
    _use(qtbot, shell, fake)
    fake.then(Script(reply=_placeholder_reply, pieces=_awkward, byte_split=5))
    send_chat(qtbot, shell, PROMPT)

    (request,) = fake.chat_requests()
    for detail in (NAME, EMAIL, PHONE, IBAN):
        assert detail not in request.body.decode()
    sent = request.json["messages"][-1]["content"]
    assert sent == "Ask [PERSON_1] ([EMAIL_1], [PHONE_1]) to pay into [IBAN_1]."
    reply = _reply(shell)
    assert (
        reply.plain_text() == f"I'll ask {NAME} at {EMAIL}, call {PHONE}, note {IBAN}. Bye {NAME}!"
    )
    assert "[" not in shell.window.chat.transcript.toPlainText()

    prompt_view = shell.window.chat.transcript.messages()[0]
    assert prompt_view.speaker == USER_SPEAKER
    assert not prompt_view.sent_body.isVisible()
    click(qtbot, prompt_view.saw_button)
    assert prompt_view.sent_body.isVisible()
    assert prompt_view.sent_body.toPlainText() == sent
    assert "placeholders" in prompt_view.sent_caption.text()
    click(qtbot, prompt_view.saw_button)
    assert not prompt_view.sent_body.isVisible()


def test_stop_closes_the_request_and_keeps_the_partial_reply(
    qtbot: QtBot,
    make_shell: ShellFactory,
    facade: Callable[[], Confidant],
    serve: Callable[..., FakeProvider],
) -> None:
    fake = serve("anthropic")
    shell = ready_shell(qtbot, make_shell, facade)
    _use(qtbot, shell, fake)
    ask(qtbot, shell, lambda service: service.consent.grant("store_conversations"))
    window = shell.window
    chat = window.chat
    fake.then(Script(reply="One, two, three, four, five.", pieces=pieces_of(5), hold_after=2))

    qtbot.keyClicks(chat.prompt, "Count to five, slowly.")
    qtbot.keyClick(chat.prompt, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: chat.stop_button.isVisible(), timeout=SLOW_MS)
    assert not chat.send_button.isVisible()
    qtbot.waitUntil(lambda: _reply(shell).plain_text() == "One, two,", timeout=SLOW_MS)
    click(qtbot, chat.stop_button)
    assert fake.client_closed.wait(5), "the server never saw the request closed"
    qtbot.waitUntil(lambda: not window.chat_page.turns.busy, timeout=SLOW_MS)
    settle(qtbot, shell)

    reply = _reply(shell)
    assert reply.text == "One, two, "
    assert reply.note == STOPPED_NOTE
    assert chat.send_button.isVisible() and not chat.stop_button.isVisible()
    conversation = window.chat_page.conversation_id
    stored = ask(qtbot, shell, lambda service: service.chat.conversation_messages(conversation))
    assert [m.content for m in stored] == ["Count to five, slowly.", "One, two, "]

    # The window goes on as before.
    fake.then(Script(reply="Done."))
    send_chat(qtbot, shell, "Thanks")
    assert _reply(shell).text == "Done."


def _error_row(shell: Shell) -> ErrorRow:
    rows = [r for r in shell.window.chat.transcript.rows() if isinstance(r, ErrorRow)]
    assert rows
    return rows[-1]


def test_errors_are_shown_in_the_chat_and_the_prompt_can_be_sent_again(
    qtbot: QtBot,
    make_shell: ShellFactory,
    facade: Callable[[], Confidant],
    serve: Callable[..., FakeProvider],
) -> None:
    fake = serve("openai")
    shell = ready_shell(qtbot, make_shell, facade)
    _use(qtbot, shell, fake)
    window = shell.window
    chat = window.chat
    prompt = "Where is the harbour?"
    failures = [
        (Script(status=401), "The assistant refused the API key (401)."),
        (Script(status=429, retry_after="20"), "Rate limited; try again in 20 s."),
        (Script(cut_after=2), "The assistant's reply was cut off before it finished."),
        (Script(invalid_json_after=1), "could not read (invalid JSON in an event)"),
    ]
    qtbot.keyClicks(chat.prompt, prompt)
    for number, (script, message) in enumerate(failures, start=1):
        fake.then(script)
        qtbot.keyClick(chat.prompt, Qt.Key.Key_Return)
        qtbot.waitUntil(
            lambda n=number: sum(isinstance(r, ErrorRow) for r in chat.transcript.rows()) == n,
            timeout=SLOW_MS,
        )
        settle(qtbot, shell)
        assert message in _error_row(shell).plain_text()
        # The prompt is back in the box, ready to send again; nothing was recorded.
        assert chat.prompt.toPlainText() == prompt
        assert chat.send_button.isEnabled() and not window.chat_page.turns.busy
    assert window.error_dialog is None  # said in the chat, not in a dialog

    refused = closed_port()
    ask(
        qtbot,
        shell,
        lambda service: service.assistant.set_provider(
            "openai_compat", base_url=f"http://127.0.0.1:{refused}/v1"
        ),
    )
    qtbot.keyClick(chat.prompt, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            f"127.0.0.1:{refused} (the connection was refused)" in chat.transcript.toPlainText()
        ),
        timeout=SLOW_MS,
    )
    settle(qtbot, shell)
    ask(
        qtbot,
        shell,
        lambda service: service.assistant.set_provider("openai_compat", base_url=fake.base_url),
    )

    # Retry sends the same prompt, and the failed attempt makes way for the answer.
    fake.then(Script(reply="By the lighthouse."))
    click(qtbot, _error_row(shell).retry_button)
    qtbot.waitUntil(
        lambda: not window.chat_page.turns.busy and chat.send_button.isVisible(), timeout=SLOW_MS
    )
    settle(qtbot, shell)
    assert _reply(shell).text == "By the lighthouse."
    assert chat.prompt.toPlainText() == ""
    last_two = chat.transcript.messages()[-2:]
    assert [(m.speaker, m.text) for m in last_two] == [
        (USER_SPEAKER, prompt),
        (ASSISTANT_SPEAKER, "By the lighthouse."),
    ]
    sent = [r.json["messages"][-1]["content"] for r in fake.chat_requests()]
    assert sent == [prompt] * 5
    logged = ask(qtbot, shell, lambda service: service.upstream.log())
    assert [e.status for e in reversed(logged)] == [401, 429, 200, 200, None, 200]


def test_a_new_chat_during_a_reply_keeps_working(
    qtbot: QtBot,
    make_shell: ShellFactory,
    facade: Callable[[], Confidant],
    serve: Callable[..., FakeProvider],
) -> None:
    fake = serve("openai")
    shell = ready_shell(qtbot, make_shell, facade)
    _use(qtbot, shell, fake)
    window = shell.window
    fake.then(Script(reply="a long story", pieces=pieces_of(2), hold_after=1))
    qtbot.keyClicks(window.chat.prompt, "Tell me a story")
    qtbot.keyClick(window.chat.prompt, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: fake.deltas_sent >= 1, timeout=SLOW_MS)
    with qtbot.waitSignal(window.conversationStarted, timeout=SLOW_MS):
        window.new_chat_action.trigger()
    assert fake.client_closed.wait(5)
    assert window.chat.transcript.toPlainText() == ""
    fake.then(Script(reply="Fresh start."))
    send_chat(qtbot, shell, "Hello again")
    assert _reply(shell).text == "Fresh start."


def test_closing_the_window_mid_reply_stops_it_and_keeps_what_came(
    qtbot: QtBot,
    make_shell: ShellFactory,
    facade: Callable[[], Confidant],
    serve: Callable[..., FakeProvider],
    profile_dir: Path,
) -> None:
    fake = serve("openai")
    shell = ready_shell(qtbot, make_shell, facade)
    _use(qtbot, shell, fake)
    ask(qtbot, shell, lambda service: service.consent.grant("store_conversations"))
    fake.then(Script(reply="Once upon a time, far away.", pieces=pieces_of(5), hold_after=3))
    qtbot.keyClicks(shell.window.chat.prompt, "Tell me a story")
    qtbot.keyClick(shell.window.chat.prompt, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _reply(shell).plain_text() == "Once upon a tim", timeout=SLOW_MS)

    with qtbot.waitSignal(shell.finished, timeout=SLOW_MS):
        shell.window.close()
    assert fake.client_closed.wait(5)
    reopened = Confidant(profile_dir)
    reopened.open()
    try:
        (summary,) = reopened.chat.conversations()
        stored = [m.content for m in reopened.chat.conversation_messages(summary.id)]
        assert stored == ["Tell me a story", "Once upon a tim"]
        (entry,) = reopened.upstream.log()
        assert entry.error == "cancelled"
    finally:
        reopened.close()
