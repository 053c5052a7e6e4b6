"""The periodic privacy checkup: a reminder to look at what is stored and what is switched on."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from app.gui.dialogs.parts import Role, add_button
from app.gui.widgets.labels import heading, plain_label


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

        texts = self._build_texts(stored, consents_on, interval_days)
        buttons = self._build_buttons()

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        for text in texts:
            layout.addWidget(text)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def _build_texts(
        self, stored: str, consents_on: Sequence[str], interval_days: int
    ) -> list[QWidget]:
        """The title, why the checkup comes, what is stored and which consents are on."""
        title = heading(self.tr("Time for a privacy checkup"), self, 1.2)
        intro = plain_label(
            self.tr(
                "Every %n day(s) Confidant asks you to look at what it keeps and what you "
                "agreed to. You can change anything on the Privacy page.",
                "",
                interval_days,
            ),
            self,
        )
        stored_label = plain_label(
            self.tr("Stored now: {stored}.").format(stored=stored), self, "checkupStored"
        )
        # The consents' titles come from their texts (in English, like every core text for now).
        switched_on = "; ".join(consents_on) if consents_on else self.tr("none")
        consents_label = plain_label(
            self.tr("Consents switched on: {consents}.").format(consents=switched_on),
            self,
            "checkupConsents",
        )
        return [title, intro, stored_label, consents_label]

    def _build_buttons(self) -> QDialogButtonBox:
        """Review now (the default: go and look) and Later."""
        buttons = QDialogButtonBox(self)
        self.review_button = add_button(
            buttons, self.tr("Review now"), Role.AcceptRole, "reviewNowButton"
        )
        self.later_button = add_button(
            buttons, self.tr("Later"), Role.RejectRole, "laterButton", auto_default=False
        )
        self.review_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons
