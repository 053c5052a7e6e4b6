"""Keeps PySide6 from holding the source of every module the GUI imports in memory.

PySide6 (6.4 and later) wraps ``__import__``: after each import it asks whether the module's
source mentions "PySide6", for its opt-in ``__feature__`` switches (which Confidant does not
use), through ``inspect.getsource``. That leaves every imported module's source, split into
lines, in ``linecache`` for the life of the process: about 8 MB for the 400 modules that
opening a profile loads, and the time it takes to split them. ``stop_keeping_module_sources``
gives the hook a check with the same answer that reads the file and keeps nothing. Should a
PySide6 release no longer have that check, nothing is changed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType


def stop_keeping_module_sources() -> None:
    """Replace PySide6's source check on imports with one that keeps no copy of the source."""
    import PySide6.QtCore  # noqa: F401 - shiboken installs the import hook with it

    feature = sys.modules.get("shibokensupport.feature")
    original: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "reads_without_keeping", False):
        return

    def mentions_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)  # built in, compiled only, or from an archive
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    mentions_pyside.reads_without_keeping = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mentions_pyside  # type: ignore[union-attr]
