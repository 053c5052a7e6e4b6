"""Forget me: erase the whole profile here and upstream, after typing DELETE, then the receipt."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.gui.dialogs.parts import Role, add_button
from app.gui.signals import emit
from app.gui.sizing import grow_to_fit
from app.gui.widgets.labels import error_label, heading, plain_label
from app.gui.widgets.record_table import RecordTable
from app.gui.widgets.warning_note import WarningNote

#: What the user types to enable the Forget button, exactly (case and spaces count); each
#: language has its own word (translated when the dialog is made).
CONFIRM_WORD = QT_TRANSLATE_NOOP("ForgetMeDialog", "DELETE")


class ForgetMeDialog(QDialog):
    """Explains, asks for DELETE, emits ``forgetRequested``, then shows the receipt.

    Cancel is the default button, and Forget stays disabled until the confirmation field
    holds exactly ``confirm_word`` (``CONFIRM_WORD`` in the interface language). While the
    erasure runs the dialog cannot be closed: the receipt must be seen.
    """

    forgetRequested = Signal()

    def __init__(self, profile_dir: str, stored: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("forgetMeDialog")
        self.setWindowTitle(self.tr("Forget me"))
        self.confirm_word = QCoreApplication.translate("ForgetMeDialog", CONFIRM_WORD)
        self._busy = False
        self._receipt_text = ""

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_confirm(profile_dir, stored))
        self.pages.addWidget(self._build_receipt())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.setMinimumWidth(580)
        self.confirm_edit.setFocus()

    def _build_confirm(self, profile_dir: str, stored: str) -> QWidget:
        page = QWidget(self)
        page.setObjectName("forgetConfirmPage")
        explained = self._confirm_explanation(page, profile_dir, stored)
        prompt = self._confirm_field(page)
        self._confirm_progress(page)
        buttons = self._confirm_buttons(page)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        for widget in explained:
            layout.addWidget(widget)
        layout.addSpacing(4)
        layout.addWidget(prompt)
        layout.addWidget(self.confirm_edit)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        return page

    def _confirm_explanation(self, page: QWidget, profile_dir: str, stored: str) -> list[QWidget]:
        """The title, the warning and what is erased here and upstream, top to bottom."""
        title = heading(self.tr("Erase everything, here and upstream"), page, scale=1.2, wrap=True)
        warning = WarningNote(
            self.tr("Forget me erases your whole profile. It cannot be undone."),
            "forgetWarning",
            page,
        )
        here = plain_label(
            self.tr(
                "On this computer: every stored conversation and message with its search "
                "index, your preferences, your consent records, the privacy log, the outbox, "
                "the anonymization notes and the network log; the encryption key in your system "
                "keyring; and the profile folder:"
            ),
            page,
        )
        folder = plain_label(profile_dir, page, "forgetProfileDir")
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        folder.setContentsMargins(16, 0, 0, 0)
        stored_label = plain_label(stored, page, "forgetStored")
        upstream = plain_label(
            self.tr(
                "Upstream: if you shared anything for training or research, those consents are "
                "withdrawn and the collector is asked to delete everything it received from "
                "you. The receipt shows its answer."
            ),
            page,
        )
        export_first = plain_label(
            self.tr("Want a copy first? Close this and use Data › Export your data."), page
        )
        export_first.setEnabled(False)
        return [title, warning, here, folder, stored_label, upstream, export_first]

    def _confirm_field(self, page: QWidget) -> QWidget:
        """The field where the confirmation word is typed; returns its prompt."""
        prompt = plain_label(
            self.tr("Type {word} to confirm:").format(word=self.confirm_word), page
        )
        self.confirm_edit = QLineEdit(page)
        self.confirm_edit.setObjectName("forgetConfirmEdit")
        self.confirm_edit.setAccessibleName(
            self.tr("Type {word} to confirm").format(word=self.confirm_word)
        )
        self.confirm_edit.setPlaceholderText(self.confirm_word)
        prompt.setBuddy(self.confirm_edit)
        return prompt

    def _confirm_progress(self, page: QWidget) -> None:
        """The busy bar shown while the erasure runs, and the line for its error."""
        self.progress_bar = QProgressBar(page)
        self.progress_bar.setObjectName("forgetProgress")
        self.progress_bar.setAccessibleName(self.tr("Erasing"))
        self.progress_bar.setRange(0, 0)
        self.progress_bar.hide()
        self.error_label = error_label(page, "forgetError")

    def _confirm_buttons(self, page: QWidget) -> QDialogButtonBox:
        """Forget me (off until the word is typed) and Cancel, the default."""
        buttons = QDialogButtonBox(page)
        self.forget_button = add_button(
            buttons, self.tr("Forget me"), Role.DestructiveRole, "forgetButton", auto_default=False
        )
        self.forget_button.setEnabled(False)
        self.cancel_button = add_button(
            buttons, self.tr("Cancel"), Role.RejectRole, "forgetCancelButton", default=True
        )
        buttons.rejected.connect(self.reject)
        self.forget_button.clicked.connect(self._submit)
        self.confirm_edit.textChanged.connect(self._on_typed)
        return buttons

    def _build_receipt(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("forgetReceiptPage")
        title = heading(self.tr("Your profile has been erased"), page, scale=1.2, wrap=True)
        self.receipt_time = plain_label("", page, "receiptTime")
        self.receipt_table = RecordTable((self.tr("What was deleted"), self.tr("How many")), page)
        self.receipt_table.setObjectName("receiptTable")
        self.receipt_table.setAccessibleName(self.tr("What was deleted"))
        self.receipt_table.setSelectionMode(RecordTable.SelectionMode.NoSelection)
        self.upstream_label = plain_label("", page, "receiptUpstream")
        self.next_label = plain_label("", page, "receiptNext")

        buttons = QDialogButtonBox(page)
        self.copy_button = buttons.addButton(
            self.tr("Copy receipt"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.setObjectName("copyReceiptButton")
        self.copy_button.setAutoDefault(False)
        self.done_button = buttons.addButton(
            self.tr("Quit Confidant"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.done_button.setObjectName("receiptDoneButton")
        self.copy_button.clicked.connect(self._copy)
        self.done_button.clicked.connect(self.accept)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(self.receipt_time)
        layout.addWidget(self.receipt_table, 1)
        layout.addWidget(self.upstream_label)
        layout.addWidget(self.next_label)
        layout.addWidget(buttons)
        return page

    # --- what the user does ----------------------------------------------------------------

    @Slot(str)
    def _on_typed(self, text: str) -> None:
        self.forget_button.setEnabled(text == self.confirm_word and not self._busy)

    @Slot()
    def _submit(self) -> None:
        if self.confirm_edit.text() != self.confirm_word:
            return
        self.error_label.hide()
        self._set_busy(True)
        grow_to_fit(self)
        emit(self.forgetRequested)

    @Slot()
    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self._receipt_text)
        self.copy_button.setText(self.tr("Copied"))

    def reject(self) -> None:
        """Close, unless the erasure is under way (its receipt must be seen)."""
        if not self._busy:
            super().reject()

    # --- what the controller tells it ------------------------------------------------------

    def show_receipt(
        self,
        erased_at: str,
        rows: Sequence[tuple[str, str]],
        upstream: str,
        text: str,
        *,
        new_profile: bool,
    ) -> None:
        """Show what was deleted (counts only); ``text`` is the same receipt, for copying."""
        self._set_busy(False)
        self._receipt_text = text
        self.receipt_time.setText(
            self.tr("Erased on {when}. The receipt holds counts, never content.").format(
                when=erased_at
            )
        )
        self.receipt_table.fill(rows)
        # Tall enough to show every count at once: a receipt should not need scrolling.
        self.receipt_table.setMinimumHeight(
            self.receipt_table.horizontalHeader().height()
            + sum(self.receipt_table.rowHeight(row) for row in range(len(rows)))
            + 2 * self.receipt_table.frameWidth()
        )
        self.upstream_label.setText(upstream)
        self.next_label.setText(
            self.tr(
                "A deletion request could not be delivered yet. A new, empty profile keeps it "
                "and this receipt, and sends it again until the collector confirms."
            )
            if new_profile
            else self.tr(
                "Nothing of your profile is left on this computer. Confidant closes now; start "
                "it again to begin with a fresh, empty profile."
            )
        )
        self.done_button.setText(self.tr("Continue") if new_profile else self.tr("Quit Confidant"))
        self.done_button.setDefault(True)
        self.pages.setCurrentIndex(1)
        self.done_button.setFocus()
        grow_to_fit(self)

    def show_error(self, text: str) -> None:
        """The erasure did not run to the end; ``text`` says why."""
        self._set_busy(False)
        self.error_label.setText(text)
        self.error_label.show()
        grow_to_fit(self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress_bar.setVisible(busy)
        self.confirm_edit.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self.forget_button.setEnabled(not busy and self.confirm_edit.text() == self.confirm_word)
