"""Retry waits the packer can see: the countdown in the status bar, Esc / "Stop waiting", and F12 going on.

On the demo servers (real loopback HTTP, real clients, as app.py wires them) and on fakes for the window.
"""

from __future__ import annotations

import asyncio
import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from packstation import app
from packstation.clients.http import RetryWaits, wait_before_retry
from packstation.demo import DemoServers
from packstation.domain.picklists import PicklistStatus
from packstation.domain.profiles import default_profiles
from packstation.domain.shipments import Platform
from packstation.domain.waits import Wait, WaitReason
from packstation.services.shipping import ShippingService
from packstation.settings import Settings
from packstation.ui.controllers.picklists_controller import PicklistsController
from packstation.ui.controllers.shipping_controller import ShippingController
from packstation.ui.main_window import MainWindow
from packstation.ui.messages import Messages
from packstation.ui.models.picklists_model import PicklistsModel
from tests.fakes.station import FakeStationCarrier, FakeStationPicqer, FakeStationPrinter

from .conftest import sample_picklists
from .test_controllers import Recorder, draft_for
from .test_main_window import scan

pytestmark = pytest.mark.usefixtures("data_dir")  # tests/conftest.py: a data folder per test


async def first_dutch_picklist(context: app.AppContext) -> str:
    async for picklist in context.service.iter_picklists(PicklistStatus.NEW):
        if picklist.delivery.country == "NL" and not picklist.delivery.address_line.endswith("1-3"):
            opened = await context.service.open_picklist(picklist.number)
            if not opened.draft(opened.suggested_profile or context.service.profiles[0], {}).violations:
                return picklist.number
    raise AssertionError("no open Dutch picklist in the demo data")


async def open_on_demo(servers: DemoServers, wait_for) -> tuple[app.AppContext, ShippingController, Recorder, str]:
    settings, keys = app.demo_settings(servers)
    context = app.build_context(settings, keys)
    number = await first_dutch_picklist(context)
    controller = ShippingController(context.service, Messages("en"))
    seen = Recorder(controller, "picklist_opened", "waiting", "failed", "shipment_done")
    controller.open_picklist(number)
    await wait_for(lambda: seen.of("picklist_opened"))
    return context, controller, seen, number


async def test_a_429_on_create_shows_the_wait_esc_stops_it_and_f12_books_once(wait_for) -> None:
    with DemoServers(rate_limits=False) as servers:
        context, controller, seen, number = await open_on_demo(servers, wait_for)
        try:
            servers.myparcel.faults.inject("429", method="POST", path="^/shipments$", seconds=1)
            controller.ship(draft_for(controller))
            await wait_for(lambda: controller.is_waiting)
            assert seen.of("waiting")[0] == ("MyParcel is busy, trying again in 2 s; nothing is booked twice.",)

            assert controller.stop_waiting()
            await wait_for(lambda: seen.of("failed"))
            assert seen.of("failed") == [
                (
                    "Stopped waiting for MyParcel. Everything done so far is kept. Press F12 to go on; "
                    "nothing is booked twice.",
                )
            ]
            assert seen.of("waiting")[-1] == ("",)
            assert controller.can_retry and controller.failed_step == "create"
            assert servers.myparcel.shipments_by_reference(number) == []

            controller.retry()  # F12: the key is still paused for the rest of the Retry-After, then it books
            await wait_for(lambda: seen.of("shipment_done") or len(seen.of("failed")) > 1)
            assert len(seen.of("failed")) == 1
            assert len(servers.myparcel.shipments_by_reference(number)) == 1
        finally:
            await context.aclose()


async def test_stopping_the_watch_after_a_5xx_on_create_and_f12_still_books_once(wait_for) -> None:
    # A gateway 502 on POST /shipments may hide a booking: the client watches the reference before posting again.
    with DemoServers(rate_limits=False) as servers:
        context, controller, seen, number = await open_on_demo(servers, wait_for)
        try:
            servers.myparcel.faults.inject("502", method="POST", path="^/shipments$")
            controller.ship(draft_for(controller))
            await wait_for(lambda: controller.is_waiting)
            (text,) = seen.of("waiting")[0]
            assert text.startswith("MyParcel did not confirm in time; checking for 3")  # the 30 s read timeout
            controller.stop_waiting()
            await wait_for(lambda: seen.of("failed"))
            assert controller.failed_step == "create"

            controller.retry()
            await wait_for(lambda: seen.of("shipment_done") or len(seen.of("failed")) > 1)
            assert len(seen.of("failed")) == 1
            assert len(servers.myparcel.shipments_by_reference(number)) == 1
        finally:
            await context.aclose()


