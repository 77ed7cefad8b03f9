"""The packing use case: open a picklist, book the shipment, fetch and print the label, tell Picqer."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum

from packstation.domain.errors import (
    AlreadyShipped,
    BarcodeCheckFailed,
    InvalidShipment,
    LabelError,
    PicklistNotFound,
    PicklistNotPackable,
)
from packstation.domain.journal_entry import JournalEntry
from packstation.domain.labels import PreparedLabel, PrintReceipt
from packstation.domain.mapping import Draft, build_request
from packstation.domain.picklists import Order, Picklist, PicklistStatus, PicqerUser
from packstation.domain.profiles import ShippingProfile, profile_for_picklist
from packstation.domain.shipments import Address, LabelFormat, Platform, Shipment, ShipmentRequest
from packstation.services.ports import Journal, LabelPrinter, PicklistSource, ShipmentCarrier

log = logging.getLogger(__name__)


MAX_CLAIM_SETTLE = 2.0  # seconds; a slower Picqer makes the claim wait longer, but never more than this


class Step(StrEnum):
    """The steps of one shipment, in order; a failed job resumes at the step that failed."""

    CHECK = "check"
    CREATE = "create"
    LABEL = "label"
    PREPARE = "prepare"
    PRINT = "print"
    WRITE_BACK = "write_back"
    DONE = "done"


@dataclass(frozen=True)
class WriteBackPolicy:
    """What to record in Picqer once the label is printed (each step can be switched off)."""

    comment: bool = True
    order_field_id: int | None = None  # a Picqer order field to hold the tracking code, if the admin names one
    pick_all: bool = True
    close: bool = True
    # Claim the picklist for this station's Picqer user before booking, so two benches never ship it twice.
    claim: bool = True


@dataclass(frozen=True)
class OpenedPicklist:
    """A picklist loaded for packing, with what MyParcel already has for it."""

    picklist: Picklist
    order: Order | None
    suggested_profile: ShippingProfile | None
    existing: tuple[Shipment, ...]
    platform: Platform
    today: date | None = None  # for refusing delivery dates in the past

    def draft(
        self,
        profile: ShippingProfile,
        option_values: Mapping[str, str],
        *,
        weight_grams: int | None = None,
        parcels: int = 1,
        address: Address | None = None,
    ) -> Draft:
        """Build the shipment request for the packer's choices, with its warnings and rule violations."""
        return build_request(
            self.picklist,
            self.order,
            profile,
            option_values,
            self.platform,
            weight_grams=weight_grams,
            parcels=parcels,
            address=address,
            today=self.today,
        )


@dataclass
class ShipmentJob:
    """One shipment on its way through the steps; kept by the caller so a failure can be retried."""

    opened: OpenedPicklist
    request: ShipmentRequest
    step: Step = Step.CHECK
    shipments: list[Shipment] = field(default_factory=list)
    label_pdf: bytes | None = None
    prepared: PreparedLabel | None = None
    receipt: PrintReceipt | None = None
    tracking_url: str = ""
    error: Exception | None = None
    written_back: set[str] = field(default_factory=set)  # write-back sub-steps already done
    reprint: bool = False
    print_label: bool = True  # False: book and store the label, but do not print it (headless --no-print)
    label_path: str = ""
    take_over: bool = False  # an admin explicitly takes a picklist claimed by another user
    # Print on the document (A4) printer instead of the label printer: customs labels (A4 only), or the
    # packer's choice when a barcode did not survive the conversion for the label printer.
    use_document_printer: bool = False
    entry_id: int | None = None  # the journal entry of this job
    checked: Picklist | None = None  # the picklist as re-read just before booking
    resumed: bool = False  # rebuilt from the journal: a shipment under its reference may be this job's own
    looked_up: bool = False  # MyParcel had nothing under the reference a moment ago (set by the check)
    # The label's conversion for a printer, started as soon as the PDF arrived (see _label).
    preparing: tuple[LabelPrinter, asyncio.Future[PreparedLabel]] | None = None
    additional: bool = False  # a further shipment for a picklist that already has one (packer confirmed)
    intent: dict[str, object] = field(default_factory=dict)

    @property
    def picklist(self) -> Picklist:
        return self.opened.picklist

    @property
    def barcodes(self) -> tuple[str, ...]:
        return tuple(s.barcode for s in self.shipments if s.barcode)


StepListener = Callable[[ShipmentJob], None]


