"""Rotation crash benchmark: SIGKILL a key rotation at random moments; count lockouts and losses.

Each round starts ``tests.helpers.rotate_worker`` (the real ``rotate_key``, its key in a private
gnome-keyring started here), waits until it says it is rotating, sleeps a random part of the
time a whole rotation takes, and kills it with SIGKILL. Then this process opens the profile as
the app does. A lockout is an open that fails; a lost message is one fewer than was stored. The
integrity check, the keyring (no pending entry left over) and profile.json (no rotation left
half-done) are checked too.

Usage: ``python bench/rotate_kill.py [--rounds 200] [--seed S] [--turns 400]``. Exits 1 on any
lockout, lost message or failed check.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    # The worker and the private Secret Service live in tests/helpers, which is not installed.
    sys.path.insert(0, str(REPO_ROOT))


def _worker(directory: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.rotate_worker", str(directory), "-1"],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def main(argv: list[str] | None = None) -> int:
    """Run the rounds and print the tally."""
    from app.core import keys, profile
    from app.core.clock import SystemClock
    from app.core.service import Confidant
    from tests.helpers.secret_service import running_secret_service

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument("--turns", type=int, default=400, help="conversations in the store")
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    tally: Counter[str] = Counter()
    problems: list[str] = []
    started = time.monotonic()

    with running_secret_service() as secrets, tempfile.TemporaryDirectory() as work:
        os.environ.update(secrets.environment())
        env = {**os.environ, **secrets.environment()}
        directory = Path(work) / "profile"
        service = Confidant(directory, clock=SystemClock())
        service.open()
        service.consent.grant("store_conversations")
        for turn in range(args.turns):
            conversation = service.chat.new_conversation()
            service.chat.record_turn(
                conversation, f"question {turn} about tides", "a long answer " * 200
            )
        messages = service.chat.stored_message_count()
        service.close()
        size = (directory / "confidant.db").stat().st_size

        # How long one whole rotation takes, from the worker's "rotating" line to its exit.
        durations = []
        for _ in range(3):
            worker = _worker(directory, env)
            assert worker.stdout is not None
            worker.stdout.readline()
            began = time.monotonic()
            worker.wait()
            durations.append(time.monotonic() - began)
        window = max(durations) * 1.1

        for number in range(args.rounds):
            worker = _worker(directory, env)
            assert worker.stdout is not None
            worker.stdout.readline()
            time.sleep(rng.uniform(0, window))
            worker.send_signal(signal.SIGKILL)
            code = worker.wait()
            tally["rounds"] += 1
            tally["killed mid-rotation" if code == -signal.SIGKILL else "finished first"] += 1
            before = profile.load_profile_file(directory)
            if before is not None and before.pending_key_check is not None:
                tally["rotation left pending, finished by the next open"] += 1
            reopened = Confidant(directory)
            try:
                reopened.open(purge=False)
            except Exception as exc:  # noqa: BLE001 - any failure to open is a lockout
                tally["lockouts"] += 1
                problems.append(f"round {number}: {type(exc).__name__}: {exc}")
                break
            try:
                stored = reopened.chat.stored_message_count()
                tally["lost messages"] += max(0, messages - stored)
                if not reopened.database.integrity_report().ok:
                    tally["integrity failures"] += 1
                    problems.append(f"round {number}: integrity check failed")
                if reopened.database.read_only:
                    tally["lockouts"] += 1
                    problems.append(f"round {number}: opened read-only")
                loaded = profile.load_profile_file(directory)
                assert loaded is not None
                store = keys.KeyringKeyStore.from_environment()
                if loaded.pending_key_check is not None or store.get_entry(
                    f"{loaded.profile_id}.pending"
                ):
                    tally["rotations left unfinished"] += 1
                    problems.append(f"round {number}: the rotation was left unfinished")
            finally:
                reopened.close()
            if (number + 1) % 50 == 0:
                print(
                    f"  {number + 1:>4} rounds, {tally['lockouts']} lockouts, "
                    f"{tally['lost messages']} lost, {time.monotonic() - started:,.0f} s",
                    flush=True,
                )

    elapsed = time.monotonic() - started
    print()
    print(f"store                           {size / 1e6:>10,.1f} MB, {messages:,} messages")
    print(f"one whole rotation (s)          {max(durations):>10,.3f}")
    print(f"rounds (SIGKILLs)               {tally['rounds']:>10,}")
    print(f"  killed mid-rotation           {tally['killed mid-rotation']:>10,}")
    print(f"  rotation finished first       {tally['finished first']:>10,}")
    print(
        f"  left pending, finished by open"
        f" {tally['rotation left pending, finished by the next open']:>9,}"
    )
    print(f"lockouts                        {tally['lockouts']:>10,}   (must be 0)")
    print(f"lost messages                   {tally['lost messages']:>10,}   (must be 0)")
    print(f"integrity failures              {tally['integrity failures']:>10,}   (must be 0)")
    print(
        f"rotations left unfinished       {tally['rotations left unfinished']:>10,}   (must be 0)"
    )
    print(f"elapsed (s)                     {elapsed:>10,.1f}")
    for problem in problems[:20]:
        print(f"PROBLEM: {problem}")
    bad = tally["lockouts"] + tally["lost messages"] + tally["integrity failures"]
    return 1 if problems or bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
