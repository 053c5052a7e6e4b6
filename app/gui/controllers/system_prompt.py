"""Loads and saves the default system prompt shown in Preferences, on the DB lane."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from app.gui.controllers.base import ErrorReporter, LaneController
from app.gui.ops.chat import load_default, save_default

if TYPE_CHECKING:
    from app.core.service import Confidant
    from app.gui.widgets.system_prompt_editor import SystemPromptEditor
    from app.gui.workers import WorkerPool


class DefaultSystemPromptController(LaneController):
    """Keeps a SystemPromptEditor in step with the stored default."""

    def __init__(
        self,
        editor: SystemPromptEditor,
        service: Confidant,
        db_lane: WorkerPool,
        report_error: ErrorReporter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(service, db_lane, report_error, parent)
        self.editor = editor
        editor.save_button.clicked.connect(self.save)

    @Slot()
    def refresh(self) -> None:
        """Show the stored default."""
        self.run(load_default, on_result=self._show)

    def _show(self, text: str) -> None:
        self.editor.text_edit.setPlainText(text)

    @Slot()
    def save(self) -> None:
        """Store what the box says; new conversations start with it."""
        self.run(save_default, self.editor.text_edit.toPlainText(), on_result=self._saved)

    def _saved(self, text: str) -> None:
        self._show(text)
        self.editor.status_label.setText(
            self.tr("Saved. New conversations start with it.")
            if text
            else self.tr("Saved. New conversations start without a system prompt.")
        )
