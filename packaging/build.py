"""Builds the one-folder bundle with PyInstaller and reports its size: ``make package``.

    python packaging/build.py [--dist DIR] [--work DIR]

The bundle is ``DIR/confidant/`` (``dist/confidant/`` by default); run ``confidant`` in it, or
``confidant --self-test`` to check it. PyInstaller comes with the ``package`` extra:
``pip install -e ".[package]"``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "confidant.spec"
BUNDLE_NAME = "confidant"


def tree_size(folder: Path) -> tuple[int, int]:
    """The bytes and the number of files below ``folder`` (links are not followed)."""
    total = files = 0
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(dirpath) / name
            if not path.is_symlink():
                total += path.stat().st_size
                files += 1
    return total, files


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; return the bundle's folder."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit(
            "PyInstaller is not installed in this Python; run: "
            f'{sys.executable} -m pip install -e "{ROOT}[package]"'
        ) from None
    # No --clean: it empties PyInstaller's shared cache of stripped libraries, which another
    # build (a test run beside this one) may be reading; the work folder is per build anyway.
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    subprocess.run(command, cwd=ROOT, check=True)
    bundle = dist / BUNDLE_NAME
    if not (bundle / BUNDLE_NAME).is_file():
        raise SystemExit(f"PyInstaller finished but {bundle / BUNDLE_NAME} is missing")
    return bundle


def main() -> int:
    """Build, then print where the bundle is, its size and the build time."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's scratch"
    )
    args = parser.parse_args()
    started = time.monotonic()
    bundle = build(args.dist.resolve(), args.work.resolve())
    seconds = time.monotonic() - started
    size, files = tree_size(bundle)
    print(f"bundle: {bundle}")
    print(f"bundle size: {size / 2**20:.1f} MiB in {files} files (built in {seconds:.0f} s)")
    print(f"check it: {bundle / BUNDLE_NAME} --self-test")
    return 0


if __name__ == "__main__":
    sys.exit(main())
