"""The privacy dashboard's layout: what is stored, consents, retention, and the logs."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.gui.signals import emit
from app.gui.widgets.consent_card import ConsentCard
from app.gui.widgets.deletion_timeline import DeletionTimeline
from app.gui.widgets.record_table import RecordTable

INTRO = (
    "Everything Confidant keeps is on this computer, encrypted. Here you can see what is "
    "stored, change what you agreed to, and choose how long things are kept."
)


#: (key, button, explanation) for each data action, in the order shown.
DATA_ACTIONS = (
    ("export", "Export…", "Save everything Confidant keeps to one file you can read anywhere."),
    ("import", "Import…", "Bring in conversations from Confidant, ChatGPT or Claude."),
    ("delete", "Delete…", "Delete one conversation, those from a date range, or all of them."),
    ("forget", "Forget me…", "Erase your whole profile, here and upstream. No undo."),
)


def _plain_label(text: str, parent: QWidget, *, name: str = "", wrap: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if name:
        label.setObjectName(name)
    return label


def _heading(text: str, parent: QWidget, scale: float = 1.4) -> QLabel:
    label = _plain_label(text, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


def _scrolling(content: QWidget, parent: QWidget) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area


class PrivacyDashboard(QWidget):
    """Layout only; a controller fills it and acts on its signals.

    ``retentionChosen(data_class, days)`` fires when the user picks a preset, and
    ``consentToggled(scope, on)`` when a consent switch is clicked. Unread security notices
    show in the main window's banner, above every page; this page lists them all.
    """

    retentionChosen = Signal(str, int)
    consentToggled = Signal(str, bool)
    #: One of ``export``, ``import``, ``delete``, ``forget``: the user asked for that dialog.
    dataActionRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("privacyDashboard")

        heading = _heading("Privacy", self)
        intro = _plain_label(INTRO, self, wrap=True)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("privacyTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.tabBar().setAccessibleName("Privacy dashboard sections")
        self.tabs.addTab(self._build_overview(), "Stored data and consents")
        self.tabs.addTab(self._build_data(), "Your data")
        self.tabs.addTab(self._build_retention(), "Retention")
        self.tabs.addTab(self._build_audit(), "Privacy log")
        self.tabs.addTab(self._build_network(), "Network and notices")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.tabs, 1)

    # --- overview --------------------------------------------------------------------------

    def _build_overview(self) -> QWidget:
        content = QWidget(self)
        self.storage_box = QGroupBox("What is stored", content)
        self.storage_box.setObjectName("storageBox")
        self.storage_grid = QGridLayout()
        self.storage_grid.setHorizontalSpacing(16)
        for column, title in enumerate(("", "Items", "Approx. size")):
            label = _plain_label(title, self.storage_box)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            alignment = Qt.AlignmentFlag.AlignRight if column else Qt.AlignmentFlag.AlignLeft
            self.storage_grid.addWidget(label, 0, column, alignment)
        self.storage_rows: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        self.file_size_label = _plain_label("", self.storage_box, name="encryptedFileSize")
        self.file_size_label.setWordWrap(True)
        self.storage_note = _plain_label(
            "Sizes are estimates of the data inside the database. Every row is encrypted on "
            "disk; nothing here is sent anywhere.",
            self.storage_box,
            wrap=True,
        )
        self.storage_note.setEnabled(False)
        storage_layout = QVBoxLayout(self.storage_box)
        storage_layout.addLayout(self.storage_grid)
        storage_layout.addSpacing(6)
        storage_layout.addWidget(self.file_size_label)
        storage_layout.addWidget(self.storage_note)

        consents_box = QGroupBox("Your consents", content)
        consents_box.setObjectName("consentsBox")
        self.consents_layout = QVBoxLayout(consents_box)
        self.consents_layout.setSpacing(10)
        consents_intro = _plain_label(
            "Everything is off until you turn it on. One click turns a consent on, and one "
            "click turns it off again.",
            consents_box,
            wrap=True,
        )
        self.consents_layout.addWidget(consents_intro)
        self.consent_cards: dict[str, ConsentCard] = {}

        left = QVBoxLayout()
        left.addWidget(self.storage_box)
        left.addStretch(1)
        layout = QHBoxLayout(content)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(left, 2)
        layout.addWidget(consents_box, 3)
        return _scrolling(content, self)

    def set_storage_rows(self, rows: Sequence[tuple[str, str, str, str]], total: str) -> None:
        """Rows of (data class, label, items, size), and the size of the encrypted files."""
        for name, label, count, size in rows:
            if name not in self.storage_rows:
                line = self.storage_grid.rowCount()
                widgets = (
                    _plain_label(label, self.storage_box, name=f"storedLabel_{name}"),
                    _plain_label("", self.storage_box, name=f"storedRows_{name}"),
                    _plain_label("", self.storage_box, name=f"storedSize_{name}"),
                )
                self.storage_grid.addWidget(widgets[0], line, 0)
                self.storage_grid.addWidget(widgets[1], line, 1, Qt.AlignmentFlag.AlignRight)
                self.storage_grid.addWidget(widgets[2], line, 2, Qt.AlignmentFlag.AlignRight)
                self.storage_rows[name] = widgets
            name_label, count_label, size_label = self.storage_rows[name]
            name_label.setText(label)
            count_label.setText(count)
            size_label.setText(size)
        self.file_size_label.setText(total)

    def consent_card(self, scope: str) -> ConsentCard:
        """The card for ``scope``, made on first use."""
        card = self.consent_cards.get(scope)
        if card is None:
            card = ConsentCard(scope, self)
            card.toggled.connect(self.consentToggled)
            self.consents_layout.addWidget(card)
            self.consent_cards[scope] = card
        return card

    # --- your data -------------------------------------------------------------------------

    def _build_data(self) -> QWidget:
        content = QWidget(self)
        actions_box = QGroupBox("Take your data with you, or erase it", content)
        actions_box.setObjectName("dataActionsBox")
        actions = QGridLayout(actions_box)
        actions.setHorizontalSpacing(12)
        actions.setColumnStretch(1, 1)
        self.data_buttons: dict[str, QPushButton] = {}
        for row, (key, text, explanation) in enumerate(DATA_ACTIONS):
            button = QPushButton(text, actions_box)
            button.setObjectName(f"{key}DataButton")
            button.clicked.connect(lambda _checked=False, k=key: emit(self.dataActionRequested, k))
            actions.addWidget(button, row, 0)
            actions.addWidget(_plain_label(explanation, actions_box, wrap=True), row, 1)
            self.data_buttons[key] = button

        export_box = QGroupBox("Last export", content)
        self.last_export_label = _plain_label("", export_box, name="lastExport", wrap=True)
        QVBoxLayout(export_box).addWidget(self.last_export_label)

        self.erasure_label = _plain_label("", content, name="erasureReceipt", wrap=True)
        self.erasure_label.hide()

        deletions_box = QGroupBox("Deletions on this computer", content)
        self.deletions_table = RecordTable(
            ("Time", "Event", "Details"), deletions_box, empty_text="Nothing deleted yet."
        )
        self.deletions_table.setObjectName("deletionsTable")
        self.deletions_table.setAccessibleName("Deletions on this computer")
        QVBoxLayout(deletions_box).addWidget(self.deletions_table)

        receipts_box = QGroupBox("Deletion requests sent upstream, and their receipts", content)
        self.receipts_table = RecordTable(
            ("Requested", "For", "State", "Receipt", "Answered"),
            receipts_box,
            empty_text="No deletion requests.",
        )
        self.receipts_table.setObjectName("receiptsTable")
        self.receipts_table.setAccessibleName("Deletion receipts")
        QVBoxLayout(receipts_box).addWidget(self.receipts_table)

        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(actions_box)
        layout.addWidget(export_box)
        layout.addWidget(self.erasure_label)
        layout.addWidget(deletions_box, 1)
        layout.addWidget(receipts_box, 1)
        return content

    # --- retention -------------------------------------------------------------------------

    def _build_retention(self) -> QWidget:
        content = QWidget(self)
        schedule_box = QGroupBox("How long things are kept", content)
        schedule_box.setObjectName("retentionBox")
        self.retention_grid = QGridLayout(schedule_box)
        self.retention_grid.setHorizontalSpacing(16)
        for column, title in enumerate(("", "Keep for", "Next deletion")):
            label = _plain_label(title, schedule_box)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            self.retention_grid.addWidget(label, 0, column)
        self.retention_grid.setColumnStretch(2, 1)
        self.retention_rows: dict[str, tuple[QLabel, QComboBox, QLabel]] = {}
        self._retention_box = schedule_box

        timeline_box = QGroupBox("Upcoming deletions (the next 12 months)", content)
        timeline_box.setObjectName("timelineBox")
        self.timeline = DeletionTimeline(timeline_box)
        self.timeline.setObjectName("deletionTimeline")
        self.timeline_caption = _plain_label("", timeline_box, name="timelineCaption", wrap=True)
        self.timeline_caption.setEnabled(False)
        timeline_layout = QVBoxLayout(timeline_box)
        timeline_layout.addWidget(self.timeline)
        timeline_layout.addWidget(self.timeline_caption)

        self.purge_note = _plain_label("", content, name="purgeNote", wrap=True)
        self.purge_note.setEnabled(False)

        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(schedule_box)
        layout.addWidget(timeline_box)
        layout.addWidget(self.purge_note)
        layout.addStretch(1)
        return _scrolling(content, self)

    def retention_row(
        self, data_class: str, label: str, presets: Sequence[tuple[int, str]]
    ) -> tuple[QComboBox, QLabel]:
        """The preset combo and next-deletion label of ``data_class``, made on first use."""
        if data_class not in self.retention_rows:
            box = self._retention_box
            line = self.retention_grid.rowCount()
            name_label = _plain_label(label, box, name=f"retentionLabel_{data_class}")
            combo = QComboBox(box)
            combo.setObjectName(f"retentionCombo_{data_class}")
            combo.setAccessibleName(f"Keep {label.lower()} for")
            for days, text in presets:
                combo.addItem(text, days)
            combo.setEnabled(len(presets) > 1)
            if len(presets) <= 1:
                combo.setToolTip("This is fixed: it is as short as the feature allows.")
            due = _plain_label("", box, name=f"nextDeletion_{data_class}")
            self.retention_grid.addWidget(name_label, line, 0)
            self.retention_grid.addWidget(combo, line, 1)
            self.retention_grid.addWidget(due, line, 2)
            self.retention_rows[data_class] = (name_label, combo, due)
            combo.activated.connect(lambda index, c=data_class: self._on_preset(c, index))
        _name, combo, due = self.retention_rows[data_class]
        return combo, due

    @Slot()
    def _on_preset(self, data_class: str, index: int) -> None:
        _name, combo, _due = self.retention_rows[data_class]
        emit(self.retentionChosen, data_class, int(combo.itemData(index)))

    # --- logs ------------------------------------------------------------------------------

    def _build_audit(self) -> QWidget:
        content = QWidget(self)
        explanation = _plain_label(
            "Every privacy event is recorded here: consents, saved and deleted conversations, "
            "purges, uploads. Only counts and ids are kept, never what you wrote.",
            content,
            wrap=True,
        )
        self.audit_search = QLineEdit(content)
        self.audit_search.setObjectName("auditSearch")
        self.audit_search.setAccessibleName("Search the privacy log")
        self.audit_search.setPlaceholderText("Search the privacy log, e.g. consent or purge")
        self.audit_search.setClearButtonEnabled(True)
        self.audit_table = RecordTable(
            ("Time", "Event", "Details"), content, empty_text="No event matches."
        )
        self.audit_table.setObjectName("auditTable")
        self.audit_table.setAccessibleName("Privacy log")
        self.audit_count = _plain_label("", content, name="auditCount")
        self.audit_count.setEnabled(False)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(explanation)
        layout.addWidget(self.audit_search)
        layout.addWidget(self.audit_table, 1)
        layout.addWidget(self.audit_count)
        return content

    def _build_network(self) -> QWidget:
        content = QWidget(self)
        network_box = QGroupBox("Network log", content)
        explanation = _plain_label(
            "Every request Confidant made: where it went and how many bytes went each way. "
            "What was sent is never logged.",
            network_box,
            wrap=True,
        )
        self.network_table = RecordTable(
            ("Time", "Purpose", "Method", "Address", "Sent", "Received", "Status"),
            network_box,
            empty_text="Confidant has not made a single request.",
        )
        self.network_table.setObjectName("networkTable")
        self.network_table.setAccessibleName("Network log")
        network_layout = QVBoxLayout(network_box)
        network_layout.addWidget(explanation)
        network_layout.addWidget(self.network_table)

        notices_box = QGroupBox("Security notices", content)
        self.notices_table = RecordTable(
            ("Published", "Severity", "Title", "Seen"),
            notices_box,
            empty_text="No security notices.",
        )
        self.notices_table.setObjectName("noticesTable")
        self.notices_table.setAccessibleName("Security notices")
        self.check_notices_button = QPushButton("Check for notices now", notices_box)
        self.check_notices_button.setObjectName("checkNoticesButton")
        self.check_notices_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.notices_status = _plain_label("", notices_box, name="noticesStatus", wrap=True)
        notices_layout = QVBoxLayout(notices_box)
        notices_layout.addWidget(self.notices_table)
        row = QHBoxLayout()
        row.addWidget(self.check_notices_button)
        row.addWidget(self.notices_status, 1)
        notices_layout.addLayout(row)

        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(network_box, 3)
        layout.addWidget(notices_box, 1)
        return content
