"""The first-run screen: what Confidant keeps, where, and that nothing is sent anywhere."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


class FirstRunDialog(QDialog):
    """Continue (accept) or Quit (reject); nothing is created before Continue."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("Welcome to Confidant"))
        self.setModal(True)

        heading = QLabel(self.tr("Welcome to Confidant"), self)
        heading.setObjectName("firstRunHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(heading)
        for paragraph in (
            self.tr(
                "Only your preferences are stored. They are encrypted on this computer, with a "
                "key that is kept in your system keyring."
            ),
            self.tr(
                "Your conversations are not stored. Confidant keeps them only if you agree to "
                "that later, and you can change your mind at any time."
            ),
            self.tr(
                "Nothing is sent anywhere. The assistant you start with is an offline demo that "
                "runs on this computer."
            ),
        ):
            label = QLabel(paragraph, self)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(label)
        layout.addStretch(1)

        buttons = QDialogButtonBox(self)
        self.continue_button = buttons.addButton(
            self.tr("Continue"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.continue_button.setObjectName("continueButton")
        self.quit_button = buttons.addButton(
            self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.quit_button.setObjectName("quitButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
