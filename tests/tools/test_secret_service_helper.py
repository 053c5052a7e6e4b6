"""The test suite's private Secret Service names a daemon that died mid-run."""

from __future__ import annotations

import os
import signal

from tests.helpers.secret_service import running_secret_service


def test_a_killed_keyring_is_reported_dead_and_a_live_one_is_not() -> None:
    # A second private service of its own: killing the session's would break later tests.
    with running_secret_service() as service:
        assert service.dead_daemons() == []
        os.kill(service.keyring_pid, signal.SIGKILL)
        # Not reaped until the helper stops it, so this also covers the zombie case.
        os.waitid(os.P_PID, service.keyring_pid, os.WEXITED | os.WNOWAIT)
        assert service.dead_daemons() == [f"gnome-keyring-daemon (pid {service.keyring_pid})"]
