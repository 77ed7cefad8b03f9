"""Weighing rules: what a scale reading means, the weight a parcel should have, and which weight is used.

Pure: the scale adapters (packstation/scale) turn their bytes into a ScaleReading, the weighing service
(services/weighing.py) keeps the latest one, and the UI asks these functions what to show and say.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from packstation.domain.errors import Violation
from packstation.domain.picklists import Picklist


class ScaleStatus(StrEnum):
    """What a scale says about its reading (the HID POS "Scale Status" usages, Toledo's status bits)."""

    FAULT = "fault"
    ZERO = "zero"  # stable at the centre of zero: nothing on the scale
    MOTION = "motion"
    STABLE = "stable"
    UNDER_ZERO = "under_zero"
    OVER_WEIGHT = "over_weight"
    NEEDS_CALIBRATION = "needs_calibration"
    NEEDS_ZEROING = "needs_zeroing"
    UNKNOWN = "unknown"  # a status or unit this app does not know: never used as a weight


# Only these give a weight the app may use; every other status is shown, never filled in.
STABLE_STATUSES = frozenset({ScaleStatus.STABLE, ScaleStatus.ZERO})


@dataclass(frozen=True)
class ScaleReading:
    """One reading, already in grams with the scale's unit and exponent applied."""

    grams: float
    stable: bool
    status: ScaleStatus

    @classmethod
    def of(cls, grams: float, status: ScaleStatus) -> ScaleReading:
        return cls(grams, status in STABLE_STATUSES, status)

    @property
    def whole_grams(self) -> int:
        """The weight rounded to whole grams (what Picqer and MyParcel take)."""
        return round(self.grams)


class ZeroMethod(StrEnum):
    """How a zero request was carried out."""

    SCALE = "scale"  # the scale zeroed itself (HID POS Zero Scale, Toledo 'Z')
    SOFTWARE = "software"  # the scale cannot be zeroed remotely: the app subtracts what it weighed at that moment


@dataclass(frozen=True)
class ProductWeight:
    """One picklist line for the expected weight: its weight per unit (None/0 = unknown) and amount."""

    name: str
    amount: int
    grams_each: int | None


@dataclass(frozen=True)
class ExpectedWeight:
    """The weight a parcel should have; `unknown` names the products without a weight (then nothing is checked)."""

    grams: int
    unknown: tuple[str, ...] = ()

    @property
    def known(self) -> bool:
        return not self.unknown


def products_of(picklist: Picklist) -> list[ProductWeight]:
    """Return the picklist's lines as products to weigh (what is in this parcel, not the whole order)."""
    return [ProductWeight(line.name, line.amount, line.weight_grams) for line in picklist.lines]


def expected_weight(products: Iterable[ProductWeight], box_grams: int) -> ExpectedWeight:
    """Return the sum of product weight x amount plus the box."""
    total = max(box_grams, 0)
    unknown: list[str] = []
    for product in products:
        if product.amount <= 0:
            continue
        if not product.grams_each or product.grams_each < 0:
            unknown.append(product.name)
            continue
        total += product.grams_each * product.amount
    return ExpectedWeight(total, tuple(unknown))


@dataclass(frozen=True)
class WeightTolerance:
    """How far a weighed parcel may be from the expected weight: the larger of the two that are set.

    0 for both switches the check off. A percentage alone is too tight for light parcels (5% of 80 g is 4 g,
    less than a packing slip), grams alone too tight for heavy ones: together they cover both.
    """

    grams: int = 0
    percent: float = 0.0

    @property
    def enabled(self) -> bool:
        return self.grams > 0 or self.percent > 0

    def allowed(self, expected_grams: int) -> int:
        """Return the allowed difference in grams for a parcel expected to weigh `expected_grams`."""
        by_percent = round(expected_grams * self.percent / 100) if self.percent > 0 else 0
        return max(self.grams if self.grams > 0 else 0, by_percent)


WEIGHT_TOO_HIGH = "weight_too_high"
WEIGHT_TOO_LOW = "weight_too_low"


def check_weight(measured_grams: int, expected: ExpectedWeight, tolerance: WeightTolerance) -> Violation | None:
    """Return why the measured weight does not fit the expected one, or None when it fits or cannot be judged.

    Not judged: the check switched off, or a product without a weight (the expected weight would be too low
    and every parcel would be called too heavy).
    """
    if not tolerance.enabled or not expected.known or expected.grams <= 0:
        return None
    allowed = tolerance.allowed(expected.grams)
    difference = measured_grams - expected.grams
    if abs(difference) <= allowed:
        return None
    code = WEIGHT_TOO_HIGH if difference > 0 else WEIGHT_TOO_LOW
    params = (
        ("measured", str(measured_grams)),
        ("expected", str(expected.grams)),
        ("difference", str(abs(difference))),
        ("allowed", str(allowed)),
    )
    return Violation(code, params)


class WeightSource(StrEnum):
    TYPED = "typed"
    SCALE = "scale"
    NONE = "none"


@dataclass(frozen=True)
class TypedWeight:
    """A weight the packer typed, with when (any monotonic clock, the same one as StableWeight)."""

    grams: int
    at: float


@dataclass(frozen=True)
class StableWeight:
    """The scale's latest stable weight and when it last changed to that value."""

    grams: int
    changed_at: float


@dataclass(frozen=True)
class WeightChoice:
    grams: int | None
    source: WeightSource


def choose_weight(typed: TypedWeight | None, scale: StableWeight | None) -> WeightChoice:
    """Return the weight to ship with: a weight typed since the scale's last stable change wins.

    When the scale settles on a new weight after the packer typed (a different box went on), the scale's
    weight is used again: the typed one was about the parcel that was on it before.
    """
    if typed is not None and (scale is None or typed.at >= scale.changed_at):
        return WeightChoice(typed.grams, WeightSource.TYPED)
    if scale is not None and scale.grams > 0:
        return WeightChoice(scale.grams, WeightSource.SCALE)
    return WeightChoice(None, WeightSource.NONE)
