"""The relay's one job: give Picqer the label of a picklist within Picqer's 20 seconds, and never book twice.

Book first, then register: the desk books at MyParcel under the picklist number (reference_identifier) and then
asks Picqer for a shipment; Picqer asks the relay, which finds that booking and returns its label. Only when
nothing is booked yet (Picqer's own web packing station) does the relay book from Picqer's data, by the desk's
rules. One lease per (account, picklist) in a lock store shared by all relay processes makes a second label
impossible: a request that runs out of time leaves its booking running in the background, still holding the
lease, so the retry waits for it and then finds the shipment by reference.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import KW_ONLY, dataclass, field
from datetime import date

from packstation.domain.errors import (
    ApiError,
    BadResponse,
    ConnectionFailed,
    InvalidShipment,
    LabelError,
    PackstationError,
    PaymentRequired,
    RateLimited,
    Rejected,
    RequestTimeout,
    ServerError,
    Unauthorized,
)
from packstation.domain.profiles import ConfigOption
from packstation.domain.provider import (
    ProviderShipment,
    booked_address,
    carrier_key,
    carrier_name,
    config_options,
    needs_a4,
    picqer_address,
    recipient_matches,
    to_draft,
)
from packstation.domain.shipments import LabelFormat, Platform, Shipment, ShipmentRequest, parcel_reference
from packstation.services.ports import LockStore, ShipmentCarrier, ZplConverter

log = logging.getLogger(__name__)

# HTTP statuses of the refusals (any 4xx shows its messages in Picqer; these say what kind of problem it is).
UNPROCESSABLE = 422  # the shipment breaks a rule: correct it in Picqer
CONFLICT = 409  # a label exists that does not fit, or one is being booked right now
FAILED_DEPENDENCY = 424  # MyParcel did not do its part


@dataclass(frozen=True)
class RelayAccount:
    """One Picqer account's view of the relay: which MyParcel account it books on, and whether it may book."""

    name: str  # the Basic Auth user name; part of the lock key
    platform: Platform
    carrier: ShipmentCarrier = field(repr=False)
    allow_booking: bool = True


@dataclass(frozen=True)
class RelayTimings:
    """How long the relay waits for what."""

    deadline: float = 17.0  # answer Picqer by then (Picqer gives up after 20 s)
    lock_poll: float = 0.05  # first wait between two tries for a lease another process holds (doubles)
    lease: float = 300.0  # a lease of a process that died frees itself after this
    background_limit: float = 240.0  # a booking left running after the deadline is stopped after this (< lease)


@dataclass(frozen=True)
class ProviderLabel:
    """What the relay hands Picqer for one shipment."""

    carrier_key: str
    carrier_name: str
    tracking_code: str
    tracking_url: str
    label_format: LabelFormat
    pdf: bytes = field(repr=False)
    zpl: bytes | None = field(default=None, repr=False)
    shipment_ids: tuple[int, ...] = ()
    booked_here: bool = False  # True: the relay booked it now; False: a desk (or an earlier call) had


class RelayRefusal(PackstationError):
    """A 4xx for Picqer's user: a text key of packstation.i18n with its values, and the HTTP status."""

    def __init__(self, key: str, status: int = UNPROCESSABLE, **params: str) -> None:
        super().__init__(f"{key} {params}")
        self.key = key
        self.status = status
        self.params = params


MAX_LOCK_POLL = 0.25  # seconds between two tries for a lease another process holds


@dataclass
class _LocalLock:
    """The requests of this process waiting for one key, in arrival order."""

    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    users: int = 0


def _process_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


