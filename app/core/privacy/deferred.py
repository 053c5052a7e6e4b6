"""Standard modules that python-stdnum imports but the anonymizer never uses, imported on use.

``stdnum.util`` imports ``pydoc`` (for module descriptions) and ``ssl`` (for its online
checks) at the top; with what they import in turn (``platform``, ``sysconfig``,
``socket``, ``selectors``…) they are a fifth of the anonymizer's first message, and the
check-digit functions it calls touch neither. :func:`defer` puts a stand-in module in
``sys.modules`` for each; the first attribute read through a stand-in imports the real
module (and puts it in ``sys.modules`` in its place), so any code that does use one still
gets the real thing, only later. Used by the ``anonymize --jsonl`` filter only, a process
that does nothing else.

``importlib.resources`` gets a stand-in of its own: python-stdnum reads its IBAN registry
through ``importlib.resources.files``, and importing that module imports ``zipfile``,
``tempfile``, ``shutil``, ``bz2``, ``lzma`` and ``threading`` (about a tenth of the filter's
start-up) to open one file of an installed package's folder. The stand-in answers
``files()`` for a package in a folder on disk with that folder, as the real function does
for it; for anything else, and for every other attribute, it imports the real module.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import pathlib
import sys
import types
from typing import Any

#: Imported by ``stdnum.util`` at the top, used only by functions the anonymizer never calls.
STDNUM_UNUSED = ("pydoc", "ssl")
RESOURCES = "importlib.resources"


class _StandIn(types.ModuleType):
    """Stands for a module until an attribute of it is read."""

    def __getattr__(self, attr: str) -> object:
        # Only reached for what the stand-in lacks (it has __name__, __spec__ and the like):
        # import the real module, replacing the stand-in, and read it there.
        name = self.__name__
        if sys.modules.get(name) is self:
            del sys.modules[name]
        return getattr(importlib.import_module(name), attr)


class _Resources(_StandIn):
    """Stands for ``importlib.resources``; answers ``files()`` for a package on disk itself."""

    def files(self, anchor: Any = None) -> Any:
        """The folder of a package in a folder on disk, else what the real ``files`` returns."""
        if isinstance(anchor, str):
            spec = importlib.util.find_spec(anchor)
            folders = None if spec is None else spec.submodule_search_locations
            if spec is not None and spec.has_location and folders is not None:
                found = list(folders)
                if len(found) == 1 and os.path.isdir(found[0]):
                    # What the real function returns for a package read from a folder: the
                    # folder as a path (its reader's files()).
                    return pathlib.Path(found[0])
        real: Any = self.__getattr__("files")
        return real(anchor)


def defer(names: tuple[str, ...] = (*STDNUM_UNUSED, RESOURCES)) -> list[str]:
    """Put a stand-in for each module not imported yet; the names deferred."""
    if "stdnum.util" in sys.modules:
        return []  # too late: stdnum has the real modules already
    deferred = []
    for name in names:
        if name not in sys.modules:
            stand_in = (_Resources if name == RESOURCES else _StandIn)(name)
            # The real module's spec (found, not run): importlib.util.find_spec still works.
            stand_in.__spec__ = importlib.util.find_spec(name)
            sys.modules[name] = stand_in
            parent, _, child = name.rpartition(".")
            if parent:
                # ``import importlib.resources`` then reads it as the package's attribute.
                setattr(sys.modules[parent], child, stand_in)
            deferred.append(name)
    return deferred
