"""The everyday chat client around the chat page: conversation list, header, edit and regenerate.

It fills the sidebar (on the DB lane), opens a conversation to continue it, renames and
deletes; it keeps the header's title, model and system prompt in step with the conversation
on show; it asks the provider for its models only when the picker is first opened (I/O pool,
then the request is logged on the DB lane); and it rewinds a conversation for Regenerate and
Edit before the window sends the prompt again, so the transcript and the store agree.

The shell builds it once a profile is open, around the chat page's controller
(``controllers/chat_page``), of which it uses only what the ``ChatPage`` protocol names: the
view, ``turns``, ``conversation_id``, ``start_new_chat``, ``show_stored_conversation`` (which
continues it), ``replace_and_send`` and the ``conversationStarted``,
``storedConversationShown``, ``shown`` and ``showRequested`` signals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QKeySequence

from app.gui.controllers.base import ErrorReporter, LaneController
from app.gui.ops.chat import (
    header_state,
    list_conversations,
    rewind_for_edit,
    rewind_for_regenerate,
)
from app.gui.ops.dialogs import open_dialog
from app.gui.ops.provider import ask_models, log_requests, provider_for_models
from app.gui.signals import emit

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from app.core.assistant.hub import ConnectionReport, ProviderStatus
    from app.core.chat_library import OpenedConversation
    from app.core.service import Confidant
    from app.gui.controllers.chat_turns import TurnController
    from app.gui.views.chat_page import ChatView
    from app.gui.widgets.message_view import MessageView
    from app.gui.workers import WorkerPool


def _warm_up_markdown() -> None:
    """Load the Markdown renderer. Runs on the I/O pool (touches neither Qt nor the store)."""
    from app.core.markdown import warm_up

    warm_up()


class ChatPage(Protocol):
    """What the client needs of the chat page's controller (``controllers/chat_page``)."""

    view: ChatView
    turns: TurnController
    conversationStarted: SignalInstance
    storedConversationShown: SignalInstance
    shown: SignalInstance
    showRequested: SignalInstance

    @property
    def conversation_id(self) -> str | None:
        """The conversation on show."""
        ...

    def start_new_chat(self) -> None:
        """Start a new conversation."""

    def show_stored_conversation(self, conversation_id: str) -> None:
        """Take a conversation up again, to continue it."""

    def replace_and_send(self, opened: OpenedConversation, prompt: str) -> None:
        """Show the conversation as rewound, then send ``prompt``."""


