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


def _v(code: str, message: str, **params: object) -> Violation:
    return Violation(code, message, tuple((k, str(v)) for k, v in params.items()))


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
        if explicit <= 0:
            return 0, [], [_v("weight_unknown", "The weight must be above 0 grams: weigh the parcel.", weight=explicit)]
        return explicit, [], []
    if picklist.weight_grams:
        return picklist.weight_grams, [], []
    if order is not None and order.lines:
        lines = [(line.name, line.amount, line.weight_grams) for line in order.lines if not line.is_part]
    else:
        lines = [(line.name, line.amount, line.weight_grams) for line in picklist.lines]
    known = sum(amount * (weight or 0) for _name, amount, weight in lines)
    unknown = [name for name, amount, weight in lines if amount > 0 and not weight]
    if known <= 0:
        return (
            0,
            [],
            [_v("weight_unknown", "The weight of these products is not known: weigh the parcel and enter it.")],
        )
    warnings = []
    if unknown:
        warnings.append(
            _v(
                "weight_partial",
                f"No weight is known for {', '.join(unknown)}: the weight may be too low, weigh the parcel.",
                products=", ".join(unknown),
                weight=known,
            )
        )
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
            f"The order reference is longer than {LABEL_DESCRIPTION_MAX} characters; the label shows '{short}'.",
            original=text,
        )
    ]


def _added_options(before: ShipmentOptions, after: ShipmentOptions) -> list[Violation]:
    """Say which options the carrier's rules switched on (or which insurance they set) for this shipment."""
    added = []
    for name, label in OPTION_NAMES.items():
        if getattr(before, name) == getattr(after, name):
            continue
        value = getattr(after, name)
        if name == "insurance_cents":
            message = f"Insurance was set to EUR {value // 100}: the carrier requires it for this shipment."
            added.append(_v("insurance_added", message, option=name, amount=value))
        else:
            message = f"{label.capitalize()} was switched on: the carrier requires it for this shipment."
            added.append(_v("option_added", message, option=name))
    return added


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
    warnings: list[Violation] = []
    violations: list[Violation] = []
    delivery = picklist.delivery
    cc = (address.cc if address is not None else delivery.country).strip().upper()
    split = split_street(
        delivery.address_line, cc, delivery.address_line2, order.invoice_address if order is not None else ()
    )

    if address is not None:
        recipient = dataclasses.replace(
            address, cc=cc, postal_code=normalise_postal_code(address.postal_code, cc), number=address.number.strip()
        )
    else:
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
        why = split.reason.message if split.reason else ""
        if not split.ok:
            violations.append(
                _v(
                    "address_not_split",
                    f"{why} (address: '{delivery.address_line}')",
                    line=delivery.address_line,
                )
            )
        elif split.ambiguous and split.alternatives:
            violations.append(
                _v(
                    "address_two_readings",
                    f"{why} Choose one of the two readings, or correct the address, before booking.",
                    line=delivery.address_line,
                )
            )
        elif split.ambiguous:
            violations.append(
                _v(
                    "address_ambiguous",
                    f"{why} Confirm or correct the address before booking.",
                    line=delivery.address_line,
                )
            )
    if recipient.number_suffix and recipient.cc == "BE" and platform is Platform.SENDMYPARCEL:
        warnings.append(
            _v(
                "be_number_suffix",
                f"House number addition '{recipient.number_suffix}' is sent separately; SendMyParcel does not "
                "document it for Belgium: check that it is printed on the label.",
                suffix=recipient.number_suffix,
            )
        )
    if not recipient.email and not recipient.phone:
        warnings.append(_v("contact_missing", "There is no e-mail address or phone number for track and trace."))

    try:
        options = option_values_to_shipment_options(profile, option_values)
    except OptionValueError as exc:
        violations.extend(exc.violations)
        options = dataclasses.replace(profile.defaults, package_type=profile.package_type)
    if not options.label_description:
        text, shortened = _label_description(order, picklist)
        options = dataclasses.replace(options, label_description=text)
        warnings.extend(shortened)

    pickup_location = None
    chosen_signature = options.signature  # before a pickup point switches it on: the packer is told below
    point = order.pickup_point if order is not None else None
    if point is not None:
        pickup_location = _pickup(point, cc)
        options = dataclasses.replace(
            options,
            delivery_type=options.delivery_type if options.delivery_type in PICKUP_TYPES else DeliveryType.PICKUP,
            signature=True,
        )
        wanted = PICQER_CARRIER_NAMES.get(re.sub(r"[^a-z]", "", point.carrier.lower()))
        if point.carrier and wanted is not profile.carrier:
            warnings.append(
                _v(
                    "pickup_carrier_mismatch",
                    f"The customer chose a {point.carrier} pickup point but the profile ships with "
                    f"{profile.carrier.name.title()}: check the point is served by that carrier.",
                    pickup_carrier=point.carrier,
                    carrier=profile.carrier.name.lower(),
                )
            )

    preferred = (order.preferred_delivery_date if order else None) or picklist.preferred_delivery_date
    if preferred is not None and options.delivery_date is None:
        if options.delivery_type in DATE_TYPES:
            options = dataclasses.replace(options, delivery_date=preferred)
        else:
            warnings.append(
                _v(
                    "delivery_date_ignored",
                    f"The customer asked for delivery on {preferred.isoformat()}; this delivery type takes no date.",
                    delivery_date=preferred.isoformat(),
                )
            )

    weight, weight_warnings, weight_violations = _weight(picklist, order, weight_grams)
    warnings.extend(weight_warnings)
    violations.extend(weight_violations)

    customs = None
    if needs_customs(cc) and re.match(r"^[A-Z]{2}$", cc):
        if order is None:
            violations.append(
                _v("customs_needs_order", f"Parcels to {cc} need a customs declaration, but the order is not loaded.")
            )
        else:
            customs = build_declaration(order, invoice=order.number)

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
