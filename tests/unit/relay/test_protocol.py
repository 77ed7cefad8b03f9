"""Seed 000's examples against the relay: config options, a shipment, customs, the errored response."""

from __future__ import annotations

import base64
from collections.abc import Callable

import httpx

from packstation.demo import DemoServers
from packstation.relay.config import RelayConfig
from packstation.relay.embedded import RelayThread
from tests.unit.relay.conftest import PASSWORD, USER, booked
from tests.unit.relay.seed_examples import (
    CONFIG_OPTIONS_EXAMPLE,
    CUSTOMS_RESPONSE_EXAMPLE,
    ERROR_RESPONSE_EXAMPLE,
    SHIPMENT_EXAMPLE,
    SUCCESS_RESPONSE_EXAMPLE,
    same_shape,
    shipment,
)


def test_config_options_have_the_seed_shape_and_the_shared_keys(client: httpx.Client) -> None:
    response = client.get("/config-options")

    assert response.status_code == 200
    body = response.json()
    assert same_shape(body, CONFIG_OPTIONS_EXAMPLE) == []
    items = {item["key"]: item for item in body["data"]["items"]}
    assert list(items) == [
        "carrier",
        "package_type",
        "delivery_type",
        "signature",
        "only_recipient",
        "age_check",
        "large_format",
        "return",
        "insurance",
        "label_description",
    ]
    assert [v["value"] for v in items["carrier"]["possible_values"]] == [1, 8]  # PostNL, UPS on MyParcel.nl
    assert items["delivery_type"]["default_value"] == 2
    assert [v["value"] for v in items["signature"]["possible_values"]] == [0, 1]
    assert items["insurance"]["possible_values"][0] == {"value": 0, "label": "Not insured"}
    assert items["label_description"]["type"] == "text"
    assert items["label_description"]["default_value"] is None


def test_the_seed_shipment_books_one_label_with_pdf_and_zpl(client: httpx.Client, demo: DemoServers) -> None:
    response = client.post("/shipments", json=shipment())

    assert response.status_code == 200, response.text
    body = response.json()
    assert same_shape(body, SUCCESS_RESPONSE_EXAMPLE) == []
    data = body["data"]
    assert data["carrier_key"] == "postnl"
    assert data["carrier_name"] == "PostNL"
    stored = booked(demo, "P2018-29382")
    assert len(stored) == 1
    assert data["tracking_code"] == stored[0]["barcode"]
    assert data["tracking_url"] == f"https://myparcel.me/track-trace/{stored[0]['barcode']}/6825MC/NL"
    assert data["label"]["format"] == "A6"
    assert base64.b64decode(data["label"]["documents"]["pdf"]).startswith(b"%PDF")
    zpl = base64.b64decode(data["label"]["documents"]["zpl"]).decode("ascii")
    assert zpl.startswith("^XA") and zpl.rstrip().endswith("^XZ")
    assert "^PW812" in zpl  # 4 inch at the default 203 dpi
    # The recipient as the desk would book it: split address, upper-case country, the reference on the label.
    recipient = stored[0]["recipient"]
    assert (recipient["street"], recipient["number"], recipient["cc"]) == ("Meander", "251", "NL")
    assert stored[0]["options"]["label_description"] == "wintersjaal #8928283"


def test_the_seed_customs_example_gets_one_a4_pdf_without_zpl(client: httpx.Client, demo: DemoServers) -> None:
    response = client.post("/shipments", json=shipment(customs=True))

    assert response.status_code == 200, response.text
    body = response.json()
    assert same_shape(body, CUSTOMS_RESPONSE_EXAMPLE) == []
    assert body["data"]["label"]["format"] == "A4"
    assert set(body["data"]["label"]["documents"]) == {"pdf"}
    stored = booked(demo, "P2018-29382")
    assert len(stored) == 1
    declaration = stored[0]["customs_declaration"]
    assert [item["classification"] for item in declaration["items"]] == ["288392", "928382"]
    assert [item["amount"] for item in declaration["items"]] == [2, 1]
    assert declaration["invoice"] == "O2018-29230"


def test_the_seed_example_as_is_is_an_errored_response_naming_its_unknown_keys(
    client: httpx.Client, demo: DemoServers
) -> None:
    # The documentation example's profile keys belong to another provider: the relay says which ones it does not know.
    response = client.post("/shipments", json=SHIPMENT_EXAMPLE)

    assert response.status_code == 422
    body = response.json()
    assert same_shape(body, ERROR_RESPONSE_EXAMPLE) == []
    assert body["version"] == "1.0"
    joined = " ".join(body["error_messages"])
    for key in ("shipping_method", "sender_address", "insured", "pickup_instructions"):
        assert key in joined
    assert "profieloptie" in joined  # the example's language is nl
    assert booked(demo, "P2018-29382") == []


def test_profile_values_as_strings_and_null_are_accepted(client: httpx.Client, demo: DemoServers) -> None:
    profile = [
        {"key": "carrier", "value": "1"},
        {"key": "signature", "value": "1"},
        {"key": "insurance", "value": "250"},
        {"key": "delivery_type", "value": None},
        {"key": "label_description", "value": "Bestelling 42"},
    ]
    response = client.post("/shipments", json=shipment(profile=profile))

    assert response.status_code == 200, response.text
    options = booked(demo, "P2018-29382")[0]["options"]
    assert options["signature"] == 1
    assert options["insurance"] == {"amount": 25000, "currency": "EUR"}
    assert options["delivery_type"] == 2
    assert options["label_description"] == "Bestelling 42"


def test_a_rule_violation_is_told_in_the_shipments_language(client: httpx.Client, demo: DemoServers) -> None:
    profile = [{"key": "signature", "value": 1}]
    dutch = shipment(customs=True, profile=profile, language="nl")
    english = shipment(customs=True, profile=profile, language="en")

    nl = client.post("/shipments", json=dutch)
    en = client.post("/shipments", json=english)

    assert nl.status_code == en.status_code == 422
    assert nl.json()["error_messages"] == ["Een handtekening kan niet naar CH: zet hem uit."]
    assert en.json()["error_messages"] == ["A signature is not possible to CH: switch it off."]
    assert booked(demo, "P2018-29382") == []


def test_the_zpl_resolution_follows_the_relay_settings(
    start_relay: Callable[..., RelayThread], make_config: Callable[..., RelayConfig]
) -> None:
    relay = start_relay(make_config(zpl_dpi=300))
    response = httpx.post(f"{relay.base_url}/shipments", json=shipment(), auth=(USER, PASSWORD), timeout=30)

    assert response.status_code == 200, response.text
    zpl = base64.b64decode(response.json()["data"]["label"]["documents"]["zpl"]).decode("ascii")
    assert "^PW1200" in zpl and "^LL1800" in zpl  # 4 x 6 inch at 300 dpi
