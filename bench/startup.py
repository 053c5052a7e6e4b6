"""Start-up time: process start to the main window's first paint, against a bare PySide6 window.

Both programs run offscreen, alternately, in fresh processes. Each child prints
``time.monotonic()`` (a clock shared by every process on Linux) from an event filter that sees
the window's first Paint event, then quits; the parent subtracts the time it took just before
starting the child. Confidant runs on a profile created once beforehand, against a private
Secret Service, so the numbers include reading the real environment but not creating a key.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from tests.helpers.secret_service import running_secret_service  # noqa: E402

TARGET_RATIO = 1.5

_FIRST_PAINT = """
import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(time.monotonic(), flush=True)
            watched.removeEventFilter(self)
            QApplication.quit()
        return False


first_paint = FirstPaint()
"""

BARE_PROGRAM = (
    _FIRST_PAINT
    + """
from PySide6.QtWidgets import QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.installEventFilter(first_paint)
window.show()
app.exec()
"""
)

# The same steps as app.gui.application.main, with the filter installed before the window shows.
CONFIDANT_PROGRAM = (
    _FIRST_PAINT
    + """
from app.gui.application import build_shell, create_application

app = create_application()
shell = build_shell(app)
shell.window.installEventFilter(first_paint)
shell.start()
app.exec()
shell.shutdown()
"""
)


@dataclass(frozen=True)
class Program:
    """One program to time."""

    name: str
    source: str


def time_to_first_paint(program: Program, env: dict[str, str]) -> float:
    """Seconds from starting ``program`` in a new process to its first paint."""
    started = time.monotonic()
    child = subprocess.run(
        [sys.executable, "-c", program.source],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    lines = child.stdout.split()
    if child.returncode != 0 or not lines:
        raise SystemExit(
            f"{program.name} failed (exit {child.returncode}):\n{child.stderr.strip()}"
        )
    return float(lines[0]) - started


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


def main() -> int:
    """Time both programs, print a table of medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs of each (default 15)")
    args = parser.parse_args()

    programs = (Program("bare PySide6", BARE_PROGRAM), Program("Confidant", CONFIDANT_PROGRAM))
    with (
        tempfile.TemporaryDirectory(prefix="confidant-bench-") as scratch,
        running_secret_service() as secrets,
    ):
        root = Path(scratch)
        env = {
            **os.environ,
            **secrets.environment(),
            "CONFIDANT_HOME": str(root / "profile"),
            "XDG_CONFIG_HOME": str(root / "config"),
            "XDG_DATA_HOME": str(root / "data"),
            "QT_QPA_PLATFORM": "offscreen",
        }
        create_profile(env)
        for program in programs:  # warm the file cache; not counted
            time_to_first_paint(program, env)
        samples: dict[str, list[float]] = {program.name: [] for program in programs}
        for _ in range(args.runs):
            for program in programs:
                samples[program.name].append(time_to_first_paint(program, env))

    print(f"Start to first paint, offscreen, {args.runs} runs each (alternating)")
    print(f"{'program':<14} {'median ms':>10} {'min ms':>8} {'max ms':>8}")
    for program in programs:
        values = samples[program.name]
        print(
            f"{program.name:<14} {statistics.median(values) * 1000:>10.1f} "
            f"{min(values) * 1000:>8.1f} {max(values) * 1000:>8.1f}"
        )
    ratio = statistics.median(samples["Confidant"]) / statistics.median(samples["bare PySide6"])
    verdict = "within" if ratio <= TARGET_RATIO else "OVER"
    print(f"ratio Confidant/bare: {ratio:.2f} ({verdict} the target of {TARGET_RATIO:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
