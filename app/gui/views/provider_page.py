"""The assistant page's layout: which provider, its base URL, model and key, private prompts."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.i18n import follow_language
from app.gui.widgets.labels import error_label, heading, plain_label
from app.gui.widgets.local_server_finder import LocalServerFinder


class ProviderPage(QWidget):
    """Layout only; a controller fills it, saves it and tests the connection.

    The static texts are set in ``retranslate``, again whenever the language changes.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("providerPage")

        self._title = heading("", self)
        self._intro = plain_label("", self, "providerIntro")

        self.provider_combo = QComboBox(self)
        self.provider_combo.setObjectName("providerCombo")
        self.where_label = plain_label("", self, "providerWhere", hint=True)

        self.base_url_edit = QLineEdit(self)
        self.base_url_edit.setObjectName("baseUrlEdit")
        self.model_edit = QLineEdit(self)
        self.model_edit.setObjectName("modelEdit")

        self._build_key_box()

        self.private_check = QCheckBox(self)
        self.private_check.setObjectName("privatePromptsCheck")
        self._private_hint = plain_label("", self, "privatePromptsHint", hint=True)
        self.private_forced = plain_label("", self, "privatePromptsForced", hint=True)
        self.private_forced.hide()

        form = self._build_form()
        buttons = self._build_buttons()

        self.status_label = plain_label("", self, "providerStatus")
        self.error_label = error_label(self, "providerError")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        layout.addWidget(self._title)
        layout.addWidget(self._intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        layout.addSpacing(12)
        layout.addWidget(self.private_check)
        layout.addWidget(self._private_hint)
        layout.addWidget(self.private_forced)
        # Issue 16: local servers are found only when the user clicks.
        self.local_finder = LocalServerFinder(self)
        layout.addWidget(self.local_finder)
        layout.addStretch(1)
        self.retranslate()
        follow_language(self, self.retranslate)

    # --- how it is built (in tab order) ----------------------------------------------------

    def _build_key_box(self) -> None:
        """The API key field, Forget key beside it, and whether a key is kept, below."""
        self.api_key_edit = QLineEdit(self)
        self.api_key_edit.setObjectName("apiKeyEdit")
        self.api_key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.forget_key_button = QPushButton(self)
        self.forget_key_button.setObjectName("forgetKeyButton")
        key_row = QHBoxLayout()
        key_row.addWidget(self.api_key_edit, 1)
        key_row.addWidget(self.forget_key_button)
        self.key_status = plain_label("", self, "apiKeyStatus", hint=True)
        key_box = QVBoxLayout()
        key_box.setSpacing(4)
        key_box.addLayout(key_row)
        key_box.addWidget(self.key_status)
        self.key_box = QWidget(self)
        self.key_box.setLayout(key_box)
        key_box.setContentsMargins(0, 0, 0, 0)

    def _build_form(self) -> QFormLayout:
        """Provider, base URL, model and key, each with a row label set in ``retranslate``."""
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        #: The form's row labels, by the field they name.
        self._row_labels: dict[QWidget, QLabel] = {}
        for field in (self.provider_combo, self.base_url_edit, self.model_edit, self.key_box):
            label = QLabel(self)
            self._row_labels[field] = label
            form.addRow(label, field)
            if field is self.provider_combo:
                form.addRow("", self.where_label)
        self.form = form
        return form

    def _build_buttons(self) -> QHBoxLayout:
        """Save (the default) and Test connection."""
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveProviderButton")
        self.save_button.setDefault(True)
        self.test_button = QPushButton(self)
        self.test_button.setObjectName("testConnectionButton")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        return buttons

    def retranslate(self) -> None:
        """Set the page's own texts in the interface language."""
        self._title.setText(self.tr("Assistant"))
        self._intro.setText(
            self.tr(
                "Choose the assistant you talk to. The offline demo never uses the network. A "
                "server on this computer (Ollama, llama.cpp, LM Studio) keeps your messages "
                "here; any other sends them over HTTPS. API keys are kept in your system "
                "keyring, never in Confidant's files."
            )
        )
        for field, text in (
            (self.provider_combo, self.tr("Provider")),
            (self.base_url_edit, self.tr("Base URL")),
            (self.model_edit, self.tr("Model")),
            (self.key_box, self.tr("API key")),
        ):
            self._row_labels[field].setText(text)
            if field is not self.key_box:
                field.setAccessibleName(text)
        self.api_key_edit.setAccessibleName(self.tr("API key"))
        self.forget_key_button.setText(self.tr("Remove stored key"))
        self.private_check.setText(self.tr("Private prompts"))
        self.private_check.setAccessibleName(self.tr("Private prompts"))
        self._private_hint.setText(
            self.tr(
                "Private prompts: replace names, e-mail addresses, phone numbers, bank details "
                "and other personal details with placeholders before a message leaves. The "
                "assistant's reply shows the originals again, on this computer only."
            )
        )
        self.private_forced.setText(self.tr("Child mode keeps private prompts on."))
        self.save_button.setText(self.tr("Save"))
        self.test_button.setText(self.tr("Test connection"))

    def show_fields(self, *, base_url: bool, model: bool, api_key: bool) -> None:
        """Show only the fields the chosen provider uses."""
        for field, shown in (
            (self.base_url_edit, base_url),
            (self.model_edit, model),
            (self.key_box, api_key),
        ):
            self.form.setRowVisible(field, shown)

    def show_status(self, text: str) -> None:
        """A plain line of news ("Saved."), replacing any error."""
        self.error_label.hide()
        self.status_label.setText(text)

    def show_error(self, text: str) -> None:
        """One sentence on what is wrong, in red."""
        self.status_label.clear()
        self.error_label.setText(text)
        self.error_label.show()
