"""Work-arounds for bugs in the Qt bindings, each applied only when a probe shows the bug is there."""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

# PySide6 6.12 (shiboken) hands back None, True and False without owning a reference: every call of a void
# method (setObjectName, killTimer - qasync calls it for each callback it runs -, ...) and every
# SignalInstance.emit/.disconnect takes one reference away from the singleton. Python 3.12+ never frees these
# singletons (PEP 683, immortal objects), so the bug is harmless there. On Python 3.11 the interpreter aborts
# with "none_dealloc: deallocating None" (or "bool_dealloc") after some tens of thousands of calls: a packing
# station would crash mid-shift, a 10,000-picklist table after about ten refreshes.
#
# The cure is what Python 3.12 does: give the three singletons a reference count no leak can use up.
# 2**48 references last 2**48 leaked calls (years of calls per microsecond); normal counting goes on above it.
IMMORTAL_REFERENCES = 1 << 48
_SINGLETONS = (None, True, False)
_PROBE_CALLS = 64


class _Probe(QObject):
    fired = Signal()


def _noop() -> None:
    """A slot for the probes."""


def drops_singleton_references() -> bool:
    """Tell whether this PySide6 takes references from None/True/False that it never owned."""
    probe = _Probe()
    probe.fired.connect(_noop)
    before = [sys.getrefcount(value) for value in _SINGLETONS]
    for _ in range(_PROBE_CALLS):
        probe.setObjectName("probe")  # void: returns None
        probe.fired.emit()  # returns True
    after = [sys.getrefcount(value) for value in _SINGLETONS]
    probe.fired.disconnect(_noop)
    return any(b - a >= _PROBE_CALLS for b, a in zip(before, after, strict=True))


def _refcount_field(value: object) -> ctypes.c_ssize_t:
    # CPython < 3.12: ob_refcnt is the first field of every object, at the address id() returns.
    return ctypes.c_ssize_t.from_address(id(value))


def make_singletons_immortal() -> bool:
    """On CPython 3.11 with the PySide6 bug, make None/True/False unfreeable; return whether it was needed."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False  # immortal already
    if sys.getrefcount(None) >= IMMORTAL_REFERENCES:
        return False  # done before in this process
    if not drops_singleton_references():
        return False
    for value in _SINGLETONS:
        _refcount_field(value).value += IMMORTAL_REFERENCES
    return True