class ShippingService:
    """Run the packing flow against the ports handed in by app.py."""

    def __init__(
        self,
        picklists: PicklistSource,
        carrier: ShipmentCarrier,
        printer: LabelPrinter,
        profiles: tuple[ShippingProfile, ...],
        platform: Platform,
        write_back: WriteBackPolicy | None = None,
        journal: Journal | None = None,
        document_printer: LabelPrinter | None = None,
        today: Callable[[], date] = date.today,
        now: Callable[[], datetime] = datetime.now,
        claim_settle: float = 0.05,
    ) -> None:
        self._picklists = picklists
        self._carrier = carrier
        self._printer = printer
        self.profiles = profiles
        self.platform = platform
        self.write_back = write_back or WriteBackPolicy()
        self._journal = journal
        self._document_printer = document_printer
        self._today = today
        self._now = now
        # Picqer has no compare-and-set: after assigning, wait before re-reading so that two stations
        # assigning at the same moment both see the same (last) winner. The least wait; see _check.
        self.claim_settle = claim_settle
        self._me: PicqerUser | None = None

    def iter_picklists(
        self,
        status: PicklistStatus | None = PicklistStatus.NEW,
        warehouse_id: int | None = None,
        search: str | None = None,
        *,
        updated_after: datetime | None = None,
        background: bool = False,
    ) -> AsyncIterator[Picklist]:
        """Yield the picklists Picqer has, page by page (see PicklistSource.iter_picklists)."""
        return self._picklists.iter_picklists(
            status=status, warehouse_id=warehouse_id, search=search, updated_after=updated_after, background=background
        )

    async def open_picklist(self, number: str) -> OpenedPicklist:
        """Load a picklist by its number, its order, and any shipment MyParcel already has for it."""
        picklist = await self._picklists.find_picklist(number)
        if picklist is None:
            raise PicklistNotFound(number)
        # The order and MyParcel's lookup only need the picklist: ask both at once (one round trip less per scan).
        lookup = asyncio.ensure_future(self._carrier.find_by_reference(picklist.number))
        try:
            order = await self._picklists.get_order(picklist.order_id) if picklist.order_id else None
        except BaseException:
            lookup.cancel()
            lookup.add_done_callback(lambda t: t.cancelled() or t.exception())  # nobody waits for it now
            raise
        existing = await lookup
        preferred = picklist.preferred_profile_id or (order.preferred_profile_id if order else None)
        return OpenedPicklist(
            picklist=picklist,
            order=order,
            suggested_profile=profile_for_picklist(self.profiles, preferred),
            existing=tuple(existing),
            platform=self.platform,
            today=self._today(),
        )

    def start(
        self,
        opened: OpenedPicklist,
        draft: Draft,
        *,
        profile: ShippingProfile | None = None,
        option_values: Mapping[str, str] | None = None,
    ) -> ShipmentJob:
        """Begin a shipment for a valid draft; refuse a second shipment for an already shipped picklist.

        The profile and option values are only recorded in the journal, to finish the job after a crash.
        """
        if draft.violations:
            raise InvalidShipment(draft.violations)
        if opened.existing:
            raise AlreadyShipped(opened.picklist.number, tuple(s.barcode for s in opened.existing if s.barcode))
        intent = booking_intent(draft.request, profile, option_values)
        return ShipmentJob(opened=opened, request=draft.request, intent=intent)

    def start_reprint(self, opened: OpenedPicklist, draft: Draft) -> ShipmentJob:
        """Print the label of the shipment MyParcel already has, without booking anything new."""
        job = ShipmentJob(opened=opened, request=draft.request, step=Step.LABEL, reprint=True)
        job.shipments = list(opened.existing)
        job.intent = {**intent_of(draft.request), "reprint": True}
        return job

    def start_additional(
        self,
        opened: OpenedPicklist,
        draft: Draft,
        *,
        profile: ShippingProfile | None = None,
        option_values: Mapping[str, str] | None = None,
    ) -> ShipmentJob:
        """Begin a further shipment for a picklist that already has one, after the packer confirmed it.

        It gets its own MyParcel reference (the picklist number plus the time), so it is never mistaken for
        the first shipment; the picklist may already be closed, and it is not closed again.
        """
        if draft.violations:
            raise InvalidShipment(draft.violations)
        reference = f"{opened.picklist.number}+{self._now():%Y%m%d%H%M%S}"
        request = replace(draft.request, reference=reference)
        intent = {**booking_intent(request, profile, option_values), "additional": True}
        return ShipmentJob(opened=opened, request=request, intent=intent, additional=True)

    async def picqer_profile_names(self) -> dict[int, str]:
        """Return Picqer's shipping-provider profile names by id (to show a picklist's preferred profile)."""
        return {p.id: p.name for p in await self._picklists.list_profiles()}

    async def stored_label(self, picklist_number: str) -> bytes | None:
        """Return the newest label this station stored for a picklist (to show it again), if it has one."""
        if self._journal is None:
            return None
        entries = [e for e in await self._journal.for_picklist(picklist_number) if e.label_path]
        if not entries:
            return None
        try:
            return await self._journal.label_bytes(entries[-1])
        except LabelError as exc:  # moved or damaged on disk: nothing to show, MyParcel still has it
            log.warning("The stored label of %s cannot be read: %s", picklist_number, exc)
            return None

    async def unfinished(self) -> list[JournalEntry]:
        """Shipments a crash or a failure left unfinished (to offer to the packer on start)."""
        return await self._journal.unfinished() if self._journal else []

    async def resume(self, entry: JournalEntry, profile: ShippingProfile | None = None) -> ShipmentJob:
        """Rebuild the job of an unfinished journal entry so `run` finishes it without booking twice."""
        opened = await self.open_picklist(entry.picklist_number)
        profile = profile or next(
            (p for p in self.profiles if p.name == entry.data.get("profile")), opened.suggested_profile
        )
        if profile is None:
            profile = self.profiles[0]
        options = entry.data.get("options")
        weight = entry.data.get("weight_grams")
        parcels = entry.data.get("parcels")
        draft = opened.draft(
            profile,
            {str(k): str(v) for k, v in options.items()} if isinstance(options, dict) else {},
            weight_grams=weight if isinstance(weight, int) else None,
            parcels=parcels if isinstance(parcels, int) else 1,
        )
        job = ShipmentJob(opened=opened, request=draft.request, entry_id=entry.id, intent=dict(entry.data))
        done = set(entry.steps)
        job.written_back = {s for s in ("comment", "order_field", "pick_all") if s in done}
        if "closed" in done:
            job.written_back.add("close")
            await self._record(job, "closed")
        if entry.shipment_ids:
            job.shipments = [await self._carrier.get_shipment(i) for i in entry.shipment_ids]
        elif opened.existing and job.request.parcels == 1:
            # Booked, but the crash came before the journal heard of it: MyParcel's reference is the truth.
            job.shipments = list(opened.existing)
        if not job.shipments:
            # Nothing known: book again; the reference lookup before creating reuses what MyParcel has.
            job.resumed = True
            job.step = Step.CHECK
        elif entry.label_path and self._journal is not None:
            job.label_pdf = await self._journal.label_bytes(entry)
            job.label_path = entry.label_path
            job.tracking_url = await self._carrier.tracking_url(job.shipments[0])
            if not entry.barcodes:
                found = {"path": job.label_path, "barcodes": list(job.barcodes), "tracking_url": job.tracking_url}
                await self._record(job, "label", found)
            job.step = Step.WRITE_BACK if "printed" in done else Step.PREPARE
        else:
            job.step = Step.LABEL
        job.resumed = True
        return job

    async def run(self, job: ShipmentJob, on_step: StepListener | None = None) -> ShipmentJob:
        """Take the job from its current step to DONE; on failure keep the step and raise the cause."""
        steps = {
            Step.CHECK: self._check,
            Step.CREATE: self._create,
            Step.LABEL: self._label,
            Step.PREPARE: self._prepare,
            Step.PRINT: self._print,
            Step.WRITE_BACK: self._write_back,
        }
        job.error = None
        order = list(Step)
        if self._journal is not None and job.entry_id is None:
            job.entry_id = await self._journal.begin(job.picklist.id, job.picklist.number, job.intent)
        while job.step is not Step.DONE:
            if on_step:
                on_step(job)
            try:
                await steps[job.step](job)
            except Exception as exc:
                job.error = exc
                log.warning("Shipment %s failed at %s: %s", job.picklist.number, job.step, exc)
                if job.step is Step.PRINT:
                    await self._record(job, "print_failed", {"reason": str(exc)})
                elif (
                    job.step is Step.CHECK and isinstance(exc, PicklistNotPackable | AlreadyShipped) and not job.resumed
                ):
                    # A definite no before anything was sent: the entry ends here, so the next start does not
                    # offer it as unfinished. A retry (an admin's take-over) opens an entry of its own.
                    await self._record(job, "refused", {"reason": str(exc)})
                    job.entry_id = None
                if on_step:
                    on_step(job)
                raise
            job.step = order[order.index(job.step) + 1]
        await self._record(job, "done")
        if on_step:
            on_step(job)
        return job

    async def _record(self, job: ShipmentJob, step: str, data: dict[str, object] | None = None) -> None:
        if self._journal is not None and job.entry_id is not None:
            await self._journal.record(job.entry_id, step, data)

    async def _station_user(self) -> PicqerUser:
        if self._me is None:
            self._me = await self._picklists.current_user()
        return self._me

    async def _holder_name(self, user_id: int) -> str:
        users = await self._picklists.list_users(active_only=False)
        user = next((u for u in users if u.id == user_id), None)
        return (user.full_name or user.username) if user else f"user {user_id}"

    async def release(self, opened: OpenedPicklist) -> None:
        """Give up this station's claim on a picklist the packer cancelled."""
        if not self.write_back.claim:
            return
        current = await self._picklists.get_picklist(opened.picklist.id)
        me = await self._station_user()
        if current.assigned_user_id == me.id and current.status is PicklistStatus.NEW:
            await self._picklists.unassign(current.id)

    async def _check(self, job: ShipmentJob) -> None:
        # Re-read just before booking: another station or the office may have closed or paused it meanwhile.
        current = await self._picklists.get_picklist(job.picklist.id)
        job.checked = current
        if not current.status.packable and not job.additional:
            raise PicklistNotPackable(current.number, current.status.value)
        if self.write_back.claim and not job.additional:
            me = await self._station_user()
            if current.assigned_user_id not in (None, me.id) and not job.take_over:
                holder = await self._holder_name(current.assigned_user_id)
                raise PicklistNotPackable(current.number, "claimed by another station", holder=holder)
            if current.assigned_user_id != me.id:
                loop = asyncio.get_running_loop()
                started = loop.time()
                await self._picklists.assign(current.id, me.id)
                # A rival's assignment lands at most about one round trip after it read the picklist free,
                # so two of ours (never less than claim_settle) are enough for both stations to see the winner.
                await asyncio.sleep(min(max(2 * (loop.time() - started), self.claim_settle), MAX_CLAIM_SETTLE))
                claimed = await self._picklists.get_picklist(current.id)
                job.checked = claimed
                if claimed.assigned_user_id != me.id:
                    holder = await self._holder_name(claimed.assigned_user_id) if claimed.assigned_user_id else ""
                    raise PicklistNotPackable(current.number, "claimed by another station", holder=holder)
        # Last, right before booking: a station whose claim was overtaken finds the other's shipment here.
        await self._refuse_foreign_shipment(job)

    async def _refuse_foreign_shipment(self, job: ShipmentJob) -> None:
        """Refuse to book when MyParcel already has a shipment under this reference that this job did not make."""
        if job.resumed:
            return  # the journal says this station tried this reference: what exists may be its own
        existing = await self._carrier.find_by_reference(job.request.parcel_references[0])
        if existing:
            raise AlreadyShipped(job.picklist.number, tuple(s.barcode for s in existing if s.barcode))
        job.looked_up = True

    async def _create(self, job: ShipmentJob) -> None:
        looked_up, job.looked_up = job.looked_up, False  # only the attempt right after the check may skip it
        job.shipments = await self._carrier.create(job.request, looked_up=looked_up)
        await self._record(job, "created", {"shipment_ids": [s.id for s in job.shipments]})

    async def _label(self, job: ShipmentJob) -> None:
        ids = [s.id for s in job.shipments]
        job.label_pdf = await self._carrier.fetch_label(ids, job.request.label_format)
        if self._journal is not None:
            job.label_path = await self._journal.save_label(job.picklist.number, ids, job.label_pdf)
        # Convert the label for the printer while the barcodes are read back: the two take about as long.
        if job.print_label:
            printer = self.printer_for(job)
            job.preparing = (printer, asyncio.ensure_future(printer.prepare(job.label_pdf)))
        try:
            # MyParcel assigns barcodes when the label is made: read them back now.
            job.shipments = [await self._carrier.get_shipment(s.id) for s in job.shipments]
            job.tracking_url = await self._carrier.tracking_url(job.shipments[0])
        except BaseException:
            self._drop_preparing(job)
            raise
        await self._record(
            job, "label", {"path": job.label_path, "barcodes": list(job.barcodes), "tracking_url": job.tracking_url}
        )

    def printer_for(self, job: ShipmentJob) -> LabelPrinter:
        """Return the printer this job's label goes to."""
        wants_document = job.use_document_printer or job.request.label_format is LabelFormat.A4
        if wants_document and self._document_printer is not None:
            return self._document_printer
        return self._printer

    @property
    def has_document_printer(self) -> bool:
        return self._document_printer is not None

    @staticmethod
    def _drop_preparing(job: ShipmentJob) -> None:
        if job.preparing is not None:
            _printer, task = job.preparing
            job.preparing = None
            task.cancel()
            # Retrieve its outcome so a failed conversion nobody waits for is not reported as lost.
            task.add_done_callback(lambda t: t.cancelled() or t.exception())

    async def _prepare(self, job: ShipmentJob) -> None:
        if not job.print_label:
            return
        assert job.label_pdf is not None
        printer = self.printer_for(job)
        started = job.preparing
        job.preparing = None
        if started is not None and started[0] is printer:
            job.prepared = await started[1]
        else:
            if started is not None:  # the packer chose another printer since: that conversion is of no use
                job.preparing = started
                self._drop_preparing(job)
            job.prepared = await printer.prepare(job.label_pdf)
        if job.prepared.missing_barcodes:
            raise BarcodeCheckFailed(job.prepared.missing_barcodes)

    async def _print(self, job: ShipmentJob) -> None:
        if not job.print_label:
            return
        assert job.prepared is not None
        job.receipt = await self.printer_for(job).send(job.prepared, job_name=job.picklist.number)
        await self._record(job, "printed", {"printer": job.receipt.printer, "job_id": job.receipt.job_id})

    async def _write_back(self, job: ShipmentJob) -> None:
        if job.reprint:
            return
        policy = self.write_back
        picklist = job.picklist
        # Each sub-step is remembered so a retry never adds a second comment.
        if policy.comment and "comment" not in job.written_back:
            # A lost reply may hide a comment Picqer stored: look before posting it a second time.
            maybe_posted = "comment_sent" in job.written_back or job.resumed
            if not (maybe_posted and await self._has_tracking_comment(picklist.id, job.barcodes)):
                job.written_back.add("comment_sent")
                await self._picklists.add_comment(picklist.id, tracking_comment(job))
            job.written_back.add("comment")
            await self._record(job, "comment")
        if policy.order_field_id and picklist.order_id and "order_field" not in job.written_back:
            await self._picklists.set_order_field(picklist.order_id, policy.order_field_id, ", ".join(job.barcodes))
            job.written_back.add("order_field")
            await self._record(job, "order_field")
        if job.additional:
            return  # the picklist was closed with its first shipment
        if policy.pick_all and "pick_all" not in job.written_back:
            # Nothing but this station touches a claimed picklist, so the re-read before booking still holds.
            current = job.checked or await self._picklists.get_picklist(picklist.id)
            if not current.all_picked:
                await self._picklists.pick_all(picklist.id)
            job.written_back.add("pick_all")
            await self._record(job, "pick_all")
        if policy.close and "close" not in job.written_back:
            current = await self._picklists.close_picklist(picklist.id)
            if current is None or current.status is not PicklistStatus.CLOSED:
                current = await self._picklists.get_picklist(picklist.id)  # confirm it reads back closed
            if current.status is not PicklistStatus.CLOSED:
                raise PicklistNotPackable(picklist.number, f"still {current.status.value} after closing")
            job.written_back.add("close")
            await self._record(job, "closed")

    async def _has_tracking_comment(self, picklist_id: int, barcodes: tuple[str, ...]) -> bool:
        if not barcodes:
            return False
        comments = await self._picklists.list_comments(picklist_id)
        return any(barcodes[0] in text for text in comments)


def intent_of(request: ShipmentRequest) -> dict[str, object]:
    """Return what the journal keeps of a request before anything is sent."""
    return {
        "reference": request.reference,
        "carrier": request.carrier.name,
        "weight_grams": request.weight_grams,
        "parcels": request.parcels,
        "cc": request.recipient.cc,
    }


def booking_intent(
    request: ShipmentRequest, profile: ShippingProfile | None, option_values: Mapping[str, str] | None
) -> dict[str, object]:
    """Return what the journal keeps to finish a booking after a crash: the request, profile and options."""
    intent = intent_of(request)
    if profile is not None:
        intent["profile"] = profile.name
    intent["options"] = dict(option_values or {})
    return intent


def tracking_comment(job: ShipmentJob) -> str:
    """Return the Picqer comment that records a MyParcel shipment (Picqer cannot attach it otherwise)."""
    carrier = job.request.carrier.name.replace("_", " ").title()
    if carrier == "Postnl":
        carrier = "PostNL"
    lines = [f"Shipped with {carrier} via MyParcel by packstation."]
    lines += [f"Barcode: {code}" for code in job.barcodes]
    if job.tracking_url:
        lines.append(f"Track & trace: {job.tracking_url}")
    return "\n".join(lines)
