"""Progress for long jobs: the status bar for background work, uploads, and a new key."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.core.service import Confidant
from app.core.upstream.client import FlushResult
from app.gui.application import Shell
from app.gui.background import HOUR_MS, Timings
from app.gui.dialogs.rekey_dialog import DONE, RekeyDialog
from app.gui.pages import OUTBOX_PAGE
from app.gui.views.outbox_page import OutboxPage
from app.gui.widgets.job_progress import JobProgress
from tests.gui.shells import SLOW_MS, ShellFactory, ask, click, open_page, ready_shell, settle
from tests.helpers.collector import Collector

QUIET = Timings(purge_ms=HOUR_MS, flush_ms=HOUR_MS, notices_ms=HOUR_MS)


@contextmanager
def lane_held(shell: Shell) -> Iterator[None]:
    """Keep the DB lane busy with a job that waits, so what is queued next waits too."""
    release = threading.Event()
    started = threading.Event()

    def hold() -> None:
        started.set()
        release.wait(SLOW_MS / 1000)

    shell.db_lane.submit(hold)
    assert started.wait(SLOW_MS / 1000)
    try:
        yield
    finally:
        release.set()


def _items_waiting(service: Confidant, url: str, collector_key: str, notice_key: str) -> None:
    service.upstream.configure(url, collector_key, notice_key)
    service.upstream.settings.set_review(False)
    service.consent.grant("share_for_training")
    for index in range(3):
        service.chat.send(
            service.chat.new_conversation(), f"question {index} about pruning pear trees"
        )


def _queue(qtbot: QtBot, shell: Shell, collector: Collector) -> None:
    ask(
        qtbot,
        shell,
        _items_waiting,
        collector.url,
        collector.collector_key_b64,
        collector.notice_key_b64,
    )
    assert ask(qtbot, shell, lambda s: s.upstream.status().outbox["approved"]) == 3


def test_the_status_bar_shows_a_job_only_once_it_has_run_a_moment(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    progress = JobProgress(host)
    host.show()

    # A job over before the delay is never shown.
    progress.begin("purge", "Deleting expired data…", False)
    assert progress.delay.isActive() and not progress.isVisible()
    progress.end("purge")
    assert not progress.delay.isActive() and not progress.isVisible()

    # One still running when the delay fires is.
    progress.begin("flush", "Sending approved items…", True, "Cancel stops it between requests")
    with qtbot.waitSignal(progress.delay.timeout, timeout=SLOW_MS):
        pass
    assert progress.isVisible()
    assert progress.label.text() == "Sending approved items…"
    assert progress.bar.maximum() == 0  # busy until a step is known
    progress.advance("flush", 1, 3)
    assert (progress.bar.value(), progress.bar.maximum()) == (1, 3)
    assert progress.cancel_button.isVisible()
    with qtbot.waitSignal(progress.cancelRequested, timeout=SLOW_MS) as asked:
        click(qtbot, progress.cancel_button)
    assert asked.args == ["flush"]

    # A job that may not be stopped has no Cancel; the latest job is the one shown.
    progress.begin("purge", "Deleting expired data…", False)
    assert progress.label.text() == "Deleting expired data…"
    assert not progress.cancel_button.isVisible()
    progress.end("purge")
    assert progress.label.text() == "Sending approved items…"
    progress.end("flush")
    assert not progress.isVisible()


def test_the_background_purge_is_announced_in_the_status_bar(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade, timings=QUIET)
    jobs, window = shell.background, shell.window
    assert jobs is not None and window.status.job_progress is not None
    progress = window.status.job_progress
    progress.delay.setInterval(0)
    with lane_held(shell):
        jobs.purge_now()
        assert progress.running == ["purge"]
        qtbot.waitUntil(progress.isVisible, timeout=SLOW_MS)
        assert progress.bar.maximum() == 0 and not progress.cancel_button.isVisible()
        assert "cannot" in progress.toolTip() or "not stopped" in progress.toolTip()
    with qtbot.waitSignal(jobs.jobEnded, timeout=SLOW_MS):
        pass
    assert progress.running == [] and not progress.isVisible()


def test_a_background_upload_is_cancelled_from_the_status_bar(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant], collector: Collector
) -> None:
    shell = ready_shell(qtbot, make_shell, facade, timings=QUIET)
    jobs, window = shell.background, shell.window
    assert jobs is not None and window.status.job_progress is not None
    _queue(qtbot, shell, collector)
    progress = window.status.job_progress
    progress.delay.setInterval(0)
    with lane_held(shell):
        jobs.flush_now()
        qtbot.waitUntil(progress.isVisible, timeout=SLOW_MS)
        assert progress.cancel_button.isVisible()
        click(qtbot, progress.cancel_button)
    with qtbot.waitSignal(jobs.flushed, timeout=SLOW_MS) as flushed:
        pass
    result = flushed.args[0]
    assert isinstance(result, FlushResult) and result.cancelled and result.sent == []
    assert collector.request_count("/v1/contributions") == 0
    assert ask(qtbot, shell, lambda s: s.upstream.status().outbox["approved"]) == 3
    qtbot.waitUntil(lambda: not progress.isVisible(), timeout=SLOW_MS)


def test_send_now_shows_progress_and_can_be_stopped(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant], collector: Collector
) -> None:
    shell = ready_shell(qtbot, make_shell, facade, timings=QUIET)
    _queue(qtbot, shell, collector)
    page = open_page(qtbot, shell, OUTBOX_PAGE)
    assert isinstance(page, OutboxPage)
    assert not page.send_progress.isVisible() and not page.cancel_send_button.isVisible()

    with lane_held(shell):
        click(qtbot, page.send_button)
        assert page.send_progress.isVisible() and not page.send_button.isEnabled()
        click(qtbot, page.cancel_send_button)
    settle(qtbot, shell)
    qtbot.waitUntil(lambda: not page.send_progress.isVisible(), timeout=SLOW_MS)
    assert "Stopped" in page.send_result.text()
    assert collector.request_count("/v1/contributions") == 0
    assert page.items_table.rowCount() == 3

    click(qtbot, page.send_button)
    settle(qtbot, shell)
    qtbot.waitUntil(lambda: page.send_button.isEnabled(), timeout=SLOW_MS)
    assert page.send_result.text().startswith("Sent 3 items.")
    # The bar went through the items to the end before it was put away.
    assert (page.send_progress.value(), page.send_progress.maximum()) == (3, 3)
    assert not page.send_progress.isVisible()


def _open_rekey(qtbot: QtBot, shell: Shell) -> RekeyDialog:
    data = shell.window.data
    assert data is not None
    data.menu.rekey_action.trigger()
    qtbot.waitUntil(lambda: isinstance(data.dialog, RekeyDialog), timeout=SLOW_MS)
    dialog = data.dialog
    assert isinstance(dialog, RekeyDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=SLOW_MS)
    return dialog


def _rotations(qtbot: QtBot, shell: Shell) -> int:
    return len(ask(qtbot, shell, lambda s: s.data.audit_events("key.rotated")))


def test_changing_the_key_asks_first_shows_a_busy_bar_and_cannot_be_cancelled(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant], profile_dir: object
) -> None:
    shell = ready_shell(qtbot, make_shell, facade, timings=QUIET)
    dialog = _open_rekey(qtbot, shell)
    assert dialog.cancel_button.isDefault() and not dialog.change_button.isDefault()
    assert "cannot be cancelled" in dialog.findChild(QWidget, "rekeyWarningText").text()  # type: ignore[union-attr]
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter means Cancel
    qtbot.waitUntil(lambda: shell.window.data.dialog is None, timeout=SLOW_MS)  # type: ignore[union-attr]
    assert _rotations(qtbot, shell) == 0

    dialog = _open_rekey(qtbot, shell)
    with lane_held(shell):
        click(qtbot, dialog.change_button)
        assert dialog.busy and dialog.progress_bar.isVisible()
        assert dialog.progress_bar.maximum() == 0  # busy: no fraction to show
        assert not dialog.cancel_button.isEnabled()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # no way out while it runs
        assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=SLOW_MS)
    assert dialog.status_label.text() == DONE
    assert not dialog.progress_bar.isVisible()
    assert _rotations(qtbot, shell) == 1
    click(qtbot, dialog.cancel_button)  # now "Close"
    settle(qtbot, shell)
    # The store opens with the new key after a restart.
    shell.quit()
    reopened = facade()
    reopened.open()
    assert reopened.data.audit_events("key.rotated")
    reopened.close()
