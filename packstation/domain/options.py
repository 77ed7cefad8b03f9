"""Option-combination rules of MyParcel.nl and SendMyParcel.be (docs/api-notes.md §9).

Where the sources disagree the numbered Core API docs win: MP for MyParcel.nl, SMP for SendMyParcel.be. Each such
choice is a named constant below with the section it follows.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from enum import StrEnum

from packstation.domain.addresses import BOX_NUMBER_MAX, NUMBER_SUFFIX_MAX, STREET_MAX, postal_code_problem
from packstation.domain.customs import EU_MEMBER_STATES, customs_problems
from packstation.domain.errors import InvalidShipment, Violation
from packstation.domain.shipments import (
    Carrier,
    DeliveryType,
    PackageType,
    Platform,
    ShipmentOptions,
    ShipmentRequest,
)


class DestinationClass(StrEnum):
    DOMESTIC = "domestic"
    EU = "eu"
    WORLD = "world"


# --- constants chosen where sources disagree ----------------------------------------------------

PERSON_MAX = 40  # "Up to 40 characters long." [MP §7.B.1]
LABEL_DESCRIPTION_MAX = 45  # [MP-SDK]
REFERENCE_MAX = 255  # string type [MP §4.1]

# Carriers each platform books [api-notes §9; MP §4.1]. Instabox (5) is on MyParcel.nl but needs a drop-off point,
# which this app does not model; CheapCargo (3) is pallets. Both are refused with their own code.
PLATFORM_CARRIERS = {
    Platform.MYPARCEL: frozenset({Carrier.POSTNL, Carrier.UPS}),
    Platform.SENDMYPARCEL: frozenset({Carrier.BPOST, Carrier.DPD, Carrier.POSTNL}),
}
UNSUPPORTED_CARRIERS = frozenset({Carrier.INSTABOX, Carrier.CHEAPCARGO})
# "DPD shipments are available in the EU" [MP §6.B.4].
DPD_EU_ONLY = True
# "Domestic PostNL shipments are also supported on Sendmyparcel.be, using a Belgian address" [MP §6.B.4].
SENDMYPARCEL_POSTNL_DOMESTIC_ONLY = True

# Sources disagree: BE delivery types "1,4" [MP §6.A.2] vs "2 standard, 4 pickup" [SMP §6.A.2]. SMP is the Belgian
# platform's own documentation and MP itself says morning is "only available for certain NL addresses": 2 and 4.
BE_DELIVERY_TYPES = frozenset({DeliveryType.STANDARD, DeliveryType.PICKUP})
NL_DELIVERY_TYPES = frozenset(DeliveryType)  # "Delivery types 1-5 for NL" [MP §6.A.2]
# Evening and pickup express: "Only available on MyParcel.nl and Flespakket" [MP §6.A.2].
MYPARCEL_ONLY_DELIVERY_TYPES = frozenset({DeliveryType.EVENING, DeliveryType.PICKUP_EXPRESS, DeliveryType.MORNING})
DATE_REQUIRED_TYPES = frozenset({DeliveryType.MORNING, DeliveryType.EVENING})  # [MP §6.A.2]
ONLY_RECIPIENT_TYPES = frozenset({DeliveryType.MORNING, DeliveryType.EVENING})  # [MP §6.A.3 only_recipient]
PICKUP_TYPES = frozenset({DeliveryType.PICKUP, DeliveryType.PICKUP_EXPRESS})  # [MP §6.A.3 signature]
# Sources disagree: MP §7.C.1 wants a date with every delivery type, 6.A.2 only with 1 & 3; a date is accepted with any
# type on MyParcel.nl. SendMyParcel's docs have no delivery_date option at all [SMP §6.A], so it is refused there.
SENDMYPARCEL_ALLOWS_DELIVERY_DATE = False

# Sources disagree: letters go "NL, EU and Global" [MP §6.A.1] vs "For international shipment only package type 1"
# [MP §7.C.1]; the stricter rule is kept so no label is booked that the carrier may refuse.
INTERNATIONAL_PACKAGE_TYPES = frozenset({PackageType.PACKAGE})
SENDMYPARCEL_PACKAGE_TYPES = frozenset({PackageType.PACKAGE})  # [SMP §6.A.1]

# Insurance, where sources disagree. MyParcel.nl [MP §6.A.3-4]: NL optional up to EUR 5000 (the list "10000,
# 25000, 50000, 500000, <= 500000" ends in "<= 500000", so any amount up to it); EU exactly 50000; Global exactly
# 20000 (the text "must be insured for 200,- euros", not the 50000 of the EU example).
MYPARCEL_NL_INSURANCE_MAX = 500000
MYPARCEL_EU_INSURANCE = 50000
MYPARCEL_WORLD_INSURANCE = 20000
# SendMyParcel.be [SMP §6.A.3-4]: "needs to be 50000"; EU and Global "must be insured up to 500"; BE optional.
SENDMYPARCEL_INSURANCE = 50000

# Options per platform at home. SendMyParcel documents only signature and insurance [SMP §6.A.3]; its EU/Global
# sentence "do not have the signature and return options" implies return exists at home, so it is allowed for BE.
# only_recipient, age_check ("Only available on MyParcel.nl" [MP §6.A.3]) and large_format are refused there.
SENDMYPARCEL_HOME_OPTIONS = frozenset({"signature", "return_to_sender", "insurance_cents"})

EXTRA_OPTIONS = ("only_recipient", "signature", "return_to_sender", "large_format", "insurance_cents", "age_check")
OPTION_NAMES = {
    "only_recipient": "only recipient",
    "signature": "signature",
    "return_to_sender": "return when not home",
    "large_format": "large format",
    "insurance_cents": "insurance",
    "age_check": "age check 18+",
    "delivery_date": "delivery date",
}

_CC = re.compile(r"^[A-Z]{2}$")


def destination_class(cc: str, platform: Platform) -> DestinationClass:
    """Return DOMESTIC (the platform's home country), EU (another member state) or WORLD."""
    code = cc.strip().upper()
    if code == platform.home_country:
        return DestinationClass.DOMESTIC
    return DestinationClass.EU if code in EU_MEMBER_STATES else DestinationClass.WORLD


def _set(options: ShipmentOptions, name: str) -> bool:
    value = getattr(options, name)
    return bool(value) if not isinstance(value, int) or isinstance(value, bool) else value > 0


def _v(code: str, message: str, **params: object) -> Violation:
    return Violation(code, message, tuple((k, str(v)) for k, v in params.items()))


def _platform_name(platform: Platform) -> str:
    return "MyParcel.nl" if platform is Platform.MYPARCEL else "SendMyParcel.be"


def _euros(cents: int) -> str:
    return f"EUR {cents // 100}"


def _recipient(request: ShipmentRequest) -> list[Violation]:
    found: list[Violation] = []
    r = request.recipient
    if not _CC.match(r.cc):
        found.append(_v("country_invalid", f"'{r.cc}' is not a country code: use two letters like NL.", cc=r.cc))
        return found
    if not r.person.strip():
        found.append(_v("person_missing", "Fill in the recipient's name."))
    elif len(r.person) > PERSON_MAX:
        found.append(
            _v(
                "person_too_long",
                f"The recipient's name has {len(r.person)} characters; shorten it to {PERSON_MAX}.",
                person=r.person,
            )
        )
    if not r.street.strip():
        found.append(_v("street_missing", "Fill in the street."))
    elif len(r.street) > STREET_MAX:
        found.append(
            _v(
                "street_too_long",
                f"The street has {len(r.street)} characters; shorten it to {STREET_MAX} "
                "and put the rest in the extra address line.",
                street=r.street,
            )
        )
    if not r.city.strip():
        found.append(_v("city_missing", "Fill in the city."))
    if r.cc in ("NL", "BE"):
        if not r.number:
            found.append(_v("number_missing", "Fill in the house number (digits only).", cc=r.cc))
        elif not r.number.isdigit():
            found.append(
                _v(
                    "number_invalid",
                    f"The house number '{r.number}' must be digits only; put letters in the addition.",
                    number=r.number,
                )
            )
    if len(r.number_suffix) > NUMBER_SUFFIX_MAX:
        found.append(
            _v(
                "number_suffix_too_long",
                f"The house number addition may have at most {NUMBER_SUFFIX_MAX} characters.",
                suffix=r.number_suffix,
            )
        )
    if r.box_number:
        if r.cc != "BE":
            found.append(
                _v(
                    "box_number_not_be",
                    "Box numbers exist only for Belgian addresses: move it to the house number addition.",
                    box=r.box_number,
                )
            )
        elif len(r.box_number) > BOX_NUMBER_MAX:
            found.append(
                _v(
                    "box_number_too_long",
                    f"The box number may have at most {BOX_NUMBER_MAX} characters.",
                    box=r.box_number,
                )
            )
    problem = postal_code_problem(r.postal_code, r.cc)
    if problem is not None:
        found.append(_v("postal_code_invalid", problem, postal_code=r.postal_code, cc=r.cc))
    return found


def _carrier(request: ShipmentRequest, platform: Platform, dest: DestinationClass) -> list[Violation]:
    carrier = request.carrier
    name = carrier.name if isinstance(carrier, Carrier) else str(carrier)
    if carrier in UNSUPPORTED_CARRIERS:
        return [
            _v(
                "carrier_unsupported",
                f"{name.title()} shipments cannot be made from the packing station: choose another carrier.",
                carrier=name,
            )
        ]
    if carrier not in PLATFORM_CARRIERS[platform]:
        return [
            _v(
                "carrier_not_on_platform",
                f"{name.title()} is not available on {_platform_name(platform)}: choose another carrier.",
                carrier=name,
                platform=platform.value,
            )
        ]
    cc = request.recipient.cc
    if DPD_EU_ONLY and carrier is Carrier.DPD and dest is DestinationClass.WORLD:
        return [_v("carrier_destination", "DPD delivers only within the EU: choose bpost.", carrier=name, cc=cc)]
    if (
        SENDMYPARCEL_POSTNL_DOMESTIC_ONLY
        and platform is Platform.SENDMYPARCEL
        and carrier is Carrier.POSTNL
        and dest is not DestinationClass.DOMESTIC
    ):
        return [
            _v(
                "carrier_destination",
                "PostNL on SendMyParcel.be ships only to Belgian addresses: choose bpost.",
                carrier=name,
                cc=cc,
            )
        ]
    return []


def _package(request: ShipmentRequest, platform: Platform, dest: DestinationClass) -> list[Violation]:
    o = request.options
    found: list[Violation] = []
    if platform is Platform.SENDMYPARCEL and o.package_type not in SENDMYPARCEL_PACKAGE_TYPES:
        return [
            _v(
                "package_type_not_on_platform",
                "SendMyParcel.be ships only parcels: choose package type 'package'.",
                package_type=o.package_type.name,
            )
        ]
    if o.package_type is PackageType.PACKAGE:
        return found
    if request.recipient.cc != "NL" and o.package_type not in INTERNATIONAL_PACKAGE_TYPES:
        found.append(
            _v(
                "package_type_not_abroad",
                "Only a normal parcel can go abroad: choose package type 'package'.",
                package_type=o.package_type.name,
                cc=request.recipient.cc,
            )
        )
    for name in EXTRA_OPTIONS:
        if _set(o, name):
            found.append(
                _v(
                    "option_needs_package",
                    f"A {o.package_type.name.lower().replace('_', ' ')} cannot have {OPTION_NAMES[name]}: "
                    "switch it off or choose package type 'package'.",
                    option=name,
                    package_type=o.package_type.name,
                )
            )
    if o.delivery_type not in (None, DeliveryType.STANDARD):
        found.append(
            _v(
                "option_needs_package",
                f"A {o.package_type.name.lower().replace('_', ' ')} is always delivered as standard: "
                "remove the delivery type.",
                option="delivery_type",
                package_type=o.package_type.name,
            )
        )
    return found


def _destination_options(request: ShipmentRequest, platform: Platform, dest: DestinationClass) -> list[Violation]:
    o = request.options
    cc = request.recipient.cc
    found: list[Violation] = []
    be_pickup = cc == "BE" and o.delivery_type is DeliveryType.PICKUP
    if platform is Platform.SENDMYPARCEL and dest is DestinationClass.DOMESTIC:
        for name in ("only_recipient", "large_format", "age_check"):
            if _set(o, name) and name not in SENDMYPARCEL_HOME_OPTIONS:
                found.append(
                    _v(
                        f"{name}_not_on_platform",
                        f"SendMyParcel.be does not offer {OPTION_NAMES[name]}: switch it off.",
                        option=name,
                    )
                )
        return found
    if platform is Platform.SENDMYPARCEL and _set(o, "large_format"):
        found.append(_v("large_format_not_on_platform", "SendMyParcel.be does not offer large format: switch it off."))
    if dest is DestinationClass.DOMESTIC:
        return found
    abroad = ["only_recipient", "signature", "return_to_sender", "age_check"]
    for name in abroad:
        if not _set(o, name):
            continue
        if name == "signature" and be_pickup and platform is Platform.MYPARCEL:
            continue  # the docs' "BE pickup location" example sends signature 1 [MP §6.B.4]
        code = "return_not_abroad" if name == "return_to_sender" else f"{name}_not_abroad"
        if platform is Platform.SENDMYPARCEL and name in ("only_recipient", "age_check"):
            code = f"{name}_not_on_platform"
        found.append(
            _v(
                code,
                f"{OPTION_NAMES[name].capitalize()} is only possible within {platform.home_country}: "
                f"switch it off for {cc}.",
                option=name,
                cc=cc,
            )
        )
    if platform is Platform.MYPARCEL and dest is DestinationClass.WORLD and o.large_format:
        found.append(
            _v(
                "large_format_not_world",
                f"Large format is only possible within the EU: switch it off for {cc}.",
                cc=cc,
            )
        )
    return found


def _delivery(
    request: ShipmentRequest, platform: Platform, dest: DestinationClass, today: date | None
) -> list[Violation]:
    o = request.options
    cc = request.recipient.cc
    found: list[Violation] = []
    if o.package_type is not PackageType.PACKAGE:
        return found
    dt = o.delivery_type
    if dt is not None:
        if cc == "NL":
            allowed = NL_DELIVERY_TYPES
        elif cc == "BE":
            allowed = BE_DELIVERY_TYPES
        else:
            allowed = frozenset({DeliveryType.STANDARD})
        if platform is Platform.SENDMYPARCEL:
            allowed = allowed - MYPARCEL_ONLY_DELIVERY_TYPES
            if cc != "BE":
                allowed = frozenset({DeliveryType.STANDARD})
        if dt not in allowed:
            found.append(
                _v(
                    "delivery_type_not_available",
                    f"{dt.name.replace('_', ' ').capitalize()} delivery is not possible to {cc} on "
                    f"{_platform_name(platform)}: choose standard delivery.",
                    delivery_type=dt.name,
                    cc=cc,
                )
            )
            return found
        if dt in ONLY_RECIPIENT_TYPES and not o.only_recipient:
            found.append(
                _v(
                    "only_recipient_required",
                    f"{dt.name.capitalize()} delivery needs 'only recipient': switch it on.",
                    delivery_type=dt.name,
                )
            )
        if dt in DATE_REQUIRED_TYPES and o.delivery_date is None:
            found.append(
                _v(
                    "delivery_date_required",
                    f"{dt.name.capitalize()} delivery needs a delivery date: pick one.",
                    delivery_type=dt.name,
                )
            )
        if dt in PICKUP_TYPES:
            if not o.signature:
                found.append(_v("signature_required", "Delivery to a pickup point needs a signature: switch it on."))
            if request.pickup is None:
                found.append(
                    _v(
                        "pickup_location_required",
                        "Delivery to a pickup point needs the pickup point: choose one or deliver at home.",
                    )
                )
        if dt is DeliveryType.MORNING and o.delivery_date is not None and o.delivery_date.weekday() >= 5:
            found.append(
                _v(
                    "delivery_date_weekend",
                    "Morning delivery is not possible on Saturday or Sunday: pick a weekday.",
                    delivery_date=o.delivery_date.isoformat(),
                )
            )
    if request.pickup is not None and dt not in PICKUP_TYPES:
        found.append(
            _v(
                "pickup_without_pickup_delivery",
                "A pickup point is set but the delivery type is not pickup: choose pickup or remove the point.",
            )
        )
    if o.delivery_date is not None:
        if platform is Platform.SENDMYPARCEL and not SENDMYPARCEL_ALLOWS_DELIVERY_DATE:
            found.append(
                _v(
                    "delivery_date_not_on_platform",
                    "SendMyParcel.be does not take a delivery date: remove it.",
                )
            )
        elif dt is None:
            # "Required: Yes if delivery_date has been specified" [MP §7.C.1]
            found.append(
                _v(
                    "delivery_type_required",
                    "A delivery date needs a delivery type: choose one or remove the date.",
                )
            )
        if today is not None and o.delivery_date < today:
            found.append(
                _v(
                    "delivery_date_past",
                    f"The delivery date {o.delivery_date.isoformat()} has passed: pick a later date.",
                    delivery_date=o.delivery_date.isoformat(),
                )
            )
    return found


def _insurance(request: ShipmentRequest, platform: Platform, dest: DestinationClass) -> list[Violation]:
    o = request.options
    amount = o.insurance_cents
    cc = request.recipient.cc
    found: list[Violation] = []
    if o.package_type is not PackageType.PACKAGE:
        return found
    if amount < 0:
        return [_v("insurance_invalid", "The insured amount cannot be negative.", amount=amount)]
    if platform is Platform.MYPARCEL:
        if dest is DestinationClass.DOMESTIC:
            if amount > MYPARCEL_NL_INSURANCE_MAX:
                found.append(
                    _v(
                        "insurance_too_high",
                        f"Parcels within NL can be insured up to {_euros(MYPARCEL_NL_INSURANCE_MAX)}.",
                        amount=amount,
                    )
                )
            if amount > 0 and not o.only_recipient:
                found.append(
                    _v(
                        "insurance_needs_only_recipient",
                        "An insured parcel within NL needs 'only recipient': switch it on.",
                    )
                )
            if amount > 0 and not o.signature:
                found.append(
                    _v("insurance_needs_signature", "An insured parcel within NL needs a signature: switch it on.")
                )
            return found
        required = MYPARCEL_EU_INSURANCE if dest is DestinationClass.EU else MYPARCEL_WORLD_INSURANCE
        code = "insurance_eu_amount" if dest is DestinationClass.EU else "insurance_world_amount"
        if amount != required:
            found.append(
                _v(
                    code,
                    f"Parcels to {cc} must be insured for exactly {_euros(required)}: set the insurance to that.",
                    amount=amount,
                    required=required,
                    cc=cc,
                )
            )
        return found
    if dest is DestinationClass.DOMESTIC:
        if amount not in (0, SENDMYPARCEL_INSURANCE):
            found.append(
                _v(
                    "insurance_amount",
                    f"On SendMyParcel.be the insurance is either none or {_euros(SENDMYPARCEL_INSURANCE)}.",
                    amount=amount,
                    required=SENDMYPARCEL_INSURANCE,
                )
            )
        if amount > 0 and not o.signature:
            found.append(
                _v("insurance_needs_signature", "An insured parcel within BE needs a signature: switch it on.")
            )
        return found
    if amount != SENDMYPARCEL_INSURANCE:
        code = "insurance_eu_amount" if dest is DestinationClass.EU else "insurance_world_amount"
        found.append(
            _v(
                code,
                f"Parcels to {cc} must be insured for exactly {_euros(SENDMYPARCEL_INSURANCE)}: "
                "set the insurance to that.",
                amount=amount,
                required=SENDMYPARCEL_INSURANCE,
                cc=cc,
            )
        )
    return found


def _age_check(request: ShipmentRequest, platform: Platform, dest: DestinationClass) -> list[Violation]:
    o = request.options
    if not o.age_check or o.package_type is not PackageType.PACKAGE or dest is not DestinationClass.DOMESTIC:
        return []
    if platform is not Platform.MYPARCEL:
        return []  # refused in _destination_options
    found = []
    if not o.signature:
        found.append(_v("age_check_needs_signature", "An age check needs a signature: switch it on."))
    if not o.only_recipient:
        found.append(_v("age_check_needs_only_recipient", "An age check needs 'only recipient': switch it on."))
    return found


def _pickup(request: ShipmentRequest) -> list[Violation]:
    p = request.pickup
    if p is None:
        return []
    missing = [
        label
        for label, value in (
            ("name", p.location_name),
            ("street", p.street),
            ("number", p.number),
            ("postal code", p.postal_code),
            ("city", p.city),
        )
        if not value.strip()
    ]
    found = []
    if missing:
        found.append(
            _v(
                "pickup_location_incomplete",
                f"The pickup point lacks its {', '.join(missing)}: choose the pickup point again.",
                missing=",".join(missing),
            )
        )
    if p.cc == "BE" and request.carrier is Carrier.POSTNL and not p.location_code:
        # PostNL Belgium identifies pickup points by location_code [api-notes §3, MP §6.B.4]
        found.append(
            _v(
                "pickup_location_code_missing",
                "A PostNL pickup point in Belgium needs its location code: choose the pickup point again.",
            )
        )
    return found


def _basics(request: ShipmentRequest, platform: Platform) -> list[Violation]:
    found: list[Violation] = []
    o = request.options
    if not request.reference.strip():
        found.append(_v("reference_missing", "The shipment has no picklist number as reference."))
    elif len(request.reference) > REFERENCE_MAX:
        found.append(_v("reference_too_long", f"The reference may have at most {REFERENCE_MAX} characters."))
    if not isinstance(request.weight_grams, int) or request.weight_grams <= 0:
        found.append(
            _v(
                "weight_not_positive",
                "The weight must be a whole number of grams above 0: weigh the parcel.",
                weight=request.weight_grams,
            )
        )
    if len(o.label_description) > LABEL_DESCRIPTION_MAX:
        found.append(
            _v(
                "label_description_too_long",
                f"The label text has {len(o.label_description)} characters; shorten it to {LABEL_DESCRIPTION_MAX}.",
                length=len(o.label_description),
            )
        )
    if request.parcels < 1:
        found.append(_v("parcels_invalid", "The number of parcels must be at least 1.", parcels=request.parcels))
    elif request.parcels > 1:
        # Multi-collo: "only available on MyParcel.nl and Flespakket", package type 1, NL and BE [MP §6.H.2]
        if platform is not Platform.MYPARCEL:
            found.append(
                _v(
                    "multi_collo_not_on_platform",
                    "SendMyParcel.be cannot book several parcels as one shipment: ship them one by one.",
                    parcels=request.parcels,
                )
            )
        elif o.package_type is not PackageType.PACKAGE:
            found.append(
                _v(
                    "multi_collo_needs_package",
                    "Several parcels in one shipment are only possible with package type 'package'.",
                    parcels=request.parcels,
                )
            )
        elif request.recipient.cc not in ("NL", "BE"):
            found.append(
                _v(
                    "multi_collo_destination",
                    "Several parcels in one shipment are only possible to NL and BE: ship them one by one.",
                    parcels=request.parcels,
                    cc=request.recipient.cc,
                )
            )
    return found


def _customs(request: ShipmentRequest, dest: DestinationClass) -> list[Violation]:
    if dest is not DestinationClass.WORLD:
        return []
    if request.customs is None:
        return [
            _v(
                "customs_required",
                f"Parcels to {request.recipient.cc} need a customs declaration: fill it in.",
                cc=request.recipient.cc,
            )
        ]
    return list(customs_problems(request.customs))


def validate(request: ShipmentRequest, platform: Platform, *, today: date | None = None) -> tuple[Violation, ...]:
    """Return every carrier rule the request breaks on this platform; empty when it can be booked."""
    found = _recipient(request)
    if any(v.code == "country_invalid" for v in found):
        return tuple(found + _basics(request, platform))
    dest = destination_class(request.recipient.cc, platform)
    found += _basics(request, platform)
    found += _carrier(request, platform, dest)
    found += _package(request, platform, dest)
    found += _destination_options(request, platform, dest)
    found += _delivery(request, platform, dest, today)
    found += _insurance(request, platform, dest)
    found += _age_check(request, platform, dest)
    found += _pickup(request)
    found += _customs(request, dest)
    return tuple(found)


def apply_required(request: ShipmentRequest, platform: Platform) -> ShipmentRequest:
    """Add the options the rules make mandatory and leave no choice about (insurance abroad, signature, ...)."""
    o = request.options
    if o.package_type is not PackageType.PACKAGE or not _CC.match(request.recipient.cc):
        return request
    dest = destination_class(request.recipient.cc, platform)
    changes: dict[str, object] = {}
    if dest is not DestinationClass.DOMESTIC:
        if platform is Platform.MYPARCEL:
            changes["insurance_cents"] = (
                MYPARCEL_EU_INSURANCE if dest is DestinationClass.EU else MYPARCEL_WORLD_INSURANCE
            )
        else:
            changes["insurance_cents"] = SENDMYPARCEL_INSURANCE
    if o.delivery_type in PICKUP_TYPES and (
        dest is DestinationClass.DOMESTIC or (request.recipient.cc == "BE" and platform is Platform.MYPARCEL)
    ):
        changes["signature"] = True
    if dest is DestinationClass.DOMESTIC:
        if o.delivery_type in ONLY_RECIPIENT_TYPES and platform is Platform.MYPARCEL:
            changes["only_recipient"] = True
        if o.insurance_cents > 0:
            changes["signature"] = True
            if platform is Platform.MYPARCEL:
                changes["only_recipient"] = True
        if o.age_check and platform is Platform.MYPARCEL:
            changes["signature"] = True
            changes["only_recipient"] = True
    changes = {k: v for k, v in changes.items() if getattr(o, k) != v}
    if not changes:
        return request
    return dataclasses.replace(request, options=dataclasses.replace(o, **changes))  # type: ignore[arg-type]


def ensure_valid(request: ShipmentRequest, platform: Platform, *, today: date | None = None) -> None:
    """Raise InvalidShipment listing every broken rule; return quietly when the request can be booked."""
    violations = validate(request, platform, today=today)
    if violations:
        raise InvalidShipment(violations)
