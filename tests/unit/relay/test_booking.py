"""Book first, then register: the desk's label is returned; only a picklist nobody booked is booked here."""

from __future__ import annotations

import asyncio
import base64
import time
from collections.abc import Callable

import httpx
import pypdfium2
import pytest

from packstation.clients.http import HttpConfig, RateLimiter, RetryPolicy
from packstation.clients.myparcel import MyParcelClient
from packstation.demo import DemoServers
from packstation.domain.shipments import (
    Address,
    Carrier,
    LabelFormat,
    Platform,
    ShipmentOptions,
    ShipmentRequest,
)
from packstation.relay.config import RelayConfig
from packstation.relay.embedded import RelayThread
from tests.unit.relay.conftest import PASSWORD, USER, booked
from tests.unit.relay.seed_examples import shipment


def desk_books(demo: DemoServers, reference: str, *, parcels: int = 1, number: str = "251") -> list[int]:
    """Book and print like a packstation desk does (MyParcel client, reference = picklist number)."""
    request = ShipmentRequest(
        reference=reference,
        carrier=Carrier.POSTNL,
        recipient=Address(
            cc="NL", city="Arnhem", street="Meander", number=number, postal_code="6825 MC", person="Picqer B.V."
        ),
        options=ShipmentOptions(signature=True),
        weight_grams=1200,
        parcels=parcels,
    )

    async def book() -> list[int]:
        client = MyParcelClient(
            HttpConfig(demo.myparcel_url, demo.myparcel_api_key), Platform.MYPARCEL, RateLimiter(100), RetryPolicy()
        )
        try:
            created = await client.create(request)
            await client.fetch_label([s.id for s in created], LabelFormat.A6)
            return [s.id for s in created]
        finally:
            await client.aclose()

    return asyncio.run(book())


def test_the_desk_label_is_returned_without_a_new_booking(client: httpx.Client, demo: DemoServers) -> None:
    [shipment_id] = desk_books(demo, "P2018-29382")
    demo.myparcel.reset_requests()

    response = client.post("/shipments", json=shipment())

    assert response.status_code == 200, response.text
    assert [s["id"] for s in booked(demo, "P2018-29382")] == [shipment_id]
    assert not [r for r in demo.myparcel.requests if r[0] == "POST"]
    stored = demo.myparcel.shipment(shipment_id)
    assert stored is not None
    assert response.json()["data"]["tracking_code"] == stored["barcode"]
    assert stored["options"]["signature"] == 1  # the desk's options, not the Picqer profile's defaults


def test_a_desk_multi_collo_booking_is_returned_whole(client: httpx.Client, demo: DemoServers) -> None:
    ids = desk_books(demo, "P2018-29382", parcels=3)  # references P2018-29382-1, -2, -3

    response = client.post("/shipments", json=shipment())

    assert response.status_code == 200, response.text
    pdf = base64.b64decode(response.json()["data"]["label"]["documents"]["pdf"])
    zpl = base64.b64decode(response.json()["data"]["label"]["documents"]["zpl"]).decode("ascii")
    document = pypdfium2.PdfDocument(pdf)
    try:
        assert len(document) == 3  # all parcels in one PDF
    finally:
        document.close()
    assert zpl.count("^XA") == 3  # one label per parcel
    assert booked(demo, "P2018-29382") == []  # nothing new under the plain picklist number
    assert len(demo.myparcel.shipments) == len(ids) == 3


def test_a_desk_label_to_another_address_is_refused_naming_both(client: httpx.Client, demo: DemoServers) -> None:
    desk_books(demo, "P2018-29382", number="253")

    response = client.post("/shipments", json=shipment(language="en"))

    assert response.status_code == 409
    [message] = response.json()["error_messages"]
    assert "Meander 253, 6825 MC Arnhem, NL" in message
    assert "Meander 251, 6825MC Arnhem, NL" in message
    assert len(demo.myparcel.shipments) == 1


