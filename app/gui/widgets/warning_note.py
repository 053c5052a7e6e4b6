"""A framed warning with the platform's warning icon, for things the user must not miss."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QWidget

from app.gui.widgets.icon_label import IconLabel

# Fixed colours with a dark text colour, so the note reads the same on light and dark themes.
_STYLE = (
    "#{name} {{ background: #fff4e0; border: 1px solid #e0a030; border-radius: 4px; }}"
    "#{name} QLabel {{ color: #4e3500; background: transparent; border: none; }}"
)


class WarningNote(QFrame):
    """An icon and a wrapped sentence in an amber frame; ``text_label`` holds the sentence."""

    def __init__(self, text: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setStyleSheet(_STYLE.format(name=name))
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.icon = IconLabel(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning), size, self
        )
        self.icon.setObjectName(f"{name}Icon")
        self.text_label = QLabel(text, self)
        self.text_label.setObjectName(f"{name}Text")
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(8)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text_label, 1)
