"""An upload flush run as its own process, so a test can SIGKILL it mid-request.

Usage: python -m tests.helpers.upload_worker PROFILE_DIR
Prints "sending" just before the flush and "done" after it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.core.service import Confidant


def main() -> int:
    """Open the profile and send what is due."""
    service = Confidant(Path(sys.argv[1]))
    service.open(purge=False)
    print("sending", flush=True)
    service.upstream.send()
    print("done", flush=True)
    service.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
