"""The shell window: the pages (chat, privacy, preferences, outbox), the menus, the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QSize, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import KnownError
from app.gui.child_indicator import ChildModeIndicator
from app.gui.controllers.chat_turns import TurnController
from app.gui.i18n import current_language, follow_language
from app.gui.signals import emit
from app.gui.views.chat_view import ChatView
from app.gui.window_settings import WindowSettings
from app.gui.workers import WorkerPool, io_pool

if TYPE_CHECKING:
    # Only for annotations: importing the store before the first paint would slow start-up.
    # For the same reason the pages other than the chat, and the notice banner, are imported
    # and built the first time they are needed.
    from app.core.assistant.hub import ProviderStatus
    from app.core.chat_library import OpenedConversation
    from app.core.conversations import SaveStatus
    from app.core.service import Confidant, TurnResult
    from app.gui.background import BackgroundJobs
    from app.gui.controllers.base import PageController
    from app.gui.controllers.chat_client import ChatClientController
    from app.gui.controllers.data import DataController
    from app.gui.controllers.my_data import MyDataController
    from app.gui.controllers.notices import NoticeBannerController
    from app.gui.controllers.privacy_checkup import PrivacyCheckupController
    from app.gui.controllers.search import SearchController
    from app.gui.widgets.job_progress import JobProgress
    from app.gui.widgets.transcript_view import MessageView

# The texts below are marked for translation and translated where they are shown (``_tr``).
CONTEXT = "MainWindow"
USER_SPEAKER = QT_TRANSLATE_NOOP("MainWindow", "You")
ASSISTANT_SPEAKER = QT_TRANSLATE_NOOP("MainWindow", "Assistant")
STOPPED_NOTE = QT_TRANSLATE_NOOP("MainWindow", "Stopped. The reply so far is kept.")
CUT_OFF_NOTE = QT_TRANSLATE_NOOP(
    "MainWindow", "Cut off: this reply did not finish, and is not kept."
)
NOT_ANSWERED_NOTE = QT_TRANSLATE_NOOP("MainWindow", "Not answered. You can send it again.")
STOPPED_EARLY_NOTE = QT_TRANSLATE_NOOP(
    "MainWindow", "Stopped before the assistant answered; nothing was kept."
)
#: The notes a message in the transcript can carry, so they follow a change of language.
NOTES = (STOPPED_NOTE, CUT_OFF_NOTE, NOT_ANSWERED_NOTE, STOPPED_EARLY_NOTE)

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

PRIVACY_DASHBOARD_SHORTCUT = "Ctrl+Shift+P"
STORED_NOTE = QT_TRANSLATE_NOOP(
    "MainWindow", "A stored conversation, shown as it was kept. Start a new chat to write."
)

#: The status bar's verdict, by SaveStatus name (the core's value, in the interface language).
SAVE_VERDICTS = {
    "SAVED": QT_TRANSLATE_NOOP("MainWindow", "Saved, encrypted"),
    "NOT_SAVED": QT_TRANSLATE_NOOP("MainWindow", "Not saved"),
    "TEMPORARY": QT_TRANSLATE_NOOP("MainWindow", "Temporary"),
    "SENSITIVE": QT_TRANSLATE_NOOP("MainWindow", "Sensitive — not saved"),
}
#: Why a conversation is or is not kept, by SaveStatus name (the status bar shows its verdict).
SAVE_REASONS = {
    "SAVED": QT_TRANSLATE_NOOP(
        "MainWindow", "Kept on this computer, encrypted, until its scheduled deletion."
    ),
    "NOT_SAVED": QT_TRANSLATE_NOOP(
        "MainWindow",
        "Not kept: you have not agreed to keeping conversations. You can change that on the "
        "Privacy page.",
    ),
    "TEMPORARY": QT_TRANSLATE_NOOP(
        "MainWindow",
        "Temporary chat: never kept, and never shared. It is gone when you close it.",
    ),
    "SENSITIVE": QT_TRANSLATE_NOOP(
        "MainWindow",
        "This conversation touches a sensitive topic, so it is not kept unless you allow it "
        "for this conversation.",
    ),
}


#: Why nothing is kept in child mode (whatever consents were given before it).
CHILD_MODE_REASON = QT_TRANSLATE_NOOP(
    "MainWindow", "Not kept: child mode is on, so no chat is saved or shared."
)

#: What the status bar says while something is under way.
OPENING = QT_TRANSLATE_NOOP("MainWindow", "Opening your profile…")
LOCKED = QT_TRANSLATE_NOOP("MainWindow", "Locked")
REPLYING = QT_TRANSLATE_NOOP("MainWindow", "The assistant is replying…")
STOPPING = QT_TRANSLATE_NOOP("MainWindow", "Stopping…")


def _tr(marked: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP above, in the interface language."""
    return QCoreApplication.translate(CONTEXT, marked)


def _sidebar_text(label: str) -> str:
    """A page's label (translated) as the sidebar shows it, a little in from the edge."""
    return f"  {label}"


def start_conversation(service: Confidant, temporary: bool = False) -> tuple[str, SaveStatus]:
    """Start a conversation; return its id and its save status. Runs on the DB lane."""
    conversation_id = service.new_conversation(temporary=temporary)
    return conversation_id, service.save_status(conversation_id)


def save_status(service: Confidant, conversation_id: str) -> tuple[str, SaveStatus]:
    """The save status of a conversation. Runs on the DB lane."""
    return conversation_id, service.save_status(conversation_id)


def mark_sensitive(
    service: Confidant, conversation_id: str, sensitive: bool
) -> tuple[str, SaveStatus]:
    """Flag a conversation as sensitive, or not. Runs on the DB lane."""
    return conversation_id, service.mark_sensitive(conversation_id, sensitive)