# eq=False, repr=False: a service is compared by identity (and stays hashable), and logs as the object it is.
@dataclass(eq=False, repr=False)
class RelayService:
    """Finds or books the shipment of one Picqer request; written against ports only."""

    locks: LockStore
    converter: ZplConverter
    _: KW_ONLY
    zpl_dpi: int = 203
    timings: RelayTimings = RelayTimings()
    today: Callable[[], date] = date.today  # what a delivery date in the past is judged against
    clock: Callable[[], float] = time.monotonic  # the deadlines' clock
    _background: set[asyncio.Task[ProviderLabel]] = field(default_factory=set, init=False)
    _local: dict[str, _LocalLock] = field(default_factory=dict, init=False)

    def config_options(self, account: RelayAccount) -> tuple[ConfigOption, ...]:
        """Return the profile options this account's Picqer profiles can set."""
        return config_options(account.platform)

    @property
    def bookings_in_background(self) -> int:
        """Bookings still running after their request got its answer (the deadline passed)."""
        return sum(1 for task in self._background if not task.done())

    async def create_shipment(self, account: RelayAccount, shipment: ProviderShipment) -> ProviderLabel:
        """Return the label of the picklist's shipment, booking it first when no desk did; raise a refusal.

        Raises:
            RelayRefusal: something Picqer's user can act on (busy, slow MyParcel, address mismatch ...).
            InvalidShipment: the shipment breaks carrier rules; nothing was booked.
        """
        deadline = self.clock() + self.timings.deadline
        try:
            # The common case, a desk booked it, needs no lease: reading and returning a label books nothing.
            async with asyncio.timeout(self.timings.deadline):
                found = await self._booked(account, shipment.picklist_number)
                if found is not None:
                    return await self._returned(account, shipment, *found)
        except TimeoutError:
            raise RelayRefusal("relay.myparcel_slow", FAILED_DEPENDENCY, picklist=shipment.picklist_number) from None
        except ApiError as exc:
            raise _refusal(exc) from exc
        if not account.allow_booking:
            raise RelayRefusal("relay.booking_disabled", UNPROCESSABLE, picklist=shipment.picklist_number)
        draft = to_draft(shipment, account.platform, today=self.today())
        if draft.violations:
            raise InvalidShipment(draft.violations)

        key = f"{account.name}/{shipment.picklist_number}"
        owner = f"{_process_id()}/{uuid.uuid4().hex}"
        if not await self._acquire(key, owner, deadline):
            log.info("picklist %s: another request is booking it; answered 'still being booked'", key)
            raise RelayRefusal("relay.still_booking", CONFLICT, picklist=shipment.picklist_number)
        task = asyncio.create_task(self._locked(account, shipment, draft.request, key, owner), name=f"relay {key}")
        self._background.add(task)
        task.add_done_callback(self._finished)
        # Not wait_for: at the deadline the booking must go on (it may be half-way at MyParcel) and keep the
        # lease until it is done, so the retry finds it instead of booking a second label.
        done, _ = await asyncio.wait({task}, timeout=max(0.0, deadline - self.clock()))
        if task in done:
            return task.result()
        log.warning(
            "picklist %s: not done within %.1f s; the booking goes on in the background", key, self.timings.deadline
        )
        raise RelayRefusal("relay.myparcel_slow", FAILED_DEPENDENCY, picklist=shipment.picklist_number)

    def _finished(self, task: asyncio.Task[ProviderLabel]) -> None:
        self._background.discard(task)
        if task.cancelled():
            return
        error = task.exception()  # retrieved here, so a late failure is logged once, not as "never retrieved"
        if error is not None and not isinstance(error, RelayRefusal | InvalidShipment):
            log.warning("%s ended with %s: %s", task.get_name(), type(error).__name__, error)

    async def drain(self, grace: float) -> None:
        """Wait (up to `grace` seconds) for bookings left in the background, so their leases are given back."""
        pending = [task for task in self._background if not task.done()]
        if pending:
            await asyncio.wait(pending, timeout=grace)

    async def _acquire(self, key: str, owner: str, deadline: float) -> bool:
        """Take the lease by the deadline. Requests of this process queue on a local lock first (handed over at
        once, without polling); the one at the front polls the store, where other processes compete."""
        local = self._local.setdefault(key, _LocalLock())
        local.users += 1
        try:
            async with asyncio.timeout(max(0.0, deadline - self.clock())):
                await local.lock.acquire()
        except TimeoutError:
            self._forget(key, local)
            return False
        wait = self.timings.lock_poll
        while True:
            try:
                taken = await self.locks.try_acquire(key, owner, self.timings.lease)
            except Exception as exc:
                # The lock database is down or locked up: an outage to report, not a bug (and nothing is booked).
                local.lock.release()
                self._forget(key, local)
                log.exception("picklist %s: the lock store cannot be used", key)
                raise RelayRefusal("relay.lock_store_down", FAILED_DEPENDENCY) from exc
            if taken:
                return True
            left = deadline - self.clock()
            if left <= 0:
                local.lock.release()
                self._forget(key, local)
                return False
            await asyncio.sleep(min(wait, left))
            wait = min(wait * 2, MAX_LOCK_POLL)

    def _forget(self, key: str, local: _LocalLock) -> None:
        local.users -= 1
        if local.users == 0:
            self._local.pop(key, None)

    async def _release(self, key: str, owner: str) -> None:
        try:
            await self.locks.release(key, owner)
        except Exception:
            log.exception("picklist %s: the lease could not be given back; it runs out by itself", key)
        finally:
            local = self._local.get(key)
            if local is not None:
                local.lock.release()
                self._forget(key, local)

    async def _locked(
        self, account: RelayAccount, shipment: ProviderShipment, request: ShipmentRequest, key: str, owner: str
    ) -> ProviderLabel:
        try:
            async with asyncio.timeout(self.timings.background_limit):
                try:
                    # Under the lease, look again: the request before this one may have booked it meanwhile.
                    found = await self._booked(account, shipment.picklist_number)
                    if found is None:
                        # looked_up: nothing is booked under the reference (checked just now, under the lease).
                        created = await account.carrier.create(request, looked_up=True)
                        log.info("picklist %s: booked shipment %s", shipment.picklist_number, created[0].id)
                finally:
                    # The lease guards the booking only: once MyParcel has the shipment, a lookup finds it, so the
                    # label is fetched and converted without holding up the requests queued behind this one.
                    # Shielded: a cancelled request (server shutting down) must still give the lease back.
                    await asyncio.shield(self._release(key, owner))
                if found is not None:
                    return await self._returned(account, shipment, *found)
                return await self._label(account, created[0], tuple(s.id for s in created), booked_here=True)
        except ApiError as exc:
            raise _refusal(exc) from exc

    async def _returned(
        self, account: RelayAccount, shipment: ProviderShipment, main: Shipment, ids: tuple[int, ...]
    ) -> ProviderLabel:
        """Return the label of a shipment booked before (by a desk or an earlier call) if it goes where Picqer says."""
        if not recipient_matches(main, shipment.recipient):
            raise RelayRefusal(
                "relay.recipient_mismatch",
                CONFLICT,
                picklist=shipment.picklist_number,
                booked=booked_address(main),
                picqer=picqer_address(shipment.recipient),
            )
        log.info("picklist %s: returning the label of shipment %s booked before", shipment.picklist_number, main.id)
        return await self._label(account, main, ids, booked_here=False)

    async def _booked(self, account: RelayAccount, picklist: str) -> tuple[Shipment, tuple[int, ...]] | None:
        """Return the main shipment booked under the picklist (one parcel, or the desk's multi-collo "-1")."""
        references = (picklist, parcel_reference(picklist, 1, 2))
        # Both at once: a one-parcel booking and a desk's multi-collo one ("-1") cost one round trip, not two.
        results = await asyncio.gather(*(account.carrier.find_by_reference(ref) for ref in references))
        for reference, found in zip(references, results, strict=True):
            secondary = {sid for s in found for sid in s.secondary_ids}
            mains = [s for s in found if s.id not in secondary]
            if mains:
                if len(mains) > 1:
                    log.warning(
                        "picklist %s: %d shipments carry reference %s; using the oldest",
                        picklist,
                        len(mains),
                        reference,
                    )
                main = mains[0]
                return main, (main.id, *main.secondary_ids)
        return None

    async def _label(
        self, account: RelayAccount, main: Shipment, ids: tuple[int, ...], *, booked_here: bool
    ) -> ProviderLabel:
        label_format = LabelFormat.A4 if needs_a4(main) else LabelFormat.A6
        pdf = await account.carrier.fetch_label(list(ids), label_format)
        if not main.barcode:  # the barcode exists once the label does
            main = await account.carrier.get_shipment(main.id)
        zpl = None
        if label_format is LabelFormat.A6:  # an A4 customs sheet goes to a document printer, never as ZPL
            try:
                zpl = await self.converter.to_zpl(pdf, self.zpl_dpi)
            except LabelError as exc:
                log.warning("shipment %s: no ZPL (%s); Picqer gets the PDF only", main.id, exc)
        return ProviderLabel(
            carrier_key=carrier_key(main.carrier, account.platform),
            carrier_name=carrier_name(main.carrier),
            tracking_code=main.barcode,
            tracking_url=await account.carrier.tracking_url(main),
            label_format=label_format,
            pdf=pdf,
            zpl=zpl,
            shipment_ids=ids,
            booked_here=booked_here,
        )


