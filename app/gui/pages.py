"""The shell's pages: their keys, their order in the sidebar, and each one's (view, controller).

Every page but the chat is built the first time it is shown, from ``PAGE_TABLE``; the loaders
import its modules only then, since none of them is needed to paint the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from app.gui.controllers.base import PageController

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
