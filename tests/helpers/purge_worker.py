"""A purge run as its own process, so a test can SIGKILL it mid-way.

Usage: python -m tests.helpers.purge_worker PROFILE_DIR ISO_NOW BATCH_ROWS
Prints "purging" when it starts and "done" when the purge has finished.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from app.core.clock import FixedClock
from app.core.service import Confidant


def main() -> int:
    """Open the profile at a fixed time and purge it in small batches."""
    directory, now, batch = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    service = Confidant(directory, clock=FixedClock(dt.datetime.fromisoformat(now)))
    service.open(purge=False)
    print("purging", flush=True)
    service.retention.purge(batch_rows=batch)
    print("done", flush=True)
    service.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
