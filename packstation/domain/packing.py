"""Verified packing (issue 16): scan each product of a picklist, scan the box, weigh.

Pure rules, no wire field names: what a scan means for the picklist being packed, what is still missing, what the
parcel should weigh, and how many units of each Picqer picklist line are packed (what gets picked in Picqer).
Results carry codes and values; the UI words them (English and Dutch).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

from packstation.domain.weighing import WeightSource

_T = TypeVar("_T")

# GTIN lengths (EAN-8, UPC-A, EAN-13, GTIN-14): a code of only digits with one of these lengths carries a check
# digit, so a misread shows as a wrong check digit rather than as some other product.
GTIN_LENGTHS = frozenset({8, 12, 13, 14})


def gtin_check_digit(body: str) -> int:
    """Return the GS1 check digit for the digits before it (weights 3,1,3,... from the right)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def is_valid_gtin(code: str) -> bool:
    """True for an EAN-8/UPC-A/EAN-13/GTIN-14 whose check digit is right."""
    return code.isdigit() and len(code) in GTIN_LENGTHS and gtin_check_digit(code[:-1]) == int(code[-1])


def normalize_code(raw: str) -> str:
    """Return the scanned code as compared: trimmed; a GTIN without leading zeros (UPC-A 0123... == EAN-13 00123...)."""
    code = raw.strip()
    if code.isdigit() and len(code) in GTIN_LENGTHS:
        return code.lstrip("0") or "0"
    return code.casefold()


def is_garbled(raw: str) -> bool:
    """True when a scan cannot be a code at all: empty, control characters, or a GTIN with a wrong check digit."""
    code = raw.strip()
    if not code or any(ord(ch) < 32 or ord(ch) == 127 for ch in code):
        return True
    return code.isdigit() and len(code) in GTIN_LENGTHS and not is_valid_gtin(code)


@dataclass(frozen=True)
class ProductPart:
    """One part of a bundle (Picqer composition): `amount` units of product `product_id` per bundle."""

    product_id: int
    amount: int


@dataclass(frozen=True)
class Product:
    id: int  # Picqer idproduct
    code: str  # Picqer productcode
    name: str
    barcodes: tuple[str, ...] = ()
    weight_grams: int | None = None  # per unit; None: unknown
    parts: tuple[ProductPart, ...] = ()  # a bundle's parts; empty for a normal product

    @property
    def is_bundle(self) -> bool:
        return bool(self.parts)


@dataclass(frozen=True)
class Packaging:
    """A box or envelope the parcel goes in (Picqer packaging)."""

    id: int  # Picqer idpackaging
    name: str
    barcodes: tuple[str, ...] = ()
    length_mm: int | None = None
    width_mm: int | None = None
    height_mm: int | None = None
    weight_grams: int | None = None  # the empty box; None: unknown (counted as 0 in the expected weight)

    @property
    def dimensions_cm(self) -> tuple[int, int, int] | None:
        """Length, width, height in whole centimetres rounded up (a carrier measures the outside), or None."""
        if not (self.length_mm and self.width_mm and self.height_mm):
            return None
        return (math.ceil(self.length_mm / 10), math.ceil(self.width_mm / 10), math.ceil(self.height_mm / 10))


@dataclass(frozen=True)
class OrderedLine:
    """A picklist line as packing needs it (from the picklist, joined with its product)."""

    line_id: int | None  # Picqer idpicklist_product (what a pick names); None when Picqer gave none
    product: Product
    amount: int
    amount_picked: int = 0  # already picked in Picqer when the picklist was opened


@dataclass(frozen=True)
class PackLine:
    """One thing to put in the box: a product line, or one part of a bundle line (its amount multiplied out)."""

    key: str  # stable within the picklist: "3" for line index 3, "3/9005" for part 9005 of bundle line 3
    product: Product
    amount: int
    line_index: int  # the ordered line it comes from
    bundle: Product | None = None  # set for a bundle's part
    per_bundle: int = 1  # units of this part in one bundle


class ScanOutcome(StrEnum):
    TICKED = "ticked"  # one unit of a line packed
    WRONG_PRODUCT = "wrong_product"  # a product we know, but not on this picklist
    EXTRA_UNIT = "extra_unit"  # on the picklist, but every unit of it is packed already
    UNKNOWN_CODE = "unknown_code"  # no product and no box has this code
    GARBLED = "garbled"  # not a code (empty, control characters, wrong check digit): scan again
    BOX_CHOSEN = "box_chosen"  # a packaging barcode: this box is added as a parcel
    BUNDLE_CODE = "bundle_code"  # the code of a bundle on this picklist: its parts are scanned, one by one


