"""UI tests run on the Qt event loop (qasync), offscreen, so `async def` tests and qtbot share one loop."""

from __future__ import annotations

import asyncio
import dataclasses
import gc
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtWidgets import QApplication

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

SAMPLE_LABEL = (
    Path(__file__).resolve().parents[2]
    / "tests"
    / "data"
    / "labels"
    / "postnl_firstred_singlelabel_3S1234567890123.pdf"
)


def _png(width: int = 406, height: int = 609) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.fillRect(30, 400, 340, 90, QColor("black"))
    painter.drawText(30, 60, "PostNL  3SMYPA000000001")
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


class FakePicqer:
    """Picklists in memory; `gates` hold a lookup until the test releases it; `fail` raises once per method."""

    def __init__(self, picklists: list) -> None:
        self.picklists = {p.number: p for p in picklists}
        self.orders: dict = {}
        self.gates: dict[str, asyncio.Event] = {}
        self.fail: dict[str, Exception] = {}
        self.comments: list[tuple[int, str]] = []
        self.picks: list[tuple[int, object]] = []
        self.lookups: list[str] = []
        self.list_reads: list[str] = []  # "full" or "new" (sinceid), one per list read
        self.ignores_since_id = False  # a Picqer that answers every picklist whatever sinceid says
        self.shipments: list = []  # Picqer shipments (write-back mode picqer_shipment)

    def _maybe_fail(self, method: str) -> None:
        if method in self.fail:
            raise self.fail.pop(method)

    async def iter_picklists(self, status=None, warehouse_id=None, search=None, *, since_id=None, background=False):
        self._maybe_fail("iter_picklists")
        self.list_reads.append("new" if since_id is not None else "full")
        for picklist in list(self.picklists.values()):
            if since_id is not None and not self.ignores_since_id and picklist.id <= since_id:
                continue
            if status is None or picklist.status == status:
                await asyncio.sleep(0)
                yield picklist

    async def find_picklist(self, number: str):
        self.lookups.append(number)
        gate = self.gates.get(number)
        if gate is not None:
            await gate.wait()
        self._maybe_fail("find_picklist")
        return self.picklists.get(number)

    async def get_picklist(self, picklist_id: int):
        return next(p for p in self.picklists.values() if p.id == picklist_id)

    async def get_order(self, order_id: int):
        return self.orders.get(order_id)

    async def add_comment(self, picklist_id: int, text: str) -> None:
        self._maybe_fail("add_comment")
        self.comments.append((picklist_id, text))

    async def list_comments(self, picklist_id: int) -> list[str]:
        return [text for pid, text in self.comments if pid == picklist_id]

    async def set_order_field(self, order_id: int, order_field_id: int, value: str) -> None:
        return None

    async def pick_all(self, picklist_id: int) -> None:
        return None

    async def pick(self, picklist_id: int, picks, on_picked=None) -> None:
        for item in picks:
            self.picks.append((picklist_id, item))
            if on_picked is not None:
                on_picked(item)

    async def get_products(self, product_ids) -> dict:
        return {}

    async def get_parts(self, product_id: int) -> list:
        return []

    async def list_packagings(self) -> list:
        return []

    async def create_shipment(
        self, picklist_id: int, profile_id: int, weight_grams=None, parcel_weights=(), packaging_ids=()
    ):
        from packstation.domain.picklists import PicqerShipment

        self._maybe_fail("create_shipment")
        shipment = PicqerShipment(id=700 + len(self.shipments), picklist_id=picklist_id, profile_id=profile_id)
        self.shipments.append(shipment)
        return shipment

    async def list_shipments(self, picklist_id: int) -> list:
        return [s for s in self.shipments if s.picklist_id == picklist_id]

    async def list_shipping_providers(self) -> list:
        return []

    async def current_user(self):
        from packstation.domain.picklists import PicqerUser

        return PicqerUser(1, "station1", "Station 1")

    async def list_users(self, active_only: bool = True) -> list:
        from packstation.domain.picklists import PicqerUser

        return [PicqerUser(1, "station1", "Station 1"), PicqerUser(2, "station2", "Station 2")]

    def _set(self, picklist_id: int, **changes) -> None:
        import dataclasses

        for number, picklist in self.picklists.items():
            if picklist.id == picklist_id:
                self.picklists[number] = dataclasses.replace(picklist, **changes)

    async def assign(self, picklist_id: int, user_id: int) -> None:
        self._set(picklist_id, assigned_user_id=user_id)

    async def unassign(self, picklist_id: int) -> None:
        self._set(picklist_id, assigned_user_id=None)

    async def close_picklist(self, picklist_id: int) -> None:
        import dataclasses

        from packstation.domain.picklists import PicklistStatus

        for number, picklist in self.picklists.items():
            if picklist.id == picklist_id:
                self.picklists[number] = dataclasses.replace(
                    picklist, status=PicklistStatus.CLOSED, total_picked=picklist.total_products
                )


