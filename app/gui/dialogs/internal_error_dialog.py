"""A bug in Confidant: a short note that names no private data, only the kind of error."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class InternalErrorDialog(QMessageBox):
    """Says an internal error happened.

    The exception's message is never shown: an unexpected exception may carry message text or
    a key in its arguments. Only its type name is shown, to make a bug report useful.
    """

    def __init__(self, error: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("internalErrorDialog")
        self.setWindowTitle("Confidant: internal error")
        self.setIcon(QMessageBox.Icon.Critical)
        self.setText("Confidant ran into an internal error.")
        self.setInformativeText(
            "This is a bug in Confidant, not something you did. "
            f"If you report it, please mention the error type: {type(error).__name__}."
        )
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
