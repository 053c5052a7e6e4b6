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
    QLabel,
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

from app.gui.i18n import follow_language
from app.gui.widgets.labels import error_label, heading, plain_label
from app.gui.widgets.record_table import RecordTable


class OutboxPage(QWidget):
    """Layout only; a controller fills it and acts on its buttons.

    The static texts are set in ``retranslate``, again whenever the language changes.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outboxPage")
        content = QWidget(self)

        self._title = heading("", content)
        self._intro = plain_label("", content)
        self.status_label = plain_label("", content, "outboxStatus")

        queue_box = self._build_queue(content)
        history_box = self._build_history(content)
        self._build_advanced(content)

        column = QVBoxLayout(content)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(8)
        column.addWidget(self._title)
        column.addWidget(self._intro)
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
        self.retranslate()
        follow_language(self, self.retranslate)

    # --- how it is built (in tab order) ----------------------------------------------------

    def _build_queue(self, content: QWidget) -> QGroupBox:
        """The queued items beside the exact payload of the one selected, and Send now."""
        self._queue_box = queue_box = QGroupBox(content)
        self.items_table = RecordTable(parent=queue_box)
        self.items_table.setObjectName("outboxItems")
        self.items_table.setMinimumWidth(300)

        self.payload_view = QPlainTextEdit(queue_box)
        self.payload_view.setObjectName("payloadView")
        self.payload_view.setReadOnly(True)
        self.payload_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.payload_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._payload_caption = payload_caption = plain_label("", queue_box)

        self.approve_button = QPushButton(queue_box)
        self.approve_button.setObjectName("approveButton")
        self.edit_button = QPushButton(queue_box)
        self.edit_button.setObjectName("editButton")
        self.discard_button = QPushButton(queue_box)
        self.discard_button.setObjectName("discardButton")
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

        send_row = self._build_send_row(queue_box)

        queue_layout = QVBoxLayout(queue_box)
        queue_layout.addWidget(splitter, 1)
        queue_layout.addLayout(send_row)
        return queue_box

    def _build_send_row(self, queue_box: QGroupBox) -> QHBoxLayout:
        """Send now, its progress and Cancel, and what the last send did."""
        self.send_button = QPushButton(queue_box)
        self.send_button.setObjectName("sendNowButton")
        self.send_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.send_result = plain_label("", queue_box, "sendResult")
        self.send_progress = QProgressBar(queue_box)
        self.send_progress.setObjectName("sendProgress")
        self.send_progress.setVisible(False)
        self.cancel_send_button = QPushButton(queue_box)
        self.cancel_send_button.setObjectName("cancelSendButton")
        self.cancel_send_button.setVisible(False)
        send_row = QHBoxLayout()
        send_row.addWidget(self.send_button)
        send_row.addWidget(self.send_progress)
        send_row.addWidget(self.cancel_send_button)
        send_row.addWidget(self.send_result, 1)
        return send_row

    def _build_history(self, content: QWidget) -> QGroupBox:
        """What was sent, and the receipts of deletions upstream."""
        self._history_box = history_box = QGroupBox(content)
        self.sent_table = RecordTable(parent=history_box)
        self.sent_table.setObjectName("sentTable")
        self.receipts_table = RecordTable(parent=history_box)
        self.receipts_table.setObjectName("outboxReceiptsTable")
        self._sent_caption = plain_label("", history_box)
        self._receipts_caption = plain_label("", history_box)
        history_layout = QVBoxLayout(history_box)
        history_layout.addWidget(self._sent_caption)
        history_layout.addWidget(self.sent_table)
        history_layout.addWidget(self._receipts_caption)
        history_layout.addWidget(self.receipts_table)
        for table in (self.sent_table, self.receipts_table):
            table.setMinimumHeight(100)
            table.setMaximumHeight(180)
        return history_box

    def _build_advanced(self, content: QWidget) -> None:
        """The collector's address and keys, review before sending, and notices (folded)."""
        self.advanced_toggle = QToolButton(content)
        self.advanced_toggle.setObjectName("advancedToggle")
        self.advanced_toggle.setCheckable(True)
        self.advanced_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_toggle.setAutoRaise(True)
        self.advanced = QFrame(content)
        self.advanced.setObjectName("advancedSettings")
        self.advanced.setFrameShape(QFrame.Shape.StyledPanel)
        self.url_edit = QLineEdit(self.advanced)
        self.url_edit.setObjectName("collectorUrlEdit")
        self.url_edit.setPlaceholderText("https://collector.example/")
        self.collector_key_edit = QLineEdit(self.advanced)
        self.collector_key_edit.setObjectName("collectorKeyEdit")
        self.notice_key_edit = QLineEdit(self.advanced)
        self.notice_key_edit.setObjectName("noticeKeyEdit")
        self.save_settings_button = QPushButton(self.advanced)
        self.save_settings_button.setObjectName("saveUploadSettingsButton")
        self.settings_error = error_label(self.advanced, "uploadSettingsError")
        self.review_check = QCheckBox(self.advanced)
        self.review_check.setObjectName("reviewCheck")
        self.notices_check = QCheckBox(self.advanced)
        self.notices_check.setObjectName("checkNoticesCheck")
        self._notices_hint = notices_hint = plain_label("", self.advanced, hint=True)
        form = QFormLayout()
        #: The form's row labels, each with the field it names (its buddy).
        self._row_labels: list[QLabel] = []
        for field in (self.url_edit, self.collector_key_edit, self.notice_key_edit):
            label = QLabel(self.advanced)
            label.setBuddy(field)
            form.addRow(label, field)
            self._row_labels.append(label)
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

    def retranslate(self) -> None:
        """Set the page's own texts in the interface language."""
        self._title.setText(self.tr("Outbox"))
        self._intro.setText(
            self.tr(
                "Items prepared from your conversations, already anonymized, wait here before "
                "they leave. Each one shows exactly what would be sent. While review is on, "
                "nothing leaves until you approve it."
            )
        )
        self._retranslate_queue()
        self._retranslate_history()
        self._retranslate_advanced()

    def _retranslate_queue(self) -> None:
        """What waits to leave, its payload, and the buttons that act on it."""
        self._queue_box.setTitle(self.tr("Waiting to leave"))
        self.items_table.set_headers(
            (self.tr("State"), self.tr("Kind"), self.tr("Queued"), self.tr("Size"))
        )
        self.items_table.set_empty_text(self.tr("Nothing is waiting."))
        self.items_table.setAccessibleName(self.tr("Items waiting to leave"))
        self.payload_view.setAccessibleName(self.tr("Exactly what would be sent"))
        self.payload_view.setPlaceholderText(
            self.tr("Select an item to see exactly what would be sent.")
        )
        self._payload_caption.setText(self.tr("Exactly what would be sent (before sealing):"))
        self.approve_button.setText(self.tr("Approve"))
        self.approve_button.setToolTip(self.tr("Let this item leave with the next send."))
        self.edit_button.setText(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Remove more from the text before it leaves."))
        self.discard_button.setText(self.tr("Discard"))
        self.discard_button.setToolTip(self.tr("Delete this item; it never leaves."))
        self.send_button.setText(self.tr("Send now"))
        self.send_button.setToolTip(self.tr("Send the approved items to the collector now."))
        self.send_progress.setAccessibleName(self.tr("Sending progress"))
        # %v is the value, %m the maximum (Qt fills them in).
        self.send_progress.setFormat(self.tr("%v of %m"))
        self.cancel_send_button.setText(self.tr("Stop sending"))
        self.cancel_send_button.setAccessibleName(self.tr("Stop sending"))
        self.cancel_send_button.setToolTip(
            self.tr(
                "Stops before the next request; one already on its way is finished. What was "
                "not sent waits here."
            )
        )

    def _retranslate_history(self) -> None:
        """What was sent, and the deletion receipts."""
        self._history_box.setTitle(self.tr("What was sent"))
        self.sent_table.set_headers(
            (
                self.tr("Time"),
                self.tr("Method"),
                self.tr("Address"),
                self.tr("Sent"),
                self.tr("Received"),
                self.tr("Status"),
            )
        )
        self.sent_table.set_empty_text(self.tr("Nothing was ever uploaded."))
        self.sent_table.setAccessibleName(self.tr("Upload requests"))
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
        self._sent_caption.setText(self.tr("Upload requests (never their content):"))
        self._receipts_caption.setText(self.tr("Deletion requests and their receipts:"))

    def _retranslate_advanced(self) -> None:
        """The upload settings."""
        self.advanced_toggle.setText(self.tr("Advanced: upload settings"))
        self.url_edit.setAccessibleName(self.tr("Collector address"))
        self.collector_key_edit.setAccessibleName(self.tr("Collector key"))
        self.collector_key_edit.setPlaceholderText(
            self.tr("The collector's public sealing key (base64)")
        )
        self.notice_key_edit.setAccessibleName(self.tr("Notice key"))
        self.notice_key_edit.setPlaceholderText(self.tr("The key security notices are signed with"))
        for label, text in zip(
            self._row_labels,
            (self.tr("Collector &address:"), self.tr("Collector &key:"), self.tr("&Notice key:")),
            strict=True,
        ):
            label.setText(text)
        self.save_settings_button.setText(self.tr("Save upload settings"))
        self.review_check.setText(self.tr("Review each item before it leaves"))
        self.notices_check.setText(self.tr("Check for security notices"))
        self._notices_hint.setText(
            self.tr(
                "Asks the collector for signed security notices every 12 hours, even when you "
                "share nothing. Each check is one request, listed in the network log."
            )
        )

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
