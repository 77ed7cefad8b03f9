"""Fixtures for the demo-server tests: running servers and authenticated sync httpx clients."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from packstation.demo import DemoServers

SHIPMENT_CT = "application/vnd.shipment+json;charset=utf-8;version=1.1"


@pytest.fixture
def servers() -> Iterator[DemoServers]:
    with DemoServers(picklist_count=60, seed=7) as running:
        yield running


@pytest.fixture
def picqer(servers: DemoServers) -> Iterator[httpx.Client]:
    with httpx.Client(
        base_url=servers.picqer_url + "/",
        auth=(servers.picqer_api_key, ""),
        headers={"User-Agent": "PackStationTests (tests@example.com)"},
        timeout=5,
    ) as client:
        yield client


def myparcel_client(url: str, key: str) -> httpx.Client:
    return httpx.Client(
        base_url=url,
        headers={
            "User-Agent": "CustomApiCall/2 Python/3.11",
            "Authorization": "basic " + base64.b64encode(key.encode()).decode(),
        },
        timeout=5,
    )


@pytest.fixture
def myparcel(servers: DemoServers) -> Iterator[httpx.Client]:
    with myparcel_client(servers.myparcel_url, servers.myparcel_api_key) as client:
        yield client


@pytest.fixture
def myparcel_be(servers: DemoServers) -> Iterator[httpx.Client]:
    with myparcel_client(servers.myparcel_url, servers.myparcel_be_api_key) as client:
        yield client


@pytest.fixture
def samples_dir() -> Path:
    return Path(__file__).resolve().parents[3] / "tests" / "data" / "api" / "myparcel" / "docs" / "examples"


def nl_shipment(**changes: Any) -> dict[str, Any]:
    shipment: dict[str, Any] = {
        "reference_identifier": "P2024-00001",
        "recipient": {
            "cc": "NL",
            "city": "Utrecht",
            "street": "Hoofdstraat",
            "number": "12",
            "number_suffix": "A",
            "postal_code": "3511AB",
            "person": "Sanne de Vries",
            "email": "sanne@mail.example",
            "phone": "+31612345678",
        },
        "options": {"package_type": 1, "label_description": "WEB-100007"},
        "physical_properties": {"weight": 850},
        "carrier": 1,
    }
    for path, value in changes.items():
        target = shipment
        keys = path.split("__")
        for key in keys[:-1]:
            target = target[key]
        if value is None:
            target.pop(keys[-1], None)
        else:
            target[keys[-1]] = value
    return shipment


def create(client: httpx.Client, *shipments: dict[str, Any], content_type: str = SHIPMENT_CT) -> httpx.Response:
    body = json.dumps({"data": {"shipments": list(shipments)}})
    return client.post("/shipments", content=body, headers={"Content-Type": content_type})


@pytest.fixture
def make_nl() -> Any:
    """Factory of a valid domestic NL shipment; keyword `a__b=value` sets a nested field, None removes it."""
    return nl_shipment


@pytest.fixture
def post() -> Any:
    """POST /shipments with the documented content type (override with content_type=)."""
    return create
