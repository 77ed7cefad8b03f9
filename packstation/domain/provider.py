"""Picqer's custom shipping-provider protocol in domain terms
(https://picqer.com/en/api/external-shipping-provider-integrations-technical).

What the relay offers Picqer as profile options, the shipment Picqer sends read into plain values, and how
that shipment becomes a `ShipmentRequest` by the desk's own rules (`mapping.build_request`: address split,
customs, option rules per platform). No wire handling beyond plain dicts; no I/O.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from packstation.domain.addresses import normalise_postal_code, split_street
from packstation.domain.customs import needs_customs
from packstation.domain.errors import PackstationError, Violation
from packstation.domain.mapping import Draft, build_request
from packstation.domain.options import PLATFORM_CARRIERS
from packstation.domain.picklists import DeliveryAddress, Order, OrderLine, Picklist, PicklistStatus, PickupPoint
from packstation.domain.profiles import (
    LIST,
    NO,
    TEXT,
    YES,
    ConfigOption,
    PossibleValue,
    ShippingProfile,
    insurance_euros,
    insurance_value_label,
)
from packstation.domain.shipments import Carrier, PackageType, Platform, Shipment

# --- the options the relay offers (shared-decisions.md "Config-option keys") ----------------------------

CARRIER_NAMES: dict[int, str] = {
    int(Carrier.POSTNL): "PostNL",
    int(Carrier.BPOST): "bpost",
    int(Carrier.DPD): "DPD",
    int(Carrier.UPS): "UPS",
    9: "DHL For You",  # carrier ids of the newer MyParcel docs (https://developer.myparcel.nl/api-reference/)
    14: "GLS",
}
PACKAGE_TYPE_LABELS = {
    PackageType.PACKAGE: "Package",
    PackageType.MAILBOX: "Mailbox package",
    PackageType.LETTER: "Letter",
    PackageType.DIGITAL_STAMP: "Digital stamp",
}
# Standard first: it is the default and what most profiles use.
DELIVERY_TYPE_LABELS = {2: "Standard delivery", 1: "Morning delivery", 3: "Evening delivery", 4: "Pickup point"}
YES_NO_KEYS = ("signature", "only_recipient", "age_check", "large_format", "return")
YES_NO_LABELS = {
    "signature": "Signature on delivery",
    "only_recipient": "Only recipient",
    "age_check": "Age check 18+",
    "large_format": "Large format",
    "return": "Return when not home",
}
PROFILE_KEYS = ("carrier", "package_type", "delivery_type", *YES_NO_KEYS, "insurance", "label_description")
# The keys `profiles.option_values_to_shipment_options` reads; carrier and package type are the profile itself.
_OPTION_VALUE_KEYS = ("delivery_type", *YES_NO_KEYS, "insurance", "label_description")
LANGUAGES = ("en", "nl")


def default_carrier(platform: Platform) -> Carrier:
    return Carrier.POSTNL if platform is Platform.MYPARCEL else Carrier.BPOST


def platform_carriers(platform: Platform) -> tuple[Carrier, ...]:
    """Return the carriers the relay books on this platform, in a stable order (the default first)."""
    first = default_carrier(platform)
    return (first, *sorted(c for c in PLATFORM_CARRIERS[platform] if c is not first))


def config_options(platform: Platform) -> tuple[ConfigOption, ...]:
    """Return the options the relay offers Picqer for an account on `platform` (values as digit strings)."""

    def yes_no(key: str) -> ConfigOption:
        return ConfigOption(
            key,
            YES_NO_LABELS[key],
            LIST,
            possible_values=(PossibleValue(NO, "No"), PossibleValue(YES, "Yes")),
            default_value=NO,
        )

    carriers = platform_carriers(platform)
    package_types = tuple(PACKAGE_TYPE_LABELS) if platform is Platform.MYPARCEL else (PackageType.PACKAGE,)
    delivery_types = (2, 1, 3, 4) if platform is Platform.MYPARCEL else (2, 4)
    return (
        ConfigOption(
            "carrier",
            "Carrier",
            LIST,
            possible_values=tuple(PossibleValue(str(int(c)), CARRIER_NAMES[int(c)]) for c in carriers),
            default_value=str(int(carriers[0])),
            required=True,
        ),
        ConfigOption(
            "package_type",
            "Package type",
            LIST,
            possible_values=tuple(PossibleValue(str(int(p)), PACKAGE_TYPE_LABELS[p]) for p in package_types),
            default_value=str(int(PackageType.PACKAGE)),
            required=True,
        ),
        ConfigOption(
            "delivery_type",
            "Delivery type",
            LIST,
            possible_values=tuple(PossibleValue(str(d), DELIVERY_TYPE_LABELS[d]) for d in delivery_types),
            default_value="2",
            required=True,
        ),
        *(yes_no(key) for key in YES_NO_KEYS),
        ConfigOption(
            "insurance",
            "Insurance",
            LIST,
            description="Abroad the carrier's fixed amount is applied automatically.",
            possible_values=tuple(PossibleValue(str(e), insurance_value_label(e)) for e in insurance_euros(platform)),
            default_value="0",
        ),
        ConfigOption(
            "label_description",
            "Label text",
            TEXT,
            description="Printed on the label, at most 45 characters; empty: the order reference.",
        ),
    )


def carrier_key(carrier: Carrier | int, platform: Platform) -> str:
    """Return Picqer's carrier_key for a MyParcel carrier (shared-decisions.md)."""
    number = int(carrier)
    if number == Carrier.DPD:
        return "dpd_be" if platform is Platform.SENDMYPARCEL else "dpd_nl"
    return {int(Carrier.POSTNL): "postnl", int(Carrier.BPOST): "bpost", int(Carrier.UPS): "ups"}.get(
        number, {9: "dhl_for_you", 14: "gls"}.get(number, "other")
    )


