"""PicqerClient against a small in-memory Picqer on httpx.MockTransport."""

from __future__ import annotations

import base64
import json
import re

import httpx
import pytest

from packstation.clients.errors import BadResponse, Rejected
from packstation.clients.http import HttpConfig, RateLimiter, RetryPolicy
from packstation.clients.picqer import PicqerClient, parse_picklist, parse_tags
from packstation.domain.picklists import PicklistStatus, PicqerProfile

from .conftest import FakeClock

KEY = "pq-key"
PDF = b"%PDF-1.4\n%fake but starts right\n"


def raw_picklist(n: int, **extra: object) -> dict[str, object]:
    return {
        "idpicklist": 1000 + n,
        "picklistid": f"P2024-{n:05d}",
        "idorder": 5000 + n,
        "idwarehouse": 2811,
        "status": "new",
        "deliveryname": "Triangle B.V.",
        "deliverycontact": "Jos Triepels",
        "deliveryaddress": "Koppeling 15",
        "deliveryzipcode": "6983 HX",
        "deliverycity": "Doesburg",
        "deliverycountry": "nl",
        "urgent": True,
        "totalproducts": 2,
        "totalpicked": 1,
        "preferred_delivery_date": None,
        "products": [{"productcode": "A1", "name": "Mok", "amount": 2, "amount_picked": 1, "weight": 283}],
        **extra,
    }


class FakePicqerApi:
    """Picqer's HTTP API as an httpx transport handler (not a port fake): pages, actions, queued answers."""

    def __init__(self, count: int = 0) -> None:
        self.picklists = {1000 + n: raw_picklist(n) for n in range(1, count + 1)}
        self.requests: list[httpx.Request] = []
        self.queued: dict[str, list[httpx.Response]] = {}

    def queue(self, pattern: str, *responses: httpx.Response) -> None:
        self.queued.setdefault(pattern, []).extend(responses)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path.removeprefix("/api/v1")
        key = f"{request.method} {path}"
        for pattern, responses in self.queued.items():
            if responses and re.fullmatch(pattern, key):
                return responses.pop(0)
        if key == "GET /picklists":
            items = sorted(self.picklists.values(), key=lambda p: p["idpicklist"])
            number = request.url.params.get("picklistid")
            if number:
                items = [p for p in items if p["picklistid"] == number]
            since_id = request.url.params.get("sinceid")
            if since_id:
                items = [p for p in items if p["idpicklist"] > int(since_id)]
            offset = int(request.url.params.get("offset", 0))
            return httpx.Response(200, json=items[offset : offset + 100], headers={"X-RateLimit-Remaining": "400"})
        if m := re.fullmatch(r"GET /picklists/(\d+)", key):
            found = self.picklists.get(int(m.group(1)))
            if found is None:
                return httpx.Response(404, json={"error": True, "error_code": 20, "error_message": "Item not found"})
            return httpx.Response(200, json=found)
        if re.fullmatch(r"POST /picklists/\d+/(comments|pickall|close|assign|unassign)", key):
            return httpx.Response(201 if key.endswith("comments") else 200, json={})
        if re.fullmatch(r"PUT /orders/\d+/orderfields/\d+", key):
            return httpx.Response(200, json={"idorderfield": 1, "value": json.loads(request.content)["value"]})
        return httpx.Response(404, json={"error": True, "error_code": 20, "error_message": "Item not found"})


def client(fake: FakePicqerApi, clock: FakeClock) -> PicqerClient:
    return PicqerClient(
        HttpConfig(base_url="https://demo.picqer.com/api/v1", api_key=KEY),
        RateLimiter.for_picqer(clock=clock, sleep=clock.sleep),
        RetryPolicy(sleep=clock.sleep, random=lambda: 0.0),
        transport=httpx.MockTransport(fake),
    )


async def test_pagination_survives_a_429_in_the_middle(clock: FakeClock) -> None:
    fake = FakePicqerApi(250)
    fake.queue(r"GET /picklists", httpx.Response(200, json=[raw_picklist(n) for n in range(1, 101)]))
    fake.queue(r"GET /picklists", httpx.Response(429, headers={"Retry-After": "2"}))
    picklists = [p async for p in client(fake, clock).iter_picklists(warehouse_id=2811)]
    assert sorted(p.id for p in picklists) == sorted(fake.picklists)
    assert len(picklists) == 250
    offsets = [r.url.params["offset"] for r in fake.requests]
    assert offsets == ["0", "100", "100", "200"]  # the page after the 429 is asked again, not restarted
    assert all(r.url.params["status"] == "new" and r.url.params["idwarehouse"] == "2811" for r in fake.requests)
    assert clock.sleeps == [2.0]


