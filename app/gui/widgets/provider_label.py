"""The status bar's name of the assistant, and where it runs (so a demo is never mistaken)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from app.core.assistant.hub import ProviderStatus

# The texts kept the window's context when they moved here, so the catalogs stay as they are.
CONTEXT = "MainWindow"
ACCESSIBLE_NAME = QT_TRANSLATE_NOOP("MainWindow", "Assistant")
#: Where the assistant runs, by what the status says.
OFFLINE = QT_TRANSLATE_NOOP(
    "MainWindow", "The offline demo runs on this computer: nothing you type leaves it."
)
LOCAL = QT_TRANSLATE_NOOP(
    "MainWindow", "This assistant runs on this computer: your messages do not leave it."
)
REMOTE_PRIVATE = QT_TRANSLATE_NOOP(
    "MainWindow",
    "This assistant runs elsewhere: your messages are sent to it over HTTPS. "
    "Private prompts replace your personal details first.",
)
REMOTE = QT_TRANSLATE_NOOP(
    "MainWindow", "This assistant runs elsewhere: your messages are sent to it over HTTPS."
)


def _tr(marked: str) -> str:
    return QCoreApplication.translate(CONTEXT, marked)


class ProviderLabel(QLabel):
    """Names the assistant (the core's label, translated if it is one we know) and where."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("providerLabel")
        self._text = ""
        self._status: ProviderStatus | None = None

    def set_label(self, label: str) -> None:
        """Name the assistant by the core's label (a reply says who answered it)."""
        self._text = label
        self._show()

    def show_status(self, status: ProviderStatus) -> None:
        """Name the chosen assistant, and say in the tooltip where it runs."""
        self._status = status
        self._text = status.label
        self._show()

    def retranslate(self) -> None:
        """Say it all again in the interface language."""
        self.setAccessibleName(_tr(ACCESSIBLE_NAME))
        if self._text:
            self._show()

    def _show(self) -> None:
        from app.gui.core_labels import core_label

        self.setText(core_label(self._text))
        status = self._status
        if status is None:
            return
        if status.name == "offline":
            where = OFFLINE
        elif status.local:
            where = LOCAL
        elif status.private_prompts:
            where = REMOTE_PRIVATE
        else:
            where = REMOTE
        self.setToolTip(_tr(where))