def carrier_name(carrier: Carrier | int) -> str:
    return CARRIER_NAMES.get(int(carrier), f"MyParcel carrier {int(carrier)}")


# --- Picqer's shipment, read ------------------------------------------------------------------------------


class PayloadError(PackstationError):
    """Picqer's request cannot be read as a shipment; every problem is listed (nothing was booked)."""

    def __init__(self, problems: tuple[Violation, ...], language: str = "en") -> None:
        super().__init__("; ".join(map(str, problems)))
        self.problems = problems
        self.language = language


@dataclass(frozen=True)
class CustomsProduct:
    description: str
    amount: int
    weight_grams: int  # per unit, as Picqer's product weight
    value_cents: int  # per unit
    hs_code: str
    country_of_origin: str


@dataclass(frozen=True)
class ProviderShipment:
    """One `POST shipments` of Picqer, read and shape-checked (the rules come later, in `to_draft`)."""

    picklist_number: str
    language: str
    profile: Mapping[str, str | None]
    recipient: DeliveryAddress
    weight_grams: int | None
    order_number: str = ""
    reference: str = ""
    preferred_delivery_date: date | None = None
    pickup_point: PickupPoint | None = None
    customs_products: tuple[CustomsProduct, ...] | None = None
    value_of_goods_cents: int | None = None
    ignored_fields: tuple[str, ...] = field(default_factory=tuple)


def _v(code: str, **params: object) -> Violation:
    return Violation(code, tuple((k, str(v)) for k, v in params.items()))


_ENVELOPE = frozenset({"version", "data"})
_DATA = frozenset({"profile", "shipment"})
_SHIPMENT = frozenset(
    {
        "weight",
        "total_paid",
        "value_of_goods",
        "recipient",
        "references",
        "preferred_delivery_date",
        "pickup_point_data",
        "language",
        "customs_data",
    }
)
_RECIPIENT = frozenset(
    {"name", "contactname", "address", "address2", "zipcode", "city", "region", "country", "emailaddress", "telephone"}
)
_REFERENCES = frozenset({"reference", "orderid", "returnid", "picklistid"})


