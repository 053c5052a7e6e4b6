"""My data: what is stored about the user, in plain words, and one button that deletes it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.signals import emit
from app.gui.sizing import grow_to_fit
from app.gui.widgets.labels import error_label, heading, plain_label


class MyDataDialog(QDialog):
    """Lists what is stored; "Delete my data" emits ``deleteRequested`` (no PIN, ever).

    No confirmation step follows the button, and no button is the default: Enter neither
    deletes nor keeps, and nothing here leans either way. The button says exactly what it
    does, and what it deletes is listed above it. (Deleting is the safe direction, and the
    data it removes in child mode is a nickname, a picture and a voice.)
    """

    deleteRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("myDataDialog")
        self.setWindowTitle(self.tr("My data"))
        self._busy = False

        title = heading(self.tr("What is stored about you"), self, scale=1.2, wrap=True)
        intro = plain_label(
            self.tr("All of it stays on this computer, locked with encryption."), self
        )
        self.rows = QFormLayout()
        self.rows.setHorizontalSpacing(16)
        self.rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.loading_label = plain_label(self.tr("Looking…"), self, "myDataLoading", hint=True)
        self.rows.addRow(self.loading_label)

        delete_title = heading(self.tr("Delete my data"), self, scale=1.1)
        delete_note = plain_label(
            self.tr(
                "Delete my data removes your nickname, your picture, your voice choice and any "
                "kept conversations, straight away. You do not need a grown-up for this. What "
                "stays holds nothing you wrote: the child-mode settings, the record of what was "
                "agreed, and the privacy log (which notes that you deleted your data)."
            ),
            self,
            "myDataDeleteNote",
        )
        self.delete_button = QPushButton(self.tr("Delete my data"), self)
        self.delete_button.setObjectName("deleteMyDataButton")
        self.delete_button.setAccessibleName(self.tr("Delete my data"))
        self.delete_button.setAutoDefault(False)
        self.result_label = plain_label("", self, "myDataResult")
        self.result_label.hide()
        self.error_label = error_label(self, "myDataError")

        buttons = QDialogButtonBox(self)
        self.close_button = buttons.addButton(
            self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.close_button.setObjectName("myDataCloseButton")
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        self.delete_button.clicked.connect(self._submit)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(self.rows)
        layout.addSpacing(6)
        layout.addWidget(delete_title)
        layout.addWidget(delete_note)
        layout.addWidget(self.delete_button)
        layout.addWidget(self.result_label)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def show_summary(self, rows: Sequence[tuple[str, str]]) -> None:
        """List what is stored: (what, how much or which) for each kind of data."""
        while self.rows.rowCount():
            self.rows.removeRow(0)
        for index, (what, value) in enumerate(rows):
            label = plain_label(self.tr("{what}:").format(what=what), self, f"myDataLabel{index}")
            shown = plain_label(value, self, f"myDataValue{index}")
            label.setBuddy(shown)
            self.rows.addRow(label, shown)
            # Shown now, not by the layout later, so the dialog grows to fit them at once.
            label.show()
            shown.show()
        grow_to_fit(self)

    def summary_text(self) -> str:
        """Everything listed, one row a line, as the user reads it."""
        lines = []
        for row in range(self.rows.rowCount()):
            label = self.rows.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = self.rows.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is not None and field is not None:
                lines.append(f"{label.widget().text()} {field.widget().text()}")
        return "\n".join(lines)

    @Slot()
    def _submit(self) -> None:
        if self._busy:
            return
        self._set_busy(True)
        self.result_label.hide()
        self.error_label.hide()
        emit(self.deleteRequested)

    def reject(self) -> None:
        """Close, unless the deletion is being written."""
        if not self._busy:
            super().reject()

    def show_deleted(self, text: str) -> None:
        """The deletion is done; ``text`` says what went."""
        self._set_busy(False)
        self.result_label.setText(text)
        self.result_label.show()
        grow_to_fit(self)

    def show_error(self, text: str) -> None:
        """Nothing was deleted; ``text`` says why."""
        self._set_busy(False)
        self.error_label.setText(text)
        self.error_label.show()
        grow_to_fit(self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.delete_button.setEnabled(not busy)
        self.close_button.setEnabled(not busy)
        self.delete_button.setText(self.tr("Deleting…") if busy else self.tr("Delete my data"))
