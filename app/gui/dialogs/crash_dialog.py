"""A bug in Confidant: what happened, and a redacted report the user may copy. Nothing is sent."""

from __future__ import annotations

from types import TracebackType

from PySide6.QtCore import Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.crash_report import build_report, runtime_versions
from app.gui.dialogs.parts import Role, add_button
from app.gui.widgets.labels import heading, plain_label


def qt_versions() -> str:
    """The Qt version the report names, with the PySide6 binding's own."""
    import PySide6
    from PySide6.QtCore import qVersion

    return f"{qVersion()} (PySide6 {PySide6.__version__})"


class CrashDialog(QDialog):
    """Shows the report of an unexpected error; Copy report puts it on the clipboard.

    The report is built here, once, from the exception and its traceback (never from local
    variables); the dialog does not keep the exception itself. The report stays in English:
    it is written for whoever fixes the bug.
    """

    def __init__(
        self,
        error: BaseException,
        parent: QWidget | None = None,
        *,
        where: str = "",
        tb: TracebackType | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("Confidant: internal error"))
        self._report = build_report(
            error, versions=runtime_versions(qt_versions()), where=where, tb=tb
        )

        texts = self._build_texts()
        self.report_view = self._build_report_view()
        self.copied_label = plain_label("", self, "crashCopied", hint=True)
        buttons = self._build_buttons()

        layout = QVBoxLayout(self)
        for text in texts:
            layout.addWidget(text)
        layout.addWidget(self.report_view, 1)
        layout.addWidget(self.copied_label)
        layout.addWidget(buttons)
        lines = self.report_view.fontMetrics().lineSpacing()
        self.setMinimumSize(self.fontMetrics().averageCharWidth() * 80, lines * 24)

    def _build_texts(self) -> list[QWidget]:
        """The title, what a bug here means, and that nothing is sent."""
        title = heading(self.tr("Confidant ran into an internal error."), self, 1.15, wrap=True)
        explanation = plain_label(
            self.tr(
                "This is a bug in Confidant, not something you did. The report below says which "
                "error it was and where in Confidant's code it happened. Your messages, names, "
                "files and settings are left out of it."
            ),
            self,
        )
        self.nothing_sent = plain_label(
            self.tr(
                "Nothing has been sent, and nothing will be: Confidant has no way to send this "
                "report. If you want to tell us about the bug, copy the report and paste it into "
                "your message."
            ),
            self,
            "crashNothingSent",
        )
        return [title, explanation, self.nothing_sent]

    def _build_report_view(self) -> QPlainTextEdit:
        """The report, read-only, in a fixed font, unwrapped (it is code and paths)."""
        view = QPlainTextEdit(self)
        view.setObjectName("crashReport")
        view.setAccessibleName(self.tr("Crash report"))
        view.setReadOnly(True)
        view.setTabChangesFocus(True)
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        view.setPlainText(self._report)
        return view

    def _build_buttons(self) -> QDialogButtonBox:
        """Copy report, and Close (the default)."""
        buttons = QDialogButtonBox(self)
        self.copy_button = add_button(
            buttons,
            self.tr("&Copy report"),
            Role.ActionRole,
            "copyReportButton",
            accessible=self.tr("Copy the report to the clipboard"),
        )
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("closeButton")
        self.close_button.setDefault(True)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        return buttons

    @property
    def report(self) -> str:
        """The report's text, exactly as shown and copied."""
        return self._report

    @Slot()
    def copy_report(self) -> None:
        """Put the report on the clipboard (only when the user asks)."""
        QGuiApplication.clipboard().setText(self._report)
        self.copied_label.setText(self.tr("The report is on the clipboard."))
