"""Issue 13 end to end: the desk books at MyParcel, Picqer asks the relay, the relay returns the desk's label.

Everything runs for real on loopback: the demo MyParcel, the demo Picqer playing Picqer's side of the custom
shipping-provider protocol, and `packstation relay` in a thread, wired as `packstation --demo` wires them.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from packstation import app
from packstation.demo import DemoServers
from packstation.domain.picklists import PicklistStatus
from packstation.relay.embedded import RelayThread
from packstation.services.shipping import ShipmentJob, Step


@dataclass
class Bench:
    servers: DemoServers
    relay: RelayThread
    folder: Path

    def context(self) -> app.AppContext:
        """Build the desk as the app does on these servers (a second call is the desk after a restart)."""
        settings, keys = app.demo_settings(self.servers)
        assert settings.write_back.mode == "picqer_shipment"
        return app.build_context(settings, keys)


@pytest.fixture
def bench(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Bench]:
    monkeypatch.setenv(app.DATA_DIR_ENV, str(tmp_path / "data"))
    servers = DemoServers().start()
    relay = app.connect_demo_relay(servers, tmp_path / "relay")
    try:
        yield Bench(servers, relay, tmp_path)
    finally:
        relay.stop()
        servers.stop()


@pytest.fixture
async def desk(bench: Bench) -> AsyncIterator[app.AppContext]:
    context = bench.context()
    try:
        yield context
    finally:
        await context.aclose()


async def first_dutch(context: app.AppContext) -> tuple[int, str]:
    async for picklist in context.service.iter_picklists(PicklistStatus.NEW):
        if picklist.delivery.country == "NL" and not picklist.delivery.address_line.endswith("1-3"):
            return picklist.id, picklist.number
    raise AssertionError("the demo data has no open Dutch picklist")


async def start_job(context: app.AppContext, number: str) -> ShipmentJob:
    opened = await context.service.open_picklist(number)
    profile = opened.suggested_profile or context.service.profiles[0]
    return context.service.start(opened, opened.draft(profile, {}))


async def test_each_parcel_becomes_one_picqer_shipment_with_the_desks_label(bench: Bench, desk: app.AppContext) -> None:
    picklist_id, number = await first_dutch(desk)
    job = await desk.service.run(await start_job(desk, number))

    assert job.step is Step.DONE and job.registered_in_picqer
    (booked,) = bench.servers.myparcel.shipments_by_reference(number)  # the relay booked nothing of its own
    (registered,) = bench.servers.picqer.shipments_of(picklist_id)
    assert registered["idshipment"] == job.picqer_shipment_id
    assert registered["trackingcode"] == booked["barcode"] == job.barcodes[0]
    assert registered["carrier_key"] == "postnl" and registered["tracktraceurl"].startswith("https://")
    async with httpx.AsyncClient() as client:
        pdf = (await client.get(registered["labelurl_pdf"])).content
        zpl = (await client.get(registered["labelurl_zpl"])).content
    assert pdf.startswith(b"%PDF") and zpl.startswith(b"^XA")
    assert bench.servers.picqer.picklist_by_number(number)["status"] == "closed"
    # The desk keeps Picqer's id (and its journal does): a resume never asks for a second one.
    assert job.picqer_shipment_id is not None


async def test_a_desk_killed_while_picqer_waits_for_the_relay_resumes_to_one_picqer_shipment(bench: Bench) -> None:
    first = bench.context()
    picklist_id, number = await first_dutch(first)
    job = await start_job(first, number)

    def slow_relay_lookup(seen: ShipmentJob) -> None:
        # Once the label is printed, make the relay's MyParcel lookup slow: the desk is then killed while
        # Picqer's POST /picklists/{id}/shipments is still waiting for the relay.
        if seen.step is Step.WRITE_BACK:
            bench.servers.myparcel.faults.inject("slow", method="GET", path=r"^/shipments$", times=4, seconds=1.0)

    running = asyncio.ensure_future(first.service.run(job, on_step=slow_relay_lookup))
    for _ in range(1000):
        if bench.servers.picqer.shipping_in_flight(picklist_id) or running.done():
            break
        await asyncio.sleep(0.005)
    assert bench.servers.picqer.shipping_in_flight(picklist_id), "Picqer never called the relay"
    running.cancel()  # the kill: the desk never hears Picqer's reply
    with pytest.raises(asyncio.CancelledError):
        await running
    await first.aclose()
    for _ in range(1000):  # Picqer gets the relay's answer and stores the shipment all the same
        if not bench.servers.picqer.shipping_in_flight(picklist_id):
            break
        await asyncio.sleep(0.01)
    assert len(bench.servers.picqer.shipments_of(picklist_id)) == 1

    restarted = bench.context()
    try:
        (entry,) = await restarted.service.unfinished()
        assert entry.picklist_number == number and entry.picqer_shipment_id is None
        resumed = await restarted.service.run(await restarted.service.resume(entry))
    finally:
        await restarted.aclose()

    assert resumed.step is Step.DONE
    (registered,) = bench.servers.picqer.shipments_of(picklist_id)  # found, not made twice
    assert resumed.picqer_shipment_id == registered["idshipment"]
    assert len(bench.servers.myparcel.shipments_by_reference(number)) == 1
    assert bench.servers.picqer.picklist_by_number(number)["status"] == "closed"


async def test_a_refused_registration_says_why_and_f12_registers_once_without_a_second_label(
    bench: Bench, desk: app.AppContext
) -> None:
    picklist_id, number = await first_dutch(desk)
    job = await start_job(desk, number)
    wire = bench.servers.picqer.picklist_by_number(number)
    assert wire is not None
    written = wire["deliveryaddress"]

    def office_edits_the_address(seen: ShipmentJob) -> None:
        # After the label is printed someone changes the house number in Picqer: the relay must refuse to hand
        # Picqer a label for another address.
        if seen.step is Step.WRITE_BACK:
            with bench.servers.picqer.lock:
                wire["deliveryaddress"] = "Kerkstraat 999"

    with pytest.raises(Exception) as refused:
        await desk.service.run(job, on_step=office_edits_the_address)
    assert job.step is Step.WRITE_BACK
    assert "999" in str(refused.value)  # the relay's words reach the packer: both addresses named
    assert bench.servers.picqer.shipments_of(picklist_id) == []

    with bench.servers.picqer.lock:
        wire["deliveryaddress"] = written
    await desk.service.run(job)  # F12
    assert job.step is Step.DONE
    assert len(bench.servers.picqer.shipments_of(picklist_id)) == 1
    assert len(bench.servers.myparcel.shipments_by_reference(number)) == 1