@dataclass(frozen=True)
class ScanResult:
    outcome: ScanOutcome
    code: str  # as scanned (trimmed)
    line: PackLine | None = None
    product: Product | None = None
    packaging: Packaging | None = None
    packed: int = 0  # units of `line` packed after this scan
    amount: int = 0  # units of `line` wanted
    reason: str = ""  # manual tick: why the code was not scanned

    @property
    def accepted(self) -> bool:
        return self.outcome in {ScanOutcome.TICKED, ScanOutcome.BOX_CHOSEN}


@dataclass(frozen=True)
class ManualTick:
    key: str
    reason: str


@dataclass
class Parcel:
    """One box of the shipment (multi-collo: one per box scanned) and its own weight, once weighed or typed."""

    packaging: Packaging
    weight_grams: int | None = None
    weight_source: WeightSource = WeightSource.NONE  # SCALE: a stable reading; TYPED: the packer's, which wins

    @property
    def weighed(self) -> bool:
        return self.weight_grams is not None


@dataclass(frozen=True)
class Untick:
    """One unit taken out of a line again: what is packed now, and what Picqer still counts as picked."""

    line: PackLine
    packed: int  # units of the line packed now
    removed: bool  # False: nothing of the line was packed, nothing changed
    manual_reason: str = ""  # the reason of the hand tick taken back ("" for a scanned unit)
    # Units of the picklist line Picqer counts as picked beyond what is packed now. Picqer has no "unpick"
    # (api-notes §17): those stay picked there, and a unit packed again is not picked a second time.
    still_picked: int = 0


def expand_lines(lines: Iterable[OrderedLine], products: Mapping[int, Product]) -> list[PackLine]:
    """Return what to pack: each line, a bundle line replaced by its parts times the bundle amount.

    `products` holds the bundles' parts by id; a part missing from it raises KeyError (the caller loads them first).
    """
    out: list[PackLine] = []
    for index, line in enumerate(lines):
        if not line.product.is_bundle:
            out.append(PackLine(str(index), line.product, line.amount, index))
            continue
        for part in line.product.parts:
            out.append(
                PackLine(
                    f"{index}/{part.product_id}",
                    products[part.product_id],
                    part.amount * line.amount,
                    index,
                    bundle=line.product,
                    per_bundle=part.amount,
                )
            )
    return out


def _product_codes(product: Product) -> list[str]:
    """Return every code a scan of this product may read: its barcodes and its product code, normalised."""
    return [normalize_code(code) for code in (*product.barcodes, product.code) if code]


def _first_by_code(pairs: Iterable[tuple[str, _T]]) -> dict[str, _T]:
    """Return each code's first value: a code two products (or boxes) share belongs to the first."""
    found: dict[str, _T] = {}
    for code, value in pairs:
        found.setdefault(code, value)
    return found


def _products_by_code(products: Iterable[Product]) -> dict[str, Product]:
    return _first_by_code((code, product) for product in products for code in _product_codes(product))


def _lines_by_code(lines: Iterable[PackLine]) -> dict[str, list[PackLine]]:
    """Return the lines each code ticks, in picklist order (a code may tick several lines: same product twice)."""
    wanted: dict[str, list[PackLine]] = {}
    for line in lines:
        for code in _product_codes(line.product):
            bucket = wanted.setdefault(code, [])
            if line not in bucket:
                bucket.append(line)
    return wanted


