"""Fills the assistant page, saves it on the DB lane, and tests the connection on the I/O pool."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from app.core.assistant.registry import KINDS, OFFLINE, OPENAI_COMPAT
from app.core.errors import InputError, KnownError
from app.gui.controllers.base import ErrorReporter, PageController
from app.gui.controllers.guardian import GuardianGate
from app.gui.controllers.local_servers import LocalServerController
from app.gui.core_labels import core_label
from app.gui.i18n import follow_language
from app.gui.ops.provider import forget_key, load_status, log_requests, set_private_prompts
from app.gui.signals import emit
from app.gui.views.provider_page import ProviderPage
from app.gui.workers import WorkerPool

if TYPE_CHECKING:
    from typing import Self

    from PySide6.QtWidgets import QWidget

    from app.core.assistant.hub import ConnectionReport, ProviderStatus
    from app.core.service import Confidant
    from app.gui.controllers.base import PageContext
    from app.gui.shell_events import ShellEvents


@dataclass(frozen=True)
class ProviderForm:
    """What the page's fields say (the key only if one was typed)."""

    name: str
    base_url: str | None
    model: str | None
    api_key: str | None


# --- DB lane ---------------------------------------------------------------------------------


def save_provider(service: Confidant, form: ProviderForm) -> ProviderStatus:
    """Choose the provider and store its settings; the key goes to the keyring. DB lane."""
    return service.assistant.set_provider(
        form.name, base_url=form.base_url, model=form.model, api_key=form.api_key
    )


# --- I/O pool --------------------------------------------------------------------------------


def test_connection(service: Confidant, form: ProviderForm) -> ConnectionReport:
    """Ask the provider for its models. Runs on the I/O pool: no database is touched."""
    return service.assistant.test_connection(
        form.name, base_url=form.base_url, model=form.model, api_key=form.api_key
    )


# --- the page --------------------------------------------------------------------------------


