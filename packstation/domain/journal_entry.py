"""What the shipment journal knows of one attempt to ship a picklist (a value type, no storage)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from packstation.domain.errors import PackstationError


class JournalStep(StrEnum):
    """A step the journal records, in the order the shipping flow reaches it, and the write-back sub-steps.

    The members up to DONE are what Journal.record accepts (see ports.Journal.record for their data). The
    `*_SENT` members are never recorded: the service marks a request sent before its reply, so a retry after a
    lost reply looks in Picqer before sending it a second time.
    """

    REFUSED = "refused"  # ends an entry too: the check before booking said no, nothing was sent
    CREATED = "created"
    LABEL = "label"
    PRINTED = "printed"
    PRINT_FAILED = "print_failed"
    RETURN_LABEL = "return_label"  # {"barcode", "shipment_id", "path"}: the related return booked with the parcel
    PACKING_LIST = "packing_list"  # {"printer", "job_id"}: Picqer's packing list went to the document printer
    PACKING_LIST_FAILED = "packing_list_failed"  # {"reason"}: it did not; the shipment went on without it
    COMMENT = "comment"
    ORDER_FIELD = "order_field"
    PICK_ALL = "pick_all"
    PICQER_SHIPMENT = "picqer_shipment"  # {"idshipment": N}: the Picqer shipment made for the parcel
    CLOSED = "closed"
    DONE = "done"
    COMMENT_SENT = "comment_sent"
    PICQER_SHIPMENT_SENT = "picqer_shipment_sent"


# The steps Journal.record accepts, in the order the shipping flow reaches them.
STEPS: tuple[JournalStep, ...] = tuple(s for s in JournalStep if not s.value.endswith("_sent"))


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
    return_barcode: str = ""  # the related return booked with the parcel ("return_label" step), if any
    data: dict[str, object] = field(default_factory=dict)  # the intent: profile, options, reference, weight

    @property
    def refused(self) -> bool:
        """True when the check before booking refused the shipment: it ended with nothing booked."""
        return JournalStep.REFUSED in self.steps

    def remaining(self) -> tuple[str, ...]:
        """Return, in the packer's words, what is left to do for an unfinished entry."""
        if self.finished:
            return ()
        done = set(self.steps)
        if JournalStep.CREATED not in done:
            return ("book the shipment (look it up by reference first)",)
        left: list[str] = []
        if not self.label_path:
            left.append("fetch the label")
        if JournalStep.PRINTED not in done:
            left.append("reprint the label")
        left.append("finish the Picqer write-back")
        return tuple(left)
