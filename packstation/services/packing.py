"""Verified packing of one opened picklist (issue 16): load products and boxes, apply scans, pick in Picqer.

Every change is saved in the journal before the call returns, so a half-packed picklist keeps its ticks, boxes
and weights across a restart. Picks go to Picqer when `flush_picks` is called (one request per picklist line,
amounts coalesced), never per scan: a packer scanning fast must not spend the shared rate limit.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Mapping

from packstation.domain.packing import (
    OrderedLine,
    Packaging,
    PackingState,
    Pick,
    PickLedger,
    Product,
    ScanResult,
    Untick,
)
from packstation.domain.picklists import Picklist, PicklistLine
from packstation.domain.shipments import ParcelBox, ShipmentRequest
from packstation.services.ports import PackProgress, PicklistSource

log = logging.getLogger(__name__)


def _fallback_product(index: int, code: str, name: str, weight: int | None) -> Product:
    """A line Picqer gave no idproduct for: matched by its product code only (negative id: never a real one)."""
    return Product(id=-(index + 1), code=code, name=name, weight_grams=weight)


class PackingSession:
    """The packing of one picklist at this station: scans, manual ticks, boxes, weights and picks."""

    def __init__(
        self,
        picklist: Picklist,
        state: PackingState,
        ledger: PickLedger,
        picqer: PicklistSource,
        progress: PackProgress,
    ) -> None:
        self.picklist = picklist
        self.state = state
        self.ledger = ledger
        self._picqer = picqer
        self._progress = progress
        self._flushing = asyncio.Lock()

    # --- the packer's actions (each saved before it returns) ------------------------------------

    async def scan(self, code: str) -> ScanResult:
        """Apply one scan (a product, or a box barcode that adds a parcel)."""
        result = self.state.tick(code)
        if result.accepted:
            await self.save()
        return result

    async def tick_manually(self, key: str, reason: str) -> ScanResult:
        """Tick one unit of a line without scanning it; the reason is kept in the journal."""
        result = self.state.tick_manually(key, reason)
        if result.accepted:
            await self.save()
        return result

    async def untick(self, key: str) -> Untick:
        """Take one unit of a line out again. A unit already picked in Picqer stays picked there (no unpick):
        the result says how many, so the packer is not told Picqer took it back."""
        result = self.state.untick(key)
        if not result.removed:
            return result
        await self.save()
        still = self.ledger.still_picked(self.state, result.line.line_index)
        return dataclasses.replace(result, still_picked=still)

    async def remove_parcel(self, parcel: int = -1) -> Packaging:
        """Take a box scanned by mistake out of the shipment again."""
        removed = self.state.remove_parcel(parcel)
        await self.save()
        return removed

    async def weigh(self, grams: int, parcel: int = -1, *, typed: bool = False) -> bool:
        """Record a parcel's weight (the last box by default): the scale's stable reading, or one the packer typed,
        which wins over the scale. Return whether it was taken (a reading never replaces a typed weight)."""
        taken = self.state.weigh(grams, parcel, typed=typed)
        if taken:
            await self.save()
        return taken

    async def forget_weight(self, parcel: int = -1) -> None:
        """Forget a parcel's typed weight (the packer emptied it): the scale's next reading fills it again."""
        self.state.forget_weight(parcel)
        await self.save()

    async def save(self) -> None:
        data = dict(self.state.snapshot())
        data["picks_sent"] = {str(index): n for index, n in self.ledger.sent.items()}
        await self._progress.save_pack_progress(self.picklist.id, self.picklist.number, data)

    # --- Picqer ------------------------------------------------------------------------------------

    def picks_due(self) -> list[Pick]:
        """The picks not yet sent to Picqer (one per picklist line)."""
        return list(self.ledger.due(self.state).values())

    async def flush_picks(self) -> int:
        """Send the units packed since the last flush to Picqer as picks; return how many units were picked.

        One request per picklist line, sent one after another through the shared limiter; "is locked" is
        retried by the client. Each accepted pick is recorded at once, so an error part-way (raised to the
        caller) leaves the remaining picks due for the next flush and none sent twice.
        """
        async with self._flushing:  # two flushes at once would send the same units twice
            due = self.ledger.due(self.state)
            if not due:
                return 0
            by_line = {_pick_key(pick): index for index, pick in due.items()}
            picked = 0

            def confirmed(pick: Pick) -> None:
                nonlocal picked
                self.ledger.confirm(by_line[_pick_key(pick)], pick.amount)
                picked += pick.amount

            try:
                await self._picqer.pick(self.picklist.id, list(due.values()), on_picked=confirmed)
            finally:
                if picked:
                    await self.save()
            return picked

    # --- the shipment ------------------------------------------------------------------------------

    @property
    def packaging_ids(self) -> list[int]:
        """The Picqer idpackaging of each parcel (for the Picqer shipment write-back)."""
        return [parcel.packaging.id for parcel in self.state.parcels]

    @property
    def parcel_weights(self) -> list[int | None]:
        """Each parcel's own weight in grams (scale or typed), None for a box not weighed yet."""
        return [parcel.weight_grams for parcel in self.state.parcels]

    def apply_to(self, request: ShipmentRequest) -> ShipmentRequest:
        """Return the request with the boxes of this packing: one parcel per scanned box (multi-collo), each with
        its own weight and box size, and the Picqer packagings.

        A box not weighed yet gets the request's own weight (the weight field: picklist, order or typed). The first
        box is the main parcel: its weight and size are the request's.
        """
        if not self.state.parcels:
            return request
        boxes = tuple(
            ParcelBox(parcel.weight_grams or request.weight_grams, parcel.packaging.dimensions_cm)
            for parcel in self.state.parcels
        )
        return dataclasses.replace(
            request,
            parcels=max(request.parcels, len(boxes)),
            weight_grams=boxes[0].weight_grams,
            dimensions_cm=boxes[0].dimensions_cm,
            packaging_ids=tuple(parcel.packaging.id for parcel in self.state.parcels),
            boxes=boxes,
        )

    async def finish(self) -> None:
        """Forget the packing progress (the picklist is shipped)."""
        await self._progress.clear_pack_progress(self.picklist.id)