class ProviderController(PageController):
    """Keeps a ProviderPage in step with the provider settings."""

    #: The chosen provider or its settings changed (the status bar names it again).
    changed = Signal()

    def __init__(
        self,
        view: ProviderPage,
        service: Confidant,
        db_lane: WorkerPool,
        io_pool: WorkerPool,
        report_error: ErrorReporter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(service, db_lane, report_error, parent)
        self.view = view
        self._io_pool = io_pool
        # Changing the assistant needs the guardian's PIN in child mode.
        self.guardian = GuardianGate(service, db_lane, report_error, view, self, io_pool)
        for name, kind in KINDS.items():
            view.provider_combo.addItem(core_label(kind.title), name)
        view.provider_combo.activated.connect(self._on_provider_chosen)
        view.save_button.clicked.connect(self.save)
        view.test_button.clicked.connect(self.test)
        view.forget_key_button.clicked.connect(self.forget_key)
        view.private_check.clicked.connect(self._on_private_clicked)
        # Issue 16: a server found on this computer fills the form; Save keeps it.
        self.local_servers = LocalServerController(
            view.local_finder, service, db_lane, io_pool, report_error, self
        )
        view.local_finder.serverChosen.connect(self._use_local_server)
        self._show_kind(OFFLINE)
        follow_language(view, self._retranslate)

    def _retranslate(self) -> None:
        """Name the providers in the new language, and compose the page's lines again."""
        combo = self.view.provider_combo
        for index in range(combo.count()):
            combo.setItemText(index, core_label(KINDS[str(combo.itemData(index))].title))
        self._show_kind(str(combo.currentData()))
        self.refresh()

    def _use_local_server(self, base_url: str, model: str) -> None:
        """Fill the form with a server found on this computer (issue 16)."""
        combo = self.view.provider_combo
        combo.setCurrentIndex(combo.findData(OPENAI_COMPAT))
        self.view.show_status("")
        self._show_kind(OPENAI_COMPAT)

        def fill(status: ProviderStatus) -> None:
            self._show_unsaved(status)  # the stored key stays; the server's place is new
            self.view.base_url_edit.setText(base_url)
            self.view.model_edit.setText(model)
            self.view.show_status(self.tr("Filled in from this computer; Save to use it."))

        self.run(load_status, OPENAI_COMPAT, on_result=fill)

    @Slot()
    @classmethod
    def for_page(cls, view: QWidget, context: PageContext) -> Self:
        """The controller of ``view``; its connection tests run on the I/O pool."""
        controller = cls(
            view,  # type: ignore[arg-type]
            context.service,
            context.db_lane,
            context.io_pool,
            context.report_error,
            context.parent,
        )
        controller.connect_events(context.events)
        return controller

    def connect_events(self, events: ShellEvents) -> None:
        """Tell the shell when the assistant changes."""
        self.changed.connect(events.providerChanged)

    def refresh(self) -> None:
        """Show the chosen provider's settings."""
        self.run(load_status, on_result=self._show)

    def form(self) -> ProviderForm:
        """The page's fields."""
        view = self.view
        name = str(view.provider_combo.currentData())
        kind = KINDS[name]
        return ProviderForm(
            name=name,
            base_url=(view.base_url_edit.text().strip() or None) if name != OFFLINE else None,
            model=(view.model_edit.text().strip() or None) if kind.needs_model else None,
            api_key=(view.api_key_edit.text().strip() or None) if kind.uses_api_key else None,
        )

    def _show(self, status: ProviderStatus) -> None:
        view = self.view
        index = view.provider_combo.findData(status.name)
        view.provider_combo.setCurrentIndex(max(index, 0))
        self._show_kind(status.name)
        kind = KINDS[status.name]
        view.base_url_edit.setText(status.base_url or kind.default_base_url or "")
        view.model_edit.setText(status.model or "")
        view.api_key_edit.clear()
        if status.has_api_key:
            view.key_status.setText(self.tr("A key is kept in your system keyring."))
        elif kind.needs_api_key:
            view.key_status.setText(self.tr("No key is stored (required)."))
        else:
            view.key_status.setText(
                self.tr("No key is stored (optional; local servers need none).")
            )
        view.forget_key_button.setEnabled(status.has_api_key)
        # The provider's label names its model and server; it comes from the core as it is.
        if status.name == OFFLINE:
            where = self.tr("Runs on this computer; nothing you type leaves it.")
        elif status.local:
            where = self.tr("{provider}: runs on this computer.").format(provider=status.label)
        else:
            where = self.tr("{provider}: your messages leave this computer for it.").format(
                provider=status.label
            )
        view.where_label.setText(where)
        view.private_check.setChecked(status.private_prompts)
        view.private_check.setEnabled(not status.private_prompts_forced)
        view.private_forced.setVisible(status.private_prompts_forced)

    def _show_kind(self, name: str) -> None:
        kind = KINDS[name]
        self.view.show_fields(
            base_url=kind.name != OFFLINE, model=kind.needs_model, api_key=kind.uses_api_key
        )
        self.view.base_url_edit.setPlaceholderText(kind.default_base_url or "")
        self.view.model_edit.setPlaceholderText(
            self.tr("e.g. {model}").format(model=kind.example_model) if kind.example_model else ""
        )
        self.view.api_key_edit.setPlaceholderText(
            self.tr("Paste a key to store it in your keyring") if kind.uses_api_key else ""
        )

    @Slot(int)
    def _on_provider_chosen(self, index: int) -> None:
        name = str(self.view.provider_combo.itemData(index))
        self.view.show_status("")
        self._show_kind(name)
        # Show what is stored for that provider; it is chosen only when saved.
        self.run(load_status, name, on_result=self._show_unsaved)

    def _show_unsaved(self, status: ProviderStatus) -> None:
        self._show(status)
        self.view.show_status(self.tr("Not saved yet: press Save to use this assistant."))

    # --- actions -----------------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        """Store the fields (and a typed key, in the keyring)."""
        self.view.save_button.setEnabled(False)
        self.guardian.run(
            save_provider,
            self.form(),
            on_result=self._on_saved,
            on_error=self._on_refused,
            on_cancel=self._on_save_cancelled,
        )

    def _on_saved(self, status: ProviderStatus) -> None:
        self.view.save_button.setEnabled(True)
        self._show(status)
        self.view.show_status(
            self.tr("Saved. The assistant is now {provider}.").format(provider=status.label)
        )
        emit(self.changed)

    def _on_refused(self, exc: object) -> None:
        self.view.save_button.setEnabled(True)
        self.view.test_button.setEnabled(True)
        if isinstance(exc, KnownError):
            self.view.show_error(exc.one_line())
        else:
            self._failed(exc)

    def _on_save_cancelled(self) -> None:
        # What was typed stays in the fields, marked as not saved, for the guardian to save.
        self.view.save_button.setEnabled(True)
        self.view.show_error(self.tr("Not saved: changing the assistant needs the guardian's PIN."))

    @Slot()
    def forget_key(self) -> None:
        """Remove the stored key of the provider on show."""
        name = str(self.view.provider_combo.currentData())
        self.guardian.run(
            forget_key,
            name,
            on_result=self._on_key_forgotten,
            on_error=self._on_refused,
            on_cancel=lambda: self.view.show_error(
                self.tr("The key was kept: removing it needs the guardian's PIN.")
            ),
        )

    def _on_key_forgotten(self, status: ProviderStatus) -> None:
        self._show(status)
        self.view.show_status(self.tr("The stored key was removed from your keyring."))
        emit(self.changed)

    @Slot(bool)
    def _on_private_clicked(self, on: bool) -> None:
        self.guardian.run(
            set_private_prompts,
            on,
            on_result=self._on_private_saved,
            on_error=self._on_private_refused,
            on_cancel=self.refresh,
        )

    def _on_private_refused(self, exc: object) -> None:
        # The box goes back to what is stored (child mode keeps private prompts on).
        self.refresh()
        self._on_refused(exc)

    def _on_private_saved(self, status: ProviderStatus) -> None:
        self.view.private_check.setChecked(status.private_prompts)
        self.view.show_status(
            self.tr("Private prompts are on.")
            if status.private_prompts
            else self.tr("Private prompts are off.")
        )
        emit(self.changed)

    @Slot()
    def test(self) -> None:
        """Ask the provider (with the fields as they are) for its models, off the GUI thread."""
        if self._io_pool.closed:
            return
        form = self.form()
        try:
            _check_form(form)
        except InputError as exc:
            self.view.show_error(exc.one_line())
            return
        self.view.test_button.setEnabled(False)
        self.view.show_status(self.tr("Testing the connection…"))
        # In child mode the test needs the guardian's PIN, asked like any guarded change.
        self.guardian.run(
            test_connection,
            form,
            on_result=self._on_tested,
            on_error=self._on_refused,
            on_cancel=self._on_test_cancelled,
            network=True,
        )

    def _on_test_cancelled(self) -> None:
        self.view.test_button.setEnabled(True)
        self.view.show_error(self.tr("Not tested: testing the assistant needs the guardian's PIN."))

    def _on_tested(self, report: ConnectionReport) -> None:
        self.view.test_button.setEnabled(True)
        if report.ok:
            self.view.show_status(report.message)
        else:
            self.view.show_error(report.message)
        self.run(log_requests)


def _check_form(form: ProviderForm) -> None:
    kind = KINDS[form.name]
    if kind.needs_base_url and not form.base_url:
        raise InputError(
            QCoreApplication.translate("ProviderController", "Enter the server's base URL first.")
        )
