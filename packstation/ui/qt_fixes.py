"""Work-arounds for bugs in the Qt bindings, each applied only when a probe shows the bug is there."""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance


class _Probe(QObject):
    fired = Signal()


def emit_leaks_bool_reference() -> bool:
    """Tell whether SignalInstance.emit returns True without owning a reference (PySide6 6.12, Python 3.11).

    Each emit then takes one reference from the True singleton; on Python < 3.12 (where True is not
    immortal) the interpreter aborts with "bool_dealloc: deallocating True or False" after a few thousand
    emits — a packing station would crash mid-shift.
    """
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.fired.emit()
    return sys.getrefcount(True) - before <= -8


def fix_emit_bool_reference() -> bool:
    """Give back the reference emit() takes from True/False, if this PySide6 has that bug; return whether."""
    if getattr(SignalInstance.emit, "_packstation_fixed", False) or not emit_leaks_bool_reference():
        return False
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None

    def emit(self: SignalInstance, *args: object) -> object:
        result = original(self, *args)
        if result is True or result is False:
            incref(result)
        return result

    emit._packstation_fixed = True  # type: ignore[attr-defined]
    SignalInstance.emit = emit  # type: ignore[method-assign]
    return True
