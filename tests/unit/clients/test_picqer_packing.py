"""PicqerClient for verified packing: products with barcodes and parts, packagings, picks (httpx.MockTransport)."""

from __future__ import annotations

import json
import re

import httpx
import pytest

from packstation.clients.errors import Rejected
from packstation.clients.picqer import PicqerClient
from packstation.domain.packing import Pick, ProductPart

from .conftest import FakeClock
from .test_picqer import FakePicqerApi, client, raw_picklist

PRODUCTS = {
    9005: {
        "idproduct": 9005,
        "productcode": "BOT-750",
        "name": "Drinkfles",
        "barcode": "8712345090050",
        "barcodes": ["8712345090050", "8719876000756"],
        "type": "normal",
        "weight": 410,
    },
    9004: {"idproduct": 9004, "productcode": "MUG-CER", "name": "Mok", "barcode": "8712345090043", "weight": 340},
    9101: {
        "idproduct": 9101,
        "productcode": "SET-TEA",
        "name": "Theeset",
        "barcode": "",
        "type": "virtual_composition",
        "weight": 0,
    },
}
PARTS = [
    {"idproduct_part": 1, "idproduct": 9004, "amount": 1, "productcode": "MUG-CER", "name": "Mok", "type": "normal"},
    {"idproduct_part": 2, "idproduct": 9010, "amount": 2, "productcode": "TEA-EARL", "name": "Thee", "type": "normal"},
]
LOCKED = {"error": True, "error_code": 1, "error_message": "Picklist is locked by another process"}


class PackingPicqer(FakePicqerApi):
    """FakePicqerApi plus products, parts, packagings and picks (answers queued per path still come first)."""

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path.removeprefix("/api/v1")
        key = f"{request.method} {path}"
        if any(responses and re.fullmatch(pattern, key) for pattern, responses in self.queued.items()):
            return super().__call__(request)
        answer = self._packing_answer(request, key)
        if answer is None:
            return super().__call__(request)
        self.requests.append(request)
        return answer

    @staticmethod
    def _packing_answer(request: httpx.Request, key: str) -> httpx.Response | None:
        if key == "GET /products":
            ids = {int(i) for i in request.url.params["idproducts"].split(",")}
            return httpx.Response(200, json=[p for pid, p in PRODUCTS.items() if pid in ids])
        if key == "GET /products/9101/parts":
            return httpx.Response(200, json=PARTS)
        if key == "GET /packagings":
            envelope = {"idpackaging": 1, "name": "Envelope", "barcode": "3376627429184", "active": True}
            old = {"idpackaging": 2, "name": "Old box", "barcode": "", "length": 0, "active": False}
            return httpx.Response(200, json=[{**envelope, "length": 20, "width": 14, "height": 2}, old])
        if re.fullmatch(r"POST /picklists/\d+/pick", key):
            return httpx.Response(200, json=raw_picklist(1))
        return None


async def test_products_are_read_with_every_barcode_and_bundles_with_their_parts_and_cached(clock: FakeClock) -> None:
    fake = PackingPicqer()
    c: PicqerClient = client(fake, clock)
    products = await c.get_products([9005, 9101, 9005, 4242])
    assert products[9005].barcodes == ("8712345090050", "8719876000756")
    assert products[9005].weight_grams == 410
    assert products[9101].parts == (ProductPart(9004, 1), ProductPart(9010, 2))
    assert 4242 not in products  # Picqer did not return it
    first = [r.url.params.get("idproducts") or r.url.path for r in fake.requests]
    assert first == ["9005,9101,4242", "/api/v1/products/9101/parts"]
    again = await c.get_products([9101, 9004])
    assert again[9101] == products[9101]
    assert fake.requests[-1].url.params["idproducts"] == "9004"  # only the product not seen before


async def test_products_are_asked_in_batches_of_one_page(clock: FakeClock) -> None:
    fake = PackingPicqer()
    await client(fake, clock).get_products(range(1, 251))
    sizes = [len(r.url.params["idproducts"].split(",")) for r in fake.requests]
    assert sizes == [100, 100, 50]