def test_without_booking_rights_only_desk_labels_are_returned(
    start_relay: Callable[..., RelayThread], make_config: Callable[..., RelayConfig], demo: DemoServers
) -> None:
    relay = start_relay(make_config(allow_booking=False))
    desk_books(demo, "P-DESK")
    with httpx.Client(base_url=relay.base_url, auth=(USER, PASSWORD)) as http:
        found = http.post("/shipments", json=shipment("P-DESK"))
        unknown = http.post("/shipments", json=shipment("P-NOBODY", language="en"))

    assert found.status_code == 200
    assert unknown.status_code == 422
    assert "ship the picklist at a packstation desk" in unknown.json()["error_messages"][0]
    assert booked(demo, "P-NOBODY") == []


def test_the_web_station_path_books_once_and_a_second_call_returns_the_same(
    client: httpx.Client, demo: DemoServers
) -> None:
    first = client.post("/shipments", json=shipment())
    second = client.post("/shipments", json=shipment())

    assert first.status_code == second.status_code == 200
    assert first.json()["data"]["tracking_code"] == second.json()["data"]["tracking_code"]
    assert len(booked(demo, "P2018-29382")) == 1


# --- the 20 s of Picqer -----------------------------------------------------------------------------------


def test_a_slow_myparcel_gets_a_4xx_in_time_and_the_retry_returns_the_one_shipment(
    start_relay: Callable[..., RelayThread], make_config: Callable[..., RelayConfig], demo: DemoServers
) -> None:
    relay = start_relay(make_config(deadline_seconds=1.0))
    demo.myparcel.faults.inject("slow", method="POST", path="^/shipments$", seconds=3.0)
    with httpx.Client(base_url=relay.base_url, auth=(USER, PASSWORD), timeout=30) as http:
        started = time.monotonic()
        slow = http.post("/shipments", json=shipment(language="en"))
        took = time.monotonic() - started
        busy = http.post("/shipments", json=shipment(language="en"))  # the booking still holds the lease

        assert 400 <= slow.status_code < 500
        assert slow.json()["error_messages"] == ["MyParcel is slow; try again in a minute."]
        assert took < 2.5  # the deadline (1 s), well before MyParcel answers (3 s)
        assert busy.status_code == 409
        assert busy.json()["error_messages"] == [
            "The label for P2018-29382 is still being booked; try again in a minute."
        ]

        deadline = time.monotonic() + 10
        while relay.runtime is not None and relay.runtime.service.bookings_in_background:
            assert time.monotonic() < deadline, "the background booking never finished"
            time.sleep(0.05)
        retry = http.post("/shipments", json=shipment(language="en"))

    assert retry.status_code == 200, retry.text
    stored = booked(demo, "P2018-29382")
    assert len(stored) == 1
    assert retry.json()["data"]["tracking_code"] == stored[0]["barcode"]


def test_a_myparcel_that_answers_after_25_seconds_never_holds_picqer_past_its_deadline(
    start_relay: Callable[..., RelayThread], make_config: Callable[..., RelayConfig], demo: DemoServers
) -> None:
    # MyParcel's search hangs 25 s: the answer still comes by the (short) deadline, as a 4xx Picqer shows.
    relay = start_relay(make_config(deadline_seconds=1.5), shutdown_grace=0.2)
    demo.myparcel.faults.inject("slow", method="GET", path="^/shipments$", seconds=25.0)
    started = time.monotonic()
    response = httpx.post(f"{relay.base_url}/shipments", json=shipment(), auth=(USER, PASSWORD), timeout=30)

    assert time.monotonic() - started < 3.5  # the deadline (1.5 s), not MyParcel's 25 s
    assert response.status_code == 424
    assert response.json()["error_messages"] == ["MyParcel is traag; probeer het over een minuut opnieuw."]
    assert booked(demo, "P2018-29382") == []  # nothing booked yet: the lookup is still waiting


