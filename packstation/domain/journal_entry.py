"""What the shipment journal knows of one attempt to ship a picklist (a value type, no storage)."""

from __future__ import annotations

from dataclasses import dataclass, field

from packstation.domain.errors import PackstationError

# The steps Journal.record accepts, in the order the shipping flow reaches them.
STEPS = (
    "refused",
    "created",
    "label",
    "printed",
    "print_failed",
    "return_label",  # {"barcode", "shipment_id", "path"}: the related return shipment booked with the parcel
    "packing_list",  # {"printer", "job_id"}: Picqer's packing list went to the document printer
    "packing_list_failed",  # {"reason"}: it did not; the shipment went on without it
    "comment",
    "order_field",
    "pick_all",
    "picqer_shipment",  # {"idshipment": N}: the shipment Picqer made for the parcel (write-back mode picqer_shipment)
    "closed",
    "done",
)
FINISHED_STEP = "done"
# Ends an entry too: the check before booking said no (closed, paused, another station's), nothing was sent.
REFUSED_STEP = "refused"


class JournalUnavailable(PackstationError):
    """The shipment journal cannot be opened or written (folder not writable, disk full, closed)."""


@dataclass(frozen=True)
class JournalEntry:
    """What the journal knows of one shipment attempt for a picklist."""

    id: int
    picklist_id: int
    picklist_number: str
    station: str
    created_at: str  # ISO 8601, local time of the station
    steps: tuple[str, ...]  # steps completed, in order (see Journal.record)
    shipment_ids: tuple[int, ...] = ()
    barcodes: tuple[str, ...] = ()
    label_path: str = ""
    print_error: str = ""
    finished: bool = False
    picqer_shipment_id: int | None = None  # the Picqer shipment registered for it ("picqer_shipment" step)
    data: dict[str, object] = field(default_factory=dict)  # the intent: profile, options, reference, weight

    @property
    def refused(self) -> bool:
        """True when the check before booking refused the shipment: it ended with nothing booked."""
        return REFUSED_STEP in self.steps

    def remaining(self) -> tuple[str, ...]:
        """Return, in the packer's words, what is left to do for an unfinished entry."""
        if self.finished:
            return ()
        done = set(self.steps)
        if "created" not in done:
            return ("book the shipment (look it up by reference first)",)
        left: list[str] = []
        if not self.label_path:
            left.append("fetch the label")
        if "printed" not in done:
            left.append("reprint the label")
        left.append("finish the Picqer write-back")
        return tuple(left)
