"""Scrolling a 10,000-message conversation: the longest event-loop stall, against a bare view.

Everything runs in one process, offscreen, in a 1000×700 window, while a 1 ms heartbeat timer
records the gaps between its ticks: the longest gap, less the millisecond it waits anyway, is
the longest the event loop was held up (a "stall"; the target is none over 50 ms).

Two views get the same conversation (alternating plain-text prompts and Markdown replies with
bold text, lists and code, of varied lengths) and the same scrolling, one after the other:

* Confidant's ``TranscriptView``, filled with ``load`` (as a stored conversation is opened),
  then left to measure the messages off screen;
* the baseline: one bare ``QTextBrowser`` holding the same text, plain, set in one go.

Each is then scrolled from top to bottom a page at a time through its scroll bar, and from
bottom to top by wheel events of one page each (Qt caps a wheel step at a page), one step per
2 ms timer tick so the heartbeat can run between steps. Painting happens as on screen (the
offscreen platform paints into memory). Printed: the longest stall of each phase, the mean
time a step took, the ratio of the longest scrolling stalls, and the 99th percentile of the
scrolling stalls in CPU time (steadier than the longest on a shared machine).

Usage: ``python bench/scroll.py [--messages N] [--seed S]``. Nothing here asserts on timings.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from PySide6.QtCore import QPoint, QPointF, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QWheelEvent  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractScrollArea,
    QAbstractSlider,
    QApplication,
    QMainWindow,
    QTextBrowser,
)

from app.gui.widgets.transcript_view import TranscriptView  # noqa: E402

TARGET_MS = 50.0
HEARTBEAT_MS = 1
STEP_MS = 2
WINDOW = (1000, 700)
WORDS = str.split(
    """
    the boat is ready for the season and the harbour master says the mooring fee is paid so
    all that is left is to check the sails ropes and engine before we leave on saturday with
    enough food water and fuel for a week along the coast past the lighthouse and the islands
    """
)


def conversation(count: int, seed: int) -> list[tuple[str, str, bool]]:
    """``count`` messages: prompts of 5–60 words, replies of 10–250 words in Markdown."""
    rng = random.Random(seed)
    messages: list[tuple[str, str, bool]] = []
    for number in range(count):
        if number % 2 == 0:
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 60)))
            messages.append(("You", f"{words.capitalize()}?", False))
            continue
        paragraphs = []
        for _ in range(rng.randint(1, 4)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(10, 60))]
            words[rng.randrange(len(words))] = f"**{rng.choice(WORDS)}**"
            words[rng.randrange(len(words))] = f"`{rng.choice(WORDS)}`"
            paragraphs.append(" ".join(words).capitalize() + ".")
        if rng.random() < 0.3:
            paragraphs.append("\n".join(f"- {rng.choice(WORDS)}" for _ in range(3)))
        messages.append(("Assistant", "\n\n".join(paragraphs), True))
    return messages


@dataclass
class Heartbeat:
    """A 1 ms timer; records the longest gap between ticks since ``reset``.

    Both in wall time (what a user would feel, including any time the machine gave to other
    processes) and in the GUI thread's CPU time (the work the event loop did in one go, which
    other processes on this shared machine cannot inflate).
    """

    timer: QTimer = field(default_factory=QTimer)
    last: tuple[float, float] = (0.0, 0.0)
    longest: float = 0.0
    longest_cpu: float = 0.0
    #: Every gap in CPU time since ``reset`` (for a percentile, steadier than the longest).
    gaps_cpu: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.reset()

    def _tick(self) -> None:
        now = (time.perf_counter(), time.thread_time())
        self.longest = max(self.longest, now[0] - self.last[0])
        self.longest_cpu = max(self.longest_cpu, now[1] - self.last[1])
        self.gaps_cpu.append(now[1] - self.last[1])
        self.last = now

    def reset(self) -> None:
        """Start a new phase."""
        self.last = (time.perf_counter(), time.thread_time())
        self.longest = self.longest_cpu = 0.0
        self.gaps_cpu = []

    def stalls_ms(self) -> tuple[float, float]:
        """The longest gaps so far (wall, CPU), less the heartbeat's own interval."""
        self._tick()
        return max(0.0, self.longest * 1000 - HEARTBEAT_MS), self.longest_cpu * 1000

    def percentile_cpu_ms(self, share: float) -> float:
        """The gap in CPU time that ``share`` of the gaps so far stay within."""
        ordered = sorted(self.gaps_cpu)
        return ordered[min(int(share * len(ordered)), len(ordered) - 1)] * 1000 if ordered else 0.0


