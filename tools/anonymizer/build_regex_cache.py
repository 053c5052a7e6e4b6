"""Rebuild app/core/privacy/data/regex_code.bin: the anonymizer's expressions, precompiled.

    python -m tools.anonymizer.build_regex_cache

Records every pattern compiled while the anonymizer is imported and while it reads every
training and dev text (``same_output``'s corpus, never a held-out file: phonenumbers'
patterns and some rules' compile on first use, each region's or shape's only when a message
needs it), then stores what ``re``'s compiler makes of each, all of them. Run it after
changing a rule (a stale file is only slower, never wrong: see ``app/core/privacy/regex_cache.py``).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path
from re import _compiler  # type: ignore[attr-defined]
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from app.core.privacy.regex_cache import CACHE_PATH, dumps, entry  # noqa: E402
from tools.anonymizer.same_output import corpus_texts  # noqa: E402


def recorded_patterns() -> tuple[list[tuple[str, int]], int]:
    """Every ``(pattern, flags)`` compiled by importing the anonymizer and running it.

    Also how many of them (the first ones) were compiled by the import itself.
    """
    if "app.core.privacy.anonymize" in sys.modules:
        raise RuntimeError("record in a fresh interpreter: the anonymizer is imported already")
    seen: dict[tuple[str, int], None] = {}
    original = _compiler.compile

    def compile_and_record(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, str) and not flags & re.DEBUG:
            seen.setdefault((pattern, int(flags)), None)
        return original(pattern, flags)

    re.purge()
    _compiler.compile = compile_and_record
    try:
        from app.core.privacy.anonymize import detect

        imported = len(seen)
        for text in corpus_texts():
            detect(text)
    finally:
        _compiler.compile = original
    return list(seen), imported


def main(argv: list[str] | None = None) -> int:
    """Write the file next to the model."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=CACHE_PATH)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    recorded, imported = recorded_patterns()
    # Every pattern recorded, in the order recorded (so the file is the same every time):
    # install() serves each from the file when re first asks for it, however many there are.
    kept = [entry(pattern, flags) for pattern, flags in recorded]
    blob = dumps(kept)
    args.out.write_bytes(blob)
    print(
        f"{args.out.name}: {len(kept)} patterns ({imported} compiled by the import), "
        f"{len(blob):,} bytes, {time.perf_counter() - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
