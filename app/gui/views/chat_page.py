"""The chat page's layout: the transcript, a line on whether it is kept, the prompt, Send, Stop.

In child mode a note with helplines can appear under the transcript (``show_support``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from app.gui.i18n import follow_language
from app.gui.widgets.prompt_edit import PromptEdit
from app.gui.widgets.transcript_view import TranscriptView

if TYPE_CHECKING:
    from app.gui.widgets.chat_header import ChatHeader
    from app.gui.widgets.conversation_sidebar import ConversationSidebar

    # Built the first time it is needed: it is never needed before the first paint.
    from app.gui.widgets.support_note import SupportNote


class ChatView(QWidget):
    """Layout only; the main window decides what the widgets do.

    The static texts are set in ``retranslate``, again whenever the language changes.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatView")
        #: What the prompt box says instead of how to type (None: how to type).
        self._prompt_note: str | None = None

        self.transcript = TranscriptView(self)
        self.transcript.setObjectName("transcriptView")

        self.prompt = PromptEdit(self)
        self.prompt.setObjectName("promptEdit")
        line_height = self.prompt.fontMetrics().lineSpacing()
        self.prompt.setFixedHeight(line_height * 3 + 16)

        self.send_button = QPushButton(self)
        self.send_button.setObjectName("sendButton")
        self.send_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)

        # Takes Send's place while a reply streams in.
        self.stop_button = QPushButton(self)
        self.stop_button.setObjectName("stopButton")
        self.stop_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.stop_button.setVisible(False)

        # Why this conversation is (not) kept, in one line: the status bar only has room for
        # the verdict. Its text format is set to plain text by the window once it has
        # painted: touching the ``Qt`` namespace costs start-up time, and the label stays empty
        # until then.
        self.save_note = QLabel(self)
        self.save_note.setObjectName("saveNote")
        self.save_note.setWordWrap(True)
        self.save_note.setEnabled(False)

        input_row = QHBoxLayout()
        input_row.addWidget(self.prompt, 1)
        input_row.addWidget(self.send_button)
        input_row.addWidget(self.stop_button)

        #: The helplines note, once child mode has needed it.
        self.support_note: SupportNote | None = None

        # Issue 16: the conversation list beside the chat and the line over it come with the
        # profile (``add_client_parts``), after the first paint.
        self.sidebar: ConversationSidebar | None = None
        self.header: ChatHeader | None = None

        column = QWidget(self)
        self._layout = QVBoxLayout(column)
        self._layout.setContentsMargins(12, 12, 12, 12)
        self._layout.addWidget(self.transcript, 1)
        self._layout.addWidget(self.save_note)
        self._layout.addLayout(input_row)
        self._page = QHBoxLayout(self)
        self._page.setContentsMargins(0, 0, 0, 0)
        self._page.setSpacing(0)
        self._page.addWidget(column, 1)
        self.retranslate()
        follow_language(self, self.retranslate)

    def add_client_parts(self) -> tuple[ConversationSidebar, ChatHeader]:
        """Add the conversation list and the chat header (once; issue 16)."""
        if self.sidebar is None or self.header is None:
            from app.gui.widgets.chat_header import ChatHeader
            from app.gui.widgets.conversation_sidebar import ConversationSidebar

            self.sidebar = ConversationSidebar(self)
            self.header = ChatHeader(self)
            self._page.insertWidget(0, self.sidebar)
            self._layout.insertWidget(0, self.header)
        return self.sidebar, self.header

    def retranslate(self) -> None:
        """Set the pane's own texts in the interface language."""
        self.transcript.setAccessibleName(self.tr("Conversation"))
        self.transcript.setPlaceholderText(self.tr("Your conversation appears here."))
        self.prompt.setAccessibleName(self.tr("Message"))
        if self._prompt_note is None:
            self.prompt.setPlaceholderText(self._how_to_type())
        self.send_button.setText(self.tr("Send"))
        self.send_button.setAccessibleName(self.tr("Send message"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setAccessibleName(self.tr("Stop the reply"))
        self.stop_button.setToolTip(self.tr("Stop the reply; what has arrived is kept"))
        self.save_note.setAccessibleName(self.tr("Why this conversation is or is not kept"))

    def _how_to_type(self) -> str:
        return self.tr("Type a message. Enter sends, Shift+Enter adds a line.")

    def set_prompt_note(self, note: str | None) -> None:
        """Say ``note`` in the empty prompt box (why it takes no input); None: how to type."""
        self._prompt_note = note
        self.prompt.setPlaceholderText(self._how_to_type() if note is None else note)

    def show_support(self, text: str, where: str) -> None:
        """Show the helplines (Markdown ``text`` from the guardian's file at ``where``)."""
        if self.support_note is None:
            from app.gui.widgets.support_note import SupportNote

            self.support_note = SupportNote(text, where, self)
            self._layout.insertWidget(self._layout.indexOf(self.transcript) + 1, self.support_note)
        else:
            self.support_note.set_text(text, where)
        self.support_note.show()

    def hide_support(self) -> None:
        """Take the helplines away (a new chat, or child mode is off)."""
        if self.support_note is not None:
            self.support_note.hide()

    def support_shown(self) -> bool:
        """Whether the helplines are on show (or would be, once the page is visible)."""
        return self.support_note is not None and not self.support_note.isHidden()
