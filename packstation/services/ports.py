"""The small interfaces the services are written against; app.py hands in the concrete objects."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import datetime
from typing import Protocol

from packstation.domain.journal_entry import JournalEntry
from packstation.domain.labels import PreparedLabel, PrintReceipt
from packstation.domain.picklists import Order, Picklist, PicklistStatus, PicqerProfile, PicqerUser
from packstation.domain.shipments import LabelFormat, Shipment, ShipmentRequest


class PicklistSource(Protocol):
    """Picqer, as far as the packing station needs it."""

    def iter_picklists(
        self,
        status: PicklistStatus | None = PicklistStatus.NEW,
        warehouse_id: int | None = None,
        search: str | None = None,
        *,
        updated_after: datetime | None = None,
        background: bool = False,
    ) -> AsyncIterator[Picklist]:
        """Yield picklists page by page (Picqer pages of 100).

        `updated_after`: only those Picqer changed after this stamp (one of Picklist.updated). `background`: the
        pages wait behind every request a packer waits for.
        """
        ...

    async def find_picklist(self, number: str) -> Picklist | None:
        """Return the picklist with this human number (e.g. P2024-00123), or None."""
        ...

    async def get_picklist(self, picklist_id: int) -> Picklist: ...

    async def get_order(self, order_id: int) -> Order: ...

    async def list_profiles(self) -> list[PicqerProfile]: ...

    async def current_user(self) -> PicqerUser: ...

    async def list_users(self, active_only: bool = True) -> list[PicqerUser]: ...

    async def add_comment(self, picklist_id: int, text: str) -> None: ...

    async def list_comments(self, picklist_id: int) -> list[str]: ...

    async def set_order_field(self, order_id: int, order_field_id: int, value: str) -> None: ...

    async def pick_all(self, picklist_id: int) -> Picklist | None: ...

    async def close_picklist(self, picklist_id: int) -> Picklist | None:
        """Close the picklist; return it as Picqer answers, when Picqer answers with it."""
        ...

    async def assign(self, picklist_id: int, user_id: int) -> Picklist | None: ...

    async def unassign(self, picklist_id: int) -> None: ...


class ShipmentCarrier(Protocol):
    """MyParcel (either platform)."""

    async def find_by_reference(self, reference: str) -> list[Shipment]:
        """Return the shipments whose reference_identifier is exactly `reference`."""
        ...

    async def create(self, request: ShipmentRequest, *, looked_up: bool = False) -> list[Shipment]:
        """Create the shipment (and its secondary parcels); return one Shipment per parcel.

        Idempotent: implementations look the references up before any retry and reuse what exists.
        `looked_up` says the caller found nothing under the reference a moment ago, which saves the first
        lookup; the lookups after a timeout or lost reply always happen.
        """
        ...

    async def get_shipment(self, shipment_id: int) -> Shipment: ...

    async def fetch_label(self, shipment_ids: list[int], label_format: LabelFormat) -> bytes:
        """Return the label PDF of these shipments (registers them at MyParcel)."""
        ...

    async def tracking_url(self, shipment: Shipment) -> str: ...


class LabelPrinter(Protocol):
    """A printer role (label printer or document printer) with its transport behind it."""

    @property
    def name(self) -> str: ...

    async def prepare(self, pdf: bytes) -> PreparedLabel:
        """Convert the label for this printer (PDF to ZPL, or the PDF itself) off the UI thread."""
        ...

    async def send(self, label: PreparedLabel, job_name: str) -> PrintReceipt:
        """Send a prepared label; raise a PrinterError subclass when it did not print."""
        ...


class LabelStore(Protocol):
    """Keeps every label PDF on disk the moment it arrives: a paid label is never lost."""

    async def save_label(self, picklist_number: str, shipment_ids: list[int], pdf: bytes) -> str:
        """Store the PDF and return where it is."""
        ...


class Journal(LabelStore, Protocol):
    """Every step of every shipment, written before the next step starts (SQLite, see journal.py)."""

    async def begin(self, picklist_id: int, picklist_number: str, intent: dict[str, object]) -> int:
        """Record the intent to ship and return the entry id."""
        ...

    async def record(self, entry_id: int, step: str, data: dict[str, object] | None = None) -> None:
        """Record a completed step.

        Steps: "created" {"shipment_ids": [...]}, "label" {"path": str, "barcodes": [...]}, "printed"
        {"printer": str, "job_id": str}, "print_failed" {"reason": str}, "comment", "order_field", "pick_all",
        "closed", "done".
        """
        ...

    async def unfinished(self) -> list[JournalEntry]:
        """Entries that did not reach "done" (to resume or offer to the packer after a crash)."""
        ...

    async def for_picklist(self, picklist_number: str) -> list[JournalEntry]: ...

    async def today(self) -> list[JournalEntry]: ...

    async def label_bytes(self, entry: JournalEntry) -> bytes:
        """Return the stored label PDF of an entry (reprint without any network)."""
        ...


class PrintJobInfo(Protocol):
    """One print job as the print queue panel shows it."""

    @property
    def id(self) -> int: ...

    @property
    def name(self) -> str: ...  # the picklist number

    @property
    def printer(self) -> str: ...

    @property
    def state(self) -> str: ...  # queued | sending | printed | failed | cancelled

    @property
    def error(self) -> str: ...  # why it failed, or why it waits

    @property
    def conditions(self) -> tuple[str, ...]: ...  # paper_out, head_open, ... while it waits

    @property
    def created(self) -> float: ...  # epoch seconds

    @property
    def updated(self) -> float: ...


class PrintQueues(Protocol):
    """All printers' queues: what the print queue panel shows and the packer's actions on jobs."""

    def printers(self) -> list[str]: ...

    def jobs(self) -> list[PrintJobInfo]:
        """Every job of every printer, oldest first."""
        ...

    def subscribe(
        self, listener: Callable[[PrintJobInfo], None], on_forget: Callable[[PrintJobInfo], None] | None = None
    ) -> None:
        """Call `listener` on the loop whenever a job changes state, `on_forget` when an old finished job is
        dropped from the list (the queues keep a bounded number of printed and cancelled jobs)."""
        ...

    def retry(self, job_id: int) -> None: ...

    def retry_failed(self) -> None: ...

    def reprint(self, job_id: int) -> None: ...

    def cancel(self, job_id: int) -> bool:
        """Cancel a job still waiting to be sent; False when it is not waiting (printing, printed, failed)."""
        ...

    def redirect(self, job_id: int, printer: str) -> None:
        """Move a job (e.g. from a printer out of paper) to another printer."""
        ...

    async def status(self, printer: str) -> tuple[bool, tuple[str, ...], str]:
        """Return (ready, conditions, message in plain English) for one printer."""
        ...
