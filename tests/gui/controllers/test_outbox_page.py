"""The outbox page against the loopback collector: nothing leaves before the user approves."""

from __future__ import annotations

import json
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from app.core.consent import Scope
from app.core.service import Confidant
from app.gui.application import Shell
from app.gui.controllers.outbox_page import OutboxController
from app.gui.dialogs.outbox_edit_dialog import OutboxEditDialog
from app.gui.pages import CHAT_PAGE, OUTBOX_PAGE, PRIVACY_PAGE
from app.gui.views.outbox_page import OutboxPage
from tests.gui.shells import (
    SLOW_MS,
    ShellFactory,
    ask,
    click,
    open_page,
    ready_shell,
    send_chat,
    settle,
)
from tests.helpers.collector import Collector

SIGNAL = {
    "kind": "learning_signal",
    "signals": ["espalier", "cordon pruning"],
    "language": "en",
    "created_day": "2026-11-24",
}


def _outbox(qtbot: QtBot, shell: Shell) -> OutboxPage:
    page = open_page(qtbot, shell, OUTBOX_PAGE)
    assert isinstance(page, OutboxPage)
    return page


def _share_for_training(qtbot: QtBot, shell: Shell) -> None:
    page = open_page(qtbot, shell, PRIVACY_PAGE)
    click(qtbot, page.consent_card(Scope.SHARE_FOR_TRAINING.value).switch)  # type: ignore[attr-defined]
    settle(qtbot, shell)
    assert ask(qtbot, shell, lambda service: service.ledger.is_granted(Scope.SHARE_FOR_TRAINING))


def _configure_in_the_advanced_section(
    qtbot: QtBot, page: OutboxPage, shell: Shell, collector: Collector
) -> None:
    click(qtbot, page.advanced_toggle)
    assert page.advanced.isVisible()
    assert page.review_check.isChecked(), "review is on by default"
    assert not page.notices_check.isChecked()
    qtbot.keyClicks(page.url_edit, collector.url)
    qtbot.keyClicks(page.collector_key_edit, collector.collector_key_b64)
    qtbot.keyClicks(page.notice_key_edit, collector.notice_key_b64)
    click(qtbot, page.save_settings_button)
    settle(qtbot, shell)
    assert page.settings_error.isHidden()


def test_review_holds_items_until_approved_in_the_outbox(
    qtbot: QtBot,
    make_shell: ShellFactory,
    facade: Callable[[], Confidant],
    collector: Collector,
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    page = _outbox(qtbot, shell)
    assert "nothing is ever sent" in page.status_label.text()
    _configure_in_the_advanced_section(qtbot, page, shell, collector)
    _share_for_training(qtbot, shell)

    def queue(service: Confidant) -> str:
        decision = service.upstream.gate.submit_payload(
            Scope.SHARE_FOR_TRAINING, "learning_signal", SIGNAL, None
        )
        assert decision.item is not None
        return decision.item.payload

    payload = ask(qtbot, shell, queue)
    page = _outbox(qtbot, shell)
    assert page.items_table.row_texts()[0][:2] == ["To review", "Learning signal"]
    assert page.payload_view.toPlainText() == payload  # exactly what would be sent
    assert not page.edit_button.isEnabled()  # only conversation text can be edited

    click(qtbot, page.send_button)
    settle(qtbot, shell)
    assert collector.request_count() == 0
    assert "still waits for your review" in page.send_result.text()

    click(qtbot, page.approve_button)
    settle(qtbot, shell)
    assert page.items_table.row_texts()[0][0] == "Approved"
    assert collector.request_count() == 0

    click(qtbot, page.send_button)
    settle(qtbot, shell)
    assert collector.request_count() == 1
    assert collector.request_count("/v1/contributions") == 1
    [received] = collector.received.items.values()
    assert {k: v for k, v in received.items() if k != "_contributor"} == json.loads(payload)
    assert page.send_result.text().startswith("Sent 1 item.")
    assert page.items_table.rowCount() == 0
    [sent] = page.sent_table.row_texts()
    assert sent[1:3] == ["POST", f"{collector.url}/v1/contributions"] and sent[5] == "200"


def test_discard_removes_an_item_that_never_leaves(
    qtbot: QtBot,
    make_shell: ShellFactory,
    facade: Callable[[], Confidant],
    collector: Collector,
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    ask(
        qtbot,
        shell,
        lambda service: service.upstream.configure(
            collector.url, collector.collector_key_b64, collector.notice_key_b64
        ),
    )
    _share_for_training(qtbot, shell)
    ask(
        qtbot,
        shell,
        lambda service: service.upstream.gate.submit_payload(
            Scope.SHARE_FOR_TRAINING, "learning_signal", SIGNAL, None
        ),
    )
    page = _outbox(qtbot, shell)
    assert page.items_table.rowCount() == 1
    click(qtbot, page.discard_button)
    settle(qtbot, shell)
    assert page.items_table.rowCount() == 0 and page.payload_view.toPlainText() == ""
    click(qtbot, page.send_button)
    settle(qtbot, shell)
    assert collector.request_count() == 0
    kinds = [e.kind for e in ask(qtbot, shell, lambda service: service.data.audit_events())]
    assert "upload.discarded" in kinds


def test_a_chat_turn_is_edited_then_approved_and_sent(
    qtbot: QtBot,
    make_shell: ShellFactory,
    facade: Callable[[], Confidant],
    collector: Collector,
) -> None:
    """The whole path: chat -> gate (anonymizer) -> outbox -> edit -> approve -> collector."""
    shell = ready_shell(qtbot, make_shell, facade)
    ask(
        qtbot,
        shell,
        lambda service: service.upstream.configure(
            collector.url, collector.collector_key_b64, collector.notice_key_b64
        ),
    )
    _share_for_training(qtbot, shell)
    open_page(qtbot, shell, CHAT_PAGE)
    send_chat(qtbot, shell, "Write to zeb.canary@example.org: which apple variety keeps longest?")

    page = _outbox(qtbot, shell)
    assert page.items_table.rowCount() == 1, "the chat turn should be queued for review"
    assert page.items_table.row_texts()[0][:2] == ["To review", "Conversation"]
    payload = page.payload_view.toPlainText()
    assert "zeb.canary@example.org" not in payload
    assert "apple variety" in payload

    controller = shell.window.controllers[OUTBOX_PAGE]
    assert isinstance(controller, OutboxController)
    click(qtbot, page.edit_button)
    dialog = controller.edit_dialog
    assert isinstance(dialog, OutboxEditDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=SLOW_MS)
    dialog.editor.selectAll()
    qtbot.keyClicks(dialog.editor, "user: which fruit keeps longest?")
    click(qtbot, dialog.save_button)
    settle(qtbot, shell)
    edited = page.payload_view.toPlainText()
    assert "apple variety" not in edited and "which fruit keeps longest?" in edited
    assert collector.request_count() == 0

    click(qtbot, page.approve_button)
    click(qtbot, page.send_button)
    settle(qtbot, shell)
    [received] = collector.received.items.values()
    assert "apple variety" not in received["text"]
    assert "which fruit keeps longest?" in received["text"]
