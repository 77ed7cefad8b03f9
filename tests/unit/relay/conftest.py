"""A real relay (uvicorn in a thread) in front of the real demo MyParcel server, per test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from packstation.demo import DemoServers
from packstation.domain.shipments import Platform
from packstation.relay.config import AccountConfig, RelayConfig
from packstation.relay.embedded import RelayThread

USER = "picqer-shop"
PASSWORD = "relay-pass-7c1e9b"


@pytest.fixture
def demo() -> Iterator[DemoServers]:
    servers = DemoServers(picklist_count=1, rate_limits=False).start()
    yield servers
    servers.stop()


@pytest.fixture
def make_config(demo: DemoServers, tmp_path: Path) -> Callable[..., RelayConfig]:
    def make(**changes: Any) -> RelayConfig:
        account = AccountConfig(
            username=USER,
            myparcel_key=demo.myparcel_api_key,
            platform=Platform.MYPARCEL,
            password=PASSWORD,
            myparcel_base_url=demo.myparcel_url,
            allow_booking=changes.pop("allow_booking", True),
        )
        settings: dict[str, Any] = {"accounts": (account,), "database": f"sqlite:///{tmp_path / 'locks.sqlite3'}"}
        settings.update(changes)
        return RelayConfig(**settings)

    return make


@pytest.fixture
def start_relay(make_config: Callable[..., RelayConfig]) -> Iterator[Callable[..., RelayThread]]:
    started: list[RelayThread] = []

    def start(config: RelayConfig | None = None, **kwargs: Any) -> RelayThread:
        relay = RelayThread(config or make_config(), **kwargs)
        relay.start()
        started.append(relay)
        return relay

    yield start
    for relay in started:
        relay.stop()


@pytest.fixture
def relay(start_relay: Callable[..., RelayThread]) -> RelayThread:
    return start_relay()


@pytest.fixture
def client(relay: RelayThread) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=relay.base_url, auth=(USER, PASSWORD), timeout=30) as http:
        yield http


def booked(demo: DemoServers, reference: str) -> list[dict[str, Any]]:
    """The shipments the demo MyParcel holds under a reference."""
    return demo.myparcel.shipments_by_reference(reference)