class ChatClientController(LaneController):
    """Keeps the sidebar and the chat header in step with the window's conversation."""

    def __init__(
        self,
        page: ChatPage,
        service: Confidant,
        db_lane: WorkerPool,
        io_pool: WorkerPool,
        report_error: ErrorReporter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(service, db_lane, report_error, parent)
        self.page = page
        self._io_pool = io_pool
        # The Markdown parser and highlighter load here, off the GUI thread, before any reply
        # or stored conversation needs them (their import alone would stall it ~70 ms).
        io_pool.submit_and_forget(_warm_up_markdown)
        self.sidebar, self.header = page.view.add_client_parts()
        self._state: OpenedConversation | None = None
        #: The provider whose models the picker lists: (name, base URL).
        self._listed_for: tuple[str, str | None] | None = None
        #: The last conversation the sidebar was asked to open (selected once listed).
        self._opening: str | None = None

        sidebar = self.sidebar
        sidebar.openRequested.connect(self.open)
        sidebar.renameRequested.connect(self.rename)
        sidebar.deleteRequested.connect(self.delete)
        sidebar.filterChanged.connect(lambda _text: self.refresh())
        sidebar.newChatRequested.connect(page.start_new_chat)
        header = self.header
        header.model_picker.listRequested.connect(self.list_models)
        header.model_picker.modelChosen.connect(self.choose_model)
        header.system_button.clicked.connect(self.edit_system_prompt)
        header.regenerate_button.clicked.connect(self.regenerate)
        page.view.transcript.editRequested.connect(self.edit_prompt)
        page.conversationStarted.connect(self._on_conversation_changed)
        page.storedConversationShown.connect(self._on_conversation_changed)
        page.turns.finished.connect(lambda _result: self._on_turn_over())
        page.turns.failed.connect(lambda _exc, _prompt: self._on_turn_over())
        page.turns.stoppedEmpty.connect(lambda _prompt: self._on_turn_over())
        # Back on the chat page: the provider (and so its default model) may have changed.
        page.shown.connect(self._on_turn_over)

        # Ctrl+K works on every page (it brings the chat page up), so the action lives on the
        # top-level window the chat page is in.
        host = page.view.window()
        self.filter_action = QAction(host)
        self.filter_action.setObjectName("filterConversationsAction")
        self.filter_action.setShortcut(QKeySequence("Ctrl+K"))
        self.filter_action.triggered.connect(self.focus_filter)
        host.addAction(self.filter_action)
        self.refresh()

    # --- the list -----------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """List the conversations again (with the filter as it is)."""
        self.run(
            list_conversations,
            self.sidebar.filter_text(),
            on_result=lambda entries: self.sidebar.set_entries(entries, self.page.conversation_id),
        )

    @Slot()
    def focus_filter(self) -> None:
        """Ctrl+K: to the chat page, and into the filter."""
        emit(self.page.showRequested)
        self.sidebar.focus_filter()

    @Slot(str)
    def open(self, conversation_id: str) -> None:
        """Take a conversation up again in the chat."""
        if conversation_id == self.page.conversation_id:
            self.page.view.prompt.setFocus()
            return
        self._opening = conversation_id
        self.page.show_stored_conversation(conversation_id)

    @Slot(str, str)
    def rename(self, conversation_id: str, title: str) -> None:
        """Give a conversation the user's title."""
        self.run(
            lambda service: service.chat.rename_conversation(conversation_id, title),
            on_result=lambda _title: self._after_change(conversation_id),
        )

    @Slot(str)
    def delete(self, conversation_id: str) -> None:
        """Delete a conversation, as "delete one" does; a new chat replaces it if it was on show."""
        on_show = conversation_id == self.page.conversation_id
        self.run(
            lambda service: service.chat.delete_conversation(conversation_id),
            on_result=lambda _count: self._after_delete(on_show),
        )

    def _after_delete(self, on_show: bool) -> None:
        if on_show:
            self.page.start_new_chat()
        self.refresh()

    def _after_change(self, conversation_id: str) -> None:
        self.refresh()
        if conversation_id == self.page.conversation_id:
            self._load_header(conversation_id)

    # --- the conversation on show ---------------------------------------------------------

    def _on_conversation_changed(self, conversation_id: str) -> None:
        self._opening = None
        self.sidebar.set_current(conversation_id)
        self._load_header(conversation_id)
        self.refresh()

    def _on_turn_over(self) -> None:
        conversation_id = self.page.conversation_id
        if conversation_id is not None:
            self._load_header(conversation_id)
        self.refresh()

    def _load_header(self, conversation_id: str) -> None:
        self.run(header_state, conversation_id, on_result=self._show_header)

    def _show_header(self, answer: tuple[OpenedConversation, ProviderStatus]) -> None:
        state, provider = answer
        if state.id != self.page.conversation_id:
            return
        self._state = state
        self.header.set_title(state.title if state.messages else "")
        picker = self.header.model_picker
        # The offline demo has no models to choose from.
        picker.setVisible(provider.name != "offline")
        own = state.model if state.provider == provider.name else None
        picker.set_current(own or provider.model or None)
        self.header.regenerate_button.setEnabled(
            not self.page.turns.busy and any(m.role == "assistant" for m in state.messages)
        )
        self.header.system_button.setToolTip(
            self.tr("System prompt: {text}").format(text=state.system_prompt)
            if state.system_prompt
            else self.tr("No system prompt for this conversation")
        )

    # --- models ----------------------------------------------------------------------------

    @Slot()
    def list_models(self) -> None:
        """Ask the provider for its models (the picker was opened the first time)."""
        self.run(provider_for_models, on_result=self._ask_models)

    def _ask_models(self, status: ProviderStatus) -> None:
        picker = self.header.model_picker
        provider = (status.name, status.base_url)
        if provider == self._listed_for and picker.listed:
            return  # listed already: asked once per provider, not at every opening
        if status.name == "offline" or self._io_pool.closed:
            picker.set_models([])
            return
        self._listed_for = provider
        self._io_pool.submit(
            ask_models, self._service, status, on_result=self._on_models, on_error=self._failed
        )

    def _on_models(self, report: ConnectionReport) -> None:
        self.run(log_requests)
        picker = self.header.model_picker
        if report.ok:
            picker.set_models(list(report.models))
        else:
            picker.setToolTip(report.message)

    @Slot(str)
    def choose_model(self, model: str) -> None:
        """Remember the model for the conversation on show."""
        conversation_id = self.page.conversation_id
        if conversation_id is not None:
            self.run(lambda service: service.chat.set_conversation_model(conversation_id, model))

    # --- system prompt, regenerate, edit ---------------------------------------------------

    @Slot()
    def edit_system_prompt(self) -> None:
        """Ask for this conversation's system prompt."""
        from app.gui.dialogs.prompt_text_dialog import PromptTextDialog

        conversation_id = self.page.conversation_id
        if conversation_id is None or self._state is None:
            return
        dialog = PromptTextDialog(
            self.tr("System prompt"),
            self.tr(
                "What the assistant is told before this conversation. With private prompts, "
                "personal details in it are replaced too. The default for new conversations "
                "is in Preferences."
            ),
            self._state.system_prompt or "",
            self.tr("Save"),
            self.page.view.window(),
        )

        def save() -> None:
            # Read here, on the GUI thread: the dialog is gone by the time the lane runs.
            text = dialog.text()
            self.run(
                lambda service: service.chat.set_system_prompt(conversation_id, text),
                on_result=lambda _text: self._load_header(conversation_id),
            )

        dialog.accepted.connect(save)
        open_dialog(dialog)

    @Slot()
    def regenerate(self) -> None:
        """Ask again for the last reply: the last turn goes, its prompt is sent again."""
        conversation_id = self.page.conversation_id
        if conversation_id is None or self.page.turns.busy:
            return
        self.header.regenerate_button.setEnabled(False)
        self.run(
            rewind_for_regenerate,
            conversation_id,
            on_result=lambda answer: self.page.replace_and_send(*answer),
        )

    @Slot(object)
    def edit_prompt(self, row: MessageView) -> None:
        """Edit a prompt and send it again: the turns from it on are replaced."""
        from app.gui.dialogs.prompt_text_dialog import PromptTextDialog

        conversation_id = self.page.conversation_id
        if conversation_id is None or self.page.turns.busy or self._state is None:
            return
        keep = self._message_index(row)
        if keep is None:
            return
        dialog = PromptTextDialog(
            self.tr("Edit and send again"),
            self.tr("The reply to this message, and everything after it, will be replaced."),
            row.text,
            self.tr("Send"),
            self.page.view.window(),
        )

        def send() -> None:
            prompt = dialog.text().strip()
            if prompt:
                self.run(
                    rewind_for_edit,
                    conversation_id,
                    keep,
                    on_result=lambda state: self.page.replace_and_send(state, prompt),
                )

        dialog.accepted.connect(send)
        open_dialog(dialog)

    def _message_index(self, row: MessageView) -> int | None:
        """Where ``row`` is in the conversation: the n-th answered prompt on screen."""
        prompts = [
            view
            for view in self.page.view.transcript.messages()
            if not view.markdown and not view.note
        ]
        if row not in prompts or self._state is None:
            return None
        number = prompts.index(row)
        indexes = [i for i, m in enumerate(self._state.messages) if m.role == "user"]
        return indexes[number] if number < len(indexes) else None
