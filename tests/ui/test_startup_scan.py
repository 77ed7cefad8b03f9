"""Start-up: the window shows before the HTTP stack is loaded, and a scan typed meanwhile is not lost."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import run_in_fresh_interpreter

# A fresh interpreter, so nothing (another test, a fixture) has loaded httpx before the station opens.
STATION = """
import asyncio, json, sys, threading, time
import qasync
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from packstation import settings
from packstation.app import GuiStation
from packstation.clients import http

qt_app = QApplication([])
qt_app.setQuitOnLastWindowClosed(False)  # the scenario closes the window before it ends
loop = qasync.QEventLoop(qt_app)
asyncio.set_event_loop(loop)

# Hold the HTTP stack's loading until the scan is in, however fast this machine is.
gate = threading.Event()
real_load = http.load_http_stack

def gated(base_url="", tls=None):
    gate.wait(30)
    real_load(base_url, tls)

http.load_http_stack = gated
station = GuiStation(qt_app, demo=True)
station.open(settings.load())
window = station.window
number = station.servers.picqer.picklists[0]["picklistid"]
result = {"httpx_at_show": "httpx" in sys.modules, "visible": window.isVisible()}

async def scenario():
    await asyncio.sleep(0.05)  # the picklist load has started and waits for the stack too
    window.focus_scan_field()
    QTest.keyClicks(window.scan_bar.scan_field, number)
    QTest.keyClick(window.scan_bar.scan_field, Qt.Key.Key_Return)
    await asyncio.sleep(0.3)
    result["httpx_at_scan"] = "httpx" in sys.modules
    result["opened_while_loading"] = window.form.opened is not None
    gate.set()
    deadline = time.monotonic() + 15
    while window.form.opened is None and time.monotonic() < deadline:
        await asyncio.sleep(0.02)
    result["opened"] = window.form.opened.picklist.number if window.form.opened else None
    result["scanned"] = number
    result["status"] = window.status_text
    window.close()
    await station.aclose()

with loop:
    loop.run_until_complete(scenario())
print(json.dumps(result))
"""


def test_a_scan_typed_before_the_connections_are_ready_opens_its_picklist_once_they_are(tmp_path: Path) -> None:
    output = run_in_fresh_interpreter(STATION, tmp_path, tmp_path / "config" / "settings.toml")
    result = json.loads(output.strip().splitlines()[-1])
    assert result["visible"] is True
    assert result["httpx_at_show"] is False and result["httpx_at_scan"] is False
    assert result["opened_while_loading"] is False  # it waited for the connection ...
    assert result["opened"] == result["scanned"], result["status"]  # ... and then opened the scanned picklist
