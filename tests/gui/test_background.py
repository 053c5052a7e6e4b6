"""The recurring jobs: the purge, the outbox flush and the notice poll, run by timers."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.core.clock import FixedClock
from app.core.consent import Scope
from app.core.retention import PurgeResult
from app.core.service import Confidant
from app.gui.background import HOUR_MS, Timings
from tests.gui.shells import SLOW_MS, ShellFactory, ask, ready_shell, send_chat
from tests.helpers.collector import Collector
from tests.helpers.silent_collector import silent_collector

START = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)


class ThreadNotingClock(FixedClock):
    """A fixed clock that notes which threads asked it the time (the core asks on each write)."""

    def __init__(self, start: dt.datetime) -> None:
        super().__init__(start)
        self.threads: set[int] = set()

    def now(self) -> dt.datetime:
        self.threads.add(threading.get_ident())
        return super().now()


def test_the_hourly_purge_runs_on_its_timer_on_the_db_lane(
    qtbot: QtBot, make_shell: ShellFactory, profile_dir: Path
) -> None:
    clock = ThreadNotingClock(START)
    timings = Timings(purge_ms=40, flush_ms=HOUR_MS, notices_ms=HOUR_MS)
    shell = ready_shell(
        qtbot, make_shell, lambda: Confidant(profile_dir, clock=clock), timings=timings
    )
    jobs = shell.background
    assert jobs is not None and jobs.purge_timer.isActive()
    assert jobs.purge_timer.interval() == 40
    ask(qtbot, shell, lambda service: service.consent.grant(Scope.STORE_CONVERSATIONS))
    send_chat(qtbot, shell, "what the tide tables say for Tuesday")
    assert ask(qtbot, shell, lambda service: service.chat.stored_message_count()) == 2

    clock.advance(dt.timedelta(days=91))  # past the 90 days conversations are kept
    with qtbot.waitSignal(
        jobs.purged,
        timeout=SLOW_MS,
        check_params_cb=lambda result: result.deleted.get("messages") == 2,
    ) as purged:
        pass
    result = purged.args[0]
    assert isinstance(result, PurgeResult) and result.deleted["conversations"] == 1
    assert ask(qtbot, shell, lambda service: service.chat.stored_message_count()) == 0
    assert ask(qtbot, shell, lambda service: service.data.audit_events("retention.purged"))
    # Every store call, the timer's purge included, ran off the GUI thread.
    assert threading.get_ident() not in clock.threads
    assert len(clock.threads) == 1, "one lane, one thread"


def test_the_flush_timer_sends_approved_items(
    qtbot: QtBot, make_shell: ShellFactory, profile_dir: Path, collector: Collector
) -> None:
    clock = FixedClock(START)
    timings = Timings(purge_ms=HOUR_MS, flush_ms=40, notices_ms=HOUR_MS)
    shell = ready_shell(
        qtbot, make_shell, lambda: Confidant(profile_dir, clock=clock), timings=timings
    )
    jobs = shell.background
    assert jobs is not None

    def share_without_review(service: Confidant) -> None:
        service.upstream.configure(collector.url, collector.collector_key_b64, None)
        service.upstream.settings.set_review(False)
        service.consent.grant(Scope.SHARE_FOR_TRAINING)
        service.upstream.gate.submit_payload(
            Scope.SHARE_FOR_TRAINING,
            "learning_signal",
            {
                "kind": "learning_signal",
                "signals": ["espalier"],
                "language": "en",
                "created_day": "2026-11-24",
            },
            None,
        )

    ask(qtbot, shell, share_without_review)
    with qtbot.waitSignal(
        jobs.flushed, timeout=SLOW_MS, check_params_cb=lambda result: len(result.sent) == 1
    ):
        pass
    assert collector.request_count("/v1/contributions") == 1
    assert ask(qtbot, shell, lambda service: service.upstream.items()) == []


def test_the_timers_stop_when_the_shell_quits(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    jobs = shell.background
    assert jobs is not None
    assert jobs.timings == Timings(HOUR_MS, 5 * 60 * 1000, 12 * HOUR_MS)
    assert all(t.isActive() for t in (jobs.purge_timer, jobs.flush_timer, jobs.notices_timer))
    shell.quit()
    assert not any(t.isActive() for t in (jobs.purge_timer, jobs.flush_timer, jobs.notices_timer))


def test_a_collector_that_never_answers_does_not_delay_a_conversation_search(
    qtbot: QtBot, make_shell: ShellFactory, profile_dir: Path
) -> None:
    # The flush talks to the collector off the DB lane: while its request waits for an
    # answer that never comes, the lane still runs a search at once.
    keys = Collector()  # only for its public sealing key; the collector here is silent
    timings = Timings(purge_ms=HOUR_MS, flush_ms=HOUR_MS, notices_ms=HOUR_MS)
    with silent_collector() as silent:
        shell = ready_shell(
            qtbot,
            make_shell,
            lambda: Confidant(profile_dir, clock=FixedClock(START)),
            timings=timings,
        )
        jobs = shell.background
        assert jobs is not None
        ask(qtbot, shell, lambda service: service.consent.grant(Scope.STORE_CONVERSATIONS))
        send_chat(qtbot, shell, "where the old lighthouse keeper kept his logbook")

        def share_without_review(service: Confidant) -> None:
            service.outbox.configure(silent.url, keys.collector_key_b64, None)
            service.outbox.set_review(False)
            service.consent.grant(Scope.SHARE_FOR_TRAINING)

        ask(qtbot, shell, share_without_review)
        send_chat(qtbot, shell, "how tall is the lighthouse on the northern cape")
        queued = ask(qtbot, shell, lambda service: service.upstream.items())
        assert queued

        flushes: list[object] = []
        jobs.flushed.connect(flushes.append)
        jobs.flush_now()
        # The stages hand over through the event loop: wait with it running.
        qtbot.waitUntil(silent.accepted.is_set, timeout=SLOW_MS)
        hits = ask(qtbot, shell, lambda service: service.chat.search("lighthouse"))
        assert hits
        # The search came back while the upload still waited for its answer.
        assert silent.open_connections == 1
        assert flushes == []

        with qtbot.waitSignal(jobs.flushed, timeout=SLOW_MS) as flushed:
            silent.hang_up()
    result = flushed.args[0]
    assert result.requests == 1 and result.sent == []
    assert sorted(result.retrying) == sorted(item.id for item in queued)
    # The request is in the network log, written on the DB lane once it was over.
    log = ask(qtbot, shell, lambda service: service.upstream.log())
    assert [entry.url for entry in log if entry.purpose == "upstream"] == [
        f"{silent.url}/v1/contributions"
    ]
