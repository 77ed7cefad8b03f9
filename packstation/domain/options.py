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
    Address,
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


def _v(code: str, **params: object) -> Violation:
    return Violation(code, tuple((k, str(v)) for k, v in params.items()))


def _platform_name(platform: Platform) -> str:
    return "MyParcel.nl" if platform is Platform.MYPARCEL else "SendMyParcel.be"


def _euros(cents: int) -> str:
    return f"EUR {cents // 100}"


def _recipient(request: ShipmentRequest) -> list[Violation]:
    r = request.recipient
    if not _CC.match(r.cc):
        return [_v("country_invalid", cc=r.cc)]
    found = _recipient_names(r) + _house_number(r)
    if postal_code_problem(r.postal_code, r.cc) is not None:
        found.append(_v("postal_code_invalid", postal_code=r.postal_code, cc=r.cc))
    return found


def _recipient_names(r: Address) -> list[Violation]:
    """Return what is missing or too long in the person, street and city."""
    found: list[Violation] = []
    if not r.person.strip():
        found.append(_v("person_missing"))
    elif len(r.person) > PERSON_MAX:
        found.append(_v("person_too_long", person=r.person))
    if not r.street.strip():
        found.append(_v("street_missing"))
    elif len(r.street) > STREET_MAX:
        found.append(_v("street_too_long", street=r.street))
    if not r.city.strip():
        found.append(_v("city_missing"))
    return found


def _house_number(r: Address) -> list[Violation]:
    """Return what is wrong with the house number, its addition and the (Belgian) box number."""
    found: list[Violation] = []
    if r.cc in ("NL", "BE") and not r.number:
        found.append(_v("number_missing", cc=r.cc))
    elif r.cc in ("NL", "BE") and not r.number.isdigit():
        found.append(_v("number_invalid", number=r.number))
    if len(r.number_suffix) > NUMBER_SUFFIX_MAX:
        found.append(_v("number_suffix_too_long", suffix=r.number_suffix))
    if r.box_number and r.cc != "BE":
        found.append(_v("box_number_not_be", box=r.box_number))
    elif r.box_number and len(r.box_number) > BOX_NUMBER_MAX:
        found.append(_v("box_number_too_long", box=r.box_number))
    return found


def _carrier(request: ShipmentRequest, platform: Platform, dest: DestinationClass) -> list[Violation]:
    carrier = request.carrier
    name = carrier.name if isinstance(carrier, Carrier) else str(carrier)
    if carrier in UNSUPPORTED_CARRIERS:
        return [_v("carrier_unsupported", carrier=name)]
    if carrier not in PLATFORM_CARRIERS[platform]:
        return [_v("carrier_not_on_platform", carrier=name, platform=platform.value)]
    if not _carrier_delivers(carrier, platform, dest):
        return [_v("carrier_destination", carrier=name, cc=request.recipient.cc)]
    return []


def _carrier_delivers(carrier: Carrier, platform: Platform, dest: DestinationClass) -> bool:
    if DPD_EU_ONLY and carrier is Carrier.DPD and dest is DestinationClass.WORLD:
        return False
    postnl_home_only = SENDMYPARCEL_POSTNL_DOMESTIC_ONLY and platform is Platform.SENDMYPARCEL
    return not (postnl_home_only and carrier is Carrier.POSTNL and dest is not DestinationClass.DOMESTIC)


def _package(request: ShipmentRequest, platform: Platform, dest: DestinationClass) -> list[Violation]:
    o = request.options
    found: list[Violation] = []
    if platform is Platform.SENDMYPARCEL and o.package_type not in SENDMYPARCEL_PACKAGE_TYPES:
        return [
            _v(
                "package_type_not_on_platform",
                package_type=o.package_type.name,
            )
        ]
    if o.package_type is PackageType.PACKAGE:
        return found
    if request.recipient.cc != "NL" and o.package_type not in INTERNATIONAL_PACKAGE_TYPES:
        found.append(
            _v(
                "package_type_not_abroad",
                package_type=o.package_type.name,
                cc=request.recipient.cc,
            )
        )
    for name in EXTRA_OPTIONS:
        if _set(o, name):
            found.append(
                _v(
                    "option_needs_package",
                    option=name,
                    package_type=o.package_type.name,
                )
            )
    if o.delivery_type not in (None, DeliveryType.STANDARD):
        found.append(
            _v(
                "option_needs_package",
                option="delivery_type",
                package_type=o.package_type.name,
            )
        )
    return found


