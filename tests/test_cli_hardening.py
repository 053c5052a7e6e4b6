"""CLI parts of issue 18: ``chat -``, undecodable arguments, ``key rotate``, killed exports."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

from app.core import profile
from app.core.service import Confidant
from tests.helpers.files import REPO_ROOT, run_cli


def test_chat_reads_the_prompt_from_stdin(profile_dir: Path) -> None:
    secret = "a prompt nobody should see in the process list"
    service = Confidant(profile_dir)
    service.open()
    service.consent.grant("store_conversations")
    service.close()
    result = run_cli("chat", "-", stdin=secret)
    assert result.returncode == 0, result.stderr
    service.open()
    try:
        stored = [
            m.content
            for c in service.chat.conversations()
            for m in service.chat.conversation_messages(c.id)
        ]
    finally:
        service.close()
    assert secret in stored


def test_chat_refuses_undecodable_stdin_and_arguments(profile_dir: Path) -> None:
    bad = subprocess.run(
        [sys.executable, "-m", "app", "chat", "-"],
        cwd=REPO_ROOT,
        input=b"\xff\xfe not utf-8",
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert bad.returncode == 2
    assert bad.stderr.decode().strip() == (
        "confidant: The prompt on standard input is not valid UTF-8 text."
    )
    lone = subprocess.run(
        [sys.executable, "-m", "app", "chat", b"broken \xff argument"],  # type: ignore[list-item]
        cwd=REPO_ROOT,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert lone.returncode == 2, lone.stderr
    lines = lone.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "not valid text" in lines[0] and "internal error" not in lines[0]


def test_key_rotate_reports_progress_and_changes_the_key(profile_dir: Path) -> None:
    service = Confidant(profile_dir)
    service.open()
    service.close()
    before = profile.load_profile_file(profile_dir)
    result = run_cli("key", "rotate")
    assert result.returncode == 0, result.stderr
    assert "[1/5] staging the new key" in result.stderr
    assert "[5/5] replacing the old key" in result.stderr
    after = profile.load_profile_file(profile_dir)
    assert before is not None and after is not None
    assert after.key_check != before.key_check and after.pending_key_check is None
    service.open()
    service.close()


_SLOW_EXPORT = """
import os, signal, sys
from pathlib import Path
from app.core import portability
from app.core.service import Confidant

real = portability._write_format


def slow(sink, *args, **kwargs):
    sink.write(b"plaintext that must not stay behind " * 1000)
    sink.flush()
    print("writing", flush=True)
    signal.pause()  # killed here, mid-export


portability._write_format = slow
service = Confidant(Path(sys.argv[1]))
service.open()
service.data.export(Path(sys.argv[2]))
"""


def test_a_killed_export_leaves_no_plaintext_after_the_next_start(
    profile_dir: Path, tmp_path: Path
) -> None:
    service = Confidant(profile_dir)
    service.open()
    service.close()
    target_dir = tmp_path / "exports"
    target_dir.mkdir()
    child = subprocess.Popen(
        [sys.executable, "-c", _SLOW_EXPORT, str(profile_dir), str(target_dir / "mine.json")],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "writing"
    time.sleep(0.2)
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    leftovers = list(target_dir.iterdir())
    assert len(leftovers) == 1 and leftovers[0].name.startswith(".mine.json.")
    assert stat.S_IMODE(leftovers[0].stat().st_mode) == 0o600

    service.open()  # the next start
    service.close()
    assert list(target_dir.iterdir()) == []
