"""The packing workflow for the window: open a picklist, ship it step by step, retry from the failed step."""

from __future__ import annotations

import asyncio
import logging
import math
import time
from dataclasses import replace

import qasync
from PySide6.QtCore import QObject, QTimer, Signal

from packstation.domain.errors import AlreadyShipped, InvalidShipment, PackstationError, PicklistNotPackable, Rejected
from packstation.domain.journal_entry import JournalEntry
from packstation.domain.mapping import Draft
from packstation.domain.profiles import ShippingProfile, return_label_offered
from packstation.domain.provider import carrier_name
from packstation.domain.shipments import Carrier, ReturnLabel
from packstation.domain.waits import Wait
from packstation.services.ports import PrintJobInfo
from packstation.services.shipping import (
    Finished,
    JobKind,
    LabelFetched,
    LabelPrepared,
    OpenedPicklist,
    PackerChoices,
    ShipmentEvent,
    ShipmentJob,
    ShippingService,
    Step,
    StepFailed,
)
from packstation.ui.memory import keep_out_of_full_collections
from packstation.ui.messages import During, Messages
from packstation.ui.state import STEPS, Refusal, ShippingKind, ShippingState, StepState
from packstation.ui.tasks import Tasks

log = logging.getLogger(__name__)

# (registered as a Picqer shipment, label printed) -> what the status bar says after shipping
_SHIPPED_KEYS = {
    (False, True): "status.shipped",
    (False, False): "status.shipped_not_printed",
    (True, True): "status.shipped_registered",
    (True, False): "status.shipped_registered_not_printed",
}


def with_return_label(draft: Draft) -> Draft:
    """The draft with a related return: the kind its profile asks for, else a return label printed with the parcel's.

    Printerless stays the profile's choice: the service mails it only where the carrier offers that (PostNL within
    the Netherlands) and prints it otherwise, so a printed return is the one that works for every carrier that
    makes returns."""
    wanted = draft.request.return_label
    if wanted is ReturnLabel.NONE:
        wanted = ReturnLabel.PRINTED
    return replace(draft, request=replace(draft.request, return_label=wanted))