async def test_packagings_are_active_ones_with_sizes_in_millimetres(clock: FakeClock) -> None:
    packagings = await client(PackingPicqer(), clock).list_packagings()
    assert [(p.id, p.barcodes, p.length_mm, p.width_mm, p.height_mm) for p in packagings] == [
        (1, ("3376627429184",), 200, 140, 20)
    ]
    assert packagings[0].dimensions_cm == (20, 14, 2)


async def test_picks_are_one_request_per_line_with_amounts_coalesced(clock: FakeClock) -> None:
    fake = PackingPicqer()
    confirmed: list[Pick] = []
    await client(fake, clock).pick(
        1001,
        [Pick(11, "A1", 1), Pick(12, "B2", 2), Pick(11, "A1", 2), Pick(None, "C3", 1), Pick(13, "D4", 0)],
        on_picked=confirmed.append,
    )
    bodies = [json.loads(r.content) for r in fake.requests]
    assert bodies == [
        {"idpicklist_product": 11, "amount": 3},
        {"idpicklist_product": 12, "amount": 2},
        {"productcode": "C3", "amount": 1},
    ]
    assert all(r.url.path == "/api/v1/picklists/1001/pick" for r in fake.requests)
    assert [(p.line_id, p.amount) for p in confirmed] == [(11, 3), (12, 2), (None, 1)]


async def test_a_locked_pick_is_retried_with_backoff_and_a_refused_one_stops_the_batch(clock: FakeClock) -> None:
    fake = PackingPicqer()
    fake.queue(r"POST /picklists/1001/pick", httpx.Response(400, json=LOCKED), httpx.Response(400, json=LOCKED))
    confirmed: list[Pick] = []
    await client(fake, clock).pick(1001, [Pick(11, "A1", 1)], on_picked=confirmed.append)
    assert [p.amount for p in confirmed] == [1]
    assert clock.sleeps[:2] == [0.5, 1.0]

    too_high = httpx.Response(
        400, json={"error": True, "error_code": 18, "error_message": "Amount to pick is too high"}
    )
    fake.queue(r"POST /picklists/1001/pick", httpx.Response(200, json={}), too_high)
    confirmed.clear()
    with pytest.raises(Rejected):
        await client(fake, clock).pick(
            1001, [Pick(11, "A1", 1), Pick(12, "B2", 5), Pick(13, "C3", 1)], confirmed.append
        )
    assert [p.line_id for p in confirmed] == [11]  # the caller knows exactly what Picqer took


async def test_the_shipment_names_the_packaging_of_each_parcel(clock: FakeClock) -> None:
    fake = PackingPicqer()
    shipment = {"idshipment": 77, "idpicklist": 1001, "idshippingprovider_profile": 5}
    fake.queue(
        r"POST /picklists/1001/shipments", httpx.Response(201, json=shipment), httpx.Response(201, json=shipment)
    )
    c = client(fake, clock)
    await c.create_shipment(1001, 5, 900, packaging_ids=[2])
    await c.create_shipment(1001, 5, 1500, parcel_weights=[900, 600], packaging_ids=[2, 1])
    single, multi = (json.loads(r.content) for r in fake.requests)
    assert single == {"idshippingprofile": 5, "weight": 900, "idpackaging": 2}
    assert multi["parcels"] == [{"weight": 900, "idpackaging": 2}, {"weight": 600, "idpackaging": 1}]


async def test_picklist_lines_carry_their_line_and_product_ids_and_bundle_flag(clock: FakeClock) -> None:
    fake = PackingPicqer()
    fake.picklists[1001] = raw_picklist(
        1,
        products=[
            {
                "idpicklist_product": 11,
                "idproduct": 9101,
                "productcode": "SET-TEA",
                "name": "Set",
                "amount": 1,
                "has_parts": True,
            },
            {
                "idpicklist_product": 12,
                "idproduct": 9004,
                "productcode": "MUG-CER",
                "name": "Mok",
                "amount": 1,
                "partof_idpicklist_product": 11,
                "has_parts": None,
            },
        ],
    )
    picklist = await client(fake, clock).get_picklist(1001)
    bundle, part = picklist.lines
    assert (bundle.line_id, bundle.product_id, bundle.has_parts, bundle.part_of_line_id) == (11, 9101, True, None)
    assert (part.line_id, part.has_parts, part.part_of_line_id) == (12, False, 11)
