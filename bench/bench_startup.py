"""Start-up: time from process launch to the first paint of the main window, packstation vs bare PySide6.

Every launch is a fresh subprocess, offscreen; all rows alternate within one run. Two app rows:

- production: `run_gui(demo=False)` with accounts configured: a settings file whose Picqer and MyParcel
  addresses point at demo servers the bench starts once in a separate process, and the API keys in
  PACKSTATION_PICQER_API_KEY / PACKSTATION_MYPARCEL_API_KEY (no keyring); printers as the settings' defaults.
- demo: `run_gui(demo=True)`, which starts the embedded demo servers in the app's own process.

The app side calls the real `packstation.app.run_gui` unchanged; the only addition is an event filter on the
QApplication (created just before run_gui, which reuses it) that reports the first Paint event reaching a
QMainWindow. So "first paint" covers: interpreter start, imports, settings load, (demo servers start,)
build_context, controllers, MainWindow construction, show and its first paint. The window then takes
keystrokes: the scan field has the focus and the event loop runs. After the paint the child keeps running:
a 5 ms QTimer heartbeat records the longest gap between ticks (what a keystroke could have waited for) until
the picklists table has rows ("table filled", the first load through the API) and 600 ms beyond, which covers
the printing warm-up started 300 ms after show. The bare side: interpreter start, PySide6 import,
QApplication, an empty QMainWindow of the same size, show, first paint.

Bytecode: this sandbox sets PYTHONDONTWRITEBYTECODE, so every launch would compile packstation from source
(~50 ms) where an installed app (pip, PyInstaller) loads bytecode. The children write and read bytecode under
a temporary PYTHONPYCACHEPREFIX (the source tree is not touched); `--no-bytecode` keeps the environment's
setting instead.

`--baseline DIR` adds the same app rows launched from another source tree (e.g. an older commit unpacked with
`git archive <commit> | tar -x -C DIR`), alternating with the others, for before/after in one run.

Run: .venv/bin/python bench/bench_startup.py [--repeat 10] [--baseline DIR] [--no-bytecode]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import common

_PAINT_FILTER = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

HEARTBEAT_MS = 5
AFTER_FILLED_MS = 600
EXIT_AT_PAINT = os.environ.get("BENCH_EXIT_AT_PAINT") == "1"

class Watch(QObject):
    def __init__(self):
        super().__init__()
        self.window = None
        self.table = None
        self.filled_at = None
        self.last = 0.0
        self.gap = 0.0
        self.timer = QTimer()
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self.tick)

    def eventFilter(self, obj, event):
        if self.window is None and event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            print("painted", flush=True)
            if EXIT_AT_PAINT:
                os._exit(0)
            self.window = obj
            self.table = obj.findChild(QTableView, "picklistsTable")
            if self.table is None:
                os._exit(1)  # the bench reports the table never filled
            self.last = time.perf_counter()
            self.timer.start()
        return False

    def tick(self):
        now = time.perf_counter()
        self.gap = max(self.gap, (now - self.last) * 1000)
        self.last = now
        if self.filled_at is None:
            if self.table.model().rowCount() > 0:
                self.filled_at = now
                print("filled", flush=True)
        elif (now - self.filled_at) * 1000 >= AFTER_FILLED_MS:
            print(f"gap {self.gap:.1f}", flush=True)
            os._exit(0)

app = QApplication(sys.argv)
watch = Watch()
app.installEventFilter(watch)
"""

APP = (
    _PAINT_FILTER
    + """
from packstation import app as packstation_app
packstation_app.run_gui(demo=os.environ.get("BENCH_DEMO") == "1")
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

SERVERS = """
import json, sys
from packstation.demo import DemoServers
servers = DemoServers(rate_limits=False).start()
print(json.dumps({"picqer_url": servers.picqer_url, "myparcel_url": servers.myparcel_url,
                  "picqer_key": servers.picqer_api_key, "myparcel_key": servers.myparcel_api_key}), flush=True)
sys.stdin.read()  # serve until the bench closes our stdin
servers.stop()
"""


@dataclass
class Row:
    """One kind of launch and what its launches measured."""

    name: str
    code: str
    env: dict[str, str]
    cwd: str | os.PathLike[str]
    paint: list[float] = field(default_factory=list)
    filled: list[float] = field(default_factory=list)
    gap: list[float] = field(default_factory=list)


def launch(row: Row, record: bool = True) -> None:
    """Launch once; record the milliseconds from Popen to first paint (and to the table filled, the max gap)."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", row.code],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=row.env,
        cwd=row.cwd,
    )
    assert child.stdout is not None
    times: dict[str, float] = {}
    gap = float("nan")
    for line in child.stdout:
        word, _, value = line.strip().partition(" ")
        times[word] = (time.perf_counter() - start) * 1000
        if word == "gap":
            gap = float(value)
    child.wait(timeout=60)
    if "painted" not in times:
        raise RuntimeError(f"{row.name}: the window never painted")
    if row.env.get("BENCH_EXIT_AT_PAINT") != "1" and "filled" not in times:
        raise RuntimeError(f"{row.name}: the picklists table never filled")
    if record:
        row.paint.append(times["painted"])
        if "filled" in times:
            row.filled.append(times["filled"])
            row.gap.append(gap)


