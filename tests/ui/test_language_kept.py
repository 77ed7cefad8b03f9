"""The packer's language choice (Ctrl+L) is kept: the next start and the settings dialog speak it."""

from __future__ import annotations

from pathlib import Path

from packstation import settings

from .conftest import run_in_fresh_interpreter

# A fresh interpreter: the GUI station as `packstation --demo` builds it, on a settings file of the test's own.
STATION = """
import asyncio
import qasync
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from packstation import settings
from packstation.app import GuiStation

qt_app = QApplication([])
qt_app.setQuitOnLastWindowClosed(False)
loop = qasync.QEventLoop(qt_app)
asyncio.set_event_loop(loop)
station = GuiStation(qt_app, demo=True)
station.open(settings.load())

async def scenario():
    await asyncio.sleep(0.05)
    print("title:", station.window.scan_bar.scan_field.placeholderText())
    QTest.keyClick(station.window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    station.window.close()
    await station.aclose()

with loop:
    loop.run_until_complete(scenario())
"""


def run_station(tmp_path: Path, config: Path) -> str:
    output = run_in_fresh_interpreter(STATION, tmp_path, config)
    return next(line for line in output.splitlines() if line.startswith("title:"))


def test_ctrl_l_is_remembered_for_the_next_start(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    settings.save(settings.Settings(station_name="Bench 2"), config)
    assert "Scan a picklist" in run_station(tmp_path, config)
    kept = settings.load(config).settings
    assert kept.language == "nl" and kept.station_name == "Bench 2"  # only the language changed
    assert "Scan een picklijst" in run_station(tmp_path, config)  # and back to English on this Ctrl+L
    assert settings.load(config).settings.language == "en"


def test_a_settings_file_with_problems_is_not_rewritten_by_ctrl_l(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text('language = "en"\nstation_name = 42\n', encoding="utf-8")  # a hand edit gone wrong
    run_station(tmp_path, config)
    assert settings.load(config).problems  # the station did open on it, with a problem
    assert config.read_text(encoding="utf-8") == 'language = "en"\nstation_name = 42\n'