class _Reader:
    """Collects every problem of a payload instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[Violation] = []
        self.ignored: list[str] = []

    def bad(self, code: str, **params: object) -> None:
        self.problems.append(_v(code, **params))

    def obj(self, value: object, where: str, *, required: bool = True) -> Mapping[str, Any] | None:
        if value is None or value == []:  # PHP sends an empty object as []
            if required:
                self.bad("payload_field_missing", field=where)
            return None
        if not isinstance(value, Mapping):
            self.bad("payload_field_type", field=where, kind="object")
            return None
        return value

    def keys(self, data: Mapping[str, Any], allowed: frozenset[str], where: str, *, strict: bool) -> None:
        for key in data:
            if key in allowed:
                continue
            name = f"{where}.{key}" if where else str(key)
            if strict:
                self.bad("payload_field_unknown", field=name)
            else:
                self.ignored.append(name)

    def text(self, data: Mapping[str, Any], key: str, where: str, *, required: bool = False) -> str:
        value = data.get(key)
        name = f"{where}.{key}"
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.bad("payload_field_missing", field=name)
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.bad("payload_field_type", field=name, kind="text")
            return ""
        return " ".join(str(value).split())

    def number(self, data: Mapping[str, Any], key: str, where: str) -> float | None:
        value = data.get(key)
        name = f"{where}.{key}"
        if value is None:
            return None
        if isinstance(value, str):
            try:
                value = float(value.strip().replace(",", "."))
            except ValueError:
                value = None
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            self.bad("payload_field_type", field=name, kind="number")
            return None
        return float(value)


def _cents(euros: float | None) -> int | None:
    return None if euros is None else round(euros * 100)


def _profile(reader: _Reader, raw: object) -> dict[str, str | None]:
    values: dict[str, str | None] = {}
    if raw is None or raw == {}:
        return values
    if not isinstance(raw, list):
        reader.bad("payload_field_type", field="data.profile", kind="list")
        return values
    for index, item in enumerate(raw):
        entry = _profile_entry(reader, item, f"data.profile[{index}]")
        if entry is not None:
            values[entry[0]] = entry[1]
    return values


def _profile_entry(reader: _Reader, item: object, where: str) -> tuple[str, str | None] | None:
    """Return one profile option as (key, value text), or None (and a problem) when it cannot be read."""
    if not isinstance(item, Mapping) or not isinstance(item.get("key"), str):
        reader.bad("payload_field_type", field=where)
        return None
    key = item["key"]
    if key not in PROFILE_KEYS:
        reader.bad("profile_key_unknown", option=key, known=", ".join(PROFILE_KEYS))
        return None
    value = item.get("value")
    if isinstance(value, bool):
        value = int(value)
    if value is not None and not isinstance(value, str | int | float):
        reader.bad("payload_field_type", field=f"{where}.value")
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return key, None if value is None else str(value).strip()


def _pickup(raw: object) -> PickupPoint | None:
    if not isinstance(raw, Mapping) or not raw:
        return None

    def s(*keys: str) -> str:
        for key in keys:
            value = raw.get(key)
            if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
                return str(value).strip()
        return ""

    options = raw.get("options")
    return PickupPoint(
        carrier=s("carrier"),
        location_code=s("location_code", "id", "code"),
        name=s("name", "location_name"),
        street=s("street"),
        number=s("house_number", "number", "housenumber"),
        postal_code=s("zipcode", "postal_code", "postcode"),
        city=s("city"),
        country=s("country", "cc").upper(),
        retail_network_id=s("retail_network_id")
        or (str(options.get("retail_network_id") or "") if isinstance(options, Mapping) else ""),
    )


def _customs(reader: _Reader, raw: object) -> tuple[CustomsProduct, ...] | None:
    data = reader.obj(raw, "data.shipment.customs_data", required=False)
    if data is None:
        return None
    products = data.get("products")
    if not isinstance(products, list):
        reader.bad(
            "payload_field_type",
            field="data.shipment.customs_data.products",
            kind="list",
        )
        return None
    found = []
    for index, item in enumerate(products):
        where = f"data.shipment.customs_data.products[{index}]"
        product = reader.obj(item, where)
        if product is None:
            continue
        amount = reader.number(product, "amount", where)
        weight = reader.number(product, "weight", where)
        value = reader.number(product, "value", where)
        found.append(
            CustomsProduct(
                description=reader.text(product, "description", where),
                amount=int(amount or 0),
                weight_grams=round(weight or 0),
                value_cents=_cents(value) or 0,
                hs_code=reader.text(product, "hs_code", where),
                country_of_origin=reader.text(product, "country_of_origin", where).upper(),
            )
        )
    return tuple(found)


def _language(raw: object) -> str:
    """Return the language Picqer asks the answer in: one the relay speaks, else English."""
    language = raw.strip().lower() if isinstance(raw, str) and raw.strip() else "en"
    return language if language in LANGUAGES else "en"


def _recipient(reader: _Reader, shipment: Mapping[str, Any]) -> DeliveryAddress:
    w = "data.shipment.recipient"
    recipient_raw = reader.obj(shipment.get("recipient"), w) or {}
    reader.keys(recipient_raw, _RECIPIENT, w, strict=False)
    required = bool(recipient_raw)
    recipient = DeliveryAddress(
        name=reader.text(recipient_raw, "name", w),
        contact=reader.text(recipient_raw, "contactname", w),
        address_line=reader.text(recipient_raw, "address", w, required=required),
        address_line2=reader.text(recipient_raw, "address2", w),
        postal_code=reader.text(recipient_raw, "zipcode", w),
        city=reader.text(recipient_raw, "city", w, required=required),
        region=reader.text(recipient_raw, "region", w),
        country=reader.text(recipient_raw, "country", w, required=required).upper(),
        phone=reader.text(recipient_raw, "telephone", w),
        email=reader.text(recipient_raw, "emailaddress", w),
    )
    if recipient_raw and not (recipient.name or recipient.contact):
        reader.bad("payload_field_missing", field=f"{w}.name")
    return recipient


def _preferred_date(reader: _Reader, raw: object) -> date | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, str):
        try:
            return date.fromisoformat(raw.strip()[:10])
        except ValueError:
            pass
    reader.bad("payload_field_type", field="data.shipment.preferred_delivery_date", kind="date")
    return None


def parse_shipment_payload(body: object) -> ProviderShipment:
    """Read Picqer's `POST shipments` body; raise PayloadError listing every problem (language kept)."""
    reader = _Reader()
    envelope = reader.obj(body, "body")
    if envelope is None:
        raise PayloadError(tuple(reader.problems))
    reader.keys(envelope, _ENVELOPE, "", strict=True)
    data = reader.obj(envelope.get("data"), "data") or {}
    reader.keys(data, _DATA, "data", strict=True)
    shipment = reader.obj(data.get("shipment"), "data.shipment") or {}
    language = _language(shipment.get("language"))
    # Inside the shipment Picqer may add fields over time (its docs grew); an unknown one there is logged and
    # left out rather than failing every shipment of every account on the day it appears.
    reader.keys(shipment, _SHIPMENT, "data.shipment", strict=False)
    profile = _profile(reader, data.get("profile"))

    recipient = _recipient(reader, shipment)

    references = reader.obj(shipment.get("references"), "data.shipment.references") or {}
    reader.keys(references, _REFERENCES, "data.shipment.references", strict=False)
    picklist = reader.text(references, "picklistid", "data.shipment.references")
    if shipment and not picklist:
        reader.bad("picklist_reference_missing")

    weight = reader.number(shipment, "weight", "data.shipment")
    preferred = _preferred_date(reader, shipment.get("preferred_delivery_date"))
    value_of_goods = reader.number(shipment, "value_of_goods", "data.shipment")
    reader.number(shipment, "total_paid", "data.shipment")
    customs = _customs(reader, shipment.get("customs_data"))
    if reader.problems:
        raise PayloadError(tuple(reader.problems), language)
    return ProviderShipment(
        picklist_number=picklist,
        language=language,
        profile=profile,
        recipient=recipient,
        weight_grams=None if weight is None else round(weight),
        order_number=reader.text(references, "orderid", "data.shipment.references"),
        reference=reader.text(references, "reference", "data.shipment.references"),
        preferred_delivery_date=preferred,
        pickup_point=_pickup(shipment.get("pickup_point_data")),
        customs_products=customs,
        value_of_goods_cents=_cents(value_of_goods),
        ignored_fields=tuple(reader.ignored),
    )