class FakeCarrier:
    def __init__(self) -> None:
        self.created: list = []
        self.existing: dict[str, list] = {}
        self.gate: asyncio.Event | None = None

    async def find_by_reference(self, reference: str) -> list:
        return list(self.existing.get(reference, []))

    async def create(self, request, *, looked_up: bool = False) -> list:
        from packstation.domain.shipments import Shipment

        if self.gate is not None:
            await self.gate.wait()
        shipment = Shipment(id=900 + len(self.created), reference=request.reference, carrier=request.carrier)
        self.created.append(request)
        return [shipment]

    async def get_shipment(self, shipment_id: int):
        import dataclasses

        from packstation.domain.shipments import Carrier, Shipment

        return dataclasses.replace(
            Shipment(id=shipment_id, reference="", carrier=Carrier.POSTNL), barcode=f"3SMYPA{shipment_id:09d}"
        )

    async def fetch_label(self, shipment_ids: list[int], label_format) -> bytes:
        return SAMPLE_LABEL.read_bytes()

    async def fetch_carrier_zpl(self, shipments) -> bytes | None:
        return None  # the UI tests print the converted PDF

    async def tracking_url(self, shipment) -> str:
        return f"https://postnl.nl/tracktrace/?B={shipment.barcode}"


class FakePrinter:
    name = "Zebra ZD421"

    def __init__(self) -> None:
        self.fail: list[Exception] = []
        self.sent: list[str] = []

    async def prepare(self, pdf: bytes):
        from packstation.domain.labels import PreparedLabel

        return PreparedLabel(b"^XA^XZ", "zpl", (_png(),), ("3SMYPA000000900",), ("3SMYPA000000900",))

    async def send(self, label, job_name: str):
        from packstation.domain.labels import PrintReceipt

        if self.fail:
            raise self.fail.pop(0)
        self.sent.append(job_name)
        return PrintReceipt(self.name, str(len(self.sent)))


class Station:
    """The fakes and the real service built on them."""

    def __init__(self, picklists: list) -> None:
        from packstation.domain.profiles import default_profiles
        from packstation.domain.shipments import Platform
        from packstation.services.shipping import ShippingService

        self.picqer = FakePicqer(picklists)
        self.carrier = FakeCarrier()
        self.printer = FakePrinter()
        profiles = default_profiles(Platform.MYPARCEL)
        import dataclasses

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

LABEL, DOCUMENT = "Zebra ZD421", "Brother HL-L2350DW"


@dataclasses.dataclass(frozen=True)
class Job:
    id: int
    name: str
    printer: str
    state: str
    error: str = ""
    conditions: tuple[str, ...] = ()
    created: float = 0.0
    updated: float = 0.0
    moved_to: Job | None = None


class FakeQueues:
    """PrintQueues in memory: actions change job states and notify listeners, like the real queues."""

    def __init__(self) -> None:
        now = time.time()
        self._jobs = [
            Job(1, "P2024-00123", LABEL, "printed", created=now - 300, updated=now - 298),
            Job(2, "P2024-00124", LABEL, "failed", "Paper out", ("paper_out",), now - 120, now - 119),
            Job(3, "P2024-00125", LABEL, "queued", "waiting for the printer", ("paper_out",), now - 60, now - 60),
            Job(4, "P2024-00126", LABEL, "failed", "Printer went away", (), now - 30, now - 29),
        ]
        self.listeners: list = []
        self.forget_listeners: list = []
        self.calls: list[tuple] = []
        self.status_answers = {LABEL: (False, ("paper_out",), "Paper out"), DOCUMENT: (True, (), "Ready")}
        self.status_gate: asyncio.Event | None = None
        self.status_calls = 0

    def printers(self) -> list[str]:
        return [LABEL, DOCUMENT]

    def jobs(self) -> list:
        return list(self._jobs)

    def subscribe(self, listener, on_forget=None) -> None:
        self.listeners.append(listener)
        if on_forget is not None:
            self.forget_listeners.append(on_forget)

    def _set(self, job_id: int, **changes) -> None:
        for i, job in enumerate(self._jobs):
            if job.id == job_id:
                self._jobs[i] = dataclasses.replace(job, updated=time.time(), **changes)
                for listener in self.listeners:
                    listener(self._jobs[i])

    def _add(self, job: Job) -> None:
        self._jobs.append(job)
        for listener in self.listeners:
            listener(job)

    def retry(self, job_id: int) -> None:
        self.calls.append(("retry", job_id))
        self._set(job_id, state="queued", error="", conditions=())

    def retry_failed(self) -> None:
        self.calls.append(("retry_failed",))
        for job in list(self._jobs):
            if job.state == "failed":
                self._set(job.id, state="queued", error="", conditions=())

    def reprint(self, job_id: int) -> None:
        self.calls.append(("reprint", job_id))
        original = next(j for j in self._jobs if j.id == job_id)
        self._add(dataclasses.replace(original, id=len(self._jobs) + 1, state="queued", error="", conditions=()))

    def cancel(self, job_id: int) -> bool:
        self.calls.append(("cancel", job_id))
        if next(j for j in self._jobs if j.id == job_id).state != "queued":
            return False
        self._set(job_id, state="cancelled")
        return True

    def redirect(self, job_id: int, printer: str) -> None:
        self.calls.append(("redirect", job_id, printer))
        self._set(job_id, printer=printer, state="queued", error="", conditions=())

    async def status(self, printer: str):
        self.status_calls += 1
        if self.status_gate is not None:
            await self.status_gate.wait()
        return self.status_answers[printer]


@pytest.fixture
def queues() -> FakeQueues:
    return FakeQueues()
