"""What app.py hands the settings dialog to choose by name: the Picqer lists (from the demo Picqer over loopback)
and the printers this computer sees (on a worker thread, so the window keeps drawing)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from packstation import app
from packstation.demo import DemoServers
from packstation.domain.printers import PrinterSearch


@pytest.fixture
def servers() -> Iterator[DemoServers]:
    demo = DemoServers().start()
    try:
        yield demo
    finally:
        demo.stop()


async def test_picqer_lists_come_by_name_with_the_key_as_typed(servers: DemoServers) -> None:
    url, key = servers.picqer_url, servers.picqer_api_key
    assert await app.load_picqer_order_fields(url, key) == {301: "Track & trace", 302: "Verzendmethode"}
    warehouses = await app.load_picqer_warehouses(url, key)
    assert warehouses[2811] == "Hoofdmagazijn Utrecht" and warehouses[2812] == "Winkel Antwerpen"
    assert await app.check_picqer_account(url, key)  # the shared client helper still answers the Test button


async def test_printers_are_searched_off_the_event_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    from packstation.printing import discovery

    searched_on: list[threading.Thread] = []

    def slow_search() -> PrinterSearch:
        searched_on.append(threading.current_thread())
        return PrinterSearch(problems=("USB not available: test",))

    monkeypatch.setattr(discovery, "find_printers", slow_search)
    search = await app.find_printers()
    assert search.problems == ("USB not available: test",)
    assert searched_on and searched_on[0] is not threading.main_thread()
