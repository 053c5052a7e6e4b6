"""The notice banner's controller on its own: a real banner and DB lane, a small fake facade.

No Shell and no profile: the controller only needs ``service.outbox.unread_notices`` and
``mark_notice_read``, so ``FakeOutbox`` below (our own code standing in for
``app.core.domains.outbox.Outbox``) keeps these tests about the controller. Fetching, verifying
and storing real signed notices is tested in tests/core/upstream and tests/gui/test_notices.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.core.upstream.notices import Notice
from app.gui.controllers.notices import NoticeBannerController
from app.gui.workers import WorkerPool
from tests.gui.shells import SLOW_MS


def _notice(number: int) -> Notice:
    return Notice(
        id=f"n{number}",
        published_at=f"2026-12-0{number}T10:00:00Z",
        severity="warning",
        title=f"Notice {number}",
        body=f"What notice {number} says.",
        received_at=f"2026-12-0{number}T11:00:00Z",
        read_at=None,
    )


@dataclass
class FakeOutbox:
    """Unread notices, newest first (as the core lists them); each call is noted."""

    unread: list[Notice] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)

    def unread_notices(self) -> list[Notice]:
        self.calls.append("unread_notices")
        return list(self.unread)

    def mark_notice_read(self, notice_id: str) -> None:
        self.calls.append(f"mark_notice_read({notice_id})")
        self.unread = [notice for notice in self.unread if notice.id != notice_id]


@dataclass
class FakeFacade:
    """Only the domain the banner uses."""

    outbox: FakeOutbox = field(default_factory=FakeOutbox)


@dataclass
class Banner:
    controller: NoticeBannerController
    column: QVBoxLayout
    facade: FakeFacade
    errors: list[Exception]


@pytest.fixture
def banner(qtbot: QtBot, lane: WorkerPool) -> Banner:
    host = QWidget()
    qtbot.addWidget(host)
    column = QVBoxLayout(host)
    column.addWidget(QWidget(host))  # the page, under the banner
    facade = FakeFacade()
    errors: list[Exception] = []
    controller = NoticeBannerController(
        column,
        host,
        facade,  # type: ignore[arg-type]
        lane,
        errors.append,
        host,
    )
    return Banner(controller, column, facade, errors)


def test_no_unread_notice_shows_no_banner(qtbot: QtBot, banner: Banner) -> None:
    banner.controller.refresh()
    qtbot.waitUntil(lambda: banner.facade.outbox.calls == ["unread_notices"], timeout=SLOW_MS)
    qtbot.wait(50)  # the (empty) answer reaches the GUI thread
    assert banner.controller.banner is None
    assert banner.errors == []


def test_the_oldest_unread_notice_shows_above_the_page(qtbot: QtBot, banner: Banner) -> None:
    banner.facade.outbox.unread = [_notice(3), _notice(2), _notice(1)]
    banner.controller.refresh()
    qtbot.waitUntil(lambda: banner.controller.banner is not None, timeout=SLOW_MS)
    shown = banner.controller.banner
    assert shown is not None
    assert shown.notice_id == "n1"
    assert banner.column.itemAt(0).widget() is shown  # above the page
    assert "2" in shown.more_label.text()  # two more wait behind it


def test_dismissing_marks_it_read_and_shows_the_next(qtbot: QtBot, banner: Banner) -> None:
    banner.facade.outbox.unread = [_notice(2), _notice(1)]
    banner.controller.refresh()
    qtbot.waitUntil(lambda: banner.controller.banner is not None, timeout=SLOW_MS)
    shown = banner.controller.banner
    assert shown is not None
    with qtbot.waitSignal(banner.controller.changed, timeout=SLOW_MS):
        shown.dismiss_button.click()
    assert "mark_notice_read(n1)" in banner.facade.outbox.calls
    qtbot.waitUntil(lambda: shown.notice_id == "n2", timeout=SLOW_MS)

    with qtbot.waitSignal(banner.controller.changed, timeout=SLOW_MS):
        shown.dismiss_button.click()
    qtbot.waitUntil(lambda: shown.isHidden(), timeout=SLOW_MS)
    assert banner.facade.outbox.unread == []
    assert banner.errors == []
