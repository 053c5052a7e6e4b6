"""A small timeline of coming deletions: one lane per data class, one bar per day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.gui.i18n import current_language, follow_language

LANE_HEIGHT = 26
AXIS_HEIGHT = 22
LANE_GAP = 6
BAR_COLOURS = ("#3b7dd8", "#d8863b", "#4e9a52", "#9a4ea0")


@dataclass(frozen=True)
class TimelineLane:
    """One data class: its label and (day, rows) pairs of coming deletions."""

    label: str
    deletions: tuple[tuple[dt.date, int], ...]


class DeletionTimeline(QWidget):
    """Paints when stored rows are due to be deleted, from today to ``horizon_days`` ahead.

    Bar heights are relative to the busiest day of their lane; the tooltip of the widget
    lists the totals, and ``summary()`` gives the same in words for screen readers.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = dt.date.today()
        self._horizon_days = 365
        self._lanes: tuple[TimelineLane, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.retranslate()
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        """Name the plot in the interface language (its lanes come from the controller)."""
        self.setAccessibleName(self.tr("Timeline of upcoming deletions"))
        self.update()

    def set_plan(
        self, today: dt.date, lanes: Sequence[TimelineLane], horizon_days: int = 365
    ) -> None:
        """Show ``lanes``, counting days from ``today``."""
        self._today = today
        self._horizon_days = max(horizon_days, 1)
        self._lanes = tuple(lanes)
        summary = self.summary()
        self.setToolTip(summary)
        self.setAccessibleDescription(summary)
        self.updateGeometry()
        self.update()

    def summary(self) -> str:
        """What the plot shows, in words."""
        lines = []
        for lane in self._lanes:
            total = sum(rows for _day, rows in lane.deletions)
            if total:
                first = min(day for day, _rows in lane.deletions)
                lines.append(
                    self.tr("{lane}: %n due, the first on {day}", "", total).format(
                        lane=lane.label, day=first.isoformat()
                    )
                )
            else:
                lines.append(
                    self.tr(
                        "{lane}: nothing due in the next %n days", "", self._horizon_days
                    ).format(lane=lane.label)
                )
        return "\n".join(lines)

    def sizeHint(self) -> QSize:
        """Room for every lane and the axis."""
        lanes = max(len(self._lanes), 1)
        return QSize(480, AXIS_HEIGHT + lanes * (LANE_HEIGHT + LANE_GAP) + 4)

    def minimumSizeHint(self) -> QSize:
        """Narrow is fine; the lanes must stay readable."""
        return QSize(240, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        """Paint lane labels, bars and a month axis."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        faint = palette.color(QPalette.ColorRole.Mid)
        metrics = QFontMetrics(self.font())
        label_width = max([metrics.horizontalAdvance(lane.label) for lane in self._lanes] or [0])
        left = label_width + 12
        right = self.width() - 8
        plot_width = max(right - left, 10)
        day_width = plot_width / self._horizon_days

        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.setPen(Qt.PenStyle.NoPen)
        lanes_height = len(self._lanes) * (LANE_HEIGHT + LANE_GAP)
        painter.drawRoundedRect(QRectF(left, 0, plot_width, max(lanes_height, 1)), 3, 3)

        for index, lane in enumerate(self._lanes):
            top = index * (LANE_HEIGHT + LANE_GAP)
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(0, top, label_width + 6, LANE_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                lane.label,
            )
            baseline = top + LANE_HEIGHT - 3
            painter.setPen(QPen(faint, 1))
            painter.drawLine(QPointF(left, baseline), QPointF(right, baseline))
            busiest = max([rows for _day, rows in lane.deletions] or [1])
            colour = QColor(BAR_COLOURS[index % len(BAR_COLOURS)])
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            for day, rows in lane.deletions:
                offset = (day - self._today).days
                if not 0 <= offset <= self._horizon_days:
                    continue
                height = max((LANE_HEIGHT - 8) * rows / busiest, 2)
                x = left + offset * day_width
                painter.drawRect(QRectF(x, baseline - height, max(day_width, 2.0), height))

        self._paint_axis(painter, left, day_width, lanes_height, faint, text_colour, metrics)
        painter.end()

    def _paint_axis(
        self,
        painter: QPainter,
        left: float,
        day_width: float,
        top: float,
        faint: QColor,
        text_colour: QColor,
        metrics: QFontMetrics,
    ) -> None:
        """Ticks at the first of each month, labelled when there is room."""
        month = dt.date(self._today.year, self._today.month, 1)
        end = self._today + dt.timedelta(days=self._horizon_days)
        # Month names in the interface language, whatever the system's locale is.
        locale = QLocale(current_language())
        today = self.tr("Today")
        painter.setPen(QPen(faint, 1))
        painter.drawText(
            QRectF(left, top + 2, metrics.horizontalAdvance(today) + 4, AXIS_HEIGHT),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            today,
        )
        last_label_end = left + metrics.horizontalAdvance(today) + 8
        while month <= end:
            offset = (month - self._today).days
            if offset > 0:
                x = left + offset * day_width
                painter.setPen(QPen(faint, 1))
                painter.drawLine(QPointF(x, top - LANE_GAP), QPointF(x, top + 3))
                label = (
                    locale.monthName(month.month, QLocale.FormatType.ShortFormat)
                    if month.month != 1
                    else str(month.year)
                )
                width = metrics.horizontalAdvance(label)
                if x - width / 2 > last_label_end and x + width / 2 < self.width():
                    painter.setPen(text_colour)
                    painter.drawText(QPointF(x - width / 2, top + 4 + metrics.ascent()), label)
                    last_label_end = x + width / 2 + 6
            month = dt.date(month.year + (month.month == 12), month.month % 12 + 1, 1)
