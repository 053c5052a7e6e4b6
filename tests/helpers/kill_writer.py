"""A writer to SIGKILL: commits numbered transactions through the real core and acks each one.

Run as ``python -m tests.helpers.kill_writer PROFILE_DIR --round R [--transactions N]``. It
opens the profile with ``Confidant`` (so the key comes from the real keyring), then appends
transaction after transaction to the conversation ``round_conversation(R)`` through
``ConversationStore.append``, the app's own write path. Around each transaction it writes one
line to stdout, unbuffered:

* ``begin T`` just before transaction ``T`` starts;
* ``ack T`` once ``append`` has returned, that is once the commit is durable.

Whoever kills it can then tell which transactions it may rely on (every acked one) and whether
the kill landed inside a transaction. The roles and text of each transaction are a pure
function of its round and number (``transaction_messages``), so a checker can rebuild them
exactly, and some transactions are large enough to span many pages.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import selectors
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from app.core.clock import SystemClock, iso
from app.core.conversations import ConversationStore, Message
from app.core.service import Confidant
from app.core.store.database import Database

REPO_ROOT = Path(__file__).resolve().parents[2]
WRITER_MODULE = "tests.helpers.kill_writer"

# Every BIG_EVERY-th transaction carries BIG_MESSAGES messages of BIG_CHARS characters, about
# 9 KB of text plus its full-text index: several 4 KB pages, so some kills land mid-write.
BIG_EVERY = 5
BIG_MESSAGES = 6
BIG_CHARS = 1500
SMALL_CHARS = 200
_WORDS = [
    "lantern",
    "harbour",
    "quiet",
    "meadow",
    "copper",
    "violet",
    "thistle",
    "ember",
    "orchard",
    "falcon",
    "pebble",
    "juniper",
    "sparrow",
    "willow",
    "cinder",
    "marble",
    "tundra",
    "saffron",
    "glacier",
    "hazel",
]


def round_conversation(round_number: int) -> str:
    """The id of the conversation that round ``round_number`` writes to."""
    return f"kill-round-{round_number:05d}"


def message_count(seq: int) -> int:
    """How many messages transaction ``seq`` holds."""
    return BIG_MESSAGES if seq % BIG_EVERY == BIG_EVERY - 1 else 2 + seq % 3


def rows_for(transactions: int) -> int:
    """How many message rows the first ``transactions`` transactions of a round write."""
    return sum(message_count(seq) for seq in range(transactions))


def message_header(round_number: int, seq: int, index: int) -> str:
    """The recognisable start of a message: which round, transaction and message it is."""
    return f"r{round_number:05d} t{seq:07d} m{index}/{message_count(seq)} |"


def transaction_messages(round_number: int, seq: int, created_at: str = "") -> list[Message]:
    """The messages transaction ``seq`` of round ``round_number`` writes.

    Their roles and text are always the same; only ``created_at`` is the writer's clock (so
    that retention, which runs at every open, does not purge them as old).
    """
    count = message_count(seq)
    size = BIG_CHARS if count == BIG_MESSAGES else SMALL_CHARS
    messages = []
    for index in range(count):
        header = message_header(round_number, seq, index)
        digest = hashlib.sha256(header.encode()).digest()
        words: list[str] = [header]
        length = len(header)
        position = 0
        while length < size:
            word = _WORDS[digest[position % len(digest)] % len(_WORDS)]
            words.append(word)
            length += len(word) + 1
            position += 1
        messages.append(
            Message(
                role="user" if index % 2 == 0 else "assistant",
                content=" ".join(words)[:size],
                created_at=created_at,
            )
        )
    return messages


# --- the experiment around the writer: start it, kill it, check what the store kept ---------


class WriterFailed(RuntimeError):
    """The writer died or hung before it committed anything."""


@dataclass(frozen=True)
class Kill:
    """What a killed writer said before it died."""

    round_number: int
    acked: int
    begun: int
    returncode: int
    stderr: str

    @property
    def killed_mid_transaction(self) -> bool:
        """The writer had started a transaction that it never acknowledged."""
        return self.begun > self.acked


def run_and_kill(
    profile_dir: Path,
    round_number: int,
    delay: float,
    *,
    env: Mapping[str, str] | None = None,
    after_first_ack: bool = True,
    timeout: float = 60.0,
) -> Kill:
    """Start a writer, SIGKILL it after ``delay`` seconds, and read what it said.

    The delay counts from the writer's first acknowledgement, so the kill lands while it
    commits, or with ``after_first_ack=False`` from its start, so it may land while it opens.
    """
    proc = subprocess.Popen(
        [sys.executable, "-m", WRITER_MODULE, str(profile_dir), "--round", str(round_number)],
        cwd=REPO_ROOT,
        env=dict(env) if env is not None else None,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    out = bytearray()
    try:
        deadline = time.monotonic() + timeout
        with selectors.DefaultSelector() as selector:
            selector.register(proc.stdout, selectors.EVENT_READ)
            while after_first_ack and b"ack " not in out:
                left = deadline - time.monotonic()
                if left <= 0 or not selector.select(left):
                    raise WriterFailed(f"round {round_number}: no acknowledgement in {timeout} s")
                chunk = os.read(proc.stdout.fileno(), 65536)
                if not chunk:
                    proc.wait(timeout)
                    raise WriterFailed(
                        f"round {round_number}: the writer exited ({proc.returncode}) before "
                        f"its first commit: {proc.stderr.read().decode(errors='replace')}"
                    )
                out += chunk
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        while chunk := os.read(proc.stdout.fileno(), 65536):
            out += chunk
        returncode = proc.wait(timeout)
        stderr = proc.stderr.read().decode(errors="replace")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    acked = begun = 0
    for line in out.decode("ascii").splitlines():
        word, _, number = line.partition(" ")
        # Lines are numbered 0, 1, 2, ... in order, so a count is the last number plus one.
        if word == "ack":
            acked = int(number) + 1
        elif word == "begin":
            begun = int(number) + 1
    return Kill(round_number, acked, begun, returncode, stderr)


@dataclass(frozen=True)
class RoundState:
    """What the store holds of one round's transactions."""

    round_number: int
    committed: int
    problems: tuple[str, ...]


