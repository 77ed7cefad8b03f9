"""Picklist + order -> shipment request, end to end on realistic picklists."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from packstation.domain.mapping import build_request
from packstation.domain.picklists import (
    DeliveryAddress,
    Order,
    OrderLine,
    Picklist,
    PicklistLine,
    PicklistStatus,
    PickupPoint,
)
from packstation.domain.profiles import ShippingProfile, default_profiles
from packstation.domain.shipments import Address, Carrier, DeliveryType, LabelFormat, Platform

MP, SMP = Platform.MYPARCEL, Platform.SENDMYPARCEL
TODAY = date(2025, 3, 3)


def profile(platform: Platform, name: str) -> ShippingProfile:
    return next(p for p in default_profiles(platform) if p.name == name)


def picklist(**delivery: str) -> Picklist:
    fields = {
        "name": "Picqer B.V.",
        "contact": "Jan de Vries",
        "address_line": "Meander 251",
        "postal_code": "6825 mc",
        "city": "Arnhem",
        "country": "nl",
        "email": "jan@example.nl",
        "phone": "0612345678",
    }
    fields.update(delivery)
    return Picklist(
        id=1,
        number="P2018-29382",
        status=PicklistStatus.NEW,
        delivery=DeliveryAddress(**fields),
        lines=(PicklistLine("MUG", "Mok", 2, 0, 350),),
        order_id=9,
        total_products=2,
    )


ORDER = Order(
    id=9,
    number="O2018-29230",
    reference="wintersjaal #8928283",
    lines=(
        OrderLine(
            "SCARF", "Wintersjaal", 1, weight_grams=283, price_cents=2995, hs_code="611710", country_of_origin="CN"
        ),
        OrderLine("MUG", "Mok", 2, weight_grams=350, price_cents=995, hs_code="691200"),
        OrderLine("MUG-LID", "Deksel", 2, weight_grams=50, price_cents=0, is_part=True),
    ),
)


def test_domestic_b2b_picklist_maps_field_by_field() -> None:
    draft = build_request(picklist(), ORDER, profile(MP, "PostNL standaard"), {}, MP, today=TODAY)
    r = draft.request
    assert draft.violations == () and draft.bookable
    assert (r.recipient.street, r.recipient.number, r.recipient.postal_code, r.recipient.cc) == (
        "Meander",
        "251",
        "6825MC",
        "NL",
    )
    assert (r.recipient.person, r.recipient.company) == ("Jan de Vries", "Picqer B.V.")
    assert (r.recipient.email, r.recipient.phone) == ("jan@example.nl", "0612345678")
    assert r.reference == "P2018-29382" and r.carrier is Carrier.POSTNL
    assert r.options.label_description == "wintersjaal #8928283"
    assert r.weight_grams == 283 + 700  # parts are counted by their parent
    assert r.customs is None and r.label_format is LabelFormat.A6


def test_person_only_when_contact_equals_name() -> None:
    draft = build_request(
        picklist(name="Jan de Vries", contact="jan de vries"), ORDER, profile(MP, "PostNL standaard"), {}, MP
    )
    assert (draft.request.recipient.person, draft.request.recipient.company) == ("jan de vries", "")
    draft = build_request(picklist(contact=""), ORDER, profile(MP, "PostNL standaard"), {}, MP)
    assert (draft.request.recipient.person, draft.request.recipient.company) == ("Picqer B.V.", "")


def test_long_name_is_flagged_not_truncated() -> None:
    name = "Stichting Vrienden van het Openluchtmuseum Arnhem"
    draft = build_request(picklist(contact="", name=name), ORDER, profile(MP, "PostNL standaard"), {}, MP)
    assert draft.request.recipient.person == name
    assert "person_too_long" in {v.code for v in draft.violations}


def test_weight_order_explicit_then_picklist_then_products() -> None:
    p = profile(MP, "PostNL standaard")
    assert build_request(picklist(), ORDER, p, {}, MP, weight_grams=1500).request.weight_grams == 1500
    heavy = dataclasses.replace(picklist(), weight_grams=2100)
    assert build_request(heavy, ORDER, p, {}, MP).request.weight_grams == 2100
    assert build_request(picklist(), None, p, {}, MP).request.weight_grams == 700  # picklist lines


def test_unknown_weight_asks_the_packer_to_weigh() -> None:
    order = dataclasses.replace(ORDER, lines=(OrderLine("X", "Poster", 1, weight_grams=0),))
    draft = build_request(picklist(), order, profile(MP, "PostNL standaard"), {}, MP)
    assert draft.request.weight_grams == 0
    assert [v.code for v in draft.violations] == ["weight_unknown"]
    partial = dataclasses.replace(ORDER, lines=(*ORDER.lines, OrderLine("X", "Poster", 1, weight_grams=None)))
    draft = build_request(picklist(), partial, profile(MP, "PostNL standaard"), {}, MP)
    assert draft.bookable and "weight_partial" in {w.code for w in draft.warnings}


def test_ambiguous_address_blocks_until_the_packer_edits_it() -> None:
    lines = picklist(address_line="Winklaarlaan 1-3", postal_code="5104 AB", city="Dongen")
    draft = build_request(lines, ORDER, profile(MP, "PostNL standaard"), {}, MP)
    assert "address_ambiguous" in {v.code for v in draft.violations} and draft.split.ambiguous
    edited = dataclasses.replace(draft.request.recipient, number="1", number_suffix="")
    fixed = build_request(lines, ORDER, profile(MP, "PostNL standaard"), {}, MP, address=edited)
    assert fixed.bookable and fixed.request.recipient.number_suffix == ""


def test_the_invoice_address_puts_the_reading_it_names_first() -> None:
    lines = picklist(address_line="Juliana van Stolberglaan 116 109", postal_code="2595 CA", city="Den Haag")
    plain = build_request(lines, ORDER, profile(MP, "PostNL standaard"), {}, MP)
    assert (plain.request.recipient.street, plain.request.recipient.number) == ("Juliana van Stolberglaan", "116")
    invoiced = dataclasses.replace(ORDER, invoice_address=("Juliana van Stolberglaan 116",))
    draft = build_request(lines, invoiced, profile(MP, "PostNL standaard"), {}, MP)
    recipient = draft.request.recipient
    assert (recipient.street, recipient.number, recipient.number_suffix) == ("Juliana van Stolberglaan 116", "109", "")
    assert "address_two_readings" in {v.code for v in draft.violations}  # still the packer's choice (Alt+1 / Alt+2)
    assert len(draft.split.alternatives) == 2


def test_unsplittable_address_is_a_violation_with_the_reason() -> None:
    draft = build_request(picklist(address_line="Antareslaan31"), ORDER, profile(MP, "PostNL standaard"), {}, MP)
    assert "address_not_split" in {v.code for v in draft.violations}


def test_pickup_point_order_sets_pickup_and_signature() -> None:
    point = PickupPoint(
        carrier="postnl",
        location_code="176227",
        name="Albert Heijn",
        street="Burgemeester van Stamplein",
        number="270",
        postal_code="2132 BH",
        city="Hoofddorp",
        country="NL",
    )
    order = dataclasses.replace(ORDER, pickup_point=point)
    draft = build_request(picklist(), order, profile(MP, "PostNL standaard"), {}, MP)
    r = draft.request
    assert draft.bookable, draft.violations
    assert r.options.delivery_type is DeliveryType.PICKUP and r.options.signature
    assert r.pickup is not None and (r.pickup.postal_code, r.pickup.location_code) == ("2132BH", "176227")
    assert "pickup_carrier_mismatch" not in {w.code for w in draft.warnings}
    # The packer left signature off: they are told it was switched on (and the form shows it locked).
    assert ("option_added", (("option", "signature"),)) in {(w.code, w.params) for w in draft.warnings}


def test_pickup_carrier_mismatch_is_a_warning() -> None:
    point = PickupPoint(
        carrier="dhl",
        location_code="901892834",
        name="AH Presikhaaf",
        street="Dorpsstraat",
        number="32",
        postal_code="2938 DM",
        city="Arnhem",
        country="NL",
    )
    draft = build_request(
        picklist(), dataclasses.replace(ORDER, pickup_point=point), profile(MP, "PostNL standaard"), {}, MP
    )
    assert "pickup_carrier_mismatch" in {w.code for w in draft.warnings}


def test_pickup_profile_without_a_point_is_refused() -> None:
    draft = build_request(picklist(), ORDER, profile(MP, "PostNL ophaalpunt"), {}, MP)
    assert "pickup_location_required" in {v.code for v in draft.violations}


def test_swiss_order_gets_customs_insurance_and_a4() -> None:
    swiss = picklist(address_line="Bahnhofstrasse 1", postal_code="8001", city="Zürich", country="CH")
    draft = build_request(swiss, ORDER, profile(MP, "PostNL standaard"), {}, MP)
    r = draft.request
    assert draft.bookable, draft.violations
    assert r.recipient.street == "Bahnhofstrasse 1" and r.recipient.number == ""
    assert r.customs is not None and r.customs.invoice == "O2018-29230" and len(r.customs.items) == 2
    assert r.options.insurance_cents == 20000 and r.label_format is LabelFormat.A4
    assert "insurance_added" in {w.code for w in draft.warnings}


def test_customs_without_hs_codes_blocks() -> None:
    order = dataclasses.replace(ORDER, lines=(OrderLine("SCARF", "Wintersjaal", 1, 283, 2995),))
    us = picklist(address_line="1600 Pennsylvania Avenue NW", postal_code="20500", city="Washington", country="US")
    assert "customs_classification_missing" in {
        v.code for v in build_request(us, order, profile(MP, "PostNL standaard"), {}, MP).violations
    }
    assert "customs_needs_order" in {
        v.code for v in build_request(us, None, profile(MP, "PostNL standaard"), {}, MP).violations
    }


def test_german_order_with_signature_profile_tells_what_to_switch_off() -> None:
    de = picklist(address_line="Friedrichstraße 123", postal_code="10117", city="Berlin", country="DE")
    draft = build_request(de, ORDER, profile(MP, "PostNL handtekening"), {}, MP)
    assert [v.code for v in draft.violations] == ["signature_not_abroad"]
    assert draft.request.options.insurance_cents == 50000
    assert build_request(de, ORDER, profile(MP, "PostNL handtekening"), {"signature": "0"}, MP).bookable


def test_belgian_box_number_on_sendmyparcel() -> None:
    be = picklist(address_line="Rue de la Loi 16 bte 3", postal_code="B-1000", city="Brussel", country="BE")
    draft = build_request(be, ORDER, profile(SMP, "bpost standaard"), {}, SMP)
    r = draft.request.recipient
    assert draft.bookable, draft.violations
    assert (r.street, r.number, r.box_number, r.postal_code) == ("Rue de la Loi", "16", "3", "1000")


def test_belgian_letter_suffix_is_sent_with_a_warning() -> None:
    be = picklist(address_line="Meir 12A", postal_code="2000", city="Antwerpen", country="BE")
    draft = build_request(be, ORDER, profile(SMP, "bpost verzekerd"), {}, SMP)
    assert draft.bookable and draft.request.recipient.number_suffix == "A"
    assert "be_number_suffix" in {w.code for w in draft.warnings}
    assert draft.request.options.insurance_cents == 50000 and draft.request.options.signature


def test_preferred_date_only_where_the_delivery_type_takes_it() -> None:
    order = dataclasses.replace(ORDER, preferred_delivery_date=date(2025, 3, 4))
    draft = build_request(picklist(), order, profile(MP, "PostNL standaard"), {}, MP)
    assert draft.request.options.delivery_date is None
    assert "delivery_date_ignored" in {w.code for w in draft.warnings}


def test_bad_option_values_become_violations() -> None:
    draft = build_request(picklist(), ORDER, profile(MP, "PostNL standaard"), {"insurance": "lots"}, MP)
    assert "option_value_unknown" in {v.code for v in draft.violations}


def test_multi_collo_and_long_reference() -> None:
    order = dataclasses.replace(ORDER, reference="Bestelling van de kerstmarkt 2024 - tweede levering - spoed")
    draft = build_request(picklist(), order, profile(MP, "PostNL standaard"), {}, MP, parcels=3)
    assert draft.bookable and draft.request.parcel_references[-1] == "P2018-29382-3"
    assert len(draft.request.options.label_description) == 45
    assert "label_description_shortened" in {w.code for w in draft.warnings}
    assert "multi_collo_not_on_platform" in {
        v.code
        for v in build_request(
            picklist(country="BE", postal_code="2000", address_line="Meir 1"),
            order,
            profile(SMP, "bpost standaard"),
            {},
            SMP,
            parcels=2,
        ).violations
    }


@pytest.mark.parametrize("weight", [0, -100])
def test_explicit_weight_must_be_positive(weight: int) -> None:
    draft = build_request(picklist(), ORDER, profile(MP, "PostNL standaard"), {}, MP, weight_grams=weight)
    assert [v.code for v in draft.violations] == ["weight_unknown"]


def test_packer_address_override_is_normalised() -> None:
    edited = Address(cc="nl", city="Arnhem", street="Meander", number="251", postal_code="6825 mc", person="Jan")
    draft = build_request(picklist(), ORDER, profile(MP, "PostNL standaard"), {}, MP, address=edited)
    assert (draft.request.recipient.cc, draft.request.recipient.postal_code) == ("NL", "6825MC")
    assert draft.bookable
