"""Which sensitive topic the classifier finds in a text, and why, in words."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.i18n import follow_language
from app.gui.signals import emit


def _tr(text: str) -> str:
    return QCoreApplication.translate("SensitivityCheck", text)


class SensitivityCheck(QGroupBox):
    """A box where the user types a message and sees its sensitive topics and the reasons.

    Emits ``checkRequested(text)``; whoever owns it asks the core and calls ``show_result``.
    Nothing typed here is stored or sent.
    """

    checkRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sensitivityCheckBox")
        self.intro_label = QLabel(self)
        self.intro_label.setTextFormat(Qt.TextFormat.PlainText)
        self.intro_label.setWordWrap(True)
        self.input = QLineEdit(self)
        self.input.setObjectName("sensitivityCheckInput")
        self.button = QPushButton(self)
        self.button.setObjectName("sensitivityCheckButton")
        self.result_label = QLabel(self)
        self.result_label.setObjectName("sensitivityCheckResult")
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.input, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addLayout(row)
        layout.addWidget(self.result_label)
        self.button.clicked.connect(self._on_check)
        self.input.returnPressed.connect(self._on_check)
        self.retranslate()
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        """Set the texts in the current language."""
        self.setTitle(_tr("Sensitive topics: which and why"))
        self.intro_label.setText(
            _tr(
                "A conversation on a sensitive topic is not kept unless you allow it. Type a "
                "message to see which topic the classifier finds in it and why. It is checked "
                "on this computer and neither stored nor sent."
            )
        )
        self.button.setText(_tr("Check"))
        self.button.setAccessibleName(_tr("Check the message for sensitive topics"))
        self.input.setPlaceholderText(_tr("A message to check"))
        self.input.setAccessibleName(_tr("A message to check for sensitive topics"))
        self.result_label.setAccessibleName(_tr("Sensitive topics found"))

    def show_result(self, categories: Sequence[str], reasons: Sequence[str]) -> None:
        """Show the classifier's verdict: the reasons, or that no topic was found."""
        self.button.setEnabled(True)
        if not categories:
            self.result_label.setText(_tr("No sensitive topic found."))
            return
        self.result_label.setText("\n".join(reasons))

    @Slot()
    def _on_check(self) -> None:
        text = self.input.text().strip()
        if not text:
            return
        self.button.setEnabled(False)
        emit(self.checkRequested, text)
