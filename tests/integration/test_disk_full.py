"""A full disk: a clear DiskFull error, no partial transaction, and a store that works once freed.

Two ways to run out of space: the store's own size cap (``PRAGMA max_page_count``), which
works everywhere, and a real ENOSPC from a 1 MB tmpfs mounted in a private user and mount
namespace (``unshare -rm``; no root needed, skipped where user namespaces are disabled), which
covers the database and ``paths.atomic_write`` alike.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.clock import FixedClock, iso
from app.core.conversations import ConversationStore, Message
from app.core.errors import DiskFull, KnownError
from app.core.service import Confidant
from app.core.store.database import Database

REPO_ROOT = Path(__file__).resolve().parents[2]
# Recent, so that the retention purge every open runs keeps what the tests write.
START = dt.datetime.now(dt.UTC).replace(microsecond=0)
NO_PAGE_LIMIT = 4294967294  # SQLite's default max_page_count


def _big_turn(label: str, count: int = 24) -> list[Message]:
    # About 48 KB of text: many more pages than the cap leaves room for.
    return [
        Message("user" if i % 2 == 0 else "assistant", f"{label} {i} " + "ocean " * 330, iso(START))
        for i in range(count)
    ]


def _snapshot(database: Database) -> list[tuple[object, ...]]:
    messages = database.query("SELECT id, conversation_id, content FROM messages ORDER BY id")
    conversations = database.query("SELECT id, updated_at FROM conversations ORDER BY id")
    return [tuple(row) for row in messages + conversations]


def _fts_hits(database: Database, query: str) -> int:
    rows = database.query("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?", (query,))
    return int(rows[0][0])


def test_a_full_store_refuses_the_whole_transaction_and_recovers(profile_dir: Path) -> None:
    clock = FixedClock(START)
    service = Confidant(profile_dir, clock=clock)
    service.open()
    try:
        database = service.database
        store = ConversationStore(database, clock)
        store.append("kept", [Message("user", "first words", iso(START))])
        before = _snapshot(database)

        pages = int(database.pragma("page_count"))
        assert database.set_max_page_count(pages + 2) == pages + 2
        clock.advance(dt.timedelta(hours=1))
        with pytest.raises(DiskFull) as caught:
            store.append("kept", _big_turn("overflow"))

        error = caught.value
        assert isinstance(error, KnownError)
        assert "disk is full" in error.one_line()
        assert "Traceback" not in error.one_line() and "sqlite" not in error.one_line().lower()
        # Neither the messages nor the conversation's new updated_at were kept.
        assert _snapshot(database) == before
        assert _fts_hits(database, "overflow") == 0
        assert database.integrity_report().ok

        # Freeing space: the very same transaction now goes through.
        assert database.set_max_page_count(NO_PAGE_LIMIT) == NO_PAGE_LIMIT
        store.append("kept", _big_turn("overflow"))
        assert store.message_count() == 25
        assert _fts_hits(database, "overflow") == 24
        assert database.integrity_report().ok
    finally:
        service.close()

    reopened = Confidant(profile_dir, clock=clock)
    reopened.open()
    try:
        assert reopened.chat.stored_message_count() == 25
        assert reopened.database.integrity_report().ok
    finally:
        reopened.close()


def test_a_failed_transaction_does_not_poison_the_next_one(service: Confidant) -> None:
    database = service.database
    store = ConversationStore(database, FixedClock(START))
    database.set_max_page_count(int(database.pragma("page_count")) + 1)
    for _ in range(3):
        with pytest.raises(DiskFull):
            store.append("c", _big_turn("again"))
    assert store.message_count() == 0
    assert store.conversation_count() == 0
    # Small writes still fit in the cap's spare page once the big ones were rolled back.
    store.append("c", [Message("user", "short", iso(START))])
    assert store.message_count() == 1
    assert database.integrity_report().ok


# --- a real ENOSPC ---------------------------------------------------------------------------

# Runs inside the private namespace, with the tiny tmpfs mounted at argv[1]; prints one JSON
# object of facts for the test to check.
_CHILD = """
import json, os, sys
from pathlib import Path
from app.core import paths
from app.core.conversations import ConversationStore, Message
from app.core.clock import SystemClock, iso
from app.core.errors import DiskFull
from app.core.service import Confidant

root = Path(sys.argv[1])
facts = {}
ballast = root / "ballast"
ballast.write_bytes(b"\\0" * 256 * 1024)

notes = root / "notes"
paths.atomic_write(notes / "settings.json", b"original")
try:
    paths.atomic_write(notes / "settings.json", b"x" * (4 << 20))
except DiskFull as exc:
    facts["atomic_error"] = exc.one_line()
facts["atomic_kept"] = (notes / "settings.json").read_bytes().decode()
facts["atomic_files"] = sorted(p.name for p in notes.iterdir())

service = Confidant(root / "profile")
service.open()
store = ConversationStore(service.database, SystemClock())


def turn(n):
    text = f"turn {n} " + os.urandom(1200).hex()
    return [Message("user", text, iso(SystemClock().now())) for _ in range(4)]


turns = 0
try:
    while turns < 10000:
        store.append("c", turn(turns))
        turns += 1
except DiskFull as exc:
    facts["db_error"] = exc.one_line()
facts["turns"] = turns
facts["count_when_full"] = store.message_count()
facts["ok_when_full"] = service.database.integrity_report().ok
ballast.unlink()
store.append("c", turn(turns))
facts["count_after_freeing"] = store.message_count()
service.close()
service = Confidant(root / "profile")
service.open()
facts["count_reopened"] = service.chat.stored_message_count()
facts["ok_reopened"] = service.database.integrity_report().ok
service.close()
print(json.dumps(facts))
"""


def _in_private_namespace(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", *command],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs unshare (util-linux)")
def test_a_real_enospc_is_disk_full_and_the_store_recovers(tmp_path: Path) -> None:
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    mount = 'mount -t tmpfs -o size=1m,mode=0700 tmpfs "$1"'
    probe = _in_private_namespace("sh", "-c", mount, "sh", str(mount_point))
    if probe.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs in a user namespace here: {probe.stderr.strip()}")

    script = f'{mount} && exec "$2" -c "$3" "$1"'
    result = _in_private_namespace(
        "sh", "-c", script, "sh", str(mount_point), sys.executable, _CHILD
    )
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)

    assert "disk is full" in facts.get("atomic_error", "")
    assert facts["atomic_kept"] == "original"
    assert facts["atomic_files"] == ["settings.json"]  # no temp file left behind

    assert "disk is full" in facts.get("db_error", "")
    assert facts["turns"] > 0
    assert facts["count_when_full"] == 4 * facts["turns"]  # whole turns only
    assert facts["ok_when_full"]
    assert facts["count_after_freeing"] == 4 * (facts["turns"] + 1)
    assert facts["count_reopened"] == facts["count_after_freeing"]
    assert facts["ok_reopened"]