async def test_since_id_asks_picqer_for_sinceid_and_yields_only_the_newer_picklists(clock: FakeClock) -> None:
    fake = FakePicqerApi(5)
    picklists = [p async for p in client(fake, clock).iter_picklists(since_id=1003, background=True)]
    assert [p.id for p in picklists] == [1004, 1005]
    params = fake.requests[0].url.params
    assert params["sinceid"] == "1003" and params["status"] == "new"
    assert "updated_after" not in params  # not a filter Picqer documents: it would be ignored


async def test_requests_carry_basic_auth_with_the_key_as_user_and_json_accept(clock: FakeClock) -> None:
    fake = FakePicqerApi(1)
    await client(fake, clock).get_picklist(1001)
    request = fake.requests[0]
    assert request.headers["Authorization"] == "Basic " + base64.b64encode(f"{KEY}:".encode()).decode()
    assert request.headers["Accept"] == "application/json"
    assert str(request.url) == "https://demo.picqer.com/api/v1/picklists/1001"


async def test_picklist_is_parsed_into_the_domain_type(clock: FakeClock) -> None:
    picklist = await client(FakePicqerApi(3), clock).get_picklist(1002)
    assert picklist.number == "P2024-00002"
    assert picklist.status is PicklistStatus.NEW
    assert picklist.delivery.contact == "Jos Triepels"
    assert picklist.delivery.country == "NL"
    assert picklist.lines[0].weight_grams == 283
    assert picklist.urgent and picklist.order_id == 5002
    assert not picklist.all_picked


async def test_find_picklist_by_number(clock: FakeClock) -> None:
    fake = FakePicqerApi(5)
    c = client(fake, clock)
    found = await c.find_picklist(" P2024-00004 ")
    assert found is not None and found.id == 1004
    assert fake.requests[0].url.params["picklistid"] == "P2024-00004"
    assert await c.find_picklist("P2024-99999") is None


async def test_find_picklist_uses_a_list_answer_that_holds_the_products(clock: FakeClock) -> None:
    fake = FakePicqerApi(5)
    found = await client(fake, clock).find_picklist("P2024-00004")
    assert found is not None and found.lines[0].product_code == "A1" and found.lines[0].amount == 2
    assert [r.url.path for r in fake.requests] == ["/api/v1/picklists"]  # no second GET of the same picklist


async def test_find_picklist_reads_the_picklist_when_the_list_leaves_out_the_products(clock: FakeClock) -> None:
    fake = FakePicqerApi(5)
    without_products = {k: v for k, v in raw_picklist(4).items() if k != "products"}
    fake.queue(r"GET /picklists", httpx.Response(200, json=[without_products]))
    found = await client(fake, clock).find_picklist("P2024-00004")
    assert found is not None and [line.product_code for line in found.lines] == ["A1"]
    assert [r.url.path for r in fake.requests] == ["/api/v1/picklists", "/api/v1/picklists/1004"]


async def test_actions_return_the_picklist_picqer_answers_with(clock: FakeClock) -> None:
    fake = FakePicqerApi(1)
    picked = raw_picklist(1, totalpicked=2, assigned_to_iduser=12)
    fake.queue(r"POST /picklists/1001/assign", httpx.Response(200, json=picked))
    fake.queue(r"POST /picklists/1001/pickall", httpx.Response(200, json=picked))
    fake.queue(r"POST /picklists/1001/close", httpx.Response(200, json={**picked, "status": "closed"}))
    c = client(fake, clock)
    assigned = await c.assign(1001, 12)
    assert assigned is not None and assigned.assigned_user_id == 12
    all_picked = await c.pick_all(1001)
    assert all_picked is not None and all_picked.all_picked
    closed = await c.close_picklist(1001)
    assert closed is not None and closed.status is PicklistStatus.CLOSED
    assert len(fake.requests) == 3  # nothing read back