@pytest.mark.parametrize("calls", [20])
async def test_concurrent_duplicate_calls_book_once(relay: RelayThread, demo: DemoServers, calls: int) -> None:
    demo.myparcel.latency = 0.05  # every call looks the picklist up before the first booking lands
    async with httpx.AsyncClient(base_url=relay.base_url, auth=(USER, PASSWORD), timeout=30) as http:
        responses = await asyncio.gather(*(http.post("/shipments", json=shipment()) for _ in range(calls)))

    assert [r.status_code for r in responses] == [200] * calls
    assert len(booked(demo, "P2018-29382")) == 1
    assert len({r.json()["data"]["tracking_code"] for r in responses}) == 1


def test_myparcel_errors_become_messages_the_packer_can_act_on(client: httpx.Client, demo: DemoServers) -> None:
    demo.myparcel.faults.inject("402", method="POST", path="^/shipments$")
    payment = client.post("/shipments", json=shipment("P-PAY", language="en"))
    demo.myparcel.faults.inject("500", times=10)
    down = client.post("/shipments", json=shipment("P-DOWN", language="en"))

    assert payment.status_code == 424
    assert payment.json()["error_messages"] == [
        "MyParcel wants this label paid first: pay it at https://backoffice.myparcel.nl/payment/a5f4c0b0d9e7, "
        "then try again."
    ]
    assert down.status_code == 424
    assert down.json()["error_messages"] == ["MyParcel cannot be reached right now; try again in a minute."]
    assert booked(demo, "P-PAY") == booked(demo, "P-DOWN") == []


def test_a_bug_is_a_500_with_a_generic_text_and_a_logged_traceback(
    relay: RelayThread, client: httpx.Client, demo: DemoServers, caplog: pytest.LogCaptureFixture
) -> None:
    class BrokenConverter:
        async def to_zpl(self, pdf: bytes, dpi: int) -> bytes:
            raise RuntimeError("a bug in the converter")

    assert relay.runtime is not None
    relay.runtime.service.converter = BrokenConverter()

    response = client.post("/shipments", json=shipment())

    assert response.status_code == 500
    assert response.text == "Internal error"
    assert "a bug in the converter" in caplog.text
    assert "Traceback" in caplog.text
    assert client.get("/config-options").status_code == 200  # still serving


def test_a_lock_store_outage_is_a_4xx_that_books_nothing(
    relay: RelayThread, client: httpx.Client, demo: DemoServers, caplog: pytest.LogCaptureFixture
) -> None:
    class DownLockStore:
        async def try_acquire(self, key: str, owner: str, lease_seconds: float) -> bool:
            raise OSError("database is locked")

        async def release(self, key: str, owner: str) -> None:
            raise OSError("database is locked")

        async def check(self) -> None:
            raise OSError("database is locked")

        async def close(self) -> None:
            pass

    assert relay.runtime is not None
    relay.runtime.service.locks = DownLockStore()

    response = client.post("/shipments", json=shipment(language="en"))
    health = client.get("/healthz")

    assert response.status_code == 424
    assert response.json()["error_messages"] == [
        "The relay cannot reach its own database; try again in a minute, and tell the administrator if it goes on."
    ]
    assert booked(demo, "P2018-29382") == []
    assert health.status_code == 503


def test_a_pickup_point_from_picqer_is_booked_as_pickup_delivery(client: httpx.Client, demo: DemoServers) -> None:
    body = shipment(language="en")
    body["data"]["shipment"]["pickup_point_data"] = {
        "carrier": "PostNL",
        "location_code": "176227",
        "retail_network_id": "PNPNL-01",
        "name": "Primera Arnhem",
        "street": "Jansstraat",
        "house_number": "12",
        "zipcode": "6811GJ",
        "city": "Arnhem",
        "country": "NL",
    }

    response = client.post("/shipments", json=body)

    assert response.status_code == 200, response.text
    stored = booked(demo, "P2018-29382")[0]
    assert stored["options"]["delivery_type"] == 4
    assert stored["options"]["signature"] == 1
    assert stored["pickup"]["location_code"] == "176227"
    assert stored["pickup"]["postal_code"] == "6811GJ"
