"""Plain-text labels and page headings, made one way across every page and dialog."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget

from app.gui.theme import error_colour


def plain_label(text: str, parent: QWidget, name: str = "", *, hint: bool = False) -> QLabel:
    """A word-wrapped label that never renders its text as markup; ``hint`` greys it."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    if hint:
        label.setEnabled(False)
    return label


class ErrorLabel(QLabel):
    """A plain-text label in an error red that stays readable on the current background.

    The red is chosen against the palette's window colour whenever the palette changes (the
    system went dark or light), so it never relies on a fixed colour that suits one scheme.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._recolouring = False
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self._recolour()

    def changeEvent(self, event: QEvent) -> None:
        """Pick the red again when the palette (or the application's) changes."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._recolour()

    def _recolour(self) -> None:
        if self._recolouring:
            return
        palette = self.palette()
        wanted = error_colour(palette.color(QPalette.ColorRole.Window))
        if palette.color(QPalette.ColorRole.WindowText) == wanted:
            return
        palette.setColor(QPalette.ColorRole.WindowText, wanted)
        self._recolouring = True
        try:
            self.setPalette(palette)
        finally:
            self._recolouring = False


def error_label(parent: QWidget, name: str) -> QLabel:
    """An empty, hidden, red label for an inline error; show it with ``setText`` + ``show``."""
    label = ErrorLabel(parent)
    label.setObjectName(name)
    label.hide()
    return label


def heading(text: str, parent: QWidget, scale: float = 1.4, *, wrap: bool = False) -> QLabel:
    """A bold title, ``scale`` times the normal size (pages 1.4, dialogs smaller)."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label
