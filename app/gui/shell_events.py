"""What controllers tell the shell, and what the app lock needs of it: one small events object.

Controllers never hold the ``MainWindow`` class. They emit on ``ShellEvents`` (the shell
connects each signal once, in ``main_window``), and the app lock drives the window through the
``LockableShell`` protocol, which ``MainWindow`` satisfies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget

    from app.core.service import Confidant


class ShellEvents(QObject):
    """The shell's inbox: each signal is one thing a page or controller may report."""

    #: Something may have changed whether the chat on show is kept (a consent, child mode...).
    saveStatusChanged = Signal()
    #: The chosen assistant or its settings changed: the status bar names it again.
    providerChanged = Signal()
    #: Child mode was turned on or off (the new state).
    childModeChanged = Signal(bool)
    #: The app-lock settings changed (an AppLockStatus).
    appLockChanged = Signal(object)
    #: Stored data changed behind the page on show (an import, a deletion): read it again.
    dataChanged = Signal()
    #: A page asks for the Data menu's action of this key (export, import, delete, forget).
    dataActionRequested = Signal(str)
    #: The privacy dashboard changed the notices: the banner reads them again.
    noticesChanged = Signal()


class LockableShell(Protocol):
    """What the app lock needs of the window (``MainWindow`` has each of these)."""

    events: ShellEvents

    @property
    def reply_busy(self) -> bool:
        """Whether a reply is on its way."""
        ...

    def stop_reply(self) -> None:
        """Stop the reply on its way; what arrived is kept."""

    def show_status_message(self, text: str) -> None:
        """Say something in the status bar."""

    def add_lock_action(self, action: QAction) -> None:
        """Put Lock now in the menu."""

    def show_lock_screen(self, screen: QWidget) -> None:
        """Cover the window with the lock screen."""

    def hide_lock_screen(self) -> None:
        """Give the window its contents back."""

    def attach(self, service: Confidant) -> None:
        """Use the (open) facade again."""

    def show_error(self, exc: Exception) -> None:
        """Tell the user about a failure."""

    def close(self) -> bool:
        """Close the window (quit)."""
        ...
