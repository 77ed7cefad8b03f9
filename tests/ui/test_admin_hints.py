"""What the window tells about the station itself: the address it could not reach, a missing key, the print folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from packstation.domain import errors as e
from packstation.settings import Settings
from packstation.ui.controllers.picklists_controller import PicklistsController
from packstation.ui.controllers.shipping_controller import ShippingController
from packstation.ui.main_window import MainWindow
from packstation.ui.messages import Messages
from packstation.ui.models.picklists_model import PicklistsModel

from .conftest import run_in_fresh_interpreter


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_connection_error_names_the_address_it_tried(language: str) -> None:
    url = "https://bakkerij.picqer.com/api/v1/picklists"
    text = Messages(language).error(e.ConnectionFailed("Picqer", f"cannot reach {url}", url=url))
    assert url in text


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_missing_key_names_the_environment_variable(language: str) -> None:
    text = Messages(language).error(e.MissingApiKey("MyParcel", "PACKSTATION_MYPARCEL_API_KEY"))
    assert "MyParcel" in text and "PACKSTATION_MYPARCEL_API_KEY" in text


def test_a_misspelt_setting_is_named_with_the_setting_meant_in_both_languages() -> None:
    problem = e.Violation(
        "setting_unknown_similar",
        (("name", "picqer.baseurl"), ("suggestion", "picqer.base_url")),
    )
    english, dutch = Messages("en").settings_problem(problem), Messages("nl").settings_problem(problem)
    assert english == "Unknown setting “picqer.baseurl” is ignored. Did you mean “picqer.base_url”?"
    assert dutch == "Onbekende instelling “picqer.baseurl” wordt genegeerd. Bedoeld: “picqer.base_url”?"


async def test_the_status_bar_shows_where_the_labels_are_printed(qtbot, station, tmp_path: Path) -> None:
    messages = Messages("en")
    shipping = ShippingController(station.service, messages)
    picklists = PicklistsController(station.service, PicklistsModel(messages), messages)
    folder = tmp_path / "demo" / "prints"
    window = MainWindow(shipping, picklists, Settings(), print_folder=folder)
    qtbot.addWidget(window)
    window.show()

    assert window.status_line.print_folder_label.isVisible()
    assert window.status_line.print_folder_label.toolTip() == f"Printed labels go to {folder}"
    assert window.status_line.print_folder_label.text().startswith("Printed labels go to")
    messages.set_language("nl")
    assert window.status_line.print_folder_label.toolTip() == f"Geprinte labels komen in {folder}"


async def test_a_long_print_folder_does_not_widen_the_window(qtbot, station) -> None:
    messages = Messages("nl")
    shipping = ShippingController(station.service, messages)
    picklists = PicklistsController(station.service, PicklistsModel(messages), messages)
    folder = Path("/home/magazijnmedewerker-pakbank-3/.local/share/packstation/demo/prints/" + "x" * 80)
    window = MainWindow(shipping, picklists, Settings(), print_folder=folder)
    qtbot.addWidget(window)
    window.show()

    assert window.minimumSizeHint().width() <= 1280  # the smallest bench screen
    assert "…" in window.status_line.print_folder_label.text()  # shortened in the middle
    assert window.status_line.print_folder_label.toolTip().endswith(str(folder))


# `packstation --demo` as app.run_gui builds it, in a fresh interpreter on the test's own folders.
DEMO_STATION = """
import asyncio
import qasync
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
    label = station.window.status_line.print_folder_label
    print("print folder:", label.text() if label.isVisible() else "(hidden)")
    print("tooltip:", label.toolTip())
    print("context:", station.context.print_folder)
    station.window.close()
    await station.aclose()

with loop:
    loop.run_until_complete(scenario())
"""


def test_demo_mode_shows_its_print_folder_in_the_status_bar(tmp_path: Path) -> None:
    output = run_in_fresh_interpreter(DEMO_STATION, tmp_path, tmp_path / "settings.toml")
    lines = dict(line.split(": ", 1) for line in output.splitlines() if ": " in line)
    folder = tmp_path / "data" / "prints"
    assert lines["context"] == str(folder)
    assert lines["print folder"].startswith("Printed labels go to ")
    assert lines["tooltip"] == f"Printed labels go to {folder}"
