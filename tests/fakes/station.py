"""In-memory ports for the desk's screens (tests/ui): a whole station of picklists, a carrier, a printer, queues.

The services' tests use the smaller fakes beside this one (picqer.py: one picklist and the calls made on it;
carrier.py; printer.py); these hold many picklists and let a test hold or fail a call, as the windows need.
Each fake is checked against its port by mypy (`_satisfies_*` at the bottom; CI: mypy tests/fakes).
"""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path
from typing import Any

from packstation.domain.documents import PackingStation
from packstation.domain.errors import PrinterDisconnected, PrinterError, PrinterNotReady, QueueProblem, QueueProblemCode
from packstation.domain.journal_entry import JournalEntry, JournalStep
from packstation.domain.labels import PreparedLabel, PrintReceipt
from packstation.domain.packing import Packaging, Pick, Product, ProductPart
from packstation.domain.picklists import (
    Order,
    Picklist,
    PicklistStatus,
    PicqerProfile,
    PicqerShipment,
    PicqerShippingProvider,
    PicqerUser,
)
from packstation.domain.shipments import Carrier, LabelFormat, Shipment, ShipmentRequest
from packstation.services.ports import (
    Journal,
    LabelPrinter,
    PicklistSource,
    PrintJobInfo,
    PrintQueues,
    ShipmentCarrier,
)

SAMPLE_LABEL = (
    Path(__file__).resolve().parents[1] / "data" / "labels" / "postnl_firstred_singlelabel_3S1234567890123.pdf"
)


def label_image(width: int = 406, height: int = 609) -> bytes:
    """Return a label-sized PNG with a barcode-like bar, as the preview shows a prepared label."""
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
    # PySide6 takes the format as text at run time; its stub says bytes, which it refuses.
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    return bytes(data.data())


class FakeStationPicqer:
    """Picklists in memory; `gates` hold a lookup until the test releases it; `fail` raises once per method."""

    def __init__(self, picklists: list[Picklist]) -> None:
        self.picklists = {p.number: p for p in picklists}
        self.orders: dict[int, Order] = {}  # a picklist naming an order the test did not put here fails loudly
        self.gates: dict[str, asyncio.Event] = {}
        self.fail: dict[str, Exception] = {}
        self.comments: list[tuple[int, str]] = []
        self.picks: list[tuple[int, Pick]] = []
        self.lookups: list[str] = []
        self.list_reads: list[str] = []  # "full" or "new" (sinceid), one per list read
        self.ignores_since_id = False  # a Picqer that answers every picklist whatever sinceid says
        self.shipments: list[PicqerShipment] = []  # Picqer shipments (write-back mode picqer_shipment)

    def _maybe_fail(self, method: str) -> None:
        if method in self.fail:
            raise self.fail.pop(method)

    async def iter_picklists(
        self,
        status: PicklistStatus | None = None,
        warehouse_id: int | None = None,
        search: str | None = None,
        *,
        since_id: int | None = None,
        background: bool = False,
    ) -> AsyncIterator[Picklist]:
        self._maybe_fail("iter_picklists")
        self.list_reads.append("new" if since_id is not None else "full")
        for picklist in list(self.picklists.values()):
            if since_id is not None and not self.ignores_since_id and picklist.id <= since_id:
                continue
            if status is None or picklist.status == status:
                await asyncio.sleep(0)
                yield picklist

    async def find_picklist(self, number: str) -> Picklist | None:
        self.lookups.append(number)
        gate = self.gates.get(number)
        if gate is not None:
            await gate.wait()
        self._maybe_fail("find_picklist")
        return self.picklists.get(number)

    async def get_picklist(self, picklist_id: int) -> Picklist:
        return next(p for p in self.picklists.values() if p.id == picklist_id)

    async def get_order(self, order_id: int) -> Order:
        return self.orders[order_id]

    async def add_comment(self, picklist_id: int, text: str) -> None:
        self._maybe_fail("add_comment")
        self.comments.append((picklist_id, text))

    async def list_comments(self, picklist_id: int) -> list[str]:
        return [text for pid, text in self.comments if pid == picklist_id]

    async def set_order_field(self, order_id: int, order_field_id: int, value: str) -> None:
        return None

    async def pick_all(self, picklist_id: int) -> Picklist | None:
        return None

    async def pick(
        self, picklist_id: int, picks: Sequence[Pick], on_picked: Callable[[Pick], None] | None = None
    ) -> None:
        for item in picks:
            self.picks.append((picklist_id, item))
            if on_picked is not None:
                on_picked(item)

    async def get_products(self, product_ids: Sequence[int]) -> dict[int, Product]:
        return {}

    async def get_parts(self, product_id: int) -> list[ProductPart]:
        return []

    async def list_packagings(self) -> list[Packaging]:
        return []

    async def create_shipment(
        self,
        picklist_id: int,
        profile_id: int,
        weight_grams: int | None = None,
        parcel_weights: Sequence[int] = (),
        packaging_ids: Sequence[int | None] = (),
    ) -> PicqerShipment:
        self._maybe_fail("create_shipment")
        shipment = PicqerShipment(id=700 + len(self.shipments), picklist_id=picklist_id, profile_id=profile_id)
        self.shipments.append(shipment)
        return shipment

    async def list_shipments(self, picklist_id: int) -> list[PicqerShipment]:
        return [s for s in self.shipments if s.picklist_id == picklist_id]

    async def list_shipping_providers(self) -> list[PicqerShippingProvider]:
        return []

    async def list_profiles(self) -> list[PicqerProfile]:
        return []

    async def list_packing_stations(self) -> list[PackingStation]:
        return []

    async def packing_list_pdf(self, picklist_id: int) -> bytes:
        return SAMPLE_LABEL.read_bytes()  # any PDF: the desk's tests print it on a fake printer

    async def current_user(self) -> PicqerUser:
        return PicqerUser(1, "station1", "Station 1")

    async def list_users(self, active_only: bool = True) -> list[PicqerUser]:
        return [PicqerUser(1, "station1", "Station 1"), PicqerUser(2, "station2", "Station 2")]

    # Like a Picqer that answers these actions without the picklist: the service reads it again when it needs it.
    def _set(self, picklist_id: int, **changes: Any) -> None:
        for number, picklist in self.picklists.items():
            if picklist.id == picklist_id:
                self.picklists[number] = dataclasses.replace(picklist, **changes)

    async def assign(self, picklist_id: int, user_id: int) -> Picklist | None:
        self._set(picklist_id, assigned_user_id=user_id)
        return None

    async def unassign(self, picklist_id: int) -> Picklist | None:
        self._set(picklist_id, assigned_user_id=None)
        return None

    async def close_picklist(self, picklist_id: int) -> Picklist | None:
        for picklist in list(self.picklists.values()):
            if picklist.id == picklist_id:
                self._set(picklist_id, status=PicklistStatus.CLOSED, total_picked=picklist.total_products)
        return None


