"""On a full disk, reading and every deletion still work, and a write fails in one clear line.

Finding 7: when the store's own growth (and then another file) filled the disk, every open
failed on the purge's bookkeeping, so list, search, export, delete, withdraw-with-delete and
forget-me all failed. Here a small tmpfs in a private user and mount namespace is filled to the
last byte, then each command runs as a real CLI process.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]

_CHILD = r"""
import json, os, subprocess, sys
from pathlib import Path
from app.core.clock import SystemClock, iso
from app.core.conversations import ConversationStore, Message
from app.core.errors import DiskFull
from app.core.service import Confidant

root, outside = Path(sys.argv[1]), Path(sys.argv[2])
home = root / "profile"
facts = {}
service = Confidant(home)
service.open()
service.consent.grant("store_conversations")
ids = []
for n in range(3):
    conversation = service.chat.new_conversation()
    service.chat.record_turn(conversation, f"kept question {n}", "kept answer")
    ids.append(conversation)
facts["reserve_made"] = (home / "space-reserve").exists()
store = ConversationStore(service.database, SystemClock())
turns = 0
try:
    while turns < 100000:
        text = f"turn {turns} " + os.urandom(3000).hex()
        store.append(f"filler-{turns // 50}", [Message("user", text, iso(SystemClock().now()))])
        turns += 1
except DiskFull:
    pass
facts["filled_by_store"] = turns
service.close()
# Another file takes whatever is left, to the last block.
with open(root / "ballast", "wb", buffering=0) as ballast:
    chunk = b"\0" * 4096
    try:
        while True:
            ballast.write(chunk)
            ballast.flush()
    except OSError:
        pass
    try:
        while True:
            ballast.write(b"\0")
            ballast.flush()
    except OSError:
        pass
stats = os.statvfs(root)
facts["free_bytes"] = stats.f_bavail * stats.f_frsize


def cli(*args, stdin=None):
    env = {**os.environ, "CONFIDANT_HOME": str(home)}
    done = subprocess.run([sys.executable, "-m", "app", *args], env=env, input=stdin,
                          capture_output=True, text=True, timeout=120)
    return {"code": done.returncode, "stderr": done.stderr.strip().splitlines()}


facts["chat"] = cli("chat", "a question that cannot be kept on a full disk")
facts["list"] = cli("conversations", "list")
facts["search"] = cli("conversations", "search", "kept")
facts["export"] = cli("export", "--out", str(outside / "export.json"))
facts["delete_one"] = cli("delete", "--conversation", ids[0], "--yes")
facts["withdraw"] = cli("consent", "withdraw", "store_conversations", "--delete-history")
facts["delete_all"] = cli("delete", "--all", "--yes")
facts["forget_me"] = cli("forget-me", "--yes")
facts["profile_left"] = sorted(p.name for p in home.iterdir()) if home.exists() else []
print(json.dumps(facts))
"""


def _in_private_namespace(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", *command],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs unshare (util-linux)")
def test_reading_and_every_deletion_work_on_a_full_disk(tmp_path: Path) -> None:
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    mount = 'mount -t tmpfs -o size=24m,mode=0700 tmpfs "$1"'
    probe = _in_private_namespace("sh", "-c", mount, "sh", str(mount_point))
    if probe.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs in a user namespace here: {probe.stderr.strip()}")
    script = f'{mount} && exec "$2" -c "$3" "$1" "$4"'
    result = _in_private_namespace(
        "sh", "-c", script, "sh", str(mount_point), sys.executable, _CHILD, str(outside)
    )
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout.strip().splitlines()[-1])

    assert facts["reserve_made"]
    assert facts["filled_by_store"] > 0
    assert facts["free_bytes"] < 64 * 1024

    # A write on a full disk fails, in one line that says so. Now and then (seen in about
    # one full-suite run in two, never alone) SQLite still holds room from before the disk
    # filled, and the turn is kept: that loses nothing either, and says so in its one line.
    chat = facts["chat"]
    assert [line for line in chat["stderr"] if "WARNING" in line] == []
    assert len(chat["stderr"]) >= 1
    if chat["code"] == 0:
        assert chat["stderr"][-1] == "[Saved, encrypted]", chat
    else:
        assert chat["code"] == 1, chat
        assert chat["stderr"][-1].startswith("confidant: The disk is full"), chat

    for command in ("list", "search", "export", "delete_one", "withdraw", "delete_all"):
        assert facts[command]["code"] == 0, (command, facts[command])
        assert [line for line in facts[command]["stderr"] if "WARNING" in line] == [], command
    assert facts["forget_me"]["code"] == 0, facts["forget_me"]
    assert facts["profile_left"] == []
    assert json.loads((outside / "export.json").read_text(encoding="utf-8"))["conversations"]
