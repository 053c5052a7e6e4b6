"""Driving Confidant by keyboard: the shortcuts, Tab through every page, search and open."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.core.service import Confidant
from app.gui.application import Shell
from app.gui.dialogs.search_dialog import SearchDialog
from app.gui.pages import CHAT_PAGE, PAGES, PRIVACY_PAGE
from tests.gui.shells import SLOW_MS, ShellFactory, ask, new_chat, ready_shell, send_chat, settle
from tests.gui.widget_walk import controls, describe, page_variants

PLANTED = "zanzibarlighthouse"
MAX_TABS = 400


def _active(qtbot: QtBot, shell: Shell) -> None:
    window = shell.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=SLOW_MS)


def _press(
    qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None
    qtbot.keyClick(target, key, modifiers)


def _tab_walk(qtbot: QtBot) -> list[QWidget]:
    """Press Tab until the focus comes back where it started; return every widget it visited."""
    first = QApplication.focusWidget()
    assert first is not None
    visited = [first]
    for _ in range(MAX_TABS):
        _press(qtbot, Qt.Key.Key_Tab)
        current = QApplication.focusWidget()
        assert current is not None
        if current is first:
            return visited
        visited.append(current)
    last = [f"{type(w).__name__}:{w.objectName()}" for w in visited[-6:]]
    raise AssertionError(f"Tab never came back to {first.objectName()!r}; a trap at {last}")


def _reached(control: QWidget, visited: list[QWidget]) -> bool:
    proxy = control.focusProxy()
    return any(w is control or w is proxy or control.isAncestorOf(w) for w in visited)


def _unreached(page: QWidget, visited: list[QWidget]) -> list[str]:
    return [describe(c) for c in controls(page, enabled_only=True) if not _reached(c, visited)]


def test_the_shortcuts_trigger_their_actions(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    window = shell.window
    _active(qtbot, shell)
    first = window.chat_page.conversation_id

    with qtbot.waitSignal(window.conversationStarted, timeout=SLOW_MS):
        _press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, shell)
    assert window.chat_page.conversation_id not in (None, first)
    assert window.save_status_label.text() != "Temporary"

    with qtbot.waitSignal(window.conversationStarted, timeout=SLOW_MS):
        _press(
            qtbot,
            Qt.Key.Key_N,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    settle(qtbot, shell)
    assert window.save_status_label.text() == "Temporary"

    with qtbot.waitSignal(window.pageShown, timeout=SLOW_MS) as shown:
        _press(
            qtbot,
            Qt.Key.Key_P,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert shown.args == [PRIVACY_PAGE]
    settle(qtbot, shell)
    with qtbot.waitSignal(window.pageShown, timeout=SLOW_MS) as shown:
        _press(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert shown.args == [CHAT_PAGE]

    _press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: window.chat_page.search is not None and window.chat_page.search.dialog is not None,
        timeout=SLOW_MS,
    )
    dialog = window.chat_page.search.dialog  # type: ignore[union-attr]
    assert isinstance(dialog, SearchDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=SLOW_MS)
    qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.chat_page.search.dialog is None, timeout=SLOW_MS)  # type: ignore[union-attr]


@pytest.mark.slow
def test_tab_reaches_every_control_on_every_page(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    window = shell.window
    send_chat(qtbot, shell, "a message, so the transcript has buttons")
    _active(qtbot, shell)
    problems: dict[str, list[str]] = {}
    walks = 0
    for index, (key, _label, _shortcut) in enumerate(PAGES, start=1):
        with qtbot.waitSignal(window.pageShown, timeout=SLOW_MS):
            _press(qtbot, getattr(Qt.Key, f"Key_{index}"), Qt.KeyboardModifier.ControlModifier)
        settle(qtbot, shell)
        page = window.pages[key]
        for name, arrange in page_variants(page):
            arrange()
            settle(qtbot, shell)
            window.navigation.setFocus()
            visited = _tab_walk(qtbot)
            walks += 1
            assert len(visited) > 1
            missing = _unreached(page, visited) + _unreached(window.navigation, visited)
            if missing:
                problems[f"{key}, {name}"] = missing
    assert problems == {}
    assert walks > len(PAGES)


def test_search_finds_a_stored_message_and_opens_it_by_keyboard(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    window = shell.window
    ask(qtbot, shell, lambda service: service.consent.grant("store_conversations"))
    new_chat(qtbot, shell)
    send_chat(qtbot, shell, f"Tell me about the {PLANTED} on the coast")
    stored_id = window.chat_page.conversation_id
    new_chat(qtbot, shell)
    send_chat(qtbot, shell, "something else entirely")
    assert PLANTED not in window.chat.transcript.toPlainText()

    _active(qtbot, shell)
    _press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: (
            window.chat_page.search is not None
            and window.chat_page.search.dialog is not None
            and window.chat_page.search.dialog.isVisible()
        ),
        timeout=SLOW_MS,
    )
    dialog = window.chat_page.search.dialog  # type: ignore[union-attr]
    assert isinstance(dialog, SearchDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.query_edit, timeout=SLOW_MS)
    qtbot.keyClicks(dialog.query_edit, "zanzibar coa")
    # Enter searches at once and moves to the results.
    _press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.results.count() == 1, timeout=SLOW_MS)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.results, timeout=SLOW_MS)
    hit = dialog.results.item(0).text()
    assert PLANTED in hit and "You:" in hit

    with qtbot.waitSignal(window.storedConversationShown, timeout=SLOW_MS) as shown:
        _press(qtbot, Qt.Key.Key_Return)
    assert shown.args == [stored_id]
    qtbot.waitUntil(lambda: window.chat_page.search.dialog is None, timeout=SLOW_MS)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not window.chat.transcript.loading, timeout=SLOW_MS)
    transcript = window.chat.transcript.toPlainText()
    assert f"Tell me about the {PLANTED} on the coast" in transcript
    assert "something else entirely" not in transcript
    # The stored conversation is taken up again: it can be continued (issue 16).
    assert window.chat_page.conversation_id == stored_id
    assert window.chat.prompt.isEnabled()
    _active(qtbot, shell)
    with qtbot.waitSignal(window.conversationStarted, timeout=SLOW_MS):
        _press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, shell)
    assert window.chat.prompt.isEnabled()


def test_nothing_found_says_so(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    window = shell.window
    window.search_action.trigger()
    qtbot.waitUntil(
        lambda: window.chat_page.search is not None and window.chat_page.search.dialog is not None
    )
    dialog = window.chat_page.search.dialog  # type: ignore[union-attr]
    assert dialog is not None
    qtbot.keyClicks(dialog.query_edit, "nothing-like-this")
    qtbot.waitUntil(
        lambda: dialog.status_label.text() == "Nothing stored matches.", timeout=SLOW_MS
    )
    assert dialog.results.count() == 0
    dialog.close()
