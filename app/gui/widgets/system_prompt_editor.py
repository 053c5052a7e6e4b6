"""The default system prompt in Preferences: what new conversations tell the assistant first.

Layout only; ``DefaultSystemPromptController`` loads and saves it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from app.gui.i18n import follow_language
from app.gui.widgets.labels import heading, plain_label


class SystemPromptEditor(QWidget):
    """A heading, a short explanation, the text, and Save."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("systemPromptEditor")
        self._heading = heading("", self, 1.15)
        self._hint = plain_label("", self, "systemPromptHint", hint=True)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("defaultSystemPromptEdit")
        # Tab moves on, as in every other field: a prompt has no use for tab characters.
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 16)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveSystemPromptButton")
        self.status_label = plain_label("", self, "systemPromptStatus", hint=True)
        row = QHBoxLayout()
        row.addWidget(self.status_label, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self._heading)
        layout.addWidget(self._hint)
        layout.addWidget(self.text_edit)
        layout.addLayout(row)
        self.retranslate()
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        """Set the texts in the interface language."""
        self._heading.setText(self.tr("Default system prompt"))
        self._hint.setText(
            self.tr(
                "What new conversations tell the assistant first (each conversation can change "
                "its own in the chat). Kept encrypted; empty means none."
            )
        )
        self.text_edit.setAccessibleName(self.tr("Default system prompt"))
        self.save_button.setText(self.tr("Save system prompt"))
