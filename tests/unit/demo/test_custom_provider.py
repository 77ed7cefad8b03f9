"""The demo Picqer plays Picqer's side of the custom shipping-provider protocol
(https://picqer.com/en/api/external-shipping-provider-integrations-technical).

The relay stand-in is a real loopback HTTP server that records what the demo Picqer sends and answers as the
protocol's documentation describes (or breaks the way a test asks).
"""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from packstation.demo import DemoServers, provider
from packstation.demo.picqer import DEMO_STATION2_API_KEY

RELAY_USER = "relay-user"
RELAY_PASSWORD = "relay-pässword:with-colon"
PDF = b"%PDF-1.4\n% demo relay label\n%%EOF\n"
ZPL = b"^XA^FO50,50^FDdemo^FS^XZ"
GENERIC = "Cannot create shipment: the shipping provider did not answer correctly"
STORED_3001 = [
    {"key": "carrier", "value": 1},
    {"key": "package_type", "value": 1},
    {"key": "delivery_type", "value": 2},
    {"key": "signature", "value": 0},
    {"key": "only_recipient", "value": 0},
    {"key": "age_check", "value": 0},
    {"key": "insurance", "value": 0},
    {"key": "large_format", "value": 0},
    {"key": "return", "value": 0},
    {"key": "label_description", "value": None},
]
RECIPIENT_KEYS = {
    "name",
    "contactname",
    "address",
    "address2",
    "zipcode",
    "city",
    "region",
    "country",
    "emailaddress",
    "telephone",
}
SHIPMENT_KEYS = {
    "weight",
    "total_paid",
    "value_of_goods",
    "recipient",
    "references",
    "preferred_delivery_date",
    "pickup_point_data",
    "language",
}
CONFIG_OPTIONS = {
    "version": "1.0",
    "data": {
        "items": [
            {
                "key": "carrier",
                "label": "Carrier",
                "description": None,
                "type": "list",
                "possible_values": [{"value": 1, "label": "PostNL"}, {"value": 4, "label": "DPD"}],
                "default_value": 1,
                "required": True,
            },
            {"key": "label_description", "label": "Label text", "type": "text", "default_value": None},
        ]
    },
}


def label_answer(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "carrier_key": "postnl",
        "carrier_name": "PostNL",
        "tracking_code": "3SRELAY0001",
        "tracking_url": "https://tracking.example/3SRELAY0001",
        "label": {
            "format": "A6",
            "documents": {"pdf": base64.b64encode(PDF).decode(), "zpl": base64.b64encode(ZPL).decode()},
        },
    }
    data.update(changes)
    return {"version": "1.0", "data": data}


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


@dataclass
class FakeRelay:
    """Loopback relay stand-in: records requests; `answer` decides the reply (status, body bytes)."""

    url: str = ""
    requests: list[Recorded] = field(default_factory=list)
    answer: Callable[[Recorded], tuple[int, bytes]] = lambda r: (200, json.dumps(label_answer()).encode())
    release: threading.Event = field(default_factory=threading.Event)
    holding: bool = False  # True: wait for `release` before answering
    entered: threading.Event = field(default_factory=threading.Event)

    def shipments(self) -> list[Any]:
        return [r.body for r in self.requests if r.method == "POST"]