class FakeStationCarrier:
    """MyParcel in memory: `existing` shipments by reference, `gate` holds creation until the test sets it."""

    def __init__(self) -> None:
        self.created: list[ShipmentRequest] = []
        self.existing: dict[str, list[Shipment]] = {}
        self.gate: asyncio.Event | None = None

    async def find_by_reference(self, reference: str) -> list[Shipment]:
        return list(self.existing.get(reference, []))

    async def create(self, request: ShipmentRequest, *, looked_up: bool = False) -> list[Shipment]:
        if self.gate is not None:
            await self.gate.wait()
        shipment = Shipment(id=900 + len(self.created), reference=request.reference, carrier=request.carrier)
        self.created.append(request)
        return [shipment]

    async def get_shipment(self, shipment_id: int) -> Shipment:
        return dataclasses.replace(
            Shipment(id=shipment_id, reference="", carrier=Carrier.POSTNL), barcode=f"3SMYPA{shipment_id:09d}"
        )

    async def fetch_label(self, shipment_ids: list[int], label_format: LabelFormat) -> bytes:
        return SAMPLE_LABEL.read_bytes()

    async def fetch_carrier_zpl(self, shipments: list[Shipment]) -> bytes | None:
        return None  # the UI tests print the converted PDF

    async def create_related_return(
        self, parent: Shipment, *, name: str, email: str, package_type: int = 1, printerless: bool = False
    ) -> int:
        return 5000 + parent.id

    async def tracking_url(self, shipment: Shipment) -> str:
        return f"https://postnl.nl/tracktrace/?B={shipment.barcode}"


class FakeStationPrinter:
    """A label printer that keeps the job names it printed; `fail` raises its errors one send at a time."""

    name = "Zebra ZD421"

    def __init__(self) -> None:
        self.fail: list[Exception] = []
        self.sent: list[str] = []

    async def prepare(self, pdf: bytes, carrier_zpl: bytes | None = None) -> PreparedLabel:
        return PreparedLabel(b"^XA^XZ", "zpl", (label_image(),), ("3SMYPA000000900",), ("3SMYPA000000900",))

    async def send(self, label: PreparedLabel, job_name: str) -> PrintReceipt:
        if self.fail:
            raise self.fail.pop(0)
        self.sent.append(job_name)
        return PrintReceipt(self.name, str(len(self.sent)))


LABEL, DOCUMENT = "Zebra ZD421", "Brother HL-L2350DW"


@dataclasses.dataclass(frozen=True)
class Job:
    id: int
    name: str
    printer: str
    state: str
    problem: QueueProblem | None = None
    conditions: tuple[str, ...] = ()
    created: float = 0.0
    updated: float = 0.0
    moved_to: Job | None = None


