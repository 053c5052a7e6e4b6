"""A text to write or change before it goes to the assistant: a system prompt, an edited prompt."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class PromptTextDialog(QDialog):
    """A label, a text box with ``text`` in it, and OK (named by ``accept_text``) / Cancel."""

    def __init__(
        self,
        title: str,
        explanation: str,
        text: str,
        accept_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("promptTextDialog")
        self.setWindowTitle(title)
        self.setModal(True)
        self.resize(520, 300)
        self.explanation = QLabel(explanation, self)
        self.explanation.setWordWrap(True)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("promptTextEdit")
        # Tab moves on, as in every other field: a prompt has no use for tab characters.
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlainText(text)
        self.text_edit.setAccessibleName(title)
        self.buttons = QDialogButtonBox(self)
        self.accept_button = self.buttons.addButton(
            accept_text, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.accept_button.setObjectName("promptTextAccept")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.buttons)
        self.text_edit.setFocus()

    def text(self) -> str:
        """What the box says now."""
        return self.text_edit.toPlainText()
