"""The chat page's controller: conversations, turns, stored conversations and the save status.

The shell (``main_window``) builds the view, the chat actions of its menus and the status bar's
save-status widgets, and hands them over; this controller drives them. It tells the shell what
it needs through its own signals (show the chat page, say this in the status bar, an assistant
answered under this label) and never holds the window. New chat widgets (a conversation list,
a model picker) connect to its slots and signals in the same way.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QAction

from app.core.errors import KnownError
from app.gui.controllers.chat_turns import TurnController
from app.gui.i18n import current_language
from app.gui.signals import emit

if TYPE_CHECKING:
    from collections.abc import Iterator

    from PySide6.QtWidgets import QLabel, QToolButton, QWidget

    from app.core.chat_library import OpenedConversation
    from app.core.conversations import SaveStatus
    from app.core.domains.chat import TurnResult
    from app.core.service import Confidant
    from app.gui.controllers.base import ErrorReporter
    from app.gui.controllers.search import SearchController
    from app.gui.views.chat_page import ChatView
    from app.gui.widgets.message_view import MessageView
    from app.gui.workers import WorkerPool

# The chat's texts keep the context they had in the window, so the catalogs stay as they are.
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

#: What the status bar says while a reply is under way.
REPLYING = QT_TRANSLATE_NOOP("MainWindow", "The assistant is replying…")
STOPPING = QT_TRANSLATE_NOOP("MainWindow", "Stopping…")
SAVE_STATUS_TIP = QT_TRANSLATE_NOOP(
    "MainWindow",
    "Whether this conversation is kept on this computer. Conversations are kept "
    "only if you agree to it.",
)
NEW_CHAT_TIP = QT_TRANSLATE_NOOP("MainWindow", "Start a new conversation")
TEMPORARY_TIP = QT_TRANSLATE_NOOP(
    "MainWindow", "Start a conversation that is never kept and never shared"
)
SEARCH_TIP = QT_TRANSLATE_NOOP(
    "MainWindow", "Find words in the conversations kept on this computer"
)
SENSITIVE_TIP = QT_TRANSLATE_NOOP(
    "MainWindow", "A sensitive conversation is not kept unless you allow it, and is never shared"
)
ALLOW_SAVING_TIP = QT_TRANSLATE_NOOP("MainWindow", "Keep this sensitive conversation after all")
NOT_SENT = QT_TRANSLATE_NOOP(
    "MainWindow", "Something went wrong inside Confidant; your message was not sent."
)


def _tr(marked: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP above, in the interface language."""
    return QCoreApplication.translate(CONTEXT, marked)


def _ops() -> ModuleType:
    """The chat's core calls (``ops.chat``)."""
    # Imported at the first call, once a profile is open: none is needed before the window's
    # first paint, and the ops package's import was a measurable part of start-up.
    from app.gui.ops import chat

    return chat


#: Each chat action's (object name, text, status tip), in ``ChatActions`` order.
ACTION_TEXTS = (
    ("newChatAction", QT_TRANSLATE_NOOP("MainWindow", "&New chat"), NEW_CHAT_TIP),
    ("temporaryChatAction", QT_TRANSLATE_NOOP("MainWindow", "&Temporary chat"), TEMPORARY_TIP),
    ("searchAction", QT_TRANSLATE_NOOP("MainWindow", "&Search conversations…"), SEARCH_TIP),
    ("sensitiveAction", QT_TRANSLATE_NOOP("MainWindow", "Treat as sens&itive"), SENSITIVE_TIP),
    (
        "allowSavingAction",
        QT_TRANSLATE_NOOP("MainWindow", "&Allow saving this conversation"),
        ALLOW_SAVING_TIP,
    ),
)


class ChatActions:
    """The chat's actions, which live in the shell's menus and toolbar (in this order)."""

    # A plain class, not a NamedTuple: it is made before the first paint, and typing's
    # NamedTuple costs more to create than the rest of this module's classes together.
    __slots__ = ("allow_saving", "new_chat", "search", "sensitive", "temporary_chat")

    def __init__(
        self,
        new_chat: QAction,
        temporary_chat: QAction,
        search: QAction,
        sensitive: QAction,
        allow_saving: QAction,
    ) -> None:
        self.new_chat = new_chat
        self.temporary_chat = temporary_chat
        self.search = search
        self.sensitive = sensitive
        self.allow_saving = allow_saving

    def __iter__(self) -> Iterator[QAction]:
        """The actions in menu order: new, temporary, search, sensitive, allow saving."""
        return iter(
            (self.new_chat, self.temporary_chat, self.search, self.sensitive, self.allow_saving)
        )


