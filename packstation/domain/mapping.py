"""Picqer picklist + order -> MyParcel shipment request (docs/api-notes.md §16)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from packstation.domain.addresses import SplitAddress, normalise_postal_code, split_street
from packstation.domain.customs import build_declaration, needs_customs
from packstation.domain.errors import Violation
from packstation.domain.options import (
    DATE_REQUIRED_TYPES,
    LABEL_DESCRIPTION_MAX,
    OPTION_NAMES,
    PICKUP_TYPES,
    apply_required,
    validate,
)
from packstation.domain.picklists import Order, Picklist, PickupPoint
from packstation.domain.profiles import OptionValueError, ShippingProfile, option_values_to_shipment_options
from packstation.domain.shipments import (
    Address,
    Carrier,
    CustomsDeclaration,
    DeliveryType,
    PickupLocation,
    Platform,
    ShipmentOptions,
    ShipmentRequest,
)

# Delivery types a preferred delivery date is sent with: those that need one [MP §6.A.2] and pickup express
# (ready "before 8:30AM on the delivery date specified"). Standard delivery ignores it: a date there would ask
# PostNL for a dated delivery the customer did not book.
DATE_TYPES = DATE_REQUIRED_TYPES | {DeliveryType.PICKUP_EXPRESS}

# Picqer pickup_point_data carrier names (free text per webshop plug-in) -> MyParcel carrier.
PICQER_CARRIER_NAMES = {
    "postnl": Carrier.POSTNL,
    "pakjegemak": Carrier.POSTNL,
    "bpost": Carrier.BPOST,
    "dpd": Carrier.DPD,
    "ups": Carrier.UPS,
    "instabox": Carrier.INSTABOX,
}


@dataclass(frozen=True)
class Draft:
    """A shipment request as the packer will book it, with what to look at and what must be fixed first."""

    request: ShipmentRequest
    split: SplitAddress
    warnings: tuple[Violation, ...] = ()
    violations: tuple[Violation, ...] = ()

    @property
    def bookable(self) -> bool:
        return not self.violations


def _v(code: str, **params: object) -> Violation:
    return Violation(code, tuple((k, str(v)) for k, v in params.items()))


def _person_company(name: str, contact: str) -> tuple[str, str]:
    """Return (person, company): the contact is the person; the name is the company when it differs."""
    name, contact = " ".join(name.split()), " ".join(contact.split())
    if contact:
        company = name if name and name.casefold() != contact.casefold() else ""
        return contact, company
    return name, ""


def _weight(
    picklist: Picklist, order: Order | None, explicit: int | None
) -> tuple[int, list[Violation], list[Violation]]:
    """Return (grams, warnings, violations): explicit > picklist weight > sum of product weights [api-notes §16]."""
    if explicit is not None:
        return (explicit, [], []) if explicit > 0 else (0, [], [_v("weight_unknown", weight=explicit)])
    if picklist.weight_grams:
        return picklist.weight_grams, [], []
    return _product_weight(picklist, order)


def _weighed_lines(picklist: Picklist, order: Order | None) -> list[tuple[str, int, int | None]]:
    """Return (name, amount, grams each) of what goes in the box: the order's lines without a part list's parts."""
    if order is not None and order.lines:
        return [(line.name, line.amount, line.weight_grams) for line in order.lines if not line.is_part]
    return [(line.name, line.amount, line.weight_grams) for line in picklist.lines]


def _product_weight(picklist: Picklist, order: Order | None) -> tuple[int, list[Violation], list[Violation]]:
    """Return the sum of the product weights, with a warning naming the products without one."""
    lines = _weighed_lines(picklist, order)
    known = sum(amount * (weight or 0) for _name, amount, weight in lines)
    if known <= 0:
        return 0, [], [_v("weight_unknown")]
    unknown = [name for name, amount, weight in lines if amount > 0 and not weight]
    warnings = [_v("weight_partial", products=", ".join(unknown), weight=known)] if unknown else []
    return known, warnings, []


def _pickup(point: PickupPoint, cc: str) -> PickupLocation:
    country = (point.country or cc).strip().upper()
    return PickupLocation(
        location_name=point.name.strip(),
        street=point.street.strip(),
        number=point.number.strip(),
        postal_code=normalise_postal_code(point.postal_code, country),
        city=point.city.strip(),
        cc=country,
        location_code=point.location_code.strip(),
        retail_network_id=point.retail_network_id.strip(),
    )


def _label_description(order: Order | None, picklist: Picklist) -> tuple[str, list[Violation]]:
    text = " ".join(((order.reference or order.number) if order else picklist.reference or "").split())
    if len(text) <= LABEL_DESCRIPTION_MAX:
        return text, []
    short = text[:LABEL_DESCRIPTION_MAX]
    return short, [
        _v(
            "label_description_shortened",
            original=text,
        )
    ]


def _added_options(before: ShipmentOptions, after: ShipmentOptions) -> list[Violation]:
    """Say which options the carrier's rules switched on (or which insurance they set) for this shipment."""
    added = []
    for name in OPTION_NAMES:
        if getattr(before, name) == getattr(after, name):
            continue
        value = getattr(after, name)
        if name == "insurance_cents":
            added.append(_v("insurance_added", option=name, amount=value))
        else:
            added.append(_v("option_added", option=name))
    return added


