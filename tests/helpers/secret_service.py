"""A real, private Secret Service for tests: dbus-daemon plus gnome-keyring, in a temp dir.

Nothing here touches the user's own session bus or keyring: the bus is a fresh one, and
gnome-keyring's HOME, XDG_DATA_HOME and XDG_RUNTIME_DIR all point into a temp directory.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SECRETS_BUS_NAME = "org.freedesktop.secrets"
KEYRING_PASSWORD = b"confidant-test-keyring"


class SecretServiceUnavailable(RuntimeError):
    """dbus-daemon or gnome-keyring-daemon is not installed or did not start."""


@dataclass(frozen=True)
class SecretService:
    """A running private Secret Service."""

    bus_address: str
    root: Path
    dbus_pid: int
    keyring_pid: int

    def environment(self) -> dict[str, str]:
        """The variables that point ``keyring`` at this service."""
        return {
            "DBUS_SESSION_BUS_ADDRESS": self.bus_address,
            "PYTHON_KEYRING_BACKEND": "keyring.backends.SecretService.Keyring",
        }

    def dead_daemons(self) -> list[str]:
        """Which of the two daemons is no longer running (empty while both are).

        A failure after the keyring died mid-run looks like a hundred unrelated failures;
        naming the dead daemon in the report says where to look.
        """
        daemons = {"dbus-daemon": self.dbus_pid, "gnome-keyring-daemon": self.keyring_pid}
        return [f"{name} (pid {pid})" for name, pid in daemons.items() if not _running(pid)]


def _running(pid: int) -> bool:
    """Whether ``pid`` is a live process (a zombie, exited but not yet reaped, is not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except FileNotFoundError:
        return False
    except OSError:
        # No /proc (not Linux): existence is the best we can tell.
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    # The state follows the command name, which is in brackets and may contain spaces.
    return stat.rpartition(")")[2].split()[0] != "Z"


def _bus_has_name(address: str, name: str) -> bool:
    from jeepney import DBusAddress, new_method_call
    from jeepney.io.blocking import open_dbus_connection

    bus = DBusAddress(
        "/org/freedesktop/DBus", bus_name="org.freedesktop.DBus", interface="org.freedesktop.DBus"
    )
    with open_dbus_connection(address) as conn:
        reply = conn.send_and_get_reply(new_method_call(bus, "NameHasOwner", "s", (name,)))
    return bool(reply.body[0])


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@contextlib.contextmanager
def running_secret_service(timeout: float = 15.0) -> Iterator[SecretService]:
    """Start a private bus and gnome-keyring on it; stop both (by PID) afterwards."""
    for tool in ("dbus-daemon", "gnome-keyring-daemon"):
        if shutil.which(tool) is None:
            raise SecretServiceUnavailable(
                f"{tool} is not installed; run: apt-get install gnome-keyring dbus"
            )
    root = Path(tempfile.mkdtemp(prefix="confidant-secrets-"))
    for sub in ("home", "data", "runtime"):
        (root / sub).mkdir(mode=0o700)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(root / "home"),
        "XDG_DATA_HOME": str(root / "data"),
        "XDG_RUNTIME_DIR": str(root / "runtime"),
        "LANG": "C.UTF-8",
    }
    dbus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    keyring_proc: subprocess.Popen[bytes] | None = None
    try:
        assert dbus.stdout is not None
        address = dbus.stdout.readline().decode().strip()
        if not address:
            raise SecretServiceUnavailable("dbus-daemon printed no address")
        keyring_proc = subprocess.Popen(
            ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**env, "DBUS_SESSION_BUS_ADDRESS": address},
        )
        assert keyring_proc.stdin is not None
        keyring_proc.stdin.write(KEYRING_PASSWORD)
        keyring_proc.stdin.close()
        deadline = time.monotonic() + timeout
        while not _bus_has_name(address, SECRETS_BUS_NAME):
            if keyring_proc.poll() is not None:
                raise SecretServiceUnavailable("gnome-keyring-daemon exited at start")
            if time.monotonic() > deadline:
                raise SecretServiceUnavailable("gnome-keyring did not appear on the bus")
            time.sleep(0.05)
        yield SecretService(address, root, dbus.pid, keyring_proc.pid)
    finally:
        if keyring_proc is not None:
            _stop(keyring_proc)
        _stop(dbus)
        if dbus.stdout is not None:
            dbus.stdout.close()
        shutil.rmtree(root, ignore_errors=True)
