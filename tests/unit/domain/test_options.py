"""Option-combination rules of docs/api-notes.md §9, each rule allowed and refused, on both platforms."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from packstation.domain.errors import InvalidShipment
from packstation.domain.options import DestinationClass, apply_required, destination_class, ensure_valid, validate
from packstation.domain.shipments import (
    Address,
    Carrier,
    CustomsDeclaration,
    CustomsItem,
    DeliveryType,
    PackageContents,
    PackageType,
    PickupLocation,
    Platform,
    ShipmentOptions,
    ShipmentRequest,
)
from packstation.i18n import violation_text

MP, SMP = Platform.MYPARCEL, Platform.SENDMYPARCEL
TUESDAY = date(2025, 3, 4)
SATURDAY = date(2025, 3, 8)

ADDRESSES = {
    "NL": Address(
        cc="NL", city="Hoofddorp", street="Antareslaan", number="31", postal_code="2132JE", person="Mr. Parcel"
    ),
    "BE": Address(cc="BE", city="Antwerpen", street="Wormerplein", number="16", postal_code="2000", person="Test"),
    "DE": Address(cc="DE", city="Berlin", street="Friedrichstraße 123", postal_code="10117", person="Max"),
    "CH": Address(cc="CH", city="Zürich", street="Bahnhofstrasse 1", postal_code="8001", person="Heidi"),
    "JP": Address(cc="JP", city="Tokyo", street="1-1 Chiyoda", postal_code="100-0001", person="Sato"),
}
PICKUP_NL = PickupLocation("Albert Heijn", "Burgemeester van Stamplein", "270", "2132BH", "Hoofddorp", "NL")
PICKUP_BE = PickupLocation("Bpost punt", "Meir", "1", "2000", "Antwerpen", "BE", location_code="BE0Q07")
CUSTOMS = CustomsDeclaration(
    PackageContents.COMMERCIAL_GOODS, "O2024-1", (CustomsItem("Mug", 2, 700, 2000, "691200", "NL"),)
)
DEFAULT_CARRIER = {MP: Carrier.POSTNL, SMP: Carrier.BPOST}


def req(platform: Platform, cc: str = "NL", carrier: Carrier | None = None, **changes: object) -> ShipmentRequest:
    """Return a request that is valid unless `changes` breaks it; option fields go to options."""
    option_fields = {f.name for f in dataclasses.fields(ShipmentOptions)}
    opts = {k: v for k, v in changes.items() if k in option_fields}
    rest = {k: v for k, v in changes.items() if k not in option_fields}
    insurance = {
        (MP, "EU"): 50000,
        (MP, "WORLD"): 20000,
        (SMP, "EU"): 50000,
        (SMP, "WORLD"): 50000,
    }.get((platform, destination_class(cc, platform).name), 0)
    opts.setdefault("insurance_cents", insurance)
    rest.setdefault("customs", CUSTOMS if destination_class(cc, platform) is DestinationClass.WORLD else None)
    return ShipmentRequest(
        reference="P2024-00001",
        carrier=carrier or DEFAULT_CARRIER[platform],
        recipient=ADDRESSES[cc],
        options=ShipmentOptions(**opts),  # type: ignore[arg-type]
        weight_grams=rest.pop("weight_grams", 1200),  # type: ignore[arg-type]
        **rest,  # type: ignore[arg-type]
    )


def codes(request: ShipmentRequest, platform: Platform) -> set[str]:
    return {v.code for v in validate(request, platform, today=date(2025, 3, 1))}


@pytest.mark.parametrize(
    ("cc", "platform", "expected"),
    [
        ("NL", MP, DestinationClass.DOMESTIC),
        ("BE", MP, DestinationClass.EU),
        ("DE", MP, DestinationClass.EU),
        ("CH", MP, DestinationClass.WORLD),
        ("GB", MP, DestinationClass.WORLD),
        ("NO", MP, DestinationClass.WORLD),
        ("BE", SMP, DestinationClass.DOMESTIC),
        ("NL", SMP, DestinationClass.EU),
        ("us", SMP, DestinationClass.WORLD),
    ],
)
def test_destination_class(cc: str, platform: Platform, expected: DestinationClass) -> None:
    assert destination_class(cc, platform) is expected


ALLOWED = [
    # MyParcel.nl, domestic
    (MP, "NL", {}),
    (MP, "NL", {"signature": True, "only_recipient": True, "return_to_sender": True, "large_format": True}),
    (MP, "NL", {"insurance_cents": 50000, "signature": True, "only_recipient": True}),
    (MP, "NL", {"insurance_cents": 500000, "signature": True, "only_recipient": True}),
    (MP, "NL", {"age_check": True, "signature": True, "only_recipient": True}),
    (MP, "NL", {"delivery_type": DeliveryType.MORNING, "only_recipient": True, "delivery_date": TUESDAY}),
    (MP, "NL", {"delivery_type": DeliveryType.EVENING, "only_recipient": True, "delivery_date": SATURDAY}),
    (MP, "NL", {"delivery_type": DeliveryType.STANDARD, "delivery_date": TUESDAY}),
    (MP, "NL", {"delivery_type": DeliveryType.PICKUP, "signature": True, "pickup": PICKUP_NL}),
    (MP, "NL", {"delivery_type": DeliveryType.PICKUP_EXPRESS, "signature": True, "pickup": PICKUP_NL}),
    (MP, "NL", {"package_type": PackageType.MAILBOX}),
    (MP, "NL", {"package_type": PackageType.LETTER}),
    (MP, "NL", {"package_type": PackageType.DIGITAL_STAMP, "weight_grams": 20}),
    (MP, "NL", {"parcels": 3}),
    (MP, "NL", {"label_description": "x" * 45}),
    (MP, "NL", {}, Carrier.UPS),
    # MyParcel.nl, abroad
    (MP, "BE", {}),
    (MP, "BE", {"large_format": True}),
    (MP, "BE", {"parcels": 2}),
    (MP, "BE", {"delivery_type": DeliveryType.PICKUP, "signature": True, "pickup": PICKUP_BE}),
    (MP, "DE", {"delivery_type": DeliveryType.STANDARD}),
    (MP, "CH", {}),
    (MP, "JP", {}),
    # SendMyParcel.be
    (SMP, "BE", {}),
    (SMP, "BE", {"signature": True}),
    (SMP, "BE", {"return_to_sender": True}),
    (SMP, "BE", {"insurance_cents": 50000, "signature": True}),
    (SMP, "BE", {"delivery_type": DeliveryType.PICKUP, "signature": True, "pickup": PICKUP_BE}),
    (SMP, "BE", {}, Carrier.DPD),
    (SMP, "BE", {}, Carrier.POSTNL),
    (SMP, "NL", {}),
    (SMP, "DE", {}, Carrier.DPD),
    (SMP, "CH", {}),
]


@pytest.mark.parametrize("case", ALLOWED, ids=lambda c: f"{c[0].name}-{c[1]}-{sorted(c[2])}")
def test_allowed_combinations_pass(case: tuple) -> None:
    platform, cc, changes, *carrier = case
    request = req(platform, cc, *carrier, **changes)
    assert validate(request, platform, today=date(2025, 3, 1)) == ()
    ensure_valid(request, platform)


REFUSED = [
    # carriers per platform (api-notes §9)
    (MP, "NL", {}, "carrier_not_on_platform", Carrier.BPOST),
    (MP, "NL", {}, "carrier_not_on_platform", Carrier.DPD),
    (MP, "NL", {}, "carrier_unsupported", Carrier.INSTABOX),
    (SMP, "BE", {}, "carrier_not_on_platform", Carrier.UPS),
    (SMP, "CH", {}, "carrier_destination", Carrier.DPD),
    (SMP, "NL", {}, "carrier_destination", Carrier.POSTNL),
    # package types (check 1)
    (MP, "NL", {"package_type": PackageType.MAILBOX, "signature": True}, "option_needs_package", None),
    (MP, "NL", {"package_type": PackageType.LETTER, "insurance_cents": 10000}, "option_needs_package", None),
    (MP, "NL", {"package_type": PackageType.DIGITAL_STAMP, "age_check": True}, "option_needs_package", None),
    (
        MP,
        "NL",
        {"package_type": PackageType.MAILBOX, "delivery_type": DeliveryType.EVENING},
        "option_needs_package",
        None,
    ),
    (MP, "BE", {"package_type": PackageType.MAILBOX, "insurance_cents": 0}, "package_type_not_abroad", None),
    (MP, "DE", {"package_type": PackageType.LETTER, "insurance_cents": 0}, "package_type_not_abroad", None),
    (SMP, "BE", {"package_type": PackageType.MAILBOX}, "package_type_not_on_platform", None),
    # options abroad (check 2)
    (MP, "BE", {"only_recipient": True}, "only_recipient_not_abroad", None),
    (MP, "DE", {"signature": True}, "signature_not_abroad", None),
    (MP, "CH", {"return_to_sender": True}, "return_not_abroad", None),
    (MP, "DE", {"age_check": True}, "age_check_not_abroad", None),
    (MP, "CH", {"large_format": True}, "large_format_not_world", None),
    (
        MP,
        "DE",
        {"delivery_type": DeliveryType.PICKUP, "signature": True, "pickup": PICKUP_NL},
        "delivery_type_not_available",
        None,
    ),
    (
        MP,
        "BE",
        {"delivery_type": DeliveryType.MORNING, "only_recipient": True, "delivery_date": TUESDAY},
        "delivery_type_not_available",
        None,
    ),
    (SMP, "NL", {"signature": True}, "signature_not_abroad", None),
    (SMP, "DE", {"return_to_sender": True}, "return_not_abroad", None),
    (SMP, "BE", {"only_recipient": True}, "only_recipient_not_on_platform", None),
    (SMP, "BE", {"age_check": True}, "age_check_not_on_platform", None),
    (SMP, "BE", {"large_format": True}, "large_format_not_on_platform", None),
    (SMP, "BE", {"delivery_type": DeliveryType.EVENING, "delivery_date": TUESDAY}, "delivery_type_not_available", None),
    (SMP, "BE", {"delivery_type": DeliveryType.MORNING}, "delivery_type_not_available", None),
    (
        SMP,
        "BE",
        {"delivery_type": DeliveryType.STANDARD, "delivery_date": TUESDAY},
        "delivery_date_not_on_platform",
        None,
    ),
    # insurance (api-notes §9)
    (MP, "NL", {"insurance_cents": 600000, "signature": True, "only_recipient": True}, "insurance_too_high", None),
    (MP, "NL", {"insurance_cents": 10000, "signature": True}, "insurance_needs_only_recipient", None),
    (MP, "NL", {"insurance_cents": 10000, "only_recipient": True}, "insurance_needs_signature", None),
    (MP, "DE", {"insurance_cents": 0}, "insurance_eu_amount", None),
    (MP, "BE", {"insurance_cents": 20000}, "insurance_eu_amount", None),
    (MP, "CH", {"insurance_cents": 50000}, "insurance_world_amount", None),
    (SMP, "BE", {"insurance_cents": 25000, "signature": True}, "insurance_amount", None),
    (SMP, "BE", {"insurance_cents": 50000}, "insurance_needs_signature", None),
    (SMP, "NL", {"insurance_cents": 0}, "insurance_eu_amount", None),
    (SMP, "CH", {"insurance_cents": 20000}, "insurance_world_amount", None),
    (MP, "NL", {"insurance_cents": -1}, "insurance_invalid", None),
    # delivery types (check 4)
    (MP, "NL", {"delivery_type": DeliveryType.MORNING, "delivery_date": TUESDAY}, "only_recipient_required", None),
    (MP, "NL", {"delivery_type": DeliveryType.EVENING, "only_recipient": True}, "delivery_date_required", None),
    (MP, "NL", {"delivery_type": DeliveryType.PICKUP, "pickup": PICKUP_NL}, "signature_required", None),
    (MP, "NL", {"delivery_type": DeliveryType.PICKUP_EXPRESS, "signature": True}, "pickup_location_required", None),
    (SMP, "BE", {"delivery_type": DeliveryType.PICKUP, "signature": True}, "pickup_location_required", None),
    (MP, "NL", {"pickup": PICKUP_NL}, "pickup_without_pickup_delivery", None),
    (MP, "NL", {"delivery_date": TUESDAY}, "delivery_type_required", None),
    (
        MP,
        "NL",
        {"delivery_type": DeliveryType.MORNING, "only_recipient": True, "delivery_date": SATURDAY},
        "delivery_date_weekend",
        None,
    ),
    (MP, "NL", {"delivery_type": DeliveryType.STANDARD, "delivery_date": date(2025, 2, 1)}, "delivery_date_past", None),
    # age check (check 6)
    (MP, "NL", {"age_check": True, "only_recipient": True}, "age_check_needs_signature", None),
    (MP, "NL", {"age_check": True, "signature": True}, "age_check_needs_only_recipient", None),
    # pickup points
    (
        MP,
        "BE",
        {
            "delivery_type": DeliveryType.PICKUP,
            "signature": True,
            "pickup": dataclasses.replace(PICKUP_BE, location_code=""),
        },
        "pickup_location_code_missing",
        None,
    ),
    (
        MP,
        "NL",
        {"delivery_type": DeliveryType.PICKUP, "signature": True, "pickup": dataclasses.replace(PICKUP_NL, street="")},
        "pickup_location_incomplete",
        None,
    ),
    # customs (check 7)
    (MP, "CH", {"customs": None}, "customs_required", None),
    (SMP, "JP", {"customs": None}, "customs_required", None),
    (MP, "CH", {"customs": dataclasses.replace(CUSTOMS, invoice="")}, "customs_invoice_missing", None),
    # basics: label text, weight, multi-collo
    (MP, "NL", {"label_description": "x" * 46}, "label_description_too_long", None),
    (SMP, "BE", {"label_description": "x" * 46}, "label_description_too_long", None),
    (MP, "NL", {"weight_grams": 0}, "weight_not_positive", None),
    (SMP, "BE", {"weight_grams": -5}, "weight_not_positive", None),
    (MP, "NL", {"parcels": 0}, "parcels_invalid", None),
    (SMP, "BE", {"parcels": 2}, "multi_collo_not_on_platform", None),
    (MP, "DE", {"parcels": 2}, "multi_collo_destination", None),
    (MP, "NL", {"parcels": 2, "package_type": PackageType.MAILBOX}, "multi_collo_needs_package", None),
]


@pytest.mark.parametrize("case", REFUSED, ids=lambda c: f"{c[0].name}-{c[1]}-{c[3]}")
def test_refused_combinations_name_the_rule(case: tuple) -> None:
    platform, cc, changes, code, carrier = case
    request = req(platform, cc, carrier, **changes)
    found = validate(request, platform, today=date(2025, 3, 1))
    assert code in {v.code for v in found}
    assert all(violation_text(v) != str(v) for v in found)  # every rule found has words, not just its code
    with pytest.raises(InvalidShipment) as caught:
        ensure_valid(request, platform, today=date(2025, 3, 1))
    assert caught.value.violations


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("person", "", "person_missing"),
        ("person", "A" * 41, "person_too_long"),
        ("street", "", "street_missing"),
        ("street", "S" * 41, "street_too_long"),
        ("city", "", "city_missing"),
        ("number", "", "number_missing"),
        ("number", "12a", "number_invalid"),
        ("number_suffix", "ABCDEFG", "number_suffix_too_long"),
        ("box_number", "3", "box_number_not_be"),
        ("postal_code", "2132 J", "postal_code_invalid"),
        ("cc", "Nederland", "country_invalid"),
    ],
)
def test_recipient_rules(field: str, value: str, code: str) -> None:
    request = req(MP, "NL")
    request = dataclasses.replace(request, recipient=dataclasses.replace(request.recipient, **{field: value}))
    assert code in codes(request, MP)


def test_belgian_box_number_limit() -> None:
    request = req(SMP, "BE")
    ok = dataclasses.replace(request, recipient=dataclasses.replace(request.recipient, box_number="12345678"))
    bad = dataclasses.replace(request, recipient=dataclasses.replace(request.recipient, box_number="123456789"))
    assert codes(ok, SMP) == set()
    assert "box_number_too_long" in codes(bad, SMP)


@pytest.mark.parametrize(
    ("platform", "cc", "changes", "expected"),
    [
        (MP, "DE", {"insurance_cents": 0}, {"insurance_cents": 50000}),
        (MP, "BE", {"insurance_cents": 10000}, {"insurance_cents": 50000}),
        (MP, "CH", {"insurance_cents": 0}, {"insurance_cents": 20000}),
        (SMP, "NL", {"insurance_cents": 0}, {"insurance_cents": 50000}),
        (SMP, "CH", {"insurance_cents": 0}, {"insurance_cents": 50000}),
        (MP, "NL", {"insurance_cents": 25000}, {"signature": True, "only_recipient": True}),
        (SMP, "BE", {"insurance_cents": 50000}, {"signature": True, "only_recipient": False}),
        (MP, "NL", {"age_check": True}, {"signature": True, "only_recipient": True}),
        (
            MP,
            "NL",
            {"delivery_type": DeliveryType.PICKUP, "pickup": PICKUP_NL},
            {"signature": True, "only_recipient": False},
        ),
        (MP, "BE", {"delivery_type": DeliveryType.PICKUP, "pickup": PICKUP_BE}, {"signature": True}),
        (
            MP,
            "NL",
            {"delivery_type": DeliveryType.EVENING, "delivery_date": TUESDAY},
            {"only_recipient": True, "signature": False},
        ),
    ],
)
def test_apply_required_adds_what_the_rules_demand(platform: Platform, cc: str, changes: dict, expected: dict) -> None:
    completed = apply_required(req(platform, cc, **changes), platform)
    for name, value in expected.items():
        assert getattr(completed.options, name) == value, name
    assert validate(completed, platform, today=date(2025, 3, 1)) == ()


def test_apply_required_leaves_mailbox_parcels_alone() -> None:
    request = req(MP, "NL", package_type=PackageType.MAILBOX)
    assert apply_required(request, MP) is request


def test_apply_required_does_not_switch_on_options_forbidden_abroad() -> None:
    completed = apply_required(req(MP, "DE", age_check=True, insurance_cents=0), MP)
    assert not completed.options.signature and not completed.options.only_recipient
    assert "age_check_not_abroad" in codes(completed, MP)
