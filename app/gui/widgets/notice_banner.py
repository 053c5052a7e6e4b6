"""A banner for one verified security notice, with a button that marks it read."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.gui.i18n import follow_language
from app.gui.signals import emit

_SEVERITY_COLOURS = {
    "critical": ("#fdecea", "#b71c1c"),
    "high": ("#fdecea", "#b71c1c"),
    "medium": ("#fff4e5", "#8a4b00"),
}
_DEFAULT_COLOURS = ("#e8f1fb", "#154a85")


class NoticeBanner(QFrame):
    """Shows a notice's title and body as plain text; emits ``dismissed(notice_id)``."""

    dismissed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._notice_id = ""
        #: What is on show (severity, title, body, more), to say again in another language.
        self._shown: tuple[str, str, str, int] | None = None

        self.title_label = QLabel(self)
        self.title_label.setObjectName("noticeTitle")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setWordWrap(True)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        # Notice text comes from the network: signed, but still never interpreted as markup.
        self.body_label = QLabel(self)
        self.body_label.setObjectName("noticeBody")
        self.body_label.setTextFormat(Qt.TextFormat.PlainText)
        self.body_label.setWordWrap(True)
        self.more_label = QLabel(self)
        self.more_label.setObjectName("noticeMore")
        self.more_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dismiss_button = QPushButton(self)
        self.dismiss_button.setObjectName("noticeDismissButton")

        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title_label)
        text.addWidget(self.body_label)
        text.addWidget(self.more_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(text, 1)
        layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)

        self.dismiss_button.clicked.connect(self._on_dismiss)
        self.retranslate()
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        """Set every text in the interface language (the notice itself is as it came)."""
        self.setAccessibleName(self.tr("Security notice"))
        self.dismiss_button.setText(self.tr("Dismiss"))
        self.dismiss_button.setAccessibleName(self.tr("Dismiss this notice"))
        if self._shown is not None:
            self._show_texts(*self._shown)

    @property
    def notice_id(self) -> str:
        """The id of the notice on show ("" when none)."""
        return self._notice_id

    def show_notice(
        self, notice_id: str, severity: str, title: str, body: str, more: int = 0
    ) -> None:
        """Show one notice; ``more`` says how many others are waiting behind it."""
        self._notice_id = notice_id
        background, foreground = _SEVERITY_COLOURS.get(severity.lower(), _DEFAULT_COLOURS)
        self.setStyleSheet(
            f"QFrame#noticeBanner {{ background: {background}; border: 1px solid {foreground};"
            " border-radius: 4px; }"
            f" QFrame#noticeBanner QLabel {{ color: {foreground}; }}"
        )
        self._shown = (severity, title, body, more)
        self._show_texts(severity, title, body, more)
        self.dismiss_button.setEnabled(True)
        self.show()

    def _show_texts(self, severity: str, title: str, body: str, more: int) -> None:
        self.title_label.setText(
            self.tr("Security notice ({severity}): {title}").format(severity=severity, title=title)
        )
        self.body_label.setText(body)
        self.more_label.setText(self.tr("%n more after this one.", "", more) if more else "")
        self.more_label.setVisible(bool(more))

    @Slot()
    def _on_dismiss(self) -> None:
        self.dismiss_button.setEnabled(False)
        emit(self.dismissed, self._notice_id)
