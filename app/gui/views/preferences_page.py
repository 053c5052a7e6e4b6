"""The preferences page's layout: display name, avatar, voice, theme, language, checkup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.widgets.avatar_preview import AvatarPreview
from app.gui.widgets.labels import error_label, heading, plain_label

INTRO = (
    "Your preferences are stored encrypted on this computer. Confidant never stores direct "
    "identifiers such as your e-mail address or phone number."
)


class PreferencesPage(QWidget):
    """Layout only; a controller fills the fields and saves what the user changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesPage")

        title = heading("Preferences", self)
        intro = plain_label(INTRO, self, "preferencesIntro")

        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("displayNameEdit")
        self.name_edit.setAccessibleName("Display name")
        self.name_edit.setPlaceholderText("A nickname, e.g. Sam")
        self.name_edit.setMaxLength(80)
        self.save_name_button = QPushButton("Save name", self)
        self.save_name_button.setObjectName("saveNameButton")
        self.name_error = error_label(self, "displayNameError")
        name_hint = plain_label(
            "What the assistant calls you. E-mail addresses, phone numbers and web addresses "
            "are refused.",
            self,
            "displayNameHint",
            hint=True,
        )
        name_row = QHBoxLayout()
        name_row.addWidget(self.name_edit, 1)
        name_row.addWidget(self.save_name_button)
        name_box = QVBoxLayout()
        name_box.setSpacing(4)
        name_box.addLayout(name_row)
        name_box.addWidget(self.name_error)
        name_box.addWidget(name_hint)

        self.avatar_preview = AvatarPreview(56, self)
        self.avatar_preview.setObjectName("avatarPreview")
        self.avatar_combo = QComboBox(self)
        self.avatar_combo.setObjectName("avatarCombo")
        self.avatar_combo.setAccessibleName("Avatar")
        self.choose_image_button = QPushButton("Choose image…", self)
        self.choose_image_button.setObjectName("chooseImageButton")
        self.avatar_error = error_label(self, "avatarError")
        avatar_hint = plain_label(
            "Your own image is shrunk and saved as a new picture: its location, camera and "
            "other hidden details are not kept.",
            self,
            "avatarHint",
            hint=True,
        )
        avatar_controls = QHBoxLayout()
        avatar_controls.addWidget(self.avatar_combo, 1)
        avatar_controls.addWidget(self.choose_image_button)
        avatar_text = QVBoxLayout()
        avatar_text.setSpacing(4)
        avatar_text.addLayout(avatar_controls)
        avatar_text.addWidget(self.avatar_error)
        avatar_text.addWidget(avatar_hint)
        avatar_row = QHBoxLayout()
        avatar_row.addWidget(self.avatar_preview, 0, Qt.AlignmentFlag.AlignTop)
        avatar_row.addLayout(avatar_text, 1)

        self.voice_combo = QComboBox(self)
        self.voice_combo.setObjectName("voiceCombo")
        self.voice_combo.setAccessibleName("Voice")
        self.theme_combo = QComboBox(self)
        self.theme_combo.setObjectName("themeCombo")
        self.theme_combo.setAccessibleName("Theme")
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.setAccessibleName("Language")
        self.checkup_combo = QComboBox(self)
        self.checkup_combo.setObjectName("checkupCombo")
        self.checkup_combo.setAccessibleName("Privacy checkup interval")
        checkup_hint = plain_label(
            "How often Confidant reminds you to review what is stored and what you agreed to.",
            self,
            "checkupHint",
            hint=True,
        )
        checkup_box = QVBoxLayout()
        checkup_box.setSpacing(4)
        checkup_box.addWidget(self.checkup_combo)
        checkup_box.addWidget(checkup_hint)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(14)
        form.addRow("Display &name:", name_box)
        form.addRow("&Avatar:", avatar_row)
        form.addRow("&Voice:", self.voice_combo)
        form.addRow("&Theme:", self.theme_combo)
        form.addRow("&Language:", self.language_combo)
        form.addRow("Privacy &checkup:", checkup_box)
        for field, buddy in (
            (name_box, self.name_edit),
            (avatar_row, self.avatar_combo),
            (checkup_box, self.checkup_combo),
        ):
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                label.setBuddy(buddy)

        self.status_label = plain_label("", self, "preferencesStatus", hint=True)

        column = QVBoxLayout()
        column.setSpacing(10)
        column.addWidget(title)
        column.addWidget(intro)
        column.addSpacing(6)
        column.addLayout(form)
        column.addSpacing(6)
        column.addLayout(self._app_lock_section())
        column.addWidget(self.status_label)
        column.addStretch(1)
        holder = QWidget(self)
        holder.setLayout(column)
        holder.setMaximumWidth(640)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(holder, 1)
        layout.addStretch(0)

    def _app_lock_section(self) -> QVBoxLayout:
        """The app lock: on or off, and after how long without use the app locks itself."""
        self.app_lock_state = plain_label("", self, "appLockState")
        self.app_lock_button = QPushButton("Turn on the app lock…", self)
        self.app_lock_button.setObjectName("appLockButton")
        self.app_lock_button.setAccessibleName("Turn the app lock on or off")
        self.app_lock_idle_combo = QComboBox(self)
        self.app_lock_idle_combo.setObjectName("appLockIdleCombo")
        self.app_lock_idle_combo.setAccessibleName("Lock after this long without use")
        idle_label = QLabel("Lock &after:", self)
        idle_label.setBuddy(self.app_lock_idle_combo)
        hint = plain_label(
            "With the app lock on, opening Confidant needs a passphrase, and Confidant locks "
            "itself when it has not been used for a while: your key leaves memory until you "
            "type the passphrase again.",
            self,
            "appLockHint",
            hint=True,
        )
        row = QHBoxLayout()
        row.addWidget(self.app_lock_state, 1)
        row.addWidget(self.app_lock_button)
        idle_row = QHBoxLayout()
        idle_row.addWidget(idle_label)
        idle_row.addWidget(self.app_lock_idle_combo, 1)
        box = QVBoxLayout()
        box.setSpacing(6)
        box.addWidget(heading("App lock", self, 1.15))
        box.addLayout(row)
        box.addLayout(idle_row)
        box.addWidget(hint)
        return box

    def show_name_error(self, message: str) -> None:
        """Say, under the field, why the name was refused."""
        self.name_error.setText(message)
        self.name_error.show()
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    def clear_name_error(self) -> None:
        """The name was accepted."""
        self.name_error.clear()
        self.name_error.hide()

    def show_avatar_error(self, message: str) -> None:
        """Say why the image was not used."""
        self.avatar_error.setText(message)
        self.avatar_error.setVisible(bool(message))
