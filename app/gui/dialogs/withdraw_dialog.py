"""After "keep my conversations" is withdrawn: keep the history already stored, or delete it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


class WithdrawDialog(QDialog):
    """Asks what happens to the stored conversations, and leans neither way.

    The consent is already withdrawn when this shows (one click did it). Neither answer is
    pre-selected: no default button, and the focus on the question, so Enter does nothing.
    Closing the dialog (Escape, the window's close button, "Keep them") keeps the history
    until its scheduled deletion; only "Delete them now" (``delete_button``, which accepts
    the dialog) deletes anything.
    """

    def __init__(self, stored_conversations: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("withdrawDialog")
        self.setWindowTitle(self.tr("Conversations already kept"))

        heading = QLabel(self.tr("New conversations are no longer kept."), self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        # Counted here, not with COUNTS: "stored" is declined with the count in German.
        question = QLabel(
            self.tr(
                "You have %n stored conversation(s). Keep them until their scheduled deletion, "
                "or delete them now? Deleting cannot be undone.",
                "",
                stored_conversations,
            ),
            self,
        )
        question.setObjectName("withdrawQuestion")
        question.setTextFormat(Qt.TextFormat.PlainText)
        question.setWordWrap(True)
        # The question takes the focus (a screen reader reads it first), not either answer.
        question.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        question.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        buttons = QDialogButtonBox(self)
        self.keep_button = buttons.addButton(
            self.tr("Keep them"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.keep_button.setObjectName("keepHistoryButton")
        self.keep_button.setAutoDefault(False)
        self.delete_button = buttons.addButton(
            self.tr("Delete them now"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.delete_button.setObjectName("deleteHistoryButton")
        self.delete_button.setAutoDefault(False)
        question.setFocus()
        buttons.rejected.connect(self.reject)
        self.delete_button.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(question)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    @property
    def delete_chosen(self) -> bool:
        """Whether the user chose to delete the stored conversations."""
        return self.result() == QDialog.DialogCode.Accepted
