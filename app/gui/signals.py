"""Emitting Qt signals from Python, with a guard against a reference leak in PySide6 6.12.0.

PySide6 6.12.0 returns ``True`` from ``SignalInstance.emit()`` without a reference for the
caller. On Python 3.11, where ``True`` is not immortal, every emit then drops one reference too
many, and the interpreter aborts with "bool_dealloc: deallocating True or False" (at exit, or
mid-session after enough emits). PySide6 6.11 does not do this. Every emit in the GUI goes
through ``emit`` below, which hands the missing reference back when the running PySide6 is found
to need it; with a fixed PySide6, or a Python whose bools are immortal (3.12+), it does nothing.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

# Keeps the probe's own result alive for good, which settles the one reference it took.
_probe_results: list[object] = []


class _Probe(QObject):
    pinged = Signal()


def _emit_returns_a_borrowed_bool() -> bool:
    if sys.version_info >= (3, 12):
        return False  # bools are immortal: a missing reference cannot free them
    probe = _Probe()
    before = sys.getrefcount(True)
    result = probe.pinged.emit()
    borrowed = result is True and sys.getrefcount(True) == before
    _probe_results.append(result)
    return borrowed


_BORROWED = _emit_returns_a_borrowed_bool()


@functools.cache
def _incref() -> Callable[[object], None]:
    # ctypes is loaded on first use, after the window has painted, and only where needed.
    import ctypes

    return ctypes.PYFUNCTYPE(None, ctypes.py_object)(("Py_IncRef", ctypes.pythonapi))


def emit(signal: SignalInstance, *args: Any) -> None:
    """Emit ``signal`` with ``args``, keeping Python's reference counts right."""
    result = signal.emit(*args)
    if _BORROWED and isinstance(result, bool):
        _incref()(result)
