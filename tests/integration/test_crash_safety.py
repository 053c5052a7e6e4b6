"""SIGKILL a writer at random moments: no acknowledged commit is lost, and the store stays sound.

Each round starts ``tests.helpers.kill_writer`` on the same profile (its key comes from the real
keyring on the test Secret Service), kills it with SIGKILL while it commits, then reopens the
profile in this process and checks it: every acknowledged transaction is there, each
transaction is all or nothing, earlier rounds are untouched, and both integrity checks pass.
"""

from __future__ import annotations

import random
import signal
from pathlib import Path

import pytest

from app.core.service import Confidant
from app.core.store.database import Database
from tests.helpers.kill_writer import check_round, round_conversation, rows_for, run_and_kill

ROUNDS = 30
SEED = 20250117
# Most kills come 20-300 ms after the writer's first commit, so they land among its writes;
# every KILL_AT_START_EVERY-th round counts from its start instead, so it may land while the
# profile is being opened.
KILL_AT_START_EVERY = 6


def _rows_per_conversation(database: Database) -> dict[str, int]:
    rows = database.query("SELECT conversation_id, count(*) FROM messages GROUP BY 1")
    return {str(conversation): int(count) for conversation, count in rows}


@pytest.mark.slow
def test_sigkill_loses_no_acknowledged_commit(profile_dir: Path) -> None:
    first = Confidant(profile_dir)
    first.open()
    first.close()
    rng = random.Random(SEED)
    committed: dict[int, int] = {}

    for round_number in range(ROUNDS):
        at_start = round_number % KILL_AT_START_EVERY == KILL_AT_START_EVERY - 1
        kill = run_and_kill(
            profile_dir,
            round_number,
            rng.uniform(0.0, 0.3) if at_start else rng.uniform(0.02, 0.3),
            after_first_ack=not at_start,
        )
        assert kill.returncode == -signal.SIGKILL, (round_number, kill.stderr)

        service = Confidant(profile_dir)
        service.open(purge=False)  # check before anything writes, as the app does
        try:
            report = service.database.integrity_report()
            assert report.ok, f"seed {SEED}, after round {round_number}: {report}"
            state = check_round(service.database, round_number)
            assert not state.problems, f"seed {SEED}: {state.problems}"
            # Every acknowledged transaction is kept; the one in flight may or may not be.
            assert kill.acked <= state.committed <= kill.begun, (
                f"seed {SEED}, round {round_number}: {kill.acked} acknowledged, "
                f"{kill.begun} begun, {state.committed} stored"
            )
            committed[round_number] = state.committed
            # Earlier rounds keep exactly what they had (their content is compared at the end).
            expected = {round_conversation(r): rows_for(n) for r, n in committed.items() if n}
            assert _rows_per_conversation(service.database) == expected, f"seed {SEED}"
        finally:
            service.close()

    service = Confidant(profile_dir)
    service.open()
    try:
        for round_number, transactions in committed.items():
            state = check_round(service.database, round_number)
            assert not state.problems, f"seed {SEED}: {state.problems}"
            assert state.committed == transactions, f"seed {SEED}, round {round_number}"
    finally:
        service.close()
    assert sum(committed.values()) >= ROUNDS, "the writers committed almost nothing"
