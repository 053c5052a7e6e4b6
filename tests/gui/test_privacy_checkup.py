"""The privacy checkup: asked when due, never pushing the less private choice."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.core.clock import FixedClock
from app.core.service import Confidant
from app.gui.application import Shell
from app.gui.dialogs.privacy_checkup_dialog import PrivacyCheckupDialog
from app.gui.pages import PRIVACY_PAGE
from tests.gui.shells import SLOW_MS, ShellFactory, ask, click, ready_shell, settle

START = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)


def _shell_with_checkup_due(
    qtbot: QtBot, make_shell: ShellFactory, profile_dir: Path
) -> tuple[Shell, PrivacyCheckupDialog]:
    clock = FixedClock(START)
    created = Confidant(profile_dir, clock=clock)
    created.open()
    created.consent.grant("store_conversations")
    created.close()
    clock.advance(dt.timedelta(days=91))
    shell = ready_shell(qtbot, make_shell, lambda: Confidant(profile_dir, clock=clock))
    checkup = shell.window.checkup
    assert checkup is not None
    qtbot.waitUntil(lambda: checkup.dialog is not None, timeout=SLOW_MS)
    dialog = checkup.dialog
    assert isinstance(dialog, PrivacyCheckupDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=SLOW_MS)
    return shell, dialog


def test_later_closes_the_checkup_and_changes_nothing(
    qtbot: QtBot, make_shell: ShellFactory, profile_dir: Path
) -> None:
    shell, dialog = _shell_with_checkup_due(qtbot, make_shell, profile_dir)
    assert not dialog.isModal(), "the chat stays usable while the checkup is open"
    assert shell.window.chat.prompt.isEnabled()
    assert dialog.review_button.isDefault() and not dialog.later_button.isDefault()
    consents = dialog.findChild(QLabel, "checkupConsents")
    assert consents is not None and "Keep my conversations on this computer" in consents.text()
    stored = dialog.findChild(QLabel, "checkupStored")
    assert stored is not None and "0 conversations" in stored.text()

    click(qtbot, dialog.later_button)
    qtbot.waitUntil(lambda: shell.window.checkup.dialog is None, timeout=SLOW_MS)  # type: ignore[union-attr]
    settle(qtbot, shell)
    assert shell.window.current_page() != PRIVACY_PAGE
    assert ask(qtbot, shell, lambda service: service.data.privacy_checkup_due())
    granted = ask(qtbot, shell, lambda service: [s.granted for s in service.consent.consents()])
    assert granted == [True, False, False]


def test_review_now_opens_the_dashboard_and_completes_the_checkup(
    qtbot: QtBot, make_shell: ShellFactory, profile_dir: Path
) -> None:
    shell, dialog = _shell_with_checkup_due(qtbot, make_shell, profile_dir)
    click(qtbot, dialog.review_button)
    settle(qtbot, shell)
    assert shell.window.current_page() == PRIVACY_PAGE
    assert not ask(qtbot, shell, lambda service: service.data.privacy_checkup_due())


def test_no_checkup_on_a_fresh_profile(
    qtbot: QtBot, make_shell: ShellFactory, profile_dir: Path
) -> None:
    shell = ready_shell(qtbot, make_shell, lambda: Confidant(profile_dir))
    settle(qtbot, shell)
    assert shell.window.checkup is not None and shell.window.checkup.dialog is None
