"""The small interfaces the services are written against; packstation.app hands in the concrete objects."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractContextManager
from typing import Protocol

from packstation.domain.documents import PackingStation
from packstation.domain.errors import QueueProblem
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
from packstation.domain.shipments import LabelFormat, Shipment, ShipmentRequest
from packstation.domain.waits import WaitListener
from packstation.domain.weighing import ScaleReading, ZeroMethod


class PicklistSource(Protocol):
    """Picqer, as far as the packing station needs it."""

    def iter_picklists(
        self,
        status: PicklistStatus | None = PicklistStatus.NEW,
        warehouse_id: int | None = None,
        search: str | None = None,
        *,
        since_id: int | None = None,
        background: bool = False,
    ) -> AsyncIterator[Picklist]:
        """Yield picklists page by page (Picqer pages of 100).

        `since_id`: only those with a higher idpicklist (Picqer's `sinceid`: created since, as ids grow).
        `background`: the pages wait behind every request a packer waits for.
        """
        ...

    async def find_picklist(self, number: str) -> Picklist | None:
        """Return the picklist with this human number (e.g. P2024-00123), or None."""
        ...

    async def get_picklist(self, picklist_id: int) -> Picklist: ...

    async def get_order(self, order_id: int) -> Order: ...

    async def packing_list_pdf(self, picklist_id: int) -> bytes:
        """Return Picqer's packing list PDF of a picklist (printed beside the label when the station wants it)."""
        ...

    async def list_packing_stations(self) -> list[PackingStation]:
        """Return Picqer's packing stations with the printer each keeps per role."""
        ...

    async def list_profiles(self) -> list[PicqerProfile]: ...

    async def list_shipping_providers(self) -> list[PicqerShippingProvider]:
        """Return the account's active shipping providers with their active profiles."""
        ...

    async def current_user(self) -> PicqerUser: ...

    async def list_users(self, active_only: bool = True) -> list[PicqerUser]: ...

    async def add_comment(self, picklist_id: int, text: str) -> None: ...

    async def list_comments(self, picklist_id: int) -> list[str]: ...

    async def set_order_field(self, order_id: int, order_field_id: int, value: str) -> None: ...

    async def pick_all(self, picklist_id: int) -> Picklist | None: ...

    async def pick(
        self, picklist_id: int, picks: Sequence[Pick], on_picked: Callable[[Pick], None] | None = None
    ) -> None:
        """Mark units of picklist lines picked, one line at a time; `on_picked` after each accepted one."""
        ...

    async def get_products(self, product_ids: Sequence[int]) -> dict[int, Product]:
        """Return these products by id (bundles with their parts); cached for the session."""
        ...

    async def get_parts(self, product_id: int) -> list[ProductPart]: ...

    async def list_packagings(self) -> list[Packaging]:
        """Return the account's active packagings (boxes) with their barcodes and sizes."""
        ...

    async def create_shipment(
        self,
        picklist_id: int,
        profile_id: int,
        weight_grams: int | None = None,
        parcel_weights: Sequence[int] = (),
        packaging_ids: Sequence[int | None] = (),
    ) -> PicqerShipment:
        """Create a Picqer shipment with this shipping-provider profile (Picqer asks the profile's provider).

        `packaging_ids`: the Picqer packaging (box) of each parcel, when the packer scanned one.

        Never sent blindly twice: after a lost reply implementations look at the picklist's shipments and
        return the one that was made. Raises ShipmentNotRegistered when the provider refused, in its words.
        """
        ...

    async def list_shipments(self, picklist_id: int) -> list[PicqerShipment]:
        """Return the Picqer shipments of a picklist, cancelled ones included."""
        ...

    async def close_picklist(self, picklist_id: int) -> Picklist | None:
        """Close the picklist; return it as Picqer answers, when Picqer answers with it."""
        ...

    async def assign(self, picklist_id: int, user_id: int) -> Picklist | None: ...

    async def unassign(self, picklist_id: int) -> Picklist | None: ...


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

    async def create_related_return(
        self, parent: Shipment, *, name: str, email: str, package_type: int = 1, printerless: bool = False
    ) -> int:
        """Book a related return of a registered (not concept) shipment; return the return shipment's id."""
        ...

    async def fetch_label(self, shipment_ids: list[int], label_format: LabelFormat) -> bytes:
        """Return the label PDF of these shipments (registers them at MyParcel)."""
        ...

    async def fetch_carrier_zpl(self, shipments: list[Shipment]) -> bytes | None:
        """Return the carrier's own ZPL label of these parcels (PostNL, bpost), or None where there is none.

        Called before fetch_label: bpost makes no ZPL once the PDF exists.
        """
        ...

    async def tracking_url(self, shipment: Shipment) -> str: ...


class StopWaiting(Protocol):
    """The switch of one job's retry waits."""

    @property
    def waiting(self) -> bool:
        """True while a request of the job waits before its next try."""
        ...

    def stop(self) -> bool:
        """End the wait in progress (the request raises WaitStopped); False when none is in progress."""
        ...


class WaitReports(Protocol):
    """The retry layer's waits (429 Retry-After, back-off after a 5xx, watching for a lost reply), per job."""

    def watching(self, listener: WaitListener) -> AbstractContextManager[StopWaiting]:
        """Report every wait of the requests made inside the block (this task and the tasks it starts)."""
        ...


class LabelPrinter(Protocol):
    """A printer role (label printer or document printer) with its transport behind it."""

    @property
    def name(self) -> str: ...

    async def prepare(self, pdf: bytes, carrier_zpl: bytes | None = None) -> PreparedLabel:
        """Convert the label for this printer (PDF to ZPL, or the PDF itself) off the UI thread.

        `carrier_zpl` is the carrier's own ZPL of the same label: a ZPL printer prints it as sent when its render
        holds the PDF's barcodes; other printers ignore it.
        """
        ...

    async def send(self, label: PreparedLabel, job_name: str) -> PrintReceipt:
        """Send a prepared label; raise a PrinterError subclass when it did not print.

        A queued printer whose printer is not ready (paper out) returns a receipt with `waiting` set instead:
        the job waits in its queue and prints by itself.
        """
        ...


class LabelStore(Protocol):
    """Keeps every label PDF on disk the moment it arrives: a paid label is never lost."""

    async def save_label(
        self, picklist_number: str, shipment_ids: list[int], pdf: bytes, *, attach: bool = True
    ) -> str:
        """Store the PDF and return where it is; attach=False keeps only the file (no journal entry of its own)."""
        ...


class Journal(LabelStore, Protocol):
    """Every step of every shipment, written before the next step starts (SQLite, see journal.py)."""

    async def begin(self, picklist_id: int, picklist_number: str, intent: dict[str, object]) -> int:
        """Record the intent to ship and return the entry id."""
        ...

    async def record(self, entry_id: int, step: JournalStep, data: dict[str, object] | None = None) -> None:
        """Record a completed step (one of journal_entry.STEPS).

        Steps: "created" {"shipment_ids": [...]}, "label" {"path": str, "barcodes": [...]}, "printed"
        {"printer": str, "job_id": str}, "print_failed" {"reason": str}, "comment", "order_field", "pick_all",
        "picqer_shipment" {"idshipment": int, "profile_id": int}, "closed", "done".
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


class PackProgress(Protocol):
    """Where the packing of each picklist stands (ticks, boxes, picks sent), kept across a restart."""

    async def save_pack_progress(self, picklist_id: int, picklist_number: str, state: dict[str, object]) -> None: ...

    async def pack_progress(self, picklist_id: int) -> dict[str, object] | None:
        """Return the last saved state of this picklist's packing, or None."""
        ...

    async def clear_pack_progress(self, picklist_id: int) -> None:
        """Forget a picklist's packing (shipped, or started over)."""
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
    def state(self) -> str: ...  # queued | sending | printed | failed | cancelled | printed_again

    @property
    def problem(self) -> QueueProblem | None: ...  # why it failed, was cancelled or is tried again (words: i18n)

    @property
    def conditions(self) -> tuple[str, ...]: ...  # paper_out, head_open, ... while it waits

    @property
    def created(self) -> float: ...  # epoch seconds

    @property
    def updated(self) -> float: ...

    @property
    def moved_to(self) -> PrintJobInfo | None: ...  # set when the job was moved to another printer (F8)


class PrintQueues(Protocol):
    """All printers' queues: what the print queue panel shows and the packer's actions on jobs."""

    def printers(self) -> list[str]: ...

    def jobs(self) -> Sequence[PrintJobInfo]:
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
        """Return (ready, condition codes, the printer's own detail for the log) for one printer (words: i18n)."""
        ...

    async def close(self) -> None:
        """Stop printing on exit; jobs still waiting are cancelled so every job ends in a final state."""
        ...


class LockStore(Protocol):
    """Leases on names, shared by every relay process that uses the same store (one booking per picklist)."""

    async def try_acquire(self, key: str, owner: str, lease_seconds: float) -> bool:
        """Take the lease on `key` for `owner` if nobody holds it or its lease ran out; tell whether it was taken."""
        ...

    async def release(self, key: str, owner: str) -> None:
        """Give the lease back (only if `owner` still holds it)."""
        ...

    async def check(self) -> None:
        """Raise when the store cannot be used (the relay's health check)."""
        ...

    async def close(self) -> None: ...


class ZplConverter(Protocol):
    """PDF label to ZPL for Picqer's label printers."""

    async def to_zpl(self, pdf: bytes, dpi: int) -> bytes:
        """Return one ZPL label per PDF page at `dpi`; raise LabelError when the PDF cannot be converted."""
        ...


class Scale(Protocol):
    """A scale (USB HID point of sale, serial Toledo, virtual); services/weighing.py keeps it read.

    Implementations never block the event loop: device I/O runs on worker threads.
    """

    @property
    def name(self) -> str: ...

    @property
    def connected(self) -> bool:
        """True while the scale is open and has not gone away."""
        ...

    async def open(self) -> None:
        """Find and open the scale; raise ScaleNotFound when it is not there (the service tries again later)."""
        ...

    def readings(self) -> AsyncIterator[ScaleReading]:
        """Yield readings in grams (opening the scale first when needed) until closed; raise ScaleDisconnected
        when the scale goes away. Every status is yielded: only `stable` readings are weights."""
        ...

    async def zero(self) -> ZeroMethod:
        """Zero the scale (on the scale itself, or in software where it cannot be told to); raise ScaleError when
        it cannot be done now (in motion, not connected)."""
        ...

    async def close(self) -> None: ...
