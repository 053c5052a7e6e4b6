"""The privacy dashboard's layout: what is stored, consents, retention, and the logs."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal, Slot
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

from app.gui.i18n import follow_language
from app.gui.signals import emit
from app.gui.widgets.consent_card import ConsentCard
from app.gui.widgets.deletion_timeline import DeletionTimeline
from app.gui.widgets.record_table import RecordTable
from app.gui.widgets.sensitivity_check import SensitivityCheck

#: (key, button, explanation) for each data action, in the order shown (translated when shown).
DATA_ACTIONS = (
    (
        "export",
        QT_TRANSLATE_NOOP("PrivacyDashboard", "Export…"),
        QT_TRANSLATE_NOOP(
            "PrivacyDashboard", "Save everything Confidant keeps to one file you can read anywhere."
        ),
    ),
    (
        "import",
        QT_TRANSLATE_NOOP("PrivacyDashboard", "Import…"),
        QT_TRANSLATE_NOOP(
            "PrivacyDashboard", "Bring in conversations from Confidant, ChatGPT or Claude."
        ),
    ),
    (
        "delete",
        QT_TRANSLATE_NOOP("PrivacyDashboard", "Delete…"),
        QT_TRANSLATE_NOOP(
            "PrivacyDashboard",
            "Delete one conversation, those from a date range, or all of them.",
        ),
    ),
    (
        "forget",
        QT_TRANSLATE_NOOP("PrivacyDashboard", "Forget me…"),
        QT_TRANSLATE_NOOP(
            "PrivacyDashboard", "Erase your whole profile, here and upstream. No undo."
        ),
    ),
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
    show in the main window's banner, above every page; this page lists them all. The static
    texts are set in ``retranslate``, again whenever the language changes.
    """

    retentionChosen = Signal(str, int)
    consentToggled = Signal(str, bool)
    #: One of ``export``, ``import``, ``delete``, ``forget``: the user asked for that dialog.
    dataActionRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("privacyDashboard")

        #: Labels and group boxes whose text never changes but with the language.
        self._static: dict[str, QLabel | QGroupBox] = {}
        self._heading = _heading("", self)
        self._intro = _plain_label("", self, wrap=True)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("privacyTabs")
        self.tabs.setDocumentMode(True)
        for build in (
            self._build_overview,
            self._build_data,
            self._build_retention,
            self._build_audit,
            self._build_network,
        ):
            self.tabs.addTab(build(), "")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self._heading)
        layout.addWidget(self._intro)
        layout.addWidget(self.tabs, 1)
        self.retranslate()
        follow_language(self, self.retranslate)

    def _keep(self, key: str, widget: QLabel | QGroupBox) -> QLabel | QGroupBox:
        self._static[key] = widget
        return widget

    def retranslate(self) -> None:
        """Set the page's own texts in the interface language."""
        self._retranslate_frame()
        self._retranslate_sections()
        self._retranslate_tables()
        for combo in self._retention_combos():
            combo.setToolTip(self._fixed_tip() if not combo.isEnabled() else "")

    def _retranslate_frame(self) -> None:
        """The heading, the introduction and the tabs' names."""
        self._heading.setText(self.tr("Privacy"))
        self._intro.setText(
            self.tr(
                "Everything Confidant keeps is on this computer, encrypted. Here you can see "
                "what is stored, change what you agreed to, and choose how long things are kept."
            )
        )
        self.tabs.tabBar().setAccessibleName(self.tr("Privacy dashboard sections"))
        for index, title in enumerate(
            (
                self.tr("Stored data and consents"),
                self.tr("Your data"),
                self.tr("Retention"),
                self.tr("Privacy log"),
                self.tr("Network and notices"),
            )
        ):
            self.tabs.setTabText(index, title)

    def _retranslate_sections(self) -> None:
        """The boxes' titles, their notes, and the data actions with what each one does."""
        texts = {
            "storage_box": self.tr("What is stored"),
            "items_column": self.tr("Items"),
            "size_column": self.tr("Approx. size"),
            "storage_note": self.tr(
                "Sizes are estimates of the data inside the database. Every row is encrypted "
                "on disk; nothing here is sent anywhere."
            ),
            "consents_box": self.tr("Your consents"),
            "consents_intro": self.tr(
                "Everything is off until you turn it on. One click turns a consent on, and one "
                "click turns it off again."
            ),
            "actions_box": self.tr("Take your data with you, or erase it"),
            "export_box": self.tr("Last export"),
            "deletions_box": self.tr("Deletions on this computer"),
            "receipts_box": self.tr("Deletion requests sent upstream, and their receipts"),
            "schedule_box": self.tr("How long things are kept"),
            "keep_column": self.tr("Keep for"),
            "next_column": self.tr("Next deletion"),
            "timeline_box": self.tr("Upcoming deletions (the next 12 months)"),
            "audit_intro": self.tr(
                "Every privacy event is recorded here: consents, saved and deleted "
                "conversations, purges, uploads. Only counts and ids are kept, never what you "
                "wrote."
            ),
            "network_box": self.tr("Network log"),
            "network_intro": self.tr(
                "Every request Confidant made: where it went and how many bytes went each way. "
                "What was sent is never logged."
            ),
            "notices_box": self.tr("Security notices"),
        }
        for key, text in texts.items():
            widget = self._static[key]
            if isinstance(widget, QGroupBox):
                widget.setTitle(text)
            else:
                widget.setText(text)
        for key, text, explanation in DATA_ACTIONS:
            self.data_buttons[key].setText(QCoreApplication.translate("PrivacyDashboard", text))
            self._static[f"{key}_explanation"].setText(
                QCoreApplication.translate("PrivacyDashboard", explanation)
            )

    def _retranslate_tables(self) -> None:
        """The tables' headers, what each says when empty, and their accessible names."""
        time, event, details = self.tr("Time"), self.tr("Event"), self.tr("Details")
        self.deletions_table.set_headers((time, event, details))
        self.deletions_table.set_empty_text(self.tr("Nothing deleted yet."))
        self.deletions_table.setAccessibleName(self.tr("Deletions on this computer"))
        self.receipts_table.set_headers(
            (
                self.tr("Requested"),
                self.tr("For"),
                self.tr("State"),
                self.tr("Receipt"),
                self.tr("Answered"),
            )
        )
        self.receipts_table.set_empty_text(self.tr("No deletion requests."))
        self.receipts_table.setAccessibleName(self.tr("Deletion receipts"))
        self.audit_search.setAccessibleName(self.tr("Search the privacy log"))
        self.audit_search.setPlaceholderText(
            self.tr("Search the privacy log, e.g. consent or purge")
        )
        self.audit_table.set_headers((time, event, details))
        self.audit_table.set_empty_text(self.tr("No event matches."))
        self.audit_table.setAccessibleName(self.tr("Privacy log"))
        self.network_table.set_headers(
            (
                time,
                self.tr("Purpose"),
                self.tr("Method"),
                self.tr("Address"),
                self.tr("Sent"),
                self.tr("Received"),
                self.tr("Status"),
            )
        )
        self.network_table.set_empty_text(self.tr("Confidant has not made a single request."))
        self.network_table.setAccessibleName(self.tr("Network log"))
        self.notices_table.set_headers(
            (self.tr("Published"), self.tr("Severity"), self.tr("Title"), self.tr("Seen"))
        )
        self.notices_table.set_empty_text(self.tr("No security notices."))
        self.notices_table.setAccessibleName(self.tr("Security notices"))
        self.check_notices_button.setText(self.tr("Check for notices now"))

    def _fixed_tip(self) -> str:
        return self.tr("This is fixed: it is as short as the feature allows.")

    def _retention_combos(self) -> list[QComboBox]:
        return [combo for _name, combo, _due in self.retention_rows.values()]

    # --- overview --------------------------------------------------------------------------

    def _build_overview(self) -> QWidget:
        content = QWidget(self)
        self.storage_box = QGroupBox(content)
        self.storage_box.setObjectName("storageBox")
        self._keep("storage_box", self.storage_box)
        self.storage_grid = QGridLayout()
        self.storage_grid.setHorizontalSpacing(16)
        for column, key in enumerate(("", "items_column", "size_column")):
            label = _plain_label("", self.storage_box)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            alignment = Qt.AlignmentFlag.AlignRight if column else Qt.AlignmentFlag.AlignLeft
            self.storage_grid.addWidget(label, 0, column, alignment)
            if key:
                self._keep(key, label)
        self.storage_rows: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        self.file_size_label = _plain_label("", self.storage_box, name="encryptedFileSize")
        self.file_size_label.setWordWrap(True)
        self.storage_note = _plain_label("", self.storage_box, wrap=True)
        self._keep("storage_note", self.storage_note)
        self.storage_note.setEnabled(False)
        storage_layout = QVBoxLayout(self.storage_box)
        storage_layout.addLayout(self.storage_grid)
        storage_layout.addSpacing(6)
        storage_layout.addWidget(self.file_size_label)
        storage_layout.addWidget(self.storage_note)

        consents_box = QGroupBox(content)
        consents_box.setObjectName("consentsBox")
        self._keep("consents_box", consents_box)
        self.consents_layout = QVBoxLayout(consents_box)
        self.consents_layout.setSpacing(10)
        consents_intro = _plain_label("", consents_box, wrap=True)
        self._keep("consents_intro", consents_intro)
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
        actions_box = QGroupBox(content)
        actions_box.setObjectName("dataActionsBox")
        self._keep("actions_box", actions_box)
        actions = QGridLayout(actions_box)
        actions.setHorizontalSpacing(12)
        actions.setColumnStretch(1, 1)
        self.data_buttons: dict[str, QPushButton] = {}
        for row, (key, _text, _explanation) in enumerate(DATA_ACTIONS):
            button = QPushButton(actions_box)
            button.setObjectName(f"{key}DataButton")
            button.clicked.connect(lambda _checked=False, k=key: emit(self.dataActionRequested, k))
            actions.addWidget(button, row, 0)
            explanation = _plain_label("", actions_box, wrap=True)
            actions.addWidget(explanation, row, 1)
            self._keep(f"{key}_explanation", explanation)
            self.data_buttons[key] = button

        export_box = QGroupBox(content)
        self._keep("export_box", export_box)
        self.last_export_label = _plain_label("", export_box, name="lastExport", wrap=True)
        QVBoxLayout(export_box).addWidget(self.last_export_label)

        self.erasure_label = _plain_label("", content, name="erasureReceipt", wrap=True)
        self.erasure_label.hide()

        deletions_box = QGroupBox(content)
        self._keep("deletions_box", deletions_box)
        self.deletions_table = RecordTable(parent=deletions_box)
        self.deletions_table.setObjectName("deletionsTable")
        QVBoxLayout(deletions_box).addWidget(self.deletions_table)

        self.sensitivity_check = SensitivityCheck(content)

        receipts_box = QGroupBox(content)
        self._keep("receipts_box", receipts_box)
        self.receipts_table = RecordTable(parent=receipts_box)
        self.receipts_table.setObjectName("receiptsTable")
        QVBoxLayout(receipts_box).addWidget(self.receipts_table)

        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(actions_box)
        layout.addWidget(export_box)
        layout.addWidget(self.erasure_label)
        layout.addWidget(self.sensitivity_check)
        layout.addWidget(deletions_box, 1)
        layout.addWidget(receipts_box, 1)
        # Scrolls when the window is small, as the overview and retention tabs do.
        return _scrolling(content, self)

    # --- retention -------------------------------------------------------------------------

    def _build_retention(self) -> QWidget:
        content = QWidget(self)
        schedule_box = QGroupBox(content)
        schedule_box.setObjectName("retentionBox")
        self._keep("schedule_box", schedule_box)
        self.retention_grid = QGridLayout(schedule_box)
        self.retention_grid.setHorizontalSpacing(16)
        for column, key in enumerate(("", "keep_column", "next_column")):
            label = _plain_label("", schedule_box)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            self.retention_grid.addWidget(label, 0, column)
            if key:
                self._keep(key, label)
        self.retention_grid.setColumnStretch(2, 1)
        self.retention_rows: dict[str, tuple[QLabel, QComboBox, QLabel]] = {}
        self._retention_box = schedule_box

        timeline_box = QGroupBox(content)
        timeline_box.setObjectName("timelineBox")
        self._keep("timeline_box", timeline_box)
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
        """The preset combo and next-deletion label of ``data_class``, made on first use.

        The label and the presets' texts are set each time (they follow the language).
        """
        if data_class not in self.retention_rows:
            box = self._retention_box
            line = self.retention_grid.rowCount()
            name_label = _plain_label("", box, name=f"retentionLabel_{data_class}")
            combo = QComboBox(box)
            combo.setObjectName(f"retentionCombo_{data_class}")
            due = _plain_label("", box, name=f"nextDeletion_{data_class}")
            self.retention_grid.addWidget(name_label, line, 0)
            self.retention_grid.addWidget(combo, line, 1)
            self.retention_grid.addWidget(due, line, 2)
            self.retention_rows[data_class] = (name_label, combo, due)
            combo.activated.connect(lambda index, c=data_class: self._on_preset(c, index))
        name_label, combo, due = self.retention_rows[data_class]
        name_label.setText(label)
        combo.setAccessibleName(self.tr("Keep for: {data}").format(data=label))
        shown = [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())]
        if shown != list(presets):
            combo.clear()
            for days, text in presets:
                combo.addItem(text, days)
        combo.setEnabled(len(presets) > 1)
        combo.setToolTip("" if len(presets) > 1 else self._fixed_tip())
        return combo, due

    @Slot()
    def _on_preset(self, data_class: str, index: int) -> None:
        _name, combo, _due = self.retention_rows[data_class]
        emit(self.retentionChosen, data_class, int(combo.itemData(index)))

    # --- logs ------------------------------------------------------------------------------

    def _build_audit(self) -> QWidget:
        content = QWidget(self)
        explanation = _plain_label("", content, wrap=True)
        self._keep("audit_intro", explanation)
        self.audit_search = QLineEdit(content)
        self.audit_search.setObjectName("auditSearch")
        self.audit_search.setClearButtonEnabled(True)
        self.audit_table = RecordTable(parent=content)
        self.audit_table.setObjectName("auditTable")
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
        network_box = QGroupBox(content)
        self._keep("network_box", network_box)
        explanation = _plain_label("", network_box, wrap=True)
        self._keep("network_intro", explanation)
        self.network_table = RecordTable(parent=network_box)
        self.network_table.setObjectName("networkTable")
        network_layout = QVBoxLayout(network_box)
        network_layout.addWidget(explanation)
        network_layout.addWidget(self.network_table)

        notices_box = QGroupBox(content)
        self._keep("notices_box", notices_box)
        self.notices_table = RecordTable(parent=notices_box)
        self.notices_table.setObjectName("noticesTable")
        self.check_notices_button = QPushButton(notices_box)
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
