"""A read-only table of text rows (logs, receipts, queued items), filled in one call."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)


class RecordTable(QTableWidget):
    """Rows of plain text under fixed headers; the last column stretches.

    Each row may carry a key (an item id, say), kept on its first cell, so a selection can be
    mapped back to what it shows.
    """

    def __init__(
        self, headers: Sequence[str] = (), parent: QWidget | None = None, *, empty_text: str = ""
    ) -> None:
        super().__init__(0, len(headers), parent)
        self.set_headers(headers)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Tab leaves the table (the arrow keys move between rows): no keyboard trap.
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.empty_text = empty_text

    def set_headers(self, headers: Sequence[str]) -> None:
        """The column titles (again, in another language): one column each."""
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(list(headers))

    def set_empty_text(self, text: str) -> None:
        """What the table says while it has no rows."""
        self.empty_text = text
        self.viewport().update()

    def fill(self, rows: Sequence[Sequence[str]], keys: Sequence[str] | None = None) -> None:
        """Replace every row; the selection is kept on the same key if it is still there."""
        selected = self.selected_key()
        self.setUpdatesEnabled(False)
        try:
            self.clearContents()
            self.setRowCount(len(rows))
            for row, values in enumerate(rows):
                for column, value in enumerate(values):
                    item = QTableWidgetItem(value)
                    item.setToolTip(value)
                    self.setItem(row, column, item)
                if keys is not None:
                    first = self.item(row, 0)
                    if first is not None:
                        first.setData(Qt.ItemDataRole.UserRole, keys[row])
            if selected is not None and keys is not None and selected in keys:
                self.selectRow(list(keys).index(selected))
        finally:
            self.setUpdatesEnabled(True)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the rows, or ``empty_text`` in the middle when there are none."""
        super().paintEvent(event)
        if self.rowCount() or not self.empty_text:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        painter.drawText(
            self.viewport().rect().adjusted(8, 8, -8, -8),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            self.empty_text,
        )
        painter.end()

    def row_texts(self) -> list[list[str]]:
        """What the table shows, row by row."""
        rows = []
        for row in range(self.rowCount()):
            cells = [self.item(row, column) for column in range(self.columnCount())]
            rows.append([cell.text() if cell is not None else "" for cell in cells])
        return rows

    def selected_key(self) -> str | None:
        """The key of the selected row, if it has one."""
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        if not rows:
            return None
        first = self.item(rows[0].row(), 0)
        key = first.data(Qt.ItemDataRole.UserRole) if first is not None else None
        return str(key) if key is not None else None

    def key_at(self, row: int) -> str | None:
        """The key of row ``row``."""
        first = self.item(row, 0)
        key = first.data(Qt.ItemDataRole.UserRole) if first is not None else None
        return str(key) if key is not None else None
