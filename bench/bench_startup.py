"""Start-up: time from process launch to the first paint of the main window, `packstation --demo` vs bare PySide6.

Both run in fresh subprocesses, offscreen, alternating, in the same run. The app side calls the real
`packstation.app.run_gui(demo=True)` unchanged; the only addition is an event filter on the QApplication
(created just before run_gui, which reuses it) that prints when the first Paint event reaches a QMainWindow and
exits the process at once. So the figure covers: interpreter start, imports, settings load, demo servers start,
build_context, controllers, MainWindow construction, show and its first paint. It does not include the picklist
load that starts after show. The bare side: interpreter start, PySide6 import, QApplication, an empty
QMainWindow of the same size, show, first paint.

`--baseline DIR` adds a third row, the same app launch from another source tree (e.g. an older commit unpacked
with `git archive <commit> | tar -x -C DIR`), alternating with the other two, for before/after in one run.

Run: .venv/bin/python bench/bench_startup.py [--repeat 10] [--baseline DIR]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

import common

_PAINT_FILTER = """
import os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            print("painted", flush=True)
            os._exit(0)
        return False

app = QApplication(sys.argv)
first_paint = FirstPaint()
app.installEventFilter(first_paint)
"""

APP = (
    _PAINT_FILTER
    + """
from packstation import app as packstation_app
packstation_app.run_gui(demo=True)
"""
)

BARE = (
    _PAINT_FILTER
    + """
window = QMainWindow()
window.resize(1280, 800)
window.setWindowTitle("bare")
window.show()
app.exec()
"""
)


def launch(code: str, env: dict[str, str], cwd: str | os.PathLike[str] = common.REPO) -> float:
    """Return the milliseconds from Popen to the child's 'painted' line."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=cwd,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = (time.perf_counter() - start) * 1000
    child.wait(timeout=30)
    if "painted" not in line:
        raise RuntimeError("the window never painted")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--baseline", help="another packstation source tree to launch the same way")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="packstation-startup-")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PACKSTATION_DATA_DIR": folder,
        "XDG_CONFIG_HOME": os.path.join(folder, "config"),
        "PYTHONPATH": str(common.REPO),
    }
    baseline_env = {**env, "PYTHONPATH": str(args.baseline)} if args.baseline else None
    launch(BARE, env)  # warm the page cache for all
    launch(APP, env)
    if baseline_env:
        launch(APP, baseline_env, args.baseline)
    bare, app, baseline = [], [], []
    for _ in range(args.repeat):
        bare.append(launch(BARE, env))
        app.append(launch(APP, env))
        if baseline_env:
            baseline.append(launch(APP, baseline_env, args.baseline))
    ratio = common.median(app) / common.median(bare)
    rows = [
        ["bare PySide6 QMainWindow", common.median(bare), min(bare), max(bare), 1.0],
        ["packstation --demo (run_gui)", common.median(app), min(app), max(app), ratio],
    ]
    if baseline:
        median = common.median(baseline)
        rows.append(["baseline tree (run_gui)", median, min(baseline), max(baseline), median / common.median(bare)])
    print(f"Start-up to first paint, offscreen, {args.repeat} launches each, alternating")
    print(common.table(["process", "median ms", "min ms", "max ms", "vs bare"], rows))
    print(f"target: at most 3x the bare window -> {ratio:.2f}x ({'met' if ratio <= 3 else 'MISSED'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
