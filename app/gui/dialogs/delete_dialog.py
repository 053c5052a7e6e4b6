"""Delete stored conversations for good: one, those from a date range, or all of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.core.clock import iso
from app.core.conversations import ConversationSummary
from app.gui.dialogs.parts import Role, add_button
from app.gui.formatting import COUNTS, local_date, local_time
from app.gui.signals import emit
from app.gui.sizing import grow_to_fit
from app.gui.widgets.labels import plain_label

#: The date range offered first: the last 30 days.
DEFAULT_RANGE_DAYS = 30


class DeletionChoice(NamedTuple):
    """Which stored conversations to delete, in the terms the facade takes."""

    conversation_id: str | None = None
    start: str | None = None
    end: str | None = None
    everything: bool = False

    def matches(self, conversation: ConversationSummary) -> bool:
        """Whether ``conversation`` would be deleted (the facade's own rule)."""
        if self.everything:
            return True
        if self.conversation_id is not None:
            return conversation.id == self.conversation_id
        return (self.start or "") <= conversation.updated_at < (self.end or "9999")


def day_range(first: dt.date, last: dt.date) -> tuple[str, str]:
    """From the start of ``first`` to the end of ``last``, local time, as stored (UTC)."""
    start = dt.datetime.combine(first, dt.time()).astimezone()
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time()).astimezone()
    return iso(start), iso(end)


def conversationplain_label(conversation: ConversationSummary) -> str:
    """How one conversation is listed: its title, when it was last active, its size."""
    title = conversation.title or QCoreApplication.translate(
        "DeleteDialog", "Untitled conversation"
    )
    return QCoreApplication.translate("DeleteDialog", "{title} — {when}, {messages}").format(
        title=title,
        when=local_time(conversation.updated_at),
        messages=COUNTS.messages(conversation.message_count),
    )


