"""The profile could not be opened: what happened, what the user can do, and where it lives.

It never offers to wipe, reset or recreate anything: the data file is left exactly as it was,
and the only ways out are looking at the folder and quitting.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl, Slot
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


def _t(text: str) -> str:
    # Only for the texts marked below with QT_TRANSLATE_NOOP: lupdate reads literal calls.
    return QCoreApplication.translate("StoreErrorDialog", text)


# For each error with a fixed answer, in the order they are tried: its type, headline and
# advice (translated when shown; ``{untouched}`` says the data file was left as it was).
_FIXED_ANSWERS: tuple[tuple[type[KnownError], str, str], ...] = (
    (
        WrongKey,
        QT_TRANSLATE_NOOP("StoreErrorDialog", "The key for your data is missing or wrong"),
        QT_TRANSLATE_NOOP(
            "StoreErrorDialog",
            "Restore Confidant's entry in your system keyring (service “confidant”), for "
            "example from a backup of your keyring, then start Confidant again. {untouched}",
        ),
    ),
    (
        NewerSchema,
        QT_TRANSLATE_NOOP(
            "StoreErrorDialog", "Your data was written by a newer version of Confidant"
        ),
        QT_TRANSLATE_NOOP(
            "StoreErrorDialog",
            "Update Confidant to the newest version, then start it again. {untouched}",
        ),
    ),
    (
        KeyringUnavailable,
        QT_TRANSLATE_NOOP("StoreErrorDialog", "Your system keyring cannot be used"),
        QT_TRANSLATE_NOOP(
            "StoreErrorDialog",
            "Start or unlock your system keyring, then start Confidant again. {untouched}",
        ),
    ),
    (
        DiskFull,
        QT_TRANSLATE_NOOP("StoreErrorDialog", "The disk is full"),
        QT_TRANSLATE_NOOP(
            "StoreErrorDialog", "Free some space on the disk, then start Confidant again."
        ),
    ),
)
# The errors whose own hint, when the core gives one, comes before ours.
_HINTED_ANSWERS: tuple[tuple[type[KnownError], str, str], ...] = (
    (
        ProfileLocked,
        QT_TRANSLATE_NOOP("StoreErrorDialog", "Your profile is locked"),
        QT_TRANSLATE_NOOP("StoreErrorDialog", "Start Confidant again and enter your passphrase."),
    ),
    (
        KnownError,
        QT_TRANSLATE_NOOP("StoreErrorDialog", "Your profile could not be opened"),
        QT_TRANSLATE_NOOP(
            "StoreErrorDialog",
            "Check that the profile folder exists and belongs to you, then start Confidant again.",
        ),
    ),
)


def _describe_damage(error: CorruptDatabase, untouched: str) -> tuple[str, str]:
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
    return headline, advice


def describe(error: KnownError) -> tuple[str, str]:
    """A headline for ``error`` and what the user can do about it.

    A hint the core gives (in English, like every core message for now) is shown as it is.
    """
    untouched = QCoreApplication.translate(
        "StoreErrorDialog", "Confidant left your data file exactly as it was."
    )
    if isinstance(error, CorruptDatabase):
        return _describe_damage(error, untouched)
    for kind, headline, advice in _FIXED_ANSWERS:
        if isinstance(error, kind):
            return _t(headline), _t(advice).format(untouched=untouched)
    # The last entry is KnownError itself, so one always matches.
    _, headline, advice = next(entry for entry in _HINTED_ANSWERS if isinstance(error, entry[0]))
    return _t(headline), error.hint or _t(advice)


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
