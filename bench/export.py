"""Export benchmark: 100,000 messages, time and peak memory, and the GUI thread's longest stall.

Three measurements, each in a fresh child process on the same populated profile:

* baseline: one query reading every message and writing it out as JSON lines, with no
  structure at all (the floor any export must pay);
* ``export`` in JSON, in zip, and encrypted, through the real facade;
* the same JSON export on the GUI's DB lane while a 10 ms QTimer runs on the GUI thread,
  reporting the longest gap between ticks (an event-loop stall).

Targets (issue 6): under 10 s, peak RSS growth under 100 MB, no stall over 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHILD = r"""
import json, os, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
mode, profile_dir, out = sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4])
from app.core.service import Confidant
service = Confidant(profile_dir)
service.open(purge=False)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
stall = None
if mode == "baseline":
    with open(out, "w", encoding="utf-8") as handle:
        sql = "SELECT conversation_id, role, content, created_at FROM messages"
        for row in service.database.query(sql):
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
elif mode == "gui":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QTimer
    from app.gui.workers import WorkerPool
    app = QCoreApplication([])
    lane = WorkerPool("db", 1)
    gaps = []
    last = [time.perf_counter()]
    def tick():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    job = lane.submit(lambda s: s.data.export(out), service)
    job.finished.connect(app.quit)
    app.exec()
    timer.stop()
    lane.shutdown()
    stall = max(gaps) * 1000 if gaps else 0.0
else:
    fmt, passphrase = {"json": ("json", None), "zip": ("zip", None),
                       "encrypted": ("zip", "a benchmark passphrase")}[mode]
    service.data.export(out, fmt=fmt, passphrase=passphrase)
elapsed = time.perf_counter() - started
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
service.close()
print(json.dumps({"seconds": elapsed, "rss_growth_mb": (after - before) / 1024,
                  "bytes": out.stat().st_size, "stall_ms": stall}))
"""


def populate(profile_dir: Path, messages: int) -> None:
    """A profile with ``messages`` messages of about 200 characters, 100 per conversation."""
    from app.core.service import Confidant

    service = Confidant(profile_dir)
    service.open(purge=False)
    service.consent.grant("store_conversations")
    words = ["sail", "harbour", "tide", "wind", "rope", "knot", "chart", "compass", "anchor"]
    now = "2026-11-24T09:00:00+00:00"
    with service.database.transaction() as conn:
        for c in range(messages // 100):
            cid = f"conversation-{c:05d}"
            conn.execute(
                "INSERT INTO conversations(id, title, created_at, updated_at) VALUES (?,?,?,?)",
                (cid, f"Conversation {c}", now, now),
            )
            conn.executemany(
                "INSERT INTO messages(conversation_id, role, content, created_at) "
                "VALUES (?, ?, ?, ?)",
                [
                    (
                        cid,
                        "user" if m % 2 == 0 else "assistant",
                        " ".join(words[(c + m + k) % len(words)] for k in range(30))[:200],
                        now,
                    )
                    for m in range(100)
                ],
            )
    service.close()


def run_child(mode: str, profile_dir: Path, out: Path, env: dict[str, str]) -> dict[str, float]:
    """One measurement in a fresh interpreter."""
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(ROOT), mode, str(profile_dir), str(out)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def main() -> int:
    """Populate a profile, then time each export against the baseline."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=100_000)
    args = parser.parse_args()
    from tests.helpers.secret_service import running_secret_service

    with running_secret_service() as secrets, tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, **secrets.environment(), "QT_QPA_PLATFORM": "offscreen"}
        os.environ.update(secrets.environment())
        profile_dir = Path(tmp) / "profile"
        os.environ["CONFIDANT_HOME"] = str(profile_dir)
        started = time.perf_counter()
        populate(profile_dir, args.messages)
        print(f"populated {args.messages:,} messages in {time.perf_counter() - started:.1f} s")
        rows = {}
        for mode in ("baseline", "json", "zip", "encrypted", "gui"):
            rows[mode] = run_child(mode, profile_dir, Path(tmp) / f"out-{mode}", env)
        base = rows["baseline"]["seconds"]
        print(f"{'run':<22}{'seconds':>9}{'vs baseline':>13}{'RSS growth':>12}{'size':>12}")
        for mode, row in rows.items():
            label = {"gui": "json on the DB lane"}.get(mode, mode)
            print(
                f"{label:<22}{row['seconds']:>9.2f}{row['seconds'] / base:>12.2f}×"
                f"{row['rss_growth_mb']:>10.1f} MB{row['bytes'] / 1e6:>9.1f} MB"
            )
        worst = max(r["seconds"] for m, r in rows.items() if m != "baseline")
        growth = max(r["rss_growth_mb"] for m, r in rows.items() if m != "baseline")
        stall = rows["gui"]["stall_ms"]
        print(f"slowest export {worst:.2f} s (target < 10 s)")
        print(f"largest RSS growth {growth:.1f} MB (target < 100 MB)")
        print(f"longest GUI-thread stall during the export: {stall:.0f} ms (target < 100 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