@dataclass(frozen=True)
class Phase:
    """One measured phase: its longest stall (wall and CPU), its steps, how long in all."""

    stalls_ms: tuple[float, float]
    steps: int = 0
    seconds: float = 0.0
    #: The 99th percentile of the gaps in CPU time (one long gap on a shared machine moves
    #: the longest stall, not this).
    p99_cpu_ms: float = 0.0

    @property
    def stall_ms(self) -> float:
        """The longest stall in wall time."""
        return self.stalls_ms[0]

    def per_step_ms(self) -> float:
        """The mean wall time of a step (including the wait between steps)."""
        return self.seconds * 1000 / self.steps if self.steps else 0.0


def run_until(app: QApplication, done: Callable[[], bool], timeout: float = 600) -> None:
    """Run the event loop until ``done()`` is true."""
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.0002)


def scroll(app: QApplication, view: QAbstractScrollArea, heart: Heartbeat, *, down: bool) -> Phase:
    """Page through ``view`` top to bottom (scroll bar) or bottom to top (wheel events)."""
    bar = view.verticalScrollBar()
    bar.setValue(bar.minimum() if down else bar.maximum())
    app.processEvents()
    state = {"steps": 0, "done": False}
    centre = QPointF(view.viewport().rect().center())

    def step() -> None:
        at_end = bar.value() >= bar.maximum() if down else bar.value() <= bar.minimum()
        if at_end:
            state["done"] = True
            driver.stop()
            return
        state["steps"] += 1
        if down:
            bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
        else:
            notches = 120 * 20  # far more than a page: Qt scrolls one page at most
            wheel = QWheelEvent(
                centre,
                QPointF(view.viewport().mapToGlobal(centre.toPoint())),
                QPoint(0, 0),
                QPoint(0, notches),
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
                Qt.ScrollPhase.NoScrollPhase,
                False,
            )
            QApplication.sendEvent(view.viewport(), wheel)

    driver = QTimer()
    driver.setTimerType(Qt.TimerType.PreciseTimer)
    driver.setInterval(STEP_MS)
    driver.timeout.connect(step)
    heart.reset()
    started = time.perf_counter()
    driver.start()
    run_until(app, lambda: state["done"])
    stalls = heart.stalls_ms()
    seconds = time.perf_counter() - started
    return Phase(stalls, state["steps"], seconds, heart.percentile_cpu_ms(0.99))


def measure_transcript(
    app: QApplication, messages: list[tuple[str, str, bool]], heart: Heartbeat
) -> dict[str, Phase]:
    """Fill Confidant's transcript with ``load``, let it measure, and scroll it both ways."""
    window = QMainWindow()
    view = TranscriptView(window)
    window.setCentralWidget(view)
    window.resize(*WINDOW)
    window.show()
    app.processEvents()

    # Loaded as the app loads it, on its I/O pool once a profile is open (chat_client.py):
    # the renderer's one-off import is not a stall of the transcript's. A tree from before
    # issue 16 (Qt rendered the Markdown) has none, so this file can measure it too.
    try:
        from app.core.markdown import warm_up
    except ImportError:
        pass
    else:
        warm_up()
    phases: dict[str, Phase] = {}
    heart.reset()
    started = time.perf_counter()
    view.load(messages)
    run_until(app, lambda: not view.loading)
    phases["fill"] = Phase(heart.stalls_ms(), 1, time.perf_counter() - started)
    heart.reset()
    started = time.perf_counter()
    run_until(app, lambda: not view.measuring)
    phases["measure"] = Phase(heart.stalls_ms(), 1, time.perf_counter() - started)
    phases["down"] = scroll(app, view, heart, down=True)
    phases["up"] = scroll(app, view, heart, down=False)
    assert view.shown_rows()[0] is view.messages()[0]
    window.close()
    return phases