def start_servers(env: dict[str, str]) -> tuple[subprocess.Popen[str], dict[str, str]]:
    """Start the demo Picqer and MyParcel in their own process; return it and their addresses and keys."""
    server = subprocess.Popen(
        [sys.executable, "-c", SERVERS], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
    )
    assert server.stdout is not None
    return server, json.loads(server.stdout.readline())


def production_settings(folder: Path, servers: dict[str, str]) -> Path:
    """Write a settings file with both accounts configured (at the demo servers); printers as the defaults."""
    path = folder / "settings.toml"
    path.write_text(
        f'station_name = "bench"\n\n[picqer]\nsubdomain = "bench"\nbase_url = "{servers["picqer_url"]}"\n\n'
        f'[myparcel]\nplatform = "myparcel"\nbase_url = "{servers["myparcel_url"]}"\n',
        encoding="utf-8",
    )
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--baseline", help="another packstation source tree to launch the same way")
    parser.add_argument("--no-bytecode", action="store_true", help="keep PYTHONDONTWRITEBYTECODE if set")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="packstation-startup-"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(common.REPO)}
    if not args.no_bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    server, servers = start_servers(env)
    try:
        settings = production_settings(folder, servers)
        production_env = {
            **env,
            "PACKSTATION_CONFIG": str(settings),
            "PACKSTATION_DATA_DIR": str(folder / "production"),
            "PACKSTATION_PICQER_API_KEY": servers["picqer_key"],
            "PACKSTATION_MYPARCEL_API_KEY": servers["myparcel_key"],
        }
        demo_env = {
            **env,
            "BENCH_DEMO": "1",
            "PACKSTATION_DATA_DIR": str(folder / "demo"),
            "XDG_CONFIG_HOME": str(folder / "config"),  # no settings file: demo on the defaults
        }
        rows = [
            Row("bare PySide6 QMainWindow", BARE, {**env, "BENCH_EXIT_AT_PAINT": "1"}, common.REPO),
            Row("production (accounts configured)", APP, production_env, common.REPO),
            Row("--demo", APP, demo_env, common.REPO),
        ]
        if args.baseline:
            for row in rows[1:3]:
                rows.append(Row(f"baseline: {row.name}", APP, {**row.env, "PYTHONPATH": args.baseline}, args.baseline))
        for row in rows:
            launch(row, record=False)  # warm the page cache (and write the bytecode) for all
        for _ in range(args.repeat):
            for row in rows:
                launch(row)
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(timeout=30)
    bare = common.median(rows[0].paint)
    table = [
        [
            row.name,
            common.median(row.paint),
            min(row.paint),
            max(row.paint),
            common.median(row.paint) / bare,
            common.median(row.filled) if row.filled else "",
            common.median(row.gap) if row.gap else "",
            max(row.gap) if row.gap else "",
        ]
        for row in rows
    ]
    bytecode = "from source (no bytecode)" if args.no_bytecode else "bytecode cached"
    print(f"Start-up to first paint, offscreen, {bytecode}, {args.repeat} launches each, alternating")
    print(
        common.table(
            ["process", "paint median ms", "min ms", "max ms", "vs bare", "table filled ms", "gap ms", "worst gap ms"],
            table,
        )
    )
    print(
        "table filled: median ms from launch to rows in the picklists table; gap: the longest wait between 5 ms "
        "heartbeat ticks from first paint to 600 ms after the table filled, median over launches; worst: of all"
    )
    for row in rows[1:3]:
        ratio = common.median(row.paint) / bare
        print(f"target, {row.name}: at most 3x the bare window -> {ratio:.2f}x ({'met' if ratio <= 3 else 'MISSED'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
