"""Picqer's side of the custom shipping-provider protocol, spoken by the demo Picqer
(https://picqer.com/en/api/external-shipping-provider-integrations-technical).

Picqer is the client here: it asks the provider for its configuration options and, for every shipment on one of
the provider's profiles, posts the profile's stored options plus the shipment to the provider's shipment URL and
expects a label back. This module builds that request from a picklist and its order, makes the call and checks the
answer exactly as the document describes it, so a relay that passes against the demo speaks the documented shape.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

PROTOCOL_VERSION = "1.0"
# "The processing of the request should take a maximum of 20 seconds, otherwise we will regard this shipment as
# failed." (Picqer shipping-provider protocol)
SHIPMENT_TIMEOUT = 20.0
LABEL_FORMATS = frozenset({"A6", "A4"})
CANNOT_CREATE = "Cannot create shipment: "
# Picqer shows its own text when the provider answers 5xx or something unreadable (the protocol's
# "generic response").
GENERIC_FAILURE = CANNOT_CREATE + "the shipping provider did not answer correctly"
NOT_CONNECTED = CANNOT_CREATE + "the shipping provider is not connected"

# The EU customs union by country code: the 27 member states. Seed 000 sends customs_data "if the country of the
# recipient is outside the EU customs union"; a country code cannot see special territories (Canary Islands),
# which Picqer's own check by country code cannot either.
EU_CUSTOMS_UNION = frozenset("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split())
LANGUAGES = frozenset({"nl", "en"})


@dataclass(frozen=True)
class Label:
    """What a provider answered for one shipment (already checked)."""

    carrier_key: str | None
    carrier_name: str | None
    tracking_code: str | None
    tracking_url: str | None
    format: str
    pdf: bytes
    zpl: bytes | None


@dataclass(frozen=True)
class Refusal:
    """Why no label came back: the error text Picqer shows its user."""

    message: str


class ProviderAnswerError(ValueError):
    """The provider's answer does not have the documented shape."""


def _blank_to_none(value: Any) -> Any:
    # Picqer's own example sends null, not "", for address fields it does not have.
    return None if value in ("", None) else value


def customs_applies(country: str) -> bool:
    """Whether Picqer adds customs_data: the recipient's country is outside the EU customs union."""
    return country.upper() not in EU_CUSTOMS_UNION


def shipment_payload(
    profile_options: list[dict[str, Any]],
    picklist: dict[str, Any],
    order: dict[str, Any] | None,
    weight: int,
) -> dict[str, Any]:
    """Build the POST body Picqer sends to the shipment URL (the protocol's "Creating a shipment").

    `profile_options` are the profile's stored `{key, value}` pairs in their configured order; `weight` is the
    shipment's weight in grams as the caller filled it in.
    """
    order = order or {}
    order_lines = {line["idorder_product"]: line for line in order.get("products", [])}
    # A composition's parts are picked, its parent line carries the price: count each product once.
    lines = [line for line in picklist["products"] if not line.get("partof_idpicklist_product")]
    total_paid = round(sum(float(line["price"]) * int(line["amount"]) for line in lines), 2)
    country = str(picklist["deliverycountry"])
    language = order.get("language")
    shipment: dict[str, Any] = {
        "weight": weight,
        "total_paid": total_paid,
        # The demo account keeps no purchase prices, so the goods are valued at what the customer paid.
        "value_of_goods": total_paid,
        "recipient": {
            "name": picklist["deliveryname"],
            "contactname": _blank_to_none(picklist.get("deliverycontact")),
            "address": picklist["deliveryaddress"],
            "address2": _blank_to_none(picklist.get("deliveryaddress2")),
            "zipcode": picklist["deliveryzipcode"],
            "city": picklist["deliverycity"],
            "region": _blank_to_none(picklist.get("deliveryregion")),
            # Lower-case as in the protocol's first example; a relay must accept either case.
            "country": country.lower(),
            "emailaddress": _blank_to_none(picklist.get("emailaddress")),
            "telephone": _blank_to_none(picklist.get("telephone")),
        },
        "references": {
            "reference": _blank_to_none(picklist.get("reference")),
            "orderid": _blank_to_none(order.get("orderid")),
            "returnid": None,
            "picklistid": picklist["picklistid"],
        },
        "preferred_delivery_date": picklist.get("preferred_delivery_date"),
        # "When there is no pickup_point_data available this will be an empty array" (unlike the orders API's null).
        "pickup_point_data": order.get("pickup_point_data") or [],
        "language": language if language in LANGUAGES else "nl",
    }
    if customs_applies(country):
        products = []
        for line in lines:
            source = order_lines.get(line.get("idorder_product"), {})
            products.append(
                {
                    "description": line["name"],
                    "amount": int(line["amount"]),
                    # Per unit, as the order lines hold them; the protocol does not say per unit or per line.
                    "weight": int(line.get("weight") or 0),
                    "value": float(line["price"]),
                    "hs_code": _blank_to_none(source.get("hs_code")),
                    "country_of_origin": _blank_to_none(source.get("country_of_origin")),
                }
            )
        shipment["customs_data"] = {"products": products}
    return {
        "version": PROTOCOL_VERSION,
        "data": {"profile": [{"key": o["key"], "value": o["value"]} for o in profile_options], "shipment": shipment},
    }


