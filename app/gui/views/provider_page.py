"""The assistant page's layout: which provider, its base URL, model and key, private prompts."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.widgets.labels import error_label, heading, plain_label

INTRO = (
    "Choose the assistant you talk to. The offline demo never uses the network. A server on "
    "this computer (Ollama, llama.cpp, LM Studio) keeps your messages here; any other sends "
    "them over HTTPS. API keys are kept in your system keyring, never in Confidant's files."
)
PRIVATE_TEXT = (
    "Private prompts: replace names, e-mail addresses, phone numbers, bank details and other "
    "personal details with placeholders before a message leaves. The assistant's reply shows "
    "the originals again, on this computer only."
)


class ProviderPage(QWidget):
    """Layout only; a controller fills it, saves it and tests the connection."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("providerPage")

        title = heading("Assistant", self)
        intro = plain_label(INTRO, self, "providerIntro")

        self.provider_combo = QComboBox(self)
        self.provider_combo.setObjectName("providerCombo")
        self.provider_combo.setAccessibleName("Provider")
        self.where_label = plain_label("", self, "providerWhere", hint=True)

        self.base_url_edit = QLineEdit(self)
        self.base_url_edit.setObjectName("baseUrlEdit")
        self.base_url_edit.setAccessibleName("Base URL")
        self.model_edit = QLineEdit(self)
        self.model_edit.setObjectName("modelEdit")
        self.model_edit.setAccessibleName("Model")

        self.api_key_edit = QLineEdit(self)
        self.api_key_edit.setObjectName("apiKeyEdit")
        self.api_key_edit.setAccessibleName("API key")
        self.api_key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.forget_key_button = QPushButton("Remove stored key", self)
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

        self.private_check = QCheckBox("Private prompts", self)
        self.private_check.setObjectName("privatePromptsCheck")
        self.private_check.setAccessibleName("Private prompts")
        private_hint = plain_label(PRIVATE_TEXT, self, "privatePromptsHint", hint=True)
        self.private_forced = plain_label(
            "Child mode keeps private prompts on.", self, "privatePromptsForced", hint=True
        )
        self.private_forced.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("Provider", self.provider_combo)
        form.addRow("", self.where_label)
        form.addRow("Base URL", self.base_url_edit)
        form.addRow("Model", self.model_edit)
        form.addRow("API key", self.key_box)
        self.form = form

        self.save_button = QPushButton("Save", self)
        self.save_button.setObjectName("saveProviderButton")
        self.save_button.setDefault(True)
        self.test_button = QPushButton("Test connection", self)
        self.test_button.setObjectName("testConnectionButton")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)

        self.status_label = plain_label("", self, "providerStatus")
        self.error_label = error_label(self, "providerError")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        layout.addSpacing(12)
        layout.addWidget(self.private_check)
        layout.addWidget(private_hint)
        layout.addWidget(self.private_forced)
        layout.addStretch(1)

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
