"""Edit a queued item's text to remove more from it before it leaves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class OutboxEditDialog(QDialog):
    """A plain-text editor on the item's text; Save accepts, Cancel rejects.

    The edited text passes the anonymizer again when it is stored, so an edit can only ever
    remove more.
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outboxEditDialog")
        self.setWindowTitle(self.tr("Edit before it leaves"))

        explanation = QLabel(
            self.tr(
                "Remove or replace anything you do not want to share. Your edit is anonymized "
                "again before it is stored."
            ),
            self,
        )
        explanation.setTextFormat(Qt.TextFormat.PlainText)
        explanation.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("outboxEditor")
        self.editor.setAccessibleName(self.tr("The text that would be sent"))
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setPlainText(text)

        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("saveEditButton")
        self.cancel_button = buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.setObjectName("cancelEditButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def text(self) -> str:
        """The edited text."""
        return self.editor.toPlainText()
