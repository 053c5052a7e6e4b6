"""Import conversations from an export or a local app's data: summary first, then the import.

The dialog first shows what the file holds (its summary, from the controller) and the choice of
how retention counts for what comes in; only then can the import start. After a verified import
of plaintext files (Jan, LM Studio, Open WebUI), it lists those files and offers to delete them,
which needs its own explicit tick and click.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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

from app.gui.dialogs.parts import Role, add_button, secret_edit
from app.gui.signals import emit
from app.gui.sizing import grow_to_fit
from app.gui.widgets.labels import error_label, plain_label

#: The sources offered, in order (their names are translated when shown).
SOURCES = (
    ("auto", QT_TRANSLATE_NOOP("ImportDialog", "Find out from the file")),
    ("confidant", QT_TRANSLATE_NOOP("ImportDialog", "Confidant export")),
    ("chatgpt", QT_TRANSLATE_NOOP("ImportDialog", "ChatGPT export")),
    ("claude", QT_TRANSLATE_NOOP("ImportDialog", "Claude export")),
    ("jan", QT_TRANSLATE_NOOP("ImportDialog", "Jan (data folder)")),
    ("lmstudio", QT_TRANSLATE_NOOP("ImportDialog", "LM Studio (conversations folder)")),
    ("openwebui", QT_TRANSLATE_NOOP("ImportDialog", "Open WebUI export")),
)


class ImportDialog(QDialog):
    """Asks for a file and its source, shows its summary, then starts the import.

    ``summaryRequested(path, source, passphrase)`` asks what the file holds; the controller
    answers ``show_summary`` or ``show_error``. ``importRequested(path, source, passphrase,
    include_sensitive, retention_start)`` starts the import (``retention_start`` is
    ``"today"`` or ``"original"``); the controller answers ``show_result`` or ``show_error``.
    ``deleteOriginalsRequested`` asks to delete the files ``show_result`` listed; the answer
    is ``show_receipt``. An empty passphrase means the file is not encrypted.
    """

    summaryRequested = Signal(str, str, str)
    importRequested = Signal(str, str, str, bool, str)
    deleteOriginalsRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import conversations"))
        self._busy = False
        self._passphrase = ""
        self._summarized: tuple[str, str] | None = None

        intro = plain_label(
            self.tr(
                "Bring in conversations from an export: Confidant's own (which also restores "
                "your preferences), ChatGPT's or Claude's (the file or the whole zip), Open "
                "WebUI's, or the chats Jan and LM Studio keep in plaintext on this computer. "
                "First you see what the file holds; nothing is stored until you click Import."
            ),
            self,
        )

        fields = self._build_form()
        sensitive_note = self._build_options()
        self._build_outcome()
        buttons = self._build_buttons()
        self.summary_button.clicked.connect(self._ask_summary)
        self.import_button.clicked.connect(self._submit)
        self.source_combo.currentIndexChanged.connect(self._on_path_changed)
        buttons.rejected.connect(self.reject)
        self.browse_button.clicked.connect(self._browse)
        self.path_edit.textChanged.connect(self._on_path_changed)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addLayout(fields)
        layout.addWidget(self.sensitive_check)
        layout.addWidget(sensitive_note)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.keep_today_radio)
        layout.addWidget(self.keep_original_radio)
        layout.addWidget(self.retention_note)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.result_label)
        layout.addWidget(self.originals_label)
        layout.addWidget(self.delete_originals_check)
        layout.addWidget(self.delete_originals_button)
        layout.addWidget(self.receipt_label)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    # --- how it is built (in tab order) ----------------------------------------------------

    def _build_form(self) -> QFormLayout:
        """The file, where it comes from, a passphrase, and the chats found on this computer."""
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("importPathEdit")
        self.path_edit.setAccessibleName(self.tr("File to import"))
        self.path_edit.setPlaceholderText(self.tr("conversations.json, or an export file"))
        self.browse_button = QPushButton(self.tr("Choose…"), self)
        self.browse_button.setObjectName("importBrowseButton")
        self.browse_button.setAutoDefault(False)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)

        self.source_combo = QComboBox(self)
        self.source_combo.setObjectName("importSourceCombo")
        self.source_combo.setAccessibleName(self.tr("Where the file comes from"))
        for source, text in SOURCES:
            self.source_combo.addItem(QCoreApplication.translate("ImportDialog", text), source)

        self.passphrase_edit = secret_edit(
            self, "importPassphraseEdit", self.tr("Passphrase of an encrypted export")
        )
        self.passphrase_edit.setPlaceholderText(self.tr("Only for an encrypted Confidant export"))

        fields = QFormLayout()
        fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        # A row whose field is a layout gets no buddy by itself, so "&File" needs its own label.
        file_label = QLabel(self.tr("&File:"), self)
        file_label.setBuddy(self.path_edit)
        fields.addRow(file_label, path_row)
        fields.addRow(self.tr("&Source:"), self.source_combo)
        fields.addRow(self.tr("&Passphrase:"), self.passphrase_edit)
        self.found_combo = QComboBox(self)
        self.found_combo.setObjectName("importFoundCombo")
        self.found_combo.setAccessibleName(self.tr("Chats found on this computer"))
        self.found_combo.addItem(self.tr("None found"), None)
        self.found_combo.setEnabled(False)
        self.found_combo.activated.connect(self._use_found)
        fields.addRow(self.tr("Found &here:"), self.found_combo)
        return fields

    def _build_options(self) -> QLabel:
        """Sensitive conversations, the summary, and where retention counts from."""
        self.sensitive_check = QCheckBox(
            self.tr("Also keep conversations about sensitive topics"), self
        )
        self.sensitive_check.setObjectName("includeSensitiveCheck")
        self.sensitive_check.setChecked(False)
        sensitive_note = plain_label(
            self.tr(
                "Left unticked, conversations that touch a sensitive topic (health, mental "
                "health, relationships, money, sexuality, religion, politics) are left out, as "
                "they would not be kept if you had them in Confidant."
            ),
            self,
        )
        sensitive_note.setEnabled(False)

        self.summary_label = plain_label("", self, "importSummary")
        self.summary_label.hide()
        self.keep_today_radio = QRadioButton(
            self.tr("Keep them for my retention period counted from today"), self
        )
        self.keep_today_radio.setObjectName("keepFromTodayRadio")
        self.keep_today_radio.setChecked(True)
        self.keep_original_radio = QRadioButton(
            self.tr("Count the retention period from their original dates"), self
        )
        self.keep_original_radio.setObjectName("keepFromOriginalRadio")
        self.retention_note = plain_label(
            self.tr(
                "Counted from their original dates, conversations older than your retention "
                "period are left out."
            ),
            self,
            hint=True,
        )
        for widget in (self.keep_today_radio, self.keep_original_radio, self.retention_note):
            widget.hide()
        return sensitive_note

    def _build_outcome(self) -> None:
        """The plaintext originals to delete, their receipt, the progress, the result."""
        self.originals_label = plain_label("", self, "importOriginals")
        self.originals_label.hide()
        self.delete_originals_check = QCheckBox(
            self.tr("Yes, delete these plaintext files for good"), self
        )
        self.delete_originals_check.setObjectName("deleteOriginalsCheck")
        self.delete_originals_check.hide()
        self.delete_originals_button = QPushButton(self.tr("Delete the files"), self)
        self.delete_originals_button.setObjectName("deleteOriginalsButton")
        self.delete_originals_button.setAutoDefault(False)
        self.delete_originals_button.setEnabled(False)
        self.delete_originals_button.hide()
        self.delete_originals_check.toggled.connect(self.delete_originals_button.setEnabled)
        self.delete_originals_button.clicked.connect(self._delete_originals)
        self.receipt_label = plain_label("", self, "importReceipt")
        self.receipt_label.hide()

        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("importProgress")
        self.progress_bar.setAccessibleName(self.tr("Import progress"))
        self.progress_bar.setRange(0, 0)  # one transaction: there is nothing to count
        self.progress_bar.hide()
        self.result_label = plain_label("", self, "importResult")
        self.result_label.hide()
        self.error_label = error_label(self, "importError")

    def _build_buttons(self) -> QDialogButtonBox:
        """Show what's inside, Import (a click, never Enter) and Close."""
        buttons = QDialogButtonBox(self)
        self.summary_button = add_button(
            buttons,
            self.tr("Show what's inside"),
            Role.ActionRole,
            "importSummaryButton",
            auto_default=False,
        )
        # Importing keeps more: it takes a click, never Enter (see showEvent).
        self.import_button = add_button(
            buttons, self.tr("Import"), Role.AcceptRole, "importButton", auto_default=False
        )
        self.close_button = add_button(
            buttons, self.tr("Close"), Role.RejectRole, "importCloseButton", auto_default=False
        )
        self.import_button.setEnabled(False)  # only once the summary has been shown
        return buttons

    def showEvent(self, event: QShowEvent) -> None:
        """Undo the button box making Import the default as it is shown."""
        super().showEvent(event)
        self.import_button.setDefault(False)

    @property
    def source(self) -> str:
        """The chosen source: ``auto`` or one of the importers' names."""
        return str(self.source_combo.currentData())

    @property
    def retention_start(self) -> str:
        """``today`` (the default) or ``original``: where retention counts from."""
        return "original" if self.keep_original_radio.isChecked() else "today"

    def set_found(self, found: list[tuple[str, str, str]]) -> None:
        """Offer the chats found on this computer: (label, path, source) each."""
        self.found_combo.clear()
        if not found:
            self.found_combo.addItem(self.tr("None found"), None)
            self.found_combo.setEnabled(False)
            return
        self.found_combo.addItem(self.tr("Choose one…"), None)
        for label, path, source in found:
            self.found_combo.addItem(
                self.tr("{app}: {path}").format(app=label, path=path), (path, source)
            )
        self.found_combo.setEnabled(True)

    @property
    def busy(self) -> bool:
        """Whether an import is under way."""
        return self._busy

    @Slot()
    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import from"),
            self.path_edit.text(),
            self.tr("Exports (*.json *.zip *.enc);;All files (*)"),
        )
        if chosen:
            self.path_edit.setText(chosen)

    @Slot(int)
    def _use_found(self, index: int) -> None:
        chosen = self.found_combo.itemData(index)
        if not chosen:
            return
        path, source = chosen
        self.path_edit.setText(path)
        self.source_combo.setCurrentIndex(max(0, self.source_combo.findData(source)))

    @Slot()
    def _on_path_changed(self) -> None:
        if self._busy:
            return
        # Another file or source: its summary must be shown before it can be imported.
        self._summarized = None
        self.import_button.setEnabled(False)
        self.summary_button.setEnabled(True)
        for widget in (
            self.summary_label,
            self.keep_today_radio,
            self.keep_original_radio,
            self.retention_note,
        ):
            widget.hide()

    @Slot()
    def _ask_summary(self) -> None:
        path = self.path_edit.text().strip()
        if not path:
            self.show_error(self.tr("Choose the file to import."))
            return
        self._passphrase = self.passphrase_edit.text()
        self.passphrase_edit.clear()
        self._clear_outcome()
        self._set_busy(True)
        grow_to_fit(self)
        emit(self.summaryRequested, path, self.source, self._passphrase)

    def show_summary(self, text: str) -> None:
        """What the file holds and what importing it will do; Import becomes possible."""
        self._set_busy(False)
        self._summarized = (self.path_edit.text().strip(), self.source)
        self.summary_label.setText(text)
        for widget in (
            self.summary_label,
            self.keep_today_radio,
            self.keep_original_radio,
            self.retention_note,
        ):
            widget.show()
        self.import_button.setEnabled(True)
        grow_to_fit(self)

    @Slot()
    def _submit(self) -> None:
        path = self.path_edit.text().strip()
        if self._summarized != (path, self.source):
            self.show_error(self.tr("Show what's inside the file first."))
            return
        self._clear_outcome()
        self._set_busy(True)
        grow_to_fit(self)
        passphrase, self._passphrase = self._passphrase, ""
        emit(
            self.importRequested,
            path,
            self.source,
            passphrase,
            self.sensitive_check.isChecked(),
            self.retention_start,
        )

    @Slot()
    def _delete_originals(self) -> None:
        if not self.delete_originals_check.isChecked():
            return
        self._set_busy(True)
        self.delete_originals_check.setEnabled(False)
        self.delete_originals_button.setEnabled(False)
        emit(self.deleteOriginalsRequested)

    def _clear_outcome(self) -> None:
        for widget in (
            self.result_label,
            self.error_label,
            self.originals_label,
            self.delete_originals_check,
            self.delete_originals_button,
            self.receipt_label,
        ):
            widget.hide()

    def reject(self) -> None:
        """Close, unless an import is being written (it cannot be stopped half way)."""
        if not self._busy:
            super().reject()

    def show_result(self, text: str, originals: list[str] | None = None) -> None:
        """The import is done; ``text`` says what came in and what was left out.

        ``originals`` are the plaintext files whose every conversation is now verified in
        Confidant: they are listed, and deleting them is offered (unticked).
        """
        self._set_busy(False)
        self.result_label.setText(text)
        self.result_label.show()
        if originals:
            self.originals_label.setText(
                self.tr(
                    "These plaintext files now hold only conversations verified in Confidant. "
                    "You may delete them:"
                )
                + "\n"
                + "\n".join(originals)
            )
            self.originals_label.show()
            self.delete_originals_check.setChecked(False)
            self.delete_originals_check.setEnabled(True)
            self.delete_originals_check.show()
            self.delete_originals_button.setEnabled(False)
            self.delete_originals_button.show()
        # Importing the same file twice would store everything twice.
        self.import_button.setEnabled(False)
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        grow_to_fit(self)

    def show_receipt(self, text: str) -> None:
        """The originals were deleted (or some kept); ``text`` is the receipt."""
        self._set_busy(False)
        self.import_button.setEnabled(False)
        self.delete_originals_check.hide()
        self.delete_originals_button.hide()
        self.receipt_label.setText(text)
        self.receipt_label.show()
        grow_to_fit(self)

    def show_error(self, text: str) -> None:
        """Nothing was imported; ``text`` says why."""
        self._set_busy(False)
        self.error_label.setText(text)
        self.error_label.show()
        grow_to_fit(self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress_bar.setVisible(busy)
        for widget in (
            self.path_edit,
            self.browse_button,
            self.source_combo,
            self.passphrase_edit,
            self.sensitive_check,
            self.found_combo,
            self.summary_button,
            self.keep_today_radio,
            self.keep_original_radio,
            self.close_button,
        ):
            widget.setEnabled(not busy)
        if busy:
            self.import_button.setEnabled(False)
        elif self._summarized is not None and not self.result_label.isVisible():
            self.import_button.setEnabled(True)
        if not busy and self.found_combo.count() == 1 and self.found_combo.itemData(0) is None:
            self.found_combo.setEnabled(False)
