"""Picqer picklists and orders as the packing station sees them (no wire field names here)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class WriteBackMode(StrEnum):
    """How the parcel is told to Picqer after printing (the settings' write_back.mode)."""

    COMMENT = "comment"  # a comment with the barcode on the picklist
    # A real Picqer shipment (what webshops, marketplaces and Picqer's track & trace mail read), made with a
    # Picqer shipping profile that points at the packstation relay, which hands Picqer the label booked here.
    PICQER_SHIPMENT = "picqer_shipment"


class PicklistStatus(StrEnum):
    NEW = "new"
    PAUSED = "paused"
    CLOSED = "closed"
    SNOOZED = "snoozed"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"

    @classmethod
    def parse(cls, value: str | None) -> PicklistStatus:
        """Return the status for a wire value; unknown values do not crash the app."""
        try:
            return cls((value or "").strip().lower())
        except ValueError:
            return cls.UNKNOWN

    @property
    def packable(self) -> bool:
        return self is PicklistStatus.NEW


@dataclass(frozen=True)
class DeliveryAddress:
    """The delivery block of a picklist or order, exactly as Picqer holds it (one address line)."""

    name: str = ""
    contact: str = ""
    address_line: str = ""
    address_line2: str = ""
    postal_code: str = ""
    city: str = ""
    region: str = ""
    country: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class PickupPoint:
    """A pickup point chosen by the customer (Picqer `pickup_point_data`)."""

    carrier: str = ""
    location_code: str = ""
    name: str = ""
    street: str = ""
    number: str = ""
    postal_code: str = ""
    city: str = ""
    country: str = ""
    retail_network_id: str = ""


@dataclass(frozen=True)
class PicklistLine:
    product_code: str
    name: str
    amount: int
    amount_picked: int = 0
    weight_grams: int | None = None  # per unit; None or 0 means unknown
    line_id: int | None = None  # Picqer idpicklist_product: what a pick names
    product_id: int | None = None  # Picqer idproduct
    has_parts: bool = False  # a bundle (composition): packed as its parts
    part_of_line_id: int | None = None  # set on a part Picqer lists under its bundle line


@dataclass(frozen=True)
class OrderLine:
    product_code: str
    name: str
    amount: int
    weight_grams: int | None = None  # per unit
    price_cents: int | None = None  # per unit
    hs_code: str = ""
    country_of_origin: str = ""
    is_part: bool = False  # a component of a composition line; its weight is counted by the parent


@dataclass(frozen=True)
class Picklist:
    id: int  # Picqer idpicklist, used in URLs
    number: str  # Picqer picklistid, e.g. "P2024-00123": what is printed and scanned
    status: PicklistStatus
    delivery: DeliveryAddress
    lines: tuple[PicklistLine, ...] = ()
    order_id: int | None = None
    warehouse_id: int | None = None
    urgent: bool = False
    weight_grams: int | None = None
    preferred_profile_id: int | None = None  # Picqer idshippingprovider_profile
    preferred_delivery_date: date | None = None
    total_products: int = 0
    total_picked: int = 0
    assigned_user_id: int | None = None
    reference: str = ""
    tags: tuple[str, ...] = ()
    # When Picqer last changed it, in the account's own clock: only compared with other Picqer stamps.
    updated: datetime | None = None

    @property
    def all_picked(self) -> bool:
        return self.total_picked >= self.total_products

    @property
    def product_count(self) -> int:
        return sum(line.amount for line in self.lines) or self.total_products


@dataclass(frozen=True)
class Order:
    id: int
    number: str  # Picqer orderid, e.g. "O2024-00123"
    reference: str = ""
    customer_remarks: str = ""
    pickup_point: PickupPoint | None = None
    preferred_delivery_date: date | None = None
    language: str = ""
    lines: tuple[OrderLine, ...] = field(default_factory=tuple)
    preferred_profile_id: int | None = None
    # The invoice address lines: when the delivery line reads two ways, the reading it names is offered first.
    invoice_address: tuple[str, ...] = ()
    # The order's order-field values as (idorderfield, value), for settings that key on one (packing list).
    field_values: tuple[tuple[int, str], ...] = ()

    def field_value(self, order_field_id: int) -> str:
        """Return the value of an order field ("" when the order has none)."""
        return next((value for fid, value in self.field_values if fid == order_field_id), "")


@dataclass(frozen=True)
class PicqerProfile:
    """A Picqer shipping-provider profile (to link local shipping profiles to)."""

    id: int
    name: str
    provider: str = ""


@dataclass(frozen=True)
class PicqerShippingProvider:
    """A shipping provider of the Picqer account (a carrier integration, or a custom one like the relay)."""

    id: int
    name: str
    kind: str = ""  # Picqer's provider type, e.g. "PostNL" or "custom"
    active: bool = True
    profiles: tuple[PicqerProfile, ...] = ()  # its active profiles


@dataclass(frozen=True)
class PicqerShipment:
    """A shipment Picqer holds for a picklist (what webshops, marketplaces and the track & trace mail read)."""

    id: int  # Picqer idshipment
    picklist_id: int | None = None
    profile_id: int | None = None  # the shipping-provider profile it was created with
    profile_name: str = ""
    provider_name: str = ""
    carrier_key: str = ""  # Picqer's carrier identifier, e.g. "postnl"
    tracking_codes: tuple[str, ...] = ()  # one per parcel (multi-collo), or the one of the shipment
    tracking_url: str = ""
    label_url: str = ""
    cancelled: bool = False
    created: str = ""  # as Picqer writes it, e.g. "2026-12-04 11:40:36"

    @property
    def tracking_code(self) -> str:
        return self.tracking_codes[0] if self.tracking_codes else ""


def shipment_made_with(shipments: Sequence[PicqerShipment], profile_id: int) -> PicqerShipment | None:
    """Return the newest non-cancelled shipment made with this profile, or None.

    Such a shipment counts as already made: a second one for the same parcel would tell the customer twice.
    """
    for shipment in reversed(shipments):
        if not shipment.cancelled and shipment.profile_id == int(profile_id):
            return shipment
    return None


@dataclass(frozen=True)
class PicqerUser:
    id: int
    username: str
    full_name: str = ""
