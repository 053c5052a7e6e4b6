"""The line over the chat: the conversation's title, its model, its system prompt, Regenerate.

Layout only; a controller fills it and acts on its buttons.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from app.gui.i18n import follow_language
from app.gui.widgets.model_picker import ModelPicker


class ChatHeader(QWidget):
    """Title, model picker, "System prompt…" and "Regenerate"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatHeader")
        self.title_label = QLabel(self)
        self.title_label.setObjectName("chatTitle")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        # A long title gives way to the buttons: the window never grows for it.
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.model_picker = ModelPicker(self)
        self.system_button = QPushButton(self)
        self.system_button.setObjectName("systemPromptButton")
        self.regenerate_button = QPushButton(self)
        self.regenerate_button.setObjectName("regenerateButton")
        self.regenerate_button.setEnabled(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.title_label, 1)
        row.addWidget(self.model_picker)
        row.addWidget(self.system_button)
        row.addWidget(self.regenerate_button)
        self.retranslate()
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        """Set the texts in the interface language."""
        self.title_label.setAccessibleName(self.tr("Conversation title"))
        self.system_button.setText(self.tr("System prompt…"))
        self.system_button.setToolTip(
            self.tr("What the assistant is told before this conversation")
        )
        self.regenerate_button.setText(self.tr("Regenerate"))
        self.regenerate_button.setToolTip(
            self.tr("Ask again for the last reply; the new one replaces it")
        )

    def set_title(self, title: str) -> None:
        """Show the conversation's title ('' for a new chat)."""
        self.title_label.setText(title or self.tr("New conversation"))
