"""MyParcel shipments as value types: what the app asks for and what it gets back."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import IntEnum, StrEnum


class Platform(StrEnum):
    """The MyParcel platform an account lives on (values are MyParcel's own platform names)."""

    MYPARCEL = "myparcel"  # MyParcel.nl
    SENDMYPARCEL = "belgie"  # SendMyParcel.be

    @property
    def home_country(self) -> str:
        return "BE" if self is Platform.SENDMYPARCEL else "NL"


class Carrier(IntEnum):
    POSTNL = 1
    BPOST = 2
    CHEAPCARGO = 3
    DPD = 4
    INSTABOX = 5
    UPS = 8


class PackageType(IntEnum):
    PACKAGE = 1
    MAILBOX = 2
    LETTER = 3
    DIGITAL_STAMP = 4


class DeliveryType(IntEnum):
    MORNING = 1
    STANDARD = 2
    EVENING = 3
    PICKUP = 4
    PICKUP_EXPRESS = 5


class PackageContents(IntEnum):
    COMMERCIAL_GOODS = 1
    COMMERCIAL_SAMPLES = 2
    DOCUMENTS = 3
    GIFTS = 4
    RETURN_SHIPMENT = 5


class LabelFormat(StrEnum):
    A6 = "A6"
    A4 = "A4"


@dataclass(frozen=True)
class Address:
    """A recipient address with the street already split (MyParcel's address object)."""

    cc: str
    city: str
    street: str
    number: str = ""
    number_suffix: str = ""
    box_number: str = ""
    postal_code: str = ""
    region: str = ""
    person: str = ""
    company: str = ""
    email: str = ""
    phone: str = ""
    street_additional_info: str = ""


@dataclass(frozen=True)
class ShipmentOptions:
    package_type: PackageType = PackageType.PACKAGE
    delivery_type: DeliveryType | None = None
    delivery_date: date | None = None
    only_recipient: bool = False
    signature: bool = False
    return_to_sender: bool = False  # MyParcel "return": back to sender when nobody is home
    large_format: bool = False
    insurance_cents: int = 0
    age_check: bool = False
    label_description: str = ""


@dataclass(frozen=True)
class PickupLocation:
    location_name: str
    street: str
    number: str
    postal_code: str
    city: str
    cc: str
    location_code: str = ""
    retail_network_id: str = ""


@dataclass(frozen=True)
class CustomsItem:
    description: str
    amount: int
    weight_grams: int  # line total
    value_cents: int
    classification: str
    country: str  # country of origin


@dataclass(frozen=True)
class CustomsDeclaration:
    contents: PackageContents
    invoice: str
    items: tuple[CustomsItem, ...]

    @property
    def weight_grams(self) -> int:
        return sum(item.weight_grams for item in self.items)


def parcel_reference(picklist_number: str, parcel_no: int, parcel_count: int) -> str:
    """Return the MyParcel reference_identifier of one parcel: the idempotency key.

    A single parcel uses the picklist number itself; multi-collo parcels append "-n".
    """
    if parcel_count <= 1:
        return picklist_number
    return f"{picklist_number}-{parcel_no}"


@dataclass(frozen=True)
class ParcelBox:
    """One parcel as packed (verified packing, multi-collo): its own weight and the size of its box, if known."""

    weight_grams: int
    dimensions_cm: tuple[int, int, int] | None = None  # length, width, height in whole cm


class ReturnLabel(StrEnum):
    """Whether a parcel of the profile gets a related return shipment (MyParcel `parent`), and how."""

    NONE = "none"
    PRINTED = "printed"  # its label prints with the outgoing label, for the customer to stick on
    # MyParcel mails the customer a code to show at the counter where the carrier offers it (else it is printed).
    PRINTERLESS = "printerless"


@dataclass(frozen=True)
class ShipmentRequest:
    """Everything needed to create one MyParcel shipment (possibly multi-collo), validated by the domain."""

    reference: str  # the picklist number
    carrier: Carrier
    recipient: Address
    options: ShipmentOptions
    weight_grams: int
    parcels: int = 1
    pickup: PickupLocation | None = None
    customs: CustomsDeclaration | None = None
    # The box (length, width, height in whole cm) when the packer scanned one: MyParcel physical_properties.
    dimensions_cm: tuple[int, int, int] | None = None
    # The Picqer packaging (idpackaging) of each parcel, when boxes were scanned: the Picqer shipment names them.
    packaging_ids: tuple[int, ...] = ()
    # Each parcel as packed, in parcel order, when boxes were scanned: its own weight and box size (the first is
    # the main parcel, and `weight_grams`/`dimensions_cm` are its). A parcel beyond these has the main one's.
    boxes: tuple[ParcelBox, ...] = ()
    # A related return booked with the parcel (from the profile; the packer's "Return label" can ask for one).
    return_label: ReturnLabel = ReturnLabel.NONE

    @property
    def parcel_references(self) -> tuple[str, ...]:
        return tuple(parcel_reference(self.reference, n, self.parcels) for n in range(1, self.parcels + 1))

    @property
    def parcel_weights(self) -> tuple[int, ...]:
        """Each parcel's weight in grams: its box's when it was weighed apart, else the request's weight."""
        own = [box.weight_grams for box in self.boxes[: self.parcels]]
        return (*own, *[self.weight_grams] * (self.parcels - len(own)))

    def boxes_record(self) -> list[list[int]]:
        """The packed boxes as plain data for the journal: [weight] or [weight, length, width, height] each."""
        return [[box.weight_grams, *(box.dimensions_cm or ())] for box in self.boxes]

    def with_boxes_record(self, stored: object) -> ShipmentRequest:
        """This request with the packed boxes a journal kept (`boxes_record`); unchanged when there are none."""
        if not isinstance(stored, list) or not stored:
            return self
        boxes = []
        for item in stored:
            if not (isinstance(item, list) and len(item) in (1, 4) and all(isinstance(v, int) and v > 0 for v in item)):
                return self  # not what boxes_record writes: the request's own weight, as before boxes were kept
            boxes.append(ParcelBox(item[0], (item[1], item[2], item[3]) if len(item) == 4 else None))
        main = boxes[0]
        return replace(self, weight_grams=main.weight_grams, dimensions_cm=main.dimensions_cm, boxes=tuple(boxes))

    @property
    def label_format(self) -> LabelFormat:
        """Labels with a customs form exist only as A4."""
        return LabelFormat.A4 if self.customs is not None else LabelFormat.A6


@dataclass(frozen=True)
class Shipment:
    """A shipment as MyParcel reports it."""

    id: int
    reference: str
    carrier: Carrier | int
    status: int = 1
    barcode: str = ""
    recipient_postal_code: str = ""
    recipient_cc: str = ""
    secondary_ids: tuple[int, ...] = field(default_factory=tuple)
    # Where it goes, as booked: the relay checks a desk booking against the address Picqer holds.
    recipient_street: str = ""
    recipient_number: str = ""
    recipient_number_suffix: str = ""
    recipient_city: str = ""
    has_customs: bool = False  # booked with a customs declaration: its label exists only as A4

    @property
    def is_concept(self) -> bool:
        return self.status == 1
