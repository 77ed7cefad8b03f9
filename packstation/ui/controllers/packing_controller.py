"""Verified packing in the window (issue 16): the open picklist's packing session, its scans, ticks and picks.

While a picklist is open its scans come here first: a product code ticks a line, a box barcode chooses a box, and
anything else is refused at once with a beep so the packer looks up. Picks go to Picqer a second after the last
tick (and before F12), never per scan. Before F12 the station's pack check decides whether unticked lines may ship.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Callable

import qasync
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from packstation.domain.mapping import Draft
from packstation.domain.packing import ScanOutcome, ScanResult
from packstation.services.packing import PackingService, PackingSession
from packstation.services.shipping import OpenedPicklist, ShipmentJob
from packstation.services.weighing import Weighing, WeighingEvent, WeighingEventKind
from packstation.settings import PackCheck
from packstation.ui.messages import Messages
from packstation.ui.tasks import Tasks

log = logging.getLogger(__name__)

FLUSH_DELAY_MS = 1000  # picks go to Picqer this long after the last tick: one request per line, not per scan
REFUSED = {
    ScanOutcome.WRONG_PRODUCT,
    ScanOutcome.EXTRA_UNIT,
    ScanOutcome.UNKNOWN_CODE,
    ScanOutcome.GARBLED,
    ScanOutcome.BUNDLE_CODE,
}


class PackingController(QObject):
    """Own the packing session of the open picklist and turn scans into ticks, boxes and refusals."""

    changed = Signal()  # the session's lines, ticks or boxes changed (or another session opened / closed)
    said = Signal(str, str)  # text, tone ("", "ok", "error")
    refused = Signal(str)  # a scan that ticked nothing: the packer must put the item back
    weight_read = Signal(int)  # a stable weight from the scale, in grams
    scale_changed = Signal(str, str)  # the scale's news for the status line: text, tone

    def __init__(
        self,
        service: PackingService,
        messages: Messages,
        pack_check: PackCheck = PackCheck.OFF,
        weighing: Weighing | None = None,
        parent: QObject | None = None,
        *,
        beep: Callable[[], None] = QApplication.beep,
    ) -> None:
        super().__init__(parent)
        self.service, self.messages, self.pack_check, self.weighing = service, messages, pack_check, weighing
        self.session: PackingSession | None = None
        self._beep = beep
        self._tasks = Tasks()
        self._scanning = asyncio.Lock()
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(FLUSH_DELAY_MS)
        self._flush_timer.timeout.connect(self._flush_later)
        if weighing is not None:
            weighing.subscribe(self._on_weighing)

    # --- opening and closing -----------------------------------------------------------------------

    @qasync.asyncSlot(object)
    async def open(self, opened: OpenedPicklist) -> None:
        """Open (or restore) the packing of a picklist the shipping controller just opened."""
        self._tasks.adopt(key="open")
        previous, self.session = self.session, None  # no scan ticks the picklist left while this one loads
        self.changed.emit()
        if previous is not None:
            await self.flush(previous)  # its ticks stay in the journal; its picks go now
        if opened.existing:  # already shipped: nothing left to pack
            return
        try:
            session = await self.service.open(opened.picklist)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.exception("Packing could not be opened")
            self.session = None
            self.changed.emit()
            self.said.emit(self.messages.t("pack.failed", error=exc), "error")
            return
        self.session = session
        self.changed.emit()

    @qasync.asyncSlot(object)
    async def shipped(self, job: ShipmentJob) -> None:
        """The shipment is booked: the picks left go to Picqer and the progress is forgotten."""
        session = self.session
        if job.reprint or session is None or session.picklist.id != job.picklist.id:
            return
        self._tasks.adopt()
        try:
            # Usually nothing is due (flushed at F12); the write-back's "pick all" may have picked the rest already,
            # so a refusal here is no news for the packer.
            await session.flush_picks()
        except Exception as exc:
            log.info("Picks after the shipment not sent: %s", exc)
        try:
            await session.finish()
        except Exception:
            log.exception("Packing progress could not be cleared")
        if self.session is session:
            self.session = None
            self.changed.emit()

    # --- scans ---------------------------------------------------------------------------------------

    def half_packed_words(self, other: str) -> str:
        """The question asked before a scan of another picklist leaves this half-packed one."""
        assert self.session is not None
        packed, total = self.progress()
        return self.messages.t(
            "pack.switch.text", number=self.session.picklist.number, packed=packed, total=total, other=other
        )

    def progress(self) -> tuple[int, int]:
        """Units ticked and units wanted on the open picklist."""
        if self.session is None:
            return 0, 0
        state = self.session.state
        return sum(state.packed.values()), sum(line.amount for line in state.lines)

    @qasync.asyncSlot(str)
    async def scan(self, code: str) -> None:
        """Apply a product or box scan to the open packing; a refused one beeps and ticks nothing."""
        session = self.session
        if session is None:
            return
        async with self._scanning:  # one after another: the packer hears about each scan in the order made
            result = await session.scan(code)
            self._tell(result)

    @qasync.asyncSlot(str, str)
    async def tick_manually(self, key: str, reason: str) -> None:
        """Tick one unit of a line without scanning it (the reason is kept in the journal)."""
        session = self.session
        if session is None or not reason.strip():
            return
        async with self._scanning:
            result = await session.tick_manually(key, reason)
            self._tell(result, manual=True)

    def _tell(self, result: ScanResult, *, manual: bool = False) -> None:
        m = self.messages
        if result.outcome in REFUSED:
            self._beep()
            name = result.product.name if result.product is not None else ""
            self.refused.emit(m.t(f"pack.{result.outcome.value}", code=result.code, name=name, amount=result.amount))
            return
        self.changed.emit()
        if result.outcome is ScanOutcome.BOX_CHOSEN and result.packaging is not None:
            count = len(self.session.state.parcels) if self.session is not None else 1
            self.said.emit(m.t("pack.box_chosen", box=result.packaging.name, count=count), "ok")
            return
        self._flush_timer.start()  # restarted by every tick: one flush after the packer pauses
        if self.session is not None and self.session.state.complete:
            self.said.emit(m.t("pack.all_ticked"), "ok")
            return
        key = "pack.manual.ticked" if manual else "pack.ticked"
        code = result.line.product.code if result.line is not None else result.code  # what the packer reads
        self.said.emit(m.t(key, code=code, packed=result.packed, amount=result.amount), "ok")

    # --- undo ----------------------------------------------------------------------------------------

    @qasync.asyncSlot(str)
    async def untick(self, key: str) -> None:
        """Take one unit of a line out again (a scan or hand tick by mistake). A unit Picqer counts as picked
        stays picked there (Picqer has no unpick): the packer is told so, not that Picqer took it back."""
        session = self.session
        if session is None:
            return
        async with self._scanning:
            result = await session.untick(key)
        m = self.messages
        code = result.line.product.code
        if not result.removed:
            self._beep()
            self.refused.emit(m.t("pack.untick.nothing", code=code))
            return
        self.changed.emit()
        words = m.t("pack.unticked", code=code, packed=result.packed, amount=result.line.amount)
        if result.still_picked:
            words += " " + m.t("pack.unticked.picked", count=result.still_picked)
        self.said.emit(words, "ok")

    @qasync.asyncSlot(int)
    async def remove_box(self, parcel: int = -1) -> None:
        """Take a box out of the shipment again (the last one by default): one parcel less."""
        session = self.session
        if session is None or not session.state.parcels:
            return
        async with self._scanning:
            removed = await session.remove_parcel(parcel)
        self.changed.emit()
        count = len(session.state.parcels)
        self.said.emit(self.messages.t("pack.box.removed", box=removed.name, count=count), "ok")

    # --- picks ---------------------------------------------------------------------------------------

    def _flush_later(self) -> None:
        self._tasks.start(self.flush(), key="flush")

    async def flush(self, session: PackingSession | None = None) -> int:
        """Send the units ticked since the last flush to Picqer as picks; a failure is said and kept for later."""
        if session is None:
            self._flush_timer.stop()
            session = self.session
        if session is None:
            return 0
        try:
            return await session.flush_picks()
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.warning("Picks not sent to Picqer: %s", exc)
            self.said.emit(self.messages.t("pack.picks_failed", error=exc), "error")
            return 0

    # --- F12 -----------------------------------------------------------------------------------------

    def missing_words(self) -> tuple[int, str]:
        """How many lines are not fully ticked, and which (code x units), for the packer."""
        if self.session is None:
            return 0, ""
        missing = self.session.state.missing()
        return len(missing), ", ".join(f"{line.product.code} x{n}" for line, n in missing[:6]) + (
            ", …" if len(missing) > 6 else ""
        )

    def may_ship(self, confirm: Callable[[str, str], bool], say: Callable[[str, str], None]) -> bool:
        """F12: whether the open picklist may ship as packed (the pack check decides); the picks are flushed."""
        session = self.session
        if session is None:
            return True
        count, missing = self.missing_words()
        m = self.messages
        if count and self.pack_check is PackCheck.REQUIRE:
            self._beep()
            say(m.t("pack.missing.refused", missing=missing), "error")
            return False
        if count and self.pack_check is PackCheck.WARN:
            if not confirm(m.t("pack.missing.title"), m.t("pack.missing.text", count=count, missing=missing)):
                return False
        self._tasks.start(self.flush(), key="flush")  # before the write-back picks the rest (pick all)
        return True

    def apply_to(self, draft: Draft | None) -> Draft | None:
        """The draft with the scanned boxes: one parcel per box, the box's size and Picqer packaging."""
        if draft is None or self.session is None:
            return draft
        return dataclasses.replace(draft, request=self.session.apply_to(draft.request))

    # --- the scale -----------------------------------------------------------------------------------

    @qasync.asyncSlot(int)
    async def type_weight(self, grams: int) -> None:
        """The packer typed a weight: it is the box being packed's (the last one), and wins over the scale."""
        session = self.session
        if session is None or not session.state.parcels or grams <= 0:
            return
        await session.weigh(grams, typed=True)
        self.changed.emit()

    @qasync.asyncSlot()
    async def forget_typed_weight(self) -> None:
        """The packer emptied the typed weight: the box being packed takes the scale's next reading again."""
        session = self.session
        if session is None or not session.state.parcels:
            return
        await session.forget_weight()
        self.changed.emit()

    async def _weigh_box(self, grams: int) -> None:
        """A stable reading is the weight of the box being packed (the last scanned), unless one was typed for it."""
        session = self.session
        if session is not None and session.state.parcels and await session.weigh(grams):
            self.changed.emit()

    def _on_weighing(self, event: WeighingEvent) -> None:
        m = self.messages
        if event.kind is WeighingEventKind.STABLE and self.weighing is not None:
            grams = self.weighing.stable_grams
            if grams:
                self._tasks.start(self._weigh_box(grams), key="weigh")
                self.weight_read.emit(grams)
        elif event.kind is WeighingEventKind.UNPLUGGED:
            self.scale_changed.emit(m.t("scale.unplugged"), "error")
        elif event.kind is WeighingEventKind.RECONNECTED:
            self.scale_changed.emit(m.t("scale.back"), "ok")

    @qasync.asyncSlot()
    async def zero(self) -> None:
        """Zero the scale (the empty box or mat on it counts as nothing)."""
        if self.weighing is None:
            return
        self._tasks.adopt()
        try:
            await self.weighing.zero()
        except Exception as exc:
            self.scale_changed.emit(str(exc), "error")
            return
        self.scale_changed.emit(self.messages.t("scale.zeroed"), "ok")

    async def close(self) -> None:
        self._flush_timer.stop()
        await self.flush()
        await self._tasks.close()
