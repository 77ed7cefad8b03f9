"""Customs: who needs a declaration, building it from order lines, and its problems."""

from __future__ import annotations

import dataclasses

import pytest

from packstation.domain.customs import build_declaration, customs_problems, needs_customs
from packstation.domain.picklists import Order, OrderLine
from packstation.domain.shipments import CustomsDeclaration, CustomsItem, PackageContents


@pytest.mark.parametrize(
    ("cc", "expected"),
    [
        ("NL", False),
        ("be", False),
        ("DE", False),
        ("IE", False),
        ("CH", True),
        ("NO", True),
        ("GB", True),
        ("US", True),
        ("JP", True),
    ],
)
def test_needs_customs(cc: str, expected: bool) -> None:
    assert needs_customs(cc) is expected


ORDER = Order(
    id=1,
    number="O2024-00077",
    lines=(
        OrderLine(
            "HUE-2",
            "Philips Hue Duo Pack",
            2,
            weight_grams=350,
            price_cents=2999,
            hs_code="8539.50",
            country_of_origin="cn",
        ),
        OrderLine("BOX", "Gift box set", 1, weight_grams=900, price_cents=4995),
        OrderLine("BOX-A", "Part A of the gift box", 1, weight_grams=400, price_cents=0, is_part=True),
        OrderLine("GONE", "Cancelled line", 0, weight_grams=100, price_cents=100),
    ),
)


def test_declaration_from_order_lines_uses_line_totals_and_skips_parts() -> None:
    decl = build_declaration(ORDER, "O2024-00077", default_hs="9503")
    assert decl.contents is PackageContents.COMMERCIAL_GOODS and decl.invoice == "O2024-00077"
    assert [i.description for i in decl.items] == ["Philips Hue Duo Pack", "Gift box set"]
    hue, box = decl.items
    assert (hue.amount, hue.weight_grams, hue.value_cents, hue.classification, hue.country) == (
        2,
        700,
        5998,
        "853950",
        "CN",
    )
    assert (box.classification, box.country) == ("9503", "NL")
    assert decl.weight_grams == 1600
    assert customs_problems(decl) == ()


def test_long_names_are_cut_at_a_word_boundary() -> None:
    name = "Extra large handmade ceramic coffee mug with a golden handle and lid"
    order = Order(1, "O1", lines=(OrderLine("M", name, 1, 300, 1500, "6912"),))
    description = build_declaration(order, "O1").items[0].description
    assert len(description) <= 50 and name.startswith(description) and not description.endswith(" ")


ITEM = CustomsItem("Mug", 1, 300, 1500, "691200", "NL")


@pytest.mark.parametrize(
    ("decl", "code"),
    [
        (CustomsDeclaration(PackageContents.COMMERCIAL_GOODS, "", (ITEM,)), "customs_invoice_missing"),
        (CustomsDeclaration(PackageContents.COMMERCIAL_SAMPLES, "", (ITEM,)), "customs_invoice_missing"),
        (CustomsDeclaration(PackageContents.RETURN_SHIPMENT, "", (ITEM,)), "customs_invoice_missing"),
        (CustomsDeclaration(PackageContents.COMMERCIAL_GOODS, "I1", ()), "customs_no_items"),
        (
            CustomsDeclaration(PackageContents.GIFTS, "", (dataclasses.replace(ITEM, classification=""),)),
            "customs_classification_missing",
        ),
        (
            CustomsDeclaration(PackageContents.GIFTS, "", (dataclasses.replace(ITEM, classification="69-12"),)),
            "customs_classification_invalid",
        ),
        (
            CustomsDeclaration(PackageContents.GIFTS, "", (dataclasses.replace(ITEM, weight_grams=20001),)),
            "customs_weight_out_of_range",
        ),
        (
            CustomsDeclaration(PackageContents.GIFTS, "", (dataclasses.replace(ITEM, weight_grams=0),)),
            "customs_weight_unknown",
        ),
        (
            CustomsDeclaration(PackageContents.GIFTS, "", (dataclasses.replace(ITEM, amount=0),)),
            "customs_amount_invalid",
        ),
        (
            CustomsDeclaration(PackageContents.GIFTS, "", (dataclasses.replace(ITEM, value_cents=0),)),
            "customs_value_missing",
        ),
        (
            CustomsDeclaration(PackageContents.GIFTS, "", (dataclasses.replace(ITEM, description=""),)),
            "customs_description_missing",
        ),
        (
            CustomsDeclaration(PackageContents.GIFTS, "", (dataclasses.replace(ITEM, description="d" * 51),)),
            "customs_description_too_long",
        ),
        (
            CustomsDeclaration(PackageContents.GIFTS, "", (dataclasses.replace(ITEM, country="China"),)),
            "customs_origin_invalid",
        ),
    ],
)
def test_customs_problems(decl: CustomsDeclaration, code: str) -> None:
    assert code in {v.code for v in customs_problems(decl)}


@pytest.mark.parametrize("contents", [PackageContents.DOCUMENTS, PackageContents.GIFTS])
def test_documents_and_gifts_need_no_invoice(contents: PackageContents) -> None:
    assert customs_problems(CustomsDeclaration(contents, "", (ITEM,))) == ()


def test_heaviest_allowed_line_passes() -> None:
    decl = CustomsDeclaration(PackageContents.GIFTS, "", (dataclasses.replace(ITEM, weight_grams=20000),))
    assert customs_problems(decl) == ()