class WaitingCarrier(FakeStationCarrier):
    """MyParcel on fakes whose first booking meets a 429 with Retry-After 5 and waits until released."""

    def __init__(self) -> None:
        super().__init__()
        self.released = asyncio.Event()
        self.waited = False

    async def create(self, request, *, looked_up: bool = False) -> list:
        if not self.waited:
            self.waited = True

            async def until_released(_seconds: float) -> None:
                await self.released.wait()

            await wait_before_retry(Wait("MyParcel", WaitReason.RATE_LIMITED, 5.0), until_released)
        return await super().create(request, looked_up=looked_up)


def waiting_window(qtbot, language: str) -> tuple[MainWindow, WaitingCarrier]:
    carrier = WaitingCarrier()
    profiles = default_profiles(Platform.MYPARCEL)
    # Link the first profile to Picqer profile 7 (the picklist's preference), as an admin would.
    profiles = (dataclasses.replace(profiles[0], picqer_profile_ids=(7,)), *profiles[1:])
    service = ShippingService(
        FakeStationPicqer(sample_picklists()),
        carrier,
        FakeStationPrinter(),
        profiles,
        Platform.MYPARCEL,
        claim_settle=0.0,
        waits=RetryWaits(),
    )
    messages = Messages(language)
    shipping = ShippingController(service, messages)
    window = MainWindow(shipping, PicklistsController(service, PicklistsModel(messages), messages), Settings())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    window.focus_scan_field()
    return window, carrier


@pytest.mark.parametrize(
    ("language", "waiting", "counted", "stopped", "button"),
    [
        (
            "en",
            "MyParcel is busy, trying again in 5 s; nothing is booked twice.",
            "MyParcel is busy, trying again in 4 s; nothing is booked twice.",
            "Stopped waiting for MyParcel. Everything done so far is kept. Press F12 to go on; "
            "nothing is booked twice.",
            "Stop waiting  (Esc)",
        ),
        (
            "nl",
            "MyParcel heeft het druk, opnieuw over 5 s; er wordt niets dubbel geboekt.",
            "MyParcel heeft het druk, opnieuw over 4 s; er wordt niets dubbel geboekt.",
            "Gestopt met wachten op MyParcel. Wat al gedaan is, blijft bewaard. Druk op F12 om verder te gaan; "
            "er wordt niets dubbel geboekt.",
            "Stoppen met wachten  (Esc)",
        ),
    ],
)
async def test_the_status_bar_counts_the_wait_down_and_esc_stops_it(
    qtbot, wait_for, language, waiting, counted, stopped, button
) -> None:
    window, carrier = waiting_window(qtbot, language)
    scan(window, "P2024-00123")
    await wait_for(lambda: window.form.opened is not None)
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_F12)
    await wait_for(lambda: window.status_text == waiting)
    assert window.status_line.stop_wait_button.isVisible() and window.status_line.stop_wait_button.text() == button
    await wait_for(lambda: window.status_text == counted, within=3.0)  # it counts down while it waits

    QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_Escape)
    await wait_for(lambda: window.statusBar().property("tone") == "error")
    assert window.status_text == stopped
    assert not window.status_line.stop_wait_button.isVisible()
    assert carrier.created == []

    QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_F12)  # goes on from "create": one booking
    await wait_for(lambda: window.statusBar().property("tone") == "ok")
    assert len(carrier.created) == 1


async def test_the_stop_waiting_button_stops_the_wait(qtbot, wait_for) -> None:
    window, carrier = waiting_window(qtbot, "en")
    scan(window, "P2024-00123")
    await wait_for(lambda: window.form.opened is not None)
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_F12)
    await wait_for(lambda: window.status_line.stop_wait_button.isVisible())
    window.status_line.stop_wait_button.click()
    await wait_for(lambda: window.shipping.can_retry)
    assert window.shipping.failed_step == "create" and carrier.created == []
