"""Guard against a PySide6 refcount bug that would abort a packing station mid-shift.

PySide6 6.12 returns None from void methods (setObjectName, QObject.killTimer, which qasync calls for every
callback it runs) and True from SignalInstance.emit/.disconnect without owning a reference. On Python 3.11,
where these singletons are not immortal, every call takes one reference away and the interpreter aborts
("none_dealloc" / "bool_dealloc") after some tens of thousands of calls. packstation.ui.qt_fixes makes them
immortal, as Python 3.12 does. Each case runs in its own interpreter: without the fix it aborts the process.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

CALLS = 300_000  # far more references than None or True hold at start-up

CASES = {
    "void methods (None)": "o = QObject()\nfor _ in range(CALLS): o.setObjectName('x')",
    "signal emits (True)": "e = Emitter()\nfor _ in range(CALLS): e.fired.emit()",
    "qasync callbacks (killTimer)": (
        "import asyncio, qasync\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "app = QCoreApplication([])\n"
        "loop = qasync.QEventLoop(app)\n"
        "async def spin():\n"
        "    for _ in range(CALLS // 10): await asyncio.sleep(0)\n"
        "with loop: loop.run_until_complete(spin())"
    ),
}

PRELUDE = f"""
import packstation.ui  # applies the fix
from PySide6.QtCore import QObject, Signal
CALLS = {CALLS}
class Emitter(QObject):
    fired = Signal()
"""


@pytest.mark.parametrize("case", sorted(CASES))
def test_many_qt_calls_do_not_abort_the_interpreter(case: str) -> None:
    code = PRELUDE + CASES[case] + "\nprint('survived')"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and "survived" in done.stdout, done.stderr[-2000:]


def test_the_fix_is_applied_once() -> None:
    from packstation.ui.qt_fixes import make_singletons_immortal

    assert make_singletons_immortal() is False, "a second application would be harmless but is not expected"
