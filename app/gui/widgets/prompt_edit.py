"""The prompt box: a plain-text editor where Enter sends and Shift+Enter starts a new line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from app.gui.signals import emit

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent


class PromptEdit(QPlainTextEdit):
    """A few lines of plain text; emits ``submitted`` when the user presses Enter."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Tab moves on to the Send button instead of typing a tab into the prompt.
        self.setTabChangesFocus(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter sends; Shift+Enter (a line separator) and every other key edit as usual."""
        # Imported at the first key: loading QKeySequence would hold back the first paint.
        from PySide6.QtGui import QKeySequence

        # The platform's key bindings decide what "Enter" is, keypad Enter included.
        if event.matches(QKeySequence.StandardKey.InsertParagraphSeparator):
            event.accept()
            emit(self.submitted)
            return
        super().keyPressEvent(event)
