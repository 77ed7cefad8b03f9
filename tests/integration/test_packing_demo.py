"""Verified packing against the demo Picqer: products, bundles, boxes, picks, and ticks kept across a restart."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from packstation.clients.errors import Rejected
from packstation.clients.http import HttpConfig, RateLimiter, RetryPolicy
from packstation.clients.myparcel import MyParcelClient, shipment_payload
from packstation.clients.picqer import PicqerClient
from packstation.demo import DemoServers, seed
from packstation.domain.packing import Pick, ScanOutcome
from packstation.domain.shipments import Address, Carrier, Platform, ShipmentOptions, ShipmentRequest
from packstation.journal import SqliteJournal
from packstation.services.packing import PackingService, PackingSession

FAST = RetryPolicy(base_delay=0.02, max_delay=0.2, jitter=0.0, rate_limit_wait=0.05, rate_limit_cap=0.2)
BUNDLE_PICKLIST = "P2024-00008"  # PLNT-POT x3, LMP-DESK, TS-BLK-M and the tea set (mug + 2x tea)
BOX_S = seed.PACKAGINGS[1][2]
ENVELOPE = seed.PACKAGINGS[0][2]


def code_of(productcode: str) -> str:
    idproduct = next(p[0] for p in seed.PRODUCTS if p[1] == productcode)
    return seed.BARCODES[idproduct][0]


@pytest.fixture
def servers() -> Iterator[DemoServers]:
    with DemoServers(picklist_count=30) as s:
        yield s


@pytest.fixture
async def picqer(servers: DemoServers) -> AsyncIterator[PicqerClient]:
    client = PicqerClient(
        HttpConfig(base_url=servers.picqer_url, api_key=servers.picqer_api_key), RateLimiter.for_picqer(), FAST
    )
    yield client
    await client.aclose()


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "journal.sqlite3"


def open_journal(path: Path) -> SqliteJournal:
    return SqliteJournal(path, path.parent / "labels", "Station 1")


def nl_request(weight_grams: int) -> ShipmentRequest:
    """The bundle picklist's shipment as the form makes it, before the packed boxes are applied."""
    return ShipmentRequest(
        reference=BUNDLE_PICKLIST,
        carrier=Carrier.POSTNL,
        recipient=Address(
            cc="NL", city="Doesburg", street="Koppeling", number="15", postal_code="6983HX", person="J. de Vries"
        ),
        options=ShipmentOptions(),
        weight_grams=weight_grams,
    )


async def open_bundle_picklist(picqer: PicqerClient, journal: SqliteJournal) -> PackingSession:
    picklist = await picqer.find_picklist(BUNDLE_PICKLIST)
    assert picklist is not None
    return await PackingService(picqer, journal).open(picklist)


async def test_the_bundle_picklist_opens_with_parts_barcodes_and_boxes(
    picqer: PicqerClient, journal_path: Path
) -> None:
    journal = open_journal(journal_path)
    try:
        session = await open_bundle_picklist(picqer, journal)
    finally:
        journal.close()
    lines = [(line.product.code, line.amount, line.bundle.code if line.bundle else "") for line in session.state.lines]
    assert lines == [
        ("PLNT-POT", 3, ""),
        ("LMP-DESK", 1, ""),
        ("TS-BLK-M", 1, ""),
        ("MUG-CER", 1, "SET-TEA"),
        ("TEA-EARL", 2, "SET-TEA"),
    ]
    assert all(line.product.barcodes for line in session.state.lines)
    assert [p.name for p in session.state.packagings] == ["Envelop C4", "Doos S", "Doos L"]
    assert session.state.expected_weight_grams() == 3 * 1400 + 1820 + 180 + 340 + 2 * 130


async def test_picks_are_flushed_to_picqer_per_line_and_a_locked_picklist_is_waited_out(
    servers: DemoServers, picqer: PicqerClient, journal_path: Path
) -> None:
    journal = open_journal(journal_path)
    try:
        session = await open_bundle_picklist(picqer, journal)
        for code in (code_of("PLNT-POT"), code_of("PLNT-POT"), code_of("MUG-CER"), code_of("TEA-EARL")):
            assert (await session.scan(code)).outcome is ScanOutcome.TICKED
        servers.picqer.faults.inject("locked", method="POST", path=r"/pick$", times=2)
        assert await session.flush_picks() == 2  # two pots; the tea set is not whole yet
        assert [f.kind for f in servers.picqer.faults.injected] == ["locked", "locked"]
        await session.scan(code_of("TEA-EARL"))
        assert await session.flush_picks() == 1  # now the set is whole: one unit of the bundle line
        assert await session.flush_picks() == 0  # nothing sent twice
    finally:
        journal.close()
    demo = servers.picqer.picklist_by_number(BUNDLE_PICKLIST)
    assert demo is not None
    picked = {line["productcode"]: line["amount_picked"] for line in demo["products"]}
    assert picked == {"PLNT-POT": 2, "LMP-DESK": 0, "TS-BLK-M": 0, "SET-TEA": 1}
    assert demo["totalpicked"] == 3
    assert [body["amount"] for body in servers.picqer.picks] == [2, 1]


