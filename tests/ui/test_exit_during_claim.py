"""Closing the window while the claim of a scanned picklist waits on Picqer ends the station at once."""

from __future__ import annotations

import asyncio
import re
import time
from pathlib import Path

import pytest

ASSIGN = r"/api/v1/picklists/\d+/assign"
RETRY_AFTER = 5.0  # seconds Picqer tells the station to wait before it tries the claim again
CLOSES_WITHIN = 2.0  # seconds the station may take to close: well before the answer


def others() -> set[asyncio.Task[object]]:
    return asyncio.all_tasks() - {asyncio.current_task()}  # type: ignore[operator]


async def test_closing_the_window_while_the_claim_of_a_scan_waits_ends_the_station_promptly(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, wait_for
) -> None:
    from PySide6.QtWidgets import QApplication

    from packstation import app, logs
    from packstation import settings as settings_module

    monkeypatch.setenv("PACKSTATION_CONFIG", str(tmp_path / "settings.toml"))
    monkeypatch.setenv(app.DATA_DIR_ENV, str(tmp_path / "data"))
    before = others()
    qt_app = QApplication.instance()
    quits = qt_app.quitOnLastWindowClosed()
    qt_app.setQuitOnLastWindowClosed(False)  # closing the window must not stop the test's event loop
    station = app.GuiStation(qt_app, demo=True)
    station.redactor = logs.RedactingFilter(())  # the app's log file is not this test's: keep logging as it is
    station.open(settings_module.load())
    closed = False
    try:
        servers, window = station.servers, station.window
        assert servers is not None and window is not None
        free = next(p for p in servers.picqer.picklists if p["status"] == "new" and p["assigned_to_iduser"] is None)
        number = free["picklistid"]
        # Picqer is busy: it turns the claim away with 429, and the station waits to try again.
        servers.picqer.faults.inject("429", method="POST", path=ASSIGN, seconds=RETRY_AFTER)
        window.handle_scan(number)
        await wait_for(lambda: window.form.opened is not None and window.form.opened.picklist.number == number)
        await wait_for(lambda: any(re.fullmatch(ASSIGN, p) and s == 429 for _m, p, s in servers.picqer.requests))

        started = time.monotonic()
        window.close()
        await asyncio.wait_for(station.aclose(), CLOSES_WITHIN)
        closed = True
        assert time.monotonic() - started < CLOSES_WITHIN
        assert others() - before == set(), "nothing of the closed station runs on"
    finally:
        if not closed:
            window.close()
            await station.aclose()
        qt_app.setQuitOnLastWindowClosed(quits)