@pytest.mark.parametrize(
    "reply",
    [
        httpx.Response(204),
        httpx.Response(200, json={}),
        httpx.Response(200, json=True),
        httpx.Response(200, json=raw_picklist(2)),  # another picklist is not this one
        httpx.Response(200, json={"idpicklist": 1001}),  # not a whole picklist
        httpx.Response(200, text="<html>ok</html>", headers={"Content-Type": "text/html"}),
    ],
)
async def test_actions_without_a_picklist_answer_return_none(clock: FakeClock, reply: httpx.Response) -> None:
    fake = FakePicqerApi(1)
    fake.queue(r"POST /picklists/1001/close", reply)
    assert await client(fake, clock).close_picklist(1001) is None


async def test_close_that_was_already_done_returns_the_closed_picklist(clock: FakeClock) -> None:
    fake = FakePicqerApi(1)
    fake.picklists[1001]["status"] = "closed"
    error = {"error": True, "error_code": 21, "error_message": "Item not found or does not have the right status"}
    fake.queue(r"POST /picklists/1001/close", httpx.Response(400, json=error))
    closed = await client(fake, clock).close_picklist(1001)
    assert closed is not None and closed.status is PicklistStatus.CLOSED


def test_tags_in_both_forms() -> None:
    keyed = {"Fragile": {"idtag": 1, "title": "Fragile"}, "VIP": {"idtag": 2, "title": "VIP"}}
    listed = [{"idtag": 1, "title": "Fragile"}, {"idtag": 2, "title": "VIP"}]
    assert parse_tags(keyed) == parse_tags(listed) == ("Fragile", "VIP")
    assert parse_tags([]) == parse_tags(None) == ()
    assert parse_picklist(raw_picklist(1, tags=keyed)).tags == ("Fragile", "VIP")
    with pytest.raises(BadResponse, match="tags"):
        parse_tags(7)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"picklistid": None}, "field 'picklistid' is missing"),
        ({"idorder": "abc"}, "field 'idorder' should be an integer"),
        ({"products": {"not": "a list"}}, "field 'products' should be a list"),
        ({"preferred_delivery_date": "tomorrow"}, "field 'preferred_delivery_date' should be a date"),
    ],
)
def test_broken_picklists_are_bad_responses_not_key_errors(change: dict[str, object], message: str) -> None:
    with pytest.raises(BadResponse, match=message):
        parse_picklist(raw_picklist(1, **change))
    with pytest.raises(BadResponse, match="expected an object"):
        parse_picklist(["not", "an", "object"])


async def test_close_answering_error_21_counts_when_the_picklist_is_closed(clock: FakeClock) -> None:
    fake = FakePicqerApi(1)
    fake.picklists[1001]["status"] = "closed"
    error = {"error": True, "error_code": 21, "error_message": "Item not found or does not have the right status"}
    fake.queue(r"POST /picklists/1001/close", httpx.Response(400, json=error))
    await client(fake, clock).close_picklist(1001)

    fake.picklists[1001]["status"] = "paused"
    fake.queue(r"POST /picklists/1001/close", httpx.Response(400, json=error))
    with pytest.raises(Rejected) as info:
        await client(fake, clock).close_picklist(1001)
    assert info.value.codes == (21,)


async def test_locked_picklist_is_retried_briefly(clock: FakeClock) -> None:
    fake = FakePicqerApi(1)
    locked = httpx.Response(400, json={"error": True, "error_code": 1, "error_message": "Picklist is locked"})
    fake.queue(r"POST /picklists/1001/pickall", locked, locked)
    await client(fake, clock).pick_all(1001)
    assert clock.sleeps == [0.5, 1.0]
    assert len(fake.requests) == 3


async def test_locked_for_too_long_surfaces_as_rejected(clock: FakeClock) -> None:
    fake = FakePicqerApi(1)
    locked = httpx.Response(400, json={"error": True, "error_code": 1, "error_message": "Picklist is locked"})
    fake.queue(r"POST /picklists/1001/pickall", *[locked] * 4)
    with pytest.raises(Rejected, match="locked"):
        await client(fake, clock).pick_all(1001)


