"""The shell's pages: their keys, their sidebar order, each one's (view, controller), their stack.

Every page but the chat is built the first time it is shown, from ``PAGE_TABLE``; the loaders
import its modules only then, since none of them is needed to paint the window. ``PageStack``
holds the pages built so far and their controllers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QStackedWidget, QWidget

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.gui.controllers.base import PageContext, PageController
    from app.gui.controllers.chat_page import ChatPageController

CHAT_PAGE = "chat"
PRIVACY_PAGE = "privacy"
PREFERENCES_PAGE = "preferences"
OUTBOX_PAGE = "outbox"
ASSISTANT_PAGE = "assistant"
GUARDIAN_PAGE = "guardian"
#: (key, navigation label, shortcut), in sidebar order.
PAGES = (
    (CHAT_PAGE, QT_TRANSLATE_NOOP("MainWindow", "Chat"), "Ctrl+1"),
    (PRIVACY_PAGE, QT_TRANSLATE_NOOP("MainWindow", "Privacy"), "Ctrl+2"),
    (PREFERENCES_PAGE, QT_TRANSLATE_NOOP("MainWindow", "Preferences"), "Ctrl+3"),
    (OUTBOX_PAGE, QT_TRANSLATE_NOOP("MainWindow", "Outbox"), "Ctrl+4"),
    (ASSISTANT_PAGE, QT_TRANSLATE_NOOP("MainWindow", "Assistant"), "Ctrl+5"),
    (GUARDIAN_PAGE, QT_TRANSLATE_NOOP("MainWindow", "Guardian"), "Ctrl+6"),
)

PageClasses = tuple["type[QWidget]", "type[PageController]"]


# Each page's (view, controller), imported the first time the page is opened: none of it is
# needed to paint the window.
def _privacy_page() -> PageClasses:
    from app.gui.controllers.privacy_dashboard import PrivacyDashboardController
    from app.gui.views.privacy_dashboard import PrivacyDashboard

    return PrivacyDashboard, PrivacyDashboardController


def _preferences_page() -> PageClasses:
    from app.gui.controllers.preferences_page import PreferencesController
    from app.gui.views.preferences_page import PreferencesPage

    return PreferencesPage, PreferencesController


def _outbox_page() -> PageClasses:
    from app.gui.controllers.outbox_page import OutboxController
    from app.gui.views.outbox_page import OutboxPage

    return OutboxPage, OutboxController


def _provider_page() -> PageClasses:
    from app.gui.controllers.provider_page import ProviderController
    from app.gui.views.provider_page import ProviderPage

    return ProviderPage, ProviderController


def _guardian_page() -> PageClasses:
    from app.gui.controllers.guardian_page import GuardianPageController
    from app.gui.views.guardian_page import GuardianPage

    return GuardianPage, GuardianPageController


#: The pages other than the chat: key → what gives its (view, controller) classes.
PAGE_TABLE: dict[str, Callable[[], PageClasses]] = {
    PRIVACY_PAGE: _privacy_page,
    PREFERENCES_PAGE: _preferences_page,
    OUTBOX_PAGE: _outbox_page,
    ASSISTANT_PAGE: _provider_page,
    GUARDIAN_PAGE: _guardian_page,
}
#: What the status bar says while something is under way.


class PageStack(QStackedWidget):
    """The pages built so far (the chat's from the start), one on show, and their controllers."""

    def __init__(self, chat: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageStack")
        self.addWidget(chat)
        #: Each page built so far, by key; the chat's is there from the start.
        self.pages: dict[str, QWidget] = {CHAT_PAGE: chat}
        #: The controllers of the pages built so far (the shell adds the chat's).
        self.controllers: dict[str, PageController | ChatPageController] = {}

    def build(self, key: str, context: PageContext) -> QWidget:
        """Build the page ``key`` from ``PAGE_TABLE``, with its controller, and keep both."""
        classes = PAGE_TABLE.get(key)
        if classes is None:
            raise ValueError(f"No page called {key!r}.")
        view_class, controller_class = classes()
        view = view_class(self)
        self.addWidget(view)
        self.pages[key] = view
        self.controllers[key] = controller_class.for_page(view, context)
        return view

    def current_key(self) -> str:
        """The key of the page on show."""
        current = self.currentWidget()
        return next((key for key, page in self.pages.items() if page is current), CHAT_PAGE)

    def refresh(self, key: str) -> None:
        """Have the controller of page ``key``, if it has been built, read what it shows again."""
        controller = self.controllers.get(key)
        if controller is not None:
            controller.refresh()

    def drop_built(self) -> None:
        """Delete every page but the chat, and their controllers (built again when next shown)."""
        for key in [key for key in self.pages if key != CHAT_PAGE]:
            page = self.pages.pop(key)
            controller = self.controllers.pop(key, None)
            self.removeWidget(page)
            page.deleteLater()
            if controller is not None:
                controller.deleteLater()
