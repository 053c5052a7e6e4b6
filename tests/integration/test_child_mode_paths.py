"""Child mode closes every path: a per-turn assistant choice, a clock jump, an older database.

The issue's findings 4 and 5: ``chat --provider X --model Y`` ran without the PIN (and the local
server got the request); under ``faketime '+Nd'`` six more wrong PINs were allowed, then the
right one turned child mode off; copying back an older ``confidant.db`` reset the count.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from app.core.childmode import GuardianLocked, GuardianRequired, WrongPin
from app.core.clock import FixedClock
from app.core.service import Confidant
from tests.helpers.files import run_cli
from tests.helpers.providers import running_provider

PIN = "482913"
START = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC)


def _child(directory: Path, clock: FixedClock | None = None) -> Confidant:
    service = Confidant(directory, clock=clock)
    service.open()
    service.child.enable(PIN)
    return service


def test_choosing_the_assistant_for_one_turn_needs_the_pin(profile_dir: Path) -> None:
    with running_provider("openai", api_key=None) as provider:
        service = _child(profile_dir)
        try:
            conversation = service.chat.new_conversation()
            for choice in ({"provider": "openai_compat"}, {"model": "any-model"}):
                with pytest.raises(GuardianRequired):
                    service.chat.stream(conversation, "hello", **choice)
            with pytest.raises(GuardianRequired):
                service.assistant.test_connection(
                    "openai_compat", base_url=provider.base_url, model="m"
                )
            assert provider.chat_requests() == []
            service.child.authorize_guardian(PIN)
            service.chat.stream(conversation, "hello", model="any-model")  # with the PIN: allowed
        finally:
            service.close()


def test_the_cli_chat_cannot_pick_a_provider_without_the_pin(
    profile_dir: Path, tmp_path: Path
) -> None:
    with running_provider("openai", api_key=None) as provider:
        service = Confidant(profile_dir)
        service.open()
        service.assistant.set_provider("openai_compat", base_url=provider.base_url, model="m")
        service.assistant.set_provider("offline")
        service.child.enable(PIN)
        service.close()
        result = run_cli("chat", "hi", "--provider", "openai_compat", "--model", "any-model")
        assert result.returncode == 1
        assert "guardian" in result.stderr.lower()
        assert provider.chat_requests() == []

        pin_file = tmp_path / "pin"
        pin_file.write_text(PIN, encoding="utf-8")
        allowed = run_cli(
            "chat", "hi", "--provider", "openai_compat", "--model", "m", "--pin-file", str(pin_file)
        )
        assert allowed.returncode == 0, allowed.stderr
        assert len(provider.chat_requests()) == 1


def _lock_out(service: Confidant) -> None:
    for _ in range(5):
        with pytest.raises(WrongPin):
            service.child.authorize_guardian("111111")
    with pytest.raises(GuardianLocked):
        service.child.authorize_guardian(PIN)


def test_a_forward_clock_jump_does_not_end_a_lockout(profile_dir: Path) -> None:
    clock = FixedClock(START)
    service = _child(profile_dir, clock)
    try:
        _lock_out(service)
        clock.jump(dt.timedelta(days=30))  # the wall clock moves; no real time passes
        with pytest.raises(GuardianLocked):
            service.child.authorize_guardian(PIN)
        assert service.child.status().locked_until is not None
        clock.advance(dt.timedelta(seconds=31))  # real time passing does end it
        service.child.authorize_guardian(PIN)
    finally:
        service.close()


def test_copying_back_an_older_database_does_not_reset_the_count(profile_dir: Path) -> None:
    clock = FixedClock(START)
    service = _child(profile_dir, clock)
    service.close()
    older = profile_dir.parent / "older.db"
    shutil.copy2(profile_dir / "confidant.db", older)

    service = Confidant(profile_dir, clock=clock)
    service.open()
    _lock_out(service)
    service.close()
    shutil.copy2(older, profile_dir / "confidant.db")

    again = Confidant(profile_dir, clock=clock)
    again.open()
    try:
        assert again.child.status().failed_attempts == 5
        with pytest.raises(GuardianLocked):
            again.child.authorize_guardian(PIN)
    finally:
        again.close()


@pytest.mark.skipif(shutil.which("faketime") is None, reason="needs libfaketime (faketime)")
def test_the_cli_under_faketime_stays_locked(profile_dir: Path, tmp_path: Path) -> None:
    service = _child(profile_dir)
    service.close()
    wrong, right = tmp_path / "wrong", tmp_path / "right"
    wrong.write_text("111111", encoding="utf-8")
    right.write_text(PIN, encoding="utf-8")
    for _ in range(6):
        run_cli("child-mode", "disable", "--pin-file", str(wrong))
    faked = ["faketime", "-f", "+30d"]
    probe = _run_faked(faked, "--version")
    assert probe.returncode == 0
    jumped = _python_time(faked) - _python_time([])
    assert jumped > 29 * 86400  # libfaketime really moves the clock the CLI sees
    result = _run_faked(faked, "child-mode", "disable", "--pin-file", str(right))
    assert result.returncode == 1
    assert "Too many wrong PINs" in result.stderr
    status = run_cli("child-mode", "status")
    assert "child mode: on" in status.stdout


def _run_faked(prefix: list[str], *args: str):  # type: ignore[no-untyped-def]
    import os
    import subprocess
    import sys

    from tests.helpers.files import REPO_ROOT

    return subprocess.run(
        [*prefix, sys.executable, "-m", "app", *args],
        cwd=REPO_ROOT,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
    )


def _python_time(prefix: list[str]) -> float:
    import subprocess
    import sys

    out = subprocess.run(
        [*prefix, sys.executable, "-c", "import time; print(time.time())"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return float(out.stdout)