async def test_write_backs_send_the_documented_bodies(clock: FakeClock) -> None:
    fake = FakePicqerApi(1)
    c = client(fake, clock)
    await c.add_comment(1001, "Track & trace: 3SABC")
    await c.set_order_field(5001, 77, "3SABC")
    await c.assign(1001, 12)
    await c.unassign(1001)
    sent = [(r.method, r.url.path, json.loads(r.content) if r.content else None) for r in fake.requests]
    assert sent == [
        ("POST", "/api/v1/picklists/1001/comments", {"body": "Track & trace: 3SABC"}),
        ("PUT", "/api/v1/orders/5001/orderfields/77", {"value": "3SABC"}),
        ("POST", "/api/v1/picklists/1001/assign", {"iduser": 12}),
        ("POST", "/api/v1/picklists/1001/unassign", None),
    ]


async def test_comment_is_not_resent_after_a_timeout(clock: FakeClock) -> None:
    fake = FakePicqerApi(1)

    def handler(request: httpx.Request) -> httpx.Response:
        fake.requests.append(request)
        raise httpx.ReadTimeout("slow")

    c = PicqerClient(
        HttpConfig(base_url="https://demo.picqer.com/api/v1", api_key=KEY),
        RateLimiter.for_picqer(clock=clock, sleep=clock.sleep),
        RetryPolicy(sleep=clock.sleep),
        transport=httpx.MockTransport(handler),
    )
    from packstation.clients.errors import RequestTimeout

    with pytest.raises(RequestTimeout):
        await c.add_comment(1001, "once")
    # a second comment would be a duplicate the customer may see; the client only looked for the first
    assert [r.method for r in fake.requests].count("POST") == 1
    assert {r.method for r in fake.requests} == {"POST", "GET"}


async def test_comment_stored_despite_a_lost_reply_counts_as_done(clock: FakeClock) -> None:
    posted: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            posted.append(json.loads(request.content)["body"])
            raise httpx.ReadTimeout("the reply was lost after Picqer stored it")
        return httpx.Response(200, json=[{"idcomment": 1, "body": body} for body in posted])

    c = PicqerClient(
        HttpConfig(base_url="https://demo.picqer.com/api/v1", api_key=KEY),
        RateLimiter.for_picqer(clock=clock, sleep=clock.sleep),
        RetryPolicy(sleep=clock.sleep),
        transport=httpx.MockTransport(handler),
    )
    await c.add_comment(1001, "Barcode: 3SMYPA000000001")
    assert posted == ["Barcode: 3SMYPA000000001"]


async def test_packing_list_pdf_by_content_type(clock: FakeClock) -> None:
    fake = FakePicqerApi(1)
    path = r"GET /picklists/1001/packinglistpdf"
    fake.queue(path, httpx.Response(200, content=PDF, headers={"Content-Type": "application/pdf"}))
    fake.queue(path, httpx.Response(200, json={"pdf": base64.b64encode(PDF).decode()}))
    fake.queue(path, httpx.Response(200, html="<html>Log in</html>"))
    c = client(fake, clock)
    assert await c.packing_list_pdf(1001) == PDF
    assert await c.packing_list_pdf(1001) == PDF
    with pytest.raises(BadResponse, match="not a PDF"):
        await c.packing_list_pdf(1001)


async def test_profiles_users_warehouses_and_shipping_methods(clock: FakeClock) -> None:
    fake = FakePicqerApi(1)
    fake.queue(
        r"GET /shippingproviders",
        httpx.Response(
            200,
            json=[
                {
                    "idshippingprovider": 521,
                    "name": "PostNL Algemeen",
                    "provider": "PostNL",
                    "active": True,
                    "profiles": [
                        {"idshippingprovider_profile": 3212, "name": "Standaard verzending", "active": True},
                        {"idshippingprovider_profile": 2312, "name": "Oud", "active": False},
                    ],
                },
                {"idshippingprovider": 9, "name": "Off", "active": False, "profiles": []},
            ],
        ),
    )
    fake.queue(
        r"GET /users/me",
        httpx.Response(200, json={"iduser": 7, "username": "jan", "firstname": "Jan", "lastname": "Jansen"}),
    )
    fake.queue(r"GET /users", httpx.Response(200, json=[{"iduser": 7, "username": "jan", "first_name": "Jan"}]))
    fake.queue(r"GET /warehouses", httpx.Response(200, json=[{"idwarehouse": 2811, "name": "Doesburg"}]))
    fake.queue(
        r"GET /orderfields",
        httpx.Response(200, json=[{"idorderfield": 301, "title": "Track & trace", "type": "text", "required": False}]),
    )
    fake.queue(
        r"GET /picklists/1001/shippingmethods",
        httpx.Response(
            200,
            json=[
                {"idshippingprovider_profile": 1287, "name": "PostNL - EU", "provider": "PostNL", "selected": False},
                {"idshippingprovider_profile": 1365, "name": "PostNL - NL", "provider": "PostNL", "selected": True},
            ],
        ),
    )
    c = client(fake, clock)
    assert await c.list_profiles() == [PicqerProfile(3212, "Standaard verzending", "PostNL Algemeen")]
    me = await c.current_user()
    assert (me.id, me.username, me.full_name) == (7, "jan", "Jan Jansen")
    assert [u.full_name for u in await c.list_users()] == ["Jan"]
    assert await c.list_warehouses() == {2811: "Doesburg"}
    assert await c.list_order_fields() == {301: "Track & trace"}
    profiles, selected = await c.shipping_methods(1001)
    assert [p.id for p in profiles] == [1287, 1365] and selected == 1365


