"""Standard modules that python-stdnum imports but the anonymizer never uses, imported on use.

``stdnum.util`` imports ``pydoc`` (for module descriptions) and ``ssl`` (for its online
checks) at the top; with what they import in turn (``platform``, ``sysconfig``,
``socket``, ``selectors``…) they are a fifth of the anonymizer's first message, and the
check-digit functions it calls touch neither. :func:`defer` puts a stand-in module in
``sys.modules`` for each; the first attribute read through a stand-in imports the real
module (and puts it in ``sys.modules`` in its place), so any code that does use one still
gets the real thing, only later. Used by the ``anonymize --jsonl`` filter only, a process
that does nothing else.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types

#: Imported by ``stdnum.util`` at the top, used only by functions the anonymizer never calls.
STDNUM_UNUSED = ("pydoc", "ssl")


class _StandIn(types.ModuleType):
    """Stands for a module until an attribute of it is read."""

    def __getattr__(self, attr: str) -> object:
        # Only reached for what the stand-in lacks (it has __name__, __spec__ and the like):
        # import the real module, replacing the stand-in, and read it there.
        name = self.__name__
        if sys.modules.get(name) is self:
            del sys.modules[name]
        return getattr(importlib.import_module(name), attr)


def defer(names: tuple[str, ...] = STDNUM_UNUSED) -> list[str]:
    """Put a stand-in for each module not imported yet; the names deferred."""
    if "stdnum.util" in sys.modules:
        return []  # too late: stdnum has the real modules already
    deferred = []
    for name in names:
        if name not in sys.modules:
            stand_in = _StandIn(name)
            # The real module's spec (found, not run): importlib.util.find_spec still works.
            stand_in.__spec__ = importlib.util.find_spec(name)
            sys.modules[name] = stand_in
            deferred.append(name)
    return deferred
