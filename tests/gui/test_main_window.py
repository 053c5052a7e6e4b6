"""The acceptance test of the shell, and the chat window's behaviour on a real profile."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.core.assistant.offline import LABEL as OFFLINE_LABEL
from app.core.service import Confidant
from app.gui.application import Shell
from app.gui.controllers.chat_page import ASSISTANT_SPEAKER, USER_SPEAKER
from app.gui.dialogs.first_run_dialog import FirstRunDialog
from app.gui.pages import CHAT_PAGE, OUTBOX_PAGE, PREFERENCES_PAGE, PRIVACY_PAGE
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
    wait_for_dialog,
)
from tests.helpers.files import files_containing, files_under

PROMPT = "Remind me what I told the lighthouse keeper 7f3a9c"
REPLY_MARK = "I am a local demo assistant"


def _ready_shell(qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]) -> Shell:
    shell = make_shell(facade)
    first_run = wait_for_dialog(qtbot, shell, FirstRunDialog)
    with qtbot.waitSignal(shell.ready, timeout=SLOW_MS):
        qtbot.mouseClick(first_run.continue_button, Qt.MouseButton.LeftButton)
    return shell


def _wait_for_replies(qtbot: QtBot, shell: Shell, count: int) -> None:
    qtbot.waitUntil(
        lambda: shell.window.chat.transcript.toPlainText().count(REPLY_MARK) == count,
        timeout=SLOW_MS,
    )


def test_offline_chat_on_a_fresh_profile_stores_nothing(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant], profile_dir: Path
) -> None:
    shell = _ready_shell(qtbot, make_shell, facade)
    window = shell.window
    assert window.windowTitle() == "Confidant"
    assert window.provider_label.text() == OFFLINE_LABEL

    qtbot.keyClicks(window.chat.prompt, PROMPT)
    qtbot.mouseClick(window.chat.send_button, Qt.MouseButton.LeftButton)
    _wait_for_replies(qtbot, shell, 1)

    transcript = window.chat.transcript.toPlainText()
    assert PROMPT in transcript
    assert transcript.index(USER_SPEAKER) < transcript.index(ASSISTANT_SPEAKER)
    status_label = window.findChild(QLabel, "saveStatusLabel")
    assert status_label is not None and status_label.text() == "Not saved"
    assert window.chat.prompt.toPlainText() == ""

    with qtbot.waitSignal(shell.finished, timeout=SLOW_MS) as finished:
        window.close()
    assert finished.args == [0]
    assert shell.db_lane.closed
    assert shell.service is not None and not shell.service.is_open

    reopened = Confidant(profile_dir)
    reopened.open()
    try:
        assert reopened.chat.stored_message_count() == 0
        assert reopened.database.query("SELECT count(*) FROM messages")[0][0] == 0
    finally:
        reopened.close()
    files = files_under(profile_dir)
    assert files, "the profile should exist on disk"
    assert files_containing(files, [PROMPT.encode("utf-8")]) == []


def test_enter_sends_and_shift_enter_adds_a_line(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = _ready_shell(qtbot, make_shell, facade)
    prompt = shell.window.chat.prompt
    qtbot.keyClicks(prompt, "first line")
    qtbot.keyClick(prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(prompt, "second line")
    assert prompt.toPlainText() == "first line\nsecond line"

    qtbot.keyClick(prompt, Qt.Key.Key_Return)
    _wait_for_replies(qtbot, shell, 1)
    assert "first line\nsecond line" in shell.window.chat.transcript.toPlainText()
    assert "Your message had 4 words" in shell.window.chat.transcript.toPlainText()


def test_an_empty_prompt_is_not_sent(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = _ready_shell(qtbot, make_shell, facade)
    qtbot.keyClicks(shell.window.chat.prompt, "   ")
    qtbot.keyClick(shell.window.chat.prompt, Qt.Key.Key_Return)
    qtbot.mouseClick(shell.window.chat.send_button, Qt.MouseButton.LeftButton)
    shell.db_lane.wait()
    qtbot.wait(50)
    assert shell.window.chat.transcript.toPlainText() == ""


def test_markup_in_a_prompt_is_shown_as_text(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = _ready_shell(qtbot, make_shell, facade)
    markup = '<b>bold</b> <img src="http://example.invalid/x.png">'
    qtbot.keyClicks(shell.window.chat.prompt, markup)
    qtbot.keyClick(shell.window.chat.prompt, Qt.Key.Key_Return)
    _wait_for_replies(qtbot, shell, 1)
    assert markup in shell.window.chat.transcript.toPlainText()


def test_new_chat_clears_the_transcript_and_keeps_working(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = _ready_shell(qtbot, make_shell, facade)
    window = shell.window
    qtbot.keyClicks(window.chat.prompt, "hello")
    qtbot.keyClick(window.chat.prompt, Qt.Key.Key_Return)
    _wait_for_replies(qtbot, shell, 1)

    with qtbot.waitSignal(window.conversationStarted, timeout=SLOW_MS):
        window.new_chat_action.trigger()
    assert window.chat.transcript.toPlainText() == ""
    assert window.save_status_label.text() == "Not saved"

    qtbot.keyClicks(window.chat.prompt, "again")
    qtbot.mouseClick(window.chat.send_button, Qt.MouseButton.LeftButton)
    _wait_for_replies(qtbot, shell, 1)
    assert "again" in window.chat.transcript.toPlainText()


def test_input_waits_for_the_profile_and_has_names(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = make_shell(facade)
    chat = shell.window.chat
    assert not chat.prompt.isEnabled()
    assert not chat.send_button.isEnabled()
    assert not shell.window.new_chat_action.isEnabled()
    for widget, name in (
        (chat.prompt, "promptEdit"),
        (chat.send_button, "sendButton"),
        (chat.transcript, "transcriptView"),
        (shell.window.save_status_label, "saveStatusLabel"),
    ):
        assert widget.objectName() == name
        assert widget.accessibleName()
    wait_for_dialog(qtbot, shell, FirstRunDialog)
    assert not chat.prompt.isEnabled()


class _PaintClock(QObject):
    """Notes when a widget is first painted."""

    def __init__(self) -> None:
        super().__init__()
        self.first_paint: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.first_paint is None:
            self.first_paint = time.monotonic()
        return False


def test_the_window_paints_before_the_store_is_touched(
    qtbot: QtBot, make_shell: ShellFactory, profile_dir: Path
) -> None:
    created_at: list[float] = []

    def factory() -> Confidant:
        created_at.append(time.monotonic())
        return Confidant(profile_dir)

    shell = make_shell(factory, start=False)
    clock = _PaintClock()
    shell.window.installEventFilter(clock)
    shell.start()
    wait_for_dialog(qtbot, shell, FirstRunDialog)
    shell.window.removeEventFilter(clock)
    assert clock.first_paint is not None and created_at
    assert clock.first_paint < created_at[0]


def _save_status(shell: Shell) -> tuple[str, str]:
    window = shell.window
    return window.save_status_label.text(), window.chat.save_note.text()


# Known false positive of the learned sensitivity classifier (issue 14): "something I would
# rather not keep" is flagged as mental health, so the manual toggle below clears the flag
# instead of setting it. Strict: it fails once the model is fixed.
def test_the_status_bar_says_whether_and_why_a_conversation_is_kept(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    window = shell.window
    text, why = _save_status(shell)
    assert text == "Not saved" and "not agreed" in why
    assert window.save_status_label.toolTip() == why
    assert not window.allow_saving_button.isVisible()

    page = open_page(qtbot, shell, PRIVACY_PAGE)
    click(qtbot, page.consent_card("store_conversations").switch)
    settle(qtbot, shell)
    open_page(qtbot, shell, CHAT_PAGE)
    send_chat(qtbot, shell, "how deep is the harbour")
    text, why = _save_status(shell)
    assert text == "Saved, encrypted" and "encrypted" in why

    new_chat(qtbot, shell, temporary=True)
    text, why = _save_status(shell)
    assert text == "Temporary" and "never kept" in why
    send_chat(qtbot, shell, "a passing thought")
    assert _save_status(shell)[0] == "Temporary"

    new_chat(qtbot, shell)
    send_chat(qtbot, shell, "something I would rather not keep")
    window.sensitive_action.trigger()
    settle(qtbot, shell)
    text, why = _save_status(shell)
    assert text == "Sensitive — not saved"
    assert "unless you allow it" in why
    assert window.allow_saving_button.isVisible()
    sensitive_id = window.chat_page.conversation_id
    stored = {c.id for c in ask(qtbot, shell, lambda service: service.chat.conversations())}
    assert sensitive_id not in stored

    click(qtbot, window.allow_saving_button)
    settle(qtbot, shell)
    assert _save_status(shell)[0] == "Saved, encrypted"
    assert not window.allow_saving_button.isVisible()
    stored = {c.id for c in ask(qtbot, shell, lambda service: service.chat.conversations())}
    assert sensitive_id in stored
    # Two conversations are kept: the first one and the sensitive one the user allowed.
    assert len(stored) == 2


def test_the_pages_are_built_only_when_first_shown(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    window = shell.window
    assert set(window.pages) == {CHAT_PAGE}
    for key in (PRIVACY_PAGE, PREFERENCES_PAGE, OUTBOX_PAGE):
        with qtbot.waitSignal(window.pageShown, timeout=SLOW_MS) as shown:
            open_page(qtbot, shell, key)
        assert shown.args == [key]
        assert window.current_page() == key
    assert set(window.pages) == {CHAT_PAGE, PRIVACY_PAGE, PREFERENCES_PAGE, OUTBOX_PAGE}
    new_chat(qtbot, shell)
    assert window.current_page() == CHAT_PAGE


def test_the_shortcuts_are_set_once_the_profile_is_open(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    # They are set after the first paint (loading QKeySequence would hold it back).
    shell = make_shell(facade, start=False)
    window = shell.window
    assert window.new_chat_action.shortcut().isEmpty()
    shell.start()
    first_run = wait_for_dialog(qtbot, shell, FirstRunDialog)
    assert window.new_chat_action.shortcut().isEmpty()
    with qtbot.waitSignal(shell.ready, timeout=SLOW_MS):
        click(qtbot, first_run.continue_button)
    # The platform's own keys (the offscreen platform has none for Quit).
    new, quit_ = QKeySequence.StandardKey.New, QKeySequence.StandardKey.Quit
    assert window.new_chat_action.shortcuts() == QKeySequence.keyBindings(new) != []
    assert window.quit_action.shortcuts() == QKeySequence.keyBindings(quit_)
    assert window.temporary_chat_action.shortcut() == QKeySequence("Ctrl+Shift+N")
    assert window.page_actions[PRIVACY_PAGE].shortcut() == QKeySequence("Ctrl+2")