class ShippingController(QObject):
    """Decide what happens on a scan, on F12 and on a retry; report it with past-tense signals."""

    picklist_opening = Signal(str)  # number
    picklist_opened = Signal(object)  # OpenedPicklist
    step_changed = Signal(str, str, str)  # step, StepState value, failure text
    label_fetched = Signal(bytes)  # the label PDF, as soon as it arrives
    label_prepared = Signal(object)  # PreparedLabel: the image of what is sent and the barcode check
    shipment_done = Signal(object)  # ShipmentJob
    # A document beside the label (packing list, return label) did not come out: which, and what to do. Emitted
    # after shipment_done: the parcel itself shipped.
    documents_problem = Signal(str)
    failed = Signal(str)  # what happened and what to do next, in the packer's words
    scan_refused = Signal(str)  # a scan of the picklist that is being shipped right now
    next_queued = Signal(str)  # a scan while a shipment runs: that picklist opens as soon as it is done
    busy_changed = Signal(bool)
    unfinished_found = Signal(object)  # list[JournalEntry]: shipments a crash or failure left unfinished
    # What the running shipment waits for and how long, in the packer's words, again each second as it counts
    # down; "" when the wait is over. Esc or "Stop waiting" calls stop_waiting().
    waiting = Signal(str)
    # What the ship button says and whether F12 acts now (ui/state.ShippingState), decided here for the panes.
    state_changed = Signal(object)

    def __init__(
        self,
        service: ShippingService,
        messages: Messages,
        parent: QObject | None = None,
        *,
        offered_unfinished: set[int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.messages = messages
        # Journal entries already offered in this process: the window rebuilt on a settings save shares the set,
        # so a packer who said "Later" is not asked again until the next start.
        self._offered_unfinished = offered_unfinished if offered_unfinished is not None else set()
        self.opened: OpenedPicklist | None = None
        self.job: ShipmentJob | None = None  # the last job; kept after a failure so F12 retries it
        self.last_shipped: ShipmentJob | None = None  # the last shipment done: Ctrl+R prints its label again
        # The open picklist's shipment this station booked but did not finish (Picqer not updated): F12 ends it.
        self.unfinished: JournalEntry | None = None
        # Shipments done but for their label, which waits in the print queue for paper: by queue job id.
        self.held: dict[str, ShipmentJob] = {}
        self._busy = False
        self._opening: str | None = None  # the number being looked up: the pane does not show it yet
        self.next_number: str | None = None  # scanned during a shipment: opened once that shipment is done
        self._tasks = Tasks()
        self._states: dict[str, StepState] = {}
        # (printer, queue job id, picklist number) of the last label held in the print queue (paper out): the
        # packer hears when it printed, while the screen still shows no other picklist.
        self._held_print: tuple[str, str, str] | None = None
        self._wait: Wait | None = None  # the wait being counted down
        self._wait_until = 0.0  # time.monotonic() when it ends
        self._countdown = QTimer(self)
        self._countdown.setInterval(250)  # the shown second changes within a quarter of a second of the truth
        self._countdown.timeout.connect(self._tell_wait)

    @property
    def busy(self) -> bool:
        """True while a shipment is running."""
        return self._busy

    @property
    def is_waiting(self) -> bool:
        """True while the running shipment waits for an API before trying again (Esc stops the wait)."""
        return self._wait is not None and self.job is not None and self.job.waiting

    @property
    def opening(self) -> str | None:
        """The picklist number being looked up right now (None when no lookup runs)."""
        return self._opening

    @property
    def can_retry(self) -> bool:
        return self.job is not None and self.job.error is not None and self.job.step is not Step.DONE

    @property
    def claimed_by(self) -> str:
        """Who holds the picklist when the last attempt failed because another station claimed it ("" if not)."""
        error = self.job.error if self.job is not None else None
        return error.holder if isinstance(error, PicklistNotPackable) else ""

    @property
    def failed_step(self) -> str | None:
        return self.job.step.value if self.can_retry and self.job is not None else None

    def profiles(self) -> tuple[ShippingProfile, ...]:
        return self.service.profiles

    def draft(self, choices: PackerChoices) -> Draft | None:
        """Return the shipment as it would be booked now, with what blocks it (None when nothing is open)."""
        if self.opened is None:
            return None
        return self.opened.draft_for(choices)

    # --- what the ship button says -------------------------------------------------------------------

    def publish(self, opened: OpenedPicklist | None, draft: Draft | None) -> ShippingState:
        """Decide, for the picklist the pane shows and its draft, what F12 does now; emit it as state_changed."""
        kind, can_ship = self._kind(opened), self._can_ship(opened, draft)
        state = ShippingState(
            kind=kind,
            button_text=self._button_text(opened),
            can_ship=can_ship,
            # F12 would book a new shipment (not retry, not finish one), and a return can go with it.
            can_ship_with_return=can_ship
            and kind is ShippingKind.OPENED
            and self.return_refusal(opened, draft) is None,
            retry=self.can_retry,
            step=self.failed_step or "",
            error=self.messages.error(self.job.error, During.SHIP)
            if self.can_retry and self.job and self.job.error
            else "",
            holder=self.claimed_by,
        )
        self.state_changed.emit(state)
        return state

    def _kind(self, opened: OpenedPicklist | None) -> ShippingKind:
        if self._busy or self._opening is not None:
            return ShippingKind.BUSY
        if self.claimed_by:
            return ShippingKind.CLAIMED
        if self.can_retry:
            return ShippingKind.FAILED
        if opened is not None:
            return ShippingKind.OPENED
        done = self.job is not None and self.job.step is Step.DONE
        return ShippingKind.SHIPPED if done else ShippingKind.IDLE

    def _unfinished_of(self, opened: OpenedPicklist | None) -> JournalEntry | None:
        return self.unfinished if opened is not None and opened.existing else None

    def _button_text(self, opened: OpenedPicklist | None) -> str:
        # The button names the picklist F12 ships, so it can be checked against the label in the packer's hand.
        m = self.messages
        unfinished = self._unfinished_of(opened)
        if self.failed_step and self.job is not None:
            return m.t("action.retry_number", number=self.job.picklist.number)
        if unfinished is not None and opened is not None:
            only_picqer = bool(unfinished.label_path) and "printed" in unfinished.steps  # printed: Picqer is left
            key = "action.finish_write_back" if only_picqer else "action.finish"
            return m.t(key, number=opened.picklist.number)
        if opened is not None:
            return m.t("action.ship_number", number=opened.picklist.number)
        return m.t("action.ship")

    def _can_ship(self, opened: OpenedPicklist | None, draft: Draft | None) -> bool:
        if self._busy or self._opening is not None:
            return False  # F12 waits until the pane shows the picklist, or the running shipment is done
        packable = opened is not None and not opened.existing and opened.picklist.status.packable
        ready = draft is not None and not draft.violations and packable
        return self.can_retry or ready or self._unfinished_of(opened) is not None

    def _reprinted_words(self, job: ShipmentJob, held: str, printer: str) -> tuple[str, str]:
        m, number = self.messages, job.picklist.number
        if held:
            return m.t("status.reprint_waiting", number=number, waiting=held), "error"
        return m.t("status.reprinted", number=number, barcodes=", ".join(job.barcodes), printer=printer), "ok"

    def done_words(self, job: ShipmentJob) -> tuple[str, str]:
        """What the status bar says once a shipment (or a reprint) is done, and its tone."""
        m = self.messages
        # The return's barcode goes beside the parcel's, early in the line: the status line is two lines high
        # at 1280 px, and a sentence after "Scan the next picklist" was cut off there.
        number, barcodes = job.picklist.number, ", ".join(job.barcodes) + self._return_words(job)
        receipt = job.receipt
        # Where the label came out: an A4 label goes to the document printer, not the label printer.
        printer = m.printer(receipt.printer) if receipt is not None else ""
        held = m.print_waiting(receipt.printer, receipt.waiting) if receipt is not None and receipt.waiting else ""
        if job.reprint:  # nothing was booked
            return self._reprinted_words(job, held, printer)
        if held:  # held for paper (or a closed head): the queue prints it by itself; the packer goes on
            return m.t("status.shipped_print_waiting", number=number, barcodes=barcodes, waiting=held), "error"
        return m.t(self._shipped_key(job), number=number, barcodes=barcodes, printer=printer), "ok"

    def _return_words(self, job: ShipmentJob) -> str:
        """The related return that went with the parcel, by its barcode (a failed one is told as a problem)."""
        if not job.return_barcode or job.return_problem is not None:
            return ""
        if job.return_printerless:
            key = "status.return_mailed"
        else:
            key = "status.return_printed" if job.print_label else "status.return_stored"
        return "; " + self.messages.t(key, barcode=job.return_barcode)

    def _shipped_key(self, job: ShipmentJob) -> str:
        if job.print_label and job.receipt is None:  # finished later: printed by an earlier attempt
            return "status.shipped_finished"
        if self.next_number and job.print_label:
            return "status.shipped_next"
        # A Picqer shipment, not only a comment: webshop and customer hear of it.
        return _SHIPPED_KEYS[(bool(job.registered_in_picqer), bool(job.print_label))]

    # --- what the packer's keys do ------------------------------------------------------------------

    def ship_pressed(self, opened: OpenedPicklist | None, draft: Draft | None) -> Refusal | None:
        """F12: retry a failed shipment, finish an unfinished one, or ship the open picklist; else say why not."""
        if self._busy:
            return None
        if self.can_retry:
            self.retry()
        elif opened is not None and opened.existing and self.unfinished is not None:
            self.finish_unfinished()  # e.g. Picqer was not updated: do that now, book nothing new
        elif (refusal := self._ship_refusal(opened, draft)) is not None:
            return refusal
        elif draft is not None:
            self.ship(draft)
        return None

    def ship_with_return_pressed(self, opened: OpenedPicklist | None, draft: Draft | None) -> Refusal | None:
        """Shift+F12: ship the open picklist with a related return label, whatever its profile says; else say why
        not. The window asked `return_refusal` first (before the packing check); asked again here, as F12 is."""
        if self._busy:
            return None
        if self.can_retry and self.job is not None:
            return Refusal(self.messages.t("status.return_retry_first", number=self.job.picklist.number))
        refusal = self.return_refusal(opened, draft)
        if refusal is None and draft is not None:
            self.ship(with_return_label(draft))
        return refusal

    def return_refusal(self, opened: OpenedPicklist | None, draft: Draft | None) -> Refusal | None:
        """Why the open picklist cannot ship with a return label now (F12's reasons first); None when it can.

        A picklist already shipped gets no return here: the service books a return only together with the
        parcel (MyParcel `parent`), so a customer's later return is made in MyParcel's back office."""
        m = self.messages
        if opened is not None and opened.existing:
            return Refusal(m.t("status.return_after_shipping", number=opened.picklist.number))
        refusal = self._ship_refusal(opened, draft)
        if refusal is not None or opened is None or draft is None:
            return refusal
        request, platform = draft.request, self.service.platform
        if not return_label_offered(request.carrier, platform):
            offered = next(c for c in Carrier if return_label_offered(c, platform))
            text = m.t(
                "status.return_not_offered", carrier=carrier_name(request.carrier), offered=carrier_name(offered)
            )
            return Refusal(text, choose_profile=True)  # another profile may ship with the carrier that does
        if not request.recipient.email:
            return Refusal(m.t("status.return_no_email", number=opened.picklist.number))
        return None

    def _ship_refusal(self, opened: OpenedPicklist | None, draft: Draft | None) -> Refusal | None:
        """Why F12 cannot ship now: nothing open, a picklist that cannot be packed, no or an invalid draft."""
        if opened is None:
            return Refusal(self.messages.t("status.nothing_open"))
        if not opened.picklist.status.packable and not opened.existing:
            return Refusal(self.not_packable_words(opened))
        return self._draft_refusal(draft)

    def reprint_pressed(self, opened: OpenedPicklist | None, draft: Draft | None) -> tuple[str, str] | None:
        """Ctrl+R: print the open picklist's label again, or the last shipment's; return what to say, if anything."""
        m = self.messages
        if self._busy:
            return None
        if opened is None and self.last_shipped is not None:
            self.reprint_last()
            return m.t("status.reprinting", number=self.last_shipped.picklist.number), ""
        if opened is None:
            return m.t("status.nothing_open"), "error"
        if not opened.existing:
            return m.t("status.reprint_not_shipped", number=opened.picklist.number), "error"
        # The label exists already; any profile gives the label format, the booked shipment is not changed.
        profiles = self.profiles()
        if draft is None and profiles:
            draft = self.draft(PackerChoices(opened.suggested_profile or profiles[0], {}))
        if draft is not None:
            self.reprint(draft)
        return None

    def _draft_refusal(self, draft: Draft | None) -> Refusal | None:
        m = self.messages
        if draft is None:
            return Refusal(m.t("status.no_profile"), choose_profile=True)
        if draft.violations:
            return Refusal(m.t("error.invalid", violations=m.violations(draft.violations)), invalid=True)
        return None

    def new_shipment_refusal(self, draft: Draft | None) -> Refusal | None:
        """Why a further shipment (Ctrl+Shift+N) cannot be booked with this draft; None when it can."""
        return self._draft_refusal(draft)

    def not_packable_words(self, opened: OpenedPicklist) -> str:
        """A paused, cancelled or closed picklist (without a MyParcel shipment) is not to be packed."""
        not_packable = PicklistNotPackable(opened.picklist.number, opened.picklist.status.value)
        return self.messages.error(not_packable, During.OPEN)

    def opened_words(self, opened: OpenedPicklist, profile_chosen: bool) -> tuple[str, str]:
        """What the status bar says when a picklist opened, and its tone."""
        m, number = self.messages, opened.picklist.number
        if opened.existing and self.unfinished is not None:
            remaining = m.remaining(self.unfinished.remaining())
            return m.t("status.unfinished_offer", number=number, remaining=remaining), "error"
        if opened.existing:
            barcodes = ", ".join(s.barcode for s in opened.existing if s.barcode)
            return m.t("error.already_shipped", number=number, barcodes=barcodes), "error"
        if not opened.picklist.status.packable:
            return self.not_packable_words(opened), "error"  # said now, not only after F12
        return m.t("status.opened" if profile_chosen else "status.opened_choose", number=number), ""

    def running_words(self, step: str, *, with_next: bool = True) -> str:
        """ "Shipping P… : step", and which picklist is next when one was scanned meanwhile."""
        job = self.job
        if job is None:
            return ""
        text = self.messages.t("status.shipping", number=job.picklist.number, step=self.messages.step(step))
        if with_next and self.next_number:
            text += " " + self.messages.t("status.is_next", next=self.next_number)
        return text

    def failure_words(self, text: str) -> str:
        """A failure's words with what comes next: the picklist scanned meanwhile, or taking the claim over."""
        if self.next_number and self.can_retry:
            text += " " + self.messages.t("status.next_after_failure", next=self.next_number)
        if self.claimed_by and self.job is not None:
            number = self.job.picklist.number
            text += " " + self.messages.t("status.take_over_hint", number=number, holder=self.claimed_by)
        return text

    def highlight_conflict(self, opened: OpenedPicklist | None, highlighted: str | None) -> str | None:
        """Why F12 must wait when the list highlights another picklist than the open one (F12 would ship the
        open one while the packer looks at the highlight), or one is still opening; None when they agree."""
        m = self.messages
        if self._opening is not None:
            return m.t("status.still_opening", number=self._opening)
        if highlighted is None or (opened is not None and highlighted == opened.picklist.number):
            return None
        if opened is None:
            return m.t("status.highlight_press_enter", highlighted=highlighted)
        return m.t("status.highlight_not_open", highlighted=highlighted, number=opened.picklist.number)

    def _held_label_cancelled(self, job_id: str, number: str) -> tuple[str, str, bool]:
        if self._held_print is not None and self._held_print[1] == job_id:
            self._held_print = None
        return self.messages.t("status.held_label_cancelled", number=number), "error", True

    def print_job_changed(self, job: PrintJobInfo, pane_empty: bool) -> tuple[str, str, bool] | None:
        """A print job changed: finish a held label's shipment once it printed; return what to say, its tone and
        whether to say it a moment later (after the queue panel's own words), or None."""
        job_id = str(job.id)
        if job.state == "printed" and self.held:
            self.label_printed(job_id, job.name, job.printer)  # the journal: that shipment is done
        if job.state == "cancelled" and job.moved_to is None and self.label_cancelled(job_id):
            return self._held_label_cancelled(job_id, job.name)
        if job.state != "printed":
            return None
        return self._held_label_done(job_id, pane_empty)

    def _held_label_done(self, job_id: str, pane_empty: bool) -> tuple[str, str, bool] | None:
        """The held label of the shipment on screen printed: its print step is done now."""
        held = self._held_print
        if held is None or job_id != held[1]:
            return None
        self._held_print = None
        if self._states.get("print") is StepState.QUEUED and pane_empty and not self._busy:
            self._states["print"] = StepState.DONE
            self.step_changed.emit("print", StepState.DONE.value, "")
            return self.messages.t("status.held_label_printed", number=held[2]), "ok", False
        return None

    # --- slots ---------------------------------------------------------------------------------------

    @qasync.asyncSlot(str)
    async def open_picklist(self, number: str) -> None:
        """Look the picklist up; a newer scan cancels this one; during a shipment it is next, opened after it."""
        number = number.strip()
        if not number:
            return
        if self._busy:
            running = self.job.picklist.number if self.job else ""
            if number.upper() == running.upper():
                self.scan_refused.emit(self.messages.t("status.busy_refused", number=running, scanned=number))
                return
            self.next_number = number  # the packer's latest scan wins
            self.next_queued.emit(number)
            return
        await self._open(number)

    async def _open(self, number: str) -> None:
        self.next_number = None  # this scan (or the queued one being opened) is what the packer wants now
        task = self._tasks.adopt(key="lookup")  # a newer scan cancels the lookup in flight
        self._opening = number
        self.picklist_opening.emit(number)
        try:
            # Claimed for this station right away, in the background: F12 then only confirms the claim.
            opened = await self.service.open_picklist(number, claim=True)
            # Read before the pane shows it, so F12 never acts on a half-shown picklist.
            unfinished = await self._unfinished_for(opened) if opened.existing else None
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            self._log(exc)
            if self._tasks.current("lookup") is task:
                self._opening = None
                self._open_failed(exc)
            return
        finally:
            if self._tasks.current("lookup") is task:
                self._opening = None
        await self._show_opened(opened, unfinished)

    def _open_failed(self, exc: Exception) -> None:
        text = self.messages.error(exc, During.OPEN)
        if self.opened is not None:  # a wrong scan (a product's EAN) leaves the open picklist as it was
            text += " " + self.messages.t("status.still_open", number=self.opened.picklist.number)
        self.failed.emit(text)

    async def _show_opened(self, opened: OpenedPicklist, unfinished: JournalEntry | None) -> None:
        """Make the looked-up picklist the open one, its steps all waiting; an old picklist left is released."""
        if self._busy:  # a shipment started meanwhile (possible only from code): keep the screen on it
            self._leave(opened)
            return
        await self._release_abandoned(self.job)
        previous = self.opened
        if previous is not None and previous.picklist.id != opened.picklist.id:
            if self.job is None or self.job.opened is not previous or self.job.kind is JobKind.REPRINT:
                self._leave(previous)  # left without booking anything
        self.opened = opened
        self.unfinished = unfinished
        self.job = None
        self._states = dict.fromkeys(STEPS, StepState.WAITING)
        for step in STEPS:
            self.step_changed.emit(step, StepState.WAITING.value, "")
        self.picklist_opened.emit(opened)
        if opened.existing:
            await self._show_stored_label(opened)

    async def _show_stored_label(self, opened: OpenedPicklist) -> None:
        # Already shipped: show the label it got, if this station stored it (the reprint prints that one).
        label = await self.service.stored_label(opened.picklist.number)
        if label is not None and self.opened is opened and not self._busy:
            self.label_fetched.emit(label)

    async def _unfinished_for(self, opened: OpenedPicklist) -> JournalEntry | None:
        try:
            entry = await self.service.unfinished_for(opened.picklist.number)
        except Exception as exc:  # without the journal the packer still gets reprint and new shipment
            self._log(exc)
            return None
        if entry is not None and any(job.entry_id == entry.id for job in self.held.values()):
            return None  # its label waits for paper in the queue: finishing it would print a second one
        return entry

    @qasync.asyncSlot(str, str, str)
    async def label_printed(self, print_job_id: str, picklist_number: str, printer: str) -> None:
        """A print job printed: if it is (or was moved from) a held label, that shipment is done now."""
        key: str | None = print_job_id
        if key not in self.held:  # moved to the other printer (F8): a new job id, the same picklist
            key = next((k for k, held in self.held.items() if held.picklist.number == picklist_number), None)
        if key is None:
            return
        self._tasks.adopt()
        try:
            await self.service.held_label_printed(self.held[key], printer, print_job_id)
        except Exception as exc:  # the journal then offers it as unfinished: printing it again is the worst case
            self._log(exc)
        finally:
            self.held.pop(key, None)  # held until the journal has it, so a rescan meanwhile offers no reprint

    def label_cancelled(self, print_job_id: str) -> ShipmentJob | None:
        """A held label was cancelled in the queue (not moved): its shipment is no longer waiting on it; return it.

        Its journal entry stays unfinished, so a rescan offers to print it (F12)."""
        return self.held.pop(print_job_id, None)

    @qasync.asyncSlot()
    async def finish_unfinished(self) -> None:
        """Finish the open picklist's unfinished shipment from where it stopped (F12), booking nothing new."""
        entry = self.unfinished
        if self._busy or entry is None:
            return
        await self._resume(entry)

    def _leave(self, opened: OpenedPicklist) -> None:
        """Give back, in the background, the claim made when a picklist opened that the packer left unshipped."""
        self._tasks.start(self.service.leave(opened))

    async def _release_abandoned(self, job: ShipmentJob | None) -> None:
        """Give back this station's claim on a picklist the packer left without booking anything."""
        if job is None or job.error is None or job.shipments:
            return
        # Only when nothing can have been booked: a failed check, or MyParcel refusing the request outright.
        if job.step is not Step.CHECK and not isinstance(job.error, Rejected | InvalidShipment):
            return
        try:
            await self.service.release(job.opened)
        except Exception as exc:  # the claim is only a courtesy to the other stations
            self._log(exc)

    @qasync.asyncSlot(object)
    async def ship(self, draft: Draft) -> None:
        """Book, fetch, check, print and write back the open picklist with this draft."""
        if self._busy or self.opened is None:
            return
        if self.can_retry and self.job is not None and self.job.opened is self.opened:
            await self._run(self.job)
            return
        try:
            job = self.service.start(self.opened, draft)
        except (InvalidShipment, AlreadyShipped) as exc:
            self.failed.emit(self.messages.error(exc, During.SHIP))
            return
        await self._run(job)

    @qasync.asyncSlot()
    async def retry(self) -> None:
        """Continue the failed shipment from the step that failed (no second label is made)."""
        if self._busy or not self.can_retry or self.job is None:
            return
        await self._run(self.job)

    @qasync.asyncSlot(object)
    async def reprint(self, draft: Draft) -> None:
        """Print the label MyParcel already has for the open picklist again."""
        if self._busy or self.opened is None or not self.opened.existing:
            return
        await self._run(self.service.start_reprint(self.opened, draft))

    @qasync.asyncSlot()
    async def reprint_last(self) -> None:
        """Print the label of the shipment just done again (Ctrl+R once it left the screen's open picklist)."""
        if self._busy or self.last_shipped is None:
            return
        await self._run(self.service.start_reprint_of(self.last_shipped))

    @qasync.asyncSlot()
    async def take_over(self) -> None:
        """Retry a picklist another station claimed, taking the claim over (the admin confirmed it)."""
        if self._busy or self.job is None or not self.claimed_by:
            return
        self.job.take_over = True
        await self._run(self.job)

    @qasync.asyncSlot(object)
    async def ship_new(self, draft: Draft) -> None:
        """Book a further shipment for an already shipped picklist (the packer confirmed it)."""
        if self._busy or self.opened is None or draft.violations:
            return
        try:
            job = self.service.start_additional(self.opened, draft)
        except InvalidShipment as exc:
            self.failed.emit(self.messages.error(exc, During.SHIP))
            return
        await self._run(job)

    @qasync.asyncSlot()
    async def check_unfinished(self) -> None:
        """Look in the journal for unfinished shipments and offer them (emits `unfinished_found`)."""
        self._tasks.adopt()
        try:
            entries = await self.service.unfinished()
        except Exception as exc:
            self._log(exc)
            return
        fresh = [entry for entry in entries if entry.id not in self._offered_unfinished]
        self._offered_unfinished.update(entry.id for entry in fresh)
        if fresh:
            self.unfinished_found.emit(fresh)

    @qasync.asyncSlot(object)
    async def resume(self, entry: JournalEntry) -> None:
        """Finish an unfinished journal entry: rebuild its job, then run it like any other (F12 retries)."""
        if self._busy:
            return
        await self._resume(entry)

    async def _resume(self, entry: JournalEntry) -> None:
        self._tasks.adopt()
        self.unfinished = None
        self.picklist_opening.emit(entry.picklist_number)
        try:
            job = await self.service.resume(entry)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            self._log(exc)
            self.failed.emit(self.messages.error(exc, During.OPEN))
            return
        self.opened = job.opened
        self._states = dict.fromkeys(STEPS, StepState.WAITING)
        self.picklist_opened.emit(job.opened)
        await self._run(job)

    def stop_waiting(self) -> bool:
        """Stop the running shipment during a wait: it fails at that step, keeps what is done; F12 goes on."""
        if self.job is None or not self._busy:
            return False
        return self.job.stop_waiting()

    # --- running -------------------------------------------------------------------------------------

    async def _run(self, job: ShipmentJob) -> None:
        self._tasks.adopt()
        self.job = job
        self._set_busy(True)
        try:
            await self.service.run(job, on_event=self._on_event, on_wait=self._on_wait)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            self._log(exc)
            self._end_wait()
            self.failed.emit(self.messages.error(exc, During.SHIP))
            return
        finally:
            self._end_wait()
            self._set_busy(False)
        if job.kind is not JobKind.REPRINT:
            self.opened = None  # shipped: the next scan starts fresh (a reprint leaves it open for another)
        if job.print_label and (job.kind is not JobKind.REPRINT or self.opened is None):
            self.last_shipped = job
        if job.receipt is not None and job.receipt.waiting:
            self.held[job.receipt.job_id] = job
            self._held_print = (job.receipt.printer, job.receipt.job_id, job.picklist.number)
        self.shipment_done.emit(job)
        self._tell_document_problems(job)
        # What this shipment loaded (the printing libraries on the first label, caches) stays alive: keep the
        # full collections that a later shipment's allocations trigger from walking it (36-66 ms seen).
        keep_out_of_full_collections()
        if self.next_number is not None:
            await self._open(self.next_number)  # scanned while this one shipped: the packer's next picklist

    def _tell_document_problems(self, job: ShipmentJob) -> None:
        problems = [p for p in (job.return_problem, job.packing_list_problem) if p is not None]
        if problems:
            self.documents_problem.emit(" ".join(self.messages.document_problem(p) for p in problems))

    def _on_wait(self, job: ShipmentJob, wait: Wait) -> None:
        self._wait = wait
        self._wait_until = time.monotonic() + wait.seconds
        self._countdown.start()
        self._tell_wait()

    def _tell_wait(self) -> None:
        if self._wait is None:
            return
        left = math.ceil(self._wait_until - time.monotonic())
        if left <= 0:
            self._end_wait()  # trying again now; the step's own text returns
            return
        self.waiting.emit(self.messages.wait(self._wait, left))

    def _end_wait(self) -> None:
        self._countdown.stop()
        if self._wait is not None:
            self._wait = None
            self.waiting.emit("")

    def _on_event(self, event: ShipmentEvent) -> None:
        job = self.job
        if isinstance(event, LabelFetched):
            self.label_fetched.emit(event.pdf)
        elif isinstance(event, LabelPrepared):
            self.label_prepared.emit(event.prepared)
        elif job is not None:
            self._end_wait()  # a step moved on (or failed): whatever was waited for is over
            step = Step.DONE if isinstance(event, Finished) else event.step
            error = event.error if isinstance(event, StepFailed) else None
            self._show_steps(job, step, error)

    def _show_steps(self, job: ShipmentJob, current_step: Step, error: Exception | None) -> None:
        order = [s.value for s in Step]
        current = order.index(current_step.value)
        for step in STEPS:
            state, detail = self._step_state(job, step, order.index(step) - current, error)
            if self._states.get(step) is not state or detail:
                self._states[step] = state
                self.step_changed.emit(step, state.value, detail)

    def _step_state(
        self, job: ShipmentJob, step: str, after_current: int, error: Exception | None
    ) -> tuple[StepState, str]:
        """A step's state and words, `after_current` steps after the one the job is at (negative: before it)."""
        if self._skipped(job, step):
            return StepState.SKIPPED, ""
        if after_current < 0:
            receipt = job.receipt
            if step == Step.PRINT.value and receipt is not None and receipt.waiting:
                return StepState.QUEUED, self.messages.print_waiting(receipt.printer, receipt.waiting)
            return StepState.DONE, ""
        if after_current > 0:
            return StepState.WAITING, ""
        if error is not None:
            return StepState.FAILED, self.messages.error(error, During.SHIP)
        return StepState.RUNNING, ""

    @staticmethod
    def _skipped(job: ShipmentJob, step: str) -> bool:
        if job.kind is JobKind.REPRINT and step in (Step.CHECK.value, Step.CREATE.value, Step.WRITE_BACK.value):
            return True
        return not job.print_label and step in (Step.PREPARE.value, Step.PRINT.value)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    @staticmethod
    def _log(exc: Exception) -> None:
        # The packer gets words; the log keeps the details (a traceback for what nobody expected).
        expected = isinstance(exc, PackstationError)
        log.warning("%s: %s", type(exc).__name__, exc, exc_info=None if expected else exc)

    async def close(self) -> None:
        """Cancel the background work still running and wait for it (the window closes or the app exits)."""
        await self._tasks.close()
