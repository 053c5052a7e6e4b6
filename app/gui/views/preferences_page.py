"""The preferences page's layout: display name, avatar, voice, theme, language, checkup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.i18n import follow_language
from app.gui.widgets.avatar_preview import AvatarPreview
from app.gui.widgets.labels import error_label, heading, plain_label
from app.gui.widgets.system_prompt_editor import SystemPromptEditor


class PreferencesPage(QWidget):
    """Layout only; a controller fills the fields and saves what the user changes.

    The static texts are set in ``retranslate``, again whenever the language changes; the
    controller sets the rest (the combos' choices, the status lines).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesPage")

        self._title = heading("", self)
        self._intro = plain_label("", self, "preferencesIntro")

        name_box = self._name_box()
        avatar_row = self._avatar_row()

        self.voice_combo = QComboBox(self)
        self.voice_combo.setObjectName("voiceCombo")
        self.theme_combo = QComboBox(self)
        self.theme_combo.setObjectName("themeCombo")
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("languageCombo")
        self.checkup_combo = QComboBox(self)
        self.checkup_combo.setObjectName("checkupCombo")
        self._checkup_hint = plain_label("", self, "checkupHint", hint=True)
        checkup_box = QVBoxLayout()
        checkup_box.setSpacing(4)
        checkup_box.addWidget(self.checkup_combo)
        checkup_box.addWidget(self._checkup_hint)

        form = self._build_form(
            (
                ("name", name_box, self.name_edit),
                ("avatar", avatar_row, self.avatar_combo),
                ("voice", self.voice_combo, self.voice_combo),
                ("theme", self.theme_combo, self.theme_combo),
                ("language", self.language_combo, self.language_combo),
                ("checkup", checkup_box, self.checkup_combo),
            )
        )

        self.status_label = plain_label("", self, "preferencesStatus", hint=True)

        column = QVBoxLayout()
        column.setSpacing(10)
        column.addWidget(self._title)
        column.addWidget(self._intro)
        column.addSpacing(6)
        column.addLayout(form)
        column.addSpacing(6)
        # Issue 16: the default system prompt of new conversations.
        self.system_prompt_editor = SystemPromptEditor(self)
        column.addWidget(self.system_prompt_editor)
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
        self.retranslate()
        follow_language(self, self.retranslate)

    # --- how it is built (in tab order) ----------------------------------------------------

    def _name_box(self) -> QVBoxLayout:
        """The display name, its Save button, and what went wrong with it."""
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("displayNameEdit")
        self.name_edit.setMaxLength(80)
        self.save_name_button = QPushButton(self)
        self.save_name_button.setObjectName("saveNameButton")
        self.name_error = error_label(self, "displayNameError")
        self._name_hint = plain_label("", self, "displayNameHint", hint=True)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name_edit, 1)
        name_row.addWidget(self.save_name_button)
        name_box = QVBoxLayout()
        name_box.setSpacing(4)
        name_box.addLayout(name_row)
        name_box.addWidget(self.name_error)
        name_box.addWidget(self._name_hint)
        return name_box

    def _avatar_row(self) -> QHBoxLayout:
        """The avatar's preview beside its choice and Choose image."""
        self.avatar_preview = AvatarPreview(56, self)
        self.avatar_preview.setObjectName("avatarPreview")
        self.avatar_combo = QComboBox(self)
        self.avatar_combo.setObjectName("avatarCombo")
        self.choose_image_button = QPushButton(self)
        self.choose_image_button.setObjectName("chooseImageButton")
        self.avatar_error = error_label(self, "avatarError")
        self._avatar_hint = plain_label("", self, "avatarHint", hint=True)
        avatar_controls = QHBoxLayout()
        avatar_controls.addWidget(self.avatar_combo, 1)
        avatar_controls.addWidget(self.choose_image_button)
        avatar_text = QVBoxLayout()
        avatar_text.setSpacing(4)
        avatar_text.addLayout(avatar_controls)
        avatar_text.addWidget(self.avatar_error)
        avatar_text.addWidget(self._avatar_hint)
        avatar_row = QHBoxLayout()
        avatar_row.addWidget(self.avatar_preview, 0, Qt.AlignmentFlag.AlignTop)
        avatar_row.addLayout(avatar_text, 1)
        return avatar_row

    def _build_form(self, rows: tuple[tuple[str, QWidget | QLayout, QWidget], ...]) -> QFormLayout:
        """One row per (key, field, buddy); each row label is set in ``retranslate``."""
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(14)
        #: The form's row labels, each with the control it names (its buddy).
        self._row_labels: dict[str, QLabel] = {}
        for key, field, buddy in rows:
            label = QLabel(self)
            label.setBuddy(buddy)
            form.addRow(label, field)
            self._row_labels[key] = label
        return form

    def _app_lock_section(self) -> QVBoxLayout:
        """The app lock: on or off, and after how long without use the app locks itself."""
        self.app_lock_state = plain_label("", self, "appLockState")
        self.app_lock_button = QPushButton(self)
        self.app_lock_button.setObjectName("appLockButton")
        self.app_lock_idle_combo = QComboBox(self)
        self.app_lock_idle_combo.setObjectName("appLockIdleCombo")
        self._idle_label = QLabel(self)
        self._idle_label.setBuddy(self.app_lock_idle_combo)
        self._app_lock_hint = plain_label("", self, "appLockHint", hint=True)
        self._app_lock_heading = heading("", self, 1.15)
        row = QHBoxLayout()
        row.addWidget(self.app_lock_state, 1)
        row.addWidget(self.app_lock_button)
        idle_row = QHBoxLayout()
        idle_row.addWidget(self._idle_label)
        idle_row.addWidget(self.app_lock_idle_combo, 1)
        box = QVBoxLayout()
        box.setSpacing(6)
        box.addWidget(self._app_lock_heading)
        box.addLayout(row)
        box.addLayout(idle_row)
        box.addWidget(self._app_lock_hint)
        return box

    def retranslate(self) -> None:
        """Set the page's own texts in the interface language."""
        self._title.setText(self.tr("Preferences"))
        self._intro.setText(
            self.tr(
                "Your preferences are stored encrypted on this computer. Confidant never stores "
                "direct identifiers such as your e-mail address or phone number."
            )
        )
        self.name_edit.setAccessibleName(self.tr("Display name"))
        self.name_edit.setPlaceholderText(self.tr("A nickname, e.g. Sam"))
        self.save_name_button.setText(self.tr("Save name"))
        self._name_hint.setText(
            self.tr(
                "What the assistant calls you. E-mail addresses, phone numbers and web "
                "addresses are refused."
            )
        )
        self.avatar_combo.setAccessibleName(self.tr("Avatar"))
        self.choose_image_button.setText(self.tr("Choose image…"))
        self._avatar_hint.setText(
            self.tr(
                "Your own image is shrunk and saved as a new picture: its location, camera and "
                "other hidden details are not kept."
            )
        )
        self.voice_combo.setAccessibleName(self.tr("Voice"))
        self.theme_combo.setAccessibleName(self.tr("Theme"))
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.checkup_combo.setAccessibleName(self.tr("Privacy checkup interval"))
        self._checkup_hint.setText(
            self.tr(
                "How often Confidant reminds you to review what is stored and what you agreed to."
            )
        )
        for key, text in (
            ("name", self.tr("Display &name:")),
            ("avatar", self.tr("&Avatar:")),
            ("voice", self.tr("&Voice:")),
            ("theme", self.tr("&Theme:")),
            ("language", self.tr("&Language:")),
            ("checkup", self.tr("Privacy &checkup:")),
        ):
            self._row_labels[key].setText(text)
        self._app_lock_heading.setText(self.tr("App lock"))
        self.app_lock_button.setAccessibleName(self.tr("Turn the app lock on or off"))
        self.app_lock_idle_combo.setAccessibleName(self.tr("Lock after this long without use"))
        self._idle_label.setText(self.tr("Lock &after:"))
        self._app_lock_hint.setText(
            self.tr(
                "With the app lock on, opening Confidant needs a passphrase, and Confidant locks "
                "itself when it has not been used for a while: your key leaves memory until you "
                "type the passphrase again."
            )
        )

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
