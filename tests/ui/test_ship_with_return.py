"""Ship + return label (Shift+F12, issue 17): the open picklist ships with a related return label although its
profile makes none, on the demo servers as the app wires them; the key and button follow F12's rules."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import sqlite3
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from packstation import app
from packstation.demo import DemoServers
from packstation.domain.profiles import ShippingProfile
from packstation.domain.shipments import Carrier, Platform, ReturnLabel
from packstation.settings import PackCheck, PackingSettings
from packstation.ui.controllers.packing_controller import PackingController
from packstation.ui.controllers.picklists_controller import PicklistsController
from packstation.ui.controllers.shipping_controller import ShippingController
from packstation.ui.main_window import MainWindow
from packstation.ui.messages import Messages
from packstation.ui.models.picklists_model import PicklistsModel

NUMBER = "P2024-00005"  # to the Netherlands, "PostNL standaard" suggested, the customer's e-mail address known
SHIFT = Qt.KeyboardModifier.ShiftModifier


pytestmark = pytest.mark.usefixtures("data_dir")  # tests/conftest.py: a data folder per test


async def settle() -> None:
    """Let the Qt loop handle what is posted. Not QApplication.processEvents(): run inside this test's task, it
    would also step the window's tasks (the claim of the scan), which asyncio refuses ("Cannot enter into task")
    and that task is then stuck for good, hanging the loop's shutdown."""
    await asyncio.sleep(0.05)


@pytest.fixture
def servers() -> AsyncIterator[DemoServers]:
    with DemoServers(picklist_count=30, rate_limits=False) as s:
        yield s


class Station:
    """A window on the demo servers as app/gui.py wires it; the profiles as the demo has them (no return label)."""

    def __init__(
        self,
        servers: DemoServers,
        qtbot,
        language: str = "en",
        extra_profiles: tuple[ShippingProfile, ...] = (),
        pack_check: PackCheck | None = None,
    ) -> None:
        self.servers = servers
        settings, keys = app.demo_settings(servers)
        settings = dataclasses.replace(settings, profiles=settings.profiles + extra_profiles)
        if pack_check is not None:
            settings = dataclasses.replace(settings, packing=PackingSettings(pack_check))
        assert all(p.return_label is ReturnLabel.NONE for p in settings.profiles)
        self.context = app.build_context(settings, keys)
        messages = Messages(language)
        self.shipping = ShippingController(self.context.service, messages)
        picklists = PicklistsController(self.context.service, PicklistsModel(messages), messages)
        packing = None
        if pack_check is not None:
            assert self.context.packing is not None
            packing = PackingController(self.context.packing, messages, pack_check, self.context.weighing)
        self.window = MainWindow(self.shipping, picklists, settings, packing=packing)
        self.questions: list[str] = []
        self.window.confirm = self._confirm  # type: ignore[method-assign]
        qtbot.addWidget(self.window)
        self.window.show()
        self.window.focus_scan_field()

    def _confirm(self, title: str, text: str) -> bool:
        self.questions.append(text)
        return False

    async def open(self, number: str, wait_for: Callable) -> None:
        self.window.handle_scan(number)
        await wait_for(
            lambda: self.window.form.opened is not None and self.window.form.opened.picklist.number == number
        )

    def press_shift_f12(self) -> None:
        QTest.keyClick(self.window.focusWidget() or self.window, Qt.Key.Key_F12, SHIFT)

    @property
    def button(self):
        return self.window.ship_panel.return_button

    def parcel(self, number: str) -> dict[str, Any]:
        (parcel,) = self.servers.myparcel.shipments_by_reference(number)
        return parcel

    def returns_of(self, parcel: dict[str, Any]) -> list[dict[str, Any]]:
        return [s for s in self.servers.myparcel.shipments if s["parent_id"] == parcel["id"]]

    def journalled_returns(self) -> list[dict[str, Any]]:
        """The journal's return-label steps, read from its file as an admin's query would."""
        journal = self.context.service._journal
        assert journal is not None
        with sqlite3.connect(journal.path) as conn:
            rows = conn.execute("SELECT data FROM steps WHERE step = 'return_label' ORDER BY id").fetchall()
        return [json.loads(row[0]) for row in rows]

    def comments(self, number: str) -> str:
        picklist = self.servers.picqer.picklist_by_number(number)
        assert picklist is not None
        return "\n".join(c["body"] for c in self.servers.picqer.comments.get(picklist["idpicklist"], []))

    def printed(self) -> int:
        folder = self.context.print_folder
        assert folder is not None
        return sum(1 for p in folder.rglob("*") if p.is_file())

    async def close(self) -> None:
        await self.window.aclose()
        await self.context.aclose()


