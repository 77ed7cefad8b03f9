"""Customs: which destinations need a declaration, and the declaration built from order lines (api-notes §15)."""

from __future__ import annotations

import re

from packstation.domain.errors import Violation
from packstation.domain.picklists import Order
from packstation.domain.shipments import CustomsDeclaration, CustomsItem, PackageContents

# The 27 EU member states (api-notes §15). Special territories (Canary Islands, Åland, ...) are outside the
# customs union but share a country code; they cannot be told apart by code alone (api-notes §15; unverified).
EU_MEMBER_STATES = frozenset("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split())

COMMERCIAL_GOODS = PackageContents.COMMERCIAL_GOODS
DESCRIPTION_MAX = 50  # customs item description [MP-SDK]
ITEM_WEIGHT_MAX = 20000  # grams per item line [MP §7.F]
# MyParcel does not say whether item_value is per unit or per line (api-notes §15). Weight is a line total
# [MP §7.F], so the value is sent as a line total too, keeping each item row self-consistent.
ITEM_VALUE_IS_LINE_TOTAL = True
# MyParcel.nl API §7.F types classification as ISIC "[0-9]{1,4}"; the current reference wants an HS code of 6-10
# digits (api-notes §15).
# Picqer supplies HS codes, so any 1-10 digit code is accepted: neither source's codes are refused.
CLASSIFICATION_PATTERN = re.compile(r"^[0-9]{1,10}$")
# contents that need an invoice number [MP §7.E]
INVOICE_REQUIRED = frozenset(
    {PackageContents.COMMERCIAL_GOODS, PackageContents.COMMERCIAL_SAMPLES, PackageContents.RETURN_SHIPMENT}
)


def needs_customs(cc: str) -> bool:
    """Return True when a parcel to this country leaves the EU customs union (CH, NO, GB, US, ...)."""
    return cc.strip().upper() not in EU_MEMBER_STATES


def _description(name: str) -> str:
    """Shorten a product name to the customs limit at a word boundary."""
    name = " ".join(name.split())
    if len(name) <= DESCRIPTION_MAX:
        return name
    cut = name.rfind(" ", 0, DESCRIPTION_MAX + 1)
    return name[: cut if cut > 0 else DESCRIPTION_MAX].rstrip(" ,-")


def build_declaration(
    order: Order,
    invoice: str,
    contents: PackageContents = COMMERCIAL_GOODS,
    default_country_of_origin: str = "NL",
    default_hs: str = "",
) -> CustomsDeclaration:
    """Build a customs declaration from the order's lines (parts of a composition are left out)."""
    items: list[CustomsItem] = []
    for line in order.lines:
        if line.is_part or line.amount < 1:
            continue
        unit_value = line.price_cents or 0
        items.append(
            CustomsItem(
                description=_description(line.name or line.product_code),
                amount=line.amount,
                weight_grams=(line.weight_grams or 0) * line.amount,
                value_cents=unit_value * line.amount if ITEM_VALUE_IS_LINE_TOTAL else unit_value,
                classification=re.sub(r"[\s.]", "", line.hs_code or default_hs),
                country=(line.country_of_origin or default_country_of_origin).strip().upper(),
            )
        )
    return CustomsDeclaration(contents=contents, invoice=invoice.strip(), items=tuple(items))


def customs_problems(decl: CustomsDeclaration) -> tuple[Violation, ...]:
    """Return every rule the declaration breaks [MP §7.E, §7.F; api-notes §15]."""
    found: list[Violation] = []
    if decl.contents in INVOICE_REQUIRED and not decl.invoice:
        found.append(Violation("customs_invoice_missing", (("contents", str(int(decl.contents))),)))
    if not decl.items:
        found.append(Violation("customs_no_items"))
    for n, item in enumerate(decl.items, start=1):
        found += _item_problems(n, item)
    return tuple(found)


def _item_problems(n: int, item: CustomsItem) -> list[Violation]:
    """Return what is wrong with customs line `n`, in the order the form lists its fields."""
    params = (("line", str(n)), ("description", item.description))
    found = []
    if not item.description:
        found.append(Violation("customs_description_missing", params))
    elif len(item.description) > DESCRIPTION_MAX:
        found.append(Violation("customs_description_too_long", params))
    if item.amount < 1:
        found.append(Violation("customs_amount_invalid", params))
    if item.weight_grams <= 0:
        found.append(Violation("customs_weight_unknown", params))
    elif item.weight_grams > ITEM_WEIGHT_MAX:
        found.append(Violation("customs_weight_out_of_range", (*params, ("weight", str(item.weight_grams)))))
    if item.value_cents <= 0:
        found.append(Violation("customs_value_missing", params))
    found += _classification_problems(item, params)
    if not re.match(r"^[A-Z]{2}$", item.country):
        found.append(Violation("customs_origin_invalid", (*params, ("country", item.country))))
    return found


def _classification_problems(item: CustomsItem, params: tuple[tuple[str, str], ...]) -> list[Violation]:
    if not item.classification:
        return [Violation("customs_classification_missing", params)]
    if not CLASSIFICATION_PATTERN.match(item.classification):
        return [Violation("customs_classification_invalid", (*params, ("classification", item.classification)))]
    return []