class PackingService:
    """Opens packing sessions: products, parts and boxes loaded concurrently, earlier progress restored."""

    def __init__(self, picqer: PicklistSource, progress: PackProgress) -> None:
        self._picqer = picqer
        self._progress = progress
        self._packagings: list[Packaging] | None = None

    async def packagings(self) -> list[Packaging]:
        """The account's boxes (loaded once per service: they change as rarely as the shelves do)."""
        if self._packagings is None:
            self._packagings = await self._picqer.list_packagings()
        return self._packagings

    async def open(self, picklist: Picklist) -> PackingSession:
        """Open the packing of a picklist read with its products; restore what was packed before a restart."""
        # Parts Picqer itself lists under a bundle line are packed through the bundle's parts: skip them.
        lines = [line for line in picklist.lines if line.part_of_line_id is None]
        ids = [line.product_id for line in lines if line.product_id is not None]
        found, packagings, saved = await asyncio.gather(
            self._picqer.get_products(ids), self.packagings(), self._progress.pack_progress(picklist.id)
        )
        products = await self._with_parts(dict(found))
        ordered = [_ordered_line(index, line, products) for index, line in enumerate(lines)]
        state = PackingState(ordered, products, packagings)
        ledger = PickLedger.opened(ordered)
        if saved:
            state.restore(saved)
            ledger = _restored_ledger(ledger, saved.get("picks_sent"))
        return PackingSession(picklist, state, ledger, self._picqer, self._progress)

    async def _with_parts(self, products: dict[int, Product]) -> dict[int, Product]:
        """The products with the parts of their bundles loaded as well (one more request, only when there are)."""
        part_ids = [part.product_id for p in products.values() for part in p.parts if part.product_id not in products]
        if part_ids:
            products.update(await self._picqer.get_products(part_ids))
        return products


def _ordered_line(index: int, line: PicklistLine, products: Mapping[int, Product]) -> OrderedLine:
    """A picklist line joined with its product; a bundle whose parts could not be loaded is packed as one product."""
    product = products.get(line.product_id) if line.product_id is not None else None
    if product is None:
        product = _fallback_product(index, line.product_code, line.name, line.weight_grams)
    if product.is_bundle and any(part.product_id not in products for part in product.parts):
        log.warning("Picqer: parts of bundle %s could not be loaded; packed as one product", product.code)
        product = dataclasses.replace(product, parts=())
    return OrderedLine(line.line_id, product, line.amount, line.amount_picked)


def _pick_key(pick: Pick) -> tuple[int | None, str]:
    """A pick's line: its idpicklist_product, or its product code when Picqer gave no line id."""
    return (pick.line_id, "" if pick.line_id is not None else pick.product_code)


def _restored_ledger(fresh: PickLedger, saved: object) -> PickLedger:
    """What Picqer counts as picked now, or what this station sent before the restart, whichever is more."""
    sent = dict(fresh.sent)
    if isinstance(saved, Mapping):
        for key, n in saved.items():
            if str(key).isdigit() and isinstance(n, int) and int(key) in sent:
                sent[int(key)] = max(sent[int(key)], n)
    return PickLedger(sent)
