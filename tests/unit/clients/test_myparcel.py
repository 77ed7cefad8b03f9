"""MyParcelClient: wire mapping against MyParcel's documented examples (tests/data/api),
idempotent creation, labels and tracking."""

from __future__ import annotations

import base64
import dataclasses
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from packstation.clients.errors import BadResponse, PaymentRequired, Rejected, RequestTimeout, ServerError
from packstation.clients.http import HttpConfig, RateLimiter, RetryPolicy, RetryWaits
from packstation.clients.myparcel import (
    BASE_URLS,
    SHIPMENT_CONTENT_TYPE,
    MyParcelClient,
    shipment_payload,
)
from packstation.domain.shipments import (
    Address,
    Carrier,
    CustomsDeclaration,
    CustomsItem,
    DeliveryType,
    LabelFormat,
    PackageContents,
    ParcelBox,
    PickupLocation,
    Platform,
    Shipment,
    ShipmentOptions,
    ShipmentRequest,
)
from packstation.domain.waits import Wait, WaitReason

from .conftest import FakeClock

KEY = "mp-key-abc"
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n"


def example(samples_dir: Path, prefix: str) -> dict[str, Any]:
    folder = samples_dir / "api" / "myparcel" / "docs" / "examples"
    (path,) = folder.glob(f"{prefix}*")
    return json.loads(path.read_text(encoding="utf-8"))


