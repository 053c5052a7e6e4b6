"""Asks before a link in a reply is opened, showing the whole URL it goes to."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


class OpenLinkDialog(QDialog):
    """The full URL, and Open in browser / Cancel (Cancel is the default)."""

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openLinkDialog")
        self.setWindowTitle(self.tr("Open this link?"))
        self.setModal(True)
        self.url = url

        intro = QLabel(self.tr("The reply links to this address. It opens in your browser:"), self)
        intro.setWordWrap(True)
        self.url_label = QLabel(url, self)
        self.url_label.setObjectName("linkUrl")
        # The whole address, as text: nothing here is a link itself.
        self.url_label.setTextFormat(Qt.TextFormat.PlainText)
        self.url_label.setWordWrap(True)
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url_label.setAccessibleName(self.tr("The link's full address"))

        self.buttons = QDialogButtonBox(self)
        self.open_button = self.buttons.addButton(
            self.tr("Open in browser"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button.setObjectName("openLinkButton")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setDefault(True)
        self.cancel_button.setFocus()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.url_label)
        layout.addWidget(self.buttons)
