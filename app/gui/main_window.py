"""The shell window: the chat pane, the New chat action and the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QFrame, QLabel, QMainWindow, QWidget

from app.core.errors import KnownError
from app.gui.signals import emit
from app.gui.views.chat_view import ChatView
from app.gui.workers import WorkerPool

if TYPE_CHECKING:
    # Only for annotations: importing the store before the first paint would slow start-up.
    from app.core.service import Confidant, TurnResult

USER_SPEAKER = "You"
ASSISTANT_SPEAKER = "Assistant"


def start_conversation(service: Confidant) -> tuple[str, str]:
    """Start a conversation; return its id and its save status text. Runs on the DB lane."""
    conversation_id = service.new_conversation()
    return conversation_id, service.save_status(conversation_id).value


class MainWindow(QMainWindow):
    """The chat window. Its input stays disabled until a profile is attached."""

    #: Emitted from closeEvent, before the window goes away.
    closing = Signal()
    #: Emitted with the conversation id once a new chat can take input.
    conversationStarted = Signal(str)

    def __init__(self, db_lane: WorkerPool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db_lane = db_lane
        self._service: Confidant | None = None
        self._conversation_id: str | None = None
        self._accepting_input = True
        self._sending = False
        self.error_dialog: QDialog | None = None

        self.setObjectName("mainWindow")
        self.setWindowTitle("Confidant")
        self.resize(760, 560)

        self.chat = ChatView(self)
        self.setCentralWidget(self.chat)

        self.new_chat_action = QAction("&New chat", self)
        self.new_chat_action.setObjectName("newChatAction")
        self.new_chat_action.setShortcuts(QKeySequence.StandardKey.New)
        self.new_chat_action.setStatusTip("Start a new conversation")
        self.quit_action = QAction("&Quit", self)
        self.quit_action.setObjectName("quitAction")
        self.quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        chat_menu = self.menuBar().addMenu("&Chat")
        chat_menu.addAction(self.new_chat_action)
        chat_menu.addSeparator()
        chat_menu.addAction(self.quit_action)
        toolbar = self.addToolBar("Chat")
        toolbar.setObjectName("chatToolBar")
        toolbar.setMovable(False)
        toolbar.addAction(self.new_chat_action)

        self.provider_label = QLabel(self)
        self.provider_label.setObjectName("providerLabel")
        self.provider_label.setAccessibleName("Assistant")
        self.save_status_label = QLabel(self)
        self.save_status_label.setObjectName("saveStatusLabel")
        self.save_status_label.setAccessibleName("Save status")
        self.save_status_label.setToolTip(
            "Whether this conversation is kept on this computer. Conversations are kept only "
            "if you agree to it."
        )
        separator = QFrame(self)
        separator.setFrameShape(QFrame.Shape.VLine)
        separator.setFrameShadow(QFrame.Shadow.Sunken)
        for label in (self.provider_label, self.save_status_label):
            label.setContentsMargins(6, 0, 6, 0)
        self.statusBar().addPermanentWidget(self.provider_label)
        self.statusBar().addPermanentWidget(separator)
        self.statusBar().addPermanentWidget(self.save_status_label)

        self.chat.send_button.clicked.connect(self.send_prompt)
        self.chat.prompt.submitted.connect(self.send_prompt)
        self.new_chat_action.triggered.connect(self.start_new_chat)
        self.quit_action.triggered.connect(self.close)
        self._update_input()

    # --- what the shell tells the window ---------------------------------------------------

    def show_opening(self) -> None:
        """Say that the profile is being opened (input stays disabled)."""
        self.statusBar().showMessage("Opening your profile…")

    def set_provider_label(self, label: str) -> None:
        """Name the assistant in the status bar, so a demo is never mistaken for the real one."""
        self.provider_label.setText(label)

    def attach(self, service: Confidant) -> None:
        """Use ``service`` (an open profile) and start a first conversation."""
        self._service = service
        self.statusBar().clearMessage()
        self.start_new_chat()

    def show_unusable(self, reason: str) -> None:
        """Keep every input disabled for good, saying why in the status bar."""
        self._service = None
        self._conversation_id = None
        self._update_input()
        self.save_status_label.clear()
        self.chat.prompt.setPlaceholderText(reason)
        self.statusBar().showMessage(reason)

    def stop_input(self) -> None:
        """Accept no more input (the application is closing)."""
        self._accepting_input = False
        self._update_input()

    # --- chat ------------------------------------------------------------------------------

    @Slot()
    def start_new_chat(self) -> None:
        """Clear the transcript and start a fresh conversation on the DB lane."""
        if self._service is None or not self._accepting_input:
            return
        self._conversation_id = None
        self._sending = False
        self.chat.transcript.clear()
        self._update_input()
        self._db_lane.submit(
            start_conversation,
            self._service,
            on_result=self._on_conversation_started,
            on_error=self._on_failure,
        )

    @Slot()
    def send_prompt(self) -> None:
        """Send what is in the prompt box, if the window can take it now."""
        prompt = self.chat.prompt.toPlainText().strip()
        if not prompt or not self._can_send():
            return
        assert self._service is not None and self._conversation_id is not None
        self._sending = True
        self._update_input()
        self.chat.transcript.append_message(USER_SPEAKER, prompt)
        self.chat.prompt.clear()
        self.statusBar().showMessage("The assistant is replying…")
        self._db_lane.submit(
            self._service.send,
            self._conversation_id,
            prompt,
            on_result=self._on_reply,
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
        self.new_chat_action.setEnabled(ready)

    @Slot(object)
    def _on_conversation_started(self, started: tuple[str, str]) -> None:
        conversation_id, status_text = started
        if self._service is None:
            return
        self._conversation_id = conversation_id
        self.save_status_label.setText(status_text)
        self._update_input()
        if self._accepting_input:
            self.chat.prompt.setFocus()
        emit(self.conversationStarted, conversation_id)

    @Slot(object)
    def _on_reply(self, result: TurnResult) -> None:
        if result.conversation_id != self._conversation_id:
            return  # the user started a new chat while this reply was on its way
        self._sending = False
        self.chat.transcript.append_message(ASSISTANT_SPEAKER, result.reply)
        self.save_status_label.setText(result.status.value)
        self.provider_label.setText(result.provider_label)
        self.statusBar().clearMessage()
        self._update_input()

    @Slot(object)
    def _on_failure(self, exc: Exception) -> None:
        self._sending = False
        self.statusBar().clearMessage()
        self._update_input()
        self.show_error(exc)

    def show_error(self, exc: Exception) -> None:
        """Tell the user about a failed action: one sentence, or a short internal-error note."""
        # Imported here: error dialogs are rare, and the window paints sooner without them.
        from app.gui.dialogs.internal_error_dialog import InternalErrorDialog
        from app.gui.dialogs.known_error_dialog import KnownErrorDialog

        if self.error_dialog is not None:
            self.error_dialog.close()
        if isinstance(exc, KnownError):
            self.error_dialog = KnownErrorDialog(exc, self)
        else:
            self.error_dialog = InternalErrorDialog(exc, self)
        self.error_dialog.open()

    # --- closing ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop taking input and tell the shell, which closes the store before we go."""
        self.stop_input()
        emit(self.closing)
        super().closeEvent(event)