async def test_order_with_pickup_point_and_prices_in_cents(clock: FakeClock) -> None:
    fake = FakePicqerApi()
    fake.queue(
        r"GET /orders/6754",
        httpx.Response(
            200,
            json={
                "idorder": 6754,
                "orderid": 30130012,
                "reference": "Webshop 991",
                "customer_remarks": "Bel aan bij de buren",
                "language": "nl",
                "invoiceaddress": "Wijk 1",
                "invoiceaddress2": "",
                "tags": {},
                "pickup_point_data": {
                    "carrier": "postnl",
                    "id": "901892834",
                    "name": "Albert Heijn Presikhaaf",
                    "street": "Dorpsstraat",
                    "house_number": "32",
                    "zipcode": "2938 DM",
                    "city": "Arnhem",
                    "country": "NL",
                    "options": {"pakjegemak": True},
                },
                "products": [
                    {"productcode": "S1", "name": "Set", "amount": 1, "price": "19.95", "weight": 0},
                    {
                        "productcode": "P1",
                        "name": "Part",
                        "amount": 2,
                        "price": 1.005,
                        "weight": 200,
                        "partof_idorder_product": 1,
                    },
                ],
            },
        ),
    )
    order = await client(fake, clock).get_order(6754)
    assert order.number == "30130012"
    assert order.pickup_point is not None
    assert (order.pickup_point.location_code, order.pickup_point.number, order.pickup_point.postal_code) == (
        "901892834",
        "32",
        "2938 DM",
    )
    assert [line.price_cents for line in order.lines] == [1995, 101]
    assert [line.weight_grams for line in order.lines] == [None, 200]  # 0 means unknown
    assert [line.is_part for line in order.lines] == [False, True]
    assert order.invoice_address == ("Wijk 1",)  # an empty second line is left out


async def test_order_without_pickup_point_in_either_empty_form(clock: FakeClock) -> None:
    fake = FakePicqerApi()
    fake.queue(r"GET /orders/1", httpx.Response(200, json={"idorder": 1, "orderid": "O1", "pickup_point_data": []}))
    fake.queue(r"GET /orders/2", httpx.Response(200, json={"idorder": 2, "orderid": "O2", "pickup_point_data": None}))
    c = client(fake, clock)
    assert (await c.get_order(1)).pickup_point is None
    assert (await c.get_order(2)).pickup_point is None


# --- Picqer shipments (write-back mode picqer_shipment) -------------------------------------------------------


def older_layout_shipment(shipment_id: int = 19, profile_id: int = 3001, **extra: object) -> dict[str, object]:
    return {
        "idshipment": shipment_id,
        "idpicklist": 1001,
        "idorder": 5001,
        "idshippingprovider": 530,
        "idcompany_shippingprovider_profile": profile_id,
        "profile_name": "packstation - PostNL",
        "provider": "custom",
        "providername": "packstation relay",
        "public_providername": "PostNL",
        "carrier_key": "postnl",
        "labelurl_pdf": "https://picqer.example/label.pdf",
        "trackingcode": "3SMYPA000000001",
        "trackingurl": "https://postnl.example/3SMYPA000000001",
        "cancelled": False,
        "created": "2026-12-04 11:40:36",
        **extra,
    }


