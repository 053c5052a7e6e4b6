"""The transcript: a read-only view of the conversation, written as plain text only."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget


class TranscriptView(QTextEdit):
    """Shows who said what; never interprets message text as HTML."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setAcceptRichText(False)

    def append_message(self, speaker: str, text: str) -> None:
        """Add one message under a bold speaker line."""
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        spacing = QTextBlockFormat()
        if not self.document().isEmpty():
            spacing.setTopMargin(12)
            cursor.insertBlock(spacing)
        else:
            cursor.setBlockFormat(spacing)
        speaker_format = QTextCharFormat()
        speaker_format.setFontWeight(QFont.Weight.Bold)
        cursor.insertText(speaker, speaker_format)
        cursor.insertBlock(QTextBlockFormat())
        # insertText takes the text literally, so a prompt containing markup stays text.
        cursor.insertText(text, QTextCharFormat())
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
