"""Plain-text labels and page headings, made one way across every page and dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

#: How an inline error (a refused name, a failed import) is coloured.
ERROR_STYLE = "color: #c62828;"


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


def error_label(parent: QWidget, name: str) -> QLabel:
    """An empty, hidden, red label for an inline error; show it with ``setText`` + ``show``."""
    label = plain_label("", parent, name)
    label.setStyleSheet(ERROR_STYLE)
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