def _destination_options(request: ShipmentRequest, platform: Platform, dest: DestinationClass) -> list[Violation]:
    o = request.options
    if platform is Platform.SENDMYPARCEL and dest is DestinationClass.DOMESTIC:
        return _sendmyparcel_home_options(o)
    found = []
    if platform is Platform.SENDMYPARCEL and _set(o, "large_format"):
        found.append(_v("large_format_not_on_platform"))
    if dest is DestinationClass.DOMESTIC:
        return found
    found += _abroad_options(request, platform)
    if platform is Platform.MYPARCEL and dest is DestinationClass.WORLD and o.large_format:
        found.append(_v("large_format_not_world", cc=request.recipient.cc))
    return found


def _sendmyparcel_home_options(o: ShipmentOptions) -> list[Violation]:
    """Return the options switched on that SendMyParcel.be does not offer within Belgium."""
    return [
        _v(f"{name}_not_on_platform", option=name)
        for name in ("only_recipient", "large_format", "age_check")
        if _set(o, name) and name not in SENDMYPARCEL_HOME_OPTIONS
    ]


def _abroad_options(request: ShipmentRequest, platform: Platform) -> list[Violation]:
    """Return the options switched on that only exist within the platform's home country."""
    o = request.options
    cc = request.recipient.cc
    # The docs' "BE pickup location" example sends signature 1 [MP §6.B.4].
    be_pickup_signature = cc == "BE" and o.delivery_type is DeliveryType.PICKUP and platform is Platform.MYPARCEL
    found = []
    for name in ("only_recipient", "signature", "return_to_sender", "age_check"):
        if _set(o, name) and not (name == "signature" and be_pickup_signature):
            found.append(_v(_abroad_code(name, platform), option=name, cc=cc))
    return found


def _abroad_code(name: str, platform: Platform) -> str:
    if platform is Platform.SENDMYPARCEL and name in ("only_recipient", "age_check"):
        return f"{name}_not_on_platform"
    return "return_not_abroad" if name == "return_to_sender" else f"{name}_not_abroad"


def _allowed_delivery_types(cc: str, platform: Platform) -> frozenset[DeliveryType]:
    allowed = {"NL": NL_DELIVERY_TYPES, "BE": BE_DELIVERY_TYPES}.get(cc, frozenset({DeliveryType.STANDARD}))
    if platform is not Platform.SENDMYPARCEL:
        return allowed
    return allowed - MYPARCEL_ONLY_DELIVERY_TYPES if cc == "BE" else frozenset({DeliveryType.STANDARD})


def _delivery(
    request: ShipmentRequest, platform: Platform, dest: DestinationClass, today: date | None
) -> list[Violation]:
    o = request.options
    if o.package_type is not PackageType.PACKAGE:
        return []
    dt = o.delivery_type
    if dt is not None and dt not in _allowed_delivery_types(request.recipient.cc, platform):
        return [_v("delivery_type_not_available", delivery_type=dt.name, cc=request.recipient.cc)]
    found = _delivery_type_needs(request, dt) if dt is not None else []
    if request.pickup is not None and dt not in PICKUP_TYPES:
        found.append(_v("pickup_without_pickup_delivery"))
    if o.delivery_date is not None:
        found += _delivery_date_rules(request, o.delivery_date, platform, today)
    return found


