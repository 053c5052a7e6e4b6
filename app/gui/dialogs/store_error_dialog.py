"""The profile could not be opened: what happened, what the user can do, and where it lives.

It never offers to wipe, reset or recreate anything: the data file is left exactly as it was,
and the only ways out are looking at the folder and quitting.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.core.errors import (
    CorruptDatabase,
    DiskFull,
    KeyringUnavailable,
    KnownError,
    NewerSchema,
    ProfileLocked,
    WrongKey,
)


def describe(error: KnownError) -> tuple[str, str]:
    """A headline for ``error`` and what the user can do about it.

    A hint the core gives (in English, like every core message for now) is shown as it is.
    """
    untouched = QCoreApplication.translate(
        "StoreErrorDialog", "Confidant left your data file exactly as it was."
    )
    if isinstance(error, CorruptDatabase):
        pages = ", ".join(str(page) for page in error.bad_pages)
        headline = (
            QCoreApplication.translate(
                "StoreErrorDialog", "Your data file is damaged (pages {pages})"
            ).format(pages=pages)
            if pages
            else QCoreApplication.translate("StoreErrorDialog", "Your data file is damaged")
        )
        advice = QCoreApplication.translate(
            "StoreErrorDialog",
            "Restore the file confidant.db in the profile folder from a backup, then start "
            "Confidant again. {untouched}",
        ).format(untouched=untouched)
    elif isinstance(error, WrongKey):
        headline = QCoreApplication.translate(
            "StoreErrorDialog", "The key for your data is missing or wrong"
        )
        advice = QCoreApplication.translate(
            "StoreErrorDialog",
            "Restore Confidant's entry in your system keyring (service “confidant”), for "
            "example from a backup of your keyring, then start Confidant again. {untouched}",
        ).format(untouched=untouched)
    elif isinstance(error, NewerSchema):
        headline = QCoreApplication.translate(
            "StoreErrorDialog", "Your data was written by a newer version of Confidant"
        )
        advice = QCoreApplication.translate(
            "StoreErrorDialog",
            "Update Confidant to the newest version, then start it again. {untouched}",
        ).format(untouched=untouched)
    elif isinstance(error, KeyringUnavailable):
        headline = QCoreApplication.translate(
            "StoreErrorDialog", "Your system keyring cannot be used"
        )
        advice = QCoreApplication.translate(
            "StoreErrorDialog",
            "Start or unlock your system keyring, then start Confidant again. {untouched}",
        ).format(untouched=untouched)
    elif isinstance(error, DiskFull):
        headline = QCoreApplication.translate("StoreErrorDialog", "The disk is full")
        advice = QCoreApplication.translate(
            "StoreErrorDialog", "Free some space on the disk, then start Confidant again."
        )
    elif isinstance(error, ProfileLocked):
        headline = QCoreApplication.translate("StoreErrorDialog", "Your profile is locked")
        advice = error.hint or QCoreApplication.translate(
            "StoreErrorDialog", "Start Confidant again and enter your passphrase."
        )
    else:
        headline = QCoreApplication.translate(
            "StoreErrorDialog", "Your profile could not be opened"
        )
        advice = error.hint or QCoreApplication.translate(
            "StoreErrorDialog",
            "Check that the profile folder exists and belongs to you, then start Confidant again.",
        )
    return headline, advice


class StoreErrorDialog(QDialog):
    """Explains why the profile cannot be opened. Quit is the default; there is no reset."""

    def __init__(
        self, error: KnownError, profile_dir: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._profile_dir = profile_dir
        self.setObjectName("storeErrorDialog")
        self.setWindowTitle(self.tr("Confidant cannot open your profile"))
        self.setModal(True)

        headline, advice = describe(error)
        self.headline_label = QLabel(headline, self)
        self.headline_label.setObjectName("storeErrorHeadline")
        self.headline_label.setWordWrap(True)
        self.headline_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.headline_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.headline_label.setFont(font)

        self.details_label = self._paragraph(error.message, "storeErrorDetails")
        self.advice_label = self._paragraph(
            self.tr("What you can do: {advice}").format(advice=advice), "storeErrorAdvice"
        )
        folder = str(profile_dir) if profile_dir is not None else self.tr("unknown")
        self.folder_label = self._paragraph(
            self.tr("Profile folder: {folder}").format(folder=folder), "profileFolderLabel"
        )
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox(self)
        self.open_folder_button = buttons.addButton(
            self.tr("Open profile folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_folder_button.setObjectName("openProfileFolderButton")
        self.open_folder_button.setAutoDefault(False)
        self.open_folder_button.setEnabled(profile_dir is not None and profile_dir.is_dir())
        self.open_folder_button.clicked.connect(self._open_folder)
        self.quit_button = buttons.addButton(
            self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.quit_button.setObjectName("quitButton")
        self.quit_button.setAutoDefault(True)
        self.quit_button.setDefault(True)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.headline_label)
        layout.addWidget(self.details_label)
        layout.addWidget(self.advice_label)
        layout.addWidget(self.folder_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.quit_button.setFocus()

    def _paragraph(self, text: str, name: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def text(self) -> str:
        """Everything the dialog says, as plain text."""
        return "\n".join(
            label.text()
            for label in (
                self.headline_label,
                self.details_label,
                self.advice_label,
                self.folder_label,
            )
        )

    @Slot()
    def _open_folder(self) -> None:
        if self._profile_dir is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._profile_dir)))