async def test_the_demo_refuses_to_pick_more_than_the_line_holds(servers: DemoServers, picqer: PicqerClient) -> None:
    picklist = await picqer.find_picklist(BUNDLE_PICKLIST)
    assert picklist is not None
    lamp = next(line for line in picklist.lines if line.product_code == "LMP-DESK")
    with pytest.raises(Rejected, match="too high"):
        await picqer.pick(picklist.id, [Pick(lamp.line_id, lamp.product_code, 2)])


async def test_ticks_boxes_and_picks_survive_a_restart(
    servers: DemoServers, picqer: PicqerClient, journal_path: Path
) -> None:
    journal = open_journal(journal_path)
    try:
        session = await open_bundle_picklist(picqer, journal)
        await session.scan(code_of("PLNT-POT"))
        await session.tick_manually(session.state.lines[1].key, "label torn")
        await session.flush_picks()
        await session.scan(code_of("TS-BLK-M"))
        await session.scan(BOX_S)
        await session.weigh(2900)
    finally:
        journal.close()  # the station stops here, half packed

    journal = open_journal(journal_path)
    try:
        session = await open_bundle_picklist(picqer, journal)
        assert {line.product.code: session.state.packed[line.key] for line in session.state.lines} == {
            "PLNT-POT": 1,
            "LMP-DESK": 1,
            "TS-BLK-M": 1,
            "MUG-CER": 0,
            "TEA-EARL": 0,
        }
        assert [m.reason for m in session.state.manual] == ["label torn"]
        assert [(p.packaging.name, p.weight_grams) for p in session.state.parcels] == [("Doos S", 2900)]
        assert [(p.product_code, p.amount) for p in session.picks_due()] == [("TS-BLK-M", 1)]  # pot+lamp were sent
        await session.finish()
        assert await journal.pack_progress(session.picklist.id) is None
    finally:
        journal.close()


async def test_the_boxes_go_into_the_myparcel_shipment(picqer: PicqerClient, journal_path: Path) -> None:
    journal = open_journal(journal_path)
    try:
        session = await open_bundle_picklist(picqer, journal)
        await session.scan(BOX_S)
        await session.weigh(2500)
        await session.scan(ENVELOPE)
        await session.weigh(800)
    finally:
        journal.close()
    shipped = session.apply_to(nl_request(weight_grams=1000))
    assert (shipped.parcels, shipped.weight_grams, shipped.dimensions_cm) == (2, 2500, (25, 20, 10))
    payload = shipment_payload(shipped, Platform.MYPARCEL)
    assert payload["physical_properties"] == {"weight": 2500, "length": 25, "width": 20, "height": 10}
    assert session.packaging_ids == [502, 501]
    assert shipped.packaging_ids == (502, 501)
    assert session.parcel_weights == [2500, 800]
    assert shipped.parcel_weights == (2500, 800)


async def test_a_two_box_shipment_books_each_box_with_its_own_weight_at_the_demo_myparcel(
    servers: DemoServers, picqer: PicqerClient, journal_path: Path
) -> None:
    journal = open_journal(journal_path)
    try:
        session = await open_bundle_picklist(picqer, journal)
        await session.scan(BOX_S)
        await session.weigh(2500)  # the scale's stable reading for the box being packed
        await session.scan(ENVELOPE)
        await session.weigh(950)
        await session.weigh(800, typed=True)  # the packer typed the envelope's weight: it wins
        await session.weigh(990)  # a later reading does not undo that
    finally:
        journal.close()
    myparcel = MyParcelClient(
        HttpConfig(base_url=servers.myparcel_url, api_key=servers.myparcel_api_key),
        Platform.MYPARCEL,
        RateLimiter.for_myparcel(),
        FAST,
    )
    try:
        booked = await myparcel.create(session.apply_to(nl_request(weight_grams=1000)))
    finally:
        await myparcel.aclose()
    assert len(booked) == 2
    stored = [servers.myparcel.shipment(shipment.id) for shipment in booked]
    assert [(s["reference_identifier"], s["physical_properties"]) for s in stored if s is not None] == [
        (f"{BUNDLE_PICKLIST}-1", {"weight": 2500, "length": 25, "width": 20, "height": 10}),
        (f"{BUNDLE_PICKLIST}-2", {"weight": 800, "length": 32, "width": 23, "height": 2}),
    ]


def test_an_older_journal_gains_the_packing_table_and_keeps_its_version(journal_path: Path) -> None:
    open_journal(journal_path).close()
    with sqlite3.connect(journal_path) as conn:
        conn.execute("DROP TABLE pack_progress")  # a journal written before issue 16
    open_journal(journal_path).close()
    with sqlite3.connect(journal_path) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "pack_progress" in tables
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