# --- Picqer's shipment -> the desk's shipment request ------------------------------------------------------


def _choice(options: tuple[ConfigOption, ...], key: str, raw: str | None, problems: list[Violation]) -> str:
    option = next(o for o in options if o.key == key)
    value = (option.default_value or "") if raw in (None, "") else str(raw)
    if value not in option.values:
        problems.append(
            _v(
                "option_value_unknown",
                option=key,
                label=option.label,
                value=value,
            )
        )
    return value


def _order(shipment: ProviderShipment) -> Order:
    """Return Picqer's shipment as the order the desk's mapping reads: its products are the customs lines."""
    lines: tuple[OrderLine, ...] = ()
    if shipment.customs_products is not None:
        lines = tuple(
            OrderLine(
                product_code="",
                name=p.description,
                amount=p.amount,
                weight_grams=p.weight_grams,
                price_cents=p.value_cents,
                hs_code=p.hs_code,
                country_of_origin=p.country_of_origin,
            )
            for p in shipment.customs_products
        )
    return Order(
        id=0,
        number=shipment.order_number or shipment.picklist_number,
        reference=shipment.reference,
        pickup_point=shipment.pickup_point,
        preferred_delivery_date=shipment.preferred_delivery_date,
        language=shipment.language,
        lines=lines,
    )


