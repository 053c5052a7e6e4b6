"""The prompt box: a plain-text editor where Enter sends and Shift+Enter starts a new line."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from app.gui.signals import emit


class PromptEdit(QPlainTextEdit):
    """A few lines of plain text; emits ``submitted`` when the user presses Enter."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Tab moves on to the Send button instead of typing a tab into the prompt.
        self.setTabChangesFocus(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter sends; Shift+Enter (a line separator) and every other key edit as usual."""
        # The platform's key bindings decide what "Enter" is, keypad Enter included.
        if event.matches(QKeySequence.StandardKey.InsertParagraphSeparator):
            event.accept()
            emit(self.submitted)
            return
        super().keyPressEvent(event)
