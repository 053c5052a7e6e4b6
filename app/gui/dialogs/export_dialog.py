"""Export everything the profile holds: where, which format, an optional passphrase, progress."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.dialogs.parts import Role, add_button, form, secret_edit
from app.gui.signals import emit
from app.gui.sizing import grow_to_fit
from app.gui.widgets.labels import error_label, plain_label
from app.gui.widgets.warning_note import WarningNote

#: The formats offered, in order (their descriptions are translated when shown).
FORMATS = (
    ("json", QT_TRANSLATE_NOOP("ExportDialog", "JSON: one machine-readable file")),
    (
        "zip",
        QT_TRANSLATE_NOOP(
            "ExportDialog", "Zip: the JSON file plus a readable copy of each conversation"
        ),
    ),
)


class ExportDialog(QDialog):
    """Asks where and how to export, then shows the progress and where the file went.

    ``exportRequested(path, fmt, passphrase)`` fires when the user starts it (an empty
    passphrase means no encryption); ``cancelRequested`` when they stop it. While an export
    runs, Cancel stops it and the dialog stays; closing the dialog stops it too.
    """

    exportRequested = Signal(str, str, str)
    cancelRequested = Signal()

    def __init__(
        self, default_path: str, min_passphrase_length: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export your data"))
        self._min_length = min_passphrase_length
        self._running = False
        self._progress_seen = False
        self._default_path = default_path

        intro = plain_label(
            self.tr(
                "One file with everything Confidant keeps: your conversations, preferences, "
                "consents, the privacy log, retention settings, the outbox and deletion "
                "receipts. Keys and passwords are never included."
            ),
            self,
        )
        fields = self._build_form()
        self._build_notes()
        buttons = self._build_buttons()
        self.browse_button.clicked.connect(self._browse)
        self.passphrase_edit.textChanged.connect(self._show_protection)
        self.format_buttons.buttonToggled.connect(self._on_format_toggled)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addLayout(fields)
        layout.addWidget(self.plaintext_warning)
        layout.addWidget(self.encrypted_note)
        layout.addWidget(self.error_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    # --- how it is built (in tab order) ----------------------------------------------------

    def _build_form(self) -> QFormLayout:
        """Where the file goes, its format, and an optional passphrase, typed twice."""
        self.path_edit = QLineEdit(self._default_path, self)
        self.path_edit.setObjectName("exportPathEdit")
        self.path_edit.setAccessibleName(self.tr("Export file"))
        self.browse_button = QPushButton(self.tr("Choose…"), self)
        self.browse_button.setObjectName("exportBrowseButton")
        self.browse_button.setAutoDefault(False)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)

        self.format_buttons = QButtonGroup(self)
        format_column = QVBoxLayout()
        format_column.setSpacing(2)
        self.format_radios: dict[str, QRadioButton] = {}
        for fmt, text in FORMATS:
            radio = QRadioButton(QCoreApplication.translate("ExportDialog", text), self)
            radio.setObjectName(f"format_{fmt}")
            self.format_buttons.addButton(radio)
            format_column.addWidget(radio)
            self.format_radios[fmt] = radio
        self.format_radios["json"].setChecked(True)

        self.passphrase_edit = secret_edit(self, "exportPassphraseEdit", self.tr("Passphrase"))
        self.passphrase_edit.setPlaceholderText(self.tr("Leave empty for no encryption"))
        self.confirm_edit = secret_edit(self, "exportConfirmEdit", self.tr("Repeat the passphrase"))
        # A row whose field is a layout gets no buddy by itself, so "&File" needs its own label.
        file_label = QLabel(self.tr("&File:"), self)
        file_label.setBuddy(self.path_edit)
        return form(
            (file_label, path_row),
            (self.tr("Format:"), format_column),
            (self.tr("&Passphrase:"), self.passphrase_edit),
            (self.tr("&Repeat it:"), self.confirm_edit),
            grow=True,
        )

    def _build_notes(self) -> None:
        """Whether the file is protected, what went wrong, and the progress."""
        self.plaintext_warning = WarningNote(
            self.tr(
                "Without a passphrase this file is NOT protected: anyone who gets a copy of it "
                "can read every conversation in it."
            ),
            "plaintextWarning",
            self,
        )
        self.encrypted_note = plain_label(
            self.tr(
                "The file will be encrypted with this passphrase. Nobody can read it without "
                "the passphrase, and it cannot be recovered if you forget it."
            ),
            self,
            "encryptedNote",
        )
        self.encrypted_note.hide()

        self.error_label = error_label(self, "exportError")
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("exportProgress")
        self.progress_bar.setAccessibleName(self.tr("Export progress"))
        self.progress_bar.hide()
        self.status_label = plain_label("", self, "exportStatus")
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.hide()

    def _build_buttons(self) -> QDialogButtonBox:
        """Export and Cancel; Cancel stops a running export without closing the dialog."""
        buttons = QDialogButtonBox(self)
        # Enter exports only once a passphrase is typed: an unencrypted copy takes a click.
        self.export_button = add_button(
            buttons, self.tr("Export"), Role.AcceptRole, "exportButton", auto_default=False
        )
        self.cancel_button = add_button(
            buttons, self.tr("Cancel"), Role.RejectRole, "exportCancelButton", auto_default=False
        )
        # The button box's own signals are not used, so neither button closes the dialog
        # behind the controller's back.
        self.export_button.clicked.connect(self._submit)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        return buttons

    # --- what the user does ----------------------------------------------------------------

    @property
    def fmt(self) -> str:
        """The chosen format, ``json`` or ``zip``."""
        return next(fmt for fmt, radio in self.format_radios.items() if radio.isChecked())

    @property
    def running(self) -> bool:
        """Whether an export is under way."""
        return self._running

    @Slot()
    def _browse(self) -> None:
        fmt = self.fmt
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export to"),
            self.path_edit.text(),
            self.tr("Zip archives (*.zip)") if fmt == "zip" else self.tr("JSON files (*.json)"),
        )
        if chosen:
            self.path_edit.setText(chosen)

    @Slot()
    def _show_protection(self) -> None:
        protected = bool(self.passphrase_edit.text())
        self.plaintext_warning.setVisible(not protected)
        self.encrypted_note.setVisible(protected)
        self.export_button.setDefault(protected and not self._running)
        grow_to_fit(self)

    def showEvent(self, event: QShowEvent) -> None:
        """Undo the button box making Export the default as it is shown (see _show_protection)."""
        super().showEvent(event)
        if self.export_button.isVisible():
            self.export_button.setDefault(bool(self.passphrase_edit.text()) and not self._running)

    @Slot()
    def _on_format_toggled(self) -> None:
        # Keep the suffix in step with the format, unless the user chose a name of their own.
        path = self.path_edit.text()
        fmt = self.fmt
        other = ".zip" if fmt == "json" else ".json"
        if path.endswith(other):
            self.path_edit.setText(path[: -len(other)] + f".{fmt}")

    @Slot()
    def _submit(self) -> None:
        path = self.path_edit.text().strip()
        passphrase = self.passphrase_edit.text()
        if not path:
            self.show_error(self.tr("Choose where to save the export."))
            return
        if passphrase and len(passphrase) < self._min_length:
            self.show_error(
                self.tr("The passphrase must have at least %n character(s).", "", self._min_length)
            )
            return
        if passphrase != self.confirm_edit.text():
            self.show_error(self.tr("The two passphrases are different."))
            return
        self.error_label.hide()
        self.status_label.setText(self.tr("Exporting…"))
        self.status_label.show()
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self._progress_seen = False
        self._set_running(True)
        grow_to_fit(self)
        emit(self.exportRequested, path, self.fmt, passphrase)

    @Slot()
    def _on_cancel_clicked(self) -> None:
        if not self._running:
            self.reject()
            return
        self.cancel_button.setEnabled(False)
        self.status_label.setText(self.tr("Cancelling…"))
        emit(self.cancelRequested)

    def reject(self) -> None:
        """Close; an export still running is cancelled, so it leaves no file."""
        if self._running:
            emit(self.cancelRequested)
        super().reject()

    # --- what the controller tells it ------------------------------------------------------

    def show_progress(self, done: int, total: int) -> None:
        """``done`` of ``total`` steps are written."""
        self._progress_seen = True
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)

    def show_written(self, text: str) -> None:
        """The export is complete; ``text`` says where it is and what it holds."""
        self._set_running(False)
        if not self._progress_seen:  # nothing to count: an empty profile is done at once
            self.progress_bar.setRange(0, 1)
            self.progress_bar.setValue(1)
        self.status_label.setText(text)
        self.export_button.hide()
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setDefault(True)
        self.cancel_button.setFocus()
        grow_to_fit(self)

    def show_cancelled(self, text: str) -> None:
        """The export stopped and left nothing behind; another can be started."""
        self._set_running(False)
        self._show_protection()
        self.progress_bar.hide()
        self.status_label.setText(text)

    def show_error(self, text: str) -> None:
        """Say why the export was not started or did not complete."""
        self._set_running(False)
        self._show_protection()
        self.progress_bar.hide()
        self.status_label.hide()
        self.error_label.setText(text)
        self.error_label.show()
        grow_to_fit(self)

    def _set_running(self, running: bool) -> None:
        self._running = running
        if running:
            # The passphrase has been handed over; it need not linger in the widgets.
            self.passphrase_edit.blockSignals(True)
            self.passphrase_edit.clear()
            self.passphrase_edit.blockSignals(False)
            self.confirm_edit.clear()
        for widget in (
            self.path_edit,
            self.browse_button,
            self.passphrase_edit,
            self.confirm_edit,
            self.export_button,
            *self.format_radios.values(),
        ):
            widget.setEnabled(not running)
        self.cancel_button.setEnabled(True)
