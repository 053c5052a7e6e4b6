"""Fills the preferences page from the facade and saves each change as the user makes it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QComboBox, QFileDialog

from app.core.errors import InputError
from app.core.preferences import (
    BUILTIN_AVATARS,
    CUSTOM_AVATAR,
    LANGUAGES,
    OPTIONS,
    THEMES,
    VOICES,
)
from app.gui.controllers.base import ErrorReporter, PageController
from app.gui.controllers.guardian import GuardianGate
from app.gui.controllers.lock_page import AppLockSettings
from app.gui.controllers.system_prompt import DefaultSystemPromptController
from app.gui.core_labels import core_label
from app.gui.i18n import SYSTEM, follow_language, use_preference
from app.gui.ops.dialogs import open_dialog
from app.gui.ops.prefs import set_avatar_from_file, set_preference
from app.gui.theme import apply_theme_choice
from app.gui.views.preferences_page import PreferencesPage
from app.gui.workers import WorkerPool

if TYPE_CHECKING:
    from app.core.service import Confidant
    from app.gui.shell_events import ShellEvents

CHECKUP_PRESETS = (30, 60, 90, 180, 365)
#: The image types offered when choosing an avatar (the labels are translated where shown).
IMAGE_PATTERNS = "*.png *.jpg *.jpeg *.webp *.gif *.bmp"
#: Why "Choose image…" is off in child mode (translated where it is shown).
CHILD_MODE_NO_UPLOAD = QT_TRANSLATE_NOOP(
    "PreferencesController", "In child mode only the built-in pictures can be chosen."
)


@dataclass(frozen=True)
class PreferenceValues:
    """Every preference, and the custom avatar image if there is one."""

    values: Mapping[str, Any]
    avatar_png: bytes | None
    #: Child mode allows the built-in pictures only (the core refuses an upload).
    child_mode: bool = False


# --- DB lane -------------------------------------------------------------------------------


def load_preferences(service: Confidant) -> PreferenceValues:
    """Read every preference. Runs on the DB lane."""
    return PreferenceValues(
        service.prefs.all(),
        service.prefs.avatar_image(),
        service.child.status().enabled,
    )


# --- the page --------------------------------------------------------------------------------


def _fill(combo: QComboBox, options: Mapping[Any, str], current: Any) -> None:
    combo.clear()
    for key, label in options.items():
        combo.addItem(label, key)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))


class PreferencesController(PageController):
    """Keeps a PreferencesPage in step with the stored preferences."""

    #: The app lock was turned on or off, or its idle time changed (an AppLockStatus).
    appLockChanged = Signal(object)

    def __init__(
        self,
        view: PreferencesPage,
        service: Confidant,
        db_lane: WorkerPool,
        report_error: ErrorReporter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(service, db_lane, report_error, parent)
        self.view = view
        self.file_dialog: QFileDialog | None = None
        # A setting child mode guards asks for the guardian's PIN, then is saved.
        self.guardian = GuardianGate(service, db_lane, report_error, view, self)
        self.app_lock = AppLockSettings(view, service, db_lane, report_error, self)
        self.app_lock.changed.connect(self.appLockChanged)
        # Issue 16: the system prompt new conversations start with.
        self.system_prompt = DefaultSystemPromptController(
            view.system_prompt_editor, service, db_lane, report_error, self
        )
        view.name_edit.returnPressed.connect(self.save_name)
        view.save_name_button.clicked.connect(self.save_name)
        view.avatar_combo.activated.connect(self._on_avatar_chosen)
        view.choose_image_button.clicked.connect(self.choose_image)
        for combo, name in (
            (view.voice_combo, "voice"),
            (view.theme_combo, "theme"),
            (view.language_combo, "language"),
            (view.checkup_combo, "privacy_checkup_days"),
        ):
            combo.activated.connect(lambda _index, c=combo, n=name: self._save(n, c.currentData()))
        # The choices are the controller's texts: they are read and shown again in a new language.
        follow_language(view, self.refresh)

    @Slot()
    def connect_events(self, events: ShellEvents) -> None:
        """Tell the shell when the app-lock settings change."""
        self.appLockChanged.connect(events.appLockChanged)

    def refresh(self) -> None:
        """Read the preferences again and show them."""
        self.run(load_preferences, on_result=self._show)
        self.app_lock.refresh()
        self.system_prompt.refresh()

    def _show(self, loaded: PreferenceValues) -> None:
        view = self.view
        values = loaded.values
        if not view.name_edit.hasFocus() or not view.name_edit.isModified():
            view.name_edit.setText(str(values["display_name"]))
            view.name_edit.setModified(False)
        avatars = {key: core_label(label) for key, label in BUILTIN_AVATARS.items()}
        if loaded.avatar_png is not None:
            avatars[CUSTOM_AVATAR] = self.tr("Your own image")
        _fill(view.avatar_combo, avatars, values["avatar"])
        if values["avatar"] == CUSTOM_AVATAR and loaded.avatar_png is not None:
            view.avatar_preview.show_image(loaded.avatar_png)
        else:
            view.avatar_preview.show_builtin(avatars.get(values["avatar"], "?"))
        view.choose_image_button.setEnabled(not loaded.child_mode)
        view.choose_image_button.setToolTip(
            QCoreApplication.translate("PreferencesController", CHILD_MODE_NO_UPLOAD)
            if loaded.child_mode
            else self.tr("Use a picture of your own")
        )
        _fill(view.voice_combo, {k: core_label(v) for k, v in VOICES.items()}, values["voice"])
        _fill(view.theme_combo, {k: core_label(v) for k, v in THEMES.items()}, values["theme"])
        apply_theme_choice(str(values["theme"]))
        # Each language is named in its own language; only "the system's" is translated.
        languages = {k: core_label(v) if k == SYSTEM else v for k, v in LANGUAGES.items()}
        _fill(view.language_combo, languages, values["language"])
        days = int(values["privacy_checkup_days"])
        presets = sorted({*CHECKUP_PRESETS, days})
        _fill(view.checkup_combo, {d: self.tr("Every %n day(s)", "", d) for d in presets}, days)
        view.checkup_combo.setToolTip(core_label(OPTIONS["privacy_checkup_days"].description))

    # --- saving ----------------------------------------------------------------------------

    @Slot()
    def save_name(self) -> None:
        """Store the display name, or say under the field why it was refused."""
        self.view.save_name_button.setEnabled(False)
        self.run(
            set_preference,
            "display_name",
            self.view.name_edit.text(),
            on_result=self._on_name_saved,
            on_error=self._on_name_refused,
        )

    def _on_name_saved(self, saved: tuple[str, Any]) -> None:
        self.view.save_name_button.setEnabled(True)
        self.view.clear_name_error()
        self.view.name_edit.setText(str(saved[1]))
        self.view.name_edit.setModified(False)
        self.view.status_label.setText(self.tr("Display name saved."))

    def _on_name_refused(self, exc: object) -> None:
        self.view.save_name_button.setEnabled(True)
        if isinstance(exc, InputError):
            self.view.status_label.clear()
            self.view.show_name_error(exc.message)
        else:
            self._failed(exc)

    def _save(self, name: str, value: Any) -> None:
        self.guardian.run(
            set_preference,
            name,
            value,
            on_result=self._on_saved,
            on_error=self._on_save_refused,
            on_cancel=self.refresh,
        )

    def _on_save_refused(self, exc: object) -> None:
        self.refresh()  # the combo shows what is stored again
        self._failed(exc)

    def _on_saved(self, saved: tuple[str, Any]) -> None:
        name, value = saved
        if name == "language":
            # Every widget that follows the language is told (and this page is read again).
            use_preference(str(value))
        what = core_label(OPTIONS[name].description)
        self.view.status_label.setText(self.tr("{what}: saved.").format(what=what))
        self.refresh()

    @Slot(int)
    def _on_avatar_chosen(self, index: int) -> None:
        avatar = self.view.avatar_combo.itemData(index)
        if avatar == CUSTOM_AVATAR:
            return  # already the current avatar; a new image comes from "Choose image…"
        self.view.show_avatar_error("")
        self._save("avatar", avatar)

    @Slot()
    def choose_image(self) -> None:
        """Ask for an image file (without blocking the event loop)."""
        if self.file_dialog is not None:
            self.file_dialog.close()
        dialog = QFileDialog(self.view.window(), self.tr("Choose an avatar image"))
        dialog.setObjectName("avatarFileDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(
            [
                self.tr("Images ({patterns})").format(patterns=IMAGE_PATTERNS),
                self.tr("All files (*)"),
            ]
        )
        dialog.fileSelected.connect(self._on_image_file)
        self.file_dialog = open_dialog(dialog, self._forget_file_dialog)

    @Slot()
    def _forget_file_dialog(self) -> None:
        self.file_dialog = None

    @Slot(str)
    def _on_image_file(self, path: str) -> None:
        if not path:
            return
        self.view.show_avatar_error("")
        self.run(
            set_avatar_from_file,
            Path(path),
            on_result=self._on_image_saved,
            on_error=self._on_image_refused,
        )

    def _on_image_saved(self, _png: bytes) -> None:
        self.view.status_label.setText(self.tr("Avatar saved, without the image's hidden details."))
        self.refresh()

    def _on_image_refused(self, exc: object) -> None:
        if isinstance(exc, InputError):
            self.view.show_avatar_error(exc.message)
        else:
            self._failed(exc)
