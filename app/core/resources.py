"""Locates the bundled resources (consent texts, guardian pages, icons) next to the code."""

from __future__ import annotations

import sys
from pathlib import Path


def _resources_dir() -> Path:
    """The resources folder: inside a PyInstaller bundle, else the source tree's."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        # packaging/confidant.spec copies resources/ to the top of the bundle's data folder.
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


RESOURCES_DIR = _resources_dir()


def resource_path(*parts: str) -> Path:
    """The path of a bundled resource."""
    return RESOURCES_DIR.joinpath(*parts)
