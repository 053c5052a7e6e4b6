"""The "Find assistants on this computer" button, what answered, and a way to use one.

Layout and its own small state only. Nothing is probed until the button is clicked
(``findRequested``); a controller does the probing and hands back what answered with
``show_servers``. Choosing a server and a model fills the provider form (``serverChosen``);
it is saved only when the user saves the form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.i18n import follow_language
from app.gui.widgets.labels import plain_label

if TYPE_CHECKING:
    from app.core.assistant.discovery import LocalServer


class LocalServerFinder(QWidget):
    """Probes nothing itself: it asks, and shows what it is told."""

    #: The user clicked "Find assistants on this computer".
    findRequested = Signal()
    #: The user chose to use a server: (its base URL, the model chosen).
    serverChosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("localServerFinder")
        self._servers: list[LocalServer] = []
        self.find_button = QPushButton(self)
        self.find_button.setObjectName("findLocalServersButton")
        self.find_button.clicked.connect(self._on_find)
        self.explain = plain_label("", self, "localServersHint", hint=True)
        self.result_label = plain_label("", self, "localServersResult")
        self.server_combo = QComboBox(self)
        self.server_combo.setObjectName("localServerCombo")
        self.server_combo.currentIndexChanged.connect(self._on_server)
        self.model_combo = QComboBox(self)
        self.model_combo.setObjectName("localModelCombo")
        self.use_button = QPushButton(self)
        self.use_button.setObjectName("useLocalServerButton")
        self.use_button.clicked.connect(self._on_use)
        choice = QHBoxLayout()
        choice.setContentsMargins(0, 0, 0, 0)
        choice.addWidget(self.server_combo, 1)
        choice.addWidget(self.model_combo, 1)
        choice.addWidget(self.use_button)
        self.choice = QWidget(self)
        self.choice.setLayout(choice)
        self.choice.setVisible(False)
        self.result_label.setVisible(False)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.find_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.explain)
        layout.addWidget(self.result_label)
        layout.addWidget(self.choice)
        self.retranslate()
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        """Set the texts in the interface language."""
        self.find_button.setText(self.tr("Find assistants on this computer"))
        self.explain.setText(
            self.tr(
                "Asks this computer only (127.0.0.1) whether Ollama, LM Studio, llama.cpp, Jan "
                "or vLLM is running, at their usual ports. Each question is in the network log."
            )
        )
        self.server_combo.setAccessibleName(self.tr("Assistant found on this computer"))
        self.model_combo.setAccessibleName(self.tr("Its model"))
        self.use_button.setText(self.tr("Use this"))
        self.use_button.setToolTip(self.tr("Fill in the settings above; Save keeps them"))

    def _on_find(self) -> None:
        self.find_button.setEnabled(False)
        self.result_label.setText(self.tr("Looking on this computer…"))
        self.result_label.setVisible(True)
        self.choice.setVisible(False)
        self.findRequested.emit()

    def show_servers(self, servers: list[LocalServer]) -> None:
        """Show what answered (an empty list: nothing did)."""
        self._servers = list(servers)
        self.find_button.setEnabled(True)
        self.server_combo.blockSignals(True)
        self.server_combo.clear()
        for server in self._servers:
            self.server_combo.addItem(
                self.tr("{name} at 127.0.0.1:{port}").format(name=server.name, port=server.port)
            )
        self.server_combo.blockSignals(False)
        if self._servers:
            self.result_label.setText(
                self.tr("Found %n assistant(s) on this computer.", "", len(self._servers))
            )
            self.server_combo.setCurrentIndex(0)
            self._on_server(0)
        else:
            self.result_label.setText(
                self.tr("No assistant answered on this computer. Is it running?")
            )
        self.choice.setVisible(bool(self._servers))

    def show_failure(self, text: str) -> None:
        """The search itself failed (it should not): say so, and let the user try again."""
        self.find_button.setEnabled(True)
        self.result_label.setText(text)
        self.result_label.setVisible(True)

    def _on_server(self, index: int) -> None:
        self.model_combo.clear()
        if 0 <= index < len(self._servers):
            self.model_combo.addItems(list(self._servers[index].models))
        self.use_button.setEnabled(self.model_combo.count() > 0)

    def _on_use(self) -> None:
        index = self.server_combo.currentIndex()
        if 0 <= index < len(self._servers) and self.model_combo.currentText():
            self.serverChosen.emit(self._servers[index].base_url, self.model_combo.currentText())
