"""Opening a stored conversation of 1,000 messages: time to its first paint, against an empty chat.

One process, offscreen, a 1000×700 window holding Confidant's chat page (``ChatView``). A real
encrypted profile (passphrase mode, so no keyring is needed; the key is derived once, before
any timing) holds one conversation of N messages (alternating prompts and Markdown replies
with bold text, lists, a table and fenced code).

Measured, each from a standing start until the transcript's viewport has painted:

* **open**: ``service.open_conversation`` (the read from the encrypted store, the vault, the
  messages) and the window's way of showing it (``transcript.clear`` then ``load``), until
  the first paint that shows messages;
* **empty** (the baseline): ``transcript.clear`` for a new chat, until its first paint.

Each is repeated (alternating) and the median is printed with the ratio open/empty. The
Markdown cache is cleared before every open, so each renders from scratch.

Usage: ``python bench/open_conversation.py [--messages N] [--rounds R]``. Nothing here asserts.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

from app.core import markdown  # noqa: E402
from app.core.conversations import Conversation, ConversationStore, Message  # noqa: E402
from app.core.service import Confidant  # noqa: E402
from app.gui.views.chat_page import ChatView  # noqa: E402

TARGET_MS = 100.0
WINDOW = (1000, 700)
PASSPHRASE = "bench-only passphrase, protects nothing"
WORDS = str.split(
    """
    the boat is ready for the season and the harbour master says the mooring fee is paid so
    all that is left is to check the sails ropes and engine before we leave on saturday
    """
)


def reply(rng: random.Random) -> str:
    """A Markdown reply with the usual parts."""
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(10, 120)))
    parts = [f"Here is **the plan**: {words}."]
    if rng.random() < 0.3:
        parts.append("- check the sails\n- check the ropes\n- fill the tank")
    if rng.random() < 0.2:
        parts.append("| day | port |\n|---|---|\n| Sat | Brest |\n| Sun | Cork |")
    if rng.random() < 0.3:
        parts.append("```python\ndef fuel(days):\n    return days * 12.5\n```")
    return "\n\n".join(parts)


def make_profile(directory: Path, count: int) -> tuple[Confidant, str]:
    """An open passphrase-mode profile with one stored conversation of ``count`` messages."""
    service = Confidant(directory)
    service.open(PASSPHRASE)
    rng = random.Random(7)
    conversation = Conversation()
    for index in range(count):
        if index % 2 == 0:
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 40)))
            conversation.messages.append(Message("user", text, "2026-12-01T10:00:00+00:00"))
        else:
            conversation.messages.append(
                Message("assistant", reply(rng), "2026-12-01T10:00:01+00:00")
            )
    ConversationStore(service.database, service.clock).save(conversation)
    return service, conversation.id


class PaintWatch(QObject):
    """Notes when the viewport paints."""

    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Remember a paint; let it through."""
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def until_painted(app: QApplication, view: ChatView, watch: PaintWatch, *, messages: bool) -> None:
    """Run the event loop until the viewport painted (with messages on it, if asked)."""
    deadline = time.perf_counter() + 10
    while time.perf_counter() < deadline:
        app.processEvents()
        if watch.painted and (not messages or view.transcript.shown_rows()):
            return
        watch.painted = False
    raise RuntimeError("no paint within 10 s")


def main() -> int:
    """Run the benchmark and print the medians and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    app = QApplication([])
    window = QMainWindow()
    view = ChatView(window)
    window.setCentralWidget(view)
    window.resize(*WINDOW)
    window.show()
    app.processEvents()
    watch = PaintWatch()
    view.transcript.viewport().installEventFilter(watch)

    with tempfile.TemporaryDirectory(prefix="confidant-bench-") as folder:
        service, conversation_id = make_profile(Path(folder) / "profile", args.messages)
        opens: list[float] = []
        empties: list[float] = []
        try:
            for _round in range(args.rounds):
                # The empty chat (a new chat in the window).
                watch.painted = False
                started = time.perf_counter()
                view.transcript.clear()
                view.transcript.update()
                until_painted(app, view, watch, messages=False)
                empties.append((time.perf_counter() - started) * 1000)

                # Open the stored conversation, as the sidebar does.
                markdown._render.cache_clear()
                service.close()
                service.open(PASSPHRASE, purge=False)  # nothing of it in memory any more
                watch.painted = False
                started = time.perf_counter()
                opened = service.chat.open_conversation(conversation_id)
                view.transcript.clear()
                view.transcript.load(
                    ("You" if m.role == "user" else "Assistant", m.content, m.role != "user")
                    for m in opened.messages
                )
                until_painted(app, view, watch, messages=True)
                opens.append((time.perf_counter() - started) * 1000)
                while view.transcript.loading:
                    app.processEvents()
        finally:
            service.close()

    open_ms, empty_ms = statistics.median(opens), statistics.median(empties)
    print(f"Opening a stored conversation of {args.messages:,} messages, offscreen, 1000x700")
    print(f"median of {args.rounds} rounds (min-max)")
    spread_open = f"{min(opens):.1f}-{max(opens):.1f}"
    spread_empty = f"{min(empties):.1f}-{max(empties):.1f}"
    print(f"open, to first paint with messages: {open_ms:7.1f} ms ({spread_open})")
    print(f"empty chat, to first paint:         {empty_ms:7.1f} ms ({spread_empty})")
    print(f"ratio open/empty: {open_ms / empty_ms:.1f}")
    verdict = "within" if open_ms < TARGET_MS else "OVER"
    print(f"open: {open_ms:.1f} ms ({verdict} the target of {TARGET_MS:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