def _recipient(
    picklist: Picklist, order: Order | None, address: Address | None, cc: str
) -> tuple[Address, SplitAddress, list[Violation]]:
    """Return the recipient (the packer's corrected address, else the picklist's), its street split, and what
    blocks it: an address line that could not be split, or that reads more than one way."""
    delivery = picklist.delivery
    split = split_street(
        delivery.address_line, cc, delivery.address_line2, order.invoice_address if order is not None else ()
    )
    if address is not None:
        corrected = dataclasses.replace(
            address, cc=cc, postal_code=normalise_postal_code(address.postal_code, cc), number=address.number.strip()
        )
        return corrected, split, []
    person, company = _person_company(delivery.name, delivery.contact)
    recipient = Address(
        cc=cc,
        city=" ".join(delivery.city.split()),
        street=split.street,
        number=split.number,
        number_suffix=split.number_suffix,
        box_number=split.box_number,
        postal_code=normalise_postal_code(delivery.postal_code, cc),
        region=delivery.region.strip(),
        person=person,
        company=company,
        email=delivery.email.strip(),
        phone=delivery.phone.strip(),
        street_additional_info=split.street_additional_info,
    )
    if not split.ok:
        return recipient, split, [_v("address_not_split", line=delivery.address_line)]
    if split.ambiguous:
        code = "address_two_readings" if split.alternatives else "address_ambiguous"
        return recipient, split, [_v(code, line=delivery.address_line)]
    return recipient, split, []


def _recipient_warnings(recipient: Address, platform: Platform) -> list[Violation]:
    warnings = []
    if recipient.number_suffix and recipient.cc == "BE" and platform is Platform.SENDMYPARCEL:
        warnings.append(_v("be_number_suffix", suffix=recipient.number_suffix))
    if not recipient.email and not recipient.phone:
        warnings.append(_v("contact_missing"))
    return warnings


def _chosen_options(
    profile: ShippingProfile, option_values: Mapping[str, str], order: Order | None, picklist: Picklist
) -> tuple[ShipmentOptions, list[Violation], list[Violation]]:
    """Return (options, warnings, violations): the packer's option values, else the profile's defaults."""
    violations: list[Violation] = []
    try:
        options = option_values_to_shipment_options(profile, option_values)
    except OptionValueError as exc:
        violations.extend(exc.violations)
        options = dataclasses.replace(profile.defaults, package_type=profile.package_type)
    if options.label_description:
        return options, [], violations
    text, shortened = _label_description(order, picklist)
    return dataclasses.replace(options, label_description=text), shortened, violations


