"""The shell window: navigation between the pages, the menus, the status bar, the lock screen.

The chat page's logic is in ``controllers/chat_page``; the other pages are built from one table
(``PAGE_TABLE``) the first time they are shown. Controllers report to the shell through one
``ShellEvents`` object, never through this class.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from app.gui.child_indicator import ChildModeIndicator
from app.gui.controllers.chat_page import ChatPageController, build_chat_actions
from app.gui.i18n import follow_language
from app.gui.pages import CHAT_PAGE, PRIVACY_PAGE, PageStack
from app.gui.shell_events import ShellEvents
from app.gui.signals import emit
from app.gui.status_bar import ShellStatusBar
from app.gui.views.chat_page import ChatView
from app.gui.widgets.page_navigation import PageNavigation
from app.gui.window_settings import WindowSettings
from app.gui.workers import WorkerPool, io_pool

if TYPE_CHECKING:
    # Only for annotations: importing the store before the first paint would slow start-up.
    # For the same reason the pages other than the chat, and the notice banner, are imported
    # and built the first time they are needed.
    from app.core.service import Confidant
    from app.gui.controllers.data import DataController
    from app.gui.controllers.notices import NoticeBannerController
    from app.gui.controllers.privacy_checkup import PrivacyCheckupController
    from app.gui.controllers.profile_tools import ProfileTools

# Marked for translation here; the status bar translates them when it says them.
OPENING = QT_TRANSLATE_NOOP("MainWindow", "Opening your profile…")
LOCKED = QT_TRANSLATE_NOOP("MainWindow", "Locked")


class MainWindow(QMainWindow):
    """The main window. Its input stays disabled until a profile is attached."""

    #: Emitted from closeEvent, before the window goes away.
    closing = Signal()
    #: Emitted with the conversation id once a new chat can take input.
    conversationStarted = Signal(str)
    #: Emitted with the page key each time a page is shown.
    pageShown = Signal(str)
    #: Emitted with whether child mode is on, each time the window learns it (and at attach).
    childModeChanged = Signal(bool)
    #: Emitted with the conversation id once a stored conversation is on show.
    storedConversationShown = Signal(str)

    def __init__(
        self,
        db_lane: WorkerPool,
        parent: QWidget | None = None,
        *,
        network_pool: WorkerPool | None = None,
    ) -> None:
        super().__init__(parent)
        self._db_lane = db_lane
        # Replies stream on the I/O pool (the window makes its own if it is given none).
        self._io_pool = network_pool if network_pool is not None else io_pool(self)
        #: What controllers report to the shell.
        self.events = ShellEvents(self)
        self._service: Confidant | None = None
        self._accepting_input = True
        self.error_dialog: QDialog | None = None
        #: Made once a profile is attached (after the first paint).
        self.checkup: PrivacyCheckupController | None = None
        self.notices: NoticeBannerController | None = None
        self.data: DataController | None = None
        #: The tools that come with a profile (the banner, the checkup, Data, My data).
        self.tools: ProfileTools | None = None
        self._child_mode = False
        #: The child-mode badge on this window and on every dialog (see child_indicator).
        self.child_indicator = ChildModeIndicator(self, after_first_paint_of=self)
        #: The window's own central widget while the lock screen takes its place.
        self._unlocked_central: QWidget | None = None
        self._shortcuts_installed = False

        self.setObjectName("mainWindow")
        self.setWindowTitle("Confidant")
        self.resize(1000, 700)

        self.chat = ChatView(self)
        self.stack = PageStack(self.chat, self)
        self.pages: dict[str, QWidget] = self.stack.pages
        self.controllers = self.stack.controllers
        self._build_actions()
        self._build_navigation()
        self.status = ShellStatusBar(self, self.allow_saving_action)
        self.provider_label = self.status.provider_label
        self.save_status_label = self.status.save_status_label
        self.allow_saving_button = self.status.allow_saving_button
        self._build_chat_page()

        self.setCentralWidget(self._build_central())
        self.retranslate()
        follow_language(self, self.retranslate)

        self._update_input()
        # Size and place as the user left them (the only thing kept in plain settings).
        self.window_settings = WindowSettings()
        self.window_settings.restore(self)

    def _build_central(self) -> QWidget:
        """The sidebar beside the page stack, with room above the page for a notice banner."""
        central = QWidget(self)
        # The notice banner, when there is one, goes above the page (index 0).
        self._page_column = QVBoxLayout()
        self._page_column.setContentsMargins(0, 0, 0, 0)
        self._page_column.setSpacing(0)
        self._page_column.addWidget(self.stack, 1)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigation)
        row.addLayout(self._page_column, 1)
        return central

    def _build_chat_page(self) -> None:
        """The chat page's controller, and what it and the other controllers tell the shell."""
        self.chat_page = ChatPageController(
            self.chat,
            self.chat_actions,
            (self.save_status_label, self.allow_saving_button),
            self._db_lane,
            self._io_pool,
            self.show_error,
            self,
        )
        self.controllers[CHAT_PAGE] = self.chat_page
        # What the chat page and the other controllers tell the shell.
        chat = self.chat_page
        chat.conversationStarted.connect(self.conversationStarted)
        chat.storedConversationShown.connect(self.storedConversationShown)
        chat.showRequested.connect(self._show_chat)
        chat.statusSaid.connect(self.status.say)
        chat.statusCleared.connect(self.status.clear)
        chat.providerLabelChanged.connect(self.provider_label.set_label)
        chat.inputChanged.connect(self._update_input)
        events = self.events
        events.saveStatusChanged.connect(self.chat_page.refresh_save_status)
        events.providerChanged.connect(self.refresh_provider_label)
        events.childModeChanged.connect(self.set_child_mode)
        events.dataChanged.connect(self.refresh_current_page)
        events.dataChanged.connect(self.chat_page.refresh_save_status)

    def _build_actions(self) -> None:
        # Their texts are set in ``retranslate`` (the chat's by its controller).
        self.chat_actions = build_chat_actions(self)
        (
            self.new_chat_action,
            self.temporary_chat_action,
            self.search_action,
            self.sensitive_action,
            self.allow_saving_action,
        ) = self.chat_actions
        # The child's own tools, on the toolbar while child mode is on: one click away.
        self.my_data_action = QAction(self)
        self.my_data_action.setObjectName("myDataAction")
        self.my_data_action.setVisible(False)
        self.quit_action = QAction(self)
        self.quit_action.setObjectName("quitAction")

        chat_menu = self.menuBar().addMenu("")
        chat_menu.setObjectName("chatMenu")
        self.chat_menu = chat_menu
        chat_menu.addActions([self.new_chat_action, self.temporary_chat_action, self.search_action])
        chat_menu.addSeparator()
        chat_menu.addActions([self.sensitive_action, self.allow_saving_action])
        chat_menu.addSeparator()
        chat_menu.addAction(self.quit_action)
        toolbar = self.addToolBar("")
        toolbar.setObjectName("chatToolBar")
        self.toolbar = toolbar
        toolbar.setMovable(False)
        toolbar.addActions([self.new_chat_action, self.temporary_chat_action])
        toolbar.addActions([self.my_data_action, self.search_action])

        self.quit_action.triggered.connect(self.close)

    def _build_navigation(self) -> None:
        view_menu = self.menuBar().addMenu("")
        view_menu.setObjectName("viewMenu")
        self.view_menu = view_menu
        self.navigation = PageNavigation(view_menu, self)
        self.page_actions = self.navigation.page_actions
        # Set again whenever the palette changes (changeEvent), so it follows dark and light.
        self.navigation.match_window(self.palette())
        self.navigation.pageChosen.connect(self.show_page)

    def changeEvent(self, event: QEvent) -> None:
        """Keep the sidebar in the window's colour when the palette changes (dark, light)."""
        palette_changes = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
        if event.type() in palette_changes and hasattr(self, "navigation"):
            self.navigation.match_window(self.palette())
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set the window's texts in the interface language (again, when it changes).

        The menus, the toolbar and the sidebar, and what the status bar and the chat say
        now: the save status, the assistant, a message the window put up, the speakers and
        notes of the messages on show.
        """
        self.chat_menu.setTitle(self.tr("&Chat"))
        self.view_menu.setTitle(self.tr("&View"))
        self.toolbar.setWindowTitle(self.tr("Chat"))
        self.my_data_action.setText(self.tr("My data"))
        self.my_data_action.setStatusTip(self.tr("See what is stored about you, and delete it"))
        self.quit_action.setText(self.tr("&Quit"))

        self.navigation.retranslate()
        self.status.retranslate()
        self.chat_page.retranslate()

    def show_status_message(self, text: str) -> None:
        """Say ``text`` in the status bar (the app lock, while it waits for work to end)."""
        self.status.show_text(text)

    # --- what the shell tells the window ---------------------------------------------------

    def show_opening(self) -> None:
        """Say that the profile is being opened (input stays disabled)."""
        self.status.say(OPENING)

    @Slot()
    def refresh_provider_label(self) -> None:
        """Ask which assistant is chosen, and name it (local or remote) in the status bar."""
        if self._service is not None:
            self.status.name_provider(self._service, self._db_lane)

    def attach(self, service: Confidant) -> None:
        """Use ``service`` (an open profile), start a first conversation, check the checkup."""
        # Imported only now, after the first paint (see ChatView.save_note for ``Qt``).
        from PySide6.QtCore import Qt

        self._service = service
        self.chat.save_note.setTextFormat(Qt.TextFormat.PlainText)
        self._install_shortcuts()
        self.status.clear()
        self.refresh_provider_label()
        self.chat_page.attach(service)
        # Attached again after the app lock: what was built the first time is kept.
        if self.tools is None:
            self._attach_tools(service)
        assert self.checkup is not None
        self.checkup.check()
        self.refresh_child_mode()
        from app.gui.ops.shell import apply_theme, theme_preference

        self._db_lane.submit(theme_preference, service, on_result=apply_theme)

    def _attach_tools(self, service: Confidant) -> None:
        # Imported now, after the first paint: the banner, the checkup and the Data menu.
        from app.gui.controllers.profile_tools import ProfileTools

        tools = ProfileTools(
            self, self._page_column, service, self._db_lane, self.events, self.show_error
        )
        self.tools = tools
        self.notices, self.checkup, self.data = tools.notices, tools.checkup, tools.data
        # The checkup's "Review" shows the privacy page (show_page ignores it when closing).
        tools.reviewRequested.connect(lambda: self.show_page(PRIVACY_PAGE))
        tools.noticesChanged.connect(self.refresh_notices)
        self.my_data_action.triggered.connect(self.open_my_data)
        data = tools.data
        data.profileErased.connect(self._on_profile_erased)
        data.forgotten.connect(self.window_settings.forget)
        data.profileRenewed.connect(self.chat_page.start_new_chat)
        data.profileRenewed.connect(self.refresh_child_mode)
        data.quitRequested.connect(self.close)
        # The conversation list and the chat header, around the chat page (built once, too).
        from app.gui.controllers.chat_client import ChatClientController

        self.chat_client = ChatClientController(
            self.chat_page, service, self._db_lane, self._io_pool, self.show_error, self
        )

    @Slot(str)
    def _on_profile_erased(self, reason: str) -> None:
        # The store is closed and its folder gone: no page or reply may reach it any more.
        # The chat page is shown last, once nothing can ask the store for its save status.
        self.stop_input()
        self.show_unusable(reason)
        self.set_child_mode(False)  # nothing of the profile is left, its child mode neither
        self.show_page(CHAT_PAGE)

    # --- child mode ----------------------------------------------------------------------

    @Slot()
    def refresh_child_mode(self) -> None:
        """Ask the store whether child mode is on, and show it (call after it was changed)."""
        if self._service is None or self._db_lane.closed:
            return
        from app.gui.ops.shell import child_mode_on

        self._db_lane.submit(
            child_mode_on, self._service, on_result=self.set_child_mode, on_error=self.show_error
        )

    @Slot(bool)
    def set_child_mode(self, on: bool) -> None:
        """Show that child mode is ``on`` (or not): the badges, and the child's own tools."""
        self._child_mode = on
        self.child_indicator.set_enabled(on)
        self.my_data_action.setVisible(on)
        # Why the chat is not kept reads differently in child mode, and its helplines go.
        self.chat_page.set_child_mode(on)
        emit(self.childModeChanged, on)

    @property
    def child_mode(self) -> bool:
        """Whether the window shows child mode (as the store last said)."""
        return self._child_mode

    @Slot()
    def open_my_data(self) -> None:
        """Show what is stored about the user, with "Delete my data": never behind the PIN."""
        if self._service is None or not self._accepting_input:
            return
        if self.tools is not None:
            self.tools.open_my_data()

    def _install_shortcuts(self) -> None:
        # Set here, after the first paint: parsing a key sequence from text loads Qt's key
        # names, which would hold the first paint back (and no page opens before this). The
        # same goes for QKeySequence itself, even for the standard keys.
        from PySide6.QtGui import QKeySequence

        if self._shortcuts_installed:
            return
        self._shortcuts_installed = True
        self.chat_page.install_shortcuts()
        self.quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        self.navigation.install_shortcuts()

    def show_unusable(self, reason: str) -> None:
        """Keep every input disabled for good, saying why in the status bar."""
        self._service = None
        self.chat_page.show_unusable(reason)
        self._update_input()
        self.status.clear()
        self.status.show_text(reason)

    def stop_input(self) -> None:
        """Accept no more input (the application is closing); stop a reply, keeping it."""
        self._accepting_input = False
        self.chat_page.stop_input()
        self._update_input()

    # --- the app lock --------------------------------------------------------------------

    def add_lock_action(self, action: QAction) -> None:
        """Put the app lock's Lock now in the Chat menu, above Quit."""
        self.chat_menu.insertAction(self.quit_action, action)

    @property
    def lock_screen_shown(self) -> bool:
        """Whether the lock screen covers the window."""
        return self._unlocked_central is not None

    def show_lock_screen(self, screen: QWidget) -> None:
        """Cover the window with ``screen``: no chat, page, menu or dialog stays reachable.

        The transcript, the prompt and every page but the chat go (pages are built again
        when next shown), and the window lets go of the facade until ``attach``.
        """
        from app.gui.ops.dialogs import close_open_dialogs
        from app.gui.views.lock_page import cover_window

        close_open_dialogs(self)
        self._service = None
        self.chat_page.detach()
        self.show_page(CHAT_PAGE)
        self.stack.drop_built()
        self._update_input()
        self._unlocked_central = cover_window(self, screen, self._unlocked_central)
        self.status.say(LOCKED)

    def hide_lock_screen(self) -> None:
        """Put the window's own contents back in place of the lock screen."""
        from app.gui.views.lock_page import uncover_window

        central = self._unlocked_central
        if central is None:
            return
        self._unlocked_central = None
        uncover_window(self, central)
        self.status.clear()

    # --- the chat page (its controller does the work) ------------------------------------

    @property
    def reply_busy(self) -> bool:
        """Whether a reply is on its way (the app lock waits for it)."""
        return self.chat_page.turns.busy

    @Slot()
    def stop_reply(self) -> None:
        """Stop the reply on its way; what has arrived is kept."""
        self.chat_page.stop_reply()

    @Slot()
    def _show_chat(self) -> None:
        if self.stack.currentWidget() is not self.chat:
            self.show_page(CHAT_PAGE)

    def _update_input(self) -> None:
        self.navigation.set_ready(self._accepting_input and self._service is not None)

    # --- pages -----------------------------------------------------------------------------

    @Slot(str)
    def show_page(self, key: str) -> None:
        """Show a page, building it the first time, and bring it up to date."""
        if key != CHAT_PAGE and (self._service is None or not self._accepting_input):
            self.navigation.mark(self.current_page())
            return
        page = self.pages.get(key) or self._build_page(key)
        self.stack.setCurrentWidget(page)
        self.navigation.mark(key)
        self.stack.refresh(key)
        emit(self.pageShown, key)

    def current_page(self) -> str:
        """The key of the page on show."""
        return self.stack.current_key()

    def _build_page(self, key: str) -> QWidget:
        from app.gui.controllers.base import PageContext

        assert self._service is not None
        context = PageContext(
            self._service, self._db_lane, self._io_pool, self.show_error, self.events, self
        )
        return self.stack.build(key, context)

    @Slot()
    def refresh_current_page(self) -> None:
        """Bring the page on show up to date (after background work changed something)."""
        self.stack.refresh(self.current_page())

    # --- privacy checkup and notices ------------------------------------------------------

    @Slot()
    def refresh_notices(self) -> None:
        """Show the oldest unread notice in the banner; the privacy page shows them too."""
        if self.tools is not None:
            self.tools.refresh_notices()
        if self.current_page() == PRIVACY_PAGE:
            self.refresh_current_page()

    def show_error(self, exc: Exception) -> None:
        """Tell the user about a failed action: one sentence, or the crash dialog for a bug."""
        from app.gui.ops.dialogs import error_dialog

        self.error_dialog = error_dialog(exc, self, self.error_dialog)

    # --- closing ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop taking input and tell the shell, which closes the store before we go."""
        self.window_settings.save(self)
        self.stop_input()
        from app.gui.ops.dialogs import close_open_dialogs

        # Non-modal dialogs (the checkup, an edit in progress) go with the window.
        close_open_dialogs(self)
        emit(self.closing)
        super().closeEvent(event)
