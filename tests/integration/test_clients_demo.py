"""Both clients against the embedded demo servers: real HTTP on loopback, the documented rules enforced."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator

import pytest

from packstation.clients.errors import PaymentRequired, Rejected, Unauthorized
from packstation.clients.http import HttpConfig, RateLimiter, RetryPolicy
from packstation.clients.myparcel import MyParcelClient
from packstation.clients.picqer import PicqerClient
from packstation.demo import DemoServers
from packstation.domain.picklists import PicklistStatus
from packstation.domain.shipments import (
    Address,
    Carrier,
    CustomsDeclaration,
    CustomsItem,
    LabelFormat,
    PackageContents,
    PackageType,
    Platform,
    ShipmentOptions,
    ShipmentRequest,
)

FAST = RetryPolicy(base_delay=0.02, max_delay=0.2, jitter=0.0, rate_limit_wait=0.05, rate_limit_cap=0.2)


@pytest.fixture(scope="module")
def servers() -> Iterator[DemoServers]:
    with DemoServers(picklist_count=250) as s:
        yield s


@pytest.fixture(autouse=True)
def clean_faults(servers: DemoServers) -> Iterator[None]:
    yield
    servers.picqer.faults.clear()
    servers.myparcel.faults.clear()


@pytest.fixture
async def picqer(servers: DemoServers) -> AsyncIterator[PicqerClient]:
    client = PicqerClient(
        HttpConfig(base_url=servers.picqer_url, api_key=servers.picqer_api_key), RateLimiter.for_picqer(), FAST
    )
    yield client
    await client.aclose()


@pytest.fixture
async def myparcel(servers: DemoServers) -> AsyncIterator[MyParcelClient]:
    client = MyParcelClient(
        # A short read timeout keeps the wait after an unanswered POST (the confirm window) short.
        HttpConfig(base_url=servers.myparcel_url, api_key=servers.myparcel_api_key, read_timeout=2.0),
        Platform.MYPARCEL,
        RateLimiter.for_myparcel(),
        FAST,
    )
    yield client
    await client.aclose()


def nl_request(reference: str, parcels: int = 1, **options: object) -> ShipmentRequest:
    return ShipmentRequest(
        reference=reference,
        carrier=Carrier.POSTNL,
        recipient=Address(
            cc="NL",
            city="Hoofddorp",
            street="Antareslaan",
            number="31",
            postal_code="2132JE",
            person="Mr. Parcel",
            email="testing@myparcel.nl",
            phone="0233030315",
        ),
        options=ShipmentOptions(**options),  # type: ignore[arg-type]
        weight_grams=1500,
        parcels=parcels,
    )


# --- Picqer --------------------------------------------------------------------------------------


async def test_pagination_with_a_429_in_the_middle_yields_every_picklist_once(servers, picqer) -> None:
    expected = {p["idpicklist"] for p in servers.picqer.picklists}
    seen: list[int] = []
    async for picklist in picqer.iter_picklists(status=None):
        if not seen:  # the first page is in; the next page request meets a 429
            servers.picqer.faults.inject("429", path=r"/picklists$", times=1)
        seen.append(picklist.id)
    assert len(seen) == len(set(seen)) == len(expected) == 250
    assert set(seen) == expected
    assert [f.kind for f in servers.picqer.faults.injected] == ["429"]


async def test_filters_by_status_and_warehouse(servers, picqer) -> None:
    new = [p async for p in picqer.iter_picklists()]
    assert new and all(p.status is PicklistStatus.NEW for p in new)
    warehouse = new[0].warehouse_id
    in_warehouse = [p async for p in picqer.iter_picklists(warehouse_id=warehouse)]
    assert in_warehouse and all(p.warehouse_id == warehouse for p in in_warehouse)


async def test_picklist_order_and_account_reads(servers, picqer) -> None:
    raw = next(p for p in servers.picqer.picklists if p["status"] == "new")
    found = await picqer.find_picklist(raw["picklistid"])
    assert found is not None and found.id == raw["idpicklist"] and found.lines
    assert (await picqer.get_picklist(found.id)).number == raw["picklistid"]
    assert await picqer.find_picklist("P1999-99999") is None
    assert found.order_id is not None
    order = await picqer.get_order(found.order_id)
    assert order.id == found.order_id and order.lines
    profiles = await picqer.list_profiles()
    assert profiles and all(p.id and p.name for p in profiles)
    methods, selected = await picqer.shipping_methods(found.id)
    assert selected in {m.id for m in methods}
    me = await picqer.current_user()
    users = await picqer.list_users()
    assert me.id in {u.id for u in users}
    assert await picqer.list_warehouses()
    assert (await picqer.packing_list_pdf(found.id)).startswith(b"%PDF")


async def test_write_backs_pick_and_close_twice(servers, picqer) -> None:
    raw = next(p for p in servers.picqer.picklists if p["status"] == "new" and p["idorder"])
    picklist_id = raw["idpicklist"]
    me = await picqer.current_user()
    await picqer.assign(picklist_id, me.id)
    assert (await picqer.get_picklist(picklist_id)).assigned_user_id == me.id
    await picqer.unassign(picklist_id)
    await picqer.add_comment(picklist_id, "Track & trace: 3SMYPA000000001")
    assert servers.picqer.comments[picklist_id][-1]["body"] == "Track & trace: 3SMYPA000000001"
    order = servers.picqer.orders[raw["idorder"]]
    if order["orderfields"]:
        field_id = order["orderfields"][0]["idorderfield"]
        await picqer.set_order_field(raw["idorder"], field_id, "3SMYPA000000001")
        assert order["orderfields"][0]["value"] == "3SMYPA000000001"
    servers.picqer.faults.inject("locked", method="POST", path=r"/pickall$", times=2)
    await picqer.pick_all(picklist_id)
    await picqer.close_picklist(picklist_id)
    # Closing again answers error 21; the picklist is closed, so that counts as done.
    await picqer.close_picklist(picklist_id)
    assert (await picqer.get_picklist(picklist_id)).status is PicklistStatus.CLOSED


async def test_scan_and_write_back_read_nothing_back(servers, picqer) -> None:
    raw = next(
        p for p in servers.picqer.picklists if p["status"] == "new" and p["idorder"] and not p["assigned_to_iduser"]
    )
    me = await picqer.current_user()
    servers.picqer.reset_requests()
    found = await picqer.find_picklist(raw["picklistid"])
    assert found is not None and len(found.lines) == len(raw["products"])
    claimed = await picqer.assign(found.id, me.id)
    picked = await picqer.pick_all(found.id)
    closed = await picqer.close_picklist(found.id)
    assert claimed is not None and claimed.assigned_user_id == me.id
    assert picked is not None and picked.all_picked
    assert closed is not None and closed.status is PicklistStatus.CLOSED
    assert [m for m, _p, _s in servers.picqer.requests] == ["GET", "POST", "POST", "POST"]


async def test_second_station_key_is_its_own_user(servers) -> None:
    client = PicqerClient(
        HttpConfig(base_url=servers.picqer_url, api_key=servers.picqer_station2_api_key), RateLimiter.for_picqer(), FAST
    )
    me = await client.current_user()
    assert (me.id, me.full_name) == (1002, "Station 2")
    await client.aclose()


async def test_wrong_picqer_key_is_unauthorized(servers) -> None:
    client = PicqerClient(HttpConfig(base_url=servers.picqer_url, api_key="wrong"), RateLimiter.for_picqer(), FAST)
    with pytest.raises(Unauthorized):
        await client.current_user()
    await client.aclose()


# --- MyParcel ------------------------------------------------------------------------------------


async def test_create_label_barcode_and_tracking(servers, myparcel) -> None:
    (shipment,) = await myparcel.create(nl_request("IT-0001", signature=True))
    assert shipment.is_concept and servers.myparcel.shipments_by_reference("IT-0001")
    pdf = await myparcel.fetch_label([shipment.id], LabelFormat.A6)
    assert pdf.startswith(b"%PDF")
    registered = await myparcel.get_shipment(shipment.id)
    assert registered.barcode and registered.status == 2
    url = await myparcel.tracking_url(registered)
    assert url.startswith("https://") and registered.barcode in url
    assert [s.id for s in await myparcel.find_by_reference("IT-0001")] == [shipment.id]


async def test_one_parcel_booking_costs_one_post_and_the_label_read_fills_the_barcode(servers, myparcel) -> None:
    servers.myparcel.reset_requests()
    (shipment,) = await myparcel.create(nl_request("IT-LEAN-1"), looked_up=True)
    assert [(m, p.split("?")[0]) for m, p, _ in servers.myparcel.requests] == [("POST", "/shipments")]
    stored = servers.myparcel.shipments_by_reference("IT-LEAN-1")[0]
    assert (shipment.id, shipment.status, shipment.barcode) == (stored["id"], stored["status"], "")
    assert (shipment.recipient_postal_code, shipment.recipient_cc) == ("2132JE", "NL")
    await myparcel.fetch_label([shipment.id], LabelFormat.A6)
    registered = await myparcel.get_shipment(shipment.id)
    assert (registered.recipient_postal_code, registered.recipient_cc) == ("2132JE", "NL")
    before = len(servers.myparcel.requests)
    url = await myparcel.tracking_url(registered)
    assert url == f"https://myparcel.me/track-trace/{registered.barcode}/2132JE/NL"
    assert len(servers.myparcel.requests) == before  # built, not asked for
    # The carrier's own page is still there for whoever wants it.
    assert (await myparcel.tracktrace_link(registered)).startswith(
        f"https://postnl.nl/tracktrace/?B={registered.barcode}"
    )


async def test_lost_reply_makes_exactly_one_shipment(servers, myparcel) -> None:
    servers.myparcel.faults.inject("lose_reply", method="POST", path=r"/shipments$")
    shipments = await myparcel.create(nl_request("IT-LOST-1"))
    stored = servers.myparcel.shipments_by_reference("IT-LOST-1")
    assert len(stored) == 1 and [s.id for s in shipments] == [stored[0]["id"]]
    assert [f.kind for f in servers.myparcel.faults.injected] == ["lose_reply"]


async def test_dropped_connection_before_processing_creates_once(servers, myparcel) -> None:
    servers.myparcel.faults.inject("drop", method="POST", path=r"/shipments$")
    await myparcel.create(nl_request("IT-DROP-1"))
    assert len(servers.myparcel.shipments_by_reference("IT-DROP-1")) == 1


async def test_rate_limited_post_is_sent_again_only_after_a_lookup(servers, myparcel) -> None:
    servers.myparcel.faults.inject("429", method="POST", path=r"/shipments$")
    await myparcel.create(nl_request("IT-429-1"))
    assert len(servers.myparcel.shipments_by_reference("IT-429-1")) == 1


async def test_second_create_reuses_the_first(servers, myparcel) -> None:
    first = await myparcel.create(nl_request("IT-TWICE"))
    second = await myparcel.create(nl_request("IT-TWICE"))
    assert [s.id for s in first] == [s.id for s in second]
    assert len(servers.myparcel.shipments_by_reference("IT-TWICE")) == 1


async def test_multi_collo_gives_one_labelled_shipment_per_parcel(servers, myparcel) -> None:
    shipments = await myparcel.create(nl_request("IT-MC", parcels=3))
    assert [s.reference for s in shipments] == ["IT-MC-1", "IT-MC-2", "IT-MC-3"]
    assert len({s.id for s in shipments}) == 3
    assert (await myparcel.fetch_label([shipments[0].id], LabelFormat.A6)).startswith(b"%PDF")
    barcodes = [(await myparcel.get_shipment(s.id)).barcode for s in shipments]
    assert all(barcodes) and len(set(barcodes)) == 3


async def test_422_surfaces_myparcel_codes_and_human_text(servers, myparcel) -> None:
    # A mailbox package abroad breaks a documented rule (MyParcel.nl API §6.A.1).
    request = ShipmentRequest(
        reference="IT-422",
        carrier=Carrier.POSTNL,
        recipient=Address(cc="DE", city="Berlin", street="Unter den Linden 1", postal_code="10117", person="Max"),
        options=ShipmentOptions(package_type=PackageType.MAILBOX),
        weight_grams=300,
    )
    with pytest.raises(Rejected) as info:
        await myparcel.create(request)
    assert info.value.status == 422 and info.value.codes
    assert all(m.text for m in info.value.messages)
    assert not servers.myparcel.shipments_by_reference("IT-422")


async def test_international_customs_label_is_a4(servers, myparcel) -> None:
    request = ShipmentRequest(
        reference="IT-JP",
        carrier=Carrier.POSTNL,
        recipient=Address(cc="JP", city="Saitama", street="Tokiwa 9-21-21", person="Tanaka san"),
        options=ShipmentOptions(insurance_cents=20000),
        weight_grams=30,
        customs=CustomsDeclaration(
            PackageContents.COMMERCIAL_GOODS, "INV-1", (CustomsItem("Sample", 1, 30, 700, "0181", "NL"),)
        ),
    )
    (shipment,) = await myparcel.create(request)
    assert (await myparcel.fetch_label([shipment.id], request.label_format)).startswith(b"%PDF")


async def test_many_labels_through_the_download_link() -> None:
    # 26 shipments take ~80 requests: an own server, so the shared one's 100/min limit does not slow the module.
    with DemoServers(picklist_count=1, myparcel_rate_limit=1000) as own:
        client = MyParcelClient(
            HttpConfig(base_url=own.myparcel_url, api_key=own.myparcel_api_key),
            Platform.MYPARCEL,
            RateLimiter(1000),
            FAST,
        )
        ids = [(await client.create(nl_request(f"IT-BULK-{n}")))[0].id for n in range(26)]
        pdf = await client.fetch_label(ids, LabelFormat.A4, positions=(1,))
        await client.aclose()
        assert pdf.startswith(b"%PDF")
        assert any(path.startswith("/pdfs/") for _, path, _ in own.myparcel.requests)


async def test_unpaid_label_and_concept_deletion(servers, myparcel) -> None:
    (shipment,) = await myparcel.create(nl_request("IT-PAY"))
    servers.myparcel.faults.inject("402", path=r"/shipment_labels/")
    with pytest.raises(PaymentRequired) as info:
        await myparcel.fetch_label([shipment.id], LabelFormat.A6)
    assert info.value.payment_url.startswith("https://")
    await myparcel.delete_concepts([shipment.id])
    assert not servers.myparcel.shipments_by_reference("IT-PAY")


async def test_sendmyparcel_account_with_box_number(servers) -> None:
    client = MyParcelClient(
        HttpConfig(base_url=servers.myparcel_url, api_key=servers.myparcel_be_api_key),
        Platform.SENDMYPARCEL,
        RateLimiter.for_myparcel(),
        FAST,
    )
    request = ShipmentRequest(
        reference="IT-BE-1",
        carrier=Carrier.BPOST,
        recipient=Address(
            cc="BE",
            city="Antwerpen",
            street="Wormerplein",
            number="16",
            box_number="2",
            postal_code="2000",
            person="Jan",
        ),
        options=ShipmentOptions(signature=True),
        weight_grams=800,
    )
    (shipment,) = await client.create(request)
    stored = servers.myparcel.shipments_by_reference("IT-BE-1")
    assert stored[0]["recipient"]["box_number"] == "2" and stored[0]["platform"] == "belgie"
    assert (await client.fetch_label([shipment.id], LabelFormat.A6)).startswith(b"%PDF")
    registered = await client.get_shipment(shipment.id)
    page = f"https://sendmyparcel.me/track-trace/{registered.barcode}/2000/BE"
    assert await client.tracking_url(registered) == page
    # SendMyParcel's tracktraces carry no link (api-notes §13): the carrier link falls back to the same page.
    assert await client.tracktrace_link(registered) == page
    await client.aclose()


async def test_concurrent_creates_share_the_limiter(servers, myparcel) -> None:
    results = await asyncio.gather(*(myparcel.create(nl_request(f"IT-PAR-{n}")) for n in range(5)))
    assert len({r[0].id for r in results}) == 5