def _picqer_profile(shipment: ProviderShipment, platform: Platform, problems: list[Violation]) -> ShippingProfile:
    """Return the shipping profile Picqer's chosen options describe; a choice not offered is added to problems."""
    offered = config_options(platform)
    carrier_value = _choice(offered, "carrier", shipment.profile.get("carrier"), problems)
    package_value = _choice(offered, "package_type", shipment.profile.get("package_type"), problems)
    carriers = {str(int(c)): c for c in platform_carriers(platform)}
    package_types = {str(int(p)): p for p in PackageType}
    return ShippingProfile(
        name="Picqer",
        carrier=carriers.get(carrier_value, default_carrier(platform)),
        platform=platform,
        package_type=package_types.get(package_value, PackageType.PACKAGE),
        options=tuple(o for o in offered if o.key in _OPTION_VALUE_KEYS),
    )


def to_draft(shipment: ProviderShipment, platform: Platform, *, today: date | None = None) -> Draft:
    """Map Picqer's shipment to a shipment request by the desk's rules; the Draft lists what blocks it."""
    problems: list[Violation] = []
    profile = _picqer_profile(shipment, platform, problems)
    values = {k: v for k, v in shipment.profile.items() if k in _OPTION_VALUE_KEYS and v not in (None, "")}
    picklist = Picklist(
        id=0,
        number=shipment.picklist_number,
        status=PicklistStatus.NEW,
        delivery=shipment.recipient,
        weight_grams=shipment.weight_grams or None,
        reference=shipment.reference,
    )
    draft = build_request(
        picklist,
        _order(shipment),
        profile,
        values,
        platform,
        weight_grams=shipment.weight_grams if shipment.weight_grams is not None else None,
        today=today,
    )
    known = {(v.code, v.params) for v in draft.violations}
    extra = tuple(p for p in problems if (p.code, p.params) not in known)
    return Draft(draft.request, draft.split, draft.warnings, (*extra, *draft.violations)) if extra else draft


# --- a desk booking, checked against Picqer's address -------------------------------------------------------


def recipient_matches(shipment: Shipment, recipient: DeliveryAddress) -> bool:
    """Tell whether a booked shipment goes where Picqer says: same postal code (normalised) and house number."""
    cc = (recipient.country or shipment.recipient_cc).strip().upper()
    if shipment.recipient_cc and cc != shipment.recipient_cc.upper():
        return False
    booked_code = normalise_postal_code(shipment.recipient_postal_code, cc).replace(" ", "").upper()
    picqer_code = normalise_postal_code(recipient.postal_code, cc).replace(" ", "").upper()
    if booked_code != picqer_code:
        return False
    booked_number = shipment.recipient_number.strip().lstrip("0")
    if not booked_number:
        return True  # nothing to compare (countries without house numbers)
    split = split_street(recipient.address_line, cc, recipient.address_line2)
    if split.ok and not split.ambiguous and split.number:
        return split.number.lstrip("0") == booked_number
    # The desk may have corrected a line the splitter could not read: the number must appear in it somewhere.
    numbers = re.findall(r"\d+", f"{recipient.address_line} {recipient.address_line2}")
    return booked_number in {n.lstrip("0") for n in numbers}


def booked_address(shipment: Shipment) -> str:
    """Return a booked shipment's address in one line, as the packer compares it."""
    number = f"{shipment.recipient_number}{shipment.recipient_number_suffix}".strip()
    street = f"{shipment.recipient_street} {number}".strip()
    place = f"{shipment.recipient_postal_code} {shipment.recipient_city}".strip()
    return ", ".join(part for part in (street, place, shipment.recipient_cc) if part)


def picqer_address(recipient: DeliveryAddress) -> str:
    """Return Picqer's address in one line."""
    place = f"{recipient.postal_code} {recipient.city}".strip()
    parts = (recipient.address_line, recipient.address_line2, place, recipient.country)
    return ", ".join(part for part in parts if part)


def needs_a4(shipment: Shipment) -> bool:
    """Labels with a customs form exist only as A4 (MyParcel refuses A6 for them)."""
    return shipment.has_customs or (bool(shipment.recipient_cc) and needs_customs(shipment.recipient_cc))