def allow_saving(service: Confidant, conversation_id: str) -> tuple[str, SaveStatus]:
    """Keep this sensitive conversation after all, as the user asked. Runs on the DB lane."""
    return conversation_id, service.allow_saving_sensitive(conversation_id)


def stored_conversation(
    service: Confidant, conversation_id: str
) -> tuple[OpenedConversation, SaveStatus]:
    """A conversation taken up again to continue it, and its save status. Runs on the DB lane."""
    opened = service.open_conversation(conversation_id)  # issue 16: continued, not read-only
    return opened, service.save_status(conversation_id)


def provider_status(service: Confidant) -> ProviderStatus:
    """The assistant the status bar names. Runs on the DB lane."""
    return service.provider_status()


def theme_preference(service: Confidant) -> str:
    """The user's theme: "system", "light" or "dark". Runs on the DB lane."""
    return str(service.preferences.get("theme"))


def _apply_theme(choice: str) -> None:
    from app.gui.theme import apply_theme_choice

    apply_theme_choice(choice)


def child_mode_on(service: Confidant) -> bool:
    """Whether child mode is on, as the store says. Runs on the DB lane."""
    return service.child_mode_status().enabled


def support_resources(language: str) -> tuple[str, str]:
    """The helplines for the interface ``language``, and the file they come from. DB lane."""
    from app.core.childmode import support_resources_file

    path = support_resources_file(language)
    return path.read_text(encoding="utf-8"), str(path)


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
    #: Emitted with an AppLockStatus when the app-lock settings change (Preferences).
    appLockChanged = Signal(object)

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
        self.turns = TurnController(db_lane, self._io_pool, self)
        self._user_view: MessageView | None = None
        self._reply_view: MessageView | None = None
        self._service: Confidant | None = None
        self._conversation_id: str | None = None
        self._accepting_input = True
        self._sending = False
        self.error_dialog: QDialog | None = None
        #: Made once a profile is attached (after the first paint).
        self.checkup: PrivacyCheckupController | None = None
        self.notices: NoticeBannerController | None = None
        self.data: DataController | None = None
        self.my_data: MyDataController | None = None
        self._child_mode = False
        #: The child-mode badge on this window and on every dialog (see child_indicator).
        self.child_indicator = ChildModeIndicator(self, after_first_paint_of=self)
        self.search: SearchController | None = None
        self.chat_client: ChatClientController | None = None  # issue 16
        #: The status bar's progress for background jobs (made with the first of them).
        self.job_progress: JobProgress | None = None
        self.pages: dict[str, QWidget] = {}
        self.controllers: dict[str, PageController] = {}
        #: The window's own central widget while the lock screen takes its place.
        self._unlocked_central: QWidget | None = None
        # What the status bar shows, kept so that it can be said again in another language.
        self._save_status: SaveStatus | None = None
        #: The title of the stored conversation on show (None: no stored one is on show).
        self._stored_title: str | None = None
        self._provider_text = ""
        self._provider: ProviderStatus | None = None
        #: The status message the window itself put up: (marked text, as shown).
        self._said: tuple[str, str] | None = None
        #: The speaker names the transcript shows now (they follow a change of language).
        self._speakers = (USER_SPEAKER, ASSISTANT_SPEAKER)
        self._notes = NOTES
        self._shortcuts_installed = False

        self.setObjectName("mainWindow")
        self.setWindowTitle("Confidant")
        self.resize(1000, 700)

        self.chat = ChatView(self)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("pageStack")
        self.stack.addWidget(self.chat)
        self.pages[CHAT_PAGE] = self.chat
        self._build_actions()
        self._build_navigation()
        self._build_status_bar()

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
        self.setCentralWidget(central)
        self.retranslate()
        follow_language(self, self.retranslate)

        self.chat.send_button.clicked.connect(self.send_prompt)
        self.chat.prompt.submitted.connect(self.send_prompt)
        self.chat.stop_button.clicked.connect(self.stop_reply)
        self.turns.chunk.connect(self._on_reply_chunk)
        self.turns.finished.connect(self._on_reply)
        self.turns.failed.connect(self._on_turn_failed)
        self.turns.stoppedEmpty.connect(self._on_stopped_empty)
        self._update_input()
        # Size and place as the user left them (the only thing kept in plain settings).
        self.window_settings = WindowSettings()
        self.window_settings.restore(self)

    def _build_actions(self) -> None:
        # Their texts are set in ``retranslate``.
        self.new_chat_action = QAction(self)
        self.new_chat_action.setObjectName("newChatAction")
        self.temporary_chat_action = QAction(self)
        self.temporary_chat_action.setObjectName("temporaryChatAction")
        self.sensitive_action = QAction(self)
        self.sensitive_action.setObjectName("sensitiveAction")
        self.sensitive_action.setCheckable(True)
        self.allow_saving_action = QAction(self)
        self.allow_saving_action.setObjectName("allowSavingAction")
        self.allow_saving_action.setVisible(False)
        # The child's own tools, on the toolbar while child mode is on: one click away.
        self.my_data_action = QAction(self)
        self.my_data_action.setObjectName("myDataAction")
        self.my_data_action.setVisible(False)
        self.search_action = QAction(self)
        self.search_action.setObjectName("searchAction")
        self.quit_action = QAction(self)
        self.quit_action.setObjectName("quitAction")

        chat_menu = self.menuBar().addMenu("")
        chat_menu.setObjectName("chatMenu")
        self.chat_menu = chat_menu
        chat_menu.addAction(self.new_chat_action)
        chat_menu.addAction(self.temporary_chat_action)
        chat_menu.addAction(self.search_action)
        chat_menu.addSeparator()
        chat_menu.addAction(self.sensitive_action)
        chat_menu.addAction(self.allow_saving_action)
        chat_menu.addSeparator()
        chat_menu.addAction(self.quit_action)
        toolbar = self.addToolBar("")
        toolbar.setObjectName("chatToolBar")
        self.toolbar = toolbar
        toolbar.setMovable(False)
        toolbar.addAction(self.new_chat_action)
        toolbar.addAction(self.temporary_chat_action)
        toolbar.addAction(self.my_data_action)
        toolbar.addAction(self.search_action)

        self.new_chat_action.triggered.connect(self.start_new_chat)
        self.temporary_chat_action.triggered.connect(self.start_temporary_chat)
        self.search_action.triggered.connect(self.open_search)
        self.sensitive_action.triggered.connect(self._on_sensitive_toggled)
        self.allow_saving_action.triggered.connect(self.allow_saving_this_conversation)
        self.my_data_action.triggered.connect(self.open_my_data)
        self.quit_action.triggered.connect(self.close)

    def _build_navigation(self) -> None:
        # A list, not a side toolbar: placing a toolbar needs the ``Qt`` namespace, whose
        # first use costs more start-up time than the whole window.
        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setFrameShape(QFrame.Shape.NoFrame)
        self.navigation.setSpacing(2)
        self.navigation.setContentsMargins(6, 8, 6, 8)
        # The sidebar takes the window's colour, so only the selected page stands out; it is
        # set again whenever the palette changes (changeEvent), so it follows dark and light.
        # (Not by the viewport's background role: the first call to viewport() costs more
        # start-up time than the whole sidebar.)
        self._match_sidebar_to_window()
        row_height = self.navigation.fontMetrics().height() + 16
        view_menu = self.menuBar().addMenu("")
        view_menu.setObjectName("viewMenu")
        self.view_menu = view_menu
        group = QActionGroup(self)
        group.setExclusive(True)
        self.page_actions: dict[str, QAction] = {}
        for key, _label, _shortcut in PAGES:
            item = QListWidgetItem(self.navigation)
            item.setSizeHint(QSize(120, row_height))
            action = QAction(self)
            action.setObjectName(f"{key}PageAction")
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, k=key: self.show_page(k))
            group.addAction(action)
            view_menu.addAction(action)
            self.page_actions[key] = action
        self.page_actions[CHAT_PAGE].setChecked(True)
        self.navigation.setCurrentRow(0)
        self.navigation.currentRowChanged.connect(self._on_navigation_row)

    def _match_sidebar_to_window(self) -> None:
        palette = self.navigation.palette()
        window_colour = self.palette().color(QPalette.ColorRole.Window)
        if palette.color(QPalette.ColorRole.Base) != window_colour:
            palette.setColor(QPalette.ColorRole.Base, window_colour)
            self.navigation.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        """Keep the sidebar in the window's colour when the palette changes (dark, light)."""
        palette_changes = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
        if event.type() in palette_changes and hasattr(self, "navigation"):
            self._match_sidebar_to_window()
        super().changeEvent(event)

    def _build_status_bar(self) -> None:
        self.provider_label = QLabel(self)
        self.provider_label.setObjectName("providerLabel")
        self.save_status_label = QLabel(self)
        self.save_status_label.setObjectName("saveStatusLabel")
        self.allow_saving_button = QToolButton(self)
        self.allow_saving_button.setObjectName("allowSavingButton")
        self.allow_saving_button.setDefaultAction(self.allow_saving_action)
        self.allow_saving_button.setAutoRaise(True)
        self.allow_saving_button.setVisible(False)
        separator = QFrame(self)
        separator.setFrameShape(QFrame.Shape.VLine)
        separator.setFrameShadow(QFrame.Shadow.Sunken)
        for label in (self.provider_label, self.save_status_label):
            label.setContentsMargins(6, 0, 6, 0)
        self.statusBar().addPermanentWidget(self.provider_label)
        self.statusBar().addPermanentWidget(separator)
        self.statusBar().addPermanentWidget(self.save_status_label)
        self.statusBar().addPermanentWidget(self.allow_saving_button)

    def retranslate(self) -> None:
        """Set the window's texts in the interface language (again, when it changes).

        The menus, the toolbar and the sidebar, and what the status bar and the chat say
        now: the save status, the assistant, a message the window put up, the speakers and
        notes of the messages on show.
        """
        self.chat_menu.setTitle(self.tr("&Chat"))
        self.view_menu.setTitle(self.tr("&View"))
        self.toolbar.setWindowTitle(self.tr("Chat"))
        for action, text, tip in (
            (self.new_chat_action, self.tr("&New chat"), self.tr("Start a new conversation")),
            (
                self.temporary_chat_action,
                self.tr("&Temporary chat"),
                self.tr("Start a conversation that is never kept and never shared"),
            ),
            (
                self.sensitive_action,
                self.tr("Treat as sens&itive"),
                self.tr(
                    "A sensitive conversation is not kept unless you allow it, and is never shared"
                ),
            ),
            (
                self.allow_saving_action,
                self.tr("&Allow saving this conversation"),
                self.tr("Keep this sensitive conversation after all"),
            ),
            (
                self.my_data_action,
                self.tr("My data"),
                self.tr("See what is stored about you, and delete it"),
            ),
            (
                self.search_action,
                self.tr("&Search conversations…"),
                self.tr("Find words in the conversations kept on this computer"),
            ),
        ):
            action.setText(text)
            action.setStatusTip(tip)
        self.quit_action.setText(self.tr("&Quit"))

        self.navigation.setAccessibleName(self.tr("Pages"))
        labels = [_tr(label) for _key, label, _shortcut in PAGES]
        for row, ((key, _label, _shortcut), label) in enumerate(zip(PAGES, labels, strict=True)):
            item = self.navigation.item(row)
            if item is not None:
                item.setText(_sidebar_text(label))
            action = self.page_actions[key]
            action.setText(label)
            action.setStatusTip(self.tr("Show the {page} page").format(page=label))
        if self._shortcuts_installed:
            self._name_privacy_shortcut()
        # Wide enough for the longest label in the font in use (a large font must not clip).
        metrics = self.navigation.fontMetrics()
        widest = max(metrics.horizontalAdvance(_sidebar_text(label)) for label in labels)
        self.navigation.setFixedWidth(max(150, widest + 48))

        self.provider_label.setAccessibleName(self.tr("Assistant"))
        self.save_status_label.setAccessibleName(self.tr("Save status"))
        self._show_save_state()
        if self._provider_text:
            self._show_provider_line()
        said = self._said
        if said is not None and self.statusBar().currentMessage() == said[1]:
            self._say(said[0])
        self._rename_messages()
        self._show_support(again=True)  # the helplines of the new language, if on show

    def _say(self, marked: str) -> None:
        """Put one of the window's own messages (OPENING, LOCKED…) in the status bar."""
        text = _tr(marked)
        self._said = (marked, text)
        self.statusBar().showMessage(text)

    def _rename_messages(self) -> None:
        """Speakers and notes in the transcript, in the language now in use."""
        speakers = (_tr(USER_SPEAKER), _tr(ASSISTANT_SPEAKER))
        notes = tuple(_tr(note) for note in NOTES)
        if (speakers, notes) == (self._speakers, self._notes):
            return
        self.chat.transcript.rename(
            dict(zip(self._speakers, speakers, strict=True)),
            dict(zip(self._notes, notes, strict=True)),
        )
        self._speakers, self._notes = speakers, notes

    # --- what the shell tells the window ---------------------------------------------------

    def show_opening(self) -> None:
        """Say that the profile is being opened (input stays disabled)."""
        self._say(OPENING)

    def set_provider_label(self, label: str) -> None:
        """Name the assistant in the status bar, so a demo is never mistaken for the real one."""
        self._provider_text = label
        self._show_provider_line()

    @Slot()
    def refresh_provider_label(self) -> None:
        """Ask which assistant is chosen, and name it (local or remote) in the status bar."""
        if self._service is None or self._db_lane.closed:
            return
        self._db_lane.submit(provider_status, self._service, on_result=self._show_provider)

    def _show_provider(self, status: ProviderStatus) -> None:
        self._provider = status
        self._provider_text = status.label
        self._show_provider_line()

    def _show_provider_line(self) -> None:
        """Name the assistant (the core's label, translated if it is one we know) and where."""
        from app.gui.core_labels import core_label

        self.provider_label.setText(core_label(self._provider_text))
        status = self._provider
        if status is None:
            return
        if status.name == "offline":
            where = self.tr("The offline demo runs on this computer: nothing you type leaves it.")
        elif status.local:
            where = self.tr("This assistant runs on this computer: your messages do not leave it.")
        elif status.private_prompts:
            where = self.tr(
                "This assistant runs elsewhere: your messages are sent to it over HTTPS. "
                "Private prompts replace your personal details first."
            )
        else:
            where = self.tr(
                "This assistant runs elsewhere: your messages are sent to it over HTTPS."
            )
        self.provider_label.setToolTip(where)

    def attach(self, service: Confidant) -> None:
        """Use ``service`` (an open profile), start a first conversation, check the checkup."""
        # Imported only now, after the first paint (see ChatView.save_note for ``Qt``).
        from PySide6.QtCore import Qt

        from app.gui.controllers.notices import NoticeBannerController
        from app.gui.controllers.privacy_checkup import PrivacyCheckupController

        self._service = service
        self.chat.save_note.setTextFormat(Qt.TextFormat.PlainText)
        self._install_shortcuts()
        self._clear_message()
        self.refresh_provider_label()
        self.start_new_chat()
        # Attached again after the app lock: what was built the first time is kept.
        if self.notices is None:
            self.notices = NoticeBannerController(
                self._page_column, self, service, self._db_lane, self.show_error, self
            )
            self.notices.changed.connect(self._on_notices_changed)
        if self.checkup is None:
            self.checkup = PrivacyCheckupController(
                self, service, self._db_lane, self.show_error, self
            )
            self.checkup.reviewRequested.connect(self._review_privacy)
        self.checkup.check()
        if self.data is None:
            self._attach_data(service)
        if self.chat_client is None:  # issue 16: conversation list, header, edit, regenerate
            from app.gui.controllers.chat_client import ChatClientController

            self.chat_client = ChatClientController(
                self, service, self._db_lane, self._io_pool, self
            )
        self.refresh_child_mode()
        self._db_lane.submit(theme_preference, service, on_result=_apply_theme)

    def _attach_data(self, service: Confidant) -> None:
        # The Data menu (export, import, delete, forget me) needs a profile, so it comes now.
        from app.gui.controllers.data import DataController
        from app.gui.widgets.data_menu import DataMenu

        menu = DataMenu(self)
        self.menuBar().addMenu(menu)
        self.data = DataController(menu, self, service, self._db_lane, self.show_error, self)
        self.data.changed.connect(self.refresh_current_page)
        self.data.changed.connect(self.refresh_save_status)
        self.data.profileErased.connect(self._on_profile_erased)
        self.data.forgotten.connect(self.window_settings.forget)
        self.data.profileRenewed.connect(self.start_new_chat)
        self.data.profileRenewed.connect(self.refresh_child_mode)
        self.data.quitRequested.connect(self.close)

    def watch_background(self, jobs: BackgroundJobs) -> None:
        """Show the recurring jobs' progress in the status bar once one runs a moment."""
        from app.gui.widgets.job_progress import JobProgress

        if self.job_progress is None:
            self.job_progress = JobProgress(self)
            self.statusBar().insertPermanentWidget(0, self.job_progress)
        progress = self.job_progress
        jobs.jobStarted.connect(progress.begin)
        jobs.jobProgressed.connect(progress.advance)
        jobs.jobEnded.connect(progress.end)
        progress.cancelRequested.connect(jobs.cancel)

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
        self._db_lane.submit(
            child_mode_on, self._service, on_result=self.set_child_mode, on_error=self._on_failure
        )

    @Slot(bool)
    def set_child_mode(self, on: bool) -> None:
        """Show that child mode is ``on`` (or not): the badges, and the child's own tools."""
        self._child_mode = on
        self.child_indicator.set_enabled(on)
        self.my_data_action.setVisible(on)
        if not on:
            self.chat.hide_support()
        self.refresh_save_status()  # why the chat is not kept reads differently in child mode
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
        if self.my_data is None:
            from app.gui.controllers.my_data import MyDataController

            self.my_data = MyDataController(
                self, self._service, self._db_lane, self.show_error, self
            )
            self.my_data.changed.connect(self.refresh_current_page)
            self.my_data.changed.connect(self.refresh_save_status)
        self.my_data.open()

    def _show_support(self, *, again: bool = False) -> None:
        """Show the helplines in the chat (child mode, a sensitive conversation).

        ``again``: read them anew (the language changed while they were on show).
        """
        shown = self.chat.support_shown()
        if self._service is None or self._db_lane.closed or shown != again:
            return
        self._db_lane.submit(
            support_resources,
            current_language(),
            on_result=self._on_support_resources,
            on_error=self._on_failure,
        )

    @Slot(object)
    def _on_support_resources(self, found: tuple[str, str]) -> None:
        if self._child_mode:
            text, where = found
            self.chat.show_support(text, where)

    def _install_shortcuts(self) -> None:
        # Set here, after the first paint: parsing a key sequence from text loads Qt's key
        # names, which would hold the first paint back (and no page opens before this). The
        # same goes for QKeySequence itself, even for the standard keys.
        from PySide6.QtGui import QKeySequence

        if self._shortcuts_installed:
            return
        self._shortcuts_installed = True
        self.new_chat_action.setShortcuts(QKeySequence.StandardKey.New)
        self.quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        self.search_action.setShortcuts(QKeySequence.StandardKey.Find)
        self.temporary_chat_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        for key, _label, shortcut in PAGES:
            self.page_actions[key].setShortcut(QKeySequence(shortcut))
        # The privacy dashboard also has a shortcut of its own, which stays if pages move.
        privacy = self.page_actions[PRIVACY_PAGE]
        privacy.setShortcuts([privacy.shortcut(), QKeySequence(PRIVACY_DASHBOARD_SHORTCUT)])
        self._name_privacy_shortcut()

    def _name_privacy_shortcut(self) -> None:
        self.page_actions[PRIVACY_PAGE].setStatusTip(
            self.tr("Show the privacy dashboard ({shortcut})").format(
                shortcut=PRIVACY_DASHBOARD_SHORTCUT
            )
        )

    def show_unusable(self, reason: str) -> None:
        """Keep every input disabled for good, saying why in the status bar."""
        self._service = None
        self._conversation_id = None
        self._update_input()
        self._clear_save_state()
        self.chat.set_prompt_note(reason)
        self._said = None
        self.statusBar().showMessage(reason)

    def stop_input(self) -> None:
        """Accept no more input (the application is closing); stop a reply, keeping it."""
        self._accepting_input = False
        self.turns.shutdown()
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
        from PySide6.QtWidgets import QToolBar

        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.close()
        self._service = None
        self._conversation_id = None
        self._sending = False
        self._user_view = self._reply_view = None
        self.chat.transcript.clear()
        self.chat.prompt.clear()
        self._clear_save_state()
        self.allow_saving_action.setVisible(False)
        self.allow_saving_button.setVisible(False)
        self.sensitive_action.setChecked(False)
        self.show_page(CHAT_PAGE)
        for key in [key for key in self.pages if key != CHAT_PAGE]:
            page = self.pages.pop(key)
            controller = self.controllers.pop(key, None)
            self.stack.removeWidget(page)
            page.deleteLater()
            if controller is not None:
                controller.deleteLater()
        self._update_input()
        self.menuBar().setEnabled(False)
        for toolbar in self.findChildren(QToolBar):
            toolbar.setEnabled(False)
        if self._unlocked_central is None:
            central = self.takeCentralWidget()
            # Kept as a hidden child, so it goes with the window if the app quits locked.
            central.setParent(self)
            central.hide()
            self._unlocked_central = central
        else:
            self.takeCentralWidget().deleteLater()
        self.setCentralWidget(screen)
        self._say(LOCKED)

    def hide_lock_screen(self) -> None:
        """Put the window's own contents back in place of the lock screen."""
        from PySide6.QtWidgets import QToolBar

        central = self._unlocked_central
        if central is None:
            return
        self._unlocked_central = None
        screen = self.takeCentralWidget()
        screen.setParent(self)
        screen.hide()
        self.setCentralWidget(central)
        central.show()
        self.menuBar().setEnabled(True)
        for toolbar in self.findChildren(QToolBar):
            toolbar.setEnabled(True)
        self._clear_message()

    @property
    def conversation_id(self) -> str | None:
        """The conversation the chat page is on (None until one has started)."""
        return self._conversation_id

    # --- pages -----------------------------------------------------------------------------

    @Slot(str)
    def show_page(self, key: str) -> None:
        """Show a page, building it the first time, and bring it up to date."""
        if key != CHAT_PAGE and (self._service is None or not self._accepting_input):
            self._mark_current(self.current_page())
            return
        page = self.pages.get(key) or self._build_page(key)
        self.stack.setCurrentWidget(page)
        self._mark_current(key)
        controller = self.controllers.get(key)
        if controller is not None:
            controller.refresh()
        elif key == CHAT_PAGE:
            self.refresh_save_status()
        emit(self.pageShown, key)

    def _mark_current(self, key: str) -> None:
        self.page_actions[key].setChecked(True)
        row = [page for page, _label, _shortcut in PAGES].index(key)
        if self.navigation.currentRow() != row:
            self.navigation.blockSignals(True)
            self.navigation.setCurrentRow(row)
            self.navigation.blockSignals(False)

    @Slot(int)
    def _on_navigation_row(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            self.show_page(PAGES[row][0])

    def current_page(self) -> str:
        """The key of the page on show."""
        current = self.stack.currentWidget()
        return next((key for key, page in self.pages.items() if page is current), CHAT_PAGE)

    def _build_page(self, key: str) -> QWidget:
        service = self._service
        assert service is not None
        # Imported here, the first time a page is opened: none of this is needed to paint.
        if key == PRIVACY_PAGE:
            from app.gui.controllers.privacy_dashboard import PrivacyDashboardController
            from app.gui.views.privacy_dashboard import PrivacyDashboard

            view: QWidget = PrivacyDashboard(self.stack)
            dashboard = PrivacyDashboardController(
                view, service, self._db_lane, self.show_error, self
            )
            dashboard.changed.connect(self.refresh_save_status)
            dashboard.noticesChanged.connect(self._on_dashboard_notices)
            if self.data is not None:
                dashboard.dataActionRequested.connect(self.data.open)
            controller: PageController = dashboard
        elif key == PREFERENCES_PAGE:
            from app.gui.controllers.preferences import PreferencesController
            from app.gui.views.preferences_page import PreferencesPage

            view = PreferencesPage(self.stack)
            preferences = PreferencesController(view, service, self._db_lane, self.show_error, self)
            preferences.appLockChanged.connect(self.appLockChanged)
            controller = preferences
        elif key == OUTBOX_PAGE:
            from app.gui.controllers.outbox import OutboxController
            from app.gui.views.outbox_page import OutboxPage

            view = OutboxPage(self.stack)
            controller = OutboxController(view, service, self._db_lane, self.show_error, self)
        elif key == ASSISTANT_PAGE:
            from app.gui.controllers.provider import ProviderController
            from app.gui.views.provider_page import ProviderPage

            view = ProviderPage(self.stack)
            provider = ProviderController(
                view, service, self._db_lane, self._io_pool, self.show_error, self
            )
            provider.changed.connect(self.refresh_provider_label)
            controller = provider
        elif key == GUARDIAN_PAGE:
            from app.gui.controllers.guardian_page import GuardianPageController
            from app.gui.views.guardian_page import GuardianPage

            view = GuardianPage(self.stack)
            guardian = GuardianPageController(view, service, self._db_lane, self.show_error, self)
            guardian.changed.connect(self.refresh_save_status)
            guardian.changed.connect(self.refresh_provider_label)
            guardian.childModeChanged.connect(self.set_child_mode)
            if self.data is not None:
                guardian.dataActionRequested.connect(self.data.open)
            controller = guardian
        else:
            raise ValueError(f"No page called {key!r}.")
        self.stack.addWidget(view)
        self.pages[key] = view
        self.controllers[key] = controller
        return view

    @Slot()
    def refresh_current_page(self) -> None:
        """Bring the page on show up to date (after background work changed something)."""
        controller = self.controllers.get(self.current_page())
        if controller is not None:
            controller.refresh()

    # --- privacy checkup and notices ------------------------------------------------------

    @Slot()
    def _review_privacy(self) -> None:
        if self._service is not None and self._accepting_input:
            self.show_page(PRIVACY_PAGE)

    @Slot()
    def refresh_notices(self) -> None:
        """Show the oldest unread verified notice in the banner, or hide the banner."""
        if self.notices is not None and not self._db_lane.closed:
            self.notices.refresh()
        if self.current_page() == PRIVACY_PAGE:
            self.refresh_current_page()

    @Slot()
    def _on_dashboard_notices(self) -> None:
        if self.notices is not None:
            self.notices.refresh()

    @Slot()
    def _on_notices_changed(self) -> None:
        if self.current_page() == PRIVACY_PAGE:
            self.refresh_current_page()

    # --- chat ------------------------------------------------------------------------------

    @Slot()
    def start_new_chat(self) -> None:
        """Clear the transcript and start a fresh conversation on the DB lane."""
        self._start_chat(temporary=False)

    @Slot()
    def start_temporary_chat(self) -> None:
        """Start a conversation that is never kept and never shared."""
        self._start_chat(temporary=True)

    def _start_chat(self, *, temporary: bool) -> None:
        if self._service is None or not self._accepting_input:
            return
        if self.stack.currentWidget() is not self.chat:
            self.show_page(CHAT_PAGE)
        self._conversation_id = None
        self._sending = False
        if self.turns.busy:
            self.turns.abandon()  # the reply so far is still kept with its own conversation
        self._user_view = self._reply_view = None
        self.chat.transcript.clear()
        self.chat.hide_support()
        self.chat.set_prompt_note(None)
        self.sensitive_action.setChecked(False)
        self._update_input()
        self._db_lane.submit(
            start_conversation,
            self._service,
            temporary,
            on_result=self._on_conversation_started,
            on_error=self._on_failure,
        )

    # --- search and stored conversations ----------------------------------------------------

    @Slot()
    def open_search(self) -> None:
        """Open the conversation search (built the first time it is needed)."""
        if self._service is None or not self._accepting_input:
            return
        if self.search is None:
            from app.gui.controllers.search import SearchController

            self.search = SearchController(
                self, self._service, self._db_lane, self.show_error, self
            )
            self.search.conversationChosen.connect(self.show_stored_conversation)
        self.search.open()

    @Slot(str)
    def show_stored_conversation(self, conversation_id: str) -> None:
        """Show a stored conversation in the chat, read-only, as it was kept."""
        if self._service is None or not self._accepting_input:
            return
        self._db_lane.submit(
            stored_conversation,
            self._service,
            conversation_id,
            on_result=self._on_stored_conversation,
            on_error=self._on_failure,
        )

    @Slot(object)
    def _on_stored_conversation(self, stored: tuple[OpenedConversation, SaveStatus]) -> None:
        opened, status = stored
        if self._service is None or not self._accepting_input:
            return
        if self.stack.currentWidget() is not self.chat:
            self.show_page(CHAT_PAGE)
        if self.turns.busy:
            self.turns.abandon()  # the reply so far is still kept with its own conversation
        # Issue 16: the conversation is continued: the next prompt goes on from its history.
        self._conversation_id = opened.id
        self._show_messages(opened)
        self.sensitive_action.setChecked(opened.sensitive)
        self._show_save_status(status)
        self._update_input()
        self.chat.prompt.setFocus()
        emit(self.storedConversationShown, opened.id)

    # --- issue 16: the everyday chat client --------------------------------------------------

    def _show_messages(self, opened: OpenedConversation) -> None:
        """Show a conversation's messages as they are now (a slice at a time when long)."""
        self._sending = False
        self._user_view = self._reply_view = None
        self.chat.transcript.clear()
        user, assistant = self._speakers
        self.chat.transcript.load(
            (user if m.role == "user" else assistant, m.content, m.role != "user")
            for m in opened.messages
        )

    def replace_and_send(self, opened: OpenedConversation, prompt: str) -> None:
        """Show the conversation as rewound (edit, regenerate), then send ``prompt``."""
        if opened.id != self._conversation_id or not self._accepting_input:
            return
        self._show_messages(opened)
        self._send(prompt)

    # --- end of issue 16 ----------------------------------------------------------------------

    @Slot()
    def send_prompt(self) -> None:
        """Send what is in the prompt box, if the window can take it now."""
        prompt = self.chat.prompt.toPlainText().strip()
        if not prompt or not self._can_send():
            return
        self.chat.prompt.clear()
        self._send(prompt)

    def _send(self, prompt: str) -> None:
        assert self._service is not None and self._conversation_id is not None
        self._sending = True
        self._update_input()
        user, assistant = self._speakers
        self._user_view = self.chat.transcript.append_message(user, prompt)
        self._reply_view = self.chat.transcript.begin_reply(assistant)
        self._say(REPLYING)
        self.turns.start(self._service, self._conversation_id, prompt)

    @Slot()
    def stop_reply(self) -> None:
        """Stop the reply on its way; what has arrived is kept."""
        if self._sending:
            self._say(STOPPING)
            self.turns.stop()

    @Slot()
    def refresh_save_status(self) -> None:
        """Ask again whether the current conversation is kept (a consent may have changed)."""
        if self._service is None or self._conversation_id is None or self._db_lane.closed:
            return
        self._db_lane.submit(
            save_status, self._service, self._conversation_id, on_result=self._on_save_status
        )

    @Slot(bool)
    def _on_sensitive_toggled(self, sensitive: bool) -> None:
        if self._service is None or self._conversation_id is None:
            return
        if sensitive and self._child_mode:
            self._show_support()
        self._db_lane.submit(
            mark_sensitive,
            self._service,
            self._conversation_id,
            sensitive,
            on_result=self._on_save_status,
            on_error=self._on_failure,
        )

    @Slot()
    def allow_saving_this_conversation(self) -> None:
        """Keep the current sensitive conversation, as the user explicitly asked."""
        if self._service is None or self._conversation_id is None:
            return
        self._db_lane.submit(
            allow_saving,
            self._service,
            self._conversation_id,
            on_result=self._on_save_status,
            on_error=self._on_failure,
        )

    def _can_send(self) -> bool:
        return (
            self._accepting_input
            and self._service is not None
            and self._conversation_id is not None
            and not self._sending
        )

    def _update_input(self) -> None:
        ready = self._accepting_input and self._service is not None
        self.chat.prompt.setEnabled(ready and self._conversation_id is not None)
        self.chat.send_button.setEnabled(self._can_send())
        streaming = self._sending and ready
        self.chat.send_button.setVisible(not streaming)
        self.chat.stop_button.setVisible(streaming)
        self.chat.stop_button.setEnabled(streaming)
        for action in (self.new_chat_action, self.temporary_chat_action, self.search_action):
            action.setEnabled(ready)
        has_chat = ready and self._conversation_id is not None
        self.sensitive_action.setEnabled(has_chat)
        self.allow_saving_action.setEnabled(has_chat)
        for key, action in self.page_actions.items():
            action.setEnabled(key == CHAT_PAGE or ready)
        self.navigation.setEnabled(ready)

    def _show_save_status(self, status: SaveStatus) -> None:
        self._save_status = status
        self._stored_title = None
        self._show_save_state()
        sensitive = status.name == "SENSITIVE"
        self.allow_saving_action.setVisible(sensitive)
        self.allow_saving_button.setVisible(sensitive)
        if sensitive:
            self.sensitive_action.setChecked(True)

    def _show_save_state(self) -> None:
        """Say in the status bar and over the prompt whether the chat on show is kept, and why."""
        status, title = self._save_status, self._stored_title
        if title is not None:
            note = _tr(STORED_NOTE)
            self.save_status_label.setText(self.tr("Stored"))
            self.save_status_label.setToolTip(note)
            self.chat.save_note.setText(
                self.tr("{title}: {note}").format(title=title, note=note) if title else note
            )
            self.chat.set_prompt_note(note)
        elif status is not None:
            marked = SAVE_REASONS.get(status.name, "")
            if self._child_mode and status.name == "NOT_SAVED":
                marked = CHILD_MODE_REASON
            reason = _tr(marked) if marked else ""
            verdict = SAVE_VERDICTS.get(status.name)
            self.save_status_label.setText(_tr(verdict) if verdict else status.value)
            self.save_status_label.setToolTip(reason)
            self.chat.save_note.setText(reason)
        else:
            self.save_status_label.setToolTip(
                self.tr(
                    "Whether this conversation is kept on this computer. Conversations are kept "
                    "only if you agree to it."
                )
            )

    def _clear_save_state(self) -> None:
        self._save_status = None
        self._stored_title = None
        self.save_status_label.clear()
        self.chat.save_note.clear()
        self._show_save_state()

    def _clear_message(self) -> None:
        self._said = None
        self.statusBar().clearMessage()

    @Slot(object)
    def _on_save_status(self, answer: tuple[str, SaveStatus]) -> None:
        conversation_id, status = answer
        if conversation_id == self._conversation_id:
            self._show_save_status(status)

    @Slot(object)
    def _on_conversation_started(self, started: tuple[str, SaveStatus]) -> None:
        conversation_id, status = started
        if self._service is None:
            return
        self._conversation_id = conversation_id
        self._show_save_status(status)
        self._update_input()
        if self._accepting_input:
            self.chat.prompt.setFocus()
        emit(self.conversationStarted, conversation_id)

    @Slot(str)
    def _on_reply_chunk(self, piece: str) -> None:
        if self._reply_view is not None:
            if not self._reply_view.text:
                self._reply_view.set_note("")
            self._reply_view.append_text(piece)

    @Slot(object)
    def _on_reply(self, result: TurnResult) -> None:
        if result.conversation_id != self._conversation_id:
            return  # the user started a new chat while this reply was on its way
        self._sending = False
        if self._reply_view is not None:
            self._reply_view.set_text(result.reply)
            self._reply_view.finish()
            self._reply_view.set_note(_tr(STOPPED_NOTE) if result.stopped else "")
        sent = result.sent_prompt
        if self._user_view is not None and sent is not None and result.provider != "offline":
            # The demo sends nothing anywhere, so there is nothing to show.
            self._user_view.set_sent(sent, private=result.private)
        self._user_view = self._reply_view = None
        self._show_save_status(result.status)
        if result.sensitive and self._child_mode:
            self._show_support()
        self.set_provider_label(result.provider_label)
        self._clear_message()
        self._update_input()

    @Slot(object, str)
    def _on_turn_failed(self, exc: Exception, prompt: str) -> None:
        """Say what went wrong in the chat; keep the prompt to send again. Nothing is recorded."""
        self._sending = False
        self._clear_message()
        user_view, reply_view = self._user_view, self._reply_view
        self._user_view = self._reply_view = None
        transcript = self.chat.transcript
        rows: list[QWidget] = []
        if reply_view is not None:
            if reply_view.text:
                reply_view.finish()
                reply_view.set_note(_tr(CUT_OFF_NOTE))
                rows.append(reply_view)
            else:
                transcript.remove(reply_view)
        if user_view is not None:
            user_view.set_note(_tr(NOT_ANSWERED_NOTE))
            rows.insert(0, user_view)
        if isinstance(exc, KnownError):
            message = exc.one_line()
        else:
            message = self.tr("Something went wrong inside Confidant; your message was not sent.")
            self.show_error(exc)
        error_row = transcript.add_error(message)
        rows.append(error_row)
        error_row.retry_button.clicked.connect(lambda: self._retry(prompt, rows))
        self._offer_prompt_again(prompt)
        self._update_input()

    @Slot(str)
    def _on_stopped_empty(self, prompt: str) -> None:
        self._sending = False
        self._clear_message()
        if self._reply_view is not None:
            self.chat.transcript.remove(self._reply_view)
        if self._user_view is not None:
            self._user_view.set_note(_tr(STOPPED_EARLY_NOTE))
        self._user_view = self._reply_view = None
        self._offer_prompt_again(prompt)
        self._update_input()

    def _offer_prompt_again(self, prompt: str) -> None:
        # Only into an empty box: whatever the user has typed since stays theirs.
        if not self.chat.prompt.toPlainText().strip():
            self.chat.prompt.setPlainText(prompt)

    def _retry(self, prompt: str, rows: list[QWidget]) -> None:
        if not self._can_send():
            return
        for row in rows:
            self.chat.transcript.remove(row)
        if self.chat.prompt.toPlainText().strip() == prompt:
            self.chat.prompt.clear()
        self._send(prompt)

    @Slot(object)
    def _on_failure(self, exc: Exception) -> None:
        self._sending = False
        self._clear_message()
        self._update_input()
        self.show_error(exc)

    def show_error(self, exc: Exception) -> None:
        """Tell the user about a failed action: one sentence, or the crash dialog for a bug."""
        # Imported here: error dialogs are rare, and the window paints sooner without them.
        from app.gui.dialogs.crash_dialog import CrashDialog
        from app.gui.dialogs.known_error_dialog import KnownErrorDialog

        if self.error_dialog is not None:
            self.error_dialog.close()
        if isinstance(exc, KnownError):
            self.error_dialog = KnownErrorDialog(exc, self)
        else:
            self.error_dialog = CrashDialog(exc, self)
        self.error_dialog.open()

    # --- closing ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop taking input and tell the shell, which closes the store before we go."""
        self.window_settings.save(self)
        self.stop_input()
        # Non-modal dialogs (the checkup, an edit in progress) go with the window.
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.close()
        emit(self.closing)
        super().closeEvent(event)
