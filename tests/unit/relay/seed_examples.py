"""The examples of Picqer's shipping-provider documentation, kept here so a clone alone runs them
(https://picqer.com/en/api/external-shipping-provider-integrations-technical)."""

from __future__ import annotations

import copy
from typing import Any

CONFIG_OPTIONS_EXAMPLE: dict[str, Any] = {
    "version": "1.0",
    "data": {
        "items": [
            {
                "key": "shipping_method",
                "label": "Shipping method",
                "description": None,
                "type": "list",
                "possible_values": [{"value": 29, "label": "DHLForYou"}, {"value": 928, "label": "DPD Global"}],
                "default_value": 928,
                "required": True,
            },
            {
                "key": "sender_address",
                "label": "Sender",
                "description": "Used as sender address on label",
                "type": "list",
                "possible_values": [
                    {"value": 92828, "label": "Picqer B.V., Meander 601, Arnhem"},
                    {"value": 273682, "label": "Karwei, Delta 39, Arnhem"},
                ],
                "default_value": 92828,
            },
            {
                "key": "insured",
                "label": "Insured",
                "description": None,
                "type": "list",
                "possible_values": [{"value": 0, "label": "No"}, {"value": 1, "label": "Yes"}],
                "default_value": 1,
            },
            {
                "key": "pickup_instructions",
                "label": "Pickup instructions",
                "description": None,
                "type": "text",
                "default_value": None,
            },
        ]
    },
}

# The seed's profile holds the example provider's own keys; the relay's keys replace them (shared-decisions.md).
SEED_PROFILE = [
    {"key": "shipping_method", "value": 29},
    {"key": "sender_address", "value": 92828},
    {"key": "insured", "value": 0},
    {"key": "pickup_instructions", "value": None},
]

SHIPMENT_EXAMPLE: dict[str, Any] = {
    "version": "1.0",
    "data": {
        "profile": SEED_PROFILE,
        "shipment": {
            "weight": 29388,
            "total_paid": 291.29,
            "value_of_goods": 199.99,
            "recipient": {
                "name": "Picqer B.V.",
                "contactname": None,
                "address": "Meander 251",
                "address2": None,
                "zipcode": "6825MC",
                "city": "Arnhem",
                "region": "Gelderland",
                "country": "nl",
                "emailaddress": "info@picqer.com",
                "telephone": None,
            },
            "references": {
                "reference": "wintersjaal #8928283",
                "orderid": "O2018-29230",
                "returnid": None,
                "picklistid": "P2018-29382",
            },
            "preferred_delivery_date": "2018-09-09",
            "pickup_point_data": [],
            "language": "nl",
        },
    },
}

SUCCESS_RESPONSE_EXAMPLE: dict[str, Any] = {
    "version": "1.0",
    "data": {
        "carrier_key": "postnl",
        "carrier_name": "PostNL",
        "tracking_code": "xx",
        "tracking_url": "https://example.com/XX",
        "label": {
            "format": "A6",
            "documents": {"pdf": "--BASE64 ENCODED VERSION OF PDF--", "zpl": "--BASE64 ENCODED VERSION OF ZPL--"},
        },
    },
}

ERROR_RESPONSE_EXAMPLE: dict[str, Any] = {
    "version": "1.0",
    "error_messages": ["Recipient country not allowed for this product.", "Zip code invalid for country NL"],
}

CUSTOMS_SHIPMENT_EXAMPLE: dict[str, Any] = {
    "version": "1.0",
    "data": {
        "profile": SEED_PROFILE,
        "shipment": {
            "weight": 29388,
            "total_paid": 291.29,
            "value_of_goods": 199.99,
            "recipient": {
                "name": "Picqer B.V.",
                "contactname": None,
                "address": "Meander 251",
                "address2": None,
                "zipcode": "6825MC",
                "city": "Geneva",
                "region": None,
                "country": "CH",
                "emailaddress": "info@picqer.com",
                "telephone": None,
            },
            "references": {
                "reference": "wintersjaal #8928283",
                "orderid": "O2018-29230",
                "returnid": None,
                "picklistid": "P2018-29382",
            },
            "preferred_delivery_date": "2018-09-09",
            "pickup_point_data": [],
            "language": "nl",
            "customs_data": {
                "products": [
                    {
                        "description": "Philips Hue Duo Pack",
                        "amount": 2,
                        "weight": 350,
                        "value": 29.99,
                        "hs_code": "288392",
                        "country_of_origin": "CN",
                    },
                    {
                        "description": "Philips Hue Remote",
                        "amount": 1,
                        "weight": 150,
                        "value": 49.95,
                        "hs_code": "928382",
                        "country_of_origin": "CN",
                    },
                ]
            },
        },
    },
}

CUSTOMS_RESPONSE_EXAMPLE: dict[str, Any] = {
    "version": "1.0",
    "data": {
        "carrier_key": "postnl",
        "carrier_name": "PostNL",
        "tracking_code": "xx",
        "tracking_url": "https://example.com/XX",
        "label": {"format": "A4", "documents": {"pdf": "--BASE64 ENCODED VERSION OF PDF--"}},
    },
}

RELAY_PROFILE = [
    {"key": "carrier", "value": 1},
    {"key": "package_type", "value": 1},
    {"key": "delivery_type", "value": 2},
    {"key": "signature", "value": 0},
    {"key": "insurance", "value": 0},
    {"key": "label_description", "value": None},
]


def shipment(
    picklist: str = "P2018-29382", *, customs: bool = False, language: str = "nl", profile: list[Any] | None = None
) -> dict[str, Any]:
    """Return a documentation example with the relay's profile keys (the examples' keys are another provider's)."""
    body = copy.deepcopy(CUSTOMS_SHIPMENT_EXAMPLE if customs else SHIPMENT_EXAMPLE)
    body["data"]["profile"] = copy.deepcopy(RELAY_PROFILE if profile is None else profile)
    body["data"]["shipment"]["references"]["picklistid"] = picklist
    body["data"]["shipment"]["language"] = language
    body["data"]["shipment"]["weight"] = 2938  # the seed's 29.4 kg is within limits, but a light parcel is typical
    return body


def same_shape(actual: Any, example: Any, path: str = "") -> list[str]:
    """Return where `actual` lacks a key of `example` or has another JSON type there (values may differ)."""
    problems = []
    if isinstance(example, dict):
        if not isinstance(actual, dict):
            return [f"{path or 'body'}: not an object"]
        for key, value in example.items():
            if key not in actual:
                problems.append(f"{path}.{key}: missing")
            else:
                problems += same_shape(actual[key], value, f"{path}.{key}")
    elif isinstance(example, list):
        if not isinstance(actual, list):
            return [f"{path}: not a list"]
        if example and actual:
            problems += same_shape(actual[0], example[0], f"{path}[0]")
    elif isinstance(example, str) and not isinstance(actual, str):
        problems.append(f"{path}: not a text")
    return problems