def _pickup_point(
    order: Order | None, cc: str, profile: ShippingProfile, options: ShipmentOptions
) -> tuple[ShipmentOptions, PickupLocation | None, list[Violation]]:
    """Return the options for the order's pickup point (pickup delivery, signature), the point, and warnings."""
    point = order.pickup_point if order is not None else None
    if point is None:
        return options, None, []
    options = dataclasses.replace(
        options,
        delivery_type=options.delivery_type if options.delivery_type in PICKUP_TYPES else DeliveryType.PICKUP,
        signature=True,
    )
    wanted = PICQER_CARRIER_NAMES.get(re.sub(r"[^a-z]", "", point.carrier.lower()))
    warnings = []
    if point.carrier and wanted is not profile.carrier:
        warnings.append(
            _v("pickup_carrier_mismatch", pickup_carrier=point.carrier, carrier=profile.carrier.name.lower())
        )
    return options, _pickup(point, cc), warnings


def _preferred_date(
    order: Order | None, picklist: Picklist, options: ShipmentOptions
) -> tuple[ShipmentOptions, list[Violation]]:
    """Return the options with the customer's preferred delivery date, or a warning when the type has no date."""
    preferred = (order.preferred_delivery_date if order else None) or picklist.preferred_delivery_date
    if preferred is None or options.delivery_date is not None:
        return options, []
    if options.delivery_type in DATE_TYPES:
        return dataclasses.replace(options, delivery_date=preferred), []
    return options, [_v("delivery_date_ignored", delivery_date=preferred.isoformat())]


def _customs(order: Order | None, cc: str) -> tuple[CustomsDeclaration | None, list[Violation]]:
    if not (needs_customs(cc) and re.match(r"^[A-Z]{2}$", cc)):
        return None, []
    if order is None:
        return None, [_v("customs_needs_order")]
    return build_declaration(order, invoice=order.number), []


def build_request(
    picklist: Picklist,
    order: Order | None,
    profile: ShippingProfile,
    option_values: Mapping[str, str],
    platform: Platform,
    *,
    weight_grams: int | None = None,
    parcels: int = 1,
    address: Address | None = None,
    today: date | None = None,
) -> Draft:
    """Map a picklist (and its order) with the packer's choices to a shipment request and what blocks it."""
    cc = (address.cc if address is not None else picklist.delivery.country).strip().upper()
    recipient, split, violations = _recipient(picklist, order, address, cc)
    warnings = _recipient_warnings(recipient, platform)
    options, shortened, option_violations = _chosen_options(profile, option_values, order, picklist)
    violations.extend(option_violations)
    warnings.extend(shortened)
    chosen_signature = options.signature  # before a pickup point switches it on: the packer is told below
    options, pickup_location, pickup_warnings = _pickup_point(order, cc, profile, options)
    warnings.extend(pickup_warnings)
    options, date_warnings = _preferred_date(order, picklist, options)
    warnings.extend(date_warnings)

    weight, weight_warnings, weight_violations = _weight(picklist, order, weight_grams)
    warnings.extend(weight_warnings)
    violations.extend(weight_violations)

    customs, customs_violations = _customs(order, cc)
    violations.extend(customs_violations)

    request = ShipmentRequest(
        reference=picklist.number,
        carrier=profile.carrier,
        recipient=recipient,
        options=options,
        weight_grams=weight,
        parcels=parcels,
        pickup=pickup_location,
        customs=customs,
        return_label=profile.return_label,
    )
    completed = apply_required(request, platform)
    chosen = dataclasses.replace(request.options, signature=chosen_signature)
    warnings.extend(_added_options(chosen, completed.options))
    found = validate(completed, platform, today=today)
    if weight_violations:
        found = tuple(v for v in found if v.code != "weight_not_positive")
    known = {(v.code, v.params) for v in violations}
    violations.extend(v for v in found if (v.code, v.params) not in known)
    return Draft(request=completed, split=split, warnings=tuple(warnings), violations=tuple(violations))
