"""Work-arounds for bugs in the Qt bindings, each applied only when a probe shows the bug is there."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, SignalInstance

# SignalInstance methods that PySide6 6.12 implements by hand and that return True/False without owning a
# reference. Each call then takes one reference from the True singleton; on Python < 3.12 (where True is
# not immortal) the interpreter aborts with "bool_dealloc: deallocating True or False" after a few thousand
# calls, or corrupts memory on the way out: a packing station would crash mid-shift.
LEAKY_METHODS = ("emit", "disconnect")


class _Probe(QObject):
    fired = Signal()


def _noop() -> None:
    """A slot for the probes."""


def _exercise(probe: _Probe, method: str) -> None:
    if method == "emit":
        probe.fired.emit()
    else:
        probe.fired.connect(_noop)
        probe.fired.disconnect(_noop)


def leaks_bool_reference(method: str) -> bool:
    """Tell whether calling SignalInstance.<method> takes a reference away from True."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        _exercise(probe, method)
    return sys.getrefcount(True) - before <= -8


def _returning_owned_bools(original: Callable[..., object]) -> Callable[..., object]:
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None

    def call(self: SignalInstance, *args: object) -> object:
        result = original(self, *args)
        if result is True or result is False:
            incref(result)
        return result

    call._packstation_fixed = True  # type: ignore[attr-defined]
    return call


def fix_bool_references() -> tuple[str, ...]:
    """Give back the references the leaky methods take, where this PySide6 has the bug; return which."""
    fixed = []
    for method in LEAKY_METHODS:
        original = getattr(SignalInstance, method)
        if getattr(original, "_packstation_fixed", False) or not leaks_bool_reference(method):
            continue
        setattr(SignalInstance, method, _returning_owned_bools(original))
        fixed.append(method)
    return tuple(fixed)