def build_chat_actions(parent: QObject) -> ChatActions:
    """The chat's actions, for the shell to put in its menus (named by the controller)."""
    made = []
    for name, _text, _tip in ACTION_TEXTS:
        action = QAction(parent)
        action.setObjectName(name)
        made.append(action)
    actions = ChatActions(*made)
    actions.sensitive.setCheckable(True)
    actions.allow_saving.setVisible(False)
    return actions


class ChatPageController(QObject):
    """Runs the chat page: starts conversations, sends turns, shows what is kept and why."""

    #: Emitted with the conversation id once a new chat can take input.
    conversationStarted = Signal(str)
    #: Emitted with the conversation id once a stored conversation is on show.
    storedConversationShown = Signal(str)
    #: The chat page should be the page on show.
    showRequested = Signal()
    #: Put this marked text (REPLYING, STOPPING) in the status bar; or clear it.
    statusSaid = Signal(str)
    statusCleared = Signal()
    #: A reply came from the assistant with this label.
    providerLabelChanged = Signal(str)
    #: Whether the chat takes input changed (the shell enables its navigation to match).
    inputChanged = Signal()
    #: The chat page is on show again (the conversation list and header read the store again).
    shown = Signal()

    def __init__(
        self,
        view: ChatView,
        actions: ChatActions,
        status_widgets: tuple[QLabel, QToolButton],
        db_lane: WorkerPool,
        io_pool: WorkerPool,
        report_error: ErrorReporter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.actions = actions
        self.save_status_label, self.allow_saving_button = status_widgets
        self._db_lane = db_lane
        self._report_error = report_error
        self.turns = TurnController(db_lane, io_pool, self)
        self._service: Confidant | None = None
        self._accepting_input = True
        self._child_mode = False
        self._conversation_id: str | None = None
        self._sending = False
        self._user_view: MessageView | None = None
        self._reply_view: MessageView | None = None
        self.search: SearchController | None = None
        # What the status bar shows, kept so that it can be said again in another language.
        self._save_status: SaveStatus | None = None
        #: The speaker names the transcript shows now (they follow a change of language).
        self._speakers = (USER_SPEAKER, ASSISTANT_SPEAKER)
        self._notes = NOTES

        view.send_button.clicked.connect(self.send_prompt)
        view.prompt.submitted.connect(self.send_prompt)
        view.stop_button.clicked.connect(self.stop_reply)
        actions.new_chat.triggered.connect(self.start_new_chat)
        # A temporary chat is never kept and never shared.
        actions.temporary_chat.triggered.connect(lambda: self._start_chat(temporary=True))
        actions.search.triggered.connect(self.open_search)
        actions.sensitive.triggered.connect(self._on_sensitive_toggled)
        actions.allow_saving.triggered.connect(self.allow_saving_this_conversation)
        self.turns.chunk.connect(self._on_reply_chunk)
        self.turns.finished.connect(self._on_reply)
        self.turns.failed.connect(self._on_turn_failed)
        self.turns.stoppedEmpty.connect(self._on_stopped_empty)
        self._update_input()

    # --- what the shell tells the chat ----------------------------------------------------

    @property
    def conversation_id(self) -> str | None:
        """The conversation the chat page is on (None until one has started)."""
        return self._conversation_id

    @property
    def ready(self) -> bool:
        """Whether the chat has a profile and takes input."""
        return self._accepting_input and self._service is not None

    def attach(self, service: Confidant) -> None:
        """Use ``service`` (an open profile) and start a first conversation."""
        self._service = service
        self.start_new_chat()

    def detach(self) -> None:
        """Let go of the facade (locked or erased); the transcript and the prompt go too."""
        self._service = None
        self._conversation_id = None
        self._sending = False
        self._user_view = self._reply_view = None
        self.view.transcript.clear()
        self.view.prompt.clear()
        self.clear_save_state()
        self.actions.allow_saving.setVisible(False)
        self.allow_saving_button.setVisible(False)
        self.actions.sensitive.setChecked(False)
        self._update_input()

    def show_unusable(self, reason: str) -> None:
        """Keep every input disabled for good, saying why over the prompt."""
        self._service = None
        self._conversation_id = None
        self._update_input()
        self.clear_save_state()
        self.view.set_prompt_note(reason)

    def stop_input(self) -> None:
        """Accept no more input (the application is closing); stop a reply, keeping it."""
        self._accepting_input = False
        self.turns.shutdown()
        self._update_input()

    def set_child_mode(self, on: bool) -> None:
        """Child mode changed: the helplines and why a chat is not kept read differently."""
        self._child_mode = on
        if not on:
            self.view.hide_support()
        self.refresh_save_status()

    def refresh(self) -> None:
        """The chat page is on show again: ask whether the conversation is kept."""
        self.refresh_save_status()
        emit(self.shown)

    def install_shortcuts(self) -> None:
        """Give the chat's actions their keys (after the first paint: see the shell's)."""
        from PySide6.QtGui import QKeySequence

        self.actions.new_chat.setShortcuts(QKeySequence.StandardKey.New)
        self.actions.search.setShortcuts(QKeySequence.StandardKey.Find)
        self.actions.temporary_chat.setShortcut(QKeySequence("Ctrl+Shift+N"))

    def retranslate(self) -> None:
        """The language changed: the actions, the save state, the speakers and notes, helplines."""
        for action, (_name, text, tip) in zip(self.actions, ACTION_TEXTS, strict=True):
            action.setText(_tr(text))
            action.setStatusTip(_tr(tip))
        self._show_save_state()
        # Speakers and notes in the transcript, in the language now in use.
        speakers = (_tr(USER_SPEAKER), _tr(ASSISTANT_SPEAKER))
        notes = tuple(_tr(note) for note in NOTES)
        if (speakers, notes) != (self._speakers, self._notes):
            self.view.transcript.rename(
                dict(zip(self._speakers, speakers, strict=True)),
                dict(zip(self._notes, notes, strict=True)),
            )
            self._speakers, self._notes = speakers, notes
        self._show_support(again=True)

    def _show_support(self, *, again: bool = False) -> None:
        """Show the helplines in the chat (child mode, a sensitive conversation).

        ``again``: read them anew (the language changed while they were on show).
        """
        shown = self.view.support_shown()
        if self._service is None or self._db_lane.closed or shown != again:
            return
        self._db_lane.submit(
            _ops().support_resources,
            current_language(),
            on_result=self._on_support_resources,
            on_error=self._on_failure,
        )

    @Slot(object)
    def _on_support_resources(self, found: tuple[str, str]) -> None:
        if self._child_mode:
            text, where = found
            self.view.show_support(text, where)

    @Slot()
    def start_new_chat(self) -> None:
        """Clear the transcript and start a fresh conversation on the DB lane."""
        self._start_chat(temporary=False)

    @Slot()
    def _start_chat(self, *, temporary: bool) -> None:
        if self._service is None or not self._accepting_input:
            return
        emit(self.showRequested)
        self._conversation_id = None
        self._sending = False
        if self.turns.busy:
            self.turns.abandon()  # the reply so far is still kept with its own conversation
        self._user_view = self._reply_view = None
        self.view.transcript.clear()
        self.view.hide_support()
        self.view.set_prompt_note(None)
        self.actions.sensitive.setChecked(False)
        self._update_input()
        self._db_lane.submit(
            _ops().start_conversation,
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
                self.view.window(), self._service, self._db_lane, self._report_error, self
            )
            self.search.conversationChosen.connect(self.show_stored_conversation)
        self.search.open()

    @Slot(str)
    def show_stored_conversation(self, conversation_id: str) -> None:
        """Show a stored conversation in the chat, read-only, as it was kept."""
        if self._service is None or not self._accepting_input:
            return
        self._db_lane.submit(
            _ops().stored_conversation,
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
        emit(self.showRequested)
        if self.turns.busy:
            self.turns.abandon()  # the reply so far is still kept with its own conversation
        # The conversation is continued: the next prompt goes on from its history.
        self._conversation_id = opened.id
        self._show_messages(opened)
        self.actions.sensitive.setChecked(opened.sensitive)
        self._show_save_status(status)
        self._update_input()
        self.view.prompt.setFocus()
        emit(self.storedConversationShown, opened.id)

    def _show_messages(self, opened: OpenedConversation) -> None:
        """Show a conversation's messages as they are now (a slice at a time when long)."""
        self._sending = False
        self._user_view = self._reply_view = None
        self.view.transcript.clear()
        user, assistant = self._speakers
        self.view.transcript.load(
            (user if m.role == "user" else assistant, m.content, m.role != "user")
            for m in opened.messages
        )

    def replace_and_send(self, opened: OpenedConversation, prompt: str) -> None:
        """Show the conversation as rewound (edit, regenerate), then send ``prompt``."""
        if opened.id != self._conversation_id or not self.ready:
            return
        self._show_messages(opened)
        self._send(prompt)

    @Slot()
    def send_prompt(self) -> None:
        """Send what is in the prompt box, if the window can take it now."""
        prompt = self.view.prompt.toPlainText().strip()
        if not prompt or not self._can_send():
            return
        self.view.prompt.clear()
        self._send(prompt)

    def _send(self, prompt: str) -> None:
        assert self._service is not None and self._conversation_id is not None
        self._sending = True
        self._update_input()
        user, assistant = self._speakers
        self._user_view = self.view.transcript.append_message(user, prompt)
        self._reply_view = self.view.transcript.begin_reply(assistant)
        emit(self.statusSaid, REPLYING)
        self.turns.start(self._service, self._conversation_id, prompt)

    @Slot()
    def stop_reply(self) -> None:
        """Stop the reply on its way; what has arrived is kept."""
        if self._sending:
            emit(self.statusSaid, STOPPING)
            self.turns.stop()

    @Slot()
    def refresh_save_status(self) -> None:
        """Ask again whether the current conversation is kept (a consent may have changed)."""
        if self._service is None or self._conversation_id is None or self._db_lane.closed:
            return
        self._db_lane.submit(
            _ops().save_status,
            self._service,
            self._conversation_id,
            on_result=self._on_save_status,
        )

    @Slot(bool)
    def _on_sensitive_toggled(self, sensitive: bool) -> None:
        if self._service is None or self._conversation_id is None:
            return
        if sensitive and self._child_mode:
            self._show_support()
        self._db_lane.submit(
            _ops().mark_sensitive,
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
            _ops().allow_saving,
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
        self.view.prompt.setEnabled(ready and self._conversation_id is not None)
        self.view.send_button.setEnabled(self._can_send())
        streaming = self._sending and ready
        self.view.send_button.setVisible(not streaming)
        self.view.stop_button.setVisible(streaming)
        self.view.stop_button.setEnabled(streaming)
        for action in (
            self.actions.new_chat,
            self.actions.temporary_chat,
            self.actions.search,
        ):
            action.setEnabled(ready)
        has_chat = ready and self._conversation_id is not None
        self.actions.sensitive.setEnabled(has_chat)
        self.actions.allow_saving.setEnabled(has_chat)
        emit(self.inputChanged)

    def _show_save_status(self, status: SaveStatus) -> None:
        self._save_status = status
        self._show_save_state()
        sensitive = status.name == "SENSITIVE"
        self.actions.allow_saving.setVisible(sensitive)
        self.allow_saving_button.setVisible(sensitive)
        if sensitive:
            self.actions.sensitive.setChecked(True)

    def _show_save_state(self) -> None:
        """Say in the status bar and over the prompt whether the chat on show is kept, and why."""
        status = self._save_status
        if status is not None:
            marked = SAVE_REASONS.get(status.name, "")
            if self._child_mode and status.name == "NOT_SAVED":
                marked = CHILD_MODE_REASON
            reason = _tr(marked) if marked else ""
            verdict = SAVE_VERDICTS.get(status.name)
            self.save_status_label.setText(_tr(verdict) if verdict else status.value)
            self.save_status_label.setToolTip(reason)
            self.view.save_note.setText(reason)
        else:
            self.save_status_label.setToolTip(_tr(SAVE_STATUS_TIP))

    def clear_save_state(self) -> None:
        """Show no save status (no conversation is on show)."""
        self._save_status = None
        self.save_status_label.clear()
        self.view.save_note.clear()
        self._show_save_state()

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
            self.view.prompt.setFocus()
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
        emit(self.providerLabelChanged, result.provider_label)
        emit(self.statusCleared)
        self._update_input()

    @Slot(object, str)
    def _on_turn_failed(self, exc: Exception, prompt: str) -> None:
        """Say what went wrong in the chat; keep the prompt to send again. Nothing is recorded."""
        self._sending = False
        emit(self.statusCleared)
        user_view, reply_view = self._user_view, self._reply_view
        self._user_view = self._reply_view = None
        transcript = self.view.transcript
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
            message = _tr(NOT_SENT)
            self._report_error(exc)
        error_row = transcript.add_error(message)
        rows.append(error_row)
        error_row.retry_button.clicked.connect(lambda: self._retry(prompt, rows))
        self._offer_prompt_again(prompt)
        self._update_input()

    @Slot(str)
    def _on_stopped_empty(self, prompt: str) -> None:
        self._sending = False
        emit(self.statusCleared)
        if self._reply_view is not None:
            self.view.transcript.remove(self._reply_view)
        if self._user_view is not None:
            self._user_view.set_note(_tr(STOPPED_EARLY_NOTE))
        self._user_view = self._reply_view = None
        self._offer_prompt_again(prompt)
        self._update_input()

    def _offer_prompt_again(self, prompt: str) -> None:
        # Only into an empty box: whatever the user has typed since stays theirs.
        if not self.view.prompt.toPlainText().strip():
            self.view.prompt.setPlainText(prompt)

    def _retry(self, prompt: str, rows: list[QWidget]) -> None:
        if not self._can_send():
            return
        for row in rows:
            self.view.transcript.remove(row)
        if self.view.prompt.toPlainText().strip() == prompt:
            self.view.prompt.clear()
        self._send(prompt)

    @Slot(object)
    def _on_failure(self, exc: Exception) -> None:
        self._sending = False
        emit(self.statusCleared)
        self._update_input()
        self._report_error(exc)