def _gave_up(error: PrinterError) -> QueueProblem:
    """The problem of a job the printer failed three times."""
    return QueueProblem(QueueProblemCode.GAVE_UP, (("attempts", "3"),), error)


class FakePrintQueues:
    """PrintQueues in memory: actions change job states and notify listeners, like the real queues."""

    def __init__(self) -> None:
        now = time.time()
        self._jobs = [
            Job(1, "P2024-00123", LABEL, "printed", created=now - 300, updated=now - 298),
            Job(
                2,
                "P2024-00124",
                LABEL,
                "failed",
                _gave_up(PrinterNotReady(LABEL, "paper out")),
                ("paper_out",),
                now - 120,
                now - 119,
            ),
            Job(3, "P2024-00125", LABEL, "queued", None, ("paper_out",), now - 60, now - 60),
            Job(
                4,
                "P2024-00126",
                LABEL,
                "failed",
                _gave_up(PrinterDisconnected(LABEL, "went away")),
                (),
                now - 30,
                now - 29,
            ),
        ]
        self.listeners: list[Callable[[PrintJobInfo], None]] = []
        self.forget_listeners: list[Callable[[PrintJobInfo], None]] = []
        self.calls: list[tuple[object, ...]] = []
        self.status_answers = {LABEL: (False, ("paper_out",), "Paper out"), DOCUMENT: (True, (), "Ready")}
        self.status_gate: asyncio.Event | None = None
        self.status_calls = 0

    def printers(self) -> list[str]:
        return [LABEL, DOCUMENT]

    def jobs(self) -> list[Job]:
        return list(self._jobs)

    def subscribe(
        self, listener: Callable[[PrintJobInfo], None], on_forget: Callable[[PrintJobInfo], None] | None = None
    ) -> None:
        self.listeners.append(listener)
        if on_forget is not None:
            self.forget_listeners.append(on_forget)

    def _set(self, job_id: int, **changes: Any) -> None:
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
        self._set(job_id, state="queued", problem=None, conditions=())

    def retry_failed(self) -> None:
        self.calls.append(("retry_failed",))
        for job in list(self._jobs):
            if job.state == "failed":
                self._set(job.id, state="queued", problem=None, conditions=())

    def reprint(self, job_id: int) -> None:
        self.calls.append(("reprint", job_id))
        original = next(j for j in self._jobs if j.id == job_id)
        self._add(dataclasses.replace(original, id=len(self._jobs) + 1, state="queued", problem=None, conditions=()))

    def cancel(self, job_id: int) -> bool:
        self.calls.append(("cancel", job_id))
        if next(j for j in self._jobs if j.id == job_id).state != "queued":
            return False
        self._set(job_id, state="cancelled")
        return True

    def redirect(self, job_id: int, printer: str) -> None:
        self.calls.append(("redirect", job_id, printer))
        self._set(job_id, printer=printer, state="queued", problem=None, conditions=())

    async def status(self, printer: str) -> tuple[bool, tuple[str, ...], str]:
        self.status_calls += 1
        if self.status_gate is not None:
            await self.status_gate.wait()
        return self.status_answers[printer]

    async def close(self) -> None:
        self.calls.append(("close",))


class FakeResumeJournal:
    """Just enough journal for resume: entries, steps recorded, labels stored."""

    def __init__(self, entries: list[JournalEntry]) -> None:
        self.entries = entries
        self.recorded: list[tuple[int, str]] = []

    async def begin(self, picklist_id: int, picklist_number: str, intent: dict[str, object]) -> int:
        return 99

    async def record(self, entry_id: int, step: JournalStep, data: dict[str, object] | None = None) -> None:
        self.recorded.append((entry_id, step))

    async def unfinished(self) -> list[JournalEntry]:
        return [e for e in self.entries if (e.id, "done") not in self.recorded]

    async def save_label(
        self, picklist_number: str, shipment_ids: list[int], pdf: bytes, *, attach: bool = True
    ) -> str:
        return f"/labels/{picklist_number}.pdf"

    async def label_bytes(self, entry: JournalEntry) -> bytes:
        return b""

    async def for_picklist(self, picklist_number: str) -> list[JournalEntry]:
        return []

    async def today(self) -> list[JournalEntry]:
        return []


def _satisfies_picqer_port(fake: FakeStationPicqer) -> PicklistSource:
    return fake  # mypy checks each fake against its port (CI: mypy tests/fakes)


def _satisfies_carrier_port(fake: FakeStationCarrier) -> ShipmentCarrier:
    return fake


def _satisfies_printer_port(fake: FakeStationPrinter) -> LabelPrinter:
    return fake


def _satisfies_queues_port(fake: FakePrintQueues) -> PrintQueues:
    return fake


def _satisfies_journal_port(fake: FakeResumeJournal) -> Journal:
    return fake
