"""Helpers for looking at what actually lands on disk."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

PAGE_SIZE = 4096
REPO_ROOT = Path(__file__).resolve().parents[2]


def sha256(path: Path) -> str:
    """The hex sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_under(root: Path) -> list[Path]:
    """Every regular file below ``root`` (following no links)."""
    found: list[Path] = []
    for dirpath, _dirs, names in os.walk(root, followlinks=False):
        for name in names:
            path = Path(dirpath) / name
            if path.is_file() and not path.is_symlink():
                found.append(path)
    return found


def files_containing(paths: Iterable[Path], needles: Sequence[bytes]) -> list[tuple[Path, bytes]]:
    """The (file, needle) pairs where a needle occurs in a file's bytes."""
    hits: list[tuple[Path, bytes]] = []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        hits.extend((path, needle) for needle in needles if needle in data)
    return hits


def flip_bytes_in_pages(path: Path, pages: Sequence[int], offset_in_page: int = 200) -> None:
    """Corrupt one byte inside each of ``pages`` (1-based page numbers)."""
    data = bytearray(path.read_bytes())
    for page in pages:
        position = (page - 1) * PAGE_SIZE + offset_in_page
        if position >= len(data):
            raise ValueError(f"page {page} is beyond the end of {path.name}")
        data[position] ^= 0xFF
    path.write_bytes(bytes(data))


def run_cli(
    *args: str, env: dict[str, str] | None = None, stdin: str | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m app ARGS`` in a real subprocess, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=REPO_ROOT,
        env={**os.environ, **(env or {})},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
