"""The outbox page's layout: queued items with their exact payload, history, upload settings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.widgets.labels import error_label, heading, plain_label
from app.gui.widgets.record_table import RecordTable

INTRO = (
    "Items prepared from your conversations, already anonymized, wait here before they leave. "
    "Each one shows exactly what would be sent. While review is on, nothing leaves until you "
    "approve it."
)


class OutboxPage(QWidget):
    """Layout only; a controller fills it and acts on its buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outboxPage")
        content = QWidget(self)

        title = heading("Outbox", content)
        intro = plain_label(INTRO, content)
        self.status_label = plain_label("", content, "outboxStatus")

        # --- queued items ------------------------------------------------------------------
        queue_box = QGroupBox("Waiting to leave", content)
        self.items_table = RecordTable(
            ("State", "Kind", "Queued", "Size"), queue_box, empty_text="Nothing is waiting."
        )
        self.items_table.setObjectName("outboxItems")
        self.items_table.setAccessibleName("Items waiting to leave")
        self.items_table.setMinimumWidth(300)

        self.payload_view = QPlainTextEdit(queue_box)
        self.payload_view.setObjectName("payloadView")
        self.payload_view.setAccessibleName("Exactly what would be sent")
        self.payload_view.setReadOnly(True)
        self.payload_view.setPlaceholderText("Select an item to see exactly what would be sent.")
        self.payload_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.payload_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        payload_caption = plain_label("Exactly what would be sent (before sealing):", queue_box)

        self.approve_button = QPushButton("Approve", queue_box)
        self.approve_button.setObjectName("approveButton")
        self.approve_button.setToolTip("Let this item leave with the next send.")
        self.edit_button = QPushButton("Edit…", queue_box)
        self.edit_button.setObjectName("editButton")
        self.edit_button.setToolTip("Remove more from the text before it leaves.")
        self.discard_button = QPushButton("Discard", queue_box)
        self.discard_button.setObjectName("discardButton")
        self.discard_button.setToolTip("Delete this item; it never leaves.")
        item_buttons = QHBoxLayout()
        item_buttons.addWidget(self.approve_button)
        item_buttons.addWidget(self.edit_button)
        item_buttons.addWidget(self.discard_button)
        item_buttons.addStretch(1)

        detail = QWidget(queue_box)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(payload_caption)
        detail_layout.addWidget(self.payload_view, 1)
        detail_layout.addLayout(item_buttons)
        items = QWidget(queue_box)
        items_layout = QVBoxLayout(items)
        items_layout.setContentsMargins(0, 0, 0, 0)
        items_layout.addWidget(self.items_table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, queue_box)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(items)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setMinimumHeight(220)

        self.send_button = QPushButton("Send now", queue_box)
        self.send_button.setObjectName("sendNowButton")
        self.send_button.setToolTip("Send the approved items to the collector now.")
        self.send_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.send_result = plain_label("", queue_box, "sendResult")
        self.send_progress = QProgressBar(queue_box)
        self.send_progress.setObjectName("sendProgress")
        self.send_progress.setAccessibleName("Sending progress")
        self.send_progress.setFormat("%v of %m")
        self.send_progress.setVisible(False)
        self.cancel_send_button = QPushButton("Stop sending", queue_box)
        self.cancel_send_button.setObjectName("cancelSendButton")
        self.cancel_send_button.setAccessibleName("Stop sending")
        self.cancel_send_button.setToolTip(
            "Stops before the next request; one already on its way is finished. What was not "
            "sent waits here."
        )
        self.cancel_send_button.setVisible(False)
        send_row = QHBoxLayout()
        send_row.addWidget(self.send_button)
        send_row.addWidget(self.send_progress)
        send_row.addWidget(self.cancel_send_button)
        send_row.addWidget(self.send_result, 1)

        queue_layout = QVBoxLayout(queue_box)
        queue_layout.addWidget(splitter, 1)
        queue_layout.addLayout(send_row)

        # --- history -----------------------------------------------------------------------
        history_box = QGroupBox("What was sent", content)
        self.sent_table = RecordTable(
            ("Time", "Method", "Address", "Sent", "Received", "Status"),
            history_box,
            empty_text="Nothing was ever uploaded.",
        )
        self.sent_table.setObjectName("sentTable")
        self.sent_table.setAccessibleName("Upload requests")
        self.receipts_table = RecordTable(
            ("Requested", "For", "State", "Receipt", "Answered"),
            history_box,
            empty_text="No deletion requests.",
        )
        self.receipts_table.setObjectName("outboxReceiptsTable")
        self.receipts_table.setAccessibleName("Deletion receipts")
        history_layout = QVBoxLayout(history_box)
        history_layout.addWidget(plain_label("Upload requests (never their content):", history_box))
        history_layout.addWidget(self.sent_table)
        history_layout.addWidget(plain_label("Deletion requests and their receipts:", history_box))
        history_layout.addWidget(self.receipts_table)
        for table in (self.sent_table, self.receipts_table):
            table.setMinimumHeight(100)
            table.setMaximumHeight(180)

        # --- advanced ----------------------------------------------------------------------
        self.advanced_toggle = QToolButton(content)
        self.advanced_toggle.setObjectName("advancedToggle")
        self.advanced_toggle.setText("Advanced: upload settings")
        self.advanced_toggle.setCheckable(True)
        self.advanced_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_toggle.setAutoRaise(True)
        self.advanced = QFrame(content)
        self.advanced.setObjectName("advancedSettings")
        self.advanced.setFrameShape(QFrame.Shape.StyledPanel)
        self.url_edit = QLineEdit(self.advanced)
        self.url_edit.setObjectName("collectorUrlEdit")
        self.url_edit.setAccessibleName("Collector address")
        self.url_edit.setPlaceholderText("https://collector.example/")
        self.collector_key_edit = QLineEdit(self.advanced)
        self.collector_key_edit.setObjectName("collectorKeyEdit")
        self.collector_key_edit.setAccessibleName("Collector key")
        self.collector_key_edit.setPlaceholderText("The collector's public sealing key (base64)")
        self.notice_key_edit = QLineEdit(self.advanced)
        self.notice_key_edit.setObjectName("noticeKeyEdit")
        self.notice_key_edit.setAccessibleName("Notice key")
        self.notice_key_edit.setPlaceholderText("The key security notices are signed with")
        self.save_settings_button = QPushButton("Save upload settings", self.advanced)
        self.save_settings_button.setObjectName("saveUploadSettingsButton")
        self.settings_error = error_label(self.advanced, "uploadSettingsError")
        self.review_check = QCheckBox("Review each item before it leaves", self.advanced)
        self.review_check.setObjectName("reviewCheck")
        self.notices_check = QCheckBox("Check for security notices", self.advanced)
        self.notices_check.setObjectName("checkNoticesCheck")
        notices_hint = plain_label(
            "Asks the collector for signed security notices every 12 hours, even when you "
            "share nothing. Each check is one request, listed in the network log.",
            self.advanced,
            hint=True,
        )
        form = QFormLayout()
        form.addRow("Collector &address:", self.url_edit)
        form.addRow("Collector &key:", self.collector_key_edit)
        form.addRow("&Notice key:", self.notice_key_edit)
        self.save_settings_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_settings_button)
        save_row.addWidget(self.settings_error, 1)
        save_row.addStretch(0)
        advanced_layout = QVBoxLayout(self.advanced)
        advanced_layout.addLayout(form)
        advanced_layout.addLayout(save_row)
        advanced_layout.addSpacing(6)
        advanced_layout.addWidget(self.review_check)
        advanced_layout.addWidget(self.notices_check)
        advanced_layout.addWidget(notices_hint)
        self.advanced.hide()
        self.advanced_toggle.toggled.connect(self.show_advanced)

        column = QVBoxLayout(content)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(8)
        column.addWidget(title)
        column.addWidget(intro)
        column.addWidget(self.status_label)
        column.addWidget(queue_box, 3)
        column.addWidget(history_box, 2)
        column.addWidget(self.advanced_toggle)
        column.addWidget(self.advanced)

        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(area)

    def show_advanced(self, shown: bool) -> None:
        """Open or close the advanced section."""
        self.advanced_toggle.setChecked(shown)
        self.advanced_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.advanced.setVisible(shown)

    def show_sending(self, sending: bool) -> None:
        """Swap Send now for the progress bar and Stop sending, or back."""
        self.send_button.setEnabled(not sending)
        self.send_progress.setVisible(sending)
        self.cancel_send_button.setVisible(sending)
        self.cancel_send_button.setEnabled(sending)
        if sending:
            self.send_progress.setRange(0, 0)  # busy until the first step is known

    def show_send_progress(self, done: int, total: int) -> None:
        """How many of the due items (and deletion requests) have been dealt with."""
        if total:
            self.send_progress.setRange(0, total)
            self.send_progress.setValue(done)

    def show_settings_error(self, message: str) -> None:
        """Say why the upload settings were refused ("" hides it)."""
        self.settings_error.setText(message)
        self.settings_error.setVisible(bool(message))