def newest_layout_shipment(shipment_id: int = 20, profile_id: int = 3001) -> dict[str, object]:
    """The layout of 16 Dec 2025: tracking and labels per parcel, no top-level trackingcode/labelurl_pdf."""
    return {
        "idshipment": shipment_id,
        "idpicklist": 1001,
        "idcompany_shippingprovider_profile": profile_id,
        "profile_name": "packstation - PostNL",
        "carrier_key": "postnl",
        "cancelled": False,
        "created": "2026-12-04 11:41:00",
        "parcels": [
            {
                "idparcel": 1,
                "weight": 700,
                "tracking_code": "3SMYPA000000001",
                "tracking_url": "https://postnl.example/3SMYPA000000001",
                "documents": [
                    {"type": "label", "size": "A6", "format": "zpl", "url": "https://picqer.example/1.zpl"},
                    {"type": "label", "size": "A6", "format": "pdf", "url": "https://picqer.example/1.pdf"},
                ],
            },
            {"idparcel": 2, "weight": 700, "tracking_code": "3SMYPA000000002", "documents": []},
        ],
    }


async def test_create_shipment_sends_the_profile_and_weights_and_reads_the_shipment(clock: FakeClock) -> None:
    fake = FakePicqerApi(1)
    fake.queue(r"POST /picklists/1001/shipments", httpx.Response(200, json=older_layout_shipment()))
    fake.queue(r"POST /picklists/1001/shipments", httpx.Response(201, json=newest_layout_shipment()))
    c = client(fake, clock)
    single = await c.create_shipment(1001, 3001, 700)
    multi = await c.create_shipment(1001, 3001, 1400, [700, 700])
    bodies = [json.loads(r.content) for r in fake.requests]
    assert bodies == [
        {"idshippingprofile": 3001, "weight": 700},
        {"idshippingprofile": 3001, "weight": 1400, "parcels": [{"weight": 700}, {"weight": 700}]},
    ]
    assert (single.id, single.profile_id, single.carrier_key) == (19, 3001, "postnl")
    assert single.tracking_codes == ("3SMYPA000000001",) and single.label_url == "https://picqer.example/label.pdf"
    assert single.provider_name == "PostNL" and single.created == "2026-12-04 11:40:36" and not single.cancelled
    assert multi.tracking_codes == ("3SMYPA000000001", "3SMYPA000000002")
    assert multi.tracking_url == "https://postnl.example/3SMYPA000000001"
    assert multi.label_url == "https://picqer.example/1.pdf"  # the PDF label, not the ZPL one


async def test_list_shipments_reads_both_layouts_and_keeps_cancelled_ones(clock: FakeClock) -> None:
    fake = FakePicqerApi(1)
    cancelled = older_layout_shipment(18, cancelled=True)
    fake.queue(
        r"GET /picklists/1001/shipments",
        httpx.Response(200, json=[cancelled, older_layout_shipment(19), newest_layout_shipment(20, profile_id=3002)]),
    )
    shipments = await client(fake, clock).list_shipments(1001)
    assert [(s.id, s.cancelled, s.profile_id) for s in shipments] == [
        (18, True, 3001),
        (19, False, 3001),
        (20, False, 3002),
    ]
    assert [s.tracking_code for s in shipments] == ["3SMYPA000000001"] * 3


async def test_error_26_carries_the_relays_own_messages(clock: FakeClock) -> None:
    from packstation.clients.errors import ShipmentNotRegistered

    fake = FakePicqerApi(1)
    text = "Cannot create shipment: No MyParcel shipment for picklist P2024-00001; Book the label at the desk first"
    fake.queue(
        r"POST /picklists/1001/shipments",
        httpx.Response(400, json={"error": True, "error_code": 26, "error_message": text}),
    )
    with pytest.raises(ShipmentNotRegistered) as caught:
        await client(fake, clock).create_shipment(1001, 3001, 700)
    assert caught.value.reasons == ("No MyParcel shipment for picklist P2024-00001", "Book the label at the desk first")
    assert isinstance(caught.value, Rejected) and caught.value.codes == (26,)
    assert [r.method for r in fake.requests] == ["POST"]  # a refusal is final: not asked again


