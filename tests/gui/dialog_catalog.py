"""Every dialog class the GUI defines, found by import, with a way to build each for a test.

``discovered_dialogs`` imports every module under ``app.gui`` and lists each ``QDialog``
subclass defined there. ``CATALOG`` says, for each, how to build it and which of its
buttons would keep or share more (the less private choice), so a test can open all of them.
A dialog added to the app without an entry here makes the tests that use it fail: add one.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

import app.gui
from app.core.childmode import MIN_PIN_LENGTH, guardian_consent_text
from app.core.conversations import ConversationSummary
from app.core.errors import CorruptDatabase, KnownError
from app.gui.dialogs.app_lock_dialog import AppLockDialog
from app.gui.dialogs.crash_dialog import CrashDialog
from app.gui.dialogs.delete_dialog import DeleteDialog
from app.gui.dialogs.export_dialog import ExportDialog
from app.gui.dialogs.first_run_dialog import FirstRunDialog
from app.gui.dialogs.forget_me_dialog import ForgetMeDialog
from app.gui.dialogs.guardian_setup_dialog import GuardianSetupDialog
from app.gui.dialogs.import_dialog import ImportDialog
from app.gui.dialogs.keyring_dialog import KeyringDialog
from app.gui.dialogs.known_error_dialog import KnownErrorDialog
from app.gui.dialogs.my_data_dialog import MyDataDialog
from app.gui.dialogs.open_link_dialog import OpenLinkDialog
from app.gui.dialogs.outbox_edit_dialog import OutboxEditDialog
from app.gui.dialogs.passphrase_dialog import PassphraseDialog
from app.gui.dialogs.pin_dialog import PinDialog
from app.gui.dialogs.privacy_checkup_dialog import PrivacyCheckupDialog
from app.gui.dialogs.prompt_text_dialog import PromptTextDialog
from app.gui.dialogs.rekey_dialog import RekeyDialog
from app.gui.dialogs.search_dialog import SearchDialog
from app.gui.dialogs.store_error_dialog import StoreErrorDialog
from app.gui.dialogs.withdraw_dialog import WithdrawDialog

Factory = Callable[[QWidget, Path], QDialog]


@dataclass(frozen=True)
class Entry:
    """How to build one dialog, and the object names of its less private choices.

    ``less_private`` names the buttons (push buttons, checkboxes, radios) that would keep or
    share more than the alternatives the dialog offers: none of them may be pre-selected.
    Cancel, Close and Quit are not choices: they back out of what the user asked for.
    """

    build: Factory
    less_private: frozenset[str] = frozenset()


def _conversation(number: int) -> ConversationSummary:
    stamp = f"2026-11-2{number}T10:00:00+00:00"
    return ConversationSummary(f"c{number}", f"Chat {number}", stamp, stamp, 4, False)


def _delete(parent: QWidget, _tmp: Path) -> QDialog:
    import datetime as dt

    return DeleteDialog([_conversation(1), _conversation(2)], dt.date(2026, 11, 25), parent)


#: One or more entries per dialog class (a dialog with two modes is opened in each).
CATALOG: dict[type[QDialog], tuple[Entry, ...]] = {
    DeleteDialog: (Entry(_delete),),
    ExportDialog: (
        # Without a passphrase the export is a readable copy of everything.
        Entry(
            lambda p, tmp: ExportDialog(str(tmp / "export.json"), 12, p),
            frozenset({"exportButton"}),
        ),
    ),
    FirstRunDialog: (Entry(lambda p, _t: FirstRunDialog(p)),),
    ForgetMeDialog: (
        Entry(lambda p, tmp: ForgetMeDialog(str(tmp), "Stored now: 0 stored conversations.", p)),
    ),
    ImportDialog: (
        Entry(
            lambda p, _t: ImportDialog(p),
            frozenset({"importButton", "includeSensitiveCheck"}),
        ),
    ),
    AppLockDialog: (
        Entry(lambda p, _t: AppLockDialog(enabling=True, min_length=12, parent=p)),
        # Turning the lock off protects less: that OK is the less private choice.
        Entry(
            lambda p, _t: AppLockDialog(enabling=False, min_length=12, parent=p),
            frozenset({"appLockOkButton"}),
        ),
    ),
    CrashDialog: (Entry(lambda p, _t: CrashDialog(RuntimeError("probe"), p)),),
    GuardianSetupDialog: (
        Entry(lambda p, _t: GuardianSetupDialog(guardian_consent_text(), MIN_PIN_LENGTH, p)),
    ),
    PinDialog: (Entry(lambda p, _t: PinDialog("Changing a consent needs the guardian's PIN.", p)),),
    RekeyDialog: (
        Entry(lambda p, _t: RekeyDialog("keyring", p)),
        Entry(lambda p, _t: RekeyDialog("passphrase", p)),
    ),
    SearchDialog: (Entry(lambda p, _t: SearchDialog(p)),),
    # Issue 16: a link in a reply, and the system prompt or an edited prompt.
    OpenLinkDialog: (Entry(lambda p, _t: OpenLinkDialog("https://example.org/a?b=1", p)),),
    PromptTextDialog: (
        Entry(lambda p, _t: PromptTextDialog("System prompt", "Said first.", "", "Save", p)),
    ),
    KeyringDialog: (
        Entry(
            lambda p, _t: KeyringDialog("No keyring service is running.", p),
            frozenset({"usePassphraseButton"}),
        ),
    ),
    KnownErrorDialog: (
        Entry(
            lambda p, _t: KnownErrorDialog(KnownError("The disk is full.", hint="Free some."), p)
        ),
    ),
    MyDataDialog: (Entry(lambda p, _t: MyDataDialog(p)),),
    OutboxEditDialog: (Entry(lambda p, _t: OutboxEditDialog("[PERSON_1] asked about tides", p)),),
    PassphraseDialog: (
        Entry(lambda p, _t: PassphraseDialog(creating=False, min_length=12, parent=p)),
        Entry(lambda p, _t: PassphraseDialog(creating=True, min_length=12, parent=p)),
    ),
    PrivacyCheckupDialog: (
        Entry(lambda p, _t: PrivacyCheckupDialog("0 conversations", ["Keep conversations"], 90, p)),
    ),
    StoreErrorDialog: (
        Entry(lambda p, tmp: StoreErrorDialog(CorruptDatabase("Damaged.", bad_pages=(3,)), tmp, p)),
    ),
    WithdrawDialog: (
        # Asked after "keep my conversations" is withdrawn: keeping them is the less private
        # answer, deleting them the more private one; neither may be pre-selected.
        Entry(lambda p, _t: WithdrawDialog(3, p), frozenset({"keepHistoryButton"})),
    ),
}


def discovered_dialogs() -> set[type[QDialog]]:
    """Every QDialog subclass defined in a module of ``app.gui``, found by importing them all."""
    found: set[type[QDialog]] = set()
    for info in pkgutil.walk_packages(app.gui.__path__, f"{app.gui.__name__}."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, QDialog)
                and value.__module__ == module.__name__
            ):
                found.add(value)
    return found


def all_entries() -> list[tuple[str, Entry]]:
    """(a readable id, entry) for every way of opening every catalogued dialog."""
    return [
        (f"{cls.__name__}[{index}]" if len(entries) > 1 else cls.__name__, entry)
        for cls, entries in sorted(CATALOG.items(), key=lambda item: item[0].__name__)
        for index, entry in enumerate(entries)
    ]
