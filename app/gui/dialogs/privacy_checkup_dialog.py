"""The periodic privacy checkup: a reminder to look at what is stored and what is switched on."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


class PrivacyCheckupDialog(QDialog):
    """Non-modal: "Review now" accepts, "Later" rejects. Neither changes a setting.

    Nothing is pre-selected that would make Confidant less private: the only default is to
    go and look.
    """

    def __init__(
        self,
        stored: str,
        consents_on: Sequence[str],
        interval_days: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("privacyCheckupDialog")
        self.setWindowTitle(self.tr("Privacy checkup"))
        self.setModal(False)

        heading = QLabel(self.tr("Time for a privacy checkup"), self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(
            self.tr(
                "Every %n day(s) Confidant asks you to look at what it keeps and what you "
                "agreed to. You can change anything on the Privacy page.",
                "",
                interval_days,
            ),
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        stored_label = QLabel(self.tr("Stored now: {stored}.").format(stored=stored), self)
        stored_label.setObjectName("checkupStored")
        stored_label.setTextFormat(Qt.TextFormat.PlainText)
        stored_label.setWordWrap(True)
        # The consents' titles come from their texts (in English, like every core text for now).
        switched_on = "; ".join(consents_on) if consents_on else self.tr("none")
        consents_label = QLabel(
            self.tr("Consents switched on: {consents}.").format(consents=switched_on), self
        )
        consents_label.setObjectName("checkupConsents")
        consents_label.setTextFormat(Qt.TextFormat.PlainText)
        consents_label.setWordWrap(True)

        buttons = QDialogButtonBox(self)
        self.review_button = buttons.addButton(
            self.tr("Review now"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.review_button.setObjectName("reviewNowButton")
        self.later_button = buttons.addButton(
            self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.later_button.setObjectName("laterButton")
        self.later_button.setAutoDefault(False)
        self.review_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(stored_label)
        layout.addWidget(consents_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
