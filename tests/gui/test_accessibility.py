"""Every control has a name a screen reader can say: a walk over every page, menu and dialog.

The main window runs on a real profile. Every page (and each of its tabs and folded parts) is
shown, every menu opened, and every dialog class in ``app.gui.dialogs`` constructed, found by
importing the package, so a new dialog is covered without touching this file: the app's own
actions open the dialogs they own, and ``RECIPES`` builds the rest the way the app does. A
dialog class with neither fails the test, naming itself.

Strict on purpose: a control counts as named only if ``accessibleName()`` is set, or, for a
button, if it shows text (which Qt itself reads out). A buddy label does not count.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

import app.gui.dialogs
from app.core.childmode import MIN_PIN_LENGTH, guardian_consent_text
from app.core.errors import (
    CorruptDatabase,
    DiskFull,
    KeyringUnavailable,
    NewerSchema,
    StorageError,
    WrongKey,
)
from app.core.service import Confidant
from app.gui.application import Shell
from app.gui.controllers.privacy_checkup import checkup_prompt
from app.gui.main_window import MainWindow
from app.gui.pages import PAGES
from tests.gui.shells import SLOW_MS, ShellFactory, ask, ready_shell, send_chat, settle
from tests.gui.widget_walk import controls, describe, page_variants


def unnamed(root: QWidget) -> list[str]:
    """The visible controls under ``root`` that a screen reader could not name."""
    missing = []
    for widget in controls(root):
        if widget.accessibleName().strip():
            continue
        if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
            continue
        missing.append(describe(widget))
    return missing


def dialog_classes() -> dict[str, type[QDialog]]:
    """Every QDialog subclass defined in a module of ``app.gui.dialogs``."""
    found: dict[str, type[QDialog]] = {}
    for info in pkgutil.iter_modules(app.gui.dialogs.__path__):
        module = importlib.import_module(f"app.gui.dialogs.{info.name}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, QDialog)
                and value.__module__ == module.__name__
            ):
                found[value.__name__] = value
    return found


@dataclass
class Context:
    """What a recipe needs: the window and a few facts read from the real profile."""

    window: MainWindow
    profile_dir: Path
    min_length: int
    checkup: tuple[str, tuple[str, ...], int]


def _recipes() -> dict[str, Callable[[Context], list[QDialog]]]:
    # Imported here, so that importing this module does not build anything.
    from app.gui.dialogs.app_lock_dialog import AppLockDialog
    from app.gui.dialogs.crash_dialog import CrashDialog
    from app.gui.dialogs.first_run_dialog import FirstRunDialog
    from app.gui.dialogs.guardian_setup_dialog import GuardianSetupDialog
    from app.gui.dialogs.keyring_dialog import KeyringDialog
    from app.gui.dialogs.known_error_dialog import KnownErrorDialog
    from app.gui.dialogs.my_data_dialog import MyDataDialog
    from app.gui.dialogs.open_link_dialog import OpenLinkDialog
    from app.gui.dialogs.outbox_edit_dialog import OutboxEditDialog
    from app.gui.dialogs.passphrase_dialog import PassphraseDialog
    from app.gui.dialogs.pin_dialog import PinDialog
    from app.gui.dialogs.privacy_checkup_dialog import PrivacyCheckupDialog
    from app.gui.dialogs.prompt_text_dialog import PromptTextDialog
    from app.gui.dialogs.store_error_dialog import StoreErrorDialog
    from app.gui.dialogs.withdraw_dialog import WithdrawDialog

    def crash(c: Context) -> list[QDialog]:
        try:
            raise RuntimeError("probe")
        except RuntimeError as exc:
            return [CrashDialog(exc, c.window)]

    return {
        # The shell's start-up flow (application.py).
        "FirstRunDialog": lambda c: [FirstRunDialog(c.window)],
        "KeyringDialog": lambda c: [
            KeyringDialog("The only keyring here keeps secrets in a plain file.", c.window)
        ],
        "PassphraseDialog": lambda c: [
            PassphraseDialog(creating=True, min_length=c.min_length, parent=c.window),
            PassphraseDialog(creating=False, min_length=c.min_length, parent=c.window),
        ],
        "StoreErrorDialog": lambda c: [
            StoreErrorDialog(error, c.profile_dir, c.window)
            for error in (
                WrongKey("The key does not open the store."),
                CorruptDatabase("The store is damaged.", bad_pages=(3, 4)),
                NewerSchema("A newer version wrote this store."),
                KeyringUnavailable("The keyring is locked."),
                DiskFull("The disk is full."),
                StorageError("The store could not be read."),
            )
        ],
        # MainWindow.show_error, and the crash hooks.
        "KnownErrorDialog": lambda c: [KnownErrorDialog(DiskFull("The disk is full."), c.window)],
        "CrashDialog": crash,
        # Issue 16: a link in a reply; the system prompt and an edited prompt.
        "OpenLinkDialog": lambda c: [OpenLinkDialog("https://example.org/a?b=1", c.window)],
        "PromptTextDialog": lambda c: [
            PromptTextDialog("System prompt", "Said first.", "", "Save", c.window)
        ],
        # The privacy checkup, the dashboard's withdrawal and the outbox's edit.
        "PrivacyCheckupDialog": lambda c: [PrivacyCheckupDialog(*c.checkup, c.window)],
        # Preferences: turning the app lock on or off.
        "AppLockDialog": lambda c: [
            AppLockDialog(enabling=True, min_length=c.min_length, parent=c.window),
            AppLockDialog(enabling=False, min_length=c.min_length, parent=c.window),
        ],
        # The Guardian page: setting child mode up, and the PIN for a guarded change.
        "GuardianSetupDialog": lambda c: [
            GuardianSetupDialog(guardian_consent_text(), MIN_PIN_LENGTH, c.window)
        ],
        "PinDialog": lambda c: [
            PinDialog("Changing a consent needs the guardian's PIN.", c.window)
        ],
        "WithdrawDialog": lambda c: [WithdrawDialog(2, c.window)],
        # The child's My data (the toolbar, in child mode).
        "MyDataDialog": lambda c: [MyDataDialog(c.window)],
        "OutboxEditDialog": lambda c: [
            OutboxEditDialog("user: which pear keeps longest?", c.window)
        ],
    }


def _checkup(service: Confidant) -> tuple[str, tuple[str, ...], int]:
    prompt = checkup_prompt(service)
    if prompt is not None:
        return prompt.stored, prompt.consents_on, prompt.interval_days
    return "2 conversations (4 messages)", ("Keep my conversations",), 90


def _opened_by_the_app(qtbot: QtBot, shell: Shell) -> dict[str, Callable[[], QDialog | None]]:
    """Dialogs that the window's own actions open, each with how to find it once open."""
    window = shell.window
    data = window.data
    assert data is not None
    menu = data.menu

    def by(
        action: Callable[[], object], found: Callable[[], QDialog | None]
    ) -> Callable[[], QDialog | None]:
        def open_it() -> QDialog | None:
            action()
            qtbot.waitUntil(lambda: found() is not None and found().isVisible(), timeout=SLOW_MS)  # type: ignore[union-attr]
            return found()

        return open_it

    def search_dialog() -> QDialog | None:
        return window.chat_page.search.dialog if window.chat_page.search is not None else None

    return {
        "export": by(menu.export_action.trigger, lambda: data.dialog),
        "import": by(menu.import_action.trigger, lambda: data.dialog),
        "delete": by(menu.delete_action.trigger, lambda: data.dialog),
        "forget me": by(menu.forget_action.trigger, lambda: data.dialog),
        "change key": by(menu.rekey_action.trigger, lambda: data.dialog),
        "search": by(window.search_action.trigger, search_dialog),
    }


