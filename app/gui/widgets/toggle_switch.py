"""An on/off switch: a checkable button painted as a track with a sliding knob."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

TRACK_WIDTH = 40
TRACK_HEIGHT = 22
KNOB_MARGIN = 3


class ToggleSwitch(QAbstractButton):
    """Checkable; one click turns it on, one click turns it off. Keyboard: Space toggles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        """The track plus room for the focus ring."""
        return QSize(TRACK_WIDTH + 4, TRACK_HEIGHT + 4)

    def paintEvent(self, _event: QPaintEvent) -> None:
        """Paint the track (the highlight colour when on) and the knob."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        track = QRectF(2, 2, TRACK_WIDTH, TRACK_HEIGHT)
        if not self.isEnabled():
            colour = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Mid)
        elif self.isChecked():
            colour = palette.color(QPalette.ColorRole.Highlight)
        else:
            colour = palette.color(QPalette.ColorRole.Mid)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(track, TRACK_HEIGHT / 2, TRACK_HEIGHT / 2)
        if self.hasFocus():
            focus = QColor(palette.color(QPalette.ColorRole.Highlight))
            focus.setAlpha(110)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(focus)
            painter.drawRoundedRect(track.adjusted(-1.5, -1.5, 1.5, 1.5), 12.5, 12.5)
        diameter = TRACK_HEIGHT - 2 * KNOB_MARGIN
        x = track.right() - KNOB_MARGIN - diameter if self.isChecked() else track.left() + 3
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ffffff"))
        painter.drawEllipse(QRectF(x, track.top() + KNOB_MARGIN, diameter, diameter))
        painter.end()
