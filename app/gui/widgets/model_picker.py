"""The model picker in the chat header: the provider's models, asked for only when opened.

Layout and its own small state only. The list is asked for (``listRequested``) the first time
the user opens it, not before: asking is a request to the provider, and every request shows
in the network log. Choosing one says so (``modelChosen``); a controller remembers it for
the conversation.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from app.gui.i18n import follow_language


class ModelPicker(QComboBox):
    """A drop-down of model names; the one on show is the conversation's."""

    #: The list is wanted: the user opened the picker (the controller asks the provider only
    #: when it has no list for it yet).
    listRequested = Signal()
    #: The user chose this model for the conversation.
    modelChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelPicker")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMinimumContentsLength(8)
        #: Whether the provider's list has been filled in (else only the current model).
        self.listed = False
        self._current: str | None = None
        self.activated.connect(self._on_activated)
        self.retranslate()
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        """Set the texts in the interface language."""
        self.setAccessibleName(self.tr("Model"))
        self.setToolTip(
            self.tr("The model this conversation uses; the list comes from the provider")
        )

    def set_current(self, model: str | None) -> None:
        """Show ``model`` as the conversation's (None: the provider's default, unknown here)."""
        self._current = model
        self._fill(self.models())

    def current_model(self) -> str | None:
        """The model on show."""
        return self._current

    def set_models(self, models: list[str]) -> None:
        """The provider's models (the current one stays, listed or not)."""
        self.listed = True
        self._fill(models)

    def forget_models(self) -> None:
        """The provider changed: its list is asked for again next time."""
        self.listed = False
        self._fill([])

    def models(self) -> list[str]:
        """The models listed (without the current one, when the provider did not list it)."""
        return [str(self.itemData(i)) for i in range(self.count()) if self.itemData(i) is not None]

    def _fill(self, models: list[str]) -> None:
        self.blockSignals(True)
        self.clear()
        names = list(dict.fromkeys(models))
        if self._current is not None and self._current not in names:
            names.insert(0, self._current)
        for name in names:
            self.addItem(name, name)
        if not names:
            self.addItem(self.tr("Default model"), None)
        if self._current is not None:
            self.setCurrentIndex(self.findData(self._current))
        self.blockSignals(False)

    def showPopup(self) -> None:
        """Say the list is wanted, then open it."""
        self.listRequested.emit()
        super().showPopup()

    def _on_activated(self, index: int) -> None:
        model = self.itemData(index)
        if model is not None and model != self._current:
            self._current = str(model)
            self.modelChosen.emit(self._current)
