"""Locates the bundled resources (consent texts, guardian pages, icons) next to the code."""

from __future__ import annotations

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """The path of a bundled resource."""
    return RESOURCES_DIR.joinpath(*parts)
