"""Helpers for driving a shell in GUI tests: dialogs, pages, clicks, and the DB lane."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QTabWidget,
    QToolBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.core.service import Confidant
from app.gui.application import Shell
from app.gui.background import Timings
from app.gui.dialogs.first_run_dialog import FirstRunDialog
from app.gui.pages import PAGES

#: Generous, because opening a store derives keys and talks to gnome-keyring.
SLOW_MS = 15_000

DialogT = TypeVar("DialogT", bound=QDialog)
T = TypeVar("T")
ShellFactory = Callable[..., Shell]


def wait_for_dialog(qtbot: QtBot, shell: Shell, kind: type[DialogT]) -> DialogT:
    """Wait until the shell shows a dialog of ``kind``, and return it."""

    def shown() -> bool:
        dialog = shell.current_dialog
        return isinstance(dialog, kind) and dialog.isVisible()

    qtbot.waitUntil(shown, timeout=SLOW_MS)
    dialog = shell.current_dialog
    assert isinstance(dialog, kind)
    return dialog


def dialog_text(dialog: QDialog) -> str:
    """All the text of a dialog's labels, joined by newlines."""
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def button_texts(dialog: QDialog) -> list[str]:
    """The text of every button in a dialog, without mnemonics."""
    return [button.text().replace("&", "") for button in dialog.findChildren(QAbstractButton)]


def ready_shell(
    qtbot: QtBot,
    make_shell: ShellFactory,
    factory: Callable[[], Confidant],
    *,
    timings: Timings | None = None,
) -> Shell:
    """Start a shell on ``factory``, pass the first-run screen if there is one, wait for chat."""
    shell = make_shell(factory, timings=timings)

    def first_run_or_ready() -> bool:
        dialog = shell.current_dialog
        return shell.window.chat_page.conversation_id is not None or (
            isinstance(dialog, FirstRunDialog) and dialog.isVisible()
        )

    qtbot.waitUntil(first_run_or_ready, timeout=SLOW_MS)
    dialog = shell.current_dialog
    if isinstance(dialog, FirstRunDialog):
        with qtbot.waitSignal(shell.ready, timeout=SLOW_MS):
            qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    settle(qtbot, shell)
    return shell


def settle(qtbot: QtBot, shell: Shell) -> None:
    """Wait until every job on the DB lane and the I/O pool has run and delivered its result.

    A job in stages (a send: prepare, transmit, record) hands over from one to the next as it
    delivers, so no moment between them looks idle. Posted events are handled too: a widget
    added to a visible layout is shown by one.
    """

    def idle() -> bool:
        QApplication.sendPostedEvents()
        return shell.db_lane.pending == 0 and shell.io_pool.pending == 0

    qtbot.waitUntil(idle, timeout=SLOW_MS)


def ask(qtbot: QtBot, shell: Shell, fn: Callable[..., T], *args: Any) -> T:
    """Run ``fn(service, *args)`` on the shell's DB lane (as the app would) and return its value."""
    outcome: list[tuple[bool, Any]] = []
    shell.db_lane.submit(
        fn,
        shell.service,
        *args,
        on_result=lambda value: outcome.append((True, value)),
        on_error=lambda exc: outcome.append((False, exc)),
    )
    qtbot.waitUntil(lambda: bool(outcome), timeout=SLOW_MS)
    ok, value = outcome[0]
    if not ok:
        raise value
    return value  # type: ignore[no-any-return]


def click(qtbot: QtBot, widget: QWidget) -> None:
    """One left click in the middle of ``widget``, once it can take one."""
    qtbot.waitUntil(lambda: widget.isVisible() and widget.isEnabled(), timeout=SLOW_MS)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def toolbar_button(window: QMainWindow, toolbar_name: str, action: QAction) -> QWidget:
    """The button a toolbar shows for ``action``."""
    toolbar = window.findChild(QToolBar, toolbar_name)
    assert toolbar is not None
    button = toolbar.widgetForAction(action)
    assert button is not None
    return button


def open_page(qtbot: QtBot, shell: Shell, key: str) -> QWidget:
    """Click the page's button in the sidebar; return the page once it is filled."""
    window = shell.window
    keys = [page for page, _label, _shortcut in PAGES]
    navigation = window.navigation
    assert navigation.isEnabled()
    item = navigation.item(keys.index(key))
    rect = navigation.visualItemRect(item)
    qtbot.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle(qtbot, shell)
    page = window.pages[key]
    assert window.stack.currentWidget() is page
    return page


def send_chat(qtbot: QtBot, shell: Shell, text: str) -> None:
    """Type ``text`` into the prompt, press Enter, and wait for the reply."""
    chat = shell.window.chat
    messages = len(chat.transcript.messages())
    qtbot.keyClicks(chat.prompt, text)
    qtbot.keyClick(chat.prompt, Qt.Key.Key_Return)
    # The prompt and the reply (in whatever language the speakers are named).
    qtbot.waitUntil(lambda: len(chat.transcript.messages()) == messages + 2, timeout=SLOW_MS)
    # The reply streams in: wait until it is over and recorded.
    qtbot.waitUntil(lambda: not shell.window.chat_page.turns.busy, timeout=SLOW_MS)
    settle(qtbot, shell)


def new_chat(qtbot: QtBot, shell: Shell, *, temporary: bool = False) -> None:
    """Click New chat (or Temporary chat) in the toolbar and wait until it can take input."""
    window = shell.window
    action = window.temporary_chat_action if temporary else window.new_chat_action
    with qtbot.waitSignal(window.conversationStarted, timeout=SLOW_MS):
        click(qtbot, toolbar_button(window, "chatToolBar", action))
    settle(qtbot, shell)


def click_tab(qtbot: QtBot, tabs: QTabWidget, title: str) -> None:
    """Click the tab called ``title``."""
    bar = tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index