def _serve(relay: FakeRelay) -> ThreadingHTTPServer:
    expected_auth = "Basic " + base64.b64encode(f"{RELAY_USER}:{RELAY_PASSWORD}".encode()).decode()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _reply(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            recorded = Recorded(self.command, self.path, dict(self.headers), json.loads(raw) if raw else None)
            relay.requests.append(recorded)
            relay.entered.set()
            if relay.holding:
                relay.release.wait(10)
            if self.headers.get("Authorization") != expected_auth:
                status, body = 401, json.dumps({"version": "1.0", "error_messages": ["Wrong credentials"]}).encode()
            elif self.command == "GET":
                status, body = 200, json.dumps(CONFIG_OPTIONS).encode()
            else:
                status, body = relay.answer(recorded)
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:
                pass  # the demo Picqer gave up waiting (timeout test)

        do_GET = do_POST = _reply

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
    relay.url = f"http://127.0.0.1:{httpd.server_address[1]}/prefix"
    return httpd


@pytest.fixture
def relay() -> Iterator[FakeRelay]:
    stand_in = FakeRelay()
    httpd = _serve(stand_in)
    yield stand_in
    stand_in.release.set()
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def connected(servers: DemoServers, relay: FakeRelay) -> DemoServers:
    servers.picqer.connect_relay(relay.url + "/", RELAY_USER, RELAY_PASSWORD)
    return servers


def idpicklist(servers: DemoServers, number: str) -> int:
    return int(servers.picqer.picklist_by_number(number)["idpicklist"])


def ship(client: httpx.Client, pid: int, **body: Any) -> httpx.Response:
    return client.post(f"picklists/{pid}/shipments", json={"idshippingprofile": 3001, "weight": 1250, **body})


# -- the provider in the account ---------------------------------------------------------------------------


def test_custom_provider_and_its_profiles_are_listed_and_offered(servers: DemoServers, picqer: httpx.Client) -> None:
    relay_provider = next(p for p in picqer.get("shippingproviders").json() if p["idshippingprovider"] == 530)
    assert relay_provider["name"] == "packstation relay" and relay_provider["provider"] == "custom"
    assert [(p["idshippingprovider_profile"], p["name"]) for p in relay_provider["profiles"]] == [
        (3001, "packstation - PostNL"),
        (3002, "packstation - PostNL handtekening"),
    ]
    methods = picqer.get(f"picklists/{idpicklist(servers, 'P2024-00001')}/shippingmethods").json()
    offered = {m["idshippingprovider_profile"]: m for m in methods}
    assert offered[3001]["provider"] == "custom" and not offered[3001]["selected"]
    assert 3002 in offered and offered[1365]["selected"]  # the order's own profile stays the default


def test_before_connect_relay_a_custom_profile_answers_error_26(
    servers: DemoServers, picqer: httpx.Client, relay: FakeRelay
) -> None:
    reply = ship(picqer, idpicklist(servers, "P2024-00001"))
    assert reply.status_code == 400
    assert reply.json() == {
        "error": True,
        "error_code": 26,
        "error_message": "Cannot create shipment: the shipping provider is not connected",
    }
    assert relay.requests == []
    with pytest.raises(RuntimeError):
        servers.picqer.relay_config_options()


# -- the request Picqer sends -----------------------------------------------------------------------------


def test_nl_shipment_sends_seed_000_payload_with_basic_auth(
    connected: DemoServers, picqer: httpx.Client, relay: FakeRelay
) -> None:
    pid = idpicklist(connected, "P2024-00001")
    raw = connected.picqer.picklist_by_id(pid)
    order = connected.picqer.orders[raw["idorder"]]

    assert ship(picqer, pid, weight=1250).status_code == 200

    [sent] = relay.requests
    assert sent.method == "POST" and sent.path == "/prefix/shipments"
    expected_auth = base64.b64encode(f"{RELAY_USER}:{RELAY_PASSWORD}".encode()).decode()
    assert sent.headers["Authorization"] == f"Basic {expected_auth}"
    assert sent.headers["Content-Type"].startswith("application/json")
    assert set(sent.body) == {"version", "data"} and sent.body["version"] == "1.0"
    assert set(sent.body["data"]) == {"profile", "shipment"}
    assert sent.body["data"]["profile"] == STORED_3001
    shipment = sent.body["data"]["shipment"]
    assert set(shipment) == SHIPMENT_KEYS  # NL is inside the EU customs union: no customs_data
    assert shipment["weight"] == 1250
    paid = round(sum(line["price"] * line["amount"] for line in raw["products"]), 2)
    assert shipment["total_paid"] == paid and shipment["value_of_goods"] == paid
    assert shipment["recipient"] == {
        "name": raw["deliveryname"],
        "contactname": None,
        "address": "Hoofdstraat 12 A",
        "address2": None,
        "zipcode": "3511 AB",
        "city": "Utrecht",
        "region": "Utrecht",
        "country": "nl",
        "emailaddress": raw["emailaddress"],
        "telephone": raw["telephone"],
    }
    assert shipment["references"] == {
        "reference": raw["reference"],
        "orderid": order["orderid"],
        "returnid": None,
        "picklistid": "P2024-00001",
    }
    assert shipment["preferred_delivery_date"] is None
    assert shipment["pickup_point_data"] == [] and shipment["language"] == "nl"


def test_pickup_point_order_sends_its_pickup_object_and_the_signature_profile(
    connected: DemoServers, picqer: httpx.Client, relay: FakeRelay
) -> None:
    pid = idpicklist(connected, "P2024-00004")  # the seed's pickup-point order
    order = connected.picqer.orders[connected.picqer.picklist_by_id(pid)["idorder"]]
    # The shippingmethods endpoint's name for the id is accepted as well.
    reply = picqer.post(f"picklists/{pid}/shipments", json={"idshippingprovider_profile": 3002, "weight": 900})
    assert reply.status_code == 200
    shipment = relay.shipments()[0]["data"]["shipment"]
    assert shipment["pickup_point_data"] == order["pickup_point_data"]
    assert shipment["pickup_point_data"]["id"] == "176227"
    profile = {o["key"]: o["value"] for o in relay.shipments()[0]["data"]["profile"]}
    assert profile["signature"] == 1 and profile["carrier"] == 1
    assert reply.json()["profile_name"] == "packstation - PostNL handtekening"


def test_customs_data_only_outside_the_eu_and_language_from_the_order(
    connected: DemoServers, picqer: httpx.Client, relay: FakeRelay
) -> None:
    swiss = idpicklist(connected, "P2024-00011")
    german = idpicklist(connected, "P2024-00009")
    assert ship(picqer, swiss).status_code == 200
    assert ship(picqer, german).status_code == 200

    to_switzerland, to_germany = (body["data"]["shipment"] for body in relay.shipments())
    assert to_switzerland["recipient"]["country"] == "ch" and to_switzerland["language"] == "en"
    assert to_germany["recipient"]["country"] == "de" and to_germany["language"] == "nl"
    assert "customs_data" not in to_germany
    raw = connected.picqer.picklist_by_id(swiss)
    order_lines = {line["idorder_product"]: line for line in connected.picqer.orders[raw["idorder"]]["products"]}
    assert to_switzerland["customs_data"] == {
        "products": [
            {
                "description": line["name"],
                "amount": line["amount"],
                "weight": line["weight"],
                "value": line["price"],
                "hs_code": order_lines[line["idorder_product"]]["hs_code"],
                "country_of_origin": order_lines[line["idorder_product"]]["country_of_origin"],
            }
            for line in raw["products"]
        ]
    }
    assert all(p["hs_code"] and p["country_of_origin"] for p in to_switzerland["customs_data"]["products"])


# -- what Picqer does with the answer -------------------------------------------------------------------


def test_shipment_is_stored_listed_and_its_labels_are_public_links(
    connected: DemoServers, picqer: httpx.Client, relay: FakeRelay
) -> None:
    pid = idpicklist(connected, "P2024-00002")
    reply = ship(picqer, pid, weight=2100, idpackaging=7)
    assert reply.status_code == 200
    shipment = reply.json()
    assert shipment["idpicklist"] == pid and shipment["idshippingprovider"] == 530
    assert shipment["idcompany_shippingprovider_profile"] == 3001
    assert shipment["providername"] == "packstation relay" and shipment["public_providername"] == "PostNL"
    assert shipment["carrier_key"] == "postnl" and shipment["trackingcode"] == "3SRELAY0001"
    assert shipment["trackingurl"] == shipment["tracktraceurl"] == "https://tracking.example/3SRELAY0001"
    assert shipment["weight"] == 2100 and shipment["cancelled"] is False and shipment["created_by_iduser"] == 1001
    [parcel] = shipment["parcels"]
    assert parcel["weight"] == 2100 and parcel["tracking_code"] == "3SRELAY0001" and parcel["idpackaging"] == 7
    assert [(d["format"], d["size"]) for d in parcel["documents"]] == [("pdf", "A6"), ("zpl", "A6")]

    assert picqer.get(f"picklists/{pid}/shipments").json() == [shipment]
    # Public links, as Picqer's are: no API key needed.
    pdf = httpx.get(shipment["labelurl_pdf"])
    assert pdf.status_code == 200 and pdf.content == PDF and pdf.headers["Content-Type"] == "application/pdf"
    assert httpx.get(shipment["labelurl_zpl"]).content == ZPL
    assert shipment["labelurl"] == shipment["labelurl_pdf"] == parcel["documents"][0]["url"]
    assert httpx.get(shipment["labelurl_pdf"].replace(".pdf", "x.pdf")).status_code == 404


def test_picklist_closes_only_when_every_product_is_picked(
    connected: DemoServers, picqer: httpx.Client, relay: FakeRelay
) -> None:
    unpicked = idpicklist(connected, "P2024-00002")
    assert ship(picqer, unpicked).status_code == 200
    assert picqer.get(f"picklists/{unpicked}").json()["status"] == "new"

    picked = idpicklist(connected, "P2024-00003")
    picqer.post(f"picklists/{picked}/pickall")
    with httpx.Client(
        base_url=connected.picqer_url + "/", auth=(DEMO_STATION2_API_KEY, ""), headers={"User-Agent": "t"}
    ) as station2:
        assert ship(station2, picked).json()["created_by_iduser"] == 1002
    after = picqer.get(f"picklists/{picked}").json()
    assert after["status"] == "closed" and after["closed_by_iduser"] == 1002
    assert connected.picqer.orders[after["idorder"]]["status"] == "completed"
    # A closed picklist takes no second shipment.
    assert ship(picqer, picked).json()["error_code"] == 21


def test_parcels_are_recorded_and_their_sum_is_the_weight_sent(
    connected: DemoServers, picqer: httpx.Client, relay: FakeRelay
) -> None:
    pid = idpicklist(connected, "P2024-00005")
    reply = picqer.post(
        f"picklists/{pid}/shipments",
        json={
            "idshippingprofile": 3001,
            "idpackaging": 7,
            "parcels": [{"weight": 1000}, {"weight": 800, "idpackaging": 8}],
        },
    )
    assert reply.status_code == 200
    assert relay.shipments()[0]["data"]["shipment"]["weight"] == 1800
    assert [(p["weight"], p["idpackaging"]) for p in reply.json()["parcels"]] == [(1000, 7), (800, 8)]
    # One provider call, one label: it belongs to the first parcel (the protocol has no multi-collo shape).
    assert [p["tracking_code"] for p in reply.json()["parcels"]] == ["3SRELAY0001", None]
    assert reply.json()["weight"] == 1800


def test_relay_4xx_messages_are_shown_as_picqers_error_26(
    connected: DemoServers, picqer: httpx.Client, relay: FakeRelay
) -> None:
    messages = ["Recipient country not allowed for this product.", "Zip code invalid for country NL"]
    relay.answer = lambda r: (422, json.dumps({"version": "1.0", "error_messages": messages}).encode())
    pid = idpicklist(connected, "P2024-00001")
    reply = ship(picqer, pid)
    assert reply.status_code == 400
    assert reply.json()["error_code"] == 26
    assert reply.json()["error_message"] == (
        "Cannot create shipment: Recipient country not allowed for this product.; Zip code invalid for country NL"
    )
    assert picqer.get(f"picklists/{pid}/shipments").json() == []


def test_wrong_relay_credentials_surface_the_relays_401_message(
    servers: DemoServers, picqer: httpx.Client, relay: FakeRelay
) -> None:
    servers.picqer.connect_relay(relay.url, RELAY_USER, "wrong")
    reply = ship(picqer, idpicklist(servers, "P2024-00001"))
    assert reply.json()["error_message"] == "Cannot create shipment: Wrong credentials"


def _pdf_b64(content: bytes) -> str:
    return base64.b64encode(content).decode()


@pytest.mark.parametrize(
    "status, body",
    [
        (500, json.dumps({"version": "1.0", "error_messages": ["internal"]}).encode()),
        (200, b'{"version": "1.0", "data": {"label"'),
        (200, json.dumps(label_answer(label={"format": "A6", "documents": {}})).encode()),
        (200, json.dumps(label_answer(label={"format": "A6", "documents": {"pdf": _pdf_b64(b"PNG")}})).encode()),
        (200, json.dumps(label_answer(label={"format": "A5", "documents": {"pdf": _pdf_b64(PDF)}})).encode()),
        (200, json.dumps({"data": label_answer()["data"]}).encode()),
        (422, b"<html>not json</html>"),
    ],
    ids=["5xx", "bad-json", "no-pdf", "pdf-not-a-pdf", "format-a5", "no-version", "4xx-without-messages"],
)
def test_unusable_relay_answers_give_picqers_generic_error_26(
    connected: DemoServers, picqer: httpx.Client, relay: FakeRelay, status: int, body: bytes
) -> None:
    relay.answer = lambda r: (status, body)
    pid = idpicklist(connected, "P2024-00001")
    reply = ship(picqer, pid)
    assert reply.status_code == 400
    assert reply.json() == {"error": True, "error_code": 26, "error_message": GENERIC}
    assert picqer.get(f"picklists/{pid}/shipments").json() == []


def test_relay_timeout_gives_error_26(connected: DemoServers, picqer: httpx.Client, relay: FakeRelay) -> None:
    connected.picqer.relay_timeout = 0.3
    relay.holding = True  # never released during the call
    started = time.monotonic()
    reply = ship(picqer, idpicklist(connected, "P2024-00001"))
    assert reply.json() == {"error": True, "error_code": 26, "error_message": GENERIC}
    assert time.monotonic() - started < 3


def test_other_requests_are_answered_while_the_relay_call_is_in_flight(
    connected: DemoServers, picqer: httpx.Client, relay: FakeRelay
) -> None:
    relay.holding = True
    pid = idpicklist(connected, "P2024-00001")
    results: list[httpx.Response] = []
    with httpx.Client(
        base_url=connected.picqer_url + "/", auth=(connected.picqer_api_key, ""), headers={"User-Agent": "t"}
    ) as other:
        worker = threading.Thread(target=lambda: results.append(ship(other, pid)))
        worker.start()
        try:
            assert relay.entered.wait(5)
            started = time.monotonic()
            assert picqer.get("picklists").status_code == 200
            assert picqer.get(f"picklists/{pid}/shipments").json() == []
            assert picqer.post(f"picklists/{idpicklist(connected, 'P2024-00002')}/pickall").status_code == 200
            assert time.monotonic() - started < 1
            # The same picklist is busy: a second shipment waits for the first, as Picqer's lock says.
            busy = ship(picqer, pid)
            assert busy.status_code == 400 and "locked" in busy.json()["error_message"]
        finally:
            relay.release.set()
            worker.join(10)
    assert results[0].status_code == 200
    assert len(relay.shipments()) == 1
    assert [s["idshipment"] for s in picqer.get(f"picklists/{pid}/shipments").json()] == [
        results[0].json()["idshipment"]
    ]


# -- checks before the call ---------------------------------------------------------------------------------


def test_shipment_requests_are_checked_like_picqer_before_any_call(
    connected: DemoServers, picqer: httpx.Client, relay: FakeRelay
) -> None:
    assert ship(picqer, 1).status_code == 404
    for number in ("P2024-00016", "P2024-00017"):  # closed, cancelled
        refused = ship(picqer, idpicklist(connected, number))
        assert refused.status_code == 400 and refused.json()["error_code"] == 21
    pid = idpicklist(connected, "P2024-00001")
    missing = picqer.post(f"picklists/{pid}/shipments", json={"weight": 900})
    assert missing.status_code == 400
    assert missing.json()["error_code"] == 5 and missing.json()["error_message"] == "Missing idshippingprofile"
    assert ship(picqer, pid, weight=0).json()["error_code"] == 5
    assert ship(picqer, pid, parcels=[{"weight": "heavy"}]).json()["error_code"] == 5
    myparcel_profile = ship(picqer, pid, idshippingprofile=1365)
    assert myparcel_profile.json()["error_code"] == 26
    assert ship(picqer, pid, idshippingprofile=9999).json()["error_code"] == 26
    assert relay.requests == []


def test_lost_reply_still_stores_the_shipment_for_a_resume(
    connected: DemoServers, picqer: httpx.Client, relay: FakeRelay
) -> None:
    pid = idpicklist(connected, "P2024-00001")
    connected.picqer.faults.inject("lose_reply", method="POST", path=r"/shipments$")
    with pytest.raises(httpx.TransportError):
        ship(picqer, pid)
    found = picqer.get(f"picklists/{pid}/shipments").json()
    assert [s["trackingcode"] for s in found] == ["3SRELAY0001"]
    assert len(relay.shipments()) == 1


def test_cancel_within_five_minutes_marks_the_shipment_cancelled(
    connected: DemoServers, picqer: httpx.Client, relay: FakeRelay
) -> None:
    pid = idpicklist(connected, "P2024-00001")
    first = ship(picqer, pid).json()["idshipment"]
    cancelled = picqer.delete(f"picklists/{pid}/shipments/{first}")
    assert cancelled.status_code == 200 and cancelled.json()["cancelled"] is True
    assert picqer.get(f"picklists/{pid}/shipments").json()[0]["cancelled"] is True
    assert picqer.delete(f"picklists/{pid}/shipments/{first}").json()["error_code"] == 21
    second = ship(picqer, pid).json()["idshipment"]
    connected.picqer.cancel_window = 0.0  # the five minutes have passed
    late = picqer.delete(f"picklists/{pid}/shipments/{second}")
    assert late.status_code == 400 and "5 minutes" in late.json()["error_message"]
    assert picqer.delete(f"picklists/{pid}/shipments/12345").status_code == 404


# -- config options -----------------------------------------------------------------------------------------


def test_config_options_are_fetched_with_basic_auth_and_checked(connected: DemoServers, relay: FakeRelay) -> None:
    items = connected.picqer.relay_config_options()
    assert [item["key"] for item in items] == ["carrier", "label_description"]
    assert relay.requests[0].method == "GET" and relay.requests[0].path == "/prefix/config-options"
    assert provider.profile_problems(items, [{"key": "carrier", "value": "1"}]) == []
    assert provider.profile_problems(items, [{"key": "carrier", "value": 3}, {"key": "colour", "value": 1}]) == [
        "carrier: 3 is not one of its possible values",
        "colour: the provider offers no such option",
    ]


@pytest.mark.parametrize(
    "item, problem",
    [
        (
            {"key": "a", "label": "A", "type": "list", "possible_values": [], "default_value": None},
            "no possible_values",
        ),
        (
            {
                "key": "a",
                "label": "A",
                "type": "list",
                "possible_values": [{"value": 1, "label": "x"}],
                "default_value": 2,
            },
            "default 2",
        ),
        ({"key": "a", "label": "A", "type": "select"}, "type 'select'"),
        ({"key": "a", "type": "text"}, "no label"),
        ({"label": "A", "type": "text"}, "no key"),
    ],
)
def test_config_options_with_a_wrong_shape_are_refused(item: dict[str, Any], problem: str) -> None:
    with pytest.raises(provider.ProviderAnswerError, match=problem):
        provider.check_config_options({"version": "1.0", "data": {"items": [item]}})
