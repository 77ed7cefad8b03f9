"""Whatever arrives, the relay answers a 4xx with error_messages, books nothing and keeps serving."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from packstation.demo import DemoServers
from packstation.relay.config import DEFAULT_MAX_BODY_BYTES
from packstation.relay.embedded import RelayThread
from tests.unit.relay.seed_examples import shipment


@pytest.fixture(autouse=True)
def nothing_booked_and_still_healthy(relay: RelayThread, demo: DemoServers) -> Iterator[None]:
    yield
    assert demo.myparcel.shipments == []
    assert not [r for r in demo.myparcel.requests if r[0] == "POST"]
    assert httpx.get(f"{relay.base_url}/healthz").status_code == 200


def _errors(response: httpx.Response, status: int | tuple[int, ...]) -> list[str]:
    statuses = status if isinstance(status, tuple) else (status,)
    assert response.status_code in statuses, response.text
    body = response.json()
    assert body["version"] == "1.0"
    assert body["error_messages"] and all(isinstance(m, str) and m for m in body["error_messages"])
    return body["error_messages"]


def _without(path: list[str]) -> dict[str, Any]:
    body = shipment(language="en")
    holder = body
    for key in path[:-1]:
        holder = holder[key]
    del holder[path[-1]]
    return body


def _with(path: list[str], value: Any) -> dict[str, Any]:
    body = shipment(language="en")
    holder = body
    for key in path[:-1]:
        holder = holder[key]
    holder[path[-1]] = value
    return body


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"{",
        b"not json",
        b'{"version": "1.0", "data": }',
        b"[1, 2",
        b'{"a": NaN}',
        b"null",
        b"[]",
        b"42",
        b"[" * 100_000 + b"]" * 100_000,
    ],
    ids=["empty", "open", "text", "no value", "open list", "NaN", "null", "list", "number", "nested"],
)
def test_malformed_json(client: httpx.Client, raw: bytes) -> None:
    response = client.post("/shipments", content=raw, headers={"Content-Type": "application/json"})
    _errors(response, (400, 422))


def test_non_utf8_text(client: httpx.Client) -> None:
    raw = json.dumps(shipment()).replace("Arnhem", "Arnhém").encode("latin-1")
    messages = _errors(client.post("/shipments", content=raw, headers={"Content-Type": "application/json"}), 400)
    assert messages == ["The request is not UTF-8 text."]


@pytest.mark.parametrize("content_type", ["", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data"])
def test_wrong_content_type(client: httpx.Client, content_type: str) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    response = client.post("/shipments", content=json.dumps(shipment()).encode(), headers=headers)
    _errors(response, 415)


def test_json_with_a_charset_is_fine(client: httpx.Client, demo: DemoServers) -> None:
    # Not a booking (unknown key) but read: the content type with charset is accepted.
    body = shipment(profile=[{"key": "colour", "value": "red"}])
    headers = {"Content-Type": "application/json; charset=utf-8"}
    messages = _errors(client.post("/shipments", content=json.dumps(body).encode(), headers=headers), 422)
    assert "colour" in messages[0]


def test_a_body_over_the_limit_is_413_declared_or_streamed(client: httpx.Client) -> None:
    big = json.dumps(_with(["data", "shipment", "recipient", "address2"], "x" * DEFAULT_MAX_BODY_BYTES)).encode()

    declared = client.post("/shipments", content=big, headers={"Content-Type": "application/json"})

    def chunks() -> Iterator[bytes]:  # no Content-Length: the relay counts what arrives
        for start in range(0, len(big), 65536):
            yield big[start : start + 65536]

    streamed = client.post("/shipments", content=chunks(), headers={"Content-Type": "application/json"})
    for response in (declared, streamed):
        assert _errors(response, 413) == [
            f"The request is larger than {DEFAULT_MAX_BODY_BYTES} bytes: the relay does not read it."
        ]


@pytest.mark.parametrize(
    ("path", "field"),
    [
        (["data"], "data"),
        (["data", "shipment"], "data.shipment"),
        (["data", "shipment", "recipient"], "data.shipment.recipient"),
        (["data", "shipment", "recipient", "address"], "data.shipment.recipient.address"),
        (["data", "shipment", "recipient", "city"], "data.shipment.recipient.city"),
        (["data", "shipment", "recipient", "country"], "data.shipment.recipient.country"),
        (["data", "shipment", "references"], "data.shipment.references"),
    ],
)
def test_missing_fields_are_named(client: httpx.Client, path: list[str], field: str) -> None:
    messages = _errors(client.post("/shipments", json=_without(path)), 422)
    assert any(f"“{field}”" in m for m in messages), messages


def test_a_missing_picklist_number_says_to_ship_from_a_picklist(client: httpx.Client) -> None:
    body = _without(["data", "shipment", "references", "picklistid"])
    assert _errors(client.post("/shipments", json=body), 422) == [
        "Picqer sent no picklist number: create the shipment from a picklist."
    ]


def test_a_missing_weight_asks_for_it(client: httpx.Client) -> None:
    messages = _errors(client.post("/shipments", json=_without(["data", "shipment", "weight"])), 422)
    assert messages == ["The weight is not known: enter the weight of the parcel in Picqer."]


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (["extra"], 1),
        (["data", "idorder"], 5),
    ],
)
def test_extra_fields_of_the_envelope_are_refused(client: httpx.Client, path: list[str], value: Any) -> None:
    messages = _errors(client.post("/shipments", json=_with(path, value)), 422)
    assert path[-1] in messages[0]


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (["data", "shipment", "weight"], "heavy"),
        (["data", "shipment", "weight"], {"grams": 5}),
        (["data", "shipment", "recipient"], "Meander 251"),
        (["data", "profile"], {"carrier": 1}),
        (["data", "profile"], [{"value": 1}]),
        (["data", "shipment", "preferred_delivery_date"], "next tuesday"),
        (["data", "shipment", "customs_data"], {"products": "many"}),
        (["data", "shipment", "recipient", "zipcode"], ["6825", "MC"]),
    ],
)
def test_fields_of_the_wrong_kind(client: httpx.Client, path: list[str], value: Any) -> None:
    _errors(client.post("/shipments", json=_with(path, value)), 422)


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        ([{"key": "shipping_method", "value": 29}], "shipping_method"),
        ([{"key": "carrier", "value": 2}], "“2” is not a choice for “Carrier”"),  # bpost is not on MyParcel.nl
        ([{"key": "insurance", "value": 123}], "“123” is not a choice for “Insurance”"),
        ([{"key": "signature", "value": "maybe"}], "“maybe” is not a choice for “Signature on delivery”"),
        ([{"key": "label_description", "value": "x" * 60}], "at most 45 characters"),
    ],
)
def test_profile_values_the_relay_does_not_offer(client: httpx.Client, profile: list[Any], expected: str) -> None:
    messages = _errors(client.post("/shipments", json=shipment(profile=profile, language="en")), 422)
    assert any(expected in m for m in messages), messages


def test_an_address_that_reads_two_ways_says_what_to_correct(client: httpx.Client) -> None:
    body = _with(["data", "shipment", "recipient", "address"], "Meander 1-3")
    assert _errors(client.post("/shipments", json=body), 422) == [
        "The address “Meander 1-3” can be read in more than one way: write street, house number and addition "
        "clearly in Picqer (e.g. “Meander 251 A”), then try again."
    ]


def test_every_problem_is_listed_at_once(client: httpx.Client) -> None:
    body = copy.deepcopy(shipment(language="en"))
    body["data"]["profile"] = [{"key": "colour", "value": 1}, {"key": "size", "value": 2}]
    del body["data"]["shipment"]["recipient"]["city"]
    messages = _errors(client.post("/shipments", json=body), 422)
    assert len(messages) == 3


def test_unknown_paths_and_methods_answer_in_the_protocols_form(client: httpx.Client) -> None:
    _errors(client.get("/shipments"), 405)
    _errors(client.post("/config-options", json={}), 405)
    _errors(client.get("/labels"), 404)


def test_an_address_with_two_readings_names_both_and_books_nothing(client: httpx.Client) -> None:
    body = _with(["data", "shipment", "recipient", "address"], "Plein 1944 12")
    (message,) = _errors(client.post("/shipments", json=body), 422)
    assert "Plein 1944 12" in message and "1944" in message