def _delivery_type_needs(request: ShipmentRequest, dt: DeliveryType) -> list[Violation]:
    """Return what the chosen delivery type needs and the shipment lacks."""
    o = request.options
    found = []
    if dt in ONLY_RECIPIENT_TYPES and not o.only_recipient:
        found.append(_v("only_recipient_required", delivery_type=dt.name))
    if dt in DATE_REQUIRED_TYPES and o.delivery_date is None:
        found.append(_v("delivery_date_required", delivery_type=dt.name))
    if dt in PICKUP_TYPES:
        found += _pickup_needs(request)
    if dt is DeliveryType.MORNING and o.delivery_date is not None and o.delivery_date.weekday() >= 5:
        found.append(_v("delivery_date_weekend", delivery_date=o.delivery_date.isoformat()))
    return found


def _pickup_needs(request: ShipmentRequest) -> list[Violation]:
    found = [] if request.options.signature else [_v("signature_required")]
    if request.pickup is None:
        found.append(_v("pickup_location_required"))
    return found


def _delivery_date_rules(
    request: ShipmentRequest, delivery_date: date, platform: Platform, today: date | None
) -> list[Violation]:
    found = []
    if platform is Platform.SENDMYPARCEL and not SENDMYPARCEL_ALLOWS_DELIVERY_DATE:
        found.append(_v("delivery_date_not_on_platform"))
    elif request.options.delivery_type is None:
        # "Required: Yes if delivery_date has been specified" [MP §7.C.1]
        found.append(_v("delivery_type_required"))
    if today is not None and delivery_date < today:
        found.append(_v("delivery_date_past", delivery_date=delivery_date.isoformat()))
    return found


def _insurance(request: ShipmentRequest, platform: Platform, dest: DestinationClass) -> list[Violation]:
    o = request.options
    if o.package_type is not PackageType.PACKAGE:
        return []
    if o.insurance_cents < 0:
        return [_v("insurance_invalid", amount=o.insurance_cents)]
    if dest is DestinationClass.DOMESTIC:
        return _home_insurance(o, platform)
    required = _abroad_insurance(platform, dest)
    if o.insurance_cents == required:
        return []
    code = "insurance_eu_amount" if dest is DestinationClass.EU else "insurance_world_amount"
    return [_v(code, amount=o.insurance_cents, required=required, cc=request.recipient.cc)]


def _abroad_insurance(platform: Platform, dest: DestinationClass) -> int:
    """Return the one insurance amount (cents) a parcel abroad must have: the carrier's fixed cover."""
    if platform is Platform.MYPARCEL:
        return MYPARCEL_EU_INSURANCE if dest is DestinationClass.EU else MYPARCEL_WORLD_INSURANCE
    return SENDMYPARCEL_INSURANCE


def _home_insurance(o: ShipmentOptions, platform: Platform) -> list[Violation]:
    amount = o.insurance_cents
    found = []
    if platform is Platform.MYPARCEL:
        if amount > MYPARCEL_NL_INSURANCE_MAX:
            found.append(_v("insurance_too_high", amount=amount))
        if amount > 0 and not o.only_recipient:
            found.append(_v("insurance_needs_only_recipient"))
    elif amount not in (0, SENDMYPARCEL_INSURANCE):
        found.append(_v("insurance_amount", amount=amount, required=SENDMYPARCEL_INSURANCE))
    if amount > 0 and not o.signature:
        found.append(_v("insurance_needs_signature"))
    return found


def _age_check(request: ShipmentRequest, platform: Platform, dest: DestinationClass) -> list[Violation]:
    o = request.options
    if not o.age_check or o.package_type is not PackageType.PACKAGE or dest is not DestinationClass.DOMESTIC:
        return []
    if platform is not Platform.MYPARCEL:
        return []  # refused in _destination_options
    found = []
    if not o.signature:
        found.append(_v("age_check_needs_signature"))
    if not o.only_recipient:
        found.append(_v("age_check_needs_only_recipient"))
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
                missing=",".join(missing),
            )
        )
    if p.cc == "BE" and request.carrier is Carrier.POSTNL and not p.location_code:
        # PostNL Belgium identifies pickup points by location_code [api-notes §3, MP §6.B.4]
        found.append(
            _v(
                "pickup_location_code_missing",
            )
        )
    return found


