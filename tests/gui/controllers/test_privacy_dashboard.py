"""The privacy dashboard on a real profile: counts, consent switches, withdrawal, the logs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from app.core.consent import Scope
from app.core.service import Confidant
from app.gui.application import Shell
from app.gui.controllers.privacy_dashboard import PrivacyDashboardController
from app.gui.dialogs.withdraw_dialog import WithdrawDialog
from app.gui.pages import CHAT_PAGE, PRIVACY_PAGE
from app.gui.views.privacy_dashboard import PrivacyDashboard
from tests.gui.shells import (
    SLOW_MS,
    ShellFactory,
    ask,
    click,
    click_tab,
    new_chat,
    open_page,
    ready_shell,
    send_chat,
    settle,
)


def _dashboard(qtbot: QtBot, shell: Shell) -> PrivacyDashboard:
    page = open_page(qtbot, shell, PRIVACY_PAGE)
    assert isinstance(page, PrivacyDashboard)
    return page


def _controller(shell: Shell) -> PrivacyDashboardController:
    controller = shell.window.controllers[PRIVACY_PAGE]
    assert isinstance(controller, PrivacyDashboardController)
    return controller


def _granted(qtbot: QtBot, shell: Shell, scope: Scope) -> bool:
    return ask(qtbot, shell, lambda service: service.ledger.is_granted(scope))


def _stored_conversations(qtbot: QtBot, shell: Shell) -> int:
    return len(ask(qtbot, shell, lambda service: service.chat.conversations()))


def _label(page: PrivacyDashboard, name: str) -> str:
    label = page.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def _save_conversations(qtbot: QtBot, shell: Shell, count: int) -> None:
    shell.window.show_page(CHAT_PAGE)
    for number in range(count):
        new_chat(qtbot, shell)
        send_chat(qtbot, shell, f"question {number} about the tides")


def test_the_dashboard_counts_three_saved_conversations(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    page = _dashboard(qtbot, shell)
    assert _label(page, "storedRows_conversations") == "0"
    click(qtbot, page.consent_card("store_conversations").switch)
    settle(qtbot, shell)
    assert _granted(qtbot, shell, Scope.STORE_CONVERSATIONS)

    _save_conversations(qtbot, shell, 3)
    page = _dashboard(qtbot, shell)

    assert _label(page, "storedRows_conversations") == "3"
    assert _label(page, "storedRows_messages") == "6"
    assert _label(page, "storedRows_consents") == "1"
    assert _label(page, "storedSize_messages").endswith(("bytes", "KB"))
    assert _label(page, "storedSize_messages") != "0 bytes"
    assert _label(page, "encryptedFileSize").startswith("Encrypted database files on disk: ")
    assert _label(page, "nextDeletion_conversations").endswith("(in 90 days)")
    assert "Conversations: 6 due" in page.timeline.summary()


def _count_clicks(
    qtbot: QtBot, shell: Shell, first: QPushButton | QLabel, reached: Callable[[], bool]
) -> int:
    """Click ``first``, then the default button of any dialog in the way, until ``reached``."""
    clicks = 1
    click(qtbot, first)
    settle(qtbot, shell)
    while not reached():
        dialog = QApplication.activeModalWidget()
        assert dialog is not None, "the change did not happen and nothing asks for more"
        default = next(b for b in dialog.findChildren(QPushButton) if b.isDefault())
        click(qtbot, default)
        clicks += 1
        settle(qtbot, shell)
        assert clicks < 10
    return clicks


def test_the_switches_drive_the_ledger_and_withdrawing_takes_no_more_clicks(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    page = _dashboard(qtbot, shell)
    for scope in Scope:
        card = page.consent_card(scope.value)
        assert not card.switch.isChecked(), "every consent starts off"
        assert card.title_label.text() and card.body_label.text()

        grant_clicks = _count_clicks(
            qtbot, shell, card.switch, lambda s=scope: _granted(qtbot, shell, s)
        )
        assert card.switch.isChecked()
        assert "On since" in card.state_label.text()
        if scope is Scope.STORE_CONVERSATIONS:
            _save_conversations(qtbot, shell, 1)  # so withdrawing has history to ask about
            page = _dashboard(qtbot, shell)

        withdraw_clicks = _count_clicks(
            qtbot, shell, card.switch, lambda s=scope: not _granted(qtbot, shell, s)
        )
        assert not card.switch.isChecked()
        assert "Off since" in card.state_label.text()
        assert withdraw_clicks <= grant_clicks, scope
        assert withdraw_clicks == 1, scope

        dialog = _controller(shell).withdraw_dialog
        if scope is Scope.STORE_CONVERSATIONS:
            # The question about the history comes after the withdrawal, which is done.
            assert isinstance(dialog, WithdrawDialog) and dialog.isVisible()
            dialog.reject()
            settle(qtbot, shell)
        else:
            assert dialog is None
    events = [e.kind for e in ask(qtbot, shell, lambda service: service.data.audit_events())]
    assert events.count("consent.granted") == 3
    assert events.count("consent.withdrawn") == 3


def _withdraw_with_history(qtbot: QtBot, shell: Shell) -> WithdrawDialog:
    page = _dashboard(qtbot, shell)
    click(qtbot, page.consent_card("store_conversations").switch)
    settle(qtbot, shell)
    dialog = _controller(shell).withdraw_dialog
    assert isinstance(dialog, WithdrawDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=SLOW_MS)
    return dialog


def test_withdrawing_leans_neither_way_closing_keeps_and_delete_empties_it(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    page = _dashboard(qtbot, shell)
    click(qtbot, page.consent_card("store_conversations").switch)
    settle(qtbot, shell)
    _save_conversations(qtbot, shell, 2)

    dialog = _withdraw_with_history(qtbot, shell)
    assert not _granted(qtbot, shell, Scope.STORE_CONVERSATIONS)
    # No nudge either way: neither answer is the default, and Enter chooses nothing.
    assert not dialog.keep_button.isDefault() and not dialog.delete_button.isDefault()
    assert not dialog.keep_button.hasFocus() and not dialog.delete_button.hasFocus()
    question = dialog.findChild(QLabel, "withdrawQuestion")
    assert "2 stored conversations" in question.text()
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
    settle(qtbot, shell)
    assert dialog.isVisible() and _stored_conversations(qtbot, shell) == 2
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # closing keeps them
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SLOW_MS)
    settle(qtbot, shell)
    assert _stored_conversations(qtbot, shell) == 2

    # New conversations are no longer kept.
    _save_conversations(qtbot, shell, 1)
    assert shell.window.save_status_label.text() == "Not saved"
    assert _stored_conversations(qtbot, shell) == 2

    page = _dashboard(qtbot, shell)
    click(qtbot, page.consent_card("store_conversations").switch)
    settle(qtbot, shell)
    dialog = _withdraw_with_history(qtbot, shell)
    click(qtbot, dialog.delete_button)
    settle(qtbot, shell)
    assert _stored_conversations(qtbot, shell) == 0
    assert ask(qtbot, shell, lambda service: service.chat.stored_message_count()) == 0
    assert _label(page, "storedRows_conversations") == "0"
    assert not _granted(qtbot, shell, Scope.STORE_CONVERSATIONS)


def test_the_audit_search_filters_the_privacy_log(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    page = _dashboard(qtbot, shell)
    click(qtbot, page.consent_card("research").switch)
    settle(qtbot, shell)
    click(qtbot, page.consent_card("research").switch)
    settle(qtbot, shell)
    click_tab(qtbot, page.tabs, "Privacy log")
    qtbot.waitUntil(lambda: page.audit_table.rowCount() >= 2, timeout=SLOW_MS)
    everything = page.audit_table.row_texts()
    assert any(row[1] == "Consent given" for row in everything)

    qtbot.keyClicks(page.audit_search, "withdrawn")
    qtbot.waitUntil(lambda: page.audit_table.rowCount() == 1, timeout=SLOW_MS)
    assert page.audit_table.row_texts()[0][1] == "Consent withdrawn"
    assert "scope: research" in page.audit_table.row_texts()[0][2]

    page.audit_search.clear()
    qtbot.keyClicks(page.audit_search, "no-such-event-xyz")
    qtbot.waitUntil(lambda: page.audit_table.rowCount() == 0, timeout=SLOW_MS)
    assert _label(page, "auditCount") == "0 matching events"

    page.audit_search.clear()
    qtbot.waitUntil(lambda: page.audit_table.rowCount() == len(everything), timeout=SLOW_MS)


def test_a_retention_preset_is_stored_and_shown(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    page = _dashboard(qtbot, shell)
    click_tab(qtbot, page.tabs, "Retention")
    combo, _due = page.retention_rows["conversations"][1:]
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "30 days",
        "90 days",
        "1 year",
        "3 years",
    ]
    assert combo.currentText() == "90 days"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Up)  # 90 days -> 30 days, as a user would
    settle(qtbot, shell)
    days = ask(
        qtbot,
        shell,
        lambda service: {s.data_class: s.days for s in service.data.retention_schedule()},
    )
    assert days["conversations"] == 30
    assert combo.currentText() == "30 days"
    assert not page.retention_rows["outbox"][1].isEnabled()