def measure_baseline(
    app: QApplication, messages: list[tuple[str, str, bool]], heart: Heartbeat
) -> dict[str, Phase]:
    """The same text in one bare QTextBrowser, plain, and the same scrolling."""
    window = QMainWindow()
    view = QTextBrowser(window)
    window.setCentralWidget(view)
    window.resize(*WINDOW)
    window.show()
    app.processEvents()
    text = "\n\n".join(f"{speaker}\n{body}" for speaker, body, _markdown in messages)
    phases: dict[str, Phase] = {}
    heart.reset()
    started = time.perf_counter()
    view.setPlainText(text)
    app.processEvents()
    phases["fill"] = Phase(heart.stalls_ms(), 1, time.perf_counter() - started)
    phases["down"] = scroll(app, view, heart, down=True)
    phases["up"] = scroll(app, view, heart, down=False)
    window.close()
    return phases


def main() -> int:
    """Measure both views and print the table and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000, help="default 10,000")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    app = QApplication([])
    heart = Heartbeat()
    messages = conversation(args.messages, args.seed)
    baseline = measure_baseline(app, messages, heart)
    transcript = measure_transcript(app, messages, heart)

    print(
        f"Scrolling {args.messages:,} messages, offscreen, {WINDOW[0]}x{WINDOW[1]}; "
        f"longest event-loop stall ({HEARTBEAT_MS} ms heartbeat)"
    )
    print("longest stall in wall time / in the GUI thread's CPU time")
    print(f"{'phase':<30} {'transcript':>24} {'bare QTextBrowser':>24}")
    labels = {
        "fill": "fill (load / setPlainText)",
        "measure": "measure heights off screen",
        "down": "page down, scroll bar",
        "up": "page up, wheel events",
    }
    for key, label in labels.items():
        ours = transcript.get(key)
        theirs = baseline.get(key)
        cells = []
        for phase in (ours, theirs):
            if phase is None:
                cells.append("—")
            else:
                wall, cpu = phase.stalls_ms
                cells.append(f"{wall:.1f} / {cpu:.1f} ms")
        print(f"{label:<30} {cells[0]:>24} {cells[1]:>24}")
    for key in ("fill", "measure"):
        print(f"{labels[key]}: {transcript[key].seconds:.2f} s in all", end="")
        print(f" (bare: {baseline[key].seconds:.2f} s)" if key in baseline else "")
    for key in ("down", "up"):
        ours, theirs = transcript[key], baseline[key]
        print(
            f"{labels[key]}: {ours.steps:,} steps at {ours.per_step_ms():.1f} ms each "
            f"(bare: {theirs.steps:,} at {theirs.per_step_ms():.1f} ms)"
        )
    for index, clock in enumerate(("wall", "CPU")):
        worst = max(transcript[key].stalls_ms[index] for key in ("down", "up"))
        worst_bare = max(baseline[key].stalls_ms[index] for key in ("down", "up"))
        print(
            f"ratio of the longest scrolling stalls ({clock}), transcript/bare: "
            f"{worst / worst_bare:.2f}"
        )
    print(
        "99th percentile of the scrolling stalls (CPU), page down / page up: "
        f"{transcript['down'].p99_cpu_ms:.1f} / {transcript['up'].p99_cpu_ms:.1f} ms "
        f"(bare: {baseline['down'].p99_cpu_ms:.1f} / {baseline['up'].p99_cpu_ms:.1f} ms)"
    )
    for index, clock in enumerate(("wall", "CPU")):
        longest = max(phase.stalls_ms[index] for phase in transcript.values())
        verdict = "within" if longest <= TARGET_MS else "OVER"
        print(
            f"longest transcript stall ({clock}), any phase: {longest:.1f} ms "
            f"({verdict} the target of {TARGET_MS:.0f} ms)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