class PackingState:
    """The packing of one picklist: ticks per line, manual ticks, boxes. Not thread-safe (one station, one loop)."""

    def __init__(
        self,
        lines: Iterable[OrderedLine],
        products: Mapping[int, Product],
        packagings: Iterable[Packaging] = (),
    ) -> None:
        self.ordered: tuple[OrderedLine, ...] = tuple(lines)
        self.lines: tuple[PackLine, ...] = tuple(expand_lines(self.ordered, products))
        self.packagings: tuple[Packaging, ...] = tuple(packagings)
        self.packed: dict[str, int] = {line.key: 0 for line in self.lines}
        self.manual: list[ManualTick] = []
        self.parcels: list[Parcel] = []
        self._by_key = {line.key: line for line in self.lines}
        self._boxes = _first_by_code((normalize_code(c), p) for p in self.packagings for c in p.barcodes)
        # Every product we know (picklist products, parts, and others the caller passed): a product that is known
        # but not wanted is a wrong product, not an unknown code.
        self._known = _products_by_code([*products.values(), *(line.product for line in self.lines)])
        self._bundles = _products_by_code(o.product for o in self.ordered if o.product.is_bundle)
        self._wanted = _lines_by_code(self.lines)

    # --- scanning -------------------------------------------------------------------------------------

    def tick(self, raw: str) -> ScanResult:
        """Apply one scan: tick a unit of the first unfinished line with this code, or choose a box."""
        code = raw.strip()
        if is_garbled(raw):
            return ScanResult(ScanOutcome.GARBLED, code)
        key = normalize_code(code)
        box = self._boxes.get(key)
        if box is not None:
            self.parcels.append(Parcel(box))
            return ScanResult(ScanOutcome.BOX_CHOSEN, code, packaging=box)
        candidates = self._wanted.get(key)
        if candidates:
            for line in candidates:
                if self.packed[line.key] < line.amount:
                    self.packed[line.key] += 1
                    return self._result(ScanOutcome.TICKED, code, line)
            last = candidates[-1]
            return self._result(ScanOutcome.EXTRA_UNIT, code, last)
        bundle = self._bundles.get(key)
        if bundle is not None:
            return ScanResult(ScanOutcome.BUNDLE_CODE, code, product=bundle)
        known = self._known.get(key)
        if known is not None:
            return ScanResult(ScanOutcome.WRONG_PRODUCT, code, product=known)
        return ScanResult(ScanOutcome.UNKNOWN_CODE, code)

    def tick_manually(self, key: str, reason: str) -> ScanResult:
        """Tick one unit of a line without its barcode (label missing, unreadable): the reason is kept."""
        reason = " ".join(reason.split())
        if not reason:
            raise ValueError("a manual tick needs a reason")
        line = self._by_key[key]
        if self.packed[key] >= line.amount:
            return self._result(ScanOutcome.EXTRA_UNIT, line.product.code, line, reason)
        self.packed[key] += 1
        self.manual.append(ManualTick(key, reason))
        return self._result(ScanOutcome.TICKED, line.product.code, line, reason)

    def untick(self, key: str) -> Untick:
        """Take one unit of a line out again (packed by mistake, or ticked by hand wrongly)."""
        line = self._by_key[key]
        if self.packed[key] <= 0:
            return Untick(line, 0, removed=False)
        self.packed[key] -= 1
        reason = ""
        manual = [i for i, m in enumerate(self.manual) if m.key == key]
        if len(manual) > self.packed[key]:
            reason = self.manual.pop(manual[-1]).reason  # more manual ticks than units left: the last one goes
        return Untick(line, self.packed[key], removed=True, manual_reason=reason)

    def remove_parcel(self, parcel: int = -1) -> Packaging:
        """Take a box out of the shipment again (scanned by mistake); return which box it was."""
        if not self.parcels:
            raise ValueError("no box to remove")
        return self.parcels.pop(parcel).packaging

    def weigh(self, grams: int, parcel: int = -1, *, typed: bool = False) -> bool:
        """Record a parcel's weight (the last box by default, the one being packed); return whether it was taken.

        A typed weight always wins; the scale's reading does not overwrite a weight the packer typed for that box.
        """
        if not self.parcels:
            raise ValueError("scan a box before weighing")
        if grams <= 0:
            raise ValueError("a weight must be positive")
        box = self.parcels[parcel]
        if not typed and box.weight_source is WeightSource.TYPED:
            return False
        box.weight_grams = int(grams)
        box.weight_source = WeightSource.TYPED if typed else WeightSource.SCALE
        return True

    def forget_weight(self, parcel: int = -1) -> None:
        """Forget a parcel's weight (the packer emptied the typed weight): the scale's next reading fills it."""
        if self.parcels:
            self.parcels[parcel].weight_grams = None
            self.parcels[parcel].weight_source = WeightSource.NONE

    def _result(self, outcome: ScanOutcome, code: str, line: PackLine, reason: str = "") -> ScanResult:
        return ScanResult(
            outcome,
            code,
            line=line,
            product=line.product,
            packed=self.packed[line.key],
            amount=line.amount,
            reason=reason,
        )

    # --- where we are ---------------------------------------------------------------------------------

    @property
    def complete(self) -> bool:
        """Every unit of every line is packed."""
        return all(self.packed[line.key] >= line.amount for line in self.lines)

    def missing(self) -> list[tuple[PackLine, int]]:
        """Each line not fully packed, with how many units it still lacks (picklist order)."""
        return [
            (line, line.amount - self.packed[line.key]) for line in self.lines if self.packed[line.key] < line.amount
        ]

    @property
    def packaging(self) -> Packaging | None:
        """The box chosen first (the Picqer shipment's packaging), or None."""
        return self.parcels[0].packaging if self.parcels else None

    def expected_weight_grams(self) -> int | None:
        """Products of the whole picklist plus every box; None when a product's weight is unknown."""
        total = 0
        for line in self.lines:
            if not line.product.weight_grams:
                return None
            total += line.product.weight_grams * line.amount
        return total + sum(p.packaging.weight_grams or 0 for p in self.parcels)

    def weight_with_reading(self, reading: int | None) -> int | None:
        """What the shipment weighs, to judge against the expected weight; None while that cannot be told.

        `reading`: a scale reading just made, the weight of the box being packed (the last one) unless the packer
        typed that box's weight; None to judge the boxes' own weights as recorded (after a box was removed, the last
        reading may be of a box no longer there). Without boxes the reading is the whole shipment.
        """
        if not self.parcels:
            return reading
        *earlier, last = self.parcels
        if not all(parcel.weighed for parcel in earlier):
            return None
        use_reading = reading is not None and last.weight_source is not WeightSource.TYPED
        own = reading if use_reading else last.weight_grams
        return None if own is None else own + sum(parcel.weight_grams or 0 for parcel in earlier)

    def units_packed_per_line(self) -> dict[int, int]:
        """Units packed per ordered line (by index): a bundle counts the whole bundles its packed parts make up."""
        units: dict[int, int] = {}
        for index, ordered in enumerate(self.ordered):
            parts = [line for line in self.lines if line.line_index == index]
            if ordered.product.is_bundle:
                units[index] = min((self.packed[p.key] // p.per_bundle for p in parts), default=0)
            else:
                units[index] = sum(self.packed[p.key] for p in parts)
        return units

    # --- journal --------------------------------------------------------------------------------------

    def snapshot(self) -> dict[str, object]:
        """Plain data to store (JSON): what is packed, manual ticks, boxes and weights."""
        return {
            "packed": {key: n for key, n in self.packed.items() if n},
            "manual": [{"key": m.key, "reason": m.reason} for m in self.manual],
            "parcels": [
                {"idpackaging": p.packaging.id, "weight": p.weight_grams, "source": p.weight_source.value}
                for p in self.parcels
            ],
        }

    def restore(self, data: Mapping[str, object]) -> None:
        """Apply a snapshot taken earlier of the same picklist; lines or boxes no longer there are skipped."""
        packed = data.get("packed")
        if isinstance(packed, Mapping):
            self._restore_packed(packed)
        manual = data.get("manual")
        if isinstance(manual, list):
            self.manual = [
                ManualTick(str(m["key"]), str(m.get("reason", "")))
                for m in manual
                if isinstance(m, Mapping) and str(m.get("key")) in self._by_key
            ]
        parcels = data.get("parcels")
        if isinstance(parcels, list):
            self.parcels = self._restored_parcels(parcels)

    def _restore_packed(self, packed: Mapping[object, object]) -> None:
        for key, n in packed.items():
            line = self._by_key.get(str(key))
            if line is not None and isinstance(n, int):
                self.packed[line.key] = max(0, min(n, line.amount))

    def _restored_parcels(self, parcels: list[object]) -> list[Parcel]:
        by_id = {p.id: p for p in self.packagings}
        restored = []
        for item in parcels:
            if not isinstance(item, Mapping):
                continue
            # Any stored value may be looked up: one that is not an int id simply finds no packaging.
            packaging = by_id.get(item.get("idpackaging"))  # type: ignore[arg-type]
            if packaging is not None:
                restored.append(_restored_parcel(packaging, item))
        return restored


def _restored_parcel(packaging: Packaging, item: Mapping[object, object]) -> Parcel:
    """A parcel from the journal; a weight stored before sources were kept came from the scale."""
    weight = item.get("weight")
    if not isinstance(weight, int) or weight <= 0:
        return Parcel(packaging)
    source = WeightSource.TYPED if item.get("source") == WeightSource.TYPED.value else WeightSource.SCALE
    return Parcel(packaging, weight, source)


@dataclass(frozen=True)
class Pick:
    """Units of one Picqer picklist line to mark as picked."""

    line_id: int | None
    product_code: str
    amount: int


@dataclass
class PickLedger:
    """What Picqer already counts as picked per ordered line; the difference to the packed units is still to send."""

    sent: dict[int, int] = field(default_factory=dict)

    @classmethod
    def opened(cls, lines: Iterable[OrderedLine]) -> PickLedger:
        return cls({index: line.amount_picked for index, line in enumerate(lines)})

    def due(self, state: PackingState) -> dict[int, Pick]:
        """Per ordered line, the units packed but not yet picked in Picqer (one pick per line, amounts coalesced)."""
        out: dict[int, Pick] = {}
        for index, units in state.units_packed_per_line().items():
            ordered = state.ordered[index]
            extra = min(units, ordered.amount) - self.sent.get(index, 0)
            if extra > 0:
                out[index] = Pick(ordered.line_id, ordered.product.code, extra)
        return out

    def still_picked(self, state: PackingState, index: int) -> int:
        """Units of an ordered line Picqer counts as picked beyond what is packed now (there is no unpick)."""
        packed = min(state.units_packed_per_line().get(index, 0), state.ordered[index].amount)
        return max(0, self.sent.get(index, 0) - packed)

    def confirm(self, index: int, amount: int) -> None:
        self.sent[index] = self.sent.get(index, 0) + amount
