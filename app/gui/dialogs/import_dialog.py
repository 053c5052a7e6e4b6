"""Import conversations from a Confidant, ChatGPT or Claude export, and say what came in."""

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
    QVBoxLayout,
    QWidget,
)

from app.gui.signals import emit
from app.gui.sizing import grow_to_fit
from app.gui.widgets.labels import error_label, plain_label

#: The sources offered, in order (their names are translated when shown).
SOURCES = (
    ("auto", QT_TRANSLATE_NOOP("ImportDialog", "Find out from the file")),
    ("confidant", QT_TRANSLATE_NOOP("ImportDialog", "Confidant export")),
    ("chatgpt", QT_TRANSLATE_NOOP("ImportDialog", "ChatGPT export")),
    ("claude", QT_TRANSLATE_NOOP("ImportDialog", "Claude export")),
)


class ImportDialog(QDialog):
    """Asks for a file and its source; ``importRequested`` starts the import.

    ``importRequested(path, source, passphrase, include_sensitive)``: an empty passphrase
    means the file is not encrypted. The controller answers with ``show_result`` or
    ``show_error``; either way the dialog stays open until the user closes it.
    """

    importRequested = Signal(str, str, str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import conversations"))
        self._busy = False

        intro = plain_label(
            self.tr(
                "Bring in conversations from an export: Confidant's own (which also restores "
                "your preferences), ChatGPT's (conversations.json or the whole zip) or "
                "Claude's (conversations.json). Nothing is changed unless the whole file can "
                "be read."
            ),
            self,
        )

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

        self.passphrase_edit = QLineEdit(self)
        self.passphrase_edit.setObjectName("importPassphraseEdit")
        self.passphrase_edit.setAccessibleName(self.tr("Passphrase of an encrypted export"))
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setPlaceholderText(self.tr("Only for an encrypted Confidant export"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        # A row whose field is a layout gets no buddy by itself, so "&File" needs its own label.
        file_label = QLabel(self.tr("&File:"), self)
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, path_row)
        form.addRow(self.tr("&Source:"), self.source_combo)
        form.addRow(self.tr("&Passphrase:"), self.passphrase_edit)

        self.sensitive_check = QCheckBox(
            self.tr("Also keep conversations about sensitive topics"), self
        )
        self.sensitive_check.setObjectName("includeSensitiveCheck")
        self.sensitive_check.setChecked(False)
        sensitive_note = plain_label(
            self.tr(
                "Left unticked, conversations that touch a sensitive topic (health, mental "
                "health, relationships, money, sexuality, religion, politics) are left out, as "
                "they would not be kept if you had them in Confidant. Conversations older than "
                "the time you keep conversations for are left out too."
            ),
            self,
        )
        sensitive_note.setEnabled(False)

        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("importProgress")
        self.progress_bar.setAccessibleName(self.tr("Import progress"))
        self.progress_bar.setRange(0, 0)  # one transaction: there is nothing to count
        self.progress_bar.hide()
        self.result_label = plain_label("", self, "importResult")
        self.result_label.hide()
        self.error_label = error_label(self, "importError")

        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importButton")
        # Importing keeps more: it takes a click, never Enter (see showEvent).
        self.import_button.setAutoDefault(False)
        self.close_button = buttons.addButton(
            self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.close_button.setObjectName("importCloseButton")
        self.close_button.setAutoDefault(False)
        self.import_button.clicked.connect(self._submit)
        buttons.rejected.connect(self.reject)
        self.browse_button.clicked.connect(self._browse)
        self.path_edit.textChanged.connect(self._on_path_changed)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.sensitive_check)
        layout.addWidget(sensitive_note)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.result_label)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def showEvent(self, event: QShowEvent) -> None:
        """Undo the button box making Import the default as it is shown."""
        super().showEvent(event)
        self.import_button.setDefault(False)

    @property
    def source(self) -> str:
        """The chosen source: ``auto``, ``confidant``, ``chatgpt`` or ``claude``."""
        return str(self.source_combo.currentData())

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

    @Slot()
    def _on_path_changed(self) -> None:
        if not self._busy:
            self.import_button.setEnabled(True)

    @Slot()
    def _submit(self) -> None:
        path = self.path_edit.text().strip()
        if not path:
            self.show_error(self.tr("Choose the file to import."))
            return
        passphrase = self.passphrase_edit.text()
        self.passphrase_edit.clear()
        self.result_label.hide()
        self.error_label.hide()
        self._set_busy(True)
        grow_to_fit(self)
        emit(self.importRequested, path, self.source, passphrase, self.sensitive_check.isChecked())

    def reject(self) -> None:
        """Close, unless an import is being written (it cannot be stopped half way)."""
        if not self._busy:
            super().reject()

    def show_result(self, text: str) -> None:
        """The import is done; ``text`` says what came in and what was left out."""
        self._set_busy(False)
        self.result_label.setText(text)
        self.result_label.show()
        # Importing the same file twice would store everything twice.
        self.import_button.setEnabled(False)
        self.close_button.setDefault(True)
        self.close_button.setFocus()
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
            self.import_button,
            self.close_button,
        ):
            widget.setEnabled(not busy)
