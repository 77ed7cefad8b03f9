"""The packing use case: open a picklist, book the shipment, fetch and print the label, tell Picqer."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum

from packstation.domain.documents import PackingListRule
from packstation.domain.errors import (
    AlreadyShipped,
    BarcodeCheckFailed,
    InvalidShipment,
    LabelError,
    PackingListNotPrinted,
    PackstationError,
    PicklistNotFound,
    PicklistNotPackable,
    ReturnLabelNotMade,
)
from packstation.domain.journal_entry import JournalEntry, JournalStep
from packstation.domain.labels import PreparedLabel, PrintReceipt
from packstation.domain.mapping import Draft, build_request
from packstation.domain.picklists import (
    Order,
    Picklist,
    PicklistStatus,
    PicqerShipment,
    PicqerUser,
    WriteBackMode,
    shipment_made_with,
)
from packstation.domain.profiles import ShippingProfile, printerless_offered, profile_for_picklist, return_label_offered
from packstation.domain.shipments import Address, LabelFormat, Platform, ReturnLabel, Shipment, ShipmentRequest
from packstation.domain.waits import Wait
from packstation.services.background import BackgroundTasks
from packstation.services.ports import (
    Journal,
    LabelPrinter,
    PicklistSource,
    ShipmentCarrier,
    StopWaiting,
    WaitReports,
)

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


class JobKind(StrEnum):
    """What a shipment job does; the kind decides which steps run and what the check and write-back allow."""

    BOOK = "book"  # a new shipment for a picklist MyParcel has none for
    REPRINT = "reprint"  # print the label of a shipment MyParcel already has: nothing is booked or written back
    ADDITIONAL = "additional"  # a further shipment for a picklist that already has one (the packer confirmed)
    # Rebuilt from an unfinished journal entry: a shipment under its reference may be this job's own.
    RESUME = "resume"


@dataclass(frozen=True)
class WriteBackPolicy:
    """What to record in Picqer once the label is printed (each step can be switched off)."""

    comment: bool = True
    order_field_id: int | None = None  # a Picqer order field to hold the tracking code, if the admin names one
    pick_all: bool = True
    close: bool = True
    # Claim the picklist for this station's Picqer user before booking, so two benches never ship it twice.
    claim: bool = True
    mode: WriteBackMode = WriteBackMode.COMMENT
    picqer_profile_id: int | None = None  # the Picqer profile pointing at the relay (mode PICQER_SHIPMENT)

    @property
    def registers_shipment(self) -> bool:
        """True when each parcel becomes a Picqer shipment; without a profile the comment is written instead."""
        return self.mode == WriteBackMode.PICQER_SHIPMENT and bool(self.picqer_profile_id)


@dataclass(frozen=True)
class PackerChoices:
    """What the packer set for a shipment: the profile with its option values, and the weight, parcels and address
    from the inputs. The window hands these over as one value (see OpenedPicklist.draft_for)."""

    profile: ShippingProfile
    option_values: Mapping[str, str]
    weight_grams: int | None = None  # None: the picklist's own weight
    parcels: int = 1
    address: Address | None = None  # the address as the packer checked or typed it; None: split Picqer's line


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
        return self.draft_for(PackerChoices(profile, option_values, weight_grams, parcels, address))

    def draft_for(self, choices: PackerChoices) -> Draft:
        """Build the shipment request for the packer's choices, with its warnings and rule violations."""
        return build_request(
            self.picklist,
            self.order,
            choices.profile,
            choices.option_values,
            self.platform,
            weight_grams=choices.weight_grams,
            parcels=choices.parcels,
            address=choices.address,
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
    carrier_zpl: bytes | None = None  # the carrier's own ZPL of the label (PostNL, bpost), printed as sent
    prepared: PreparedLabel | None = None
    receipt: PrintReceipt | None = None
    tracking_url: str = ""
    error: Exception | None = None
    kind: JobKind = JobKind.BOOK
    written_back: set[JournalStep] = field(default_factory=set)  # write-back sub-steps already done
    print_label: bool = True  # False: book and store the label, but do not print it (headless --no-print)
    label_path: str = ""
    take_over: bool = False  # an admin explicitly takes a picklist claimed by another user
    entry_id: int | None = None  # the journal entry of this job
    checked: Picklist | None = None  # the picklist as re-read just before booking
    looked_up: bool = False  # MyParcel had nothing under the reference a moment ago (set by the check)
    # The label's conversion for a printer, started as soon as the PDF arrived (see _label).
    preparing: tuple[LabelPrinter, asyncio.Future[PreparedLabel]] | None = None
    # The barcodes and tracking link MyParcel assigned with the label, read back while the label prints (see
    # _label); `unread` stays True until they are in (a failed read-back is started again by the retry).
    reading_back: asyncio.Future[tuple[list[Shipment], str]] | None = None
    unread: bool = False
    intent: dict[str, object] = field(default_factory=dict)
    picqer_shipment_id: int | None = None  # the Picqer shipment registered for this parcel (picqer_shipment mode)
    waits: StopWaiting | None = None  # while it runs: the switch that ends a retry wait (see stop_waiting)
    # Picqer's packing list, printed once beside the label when the station's rule wants it (see _packing_list);
    # a failure is kept here for the packer, never raised: the label and the write-back go on.
    packing_list_tried: bool = False
    packing_list_problem: PackingListNotPrinted | None = None
    # The related return (request.return_label), booked and printed once after the parcel's label; like the
    # packing list, a failure is kept for the packer and never stops the parcel.
    return_tried: bool = False
    return_shipment: Shipment | None = None
    return_printerless: bool = False  # MyParcel mails the customer a code instead of a printed label
    return_problem: ReturnLabelNotMade | None = None

    @property
    def return_barcode(self) -> str:
        return self.return_shipment.barcode if self.return_shipment is not None else ""

    runs: int = 0  # how often `run` took it on: the first run announces a label the job brought along
    listener: EventListener | None = None  # while it runs: who hears its events (see ShippingService.run)

    @property
    def picklist(self) -> Picklist:
        return self.opened.picklist

    @property
    def reprint(self) -> bool:
        """True when the job only prints a label MyParcel already has (the window words its end differently)."""
        return self.kind is JobKind.REPRINT

    @property
    def barcodes(self) -> tuple[str, ...]:
        return tuple(s.barcode for s in self.shipments if s.barcode)

    @property
    def registered_in_picqer(self) -> bool:
        """True when Picqer holds a shipment for this parcel (not only a comment)."""
        return self.picqer_shipment_id is not None

    @property
    def waiting(self) -> bool:
        """True while the running job waits for an API to let it try again (429, 5xx, a lost reply)."""
        return self.waits is not None and self.waits.waiting

    def stop_waiting(self) -> bool:
        """Stop the job at its step during a retry wait; what is done is kept and `run` goes on from there.

        The job fails with WaitStopped. Only a wait is ended, never a request on its way, so a retry (F12)
        resumes cleanly: the booking step looks the reference up first and never books a second label.
        False when the job is not waiting.
        """
        return self.waits is not None and self.waits.stop()


# The write-back sub-steps a resumed job takes over from its journal entry as done.
_WRITE_BACK_STEPS = (
    JournalStep.COMMENT,
    JournalStep.ORDER_FIELD,
    JournalStep.PICK_ALL,
    JournalStep.PICQER_SHIPMENT,
    JournalStep.CLOSED,
)


# What `ShippingService.run` tells its listener, in order: StepStarted per step; LabelFetched and LabelPrepared as
# soon as there is a label to show; then Finished, or StepFailed (the job keeps the step, a retry starts there).
@dataclass(frozen=True, slots=True)  # slots: several are made for every shipment
class StepStarted:
    step: Step  # the steps before it are done


@dataclass(frozen=True, slots=True)
class StepFailed:
    step: Step
    error: Exception


@dataclass(frozen=True, slots=True)
class LabelFetched:
    pdf: bytes  # fetched from MyParcel, or kept from before (a resumed job, a reprint)


@dataclass(frozen=True, slots=True)
class LabelPrepared:
    prepared: PreparedLabel  # converted for its printer: what the preview shows


@dataclass(frozen=True, slots=True)
class Finished:
    job: ShipmentJob  # holds the barcodes, the receipt and what was written back


ShipmentEvent = StepStarted | StepFailed | LabelFetched | LabelPrepared | Finished
EventListener = Callable[[ShipmentEvent], None]
WaitHeard = Callable[[ShipmentJob, Wait], None]


@dataclass(frozen=True)
class ShipOrder:
    """What to ship without a window (the CLI, the self-test): a picklist and the choices a packer would make."""

    number: str
    profile_name: str | None = None  # None: the profile the picklist names
    weight_grams: int | None = None
    parcels: int = 1
    print_label: bool = True


class UnknownProfile(PackstationError):
    """No shipping profile has the name asked for."""

    def __init__(self, name: str, available: tuple[str, ...]) -> None:
        super().__init__(f"no shipping profile named {name!r}")
        self.name, self.available = name, available


class NoProfileChosen(PackstationError):
    """The picklist names no shipping profile and none was asked for."""

    def __init__(self, number: str, available: tuple[str, ...]) -> None:
        super().__init__(f"{number} names no shipping profile")
        self.number, self.available = number, available


class AddressNotConfirmed(PackstationError):
    """The address can be read in more than one way and the caller did not confirm the reading."""

    def __init__(self, opened: OpenedPicklist, draft: Draft) -> None:
        super().__init__(f"the address of {opened.picklist.number} can be read in more than one way")
        self.opened, self.draft = opened, draft


# Asked when an address splits in more than one way: True books it as read (the window asks the packer instead).
AddressConfirmation = Callable[[OpenedPicklist, Draft], bool]


class ShippingService:
    """Run the packing flow against the ports handed in by packstation.app (wiring.py)."""

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
        waits: WaitReports | None = None,
        packing_list: PackingListRule | None = None,
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
        self._waits = waits  # None: waits happen, but nobody hears of them and they cannot be stopped
        self.packing_list = packing_list or PackingListRule()
        # Claims made when a picklist was opened, by picklist id: each resolves to the loop time after which a
        # re-read shows the winner of a race (see open_picklist and _check).
        self._open_claims: dict[int, asyncio.Future[float]] = {}
        # Claims at open, claims given back, labels converting and barcodes read back: cancelled by aclose().
        self._background = BackgroundTasks()

    async def aclose(self) -> None:
        """Cancel the work this service still runs in the background and wait for its end (before the clients close).

        A claim cut off here either reached Picqer or not (its assign cannot be taken back): the picklist is then
        this station's, as after any exit with a claimed picklist open, or still free; the next open claims it
        again or finds it held by this station, and F12's re-read decides either way. A give-back cut off leaves
        the claim in place, the same. A label conversion or a read-back cut off belongs to a job the journal
        keeps unfinished.
        """
        self._open_claims.clear()
        await self._background.close()

    def iter_picklists(
        self,
        status: PicklistStatus | None = PicklistStatus.NEW,
        warehouse_id: int | None = None,
        *,
        since_id: int | None = None,
        background: bool = False,
    ) -> AsyncIterator[Picklist]:
        """Yield the picklists Picqer has, page by page, for the picklist list (see PicklistSource.iter_picklists).

        Picqer's text search is not offered here: a scanned number opens its picklist through open_picklist.
        """
        return self._picklists.iter_picklists(
            status=status, warehouse_id=warehouse_id, since_id=since_id, background=background
        )

    async def open_picklist(self, number: str, *, claim: bool = False) -> OpenedPicklist:
        """Load a picklist by its number, its order, and any shipment MyParcel already has for it.

        With `claim` (the packer scanned it to pack it) a free picklist is also assigned to this station's
        Picqer user, in the background: the claim's settle then runs while the packer packs, and F12 only
        re-reads it (see _check). Give it back with `leave` when the packer goes without shipping.
        """
        picklist = await self._picklists.find_picklist(number)
        if picklist is None:
            raise PicklistNotFound(number)
        claiming = self._claim_at_open(picklist) if claim else None
        # The order and MyParcel's lookup only need the picklist: ask both at once (one round trip less per scan).
        lookup = asyncio.ensure_future(self._carrier.find_by_reference(picklist.number))
        try:
            order = await self._picklists.get_order(picklist.order_id) if picklist.order_id else None
            existing = await lookup
        except BaseException:
            lookup.cancel()
            lookup.add_done_callback(lambda t: t.cancelled() or t.exception())  # nobody waits for it now
            if claiming is not None:  # a newer scan replaced this one, or the open failed: give the claim back
                self._background.start(self._give_back(picklist.id, claiming))
            raise
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
        job = ShipmentJob(opened=opened, request=draft.request, step=Step.LABEL, kind=JobKind.REPRINT)
        job.shipments = list(opened.existing)
        job.intent = {**intent_of(draft.request), "reprint": True}
        return job

    def start_reprint_of(self, shipped: ShipmentJob) -> ShipmentJob:
        """Print the label of a shipment this station just finished again, from what it kept (no network)."""
        opened = replace(shipped.opened, existing=tuple(shipped.shipments))
        job = ShipmentJob(
            opened=opened, request=shipped.request, kind=JobKind.REPRINT, shipments=list(shipped.shipments)
        )
        job.label_pdf, job.label_path, job.prepared = shipped.label_pdf, shipped.label_path, shipped.prepared
        # The label as printed is at hand: print it; without it, fetch it from MyParcel like any reprint.
        job.step = Step.PRINT if shipped.prepared is not None else Step.LABEL
        job.intent = {**intent_of(shipped.request), "reprint": True}
        return job

    def start_additional(self, opened: OpenedPicklist, draft: Draft) -> ShipmentJob:
        """Begin a further shipment for a picklist that already has one, after the packer confirmed it.

        It gets its own MyParcel reference (the picklist number plus the time), so it is never mistaken for
        the first shipment; the picklist may already be closed, and it is not closed again. Its journal entry
        keeps the request, marked additional.
        """
        if draft.violations:
            raise InvalidShipment(draft.violations)
        reference = f"{opened.picklist.number}+{self._now():%Y%m%d%H%M%S}"
        request = replace(draft.request, reference=reference)
        intent = {**booking_intent(request, None, None), "additional": True}
        return ShipmentJob(opened=opened, request=request, intent=intent, kind=JobKind.ADDITIONAL)

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

    async def unfinished_for(self, picklist_number: str) -> JournalEntry | None:
        """Return this station's newest booked but unfinished shipment of a picklist (printing or the Picqer
        update left to do), so a rescan can finish it; None when there is none or no journal."""
        if self._journal is None:
            return None
        entries = await self._journal.for_picklist(picklist_number)
        booked = [
            e for e in entries if not e.finished and not e.refused and e.shipment_ids and not e.data.get("reprint")
        ]
        return booked[-1] if booked else None

    async def resume(self, entry: JournalEntry, profile: ShippingProfile | None = None) -> ShipmentJob:
        """Rebuild the job of an unfinished journal entry so `run` finishes it without booking twice."""
        opened = await self.open_picklist(entry.picklist_number)
        draft = opened.draft(
            profile or self._profile_of(entry, opened),
            _options_of(entry),
            weight_grams=_int_or_none(entry.data.get("weight_grams")),
            parcels=_int_or_none(entry.data.get("parcels")) or 1,
        )
        request = draft.request.with_boxes_record(entry.data.get("boxes"))  # each packed box's own weight
        job = ShipmentJob(
            opened=opened, request=request, entry_id=entry.id, intent=dict(entry.data), kind=JobKind.RESUME
        )
        done = set(entry.steps)
        job.written_back = {s for s in _WRITE_BACK_STEPS if s in done}
        job.picqer_shipment_id = entry.picqer_shipment_id
        if JournalStep.CLOSED in done:
            await self._record(job, JournalStep.CLOSED)
        job.shipments = await self._shipments_of(entry, job)
        if not job.shipments:
            # Nothing known: book again; the reference lookup before creating reuses what MyParcel has.
            job.step = Step.CHECK
        elif entry.label_path and self._journal is not None:
            await self._resume_from_stored_label(job, entry)
        else:
            job.step = Step.LABEL
        return job

    async def _shipments_of(self, entry: JournalEntry, job: ShipmentJob) -> list[Shipment]:
        """The shipments an entry booked, as MyParcel has them now; none when it booked nothing (yet)."""
        if entry.shipment_ids:
            return [await self._carrier.get_shipment(i) for i in entry.shipment_ids]
        if job.opened.existing and job.request.parcels == 1:
            # Booked, but the crash came before the journal heard of it: MyParcel's reference is the truth.
            return list(job.opened.existing)
        return []

    def _profile_of(self, entry: JournalEntry, opened: OpenedPicklist) -> ShippingProfile:
        """The profile an entry was started with; else the picklist's, else the first."""
        named = next((p for p in self.profiles if p.name == entry.data.get("profile")), None)
        return named or opened.suggested_profile or self.profiles[0]

    async def _resume_from_stored_label(self, job: ShipmentJob, entry: JournalEntry) -> None:
        assert self._journal is not None
        job.label_pdf = await self._journal.label_bytes(entry)
        job.label_path = entry.label_path
        job.tracking_url = await self._carrier.tracking_url(job.shipments[0])
        if not entry.barcodes:
            found: dict[str, object] = {
                "path": job.label_path,
                "barcodes": list(job.barcodes),
                "tracking_url": job.tracking_url,
            }
            await self._record(job, JournalStep.LABEL, found)
        job.step = Step.WRITE_BACK if JournalStep.PRINTED in entry.steps else Step.PREPARE

    async def ship_or_resume(
        self,
        order: ShipOrder,
        *,
        confirm_address: AddressConfirmation | None = None,
        on_event: EventListener | None = None,
        on_wait: WaitHeard | None = None,
    ) -> ShipmentJob:
        """Ship a picklist to the end, or finish this station's unfinished shipment of it (never books twice).

        An earlier run that stopped half-way (killed, crashed, printer or network down) is finished from where
        it stopped, with the choices it was started with. Otherwise the order's profile (or the picklist's
        own) is booked; a doubtful address split is booked only when `confirm_address` says so, and the journal
        keeps the confirmed reading. Raises UnknownProfile, NoProfileChosen, AddressNotConfirmed before
        anything is sent, and what `run` raises.
        """
        opened = await self.open_picklist(order.number)
        unfinished = [e for e in await self.unfinished() if e.picklist_number == opened.picklist.number]
        if unfinished:
            job = await self.resume(unfinished[-1])
        else:
            job = self._start_order(opened, order, confirm_address)
        job.print_label = order.print_label
        return await self.run(job, on_event=on_event, on_wait=on_wait)

    def _start_order(
        self, opened: OpenedPicklist, order: ShipOrder, confirm_address: AddressConfirmation | None
    ) -> ShipmentJob:
        profile = self._profile_named(opened, order.profile_name)
        draft = opened.draft(profile, {}, weight_grams=order.weight_grams, parcels=order.parcels)
        doubtful = draft.split.ok and draft.split.ambiguous
        if doubtful:
            if confirm_address is None or not confirm_address(opened, draft):
                raise AddressNotConfirmed(opened, draft)
            recipient = draft.request.recipient
            draft = opened.draft(profile, {}, weight_grams=order.weight_grams, parcels=order.parcels, address=recipient)
        job = self.start(opened, draft, profile=profile, option_values={})  # the journal keeps both
        if doubtful:
            job.intent["address_confirmed"] = True  # written to the journal with the intent, before booking
            job.intent["address"] = address_split(draft)
        return job

    def _profile_named(self, opened: OpenedPicklist, name: str | None) -> ShippingProfile:
        available = tuple(p.name for p in self.profiles)
        if name:
            matches = [p for p in self.profiles if p.name.casefold() == name.casefold()]
            if not matches:
                raise UnknownProfile(name, available)
            return matches[0]
        if opened.suggested_profile is None:
            raise NoProfileChosen(opened.picklist.number, available)
        return opened.suggested_profile

    async def run(
        self, job: ShipmentJob, on_event: EventListener | None = None, on_wait: WaitHeard | None = None
    ) -> ShipmentJob:
        """Take the job from its current step to DONE; on failure keep the step and raise the cause.

        `on_event` hears what happens, in order: StepStarted per step, LabelFetched and LabelPrepared as soon
        as there is a label to show, then Finished, or StepFailed before the cause is raised. `on_wait` hears
        each retry wait of the job's requests when it starts (what, why, how long), so the packer is not left
        looking at "Creating shipment…"; `job.stop_waiting()` ends one.
        """
        job.listener = on_event
        try:
            if self._waits is None:
                return await self._run_steps(job)
            with self._waits.watching(lambda wait: on_wait(job, wait) if on_wait else None) as waits:
                job.waits = waits
                try:
                    return await self._run_steps(job)
                finally:
                    job.waits = None
        finally:
            job.listener = None

    @staticmethod
    def _tell(job: ShipmentJob, event: ShipmentEvent) -> None:
        if job.listener is not None:
            job.listener(event)

    async def _run_steps(self, job: ShipmentJob) -> ShipmentJob:
        steps = {
            Step.CHECK: self._check,
            Step.CREATE: self._create,
            Step.LABEL: self._label,
            Step.PREPARE: self._prepare,
            Step.PRINT: self._print,
            Step.WRITE_BACK: self._write_back,
        }
        job.error = None
        job.runs += 1
        order = list(Step)
        if self._journal is not None and job.entry_id is None:
            job.entry_id = await self._journal.begin(job.picklist.id, job.picklist.number, job.intent)
        if job.runs == 1:  # a resumed job or a reprint brings its label along: show it from the start
            if job.label_pdf is not None:
                self._tell(job, LabelFetched(job.label_pdf))
            if job.prepared is not None:
                self._tell(job, LabelPrepared(job.prepared))
        while job.step is not Step.DONE:
            self._tell(job, StepStarted(job.step))
            try:
                await steps[job.step](job)
            except Exception as exc:
                job.error = exc
                log.warning("Shipment %s failed at %s: %s", job.picklist.number, job.step, exc)
                await self._record_failure(job, exc)
                self._tell(job, StepFailed(job.step, exc))
                raise
            job.step = order[order.index(job.step) + 1]
        if job.receipt is None or not job.receipt.waiting:
            # A label held for paper is not done until it prints (held_label_printed): should the app stop first,
            # the journal offers the shipment as unfinished and the label is printed then.
            await self._record(job, JournalStep.DONE)
        self._tell(job, Finished(job))
        return job

    async def _record_failure(self, job: ShipmentJob, exc: Exception) -> None:
        if job.step is Step.PRINT and job.print_label and job.receipt is None:
            await self._record(job, JournalStep.PRINT_FAILED, {"reason": str(exc)})
        elif (
            job.step is Step.CHECK
            and isinstance(exc, PicklistNotPackable | AlreadyShipped)
            and job.kind is not JobKind.RESUME
        ):
            # A definite no before anything was sent: the entry ends here, so the next start does not
            # offer it as unfinished. A retry (an admin's take-over) opens an entry of its own.
            await self._record(job, JournalStep.REFUSED, {"reason": str(exc)})
            job.entry_id = None

    async def held_label_printed(self, job: ShipmentJob, printer: str = "", job_id: str = "") -> None:
        """Record that a label held in the print queue (paper out) has printed; the shipment is done."""
        receipt = job.receipt
        if receipt is None or not receipt.waiting:
            return
        job.receipt = replace(receipt, printer=printer or receipt.printer, job_id=job_id or receipt.job_id, waiting=())
        await self._record(job, JournalStep.PRINTED, {"printer": job.receipt.printer, "job_id": job.receipt.job_id})
        await self._record(job, JournalStep.DONE)

    async def _record(self, job: ShipmentJob, step: JournalStep, data: dict[str, object] | None = None) -> None:
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

    def _claim_at_open(self, picklist: Picklist) -> asyncio.Future[float] | None:
        """Start assigning a free, packable picklist to this station's user; None when there is nothing to claim."""
        if not self.write_back.claim or not picklist.status.packable:
            return None
        if picklist.assigned_user_id is not None:
            # Held already: by this station (a rescan; its earlier claim, if any, still counts) or by another
            # one, which F12 refuses with the holder's name, as before.
            return None
        claiming = self._background.start(self._assign_and_time(picklist.id))  # a failed claim is F12's to redo
        self._open_claims[picklist.id] = claiming
        return claiming

    async def _assign_and_time(self, picklist_id: int) -> float:
        """Assign the picklist to this station's user; return the loop time after which a re-read shows the winner."""
        me = await self._station_user()
        loop = asyncio.get_running_loop()
        started = loop.time()
        await self._picklists.assign(picklist_id, me.id)
        assigned = loop.time()
        # A rival's assignment lands at most about one round trip after it read the picklist free, so two of
        # ours (never less than claim_settle) are enough for both stations to see the winner.
        return assigned + min(max(2 * (assigned - started), self.claim_settle), MAX_CLAIM_SETTLE)

    async def _give_back(self, picklist_id: int, claiming: asyncio.Future[float]) -> None:
        """Undo a claim made at open once its assign is through (the packer left; a courtesy, errors are logged)."""
        if self._open_claims.get(picklist_id) is claiming:
            del self._open_claims[picklist_id]
        try:
            await asyncio.shield(claiming)
        except Exception:
            return  # never assigned
        try:
            await self._release_id(picklist_id)
        except Exception as exc:
            log.warning("The claim on picklist %s could not be given back: %s", picklist_id, exc)

    async def leave(self, opened: OpenedPicklist) -> None:
        """The packer left this picklist without shipping: give back the claim made when it was opened, if any.

        A picklist this station held before it was opened keeps its assignment; errors are logged, not raised
        (the claim is a courtesy to the other stations).
        """
        claiming = self._open_claims.get(opened.picklist.id)
        if claiming is not None:
            await self._give_back(opened.picklist.id, claiming)

    async def release(self, opened: OpenedPicklist) -> None:
        """Give up this station's claim on a picklist the packer cancelled."""
        claiming = self._open_claims.pop(opened.picklist.id, None)
        if claiming is not None:
            with contextlib.suppress(Exception):  # an assign still on its way would land after the release
                await asyncio.shield(claiming)
        await self._release_id(opened.picklist.id)

    async def _release_id(self, picklist_id: int) -> None:
        if not self.write_back.claim:
            return
        current = await self._picklists.get_picklist(picklist_id)
        me = await self._station_user()
        if current.assigned_user_id == me.id and current.status is PicklistStatus.NEW:
            await self._picklists.unassign(current.id)

    async def _check(self, job: ShipmentJob) -> None:
        if await self._check_claimed_at_open(job):
            return
        # Re-read just before booking: another station or the office may have closed or paused it meanwhile.
        current = await self._picklists.get_picklist(job.picklist.id)
        await self._check_claim(job, current)

    async def _check_claimed_at_open(self, job: ShipmentJob) -> bool:
        """Check with the claim made when the picklist opened; False when there is none to rely on.

        Its settle ran while the packer packed: re-read and look MyParcel up at once (one round trip). When
        the claim failed or was overtaken, the re-read goes on to the check as before (it claims, or refuses).
        """
        if not await self._claim_at_open_settled(job):
            return False
        me = await self._station_user()
        current, existing = await self._reread_and_look_up(job)
        if current.assigned_user_id != me.id or not current.status.packable:
            # Overtaken, given back or closed meanwhile: the check as before decides (and looks MyParcel up
            # again after any new claim, so that lookup comes last before booking).
            self._open_claims.pop(job.picklist.id, None)
            await self._check_claim(job, current)
            return True
        job.checked = current
        if existing:
            raise AlreadyShipped(job.picklist.number, tuple(s.barcode for s in existing if s.barcode))
        job.looked_up = existing is not None
        self._open_claims.pop(job.picklist.id, None)  # used: the picklist is this station's to book
        return True

    async def _claim_at_open_settled(self, job: ShipmentJob) -> bool:
        """Wait for the claim made at open to settle; False when there is none to rely on for this job."""
        claiming = self._open_claims.get(job.picklist.id)
        if claiming is None or not self.write_back.claim or job.kind is JobKind.ADDITIONAL or job.take_over:
            return False
        try:
            settled_at = await asyncio.shield(claiming)
        except Exception:
            self._open_claims.pop(job.picklist.id, None)
            return False  # the assign at open failed: claim now
        loop = asyncio.get_running_loop()
        if settled_at > loop.time():  # F12 within a moment of the scan: the rest of the settle is waited here
            await asyncio.sleep(settled_at - loop.time())
        return True

    async def _reread_and_look_up(self, job: ShipmentJob) -> tuple[Picklist, list[Shipment] | None]:
        """Re-read the picklist and look its reference up in MyParcel at once (None: not looked up)."""
        if job.kind is JobKind.RESUME:  # what MyParcel has may be this job's own: the booking step decides
            return await self._picklists.get_picklist(job.picklist.id), None
        current, existing = await asyncio.gather(
            self._picklists.get_picklist(job.picklist.id),
            self._carrier.find_by_reference(job.request.parcel_references[0]),
        )
        return current, existing

    async def _check_claim(self, job: ShipmentJob, current: Picklist) -> None:
        """The check before booking on a freshly read picklist: packable, claimed for this station, not booked."""
        job.checked = current
        if not current.status.packable and job.kind is not JobKind.ADDITIONAL:
            raise PicklistNotPackable(current.number, current.status.value)
        if self.write_back.claim and job.kind is not JobKind.ADDITIONAL:
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
        if job.kind is JobKind.RESUME:
            return  # the journal says this station tried this reference: what exists may be its own
        existing = await self._carrier.find_by_reference(job.request.parcel_references[0])
        if existing:
            raise AlreadyShipped(job.picklist.number, tuple(s.barcode for s in existing if s.barcode))
        job.looked_up = True

    async def _create(self, job: ShipmentJob) -> None:
        looked_up, job.looked_up = job.looked_up, False  # only the attempt right after the check may skip it
        job.shipments = await self._carrier.create(job.request, looked_up=looked_up)
        await self._record(job, JournalStep.CREATED, {"shipment_ids": [s.id for s in job.shipments]})

    async def _label(self, job: ShipmentJob) -> None:
        ids = [s.id for s in job.shipments]
        # The carrier's own ZPL before the PDF (bpost makes none once the PDF exists); the PDF is still what is
        # stored, and what Picqer and a reprint on paper use.
        job.carrier_zpl = await self._carrier_zpl(job)
        job.label_pdf = await self._carrier.fetch_label(ids, job.request.label_format)
        self._tell(job, LabelFetched(job.label_pdf))
        # Convert the label for the printer at once. MyParcel assigns the barcodes when the label is made; they
        # only feed the journal and the write-back, so they are read back while the label converts and prints
        # (_print waits for them, after sending).
        if job.print_label:
            printer = self.printer_for(job)
            job.preparing = (printer, self._background.start(self._prepare_for(printer, job)))
        self._start_reading_back(job)
        try:
            if self._journal is not None:
                job.label_path = await self._journal.save_label(job.picklist.number, ids, job.label_pdf)
            # The path now, the barcodes once read: a crash in between resumes from the stored label, and
            # `resume` reads the barcodes back itself.
            await self._record(job, JournalStep.LABEL, {"path": job.label_path})
        except BaseException:
            self._drop_preparing(job)
            self._drop_reading_back(job)
            raise

    def _start_reading_back(self, job: ShipmentJob) -> None:
        async def read_back() -> tuple[list[Shipment], str]:
            shipments = list(await asyncio.gather(*(self._carrier.get_shipment(s.id) for s in job.shipments)))
            return shipments, await self._carrier.tracking_url(shipments[0])

        job.unread = True
        # A failure nobody waits for (the job abandoned before printing) is not reported as lost;
        # _finish_reading_back still gets it.
        job.reading_back = self._background.start(read_back())

    @staticmethod
    def _drop_reading_back(job: ShipmentJob) -> None:
        if job.reading_back is not None:
            job.reading_back.cancel()
            job.reading_back = None

    async def _finish_reading_back(self, job: ShipmentJob) -> None:
        """Wait for the barcodes read back with the label (read them again after a failure) and journal them."""
        if not job.unread:
            return
        if job.reading_back is None:
            self._start_reading_back(job)
        assert job.reading_back is not None
        try:
            job.shipments, job.tracking_url = await job.reading_back
        finally:
            job.reading_back = None
        job.unread = False
        await self._record(
            job,
            JournalStep.LABEL,
            {"path": job.label_path, "barcodes": list(job.barcodes), "tracking_url": job.tracking_url},
        )

    async def _carrier_zpl(self, job: ShipmentJob) -> bytes | None:
        """Ask for the carrier's ZPL only when it can be printed: a label (not A4) for the label printer."""
        if (
            not job.print_label
            or job.request.label_format is LabelFormat.A4
            or self.printer_for(job) is not self._printer
        ):
            return None
        return await self._carrier.fetch_carrier_zpl(job.shipments)

    @staticmethod
    def _prepare_for(printer: LabelPrinter, job: ShipmentJob) -> Awaitable[PreparedLabel]:
        assert job.label_pdf is not None
        if job.carrier_zpl is None:
            return printer.prepare(job.label_pdf)
        return printer.prepare(job.label_pdf, carrier_zpl=job.carrier_zpl)

    def printer_for(self, job: ShipmentJob) -> LabelPrinter:
        """Return the printer this job's label goes to."""
        wants_document = job.request.label_format is LabelFormat.A4  # customs labels are A4 only
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
            task.cancel()  # a failed conversion nobody waits for is not reported as lost (see BackgroundTasks)

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
            job.prepared = await self._prepare_for(printer, job)
        self._tell(job, LabelPrepared(job.prepared))
        if job.prepared.missing_barcodes:
            raise BarcodeCheckFailed(job.prepared.missing_barcodes)

    async def _print(self, job: ShipmentJob) -> None:
        # A retry after the barcodes failed to read back finds the label printed: it only reads them again.
        if job.print_label and job.receipt is None:
            assert job.prepared is not None
            job.receipt = await self.printer_for(job).send(job.prepared, job_name=job.picklist.number)
            if job.receipt.waiting:
                # Held in the print queue until the printer is ready (paper out): it prints by itself, so the
                # packer goes on. Not "printed": should the app stop before it prints, a resume prints it again.
                reason = f"waiting in the print queue: {', '.join(job.receipt.waiting)}"
                await self._record(
                    job,
                    JournalStep.PRINT_FAILED,
                    {"reason": reason, "printer": job.receipt.printer, "job_id": job.receipt.job_id},
                )
            else:
                await self._record(
                    job, JournalStep.PRINTED, {"printer": job.receipt.printer, "job_id": job.receipt.job_id}
                )
        await self._return_label(job)
        await self._packing_list(job)
        # The write-back (the next step) and the journal need the barcodes: the packer has the label meanwhile.
        await self._finish_reading_back(job)

    async def _return_label(self, job: ShipmentJob) -> None:
        """Book the related return of the parcel and print its label right after the parcel's, once per job.

        The parent must not be a concept: its label (just made) registered it. Printerless where the carrier
        offers it and the customer has an e-mail address (MyParcel mails the code); printed otherwise. A resumed
        job does not book one: the crash may have come after the return was booked, and a second costs money.
        """
        if not self._return_label_due(job):
            return
        job.return_tried = True
        try:
            return_id, pdf, printerless = await self._book_return(job)
        except Exception as exc:
            number = job.picklist.number
            problem = exc if isinstance(exc, ReturnLabelNotMade) else ReturnLabelNotMade(number, str(exc))
            log.warning("%s", problem)
            job.return_problem = problem
            await self._record(job, JournalStep.RETURN_LABEL, {"failed": problem.reason})
            return
        path = ""
        if self._journal is not None:
            # Only the file: the parcel's entry records the return (its RETURN_LABEL step), so the return must not
            # become an entry of its own that the journal would list as unfinished.
            path = await self._journal.save_label(f"{job.picklist.number}-return", [return_id], pdf, attach=False)
        data: dict[str, object] = {
            "shipment_id": return_id,
            "barcode": job.return_barcode,
            "path": path,
            "printerless": printerless,
        }
        if printerless or not job.print_label:
            await self._record(job, JournalStep.RETURN_LABEL, data)
            return
        await self._print_return(job, pdf, data)

    @staticmethod
    def _return_label_due(job: ShipmentJob) -> bool:
        """Whether this job books a return now: wanted, not tried, not a reprint or resume, its label out."""
        if job.request.return_label is ReturnLabel.NONE or job.return_tried:
            return False
        if job.kind in (JobKind.REPRINT, JobKind.RESUME) or not job.shipments:
            return False
        # A label that is to print but has not printed yet: the return follows it, not leads it.
        return not (job.print_label and job.receipt is None)

    async def _book_return(self, job: ShipmentJob) -> tuple[int, bytes, bool]:
        """Book the return at MyParcel and fetch its label: its id, the PDF and whether it is printerless.

        Raises ReturnLabelNotMade when the carrier or the customer's address rules it out, and whatever the
        carrier raised when booking or fetching failed.
        """
        number, request = job.picklist.number, job.request
        recipient = request.recipient
        if not return_label_offered(request.carrier, self.platform):
            raise ReturnLabelNotMade(number, "the carrier offers no return labels through MyParcel")
        if not recipient.email:
            raise ReturnLabelNotMade(number, "the customer has no e-mail address, which MyParcel needs")
        printerless = request.return_label is ReturnLabel.PRINTERLESS and printerless_offered(
            request.carrier, self.platform, recipient.cc
        )
        return_id = await self._carrier.create_related_return(
            job.shipments[0],
            name=recipient.person or recipient.company,
            email=recipient.email,
            printerless=printerless,
        )
        # The label registers the return (and, printerless, has MyParcel mail the customer the code).
        pdf = await self._carrier.fetch_label([return_id], LabelFormat.A6)
        job.return_shipment = await self._carrier.get_shipment(return_id)
        job.return_printerless = printerless
        return return_id, pdf, printerless

    async def _print_return(self, job: ShipmentJob, pdf: bytes, data: dict[str, object]) -> None:
        """Print the return's label on the parcel's printer; a failure is journalled and kept, never raised."""
        number = job.picklist.number
        printer = self.printer_for(job)
        try:
            prepared = await printer.prepare(pdf)
            if prepared.missing_barcodes:  # the same check as the parcel's label: a return must scan too
                raise BarcodeCheckFailed(prepared.missing_barcodes)
            receipt = await printer.send(prepared, job_name=f"{number} return")
        except Exception as exc:
            job.return_problem = ReturnLabelNotMade(number, str(exc), barcode=job.return_barcode)
            log.warning("%s", job.return_problem)
            await self._record(job, JournalStep.RETURN_LABEL, {**data, "failed": str(exc)})
            return
        await self._record(
            job, JournalStep.RETURN_LABEL, {**data, "printer": receipt.printer, "job_id": receipt.job_id}
        )

    async def _packing_list(self, job: ShipmentJob) -> None:
        """Print Picqer's packing list on the document printer when the rule wants it, once per job.

        Only after the label went out, and never raising: a packing list that does not print must not keep the
        parcel from shipping. Its failure is journalled and kept on the job, naming itself and what to do.
        """
        if (
            job.packing_list_tried
            or job.kind in (JobKind.REPRINT, JobKind.ADDITIONAL)
            or not job.print_label
            or job.receipt is None
        ):
            return
        if not self.packing_list.wants(job.picklist, job.opened.order):
            return
        job.packing_list_tried = True
        try:
            if self._document_printer is None:
                raise PackingListNotPrinted(job.picklist.number, "no document printer is set up at this station")
            pdf = await self._picklists.packing_list_pdf(job.picklist.id)
            prepared = await self._document_printer.prepare(pdf)
            receipt = await self._document_printer.send(prepared, job_name=f"{job.picklist.number} packing list")
        except Exception as exc:
            problem = (
                exc if isinstance(exc, PackingListNotPrinted) else PackingListNotPrinted(job.picklist.number, str(exc))
            )
            log.warning("%s", problem)
            job.packing_list_problem = problem
            await self._record(job, JournalStep.PACKING_LIST_FAILED, {"reason": problem.reason})
            return
        await self._record(job, JournalStep.PACKING_LIST, {"printer": receipt.printer, "job_id": receipt.job_id})

    async def _write_back(self, job: ShipmentJob) -> None:
        if job.kind is JobKind.REPRINT:
            return
        policy = self.write_back
        # An additional shipment keeps the comment: Picqer's request to the relay carries only the picklist id,
        # so the relay could not find this second MyParcel shipment (it has a reference of its own) and would
        # hand over the first one's label again.
        register = policy.registers_shipment and job.kind is not JobKind.ADDITIONAL
        if register:
            # Picqer ships what is picked: mark everything picked before the shipment is made.
            await self._pick_all(job)
            await self._register_in_picqer(job)
        elif policy.comment:
            await self._comment(job)
        await self._fill_order_field(job)
        if job.kind is JobKind.ADDITIONAL:
            return  # the picklist was closed with its first shipment
        if policy.pick_all:
            await self._pick_all(job)
        if policy.close:
            await self._close(job, look_first=register)

    async def _comment(self, job: ShipmentJob) -> None:
        if JournalStep.COMMENT in job.written_back:
            return
        # Each sub-step is remembered so a retry never adds a second comment, and a lost reply may hide a
        # comment Picqer stored: look before posting it a second time.
        maybe_posted = JournalStep.COMMENT_SENT in job.written_back or job.kind is JobKind.RESUME
        if not (maybe_posted and await self._has_tracking_comment(job.picklist.id, job.barcodes)):
            job.written_back.add(JournalStep.COMMENT_SENT)
            await self._picklists.add_comment(job.picklist.id, tracking_comment(job))
        job.written_back.add(JournalStep.COMMENT)
        await self._record(job, JournalStep.COMMENT)

    async def _fill_order_field(self, job: ShipmentJob) -> None:
        field_id, order_id = self.write_back.order_field_id, job.picklist.order_id
        if not field_id or not order_id or JournalStep.ORDER_FIELD in job.written_back:
            return
        await self._picklists.set_order_field(order_id, field_id, ", ".join(job.barcodes))
        job.written_back.add(JournalStep.ORDER_FIELD)
        await self._record(job, JournalStep.ORDER_FIELD)

    async def _close(self, job: ShipmentJob, *, look_first: bool) -> None:
        if JournalStep.CLOSED in job.written_back:
            return
        picklist = job.picklist
        current: Picklist | None = None
        if look_first:
            # Picqer may close a picklist by itself once it has a shipment: look before closing.
            current = await self._picklists.get_picklist(picklist.id)
        if current is None or current.status is not PicklistStatus.CLOSED:
            current = await self._picklists.close_picklist(picklist.id)
            if current is None or current.status is not PicklistStatus.CLOSED:
                current = await self._picklists.get_picklist(picklist.id)  # confirm it reads back closed
        if current.status is not PicklistStatus.CLOSED:
            raise PicklistNotPackable(picklist.number, f"still {current.status.value} after closing")
        job.written_back.add(JournalStep.CLOSED)
        await self._record(job, JournalStep.CLOSED)

    async def _pick_all(self, job: ShipmentJob) -> None:
        if JournalStep.PICK_ALL in job.written_back:
            return
        picklist = job.picklist
        # Nothing but this station touches a claimed picklist, so the re-read before booking still holds.
        current = job.checked or await self._picklists.get_picklist(picklist.id)
        if not current.all_picked:
            await self._picklists.pick_all(picklist.id)
        job.written_back.add(JournalStep.PICK_ALL)
        await self._record(job, JournalStep.PICK_ALL)

    async def _register_in_picqer(self, job: ShipmentJob) -> None:
        """Make the Picqer shipment of this parcel (Picqer fetches the label booked here from the relay), once."""
        if JournalStep.PICQER_SHIPMENT in job.written_back:
            return
        profile_id = self.write_back.picqer_profile_id
        assert profile_id is not None  # registers_shipment says so
        picklist = job.picklist
        found: PicqerShipment | None = None
        # A resumed job, or a retry after a POST whose reply may have been lost, looks first: one made with this
        # profile and not cancelled is this parcel's; a second one would tell the webshop and customer twice.
        if job.kind is JobKind.RESUME or JournalStep.PICQER_SHIPMENT_SENT in job.written_back:
            found = shipment_made_with(await self._picklists.list_shipments(picklist.id), profile_id)
        if found is None:
            parcels = max(1, job.request.parcels)
            # Each parcel's own weight when its box was weighed at packing, else the request's (MyParcel's inherit it).
            weights = job.request.parcel_weights
            job.written_back.add(JournalStep.PICQER_SHIPMENT_SENT)
            found = await self._picklists.create_shipment(
                picklist.id,
                profile_id,
                sum(weights),
                list(weights) if parcels > 1 else [],
                packaging_ids=job.request.packaging_ids,
            )
        job.picqer_shipment_id = found.id
        job.written_back.add(JournalStep.PICQER_SHIPMENT)
        await self._record(job, JournalStep.PICQER_SHIPMENT, {"idshipment": found.id, "profile_id": profile_id})

    async def _has_tracking_comment(self, picklist_id: int, barcodes: tuple[str, ...]) -> bool:
        if not barcodes:
            return False
        comments = await self._picklists.list_comments(picklist_id)
        return any(barcodes[0] in text for text in comments)


def _options_of(entry: JournalEntry) -> dict[str, str]:
    options = entry.data.get("options")
    return {str(k): str(v) for k, v in options.items()} if isinstance(options, dict) else {}


def _int_or_none(value: object) -> int | None:
    return value if isinstance(value, int) else None


def address_split(draft: Draft) -> dict[str, str]:
    """Return how the draft splits the recipient's address line (what a confirmation confirms)."""
    recipient = draft.request.recipient
    return {
        "street": recipient.street,
        "number": recipient.number,
        "number_suffix": recipient.number_suffix,
        "box_number": recipient.box_number,
    }


def intent_of(request: ShipmentRequest) -> dict[str, object]:
    """Return what the journal keeps of a request before anything is sent."""
    return {
        "reference": request.reference,
        "carrier": request.carrier.name,
        "weight_grams": request.weight_grams,
        "parcels": request.parcels,
        "cc": request.recipient.cc,
        **({"packaging_ids": list(request.packaging_ids)} if request.packaging_ids else {}),
        # Each packed box's own weight and size: a resumed job books and registers every parcel as weighed.
        **({"boxes": request.boxes_record()} if request.boxes else {}),
        **({"return_label": request.return_label.value} if request.return_label is not ReturnLabel.NONE else {}),
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
    if job.return_barcode:
        how = " (printerless: the customer got a code by e-mail)" if job.return_printerless else ""
        lines.append(f"Return barcode: {job.return_barcode}{how}")
    if job.tracking_url:
        lines.append(f"Track & trace: {job.tracking_url}")
    return "\n".join(lines)
