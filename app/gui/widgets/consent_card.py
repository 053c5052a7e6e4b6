"""One consent on one card: its switch, its full text, and where it stands."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.gui.signals import emit
from app.gui.widgets.toggle_switch import ToggleSwitch


class ConsentCard(QFrame):
    """Shows one scope's consent text beside a switch; emits ``toggled(scope, on)``.

    The switch is the whole interaction, both ways: one click gives consent to the text shown
    on the card, one click withdraws it. The card does not change the ledger itself; whoever
    owns it calls ``show_state`` once the ledger has answered.
    """

    toggled = Signal(str, bool)

    def __init__(self, scope: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scope = scope
        self.setObjectName(f"consentCard_{scope}")
        self.setFrameShape(QFrame.Shape.StyledPanel)

        self.title_label = QLabel(self)
        self.title_label.setObjectName(f"consentTitle_{scope}")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setWordWrap(True)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)

        self.switch = ToggleSwitch(self)
        self.switch.setObjectName(f"consentSwitch_{scope}")

        self.state_label = QLabel(self)
        self.state_label.setObjectName(f"consentState_{scope}")
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)
        self.state_label.setWordWrap(True)

        # The bodies are our own bundled Markdown (never user text), so rendering it is safe.
        self.body_label = QLabel(self)
        self.body_label.setObjectName(f"consentBody_{scope}")
        self.body_label.setTextFormat(Qt.TextFormat.MarkdownText)
        self.body_label.setWordWrap(True)
        self.body_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        heading = QHBoxLayout()
        heading.addWidget(self.switch, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.title_label)
        titles.addWidget(self.state_label)
        heading.addLayout(titles, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(heading)
        layout.addWidget(self.body_label)

        self.switch.clicked.connect(self._on_clicked)

    def show_text(self, title: str, body: str) -> None:
        """The consent text the switch agrees to."""
        self.title_label.setText(title)
        self.body_label.setText(body)
        self.switch.setAccessibleName(title)

    def show_state(self, granted: bool, detail: str) -> None:
        """Where the consent stands, as the ledger says; the switch becomes usable again."""
        self.switch.setChecked(granted)
        self.switch.setEnabled(True)
        self.state_label.setText(detail)

    @Slot(bool)
    def _on_clicked(self, checked: bool) -> None:
        # Busy until the ledger has answered, so a second click cannot race the first.
        self.switch.setEnabled(False)
        emit(self.toggled, self.scope, checked)
