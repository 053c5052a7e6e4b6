"""A key rotation that kills itself (SIGKILL) after its N-th durable step, for the crash tests.

Usage: ``python -m tests.helpers.rotate_worker PROFILE_DIR N`` (N < 0: never; it then prints
how many steps a whole rotation took). The steps counted are every statement on the database
connection, every keyring write and every ``profile.json`` write of ``service.rotate_key``: the
points between which a crash can fall. Only the counting is added; the code run is the real one.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

from app.core import profile
from app.core.service import Confidant


class _Steps:
    def __init__(self, kill_after: int) -> None:
        self.kill_after = kill_after
        self.count = 0

    def step(self) -> None:
        self.count += 1
        if self.count == self.kill_after:
            os.kill(os.getpid(), signal.SIGKILL)


class _CountingConnection:
    """Forwards to the real SQLCipher connection; each statement is one step, after it runs."""

    def __init__(self, conn: Any, steps: _Steps) -> None:
        self._conn = conn
        self._steps = steps

    def execute(self, *args: Any) -> Any:
        result = self._conn.execute(*args)
        self._steps.step()
        return result

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def _after(func: Any, steps: _Steps) -> Any:
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        result = func(*args, **kwargs)
        steps.step()
        return result

    return wrapped


def main(argv: list[str]) -> int:
    """Rotate the key of the profile in argv[0], killed after step argv[1]."""
    directory, kill_after = Path(argv[0]), int(argv[1])
    steps = _Steps(kill_after)
    service = Confidant(directory)
    service.open(purge=False)
    opened = service._session.opened  # noqa: SLF001 - the test reaches in to count, never to change
    assert opened is not None
    database = opened.database
    database._conn = _CountingConnection(database._conn, steps)  # noqa: SLF001
    store = getattr(opened.source, "store", None)
    if store is not None:
        store._put_text = _after(store._put_text, steps)  # noqa: SLF001
        store.delete = _after(store.delete, steps)
    profile.save_profile_file = _after(profile.save_profile_file, steps)  # type: ignore[assignment]
    print("rotating", flush=True)  # bench/rotate_kill.py times its SIGKILL from this line
    service.rotate_key()
    print(steps.count, flush=True)
    service.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
