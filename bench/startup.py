"""Start-up time: process start to the main window's first paint, against a bare PySide6 window.

Both programs run offscreen in fresh processes, interleaved: each round runs both, in an order
drawn at random (so neither always runs first after the other's exit). Each child prints
``time.monotonic()`` (a clock shared by every process on Linux) from an event filter that sees
the window's first Paint event, then quits; the parent subtracts the time it took just before
starting the child. Confidant runs on a profile created once beforehand, against a private
Secret Service, so the numbers include reading the real environment but not creating a key.
See ``gui_programs.py`` for the environment (bytecode is cached, as an installed app has it).

Usage: ``python bench/startup.py [--runs N]``. The figure is the median, over the rounds, of
each round's ratio of wall times; the ratios of the medians of wall and of CPU time are
printed too.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from gui_programs import FIRST_PAINT, gui_environment, run_child

TARGET_RATIO = 1.3

_PRINT_AND_QUIT = """
def printed_and_quit():
    print(time.monotonic(), time.process_time(), flush=True)
    QApplication.quit()


first_paint = FirstPaint(printed_and_quit)
"""

BARE_PROGRAM = (
    FIRST_PAINT
    + _PRINT_AND_QUIT
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
    FIRST_PAINT
    + _PRINT_AND_QUIT
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


def time_to_first_paint(program: Program, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from starting ``program`` in a new process to its first paint: wall, and CPU.

    The CPU time is the child's own (all its threads, from its start), which other processes
    on a busy machine cannot inflate the way they do the wall time.
    """
    started = time.monotonic()
    words = run_child(program.name, program.source, env)
    return float(words[0]) - started, float(words[1])


def main() -> int:
    """Time both programs, print a table of medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=31, help="timed runs of each (default 31)")
    parser.add_argument("--seed", type=int, default=13, help="for the order within each round")
    args = parser.parse_args()

    bare = Program("bare PySide6", BARE_PROGRAM)
    confidant = Program("Confidant", CONFIDANT_PROGRAM)
    programs = (bare, confidant)
    order = random.Random(args.seed)
    samples: dict[str, list[tuple[float, float]]] = {program.name: [] for program in programs}
    with (
        tempfile.TemporaryDirectory(prefix="confidant-bench-") as scratch,
        gui_environment(Path(scratch)) as env,
    ):
        for program in programs:  # fills the bytecode cache and warms the file cache
            time_to_first_paint(program, env)
        for _ in range(args.runs):
            for program in order.sample(programs, k=len(programs)):
                samples[program.name].append(time_to_first_paint(program, env))

    print(f"Start to first paint, offscreen, {args.runs} interleaved runs each")
    print(f"{'program':<14} {'median ms':>10} {'min ms':>8} {'max ms':>8} {'CPU median ms':>14}")
    for program in programs:
        wall = [sample[0] for sample in samples[program.name]]
        cpu = [sample[1] for sample in samples[program.name]]
        print(
            f"{program.name:<14} {statistics.median(wall) * 1000:>10.1f} "
            f"{min(wall) * 1000:>8.1f} {max(wall) * 1000:>8.1f} "
            f"{statistics.median(cpu) * 1000:>14.1f}"
        )

    def ratio(index: int) -> float:
        ours = statistics.median(sample[index] for sample in samples[confidant.name])
        theirs = statistics.median(sample[index] for sample in samples[bare.name])
        return ours / theirs

    # Each round's two runs are neighbours in time, so the median of the rounds' own ratios
    # holds up better than the ratio of the medians when the machine's load drifts.
    paired = statistics.median(
        ours[0] / theirs[0]
        for ours, theirs in zip(samples[confidant.name], samples[bare.name], strict=True)
    )
    print(f"ratio Confidant/bare, CPU time: {ratio(1):.2f}")
    print(f"ratio Confidant/bare, wall time, of the medians: {ratio(0):.2f}")
    verdict = "within" if paired <= TARGET_RATIO else "OVER"
    print(
        f"ratio Confidant/bare, wall time, median of the rounds: {paired:.2f} "
        f"({verdict} the target of {TARGET_RATIO:.1f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
