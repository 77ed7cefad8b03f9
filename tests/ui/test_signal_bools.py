"""Guard against a PySide6 refcount bug that would abort a packing station mid-shift.

PySide6 6.12 returns True from SignalInstance.emit and .disconnect without owning a reference. On
Python 3.11, where True is not immortal, every call takes one reference away and the interpreter
aborts ("bool_dealloc") after a few thousand calls. packstation.ui.qt_fixes gives the reference back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

import packstation.ui  # noqa: F401 - importing the UI applies the fix
from packstation.ui.qt_fixes import fix_bool_references


class Emitter(QObject):
    nothing = Signal()
    flag = Signal(bool)


def test_emitting_signals_leaves_true_and_false_alive() -> None:
    emitter = Emitter()
    received: list[bool] = []
    emitter.flag.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(500):
        emitter.nothing.emit()
        emitter.flag.emit(True)
        emitter.flag.emit(False)
        emitter.nothing.connect(received.clear)
        emitter.nothing.disconnect(received.clear)
    received.clear()
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before


def test_the_fix_is_applied_once() -> None:
    assert fix_bool_references() == (), "a second application would over-count references"