def assert_contains(actual: Any, expected: Any, where: str = "") -> None:
    """Every field of the documentation's example is in our payload with the same value (extras are allowed)."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), where
        for key, value in expected.items():
            assert key in actual, f"{where}.{key} missing"
            assert_contains(actual[key], value, f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), where
        for index, (a, e) in enumerate(zip(actual, expected, strict=True)):
            assert_contains(a, e, f"{where}[{index}]")
    else:
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"


def domestic_request(parcels: int = 1, reference: str = "FOO-222-BAR-42") -> ShipmentRequest:
    return ShipmentRequest(
        reference=reference,
        carrier=Carrier.POSTNL,
        recipient=Address(
            cc="NL",
            region="Zuid-Holland",
            city="Hoofddorp",
            street="Antareslaan",
            number="31",
            postal_code="2132JE",
            person="Mr. Parcel",
            phone="0233030315",
            email="testing@myparcel.nl",
        ),
        options=ShipmentOptions(
            only_recipient=True,
            signature=True,
            return_to_sender=True,
            insurance_cents=50000,
            label_description="My custom description",
            age_check=True,
        ),
        weight_grams=1200,
        parcels=parcels,
    )


def test_domestic_payload_matches_the_seed_example(samples_dir: Path) -> None:
    seed = example(samples_dir, "06.shipments__05_")["data"]["shipments"][0]
    payload = shipment_payload(domestic_request(), Platform.MYPARCEL)
    assert_contains(payload, seed)
    assert payload["physical_properties"] == {"weight": 1200}
    assert payload["general_settings"] == {"save_recipient_address": 0}
    assert all(payload["options"][k] in (0, 1) for k in ("only_recipient", "signature", "return", "large_format"))


def test_international_payload_matches_the_seed_example(samples_dir: Path) -> None:
    seed = example(samples_dir, "06.shipments__09_")["data"]["shipments"][0]
    request = ShipmentRequest(
        reference="P2024-00077",
        carrier=Carrier.POSTNL,
        recipient=Address(
            cc="JP",
            region="埼玉県",
            city="さいたま市",
            street="埼玉県さいたま市浦和区 常盤9－21－21",
            person="Tanaka san",
            company="さいたま国際キリスト教会",
            email="saitamakyokai@gmail.com",
            phone="0081-48-825-6637",
        ),
        options=ShipmentOptions(),
        weight_grams=30,
        customs=CustomsDeclaration(
            contents=PackageContents.COMMERCIAL_GOODS,
            invoice="1231235345345",
            items=(
                CustomsItem("Sample Product", 10, 20, 7000, "0181", "NL"),
                CustomsItem("Sample Product 2", 5, 10, 1000, "0181", "BE"),
            ),
        ),
    )
    payload = shipment_payload(request, Platform.MYPARCEL)
    assert_contains(payload, seed)
    assert "number" not in payload["recipient"]
    assert request.label_format is LabelFormat.A4


def test_multi_collo_payload_gives_each_parcel_its_reference(samples_dir: Path) -> None:
    seed = example(samples_dir, "06.shipments__71_")["data"]["shipments"][0]
    payload = shipment_payload(domestic_request(parcels=3, reference="P2024-00009"), Platform.MYPARCEL)
    assert payload["reference_identifier"] == "P2024-00009-1"
    assert payload["secondary_shipments"] == [
        {"reference_identifier": "P2024-00009-2"},
        {"reference_identifier": "P2024-00009-3"},
    ]
    assert_contains(
        {k: v for k, v in payload.items() if k not in ("reference_identifier", "secondary_shipments")},
        {k: v for k, v in seed.items() if k not in ("reference_identifier", "secondary_shipments")},
    )


def test_each_packed_box_goes_to_its_own_parcel_with_its_weight_and_size() -> None:
    request = dataclasses.replace(
        domestic_request(parcels=3, reference="P2024-00009"),
        weight_grams=2500,
        dimensions_cm=(25, 20, 10),
        boxes=(ParcelBox(2500, (25, 20, 10)), ParcelBox(800, (32, 23, 2))),
    )
    assert request.parcel_weights == (2500, 800, 2500)  # a parcel with no box of its own has the main weight
    payload = shipment_payload(request, Platform.MYPARCEL)
    assert payload["physical_properties"] == {"weight": 2500, "length": 25, "width": 20, "height": 10}
    assert payload["secondary_shipments"] == [
        {
            "reference_identifier": "P2024-00009-2",
            "physical_properties": {"weight": 800, "length": 32, "width": 23, "height": 2},
        },
        {"reference_identifier": "P2024-00009-3"},  # inherits the main parcel's
    ]


def test_pickup_date_and_belgian_box_number(samples_dir: Path) -> None:
    request = ShipmentRequest(
        reference="P1",
        carrier=Carrier.BPOST,
        recipient=Address(
            cc="BE", city="Antwerpen", street="Wormerplein", number="16", postal_code="2000", person="test"
        ),
        options=ShipmentOptions(delivery_type=DeliveryType.PICKUP, delivery_date=date(2025, 3, 4), signature=True),
        weight_grams=500,
        pickup=PickupLocation("bpost punt", "Meir", "1", "2000", "Antwerpen", "BE", location_code="618925"),
    )
    payload = shipment_payload(request, Platform.SENDMYPARCEL)
    seed = example(samples_dir, "06.shipments__53_")["data"]["shipments"][0]
    assert_contains(payload["recipient"], seed["recipient"])
    assert payload["options"]["delivery_type"] == 4
    assert payload["options"]["delivery_date"] == "2025-03-04 00:00:00"
    assert payload["options"]["signature"] == 1
    assert "only_recipient" not in payload["options"] and "age_check" not in payload["options"]
    assert payload["pickup"]["location_code"] == "618925"


class FakeMyParcel:
    """Shipments in memory behind the MyParcel wire format; faults for the create path."""

    def __init__(self) -> None:
        self.shipments: dict[int, dict[str, Any]] = {}
        self.next_id = 500
        self.requests: list[httpx.Request] = []
        self.posts = 0
        self.lose_next_reply = False
        self.queued: dict[str, list[httpx.Response]] = {}

    def queue(self, pattern: str, *responses: httpx.Response) -> None:
        self.queued.setdefault(pattern, []).extend(responses)

    def add(self, shipment: dict[str, Any]) -> int:
        self.next_id += 1
        self.shipments[self.next_id] = {"id": self.next_id, "status": 1, "barcode": None, **shipment}
        return self.next_id

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        key = f"{request.method} {request.url.path}"
        for pattern, responses in self.queued.items():
            if responses and re.fullmatch(pattern, key):
                return responses.pop(0)
        if key == "GET /shipments":
            ref = request.url.params["reference_identifier"]
            # Like a loose full-text search: the client must keep only exact matches.
            hits = [s for s in self.shipments.values() if ref in (s.get("reference_identifier") or "")]
            return httpx.Response(
                200, json={"data": {"search_results": {"shipments": hits, "page": 1, "size": 30, "results": len(hits)}}}
            )
        if m := re.fullmatch(r"GET /shipments/(\d+)", key):
            found = self.shipments.get(int(m.group(1)))
            return httpx.Response(200, json={"data": {"shipments": [found] if found else [], "results": 1}})
        if key == "POST /shipments":
            self.posts += 1
            shipment = json.loads(request.content)["data"]["shipments"][0]
            secondaries = shipment.pop("secondary_shipments", [])
            main = self.add(
                {
                    "reference_identifier": shipment["reference_identifier"],
                    "carrier_id": shipment["carrier"],
                    "recipient": shipment["recipient"],
                }
            )
            ids = [
                self.add(
                    {
                        "reference_identifier": s.get("reference_identifier"),
                        "carrier_id": 1,
                        "recipient": shipment["recipient"],
                        "multi_collo_main_shipment_id": main,
                    }
                )
                for s in secondaries
            ]
            self.shipments[main]["secondary_shipments"] = [{"id": i} for i in ids] or None
            if self.lose_next_reply:
                self.lose_next_reply = False
                raise httpx.ReadError("connection reset by peer")
            return httpx.Response(
                200, json={"data": {"ids": [{"id": main, "reference_identifier": shipment["reference_identifier"]}]}}
            )
        if re.fullmatch(r"GET /shipment_labels/[\d;]+", key):
            return httpx.Response(200, content=PDF, headers={"Content-Type": "application/pdf"})
        if re.fullmatch(r"DELETE /shipments/[\d;]+", key):
            for i in request.url.path.rsplit("/", 1)[1].split(";"):
                self.shipments.pop(int(i), None)
            return httpx.Response(204)
        return httpx.Response(404, json={"message": "Not found", "errors": []})


def client(
    fake: FakeMyParcel, clock: FakeClock, platform: Platform = Platform.MYPARCEL, base_url: str = ""
) -> MyParcelClient:
    return MyParcelClient(
        HttpConfig(base_url=base_url, api_key=KEY),
        platform,
        RateLimiter.for_myparcel(clock=clock, sleep=clock.sleep),
        RetryPolicy(sleep=clock.sleep, random=lambda: 0.0),
        transport=httpx.MockTransport(fake),
    )


async def test_create_sends_the_documented_headers_and_returns_the_shipment(clock: FakeClock) -> None:
    fake = FakeMyParcel()
    shipments = await client(fake, clock).create(domestic_request(reference="P2024-00001"))
    assert [s.reference for s in shipments] == ["P2024-00001"]
    post = next(r for r in fake.requests if r.method == "POST")
    assert post.headers["Content-Type"] == SHIPMENT_CONTENT_TYPE
    assert post.headers["Authorization"] == "basic " + base64.b64encode(KEY.encode()).decode()
    assert str(post.url) == "https://api.myparcel.nl/shipments"
    # Looked up first, then created; a one-parcel shipment is not read back (the reply has the id).
    assert [r.method for r in fake.requests] == ["GET", "POST"]


async def test_one_parcel_shipment_is_built_from_the_reply_and_the_request(clock: FakeClock) -> None:
    fake = FakeMyParcel()
    request = domestic_request(reference="P2024-00011")
    (shipment,) = await client(fake, clock).create(request)
    stored = fake.shipments[shipment.id]
    assert shipment == Shipment(
        id=shipment.id,
        reference="P2024-00011",
        carrier=Carrier.POSTNL,
        status=1,
        barcode="",
        recipient_postal_code="2132JE",
        recipient_cc="NL",
    )
    assert stored["reference_identifier"] == shipment.reference and shipment.is_concept


async def test_create_after_the_callers_own_lookup_posts_at_once(clock: FakeClock) -> None:
    fake = FakeMyParcel()
    shipments = await client(fake, clock).create(domestic_request(reference="P2024-00012"), looked_up=True)
    assert [f"{r.method} {r.url.path}" for r in fake.requests] == ["POST /shipments"]
    assert shipments[0].id in fake.shipments


async def test_looked_up_still_looks_up_after_a_lost_reply(clock: FakeClock) -> None:
    fake = FakeMyParcel()
    fake.lose_next_reply = True
    shipments = await client(fake, clock).create(domestic_request(reference="P2024-00013"), looked_up=True)
    # The reply was lost after MyParcel booked it: the lookup finds it and nothing is posted twice.
    assert fake.posts == 1 and len(fake.shipments) == 1
    assert [r.method for r in fake.requests] == ["POST", "GET"]
    assert shipments[0].id in fake.shipments


async def test_looked_up_still_looks_up_before_posting_again_after_a_5xx(clock: FakeClock) -> None:
    fake = FakeMyParcel()
    fake.queue(r"POST /shipments", httpx.Response(502, text="<html><title>Bad Gateway</title></html>"))
    await client(fake, clock).create(domestic_request(reference="P2024-00014"), looked_up=True)
    methods = [r.method for r in fake.requests]
    second_post = [i for i, m in enumerate(methods) if m == "POST"][1]
    assert methods[0] == "POST" and methods[second_post - 1] == "GET" and fake.posts == 1


async def test_looked_up_finds_a_late_booking_instead_of_posting_twice(clock: FakeClock) -> None:
    fake = FakeMyParcel()
    booked_at = clock.now + 3.0

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            fake.requests.append(request)
            fake.posts += 1
            raise httpx.ReadTimeout("no answer")
        if clock.now >= booked_at and not fake.shipments:
            fake.add({"reference_identifier": "P2024-00015", "carrier_id": 1})
        return fake(request)

    c = MyParcelClient(
        HttpConfig(base_url="", api_key=KEY),
        Platform.MYPARCEL,
        RateLimiter.for_myparcel(clock=clock, sleep=clock.sleep),
        RetryPolicy(sleep=clock.sleep, random=lambda: 0.0),
        transport=httpx.MockTransport(handler),
    )
    shipments = await c.create(domestic_request(reference="P2024-00015"), looked_up=True)
    assert fake.posts == 1 and [s.id for s in shipments] == list(fake.shipments)


async def test_platform_default_and_override_base_urls(clock: FakeClock) -> None:
    fake = FakeMyParcel()
    be = client(fake, clock, Platform.SENDMYPARCEL)
    assert be.base_url == BASE_URLS[Platform.SENDMYPARCEL] == "https://api.sendmyparcel.be"
    await be.find_by_reference("X")
    assert fake.requests[-1].url.host == "api.sendmyparcel.be"
    assert client(fake, clock, base_url="http://127.0.0.1:9999/").base_url == "http://127.0.0.1:9999"


async def test_existing_shipment_is_reused_without_posting(clock: FakeClock) -> None:
    fake = FakeMyParcel()
    existing = fake.add({"reference_identifier": "P2024-00002", "carrier_id": 1})
    fake.add({"reference_identifier": "P2024-00002-extra", "carrier_id": 1})  # a loose search hit
    shipments = await client(fake, clock).create(domestic_request(reference="P2024-00002"))
    assert [s.id for s in shipments] == [existing]
    assert fake.posts == 0


async def test_lost_reply_after_post_creates_exactly_one_shipment(clock: FakeClock) -> None:
    fake = FakeMyParcel()
    fake.lose_next_reply = True
    shipments = await client(fake, clock).create(domestic_request(reference="P2024-00003"))
    assert fake.posts == 1
    assert len(fake.shipments) == 1
    assert shipments[0].id in fake.shipments


async def test_timeout_without_a_shipment_posts_once_more(clock: FakeClock) -> None:
    fake = FakeMyParcel()
    fake.queue(r"POST /shipments", httpx.Response(504, text="<html><title>Gateway Timeout</title></html>"))
    shipments = await client(fake, clock).create(domestic_request(reference="P2024-00004"))
    assert fake.posts == 1 and len(fake.shipments) == 1  # the first POST got a 504 before reaching the fake
    assert shipments[0].reference == "P2024-00004"
    methods = [r.method for r in fake.requests]
    assert methods.count("POST") == 2 and methods[:2] == ["GET", "POST"]
    # The reference was watched for the read timeout (30 s) before the second POST.
    second_post = [i for i, m in enumerate(methods) if m == "POST"][1]
    assert methods[2:second_post].count("GET") >= 30 and sum(clock.sleeps) >= 30.0


async def test_timeout_while_myparcel_is_still_booking_reuses_the_late_shipment(clock: FakeClock) -> None:
    fake = FakeMyParcel()
    booked_at = clock.now + 4.0  # the first POST is booked 4 s after the client gave up on it

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            fake.requests.append(request)
            fake.posts += 1
            raise httpx.ReadTimeout("no answer")
        if clock.now >= booked_at and not fake.shipments:
            fake.add({"reference_identifier": "P2024-00010", "carrier_id": 1})
        return fake(request)

    c = MyParcelClient(
        HttpConfig(base_url="", api_key=KEY),
        Platform.MYPARCEL,
        RateLimiter.for_myparcel(clock=clock, sleep=clock.sleep),
        RetryPolicy(sleep=clock.sleep, random=lambda: 0.0),
        transport=httpx.MockTransport(handler),
    )
    shipments = await c.create(domestic_request(reference="P2024-00010"))
    assert fake.posts == 1 and len(fake.shipments) == 1
    assert shipments[0].id in fake.shipments


async def test_repeated_timeouts_surface_after_a_final_lookup(clock: FakeClock) -> None:
    fake = FakeMyParcel()

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            fake.requests.append(request)
            raise httpx.ReadTimeout("no answer")
        return fake(request)

    c = MyParcelClient(
        HttpConfig(base_url="", api_key=KEY),
        Platform.MYPARCEL,
        RateLimiter.for_myparcel(clock=clock, sleep=clock.sleep),
        RetryPolicy(sleep=clock.sleep, random=lambda: 0.0),
        transport=httpx.MockTransport(handler),
    )
    with pytest.raises(RequestTimeout):
        await c.create(domestic_request(reference="P2024-00005"))
    methods = [r.method for r in fake.requests]
    assert methods.count("POST") == 2 and methods[-1] == "GET"


async def test_429s_on_create_wait_their_turn_and_book_once(clock: FakeClock) -> None:
    # More 429s than create's own attempts: the limit is shared by other stations, so the POST waits its turn.
    fake = FakeMyParcel()
    fake.queue(r"POST /shipments", *[httpx.Response(429, headers={"Retry-After": "4"}) for _ in range(4)])
    heard: list[Wait] = []
    with RetryWaits().watching(heard.append):
        shipments = await client(fake, clock).create(domestic_request(reference="P2024-00031"), looked_up=True)
    assert fake.posts == 1 and [s.id for s in shipments] == list(fake.shipments)
    # A refused POST booked nothing: it is sent again without a lookup in between.
    assert [r.method for r in fake.requests] == ["POST"] * 5
    assert [(w.reason, w.seconds) for w in heard] == [(WaitReason.RATE_LIMITED, 4.0)] * 4


async def test_watching_for_a_lost_booking_counts_down_in_plain_sight(clock: FakeClock) -> None:
    fake = FakeMyParcel()

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and fake.posts == 0:
            fake.posts += 1
            raise httpx.ReadTimeout("no answer")
        return fake(request)

    c = MyParcelClient(
        HttpConfig(base_url="", api_key=KEY, read_timeout=4.0),
        Platform.MYPARCEL,
        RateLimiter.for_myparcel(clock=clock, sleep=clock.sleep),
        RetryPolicy(sleep=clock.sleep, random=lambda: 0.0),
        transport=httpx.MockTransport(handler),
    )
    heard: list[Wait] = []
    with RetryWaits().watching(heard.append):
        await c.create(domestic_request(reference="P2024-00032"), looked_up=True)
    # The 5 s watch (at least CONFIRM_MIN_SECONDS) before posting again, told with the time left each second.
    assert [w.seconds for w in heard] == [5.0, 4.0, 3.0, 2.0, 1.0]
    assert {(w.reason, w.attempt, w.attempts) for w in heard} == {(WaitReason.CONFIRMING, 2, 2)}


@pytest.mark.parametrize(("status", "watch"), [(500, 5.0), (503, 5.0), (502, 30.0), (504, 30.0)])
async def test_a_persistent_5xx_on_create_is_a_bounded_wait_then_a_server_error(clock, status, watch) -> None:
    fake = FakeMyParcel()
    fake.queue(r"POST /shipments", httpx.Response(status), httpx.Response(status))
    heard: list[Wait] = []
    start = clock.now
    with RetryWaits().watching(heard.append), pytest.raises(ServerError):
        await client(fake, clock).create(domestic_request(reference="P2024-00033"))
    # MyParcel's own 500/503 ended the request: a short look. A gateway's 502/504 may hide a booking in progress.
    assert clock.now - start == pytest.approx(2 * watch)
    assert [r.method for r in fake.requests].count("POST") == 2 and fake.posts == 0
    assert heard[0] == Wait("MyParcel", WaitReason.CONFIRMING, watch, attempt=2, attempts=2)


async def test_multi_collo_returns_one_shipment_per_parcel_in_order(clock: FakeClock) -> None:
    fake = FakeMyParcel()
    c = client(fake, clock)
    shipments = await c.create(domestic_request(parcels=3, reference="P2024-00006"))
    assert [s.reference for s in shipments] == ["P2024-00006-1", "P2024-00006-2", "P2024-00006-3"]
    assert shipments[0].secondary_ids == (shipments[1].id, shipments[2].id)
    again = await c.create(domestic_request(parcels=3, reference="P2024-00006"))
    assert [s.id for s in again] == [s.id for s in shipments] and fake.posts == 1
    # Multi-collo still reads the main shipment back after the POST: its secondary ids come only from there.
    first_post = next(i for i, r in enumerate(fake.requests) if r.method == "POST")
    assert fake.requests[first_post + 1].url.path == f"/shipments/{shipments[0].id}"


async def test_422_surfaces_myparcel_codes_and_human_text(clock: FakeClock, samples_dir: Path) -> None:
    fake = FakeMyParcel()
    sample = json.loads(
        (samples_dir / "api/myparcel/pdk_mock_responses/ExamplePostShipmentsValidationErrorResponse.json").read_text(
            encoding="utf-8"
        )
    )
    fake.queue(r"POST /shipments", httpx.Response(422, json=sample["body"]))
    with pytest.raises(Rejected) as info:
        await client(fake, clock).create(domestic_request(reference="P2024-00007"))
    assert info.value.status == 422 and info.value.codes == (3705,)
    assert "shipment option not supported" in str(info.value)
    assert fake.posts == 0


async def test_415_falls_back_to_the_content_type_without_version(clock: FakeClock) -> None:
    fake = FakeMyParcel()
    fake.queue(r"POST /shipments", httpx.Response(415, json={"errors": [{"code": 3100, "message": "content type"}]}))
    await client(fake, clock).create(domestic_request(reference="P8"))
    posts = [r for r in fake.requests if r.method == "POST"]
    assert [p.headers["Content-Type"] for p in posts] == [
        SHIPMENT_CONTENT_TYPE,
        "application/vnd.shipment+json;charset=utf-8",
    ]


async def test_find_by_reference_accepts_both_wrappers_and_exact_matches_only(clock: FakeClock) -> None:
    fake = FakeMyParcel()
    fake.queue(
        r"GET /shipments",
        httpx.Response(
            200,
            json={
                "data": {
                    "shipments": [
                        {
                            "id": 9,
                            "reference_identifier": "R1",
                            "carrier_id": 2,
                            "status": 2,
                            "barcode": "CD1",
                            "recipient": {"cc": "be", "postal_code": "2000"},
                        },
                        {"id": 10, "reference_identifier": "R10", "carrier_id": 1},
                    ],
                    "results": 2,
                }
            },
        ),
    )
    (found,) = await client(fake, clock).find_by_reference("R1")
    assert found == Shipment(
        id=9,
        reference="R1",
        carrier=Carrier.BPOST,
        status=2,
        barcode="CD1",
        recipient_postal_code="2000",
        recipient_cc="BE",
    )


async def test_broken_shipment_answers_are_bad_responses(clock: FakeClock) -> None:
    fake = FakeMyParcel()
    fake.queue(r"GET /shipments", httpx.Response(200, json={"data": {"shipments": [{"reference_identifier": "R"}]}}))
    fake.queue(r"GET /shipments", httpx.Response(200, json={"nodata": 1}))
    c = client(fake, clock)
    with pytest.raises(BadResponse, match="field 'id' is missing"):
        await c.find_by_reference("R")
    with pytest.raises(BadResponse, match="'data' is missing"):
        await c.find_by_reference("R")


async def test_a6_label_is_a_pdf(clock: FakeClock) -> None:
    fake = FakeMyParcel()
    assert await client(fake, clock).fetch_label([11, 12], LabelFormat.A6) == PDF
    request = fake.requests[-1]
    assert request.url.path == "/shipment_labels/11;12"
    assert request.url.params["format"] == "A6" and request.headers["Accept"] == "application/pdf"


async def test_a4_label_with_positions(clock: FakeClock) -> None:
    fake = FakeMyParcel()
    await client(fake, clock).fetch_label([11], LabelFormat.A4, positions=(3, 4))
    assert fake.requests[-1].url.params["positions"] == "3;4"
    with pytest.raises(ValueError, match="1 to 4"):
        await client(fake, clock).fetch_label([11], LabelFormat.A4, positions=(5,))


async def test_label_that_is_not_a_pdf_is_a_bad_response(clock: FakeClock) -> None:
    fake = FakeMyParcel()
    fake.queue(r"GET /shipment_labels/11", httpx.Response(200, html="<html>maintenance</html>"))
    with pytest.raises(BadResponse, match="not a PDF"):
        await client(fake, clock).fetch_label([11], LabelFormat.A6)


async def test_unpaid_label_raises_payment_required(clock: FakeClock) -> None:
    fake = FakeMyParcel()
    body = {"data": {"payment_instructions": [{"payment_url": "https://pay.example/x", "paid": 0}]}}
    fake.queue(r"GET /shipment_labels/11", httpx.Response(402, json=body))
    with pytest.raises(PaymentRequired) as info:
        await client(fake, clock).fetch_label([11], LabelFormat.A6)
    assert info.value.payment_url == "https://pay.example/x"


async def test_many_labels_use_the_download_link_and_poll_until_ready(clock: FakeClock) -> None:
    fake = FakeMyParcel()
    ids = list(range(1, 31))
    fake.queue(r"GET /shipment_labels/.*", httpx.Response(200, json={"data": {"pdfs": {"url": "/pdfs/abc"}}}))
    fake.queue(
        r"GET /pdfs/abc",
        httpx.Response(404, json={}),
        httpx.Response(404, json={}),
        httpx.Response(200, content=PDF, headers={"Content-Type": "application/pdf"}),
    )
    assert await client(fake, clock).fetch_label(ids, LabelFormat.A4) == PDF
    assert fake.requests[0].headers["Accept"].startswith("application/vnd.shipment_label_link+json")
    assert clock.sleeps == [3.0, 3.0]


async def test_download_link_to_another_host_is_refused(clock: FakeClock) -> None:
    fake = FakeMyParcel()
    fake.queue(
        r"GET /shipment_labels/.*",
        httpx.Response(200, json={"data": {"pdfs": {"url": "https://evil.example/pdfs/abc"}}}),
    )
    with pytest.raises(BadResponse, match="another host"):
        await client(fake, clock).fetch_label(list(range(1, 31)), LabelFormat.A6)


async def test_tracking_url_is_built_without_a_request(clock: FakeClock) -> None:
    fake = FakeMyParcel()
    shipment = Shipment(
        id=7, reference="R", carrier=Carrier.POSTNL, barcode="3SABC", recipient_postal_code="2132 je", recipient_cc="nl"
    )
    assert await client(fake, clock).tracking_url(shipment) == "https://myparcel.me/track-trace/3SABC/2132JE/NL"
    be = Shipment(id=8, reference="R", carrier=2, barcode="3232X", recipient_postal_code="1000", recipient_cc="BE")
    sendmyparcel = client(fake, clock, Platform.SENDMYPARCEL)
    assert await sendmyparcel.tracking_url(be) == "https://sendmyparcel.me/track-trace/3232X/1000/BE"
    assert fake.requests == []
    # No barcode yet (before the label): no page.
    assert await client(fake, clock).tracking_url(Shipment(id=9, reference="R", carrier=1)) == ""


async def test_tracking_url_asks_myparcel_when_there_is_no_postal_code(clock: FakeClock, samples_dir) -> None:
    fake = FakeMyParcel()
    fake.queue(r"GET /tracktraces/43393092", httpx.Response(200, json=example(samples_dir, "06.shipments__65_")))
    shipment = Shipment(id=43393092, reference="R", carrier=Carrier.POSTNL, barcode="3SMYPA126329191")
    assert (await client(fake, clock).tracking_url(shipment)).startswith(
        "https://postnl.nl/tracktrace/?B=3SMYPA126329191"
    )


async def test_tracktrace_link_from_tracktraces_or_the_built_page(clock: FakeClock, samples_dir) -> None:
    fake = FakeMyParcel()
    fake.queue(r"GET /tracktraces/43393092", httpx.Response(200, json=example(samples_dir, "06.shipments__65_")))
    fake.queue(r"GET /tracktraces/7", httpx.Response(200, json={"data": {"tracktraces": [[]]}}))
    c = client(fake, clock)
    shipment = Shipment(id=43393092, reference="R", carrier=Carrier.POSTNL, barcode="3SMYPA126329191")
    assert (await c.tracktrace_link(shipment)).startswith("https://postnl.nl/tracktrace/?B=3SMYPA126329191")
    other = Shipment(
        id=7, reference="R", carrier=Carrier.POSTNL, barcode="3SABC", recipient_postal_code="2132 je", recipient_cc="nl"
    )
    assert await c.tracktrace_link(other) == "https://myparcel.me/track-trace/3SABC/2132JE/NL"
    # No tracktrace at all (404) falls back too.
    assert await c.tracktrace_link(
        Shipment(id=8, reference="R", carrier=1, barcode="3SX", recipient_postal_code="1000", recipient_cc="BE")
    ) == ("https://myparcel.me/track-trace/3SX/1000/BE")
    assert [r.url.path for r in fake.requests] == ["/tracktraces/43393092", "/tracktraces/7", "/tracktraces/8"]


async def test_shipments_read_back_carry_the_recipient_postal_code_and_country(clock: FakeClock) -> None:
    fake = FakeMyParcel()
    sid = fake.add({"reference_identifier": "R", "carrier_id": 1, "recipient": {"cc": "nl", "postal_code": "2132 JE"}})
    shipment = await client(fake, clock).get_shipment(sid)
    assert (shipment.recipient_postal_code, shipment.recipient_cc) == ("2132 JE", "NL")


async def test_delete_concepts(clock: FakeClock) -> None:
    fake = FakeMyParcel()
    a = fake.add({"reference_identifier": "A"})
    b = fake.add({"reference_identifier": "B"})
    await client(fake, clock).delete_concepts([a, b])
    assert fake.shipments == {}
    assert fake.requests[-1].url.path == f"/shipments/{a};{b}"


def test_a_scanned_box_adds_its_dimensions_to_the_physical_properties() -> None:
    request = dataclasses.replace(domestic_request(), weight_grams=1450, dimensions_cm=(25, 20, 10))
    payload = shipment_payload(request, Platform.MYPARCEL)
    assert payload["physical_properties"] == {"weight": 1450, "length": 25, "width": 20, "height": 10}
    assert shipment_payload(domestic_request(), Platform.MYPARCEL)["physical_properties"] == {"weight": 1200}


# --- the carrier's own ZPL (MyParcel reference §6.F.1) --------------------------------------------------


def _parcel(shipment_id: int, carrier: Carrier = Carrier.POSTNL) -> Shipment:
    return Shipment(id=shipment_id, reference="P1", carrier=carrier)


async def test_postnl_zpl_is_asked_one_parcel_at_a_time_on_the_zpl_accept_header(clock: FakeClock) -> None:
    fake = FakeMyParcel()
    fake.queue(
        r"GET /shipment_labels/\d+",
        httpx.Response(200, content=b"^XA^FDone^FS^XZ"),
        httpx.Response(200, content=b"^XA^FDtwo^FS^XZ"),
    )
    zpl = await client(fake, clock).fetch_carrier_zpl([_parcel(11), _parcel(12, Carrier.BPOST)])
    assert zpl == b"^XA^FDone^FS^XZ^XA^FDtwo^FS^XZ"
    assert [r.url.path for r in fake.requests] == ["/shipment_labels/11", "/shipment_labels/12"]
    assert all(r.headers["Accept"] == "application/vnd.shipment_label+zpl" for r in fake.requests)


async def test_no_zpl_for_other_carriers_a_pdf_answer_or_a_refusal(clock: FakeClock) -> None:
    fake = FakeMyParcel()
    assert await client(fake, clock).fetch_carrier_zpl([_parcel(11, Carrier.DPD)]) is None
    assert fake.requests == []  # DPD: not even asked
    # A rest-of-world label comes as a PDF (the fake's default answer): converted as before.
    assert await client(fake, clock).fetch_carrier_zpl([_parcel(11)]) is None
    fake.queue(r"GET /shipment_labels/11", httpx.Response(422, json={"message": "no ZPL after a PDF", "errors": []}))
    assert await client(fake, clock).fetch_carrier_zpl([_parcel(11, Carrier.BPOST)]) is None
    # The ZPL side failing after the retries still leaves the PDF to convert.
    fake.queue(r"GET /shipment_labels/11", *[httpx.Response(500, json={"message": "zpl down"})] * 10)
    assert await client(fake, clock).fetch_carrier_zpl([_parcel(11)]) is None


async def test_a_payment_needed_for_the_zpl_is_raised_as_for_the_pdf(clock: FakeClock) -> None:
    fake = FakeMyParcel()
    body = {"data": {"payment_instructions": [{"payment_url": "https://pay.example/x", "paid": 0}]}}
    fake.queue(r"GET /shipment_labels/11", httpx.Response(402, json=body))
    with pytest.raises(PaymentRequired):
        await client(fake, clock).fetch_carrier_zpl([_parcel(11)])


async def test_a_zpl_answer_with_every_parcels_label_is_not_printed_twice(clock: FakeClock) -> None:
    fake = FakeMyParcel()
    both = b"^XA^FDone^FS^XZ^XA^FDtwo^FS^XZ"
    fake.queue(r"GET /shipment_labels/\d+", httpx.Response(200, content=both), httpx.Response(200, content=both))
    assert await client(fake, clock).fetch_carrier_zpl([_parcel(11), _parcel(12)]) is None