# MyParcel failures whose refusal carries no values: the kind of problem says all Picqer's user can act on.
_PLAIN_REFUSALS: tuple[tuple[type[ApiError], str], ...] = (
    (Unauthorized, "relay.myparcel_key"),
    (RateLimited, "relay.myparcel_busy"),
    (RequestTimeout, "relay.myparcel_slow"),
    (ConnectionFailed, "relay.myparcel_unreachable"),
    (ServerError, "relay.myparcel_unreachable"),
    (BadResponse, "relay.myparcel_bad_answer"),
)


def _refusal(exc: ApiError) -> RelayRefusal:
    """Say what a MyParcel failure means for Picqer's user."""
    if isinstance(exc, PaymentRequired):
        if exc.payment_url:
            return RelayRefusal("relay.myparcel_payment", FAILED_DEPENDENCY, url=exc.payment_url)
        return RelayRefusal("relay.myparcel_payment_no_url", FAILED_DEPENDENCY)
    if isinstance(exc, Rejected):
        return RelayRefusal(
            "relay.myparcel_refused", UNPROCESSABLE, messages="; ".join(m.text for m in exc.messages) or exc.message
        )
    for kind, key in _PLAIN_REFUSALS:
        if isinstance(exc, kind):
            return RelayRefusal(key, FAILED_DEPENDENCY)
    return RelayRefusal("relay.myparcel_failed", FAILED_DEPENDENCY, message=exc.message)