async def test_other_refusals_stay_plain_rejections(clock: FakeClock) -> None:
    from packstation.clients.errors import ShipmentNotRegistered

    fake = FakePicqerApi(1)
    fake.queue(
        r"POST /picklists/1001/shipments",
        httpx.Response(400, json={"error": True, "error_code": 5, "error_message": "Missing idshippingprofile"}),
    )
    with pytest.raises(Rejected) as caught:
        await client(fake, clock).create_shipment(1001, 3001, 700)
    assert not isinstance(caught.value, ShipmentNotRegistered)


async def test_a_shipment_whose_reply_was_lost_is_found_not_posted_again(clock: FakeClock) -> None:
    made: list[dict[str, object]] = []
    methods: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        methods.append(request.method)
        if request.method == "POST":
            made.append(older_layout_shipment(len(made) + 19))
            raise httpx.ReadTimeout("Picqer made it, the reply was lost")
        return httpx.Response(200, json=[older_layout_shipment(7, profile_id=1365), *made])

    c = PicqerClient(
        HttpConfig(base_url="https://demo.picqer.com/api/v1", api_key=KEY),
        RateLimiter.for_picqer(clock=clock, sleep=clock.sleep),
        RetryPolicy(sleep=clock.sleep),
        transport=httpx.MockTransport(handler),
    )
    shipment = await c.create_shipment(1001, 3001, 700)
    assert shipment.id == 19 and len(made) == 1
    assert methods == ["POST", "GET"]


async def test_a_lost_reply_with_no_shipment_behind_it_fails_without_a_second_post(clock: FakeClock) -> None:
    from packstation.clients.errors import RequestTimeout

    methods: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        methods.append(request.method)
        if request.method == "POST":
            raise httpx.ReadTimeout("no answer")
        return httpx.Response(200, json=[older_layout_shipment(18, cancelled=True)])  # only a cancelled one

    c = PicqerClient(
        HttpConfig(base_url="https://demo.picqer.com/api/v1", api_key=KEY, read_timeout=3.0),
        RateLimiter.for_picqer(clock=clock, sleep=clock.sleep),
        RetryPolicy(sleep=clock.sleep),
        transport=httpx.MockTransport(handler),
    )
    with pytest.raises(RequestTimeout):
        await c.create_shipment(1001, 3001, 700)
    assert methods.count("POST") == 1 and methods.count("GET") >= 2  # watched for the read timeout, then gave up


async def test_shipping_providers_with_their_profiles(clock: FakeClock) -> None:
    fake = FakePicqerApi(1)
    fake.queue(
        r"GET /shippingproviders",
        httpx.Response(
            200,
            json=[
                {
                    "idshippingprovider": 530,
                    "name": "packstation relay",
                    "provider": "custom",
                    "active": True,
                    "profiles": [
                        {"idshippingprovider_profile": 3001, "name": "packstation - PostNL"},
                        {"idshippingprovider_profile": 3002, "name": "packstation - PostNL handtekening"},
                        {"idshippingprovider_profile": 3003, "name": "old", "active": False},
                    ],
                },
                {"idshippingprovider": 9, "name": "Off", "active": False, "profiles": []},
            ],
        ),
    )
    (relay,) = await client(fake, clock).list_shipping_providers()
    assert (relay.id, relay.name, relay.kind) == (530, "packstation relay", "custom")
    assert [(p.id, p.name, p.provider) for p in relay.profiles] == [
        (3001, "packstation - PostNL", "packstation relay"),
        (3002, "packstation - PostNL handtekening", "packstation relay"),
    ]


async def test_a_lost_reply_while_picqer_is_unreachable_gives_up_after_one_read(clock: FakeClock) -> None:
    from packstation.clients.errors import RequestTimeout

    methods: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        methods.append(request.method)
        if request.method == "POST":
            raise httpx.ReadTimeout("no answer")
        raise httpx.ConnectError("network down")

    c = PicqerClient(
        HttpConfig(base_url="https://demo.picqer.com/api/v1", api_key=KEY),
        RateLimiter.for_picqer(clock=clock, sleep=clock.sleep),
        RetryPolicy(sleep=clock.sleep, random=lambda: 0.0),
        transport=httpx.MockTransport(handler),
    )
    with pytest.raises(RequestTimeout):
        await c.create_shipment(1001, 3001, 700)
    # One read of the shipments (with the session's own retries), not half a minute of them: the packer's F12
    # looks again before anything is posted.
    assert methods == ["POST"] + ["GET"] * 5
    assert sum(clock.sleeps) < 10