def _close(qtbot: QtBot, shell: Shell, dialog: QDialog) -> None:
    dialog.reject()
    dialog.close()
    settle(qtbot, shell)


@pytest.mark.slow
# A menu that pops up asks the window system to raise it and give it the keyboard; the
# offscreen platform cannot, and says so.
@pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|grabbing the keyboard)$")
def test_every_control_has_an_accessible_name(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant], profile_dir: Path
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    window = shell.window
    ask(qtbot, shell, lambda service: service.consent.grant("store_conversations"))
    send_chat(qtbot, shell, "which pear keeps longest through the winter?")
    problems: dict[str, list[str]] = {}

    # Every page, in each of its states, with the window around it.
    for key, _label, _shortcut in PAGES:
        window.show_page(key)
        settle(qtbot, shell)
        for name, arrange in page_variants(window.pages[key]):
            arrange()
            settle(qtbot, shell)
            found = unnamed(window)
            if found:
                problems[f"page {key}, {name}"] = found

    # Every menu: each entry is read out by its text.
    for entry in window.menuBar().actions():
        menu = entry.menu()
        if menu is None:
            continue
        menu.popup(window.mapToGlobal(QPoint(20, 20)))
        qtbot.waitUntil(menu.isVisible, timeout=SLOW_MS)
        untitled = [
            action.objectName() or "(no object name)"
            for action in menu.actions()
            if not action.isSeparator() and not action.text().replace("&", "").strip()
        ]
        untitled += unnamed(menu)
        if untitled:
            problems[f"menu {entry.text()}"] = untitled
        menu.close()

    # Every dialog class: opened by the app where it can be, otherwise built as the app does.
    covered: set[type[QDialog]] = set()
    for name, open_it in _opened_by_the_app(qtbot, shell).items():
        dialog = open_it()
        assert dialog is not None
        covered.add(type(dialog))
        found = unnamed(dialog)
        if found:
            problems[f"dialog {type(dialog).__name__} ({name})"] = found
        _close(qtbot, shell, dialog)

    context = Context(
        window=window,
        profile_dir=profile_dir,
        min_length=ask(qtbot, shell, lambda service: service.min_passphrase_length),
        checkup=ask(qtbot, shell, _checkup),
    )
    recipes = _recipes()
    for class_name, cls in sorted(dialog_classes().items()):
        if cls in covered:
            continue
        recipe = recipes.get(class_name)
        if recipe is None:
            problems[f"dialog {class_name}"] = [
                "no recipe: add one to RECIPES in tests/gui/test_accessibility.py"
            ]
            continue
        for index, dialog in enumerate(recipe(context)):
            assert isinstance(dialog, cls)
            dialog.show()
            qtbot.waitUntil(dialog.isVisible, timeout=SLOW_MS)
            found = unnamed(dialog)
            if found:
                problems[f"dialog {class_name} #{index}"] = found
            dialog.close()
            dialog.deleteLater()
        covered.add(cls)

    report = "\n".join(f"{where}: {', '.join(found)}" for where, found in problems.items())
    assert not problems, f"Controls without an accessible name:\n{report}"
    assert covered == set(dialog_classes().values())
    QApplication.processEvents()