def _basics(request: ShipmentRequest, platform: Platform) -> list[Violation]:
    found: list[Violation] = []
    o = request.options
    if not request.reference.strip():
        found.append(_v("reference_missing"))
    elif len(request.reference) > REFERENCE_MAX:
        found.append(_v("reference_too_long"))
    if not isinstance(request.weight_grams, int) or request.weight_grams <= 0:
        found.append(
            _v(
                "weight_not_positive",
                weight=request.weight_grams,
            )
        )
    if len(o.label_description) > LABEL_DESCRIPTION_MAX:
        found.append(
            _v(
                "label_description_too_long",
                length=len(o.label_description),
            )
        )
    found += _parcels(request, platform)
    return found


def _parcels(request: ShipmentRequest, platform: Platform) -> list[Violation]:
    parcels = request.parcels
    if parcels < 1:
        return [_v("parcels_invalid", parcels=parcels)]
    if parcels == 1:
        return []
    # Multi-collo: "only available on MyParcel.nl and Flespakket", package type 1, NL and BE [MP §6.H.2]
    if platform is not Platform.MYPARCEL:
        return [_v("multi_collo_not_on_platform", parcels=parcels)]
    if request.options.package_type is not PackageType.PACKAGE:
        return [_v("multi_collo_needs_package", parcels=parcels)]
    if request.recipient.cc not in ("NL", "BE"):
        return [_v("multi_collo_destination", parcels=parcels, cc=request.recipient.cc)]
    return []


def _customs(request: ShipmentRequest, dest: DestinationClass) -> list[Violation]:
    if dest is not DestinationClass.WORLD:
        return []
    if request.customs is None:
        return [
            _v(
                "customs_required",
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
    required = _required_options(request, platform, destination_class(request.recipient.cc, platform))
    changes = {k: v for k, v in required.items() if getattr(o, k) != v}
    if not changes:
        return request
    # `changes` holds only option fields with their own types (from _required_options); mypy sees dict[str, object].
    return dataclasses.replace(request, options=dataclasses.replace(o, **changes))  # type: ignore[arg-type]


def _required_options(request: ShipmentRequest, platform: Platform, dest: DestinationClass) -> dict[str, object]:
    """Return the option values the rules leave no choice about for this destination."""
    if dest is not DestinationClass.DOMESTIC:
        changes: dict[str, object] = {"insurance_cents": _abroad_insurance(platform, dest)}
        # A Belgian pickup point from the Netherlands needs a signature too [MP §6.B.4].
        if (
            request.options.delivery_type in PICKUP_TYPES
            and request.recipient.cc == "BE"
            and platform is Platform.MYPARCEL
        ):
            changes["signature"] = True
        return changes
    changes = {"signature": True} if request.options.delivery_type in PICKUP_TYPES else {}
    changes.update(_home_required(request.options, platform))
    return changes


def _home_required(o: ShipmentOptions, platform: Platform) -> dict[str, object]:
    """Return what the home country's rules switch on: insurance and an age check need a signature (and, at
    MyParcel, only recipient); some delivery types need only recipient."""
    myparcel = platform is Platform.MYPARCEL
    changes: dict[str, object] = {}
    if o.delivery_type in ONLY_RECIPIENT_TYPES and myparcel:
        changes["only_recipient"] = True
    if o.insurance_cents > 0 or (o.age_check and myparcel):
        changes["signature"] = True
    if myparcel and (o.insurance_cents > 0 or o.age_check):
        changes["only_recipient"] = True
    return changes


def ensure_valid(request: ShipmentRequest, platform: Platform, *, today: date | None = None) -> None:
    """Raise InvalidShipment listing every broken rule; return quietly when the request can be booked."""
    violations = validate(request, platform, today=today)
    if violations:
        raise InvalidShipment(violations)
