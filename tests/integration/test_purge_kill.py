"""A purge killed mid-way loses nothing that should be kept, and the next run finishes it."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core.clock import FixedClock, iso
from app.core.service import Confidant
from tests.helpers.files import REPO_ROOT

NOW = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)
OLD = NOW - dt.timedelta(days=200)
FRESH = NOW - dt.timedelta(days=10)
EXPIRED_CONVERSATIONS, KEPT_CONVERSATIONS, PER_CONVERSATION = 40, 6, 60


def _populate(service: Confidant) -> set[str]:
    """Expired and unexpired conversations; return the ids that must survive."""
    kept = set()
    with service.database.transaction() as conn:
        for index in range(EXPIRED_CONVERSATIONS + KEPT_CONVERSATIONS):
            fresh = index >= EXPIRED_CONVERSATIONS
            when = iso(FRESH if fresh else OLD)
            cid = f"{'kept' if fresh else 'old'}-{index}"
            conn.execute(
                "INSERT INTO conversations(id, title, created_at, updated_at) VALUES (?,?,?,?)",
                (cid, "t", when, when),
            )
            conn.executemany(
                "INSERT INTO messages(conversation_id, role, content, created_at) "
                "VALUES (?, 'user', ?, ?)",
                [(cid, f"message {n} of {cid}", when) for n in range(PER_CONVERSATION)],
            )
            if fresh:
                kept.add(cid)
    return kept


@pytest.mark.slow
def test_killed_purge_is_finished_by_the_next_run(profile_dir: Path) -> None:
    service = Confidant(profile_dir, clock=FixedClock(NOW))
    service.open(purge=False)
    kept = _populate(service)
    service.close()

    rng = random.Random(20261124)
    killed_mid_way = 0
    for _ in range(4):
        worker = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.purge_worker", str(profile_dir), iso(NOW), "7"],
            cwd=REPO_ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert worker.stdout is not None
        assert worker.stdout.readline().strip() == "purging"
        time.sleep(rng.uniform(0.0, 0.15))
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=30)
        killed_mid_way += worker.stdout.read().strip() != "done"
        worker.stdout.close()

        check = Confidant(profile_dir, clock=FixedClock(NOW))
        check.open(purge=False)
        survivors = {c.id for c in check.chat.conversations()}
        assert kept <= survivors  # nothing that should be kept was lost
        for cid in kept:
            assert len(check.chat.conversation_messages(cid)) == PER_CONVERSATION
        assert check.database.integrity_report().ok
        check.close()
    assert killed_mid_way >= 1  # at least one kill really landed inside the purge

    final = Confidant(profile_dir, clock=FixedClock(NOW))
    final.open()  # the purge at startup finishes the job
    try:
        assert {c.id for c in final.chat.conversations()} == kept
        expired = final.database.query(
            "SELECT count(*) FROM messages WHERE created_at < ?",
            (final.retention.cutoff("conversations"),),
        )
        assert expired == [(0,)]
        assert final.chat.stored_message_count() == KEPT_CONVERSATIONS * PER_CONVERSATION
    finally:
        final.close()
