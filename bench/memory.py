"""Idle memory: the main window on an open profile, against a bare PySide6 window.

The programs start as in ``startup.py`` (fresh processes, offscreen, the same environment; see
``gui_programs.py``), in the same run, interleaved. The bare program shows an empty
``QMainWindow`` the size of Confidant's; Confidant runs its real start-up on a profile created
beforehand, its key in a private Secret Service, until the first conversation can take input.
A third program, "libraries", is the bare window plus the libraries any program keeping
Confidant's promises must load and use (SQLCipher, the keyring's Secret Service backend, TLS):
the floor under Confidant's figure. Each waits until it is idle (for Confidant: nothing queued
on the DB lane or the I/O pool) for ``--idle`` seconds more, and reads its resident set size
from ``/proc/self/status``: ``VmRSS``, and its parts ``RssAnon`` (the heap: Python objects,
Qt's own allocations) and ``RssFile`` (mapped files: the shared libraries, fonts).

Usage: ``python bench/memory.py [--runs N] [--idle S]``. The ratio of the medians of VmRSS is
the figure (target ≤ 1.5×).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
from pathlib import Path

from gui_programs import FIRST_PAINT, gui_environment, run_child

TARGET_RATIO = 1.5

_RSS = """
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

IDLE_MS = int(float(sys.argv[1]) * 1000)
POLL_MS = 50


def resident():
    fields = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "RssAnon", "RssFile"):
                fields[name] = int(value.split()[0])  # kB
    return fields


def measure_when_idle(busy):
    quiet = {"polls": 0}

    def poll():
        quiet["polls"] = 0 if busy() else quiet["polls"] + 1
        if quiet["polls"] * POLL_MS >= IDLE_MS:
            timer.stop()
            fields = resident()
            print(fields["VmRSS"], fields["RssAnon"], fields["RssFile"], flush=True)
            QApplication.quit()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(POLL_MS)
    return timer
"""

# The main window's size, so that neither pays for more pixels than the other.
BARE_PROGRAM = (
    FIRST_PAINT
    + _RSS
    + """
from PySide6.QtWidgets import QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1000, 700)
watch = []
first_paint = FirstPaint(lambda: watch.append(measure_when_idle(lambda: False)))
window.installEventFilter(first_paint)
window.show()
app.exec()
"""
)

# The bare window plus what any program keeping Confidant's promises must load: SQLCipher
# (a keyed database opened), the keyring and its Secret Service backend (a password looked
# up over D-Bus, which brings in cryptography for the session), and TLS for the assistants.
LIBRARIES_PROGRAM = (
    FIRST_PAINT
    + _RSS
    + """
import os

from PySide6.QtWidgets import QMainWindow


def load_libraries():
    import http.client
    import ssl

    import keyring
    import sqlcipher3

    keyring.get_keyring().get_password("confidant-bench", "nobody")
    path = os.path.join(os.environ["CONFIDANT_HOME"], "libraries.db")
    connection = sqlcipher3.connect(path)
    key = "x'" + "ab" * 32 + "'"
    connection.execute(f'PRAGMA key = "{key}"')
    connection.execute("CREATE TABLE IF NOT EXISTS t (x)")
    connection.execute("SELECT count(*) FROM t").fetchall()
    keep.append((connection, http.client, ssl))
    keep.append(measure_when_idle(lambda: False))


app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1000, 700)
keep = []
first_paint = FirstPaint(load_libraries)
window.installEventFilter(first_paint)
window.show()
app.exec()
"""
)

# The same steps as app.gui.application.main; measured once the first chat can take input.
CONFIDANT_PROGRAM = (
    _RSS
    + """
from app.gui.application import build_shell, create_application

app = create_application()
shell = build_shell(app)
watch = []


def busy():
    lanes = shell.db_lane.pending > 0 or shell.io_pool.pending > 0
    return lanes or shell.window.chat_page.turns.busy


shell.ready.connect(lambda: watch.append(measure_when_idle(busy)))
shell.start()
app.exec()
shell.shutdown()
"""
)


def resident_kb(name: str, source: str, env: dict[str, str], idle: float) -> tuple[int, ...]:
    """(VmRSS, RssAnon, RssFile) in kB of ``source`` once idle."""
    words = run_child(name, source, env, args=[str(idle)])
    return tuple(int(word) for word in words[:3])


def main() -> int:
    """Measure both programs, print a table of medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each (default 7)")
    parser.add_argument("--idle", type=float, default=1.0, help="seconds idle first (default 1)")
    parser.add_argument("--seed", type=int, default=13, help="for the order within each round")
    args = parser.parse_args()

    programs = {
        "bare PySide6": BARE_PROGRAM,
        "libraries": LIBRARIES_PROGRAM,
        "Confidant": CONFIDANT_PROGRAM,
    }
    order = random.Random(args.seed)
    samples: dict[str, list[tuple[int, ...]]] = {name: [] for name in programs}
    with (
        tempfile.TemporaryDirectory(prefix="confidant-bench-") as scratch,
        gui_environment(Path(scratch)) as env,
    ):
        for name, source in programs.items():  # fills the bytecode cache; not counted
            resident_kb(name, source, env, 0.1)
        for _ in range(args.runs):
            for name in order.sample(list(programs), k=len(programs)):
                samples[name].append(resident_kb(name, programs[name], env, args.idle))

    print(f"Resident memory once idle for {args.idle:g} s, offscreen, {args.runs} runs each")
    print(f"{'program':<14} {'VmRSS MB':>9} {'RssAnon MB':>11} {'RssFile MB':>11}")
    medians = {}
    for name, values in samples.items():
        medians[name] = [statistics.median(column) / 1024 for column in zip(*values, strict=True)]
        rss, anon, mapped = medians[name]
        print(f"{name:<14} {rss:>9.1f} {anon:>11.1f} {mapped:>11.1f}")
    bare, libraries, confidant = (medians[name] for name in programs)
    print(f"ratio libraries/bare (VmRSS): {libraries[0] / bare[0]:.2f}")
    print(f"ratio Confidant/libraries (VmRSS): {confidant[0] / libraries[0]:.2f}")
    print(f"ratio Confidant/bare (RssAnon): {confidant[1] / bare[1]:.2f}")
    ratio = confidant[0] / bare[0]
    verdict = "within" if ratio <= TARGET_RATIO else "OVER"
    print(f"ratio Confidant/bare (VmRSS): {ratio:.2f} ({verdict} the target of {TARGET_RATIO:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