def _b64(value: Any, what: str) -> bytes:
    if not isinstance(value, str) or not value:
        raise ProviderAnswerError(f"{what} is not a base64 text")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ProviderAnswerError(f"{what} is not valid base64") from exc


def _optional_text(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None or isinstance(value, str):
        return value or None
    raise ProviderAnswerError(f"{key} is not a text")


def parse_label(body: Any) -> Label:
    """Check a 2xx answer (the protocol's success response) and return its label; raise ProviderAnswerError if wrong."""
    if not isinstance(body, dict) or body.get("version") != PROTOCOL_VERSION:
        raise ProviderAnswerError('the answer is not {"version": "1.0", ...}')
    data = body.get("data")
    if not isinstance(data, dict):
        raise ProviderAnswerError("the answer has no data object")
    label = data.get("label")
    if not isinstance(label, dict):
        raise ProviderAnswerError("the answer has no label")
    if label.get("format") not in LABEL_FORMATS:
        raise ProviderAnswerError(f"label.format {label.get('format')!r} is not A6 or A4")
    documents = label.get("documents")
    if not isinstance(documents, dict):
        raise ProviderAnswerError("the label has no documents")
    pdf = _b64(documents.get("pdf"), "label.documents.pdf")
    if not pdf.startswith(b"%PDF-"):
        raise ProviderAnswerError("label.documents.pdf is not a PDF")
    zpl = _b64(documents["zpl"], "label.documents.zpl") if documents.get("zpl") is not None else None
    return Label(
        carrier_key=_optional_text(data, "carrier_key"),
        carrier_name=_optional_text(data, "carrier_name"),
        tracking_code=_optional_text(data, "tracking_code"),
        tracking_url=_optional_text(data, "tracking_url"),
        format=label["format"],
        pdf=pdf,
        zpl=zpl,
    )


def _error_messages(body: Any) -> list[str]:
    if not isinstance(body, dict) or not isinstance(body.get("error_messages"), list):
        return []
    return [str(message).strip() for message in body["error_messages"] if str(message).strip()]


def post_shipment(
    url: str, username: str, password: str, payload: dict[str, Any], timeout: float = SHIPMENT_TIMEOUT
) -> Label | Refusal:
    """POST one shipment to the provider and return its label, or the refusal Picqer would show.

    A 4xx carries the provider's own messages to the user; anything else unexpected (5xx, timeout, no answer,
    unreadable JSON, no PDF) becomes Picqer's generic text.
    """
    import httpx  # lazily: the demo servers start with the app's window, before the app loads its HTTP stack

    try:
        # trust_env=False: a proxy from the environment must not sit between the demo and a loopback relay.
        with httpx.Client(timeout=timeout, trust_env=False) as client:
            response = client.post(
                url,
                content=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
                headers={"Content-Type": "application/json", "Accept": "application/json"},
                auth=(username, password),
            )
    except httpx.HTTPError:
        return Refusal(GENERIC_FAILURE)
    try:
        body = response.json()
    except ValueError:
        body = None
    if 400 <= response.status_code < 500:
        messages = _error_messages(body)
        return Refusal(CANNOT_CREATE + "; ".join(messages) if messages else GENERIC_FAILURE)
    if not 200 <= response.status_code < 300:
        return Refusal(GENERIC_FAILURE)
    try:
        return parse_label(body)
    except ProviderAnswerError:
        return Refusal(GENERIC_FAILURE)


def check_config_options(body: Any) -> list[dict[str, Any]]:
    """Check a config-options answer against the protocol's item schema (api-notes §4) and return its items.

    Raises ProviderAnswerError naming the first item that Picqer could not show as a profile setting.
    """
    if not isinstance(body, dict) or body.get("version") != PROTOCOL_VERSION:
        raise ProviderAnswerError('the answer is not {"version": "1.0", ...}')
    data = body.get("data")
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ProviderAnswerError("the answer has no data.items list")
    seen: set[str] = set()
    for index, item in enumerate(items):
        where = f"item {index}"
        if not isinstance(item, dict):
            raise ProviderAnswerError(f"{where} is not an object")
        key = item.get("key")
        if not isinstance(key, str) or not key:
            raise ProviderAnswerError(f"{where} has no key")
        where = f"item {key!r}"
        if key in seen:
            raise ProviderAnswerError(f"{where} appears twice")
        seen.add(key)
        if not isinstance(item.get("label"), str) or not item["label"]:
            raise ProviderAnswerError(f"{where} has no label")
        if item.get("description") is not None and not isinstance(item["description"], str):
            raise ProviderAnswerError(f"{where}: description is not a text")
        if "required" in item and not isinstance(item["required"], bool):
            raise ProviderAnswerError(f"{where}: required is not true/false")
        kind = item.get("type")
        if kind == "text":
            default = item.get("default_value")
            if default is not None and not isinstance(default, str):
                raise ProviderAnswerError(f"{where}: a text option's default is not a text")
            continue
        if kind != "list":
            raise ProviderAnswerError(f"{where}: type {kind!r} is not list or text")
        values = item.get("possible_values")
        if not isinstance(values, list) or not values:
            raise ProviderAnswerError(f"{where}: a list option has no possible_values")
        for value in values:
            if not isinstance(value, dict) or "value" not in value or not isinstance(value.get("label"), str):
                raise ProviderAnswerError(f"{where}: possible value {value!r} is not {{value, label}}")
        default = item.get("default_value")
        if default is not None and default not in [value["value"] for value in values]:
            raise ProviderAnswerError(f"{where}: default {default!r} is not one of its possible values")
    return items


def get_config_options(
    url: str, username: str, password: str, timeout: float = SHIPMENT_TIMEOUT
) -> list[dict[str, Any]]:
    """GET the provider's configuration options as Picqer does when a profile is edited, and check them.

    Raises ProviderAnswerError when the answer is not 200 with the protocol's shape, httpx.HTTPError when there is none.
    """
    import httpx  # lazily, as in post_shipment

    with httpx.Client(timeout=timeout, trust_env=False) as client:
        response = client.get(url, headers={"Accept": "application/json"}, auth=(username, password))
    if response.status_code != 200:
        raise ProviderAnswerError(f"config options answered HTTP {response.status_code}")
    try:
        body = response.json()
    except ValueError as exc:
        raise ProviderAnswerError("config options are not JSON") from exc
    return check_config_options(body)


def profile_problems(items: list[dict[str, Any]], profile_options: list[dict[str, Any]]) -> list[str]:
    """What Picqer's profile form could not hold: stored `{key, value}` pairs the provider's options do not offer.

    Values compare as text because the relay also accepts "1" for 1 (shared decisions, issue 13).
    """
    by_key = {item["key"]: item for item in items}
    problems: list[str] = []
    for option in profile_options:
        item = by_key.get(option["key"])
        if item is None:
            problems.append(f"{option['key']}: the provider offers no such option")
            continue
        value = option["value"]
        if item["type"] != "list" or value is None:
            continue
        if str(value) not in {str(possible["value"]) for possible in item["possible_values"]}:
            problems.append(f"{option['key']}: {value!r} is not one of its possible values")
    return problems
