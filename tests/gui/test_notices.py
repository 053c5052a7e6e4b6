"""Security notices from the loopback collector: a signed one shows, a badly signed one does not."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from app.core.service import Confidant
from app.gui.application import Shell
from app.gui.pages import PRIVACY_PAGE
from app.gui.views.privacy_dashboard import PrivacyDashboard
from tests.gui.shells import (
    SLOW_MS,
    ShellFactory,
    ask,
    click,
    click_tab,
    open_page,
    ready_shell,
    settle,
)
from tests.helpers.collector import Collector

NOTICE = {
    "id": "n-2026-11-20",
    "published_at": "2026-11-20T09:00:00Z",
    "severity": "high",
    "title": "Update Confidant now",
    "body": "A flaw in the export was fixed; please update.",
}


def _check_notices(qtbot: QtBot, shell: Shell, collector: Collector) -> None:
    def configure(service: Confidant) -> None:
        service.upstream.configure(
            collector.url, collector.collector_key_b64, collector.notice_key_b64
        )
        service.upstream.settings.set_check_notices(True)

    ask(qtbot, shell, configure)


def _poll(qtbot: QtBot, shell: Shell) -> object:
    jobs = shell.background
    assert jobs is not None
    with qtbot.waitSignal(jobs.noticesPolled, timeout=SLOW_MS) as polled:
        jobs.poll_notices_now()
    settle(qtbot, shell)
    return polled.args[0]


def test_a_signed_notice_shows_as_a_banner_until_dismissed(
    qtbot: QtBot,
    make_shell: ShellFactory,
    facade: Callable[[], Confidant],
    collector: Collector,
) -> None:
    collector.notices = [NOTICE]
    shell = ready_shell(qtbot, make_shell, facade)
    assert collector.request_count() == 0, "nothing is polled before the user allows it"
    notices = shell.window.notices
    assert notices is not None and notices.banner is None
    _check_notices(qtbot, shell, collector)

    poll = _poll(qtbot, shell)
    assert poll.new == 1  # type: ignore[attr-defined]
    banner = notices.banner
    assert banner is not None and banner.isVisible()
    assert banner.title_label.text() == "Security notice (high): Update Confidant now"
    assert banner.body_label.text() == NOTICE["body"]

    page = open_page(qtbot, shell, PRIVACY_PAGE)
    assert isinstance(page, PrivacyDashboard)
    assert page.notices_table.row_texts() == [["2026-11-20", "high", NOTICE["title"], "No"]]
    assert banner.isVisible(), "the banner stays above every page"

    click(qtbot, banner.dismiss_button)
    settle(qtbot, shell)
    assert not banner.isVisible()
    assert ask(qtbot, shell, lambda service: service.upstream.unread_notices()) == []
    assert page.notices_table.row_texts()[0][3] == "Yes"


@pytest.mark.parametrize("signing", ["bad", "none"])
def test_a_badly_signed_notice_is_not_shown_and_is_audited(
    qtbot: QtBot,
    make_shell: ShellFactory,
    facade: Callable[[], Confidant],
    collector: Collector,
    signing: str,
) -> None:
    collector.notices = [NOTICE]
    collector.sign_notices = signing
    shell = ready_shell(qtbot, make_shell, facade)
    _check_notices(qtbot, shell, collector)
    page = open_page(qtbot, shell, PRIVACY_PAGE)
    assert isinstance(page, PrivacyDashboard)

    click_tab(qtbot, page.tabs, "Network and notices")
    click(qtbot, page.check_notices_button)  # the user asks; the same poll runs on a timer
    settle(qtbot, shell)
    assert collector.request_count("/v1/notices") == 1
    assert "not signed correctly" in page.notices_status.text()
    notices = shell.window.notices
    assert notices is not None
    assert notices.banner is None or not notices.banner.isVisible()
    assert page.notices_table.rowCount() == 0
    rejected = ask(qtbot, shell, lambda service: service.data.audit_events("notices.rejected"))
    assert [e.kind for e in rejected] == ["notices.rejected"]
