"""Shared by the importer tests: the fixtures, their hand-written expectations, zipping."""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

from app.core.importers import ParsedImport

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "imports"
SOURCES = ("chatgpt", "claude", "jan", "lmstudio", "openwebui")


def expected(source: str) -> dict[str, Any]:
    """What the fixture of ``source`` must become (written by hand, not by the code)."""
    return json.loads((FIXTURES / f"{source}.expected.json").read_text(encoding="utf-8"))


def as_expected(parsed: ParsedImport) -> dict[str, Any]:
    """A parsed import in the shape of the expectation files."""
    markers: Counter[str] = Counter()
    for conversation in parsed.conversations:
        markers.update(conversation.markers)
    return {
        "source": parsed.source,
        "conversations": [
            {
                "title": c.title,
                "messages": [{"role": r, "content": t, "created_at": w} for r, t, w in c.messages],
            }
            for c in parsed.conversations
        ],
        "skipped": [{"position": s.position, "reason": s.reason} for s in parsed.skipped],
        "markers": dict(markers),
    }


def zip_folder(folder: Path, target: Path, prefix: str = "") -> Path:
    """``folder``'s files in a zip, under ``prefix``."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, prefix + path.relative_to(folder).as_posix())
    return target