@pytest.fixture
async def station(servers: DemoServers, qtbot) -> AsyncIterator[Station]:
    s = Station(servers, qtbot)
    yield s
    await s.close()


async def _shipped(station: Station, wait_for: Callable) -> None:
    await wait_for(lambda: not station.shipping.busy and station.window.form.opened is None, within=30)


async def test_shift_f12_ships_with_a_return_whose_parent_is_the_parcel_and_sender_the_customer(
    station: Station, wait_for
) -> None:
    await station.open(NUMBER, wait_for)
    assert station.window.form.profile_combo.currentText() == "PostNL standaard"  # its profile makes no return
    assert station.button.isEnabled()
    station.press_shift_f12()
    await _shipped(station, wait_for)

    parcel = station.parcel(NUMBER)
    (returned,) = station.returns_of(parcel)
    # MyParcel's related return: the customer sends it back, so the customer is its sender.
    for key in ("postal_code", "city", "street", "email"):
        assert returned["sender"][key] == parcel["recipient"][key], key
    assert returned["barcode"] and returned["barcode"] != parcel["barcode"]
    barcode = returned["barcode"]
    assert station.printed() == 2  # the parcel's label, then the return label
    (journalled,) = station.journalled_returns()
    assert journalled["barcode"] == barcode and journalled["printerless"] is False
    assert f"Return barcode: {barcode}" in station.comments(NUMBER)
    # The return's barcode stands beside the parcel's, early enough to show in the two-line status at 1280 px.
    assert f"{NUMBER} shipped ({parcel['barcode']}; return label {barcode} printed)" in station.window.status_text


async def test_f12_with_the_same_profile_ships_without_a_return(station: Station, wait_for) -> None:
    await station.open(NUMBER, wait_for)
    QTest.keyClick(station.window.focusWidget() or station.window, Qt.Key.Key_F12)
    await _shipped(station, wait_for)
    assert station.returns_of(station.parcel(NUMBER)) == []
    assert station.journalled_returns() == [] and station.printed() == 1
    assert "Return" not in station.window.status_text


async def test_the_button_ships_with_a_return_too(station: Station, wait_for) -> None:
    await station.open(NUMBER, wait_for)
    station.button.click()
    await _shipped(station, wait_for)
    assert len(station.returns_of(station.parcel(NUMBER))) == 1


async def test_disabled_when_shipping_is_not_allowed_and_the_key_says_why(station: Station, wait_for) -> None:
    window = station.window
    assert not station.button.isEnabled()  # nothing open
    station.press_shift_f12()
    assert "Scan a picklist first." in window.status_text

    await station.open(NUMBER, wait_for)
    window.form.weight.setText("0")  # an invalid shipment: F12 is off, and so is Shift+F12
    assert not window.ship_panel.ship_button.isEnabled() and not station.button.isEnabled()
    station.press_shift_f12()
    assert "Not sent" in window.status_text
    window.form.weight.setText("1200")
    assert window.ship_panel.ship_button.isEnabled() and station.button.isEnabled()

    station.press_shift_f12()
    await wait_for(lambda: station.shipping.busy)
    assert not station.button.isEnabled()  # while it ships
    await _shipped(station, wait_for)
    assert not station.button.isEnabled()  # shipped: the pane is empty

    # Opened again: already shipped. The return goes with the parcel only; a later one is made in MyParcel.
    await station.open(NUMBER, wait_for)
    assert not station.button.isEnabled()
    station.press_shift_f12()
    assert "already shipped: make its return label in MyParcel's back office" in window.status_text
    assert len(station.returns_of(station.parcel(NUMBER))) == 1  # nothing booked the second time


