"""Error bodies of both APIs, parsed from real samples and from the ugly answers proxies give."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from packstation.clients.errors import (
    ApiMessage,
    find_payment_url,
    html_title,
    parse_myparcel_error,
    parse_picqer_error,
)


def sample_body(samples_dir: Path, name: str) -> bytes:
    data = json.loads((samples_dir / "api" / "myparcel" / name).read_text(encoding="utf-8"))
    return json.dumps(data["body"]).encode()


def test_myparcel_flat_errors_keep_every_code(samples_dir: Path) -> None:
    messages = parse_myparcel_error(sample_body(samples_dir, "pdk_mock_responses/ExampleErrorResponse.json"))
    assert [m.code for m in messages] == [3212, 3212, 3212]
    assert [m.text for m in messages] == ["cc is required", "postal_code is required", "number is required"]


def test_myparcel_nested_error_gives_code_human_text_and_field(samples_dir: Path) -> None:
    body = sample_body(samples_dir, "pdk_mock_responses/ExamplePostShipmentsValidationErrorResponse.json")
    assert parse_myparcel_error(body) == (
        ApiMessage(
            text="data.shipments[0].options.return shipment option not supported",
            code=3705,
            field="data.shipments[0].options.return",
        ),
    )


def test_myparcel_access_denied(samples_dir: Path) -> None:
    messages = parse_myparcel_error(sample_body(samples_dir, "pdk_mock_responses/ExampleAccessDeniedResponse.json"))
    assert messages == (ApiMessage(text="Access Denied.", code=3000),)


def test_myparcel_human_text_wins_over_message() -> None:
    body = {
        "message": "x",
        "errors": [{"code": 3505, "message": "postal_code invalid", "human": ["Ongeldige postcode"]}],
    }
    assert parse_myparcel_error(json.dumps(body).encode()) == (ApiMessage("Ongeldige postcode", 3505),)


def test_myparcel_nested_by_index_is_not_a_code() -> None:
    body = {"errors": [{"0": {"code": 3503, "human": ["Invalid house number"], "fields": ["number"]}}]}
    assert parse_myparcel_error(json.dumps(body).encode()) == (ApiMessage("Invalid house number", 3503, "number"),)


def test_myparcel_top_level_message_without_request_id() -> None:
    body = {"message": "Shipment validation error (request_id: 1752047820.99)", "errors": []}
    assert parse_myparcel_error(json.dumps(body).encode()) == (ApiMessage("Shipment validation error"),)


def test_picqer_error_body() -> None:
    body = b'{"error": true, "error_code": 21, "error_message": "Item not found or does not have the right status"}'
    assert parse_picqer_error(body) == (ApiMessage("Item not found or does not have the right status", 21),)


@pytest.mark.parametrize("parse", [parse_myparcel_error, parse_picqer_error])
@pytest.mark.parametrize("body", [b"", b"{broken", b"null", b"[1, 2]", b"\xff\xfe garbage", b'"text"'])
def test_unreadable_bodies_give_no_messages(parse, body: bytes) -> None:
    assert parse(body) == ()


@pytest.mark.parametrize("parse", [parse_myparcel_error, parse_picqer_error])
def test_html_error_page_gives_its_title(parse) -> None:
    page = b"<html><head><title>502 Bad   Gateway</title></head><body><h1>nginx</h1></body></html>"
    assert parse(page) == (ApiMessage("502 Bad Gateway"),)
    assert html_title(b"plain text") == ""


def test_payment_url_found_in_payment_instructions(samples_dir: Path) -> None:
    examples = samples_dir / "api" / "myparcel" / "docs" / "examples"
    instructions = json.loads(
        (
            examples
            / "07.shipment-related-object-definitions__35__7_p_paymentinstructions_object_definition_7_p_2_example.json"
        ).read_text(encoding="utf-8")
    )
    body = json.dumps({"data": {"payment_instructions": [instructions]}}).encode()
    assert find_payment_url(body).startswith("https://pay.multisafepay.com/pay/")
    assert find_payment_url(b"<html>") == ""
