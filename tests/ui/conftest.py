"""UI tests run on the Qt event loop (qasync), offscreen, so `async def` tests and qtbot share one loop."""

from __future__ import annotations

import asyncio
import dataclasses
import gc
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtWidgets import QApplication

from tests.fakes.station import (
    FakePrintQueues,
    FakeStationCarrier,
    FakeStationPicqer,
    FakeStationPrinter,
)

REPO = Path(__file__).resolve().parents[2]


def run_in_fresh_interpreter(code: str, tmp_path: Path, config: Path) -> str:
    """Run `code` in a new offscreen Python (nothing of this test process loaded) on its own data and settings;
    return its standard output, failing the test with its standard error when it does not exit 0."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PACKSTATION_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PACKSTATION_CONFIG": str(config),
    }
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _qt_loop() -> asyncio.AbstractEventLoop:
    app = QApplication.instance() or QApplication([])
    return qasync.QEventLoop(app)


def pytest_asyncio_loop_factories(
    config: pytest.Config, item: pytest.Item
) -> dict[str, Callable[[], asyncio.AbstractEventLoop]]:
    return {"qt": _qt_loop}


_HERE = Path(__file__).parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # The offscreen platform cannot size native windows and says so for every dialog; that is not our warning.
    for item in items:
        if _HERE in Path(item.path).parents:
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))


async def _wait_for(predicate: Callable[[], object], within: float = 5.0) -> None:
    """Poll on the running loop until `predicate()` is true (qtbot.waitUntil would nest the loop and hang)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not predicate():
        if loop.time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.01)


@pytest.fixture(autouse=True)
def _free_qt_objects_on_the_qt_thread() -> Iterator[None]:
    """Collect each test's cyclic garbage here, on the Qt thread.

    Otherwise a collection that a later test's demo-server thread happens to run may destroy a dialog's or a
    controller's timers from that thread ("QObject::~QObject: Timers cannot be stopped from another thread"), which
    fails that later test (seen: test_settings_dialog.py followed by test_waits.py, on main as well).
    """
    yield
    gc.collect()


@pytest.fixture
def wait_for() -> Callable[..., object]:
    """Return the coroutine function that awaits a condition on the Qt loop."""
    return _wait_for


# --- a station on fakes: the real ShippingService over in-memory ports --------------------------------


class Station:
    """The fakes and the real service built on them."""

    def __init__(self, picklists: list) -> None:
        from packstation.domain.profiles import default_profiles
        from packstation.domain.shipments import Platform
        from packstation.services.shipping import ShippingService

        self.picqer = FakeStationPicqer(picklists)
        self.carrier = FakeStationCarrier()
        self.printer = FakeStationPrinter()
        profiles = default_profiles(Platform.MYPARCEL)

        # Link the first profile to Picqer profile 7, as an admin would.
        profiles = (dataclasses.replace(profiles[0], picqer_profile_ids=(7,)), *profiles[1:])
        self.service = ShippingService(
            self.picqer, self.carrier, self.printer, profiles, Platform.MYPARCEL, claim_settle=0.0
        )


def sample_picklists(count: int = 12) -> list:
    from packstation.domain.picklists import DeliveryAddress, Picklist, PicklistLine, PicklistStatus

    people = [
        ("Jansen Tuinmeubelen", "Anna Jansen", "Kerkstraat 12A", "1017 GC", "Amsterdam", "NL"),
        ("Bakkerij De Vries", "Piet de Vries", "Hoofdweg 3-5", "9711 AB", "Groningen", "NL"),
        ("", "Lotte Peeters", "Grote Markt 7 bus 3", "2000", "Antwerpen", "BE"),
        ("", "Sanne Visser", "Laan van Meerdervoort 1000", "2564 AZ", "Den Haag", "NL"),
        ("Fietsenmaker Bos", "Kees Bos", "Dorpsstraat 44", "3732 HJ", "De Bilt", "NL"),
        ("", "Emma Mertens", "Veldstraat 112", "9000", "Gent", "BE"),
        ("", "Daan Smit", "Plein 1940 2", "2511 CR", "Den Haag", "NL"),
        ("Koffie & Co", "Noah Mulder", "Oudegracht 158 bis", "3511 AZ", "Utrecht", "NL"),
    ]
    result = []
    for n in range(count):
        company, contact, line, postal, city, cc = people[n % len(people)]
        result.append(
            Picklist(
                id=500 + n,
                number=f"P2024-{123 + n:05d}",
                status=PicklistStatus.NEW,
                delivery=DeliveryAddress(
                    name=company or contact,
                    contact=contact,
                    address_line=line,
                    postal_code=postal,
                    city=city,
                    country=cc,
                    email=f"{contact.split()[0].lower()}@example.nl",
                ),
                lines=(
                    PicklistLine("MOK-01", "Mok aardewerk blauw", amount=1 + n % 3, weight_grams=350),
                    PicklistLine("ONZ-12", "Onderzetters (set van 4)", amount=1, weight_grams=120),
                ),
                warehouse_id=1,
                urgent=n % 5 == 1,
                weight_grams=470 + 350 * (n % 3),
                preferred_profile_id=7 if n % 2 == 0 else None,
                total_products=2 + n % 3,
            )
        )
    return result


@pytest.fixture
def station() -> Station:
    return Station(sample_picklists())


# --- print queues in memory -------------------------------------------------------------------------


@pytest.fixture
def queues() -> FakePrintQueues:
    return FakePrintQueues()
