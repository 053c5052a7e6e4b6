"""A label showing an icon, drawn for the screen it is on (sharp at 2x and on mixed screens)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QWidget


class IconLabel(QLabel):
    """Shows ``icon`` at ``size`` logical pixels.

    The pixmap is rendered for the widget's own device pixel ratio, and again whenever that
    changes (the window moved to a screen with another scale), instead of once at whatever
    ratio the application had at start-up.
    """

    def __init__(self, icon: QIcon, size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._icon = icon
        self._size = QSize(size, size)
        self.setFixedSize(self._size)
        self._render()

    def event(self, event: QEvent) -> bool:
        """Render again when the device pixel ratio changes."""
        if event.type() == QEvent.Type.DevicePixelRatioChange:
            self._render()
        return super().event(event)

    def _render(self) -> None:
        self.setPixmap(self._icon.pixmap(self._size, self.devicePixelRatioF()))