def check_round(database: Database, round_number: int) -> RoundState:
    """Compare a round's stored messages with the transactions the writer wrote, in order.

    The rows must be transactions 0, 1, 2, ... each complete and exactly as written, and the
    full-text index must find every message of the last one: anything else (a missing,
    partial, altered or unindexed transaction) is a problem.
    """
    rows = database.query(
        "SELECT role, content FROM messages WHERE conversation_id = ? ORDER BY id",
        (round_conversation(round_number),),
    )
    problems: list[str] = []
    position = seq = 0
    while position < len(rows):
        expected = [(m.role, m.content) for m in transaction_messages(round_number, seq)]
        stored = [tuple(row) for row in rows[position : position + len(expected)]]
        if stored != expected:
            matching = sum(1 for got, want in zip(stored, expected, strict=False) if got == want)
            problems.append(
                f"round {round_number} transaction {seq}: {matching} of {len(expected)} "
                f"messages match ({len(rows) - position} rows left)"
            )
            break
        position += len(expected)
        seq += 1
    if seq and not problems:
        last = seq - 1
        hits = database.query(
            "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?",
            (f'"r{round_number:05d}" AND "t{last:07d}"',),
        )[0][0]
        if hits != message_count(last):
            problems.append(
                f"round {round_number} transaction {last}: the full-text index finds {hits} "
                f"of {message_count(last)} messages"
            )
    return RoundState(round_number, seq, tuple(problems))


def _say(line: str) -> None:
    # One unbuffered write per line, so nothing acknowledged sits in a buffer when we die.
    os.write(sys.stdout.fileno(), line.encode("ascii"))


def main(argv: list[str] | None = None) -> int:
    """Write transactions until ``--transactions`` have committed (or until killed)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("profile_dir", type=Path)
    parser.add_argument("--round", type=int, required=True, dest="round_number")
    parser.add_argument("--transactions", type=int, default=1_000_000)
    args = parser.parse_args(argv)

    service = Confidant(args.profile_dir)
    service.open()
    try:
        clock = SystemClock()
        store = ConversationStore(service.database, clock)
        conversation = round_conversation(args.round_number)
        for seq in range(args.transactions):
            messages = transaction_messages(args.round_number, seq, iso(clock.now()))
            _say(f"begin {seq}\n")
            store.append(conversation, messages)
            _say(f"ack {seq}\n")
    finally:
        service.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
