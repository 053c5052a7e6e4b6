"""A problem in the user's environment (disk full, keyring locked), told in one sentence."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.errors import KnownError


class KnownErrorDialog(QMessageBox):
    """Shows ``message`` and ``hint`` of a KnownError; both are safe to show by contract."""

    def __init__(self, error: KnownError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("knownErrorDialog")
        self.setWindowTitle("Confidant")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setText(error.one_line())
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