class DeleteDialog(QDialog):
    """Chooses what to delete; ``deleteRequested(DeletionChoice)`` asks for it.

    Delete needs the confirmation box ticked, and Cancel is the default button, so pressing
    Enter never deletes anything. The dialog stays open to show what was deleted.
    """

    deleteRequested = Signal(object)

    def __init__(
        self,
        conversations: Sequence[ConversationSummary],
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deleteDialog")
        self.setWindowTitle(self.tr("Delete conversations"))
        self._conversations: tuple[ConversationSummary, ...] = ()
        self._busy = False

        intro = plain_label(
            self.tr(
                "Deleted conversations are gone for good: their messages, their search index "
                "entries and anything derived from them (anonymization notes, items waiting in "
                "the outbox)."
            ),
            self,
        )

        grid = self._build_scope(today)
        self._build_outcome()
        buttons = self._build_buttons()
        buttons.rejected.connect(self.reject)
        self.delete_button.clicked.connect(self._submit)
        for signal in (
            self.scope_buttons.buttonToggled,
            self.conversation_combo.currentIndexChanged,
            self.from_date.dateChanged,
            self.to_date.dateChanged,
            self.confirm_check.toggled,
        ):
            signal.connect(self._update)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.confirm_check)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

        self.set_conversations(conversations)
        (self.one_radio if conversations else self.all_radio).setChecked(True)
        self.cancel_button.setFocus()

    # --- how it is built (in tab order) ----------------------------------------------------

    def _build_scope(self, today: dt.date) -> QGridLayout:
        """One conversation, those from a date range, or all of them."""
        self.one_radio = QRadioButton(self.tr("&One conversation:"), self)
        self.one_radio.setObjectName("deleteOneRadio")
        self.conversation_combo = QComboBox(self)
        self.conversation_combo.setObjectName("deleteConversationCombo")
        self.conversation_combo.setAccessibleName(self.tr("Conversation to delete"))
        self.conversation_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.conversation_combo.setMinimumContentsLength(30)
        self.range_radio = QRadioButton(self.tr("Those last active &from:"), self)
        self.range_radio.setObjectName("deleteRangeRadio")
        self.from_date = _date_edit(
            self, "deleteFromDate", today - dt.timedelta(DEFAULT_RANGE_DAYS), self.tr("From date")
        )
        self.to_date = _date_edit(self, "deleteToDate", today, self.tr("To date"))
        self.all_radio = QRadioButton(self.tr("&All stored conversations"), self)
        self.all_radio.setObjectName("deleteAllRadio")
        self.scope_buttons = QButtonGroup(self)
        for radio in (self.one_radio, self.range_radio, self.all_radio):
            self.scope_buttons.addButton(radio)

        dates = QHBoxLayout()
        dates.addWidget(self.from_date)
        dates.addWidget(plain_label(self.tr("to", "between two dates"), self))
        dates.addWidget(self.to_date)
        dates.addStretch(1)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setColumnStretch(1, 1)
        grid.addWidget(self.one_radio, 0, 0)
        grid.addWidget(self.conversation_combo, 0, 1)
        grid.addWidget(self.range_radio, 1, 0)
        grid.addLayout(dates, 1, 1)
        grid.addWidget(self.all_radio, 2, 0)
        return grid

    def _build_outcome(self) -> None:
        """What will go, the confirmation box, the progress and what was deleted."""
        self.summary_label = plain_label("", self, "deleteSummary")
        font = self.summary_label.font()
        font.setBold(True)
        self.summary_label.setFont(font)
        self.confirm_check = QCheckBox(
            self.tr("I understand that deleted conversations cannot be recovered"), self
        )
        self.confirm_check.setObjectName("deleteConfirmCheck")
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("deleteProgress")
        self.progress_bar.setAccessibleName(self.tr("Deleting"))
        self.progress_bar.setRange(0, 0)  # one transaction and a vacuum: nothing to count
        self.progress_bar.hide()
        self.result_label = plain_label("", self, "deleteResult")
        self.result_label.hide()

    def _build_buttons(self) -> QDialogButtonBox:
        """Delete (never pressed by Enter) and Cancel, the default."""
        buttons = QDialogButtonBox(self)
        self.delete_button = add_button(
            buttons, self.tr("Delete"), Role.DestructiveRole, "deleteButton", auto_default=False
        )
        self.cancel_button = add_button(
            buttons, self.tr("Cancel"), Role.RejectRole, "deleteCancelButton", default=True
        )
        return buttons

    # --- what the user chooses -------------------------------------------------------------

    def choice(self) -> DeletionChoice:
        """What the dialog would delete now."""
        if self.all_radio.isChecked():
            return DeletionChoice(everything=True)
        if self.range_radio.isChecked():
            start, end = day_range(self.from_date.date().toPython(), self.to_date.date().toPython())
            return DeletionChoice(start=start, end=end)
        conversation_id = self.conversation_combo.currentData()
        # No id at all must never fall through to a wider deletion.
        return DeletionChoice(conversation_id=str(conversation_id or ""))

    def matching(self) -> int:
        """How many stored conversations the current choice deletes."""
        choice = self.choice()
        return sum(1 for c in self._conversations if choice.matches(c))

    @Slot()
    def _update(self) -> None:
        count = self.matching()
        if self.all_radio.isChecked():
            text = self.tr("This deletes all %n stored conversation(s).", "", count)
        elif self.range_radio.isChecked():
            first = self.from_date.date().toPython()
            last = self.to_date.date().toPython()
            text = self.tr(
                "This deletes %n conversation(s) last active from {first} to {last}.", "", count
            ).format(first=first.isoformat(), last=last.isoformat())
        else:
            text = self.tr("This deletes the conversation above.") if count else ""
        if not count:
            text = self.tr("No stored conversation matches: nothing would be deleted.")
        self.summary_label.setText(text)
        self.delete_button.setEnabled(
            not self._busy and count > 0 and self.confirm_check.isChecked()
        )

    @Slot()
    def _submit(self) -> None:
        if self.matching() == 0 or not self.confirm_check.isChecked():
            return
        self.result_label.hide()
        self._set_busy(True)
        grow_to_fit(self)
        emit(self.deleteRequested, self.choice())

    def reject(self) -> None:
        """Close, unless a deletion is being written."""
        if not self._busy:
            super().reject()

    # --- what the controller tells it ------------------------------------------------------

    def set_conversations(self, conversations: Sequence[ConversationSummary]) -> None:
        """List what is stored (again, after a deletion)."""
        self._conversations = tuple(conversations)
        self.conversation_combo.blockSignals(True)
        self.conversation_combo.clear()
        for conversation in self._conversations:
            self.conversation_combo.addItem(conversationplain_label(conversation), conversation.id)
            self.conversation_combo.setItemData(
                self.conversation_combo.count() - 1,
                self.tr("Started {day}").format(day=local_date(conversation.created_at)),
                Qt.ItemDataRole.ToolTipRole,
            )
        self.conversation_combo.blockSignals(False)
        has_any = bool(self._conversations)
        self.one_radio.setEnabled(has_any)
        self.conversation_combo.setEnabled(has_any)
        if not has_any:
            self.conversation_combo.setPlaceholderText(self.tr("No stored conversations"))
            if self.one_radio.isChecked():
                self.all_radio.setChecked(True)
        self._update()

    def show_deleted(self, text: str) -> None:
        """The deletion is done; ``text`` says what went."""
        self._set_busy(False)
        self.confirm_check.setChecked(False)
        self.result_label.setText(text)
        self.result_label.show()
        self.cancel_button.setText(self.tr("Close"))
        grow_to_fit(self)

    def show_error(self, text: str) -> None:
        """Nothing was deleted; ``text`` says why."""
        self._set_busy(False)
        self.result_label.setText(text)
        self.result_label.show()
        grow_to_fit(self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress_bar.setVisible(busy)
        for widget in (
            self.one_radio,
            self.range_radio,
            self.all_radio,
            self.conversation_combo,
            self.from_date,
            self.to_date,
            self.confirm_check,
            self.cancel_button,
        ):
            widget.setEnabled(not busy)
        if not busy:
            has_any = bool(self._conversations)
            self.one_radio.setEnabled(has_any)
            self.conversation_combo.setEnabled(has_any)
        self._update()


def _date_edit(parent: QWidget, name: str, day: dt.date, accessible: str) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day), parent)
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit
