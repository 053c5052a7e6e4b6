"""Crash benchmark: SIGKILL a writer 1,000 times; count lost commits and integrity failures.

The experiment of ``tests/integration/test_crash_safety.py`` at scale. Each round starts
``tests.helpers.kill_writer`` (the real core, its key in a private gnome-keyring started here),
kills it with SIGKILL at a random moment, reopens the profile in this process, runs both
integrity checks and compares what the store holds with what the writer acknowledged. Rounds
accumulate in one profile; a fresh profile starts every ``--rounds-per-profile`` rounds so the
database (and the time each integrity check takes) stays bounded.

Usage: ``python bench/kill.py [--rounds 1000] [--seed S]``. Exits 1 if any acknowledged commit
was lost or any check failed.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    # The writer and the private Secret Service live in tests/helpers, which is not installed.
    sys.path.insert(0, str(REPO_ROOT))

# As in the test: most kills 20-300 ms after the first commit, every 6th from the start.
KILL_AT_START_EVERY = 6
DELAY_AFTER_ACK = (0.02, 0.3)
DELAY_FROM_START = (0.0, 0.3)


def main(argv: list[str] | None = None) -> int:
    """Run the rounds and print the tally."""
    from app.core.service import Confidant
    from tests.helpers.kill_writer import check_round, round_conversation, rows_for, run_and_kill
    from tests.helpers.secret_service import running_secret_service

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1000)
    parser.add_argument("--rounds-per-profile", type=int, default=100)
    parser.add_argument("--seed", type=int, default=20250117)
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    tally: Counter[str] = Counter()
    problems: list[str] = []
    started = time.monotonic()
    largest_db = 0

    with running_secret_service() as secrets, tempfile.TemporaryDirectory() as work:
        os.environ.update(secrets.environment())
        committed: dict[int, int] = {}
        profile_dir = Path(work)

        def verify_profile() -> None:
            service = Confidant(profile_dir)
            service.open()
            try:
                for number, transactions in committed.items():
                    state = check_round(service.database, number)
                    problems.extend(state.problems)
                    if state.committed != transactions:
                        tally["rounds changed later"] += 1
                        problems.append(f"round {number}: {transactions} -> {state.committed}")
            finally:
                service.close()

        for round_number in range(args.rounds):
            if round_number % args.rounds_per_profile == 0:
                if committed:
                    verify_profile()
                profile_dir = Path(work) / f"profile-{round_number // args.rounds_per_profile}"
                committed = {}
                first = Confidant(profile_dir)
                first.open()
                first.close()
            env = {**os.environ, **secrets.environment(), "CONFIDANT_HOME": str(profile_dir)}
            at_start = round_number % KILL_AT_START_EVERY == KILL_AT_START_EVERY - 1
            kill = run_and_kill(
                profile_dir,
                round_number,
                rng.uniform(*(DELAY_FROM_START if at_start else DELAY_AFTER_ACK)),
                env=env,
                after_first_ack=not at_start,
            )
            tally["rounds"] += 1
            if kill.returncode != -signal.SIGKILL:
                tally["writer failures"] += 1
                problems.append(f"round {round_number}: writer exit {kill.returncode}")

            service = Confidant(profile_dir)
            service.open(purge=False)  # check before anything writes, as the app does
            try:
                report = service.database.integrity_report()
                state = check_round(service.database, round_number)
                counts = dict(
                    service.database.query(
                        "SELECT conversation_id, count(*) FROM messages GROUP BY 1"
                    )
                )
            finally:
                service.close()
            largest_db = max(largest_db, sum(p.stat().st_size for p in profile_dir.iterdir()))

            if not report.ok:
                tally["integrity failures"] += 1
                problems.append(f"round {round_number}: {report}")
            if state.problems:
                tally["partial or altered transactions"] += 1
                problems.extend(state.problems)
            tally["acknowledged"] += kill.acked
            tally["lost"] += max(0, kill.acked - state.committed)
            if state.committed > kill.begun:
                problems.append(f"round {round_number}: more stored than begun")
            if kill.acked == 0:
                tally["killed before the first commit"] += 1
            elif not kill.killed_mid_transaction:
                tally["killed between transactions"] += 1
            elif state.committed > kill.acked:
                tally["killed after a commit, before its ack"] += 1
            else:
                tally["killed mid-transaction, rolled back"] += 1
            committed[round_number] = state.committed
            expected = {round_conversation(r): rows_for(n) for r, n in committed.items() if n}
            if counts != expected:
                tally["earlier rounds changed"] += 1
                problems.append(f"round {round_number}: earlier rounds' rows changed")
            if (round_number + 1) % 100 == 0:
                print(
                    f"  {round_number + 1:>5} rounds, {tally['acknowledged']:,} acknowledged, "
                    f"{tally['lost']} lost, {tally['integrity failures']} integrity failures, "
                    f"{time.monotonic() - started:,.0f} s",
                    flush=True,
                )
        verify_profile()

    elapsed = time.monotonic() - started
    mid = (
        tally["killed mid-transaction, rolled back"]
        + tally["killed after a commit, before its ack"]
    )
    print()
    print(f"rounds                          {tally['rounds']:>10,}")
    print(f"acknowledged commits            {tally['acknowledged']:>10,}")
    print(f"lost acknowledged commits       {tally['lost']:>10,}   (must be 0)")
    print(f"integrity failures              {tally['integrity failures']:>10,}   (must be 0)")
    print(f"partial or altered transactions {tally['partial or altered transactions']:>10,}")
    print(f"earlier rounds changed          {tally['earlier rounds changed']:>10,}")
    print(f"writer failures                 {tally['writer failures']:>10,}")
    print(f"kills mid-transaction           {mid:>10,}   (a transaction begun, not acknowledged)")
    print(f"  rolled back on reopen         {tally['killed mid-transaction, rolled back']:>10,}")
    print(f"  committed, ack not yet sent   {tally['killed after a commit, before its ack']:>10,}")
    print(f"kills between transactions      {tally['killed between transactions']:>10,}")
    print(f"kills before the first commit   {tally['killed before the first commit']:>10,}")
    print(f"largest database (MB)           {largest_db / 1e6:>10,.1f}")
    print(f"elapsed (s)                     {elapsed:>10,.1f}")
    print(f"rounds per second               {tally['rounds'] / elapsed:>10,.2f}")
    print(f"acknowledged commits per second {tally['acknowledged'] / elapsed:>10,.1f}")
    for problem in problems[:20]:
        print(f"PROBLEM: {problem}")
    return 1 if problems or tally["lost"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