async def test_no_e_mail_address_no_return_and_the_key_says_so(station: Station, wait_for) -> None:
    picklist = station.servers.picqer.picklist_by_number(NUMBER)
    assert picklist is not None
    picklist["emailaddress"] = ""  # MyParcel needs the customer's e-mail address for a return; a phone will do for F12
    await station.open(NUMBER, wait_for)
    window = station.window
    assert window.ship_panel.ship_button.isEnabled() and not station.button.isEnabled()
    station.press_shift_f12()
    assert f"{NUMBER} has no customer e-mail address, which MyParcel needs for a return label" in window.status_text
    assert station.servers.myparcel.shipments_by_reference(NUMBER) == []


async def test_a_carrier_without_returns_leaves_the_button_off_and_points_to_another_profile(
    servers: DemoServers, qtbot, wait_for
) -> None:
    ups = ShippingProfile(name="UPS", carrier=Carrier.UPS, platform=Platform.MYPARCEL)  # the demo is on MyParcel
    station = Station(servers, qtbot, extra_profiles=(ups,))
    try:
        await station.open(NUMBER, wait_for)
        window = station.window
        window.form.profile_combo.setCurrentIndex(window.form.profile_combo.findText("UPS"))
        await settle()
        assert window.ship_panel.ship_button.isEnabled() and not station.button.isEnabled()
        window.focus_scan_field()
        station.press_shift_f12()
        assert "UPS makes no return labels through MyParcel, PostNL does" in window.status_text
        assert window.form.profile_combo.hasFocus()  # the packer picks another profile
        assert servers.myparcel.shipments_by_reference(NUMBER) == []
    finally:
        await station.close()


async def test_the_packing_check_asks_before_shift_f12_ships(servers: DemoServers, qtbot, wait_for) -> None:
    station = Station(servers, qtbot, pack_check=PackCheck.WARN)
    try:
        await station.open(NUMBER, wait_for)
        await wait_for(lambda: station.window.packing_wiring.packing.session is not None)
        station.press_shift_f12()
        assert station.questions and "not ticked" in station.questions[0]  # answered No: nothing ships
        assert servers.myparcel.shipments_by_reference(NUMBER) == []
    finally:
        await station.close()


async def test_dutch_button_and_words(servers: DemoServers, qtbot, wait_for) -> None:
    station = Station(servers, qtbot, language="nl")
    try:
        assert station.button.text() == "Verzend + retourlabel  (Shift+F12)"
        station.window.messages.set_language("en")
        assert station.button.text() == "Ship + return label  (Shift+F12)"
        station.window.messages.set_language("nl")
        await station.open(NUMBER, wait_for)
        station.press_shift_f12()
        await _shipped(station, wait_for)
        (returned,) = station.returns_of(station.parcel(NUMBER))
        assert f"; retourlabel {returned['barcode']} geprint)" in station.window.status_text
    finally:
        await station.close()


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("size", [(1280, 702), (1366, 750)])  # maximized on 1280x720 and 1366x768 screens
async def test_the_return_button_fits_the_bench_screens(station: Station, wait_for, size, language) -> None:
    window = station.window
    window.messages.set_language(language)
    await station.open(NUMBER, wait_for)
    window.resize(*size)
    await settle()
    assert window.width() == size[0] and window.minimumSizeHint().width() <= size[0]
    button = station.button
    assert button.isVisible() and button.isEnabled()
    assert button.fontMetrics().horizontalAdvance(button.text()) + 12 <= button.width()  # the whole text shows
    right_edge = button.mapTo(window, button.rect().topRight()).x()
    assert right_edge <= window.width()
