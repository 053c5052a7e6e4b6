"""What the GUI benchmarks share: the environment, the profile, and running a child program.

``startup.py`` and ``memory.py`` time or weigh two programs started the same way, in fresh
processes: a bare PySide6 window and Confidant's main window on a real profile (created once
beforehand, its key in a private Secret Service). Both run offscreen, in the same run, so
their ratio is what counts, not the absolute figures of this shared machine.

Bytecode: an installed Confidant (a wheel, the PyInstaller bundle) runs from compiled
bytecode, as PySide6 itself does from its site-packages. A development shell here sets
``PYTHONDONTWRITEBYTECODE``, which would make every child compile Confidant's sources afresh
(about 14 ms a start) while the bare program compiles nothing. So the children may write
bytecode, into a cache directory inside the benchmark's scratch directory (never into the
source tree), and a warm-up run of each program fills it before anything is measured.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from tests.helpers.secret_service import running_secret_service  # noqa: E402

#: Prints ``time.monotonic()`` (shared by every process on Linux) at a widget's first paint.
FIRST_PAINT = """
import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication


class FirstPaint(QObject):
    def __init__(self, then):
        super().__init__()
        self.then = then

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self.then()
        return False
"""


def run_child(
    name: str, source: str, env: dict[str, str], *, args: Sequence[str] = (), timeout: float = 60
) -> list[str]:
    """Run ``source`` with ``python -c`` in the repository; return the words it printed."""
    child = subprocess.run(
        [sys.executable, "-c", source, *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    words = child.stdout.split()
    if child.returncode != 0 or not words:
        raise SystemExit(f"{name} failed (exit {child.returncode}):\n{child.stderr.strip()}")
    return words


def create_profile(env: dict[str, str]) -> None:
    """Create the profile once, as the first start would, so no run pays for making a key."""
    saved = dict(os.environ)
    os.environ.update(env)
    try:
        from app.core.service import Confidant

        service = Confidant()
        service.open()
        service.close()
    finally:
        os.environ.clear()
        os.environ.update(saved)


@contextmanager
def gui_environment(scratch: Path) -> Iterator[dict[str, str]]:
    """A private Secret Service, a created profile, and the environment both programs get."""
    with running_secret_service() as secrets:
        env = {
            **os.environ,
            **secrets.environment(),
            "CONFIDANT_HOME": str(scratch / "profile"),
            "XDG_CONFIG_HOME": str(scratch / "config"),
            "XDG_DATA_HOME": str(scratch / "data"),
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPYCACHEPREFIX": str(scratch / "bytecode"),
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        create_profile(env)
        yield env
