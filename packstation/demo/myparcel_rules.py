"""Server-side validation of MyParcel shipments, written from docs/api-notes.md §9-§11 and §14.

Independent of the app's own validator on purpose: the two are written separately from the documents so a
misreading in one is caught by the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

EU = frozenset("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split())
CARRIERS = {"myparcel": frozenset({1, 3, 5, 8}), "belgie": frozenset({1, 2, 4})}
DOMESTIC = {"myparcel": "NL", "belgie": "BE"}
NL_POSTAL = re.compile(r"^[1-9][0-9]{3} ?[A-Za-z]{2}$")
BE_POSTAL = re.compile(r"^[1-9][0-9]{3}$")
CC = re.compile(r"^[A-Z]{2}$")
NUMBER = re.compile(r"^[0-9]{1,5}$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2}(\.\d{6})?)?$")
CLASSIFICATION = re.compile(r"^(?:[0-9]{1,4}|[0-9]{6,10})$")
PLAIN_OPTIONS = ("only_recipient", "signature", "return", "large_format", "age_check", "cooled_delivery")
REASONS = {
    3212: "Missing required parameter",
    3501: "Invalid address",
    3503: "Invalid house number",
    3505: "Invalid postal code",
    3506: "Invalid country code",
    3509: "Recipient street max length exceeded",
    3510: "Recipient name max length exceeded",
    3511: "Invalid address number suffix",
    3514: "Invalid person or company name",
    3516: "Country not supported by carrier",
    3702: "Invalid customs declaration",
    3703: "Invalid invoice number in customs declaration",
    3704: "Invalid physical properties for shipment",
    3705: "Invalid shipment options or invalid combination of options",
    3721: "Invalid delivery options for shipment",
    3722: "Invalid pickup location for shipment",
    3726: "Cannot determine insurance for shipment",
    3728: "Unsupported carrier",
    3730: "Invalid shipment weight",
    3733: "Package type is not supported",
    3735: "Multi collo shipment not supported",
    3736: "Invalid data for multi collo shipment",
    3743: "Invalid insurance value",
    3765: "One of the items in the customs declaration has an invalid amount",
}


@dataclass(frozen=True)
class Problem:
    """One violated rule: MyParcel error code, the offending field path and a human sentence."""

    code: int
    field: str
    human: str

    def wire(self) -> dict[str, Any]:
        """MyParcel error entry."""
        return {
            "code": self.code,
            "message": REASONS.get(self.code, "Invalid shipment"),
            "human": [self.human],
            "fields": [self.field],
        }


def _on(options: dict[str, Any], key: str) -> bool:
    value = options.get(key)
    return bool(value) and value not in ("0", "false")


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def destination(cc: str, platform: str) -> str:
    """Destination class from the account's point of view: "domestic", "EU" or "global"."""
    if cc == DOMESTIC[platform]:
        return "domestic"
    return "EU" if cc in EU else "global"


def mandatory_insurance(dest: str) -> int:
    """Insured amount in cents that EU and global parcels must carry on MyParcel.nl (0 = none)."""
    return {"EU": 50000, "global": 20000}.get(dest, 0)


def validate(shipment: Any, platform: str, at: str) -> list[Problem]:
    """Return every rule this shipment breaks (empty when it may be created)."""
    if not isinstance(shipment, dict):
        return [Problem(3212, at, f"{at} must be a shipment object")]
    problems: list[Problem] = []

    def bad(code: int, field: str, human: str) -> None:
        problems.append(Problem(code, f"{at}.{field}", f"{at}.{field}: {human}"))

    carrier = _int(shipment.get("carrier"))
    if carrier is None:
        bad(3212, "carrier", "carrier is required")
    elif carrier not in CARRIERS[platform]:
        bad(3728, "carrier", f"carrier {carrier} is not available on this platform ({platform})")

    recipient = shipment.get("recipient")
    options = shipment.get("options")
    if not isinstance(recipient, dict):
        bad(3212, "recipient", "recipient is required")
        return problems
    if not isinstance(options, dict):
        bad(3212, "options", "options is required")
        return problems

    cc = str(recipient.get("cc") or "")
    if not CC.match(cc):
        bad(3506, "recipient.cc", f"'{cc}' is not an ISO 3166-1 alpha-2 country code")
        return problems
    dest = destination(cc, platform)
    domestic = dest == "domestic"
    _check_address(recipient, cc, domestic, bad)

    package_type = _int(options.get("package_type"))
    if package_type not in (1, 2, 3, 4):
        bad(3733, "options.package_type", "package_type must be 1, 2, 3 or 4")
        return problems
    if platform == "belgie" and package_type != 1:
        bad(3733, "options.package_type", "only package type 1 (package) is allowed on SendMyParcel")
    if package_type in (2, 4) and cc != "NL":
        bad(3733, "options.package_type", f"package type {package_type} is only available for NL")
    if package_type == 3 and platform != "myparcel":
        bad(3733, "options.package_type", "letters are only available on MyParcel.nl")

    label_description = options.get("label_description")
    if label_description is not None and len(str(label_description)) > 45:
        bad(3705, "options.label_description", "label_description may be at most 45 characters")

    insurance = options.get("insurance")
    amount = 0
    if insurance is not None:
        if not isinstance(insurance, dict) or _int(insurance.get("amount")) is None:
            bad(3743, "options.insurance", "insurance must be {amount: cents, currency: EUR}")
        else:
            amount = _int(insurance.get("amount")) or 0
            if insurance.get("currency", "EUR") != "EUR":
                bad(3743, "options.insurance.currency", "insurance currency must be EUR")

    delivery_type = _int(options.get("delivery_type")) if options.get("delivery_type") is not None else None
    pickup_ok = isinstance(shipment.get("pickup"), dict) and bool(shipment["pickup"])

    if package_type != 1:
        extras = [k for k in PLAIN_OPTIONS if _on(options, k)]
        if amount > 0:
            extras.append("insurance")
        if delivery_type not in (None, 2):
            extras.append("delivery_type")
        for key in extras:
            bad(3705, f"options.{key}", f"package type {package_type} does not support additional options")
        if package_type == 4:
            weight = (shipment.get("physical_properties") or {}).get("weight")
            if weight is None:
                bad(3704, "physical_properties.weight", "a digital stamp needs physical_properties.weight")
    else:
        if platform == "myparcel":
            _check_nl_platform(options, cc, dest, amount, delivery_type, pickup_ok, bad)
        else:
            _check_be_platform(options, dest, amount, delivery_type, pickup_ok, bad)

    if delivery_type is not None and package_type == 1:
        if delivery_type in (1, 3):
            if not _on(options, "only_recipient"):
                bad(3705, "options.only_recipient", "only_recipient is required for morning and evening delivery")
            if not options.get("delivery_date"):
                bad(3721, "options.delivery_date", "delivery_date is required for morning and evening delivery")
        if delivery_type in (4, 5):
            if not _on(options, "signature"):
                bad(3705, "options.signature", "signature is required for pickup delivery")
            if not pickup_ok:
                bad(3722, "pickup", "a pickup location is required for delivery_type 4 and 5")
    date = options.get("delivery_date")
    if date is not None and not DATE.match(str(date)):
        bad(3721, "options.delivery_date", "delivery_date must be YYYY-MM-DD HH:MM:SS")

    if carrier == 5 and cc != "NL":
        bad(3516, "recipient.cc", "Instabox is only available in NL")
    if carrier == 4 and cc not in EU:
        bad(3516, "recipient.cc", "DPD shipments are only available in the EU")

    _check_weight(shipment, platform, dest, package_type, bad)
    if dest == "global":
        customs = shipment.get("customs_declaration")
        if not isinstance(customs, dict):
            bad(3702, "customs_declaration", "a customs declaration is mandatory for non-EU shipments")
        else:
            _check_customs(customs, bad)
    _check_multi_collo(shipment, platform, cc, package_type, bad)
    return problems


def _check_address(recipient: dict[str, Any], cc: str, domestic: bool, bad: Any) -> None:
    person = recipient.get("person")
    if not isinstance(person, str) or not person.strip():
        bad(3514, "recipient.person", "person is required")
    elif len(person) > 40:
        bad(3510, "recipient.person", "person may be at most 40 characters")
    street = recipient.get("street")
    if not isinstance(street, str) or not street.strip():
        bad(3501, "recipient.street", "street is required")
    elif len(street) > 40:
        bad(3509, "recipient.street", "street may be at most 40 characters")
    if not str(recipient.get("city") or "").strip():
        bad(3501, "recipient.city", "city is required")
    number = recipient.get("number")
    if cc in ("NL", "BE") and domestic and (number is None or str(number).strip() == ""):
        bad(3503, "recipient.number", "number is required for domestic shipments in NL and BE")
    elif number is not None and str(number).strip() and not NUMBER.match(str(number).strip()):
        bad(3503, "recipient.number", f"'{number}' is not a house number (digits only; use number_suffix)")
    suffix = recipient.get("number_suffix")
    if suffix is not None and len(str(suffix)) > 6:
        bad(3511, "recipient.number_suffix", "number_suffix may be at most 6 characters")
    box = recipient.get("box_number")
    if box is not None and len(str(box)) > 8:
        bad(3511, "recipient.box_number", "box_number may be at most 8 characters")
    postal = str(recipient.get("postal_code") or "").strip()
    if cc == "NL" and not NL_POSTAL.match(postal):
        bad(3505, "recipient.postal_code", f"'{postal}' is not a Dutch postal code (1234AB)")
    elif cc == "BE" and not BE_POSTAL.match(postal):
        bad(3505, "recipient.postal_code", f"'{postal}' is not a Belgian postal code (4 digits)")
    elif cc in EU and cc != "IE" and not postal:
        bad(3505, "recipient.postal_code", "postal_code is required for EU destinations")


def _check_nl_platform(
    options: dict[str, Any], cc: str, dest: str, amount: int, delivery_type: int | None, pickup_ok: bool, bad: Any
) -> None:
    be_pickup = cc == "BE" and delivery_type == 4 and pickup_ok
    if dest != "domestic":
        forbidden = ["only_recipient", "return", "age_check", "cooled_delivery"]
        if not be_pickup:
            forbidden.append("signature")
        for key in forbidden:
            if _on(options, key):
                bad(3705, f"options.{key}", f"{key} is not available for shipments outside NL")
        if delivery_type not in (None, 2) and not be_pickup:
            bad(3721, "options.delivery_type", "delivery types are only available for NL (and BE pickup)")
        if dest == "global" and _on(options, "large_format"):
            bad(3705, "options.large_format", "large_format is not available for global shipments")
        wanted = mandatory_insurance(dest)
        # Absent insurance is accepted and filled in by the server: the docs' own JP example sends none.
        if options.get("insurance") is not None and amount != wanted:
            bad(3743, "options.insurance.amount", f"{dest} shipments must be insured for exactly {wanted} cents")
        return
    if delivery_type is not None and delivery_type not in (1, 2, 3, 4, 5):
        bad(3721, "options.delivery_type", "delivery_type must be 1-5")
    if amount < 0 or amount > 500000:
        bad(3743, "options.insurance.amount", "NL insurance must be between 0 and 500000 cents")
    if amount > 0:
        for key in ("only_recipient", "signature"):
            if not _on(options, key):
                bad(3705, f"options.{key}", f"{key} is mandatory when insuring an NL shipment")
    if _on(options, "age_check"):
        for key in ("only_recipient", "signature"):
            if not _on(options, key):
                bad(3705, f"options.{key}", f"{key} is mandatory with age_check")


def _check_be_platform(
    options: dict[str, Any], dest: str, amount: int, delivery_type: int | None, pickup_ok: bool, bad: Any
) -> None:
    for key in ("only_recipient", "age_check"):
        if _on(options, key):
            bad(3705, f"options.{key}", f"{key} is not available on SendMyParcel")
    if _on(options, "cooled_delivery"):
        bad(3705, "options.cooled_delivery", "cooled_delivery is only available for NL")
    if delivery_type is not None and delivery_type not in (2, 4):
        bad(3721, "options.delivery_type", "SendMyParcel supports delivery types 2 (standard) and 4 (pickup)")
    if dest != "domestic":
        if _on(options, "return"):
            bad(3705, "options.return", "return is not available for EU and global shipments")
        if delivery_type == 4:
            bad(3721, "options.delivery_type", "pickup delivery is only available within BE")
    if amount:
        if amount != 50000:
            bad(3743, "options.insurance.amount", "insurance needs to be 50000 cents on SendMyParcel")
        if not _on(options, "signature"):
            bad(3705, "options.signature", "signature is mandatory when insuring a shipment")
    elif dest != "domestic" and _on(options, "signature"):
        bad(3705, "options.signature", "signature is not available for EU and global shipments")


def _check_weight(shipment: dict[str, Any], platform: str, dest: str, package_type: int, bad: Any) -> None:
    physical = shipment.get("physical_properties")
    # SendMyParcel calls it required, but none of its own examples send it: required only where 002 says so.
    required = dest == "global" or package_type == 4
    if physical is None:
        if required:
            bad(3704, "physical_properties", "physical_properties with a weight are required for this shipment")
        return
    weight = _int(physical.get("weight")) if isinstance(physical, dict) else None
    if weight is None:
        if required or (isinstance(physical, dict) and "weight" in physical):
            bad(3730, "physical_properties.weight", "weight must be a whole number of grams")
    elif weight <= 0:
        bad(3730, "physical_properties.weight", "weight must be more than 0 grams")


def _check_customs(customs: dict[str, Any], bad: Any) -> None:
    contents = _int(customs.get("contents"))
    if contents not in (1, 2, 3, 4, 5):
        bad(3702, "customs_declaration.contents", "contents must be 1-5")
    if contents in (1, 2, 5) and not str(customs.get("invoice") or "").strip():
        bad(3703, "customs_declaration.invoice", "an invoice number is required for this type of contents")
    items = customs.get("items")
    if not isinstance(items, list) or not items:
        bad(3702, "customs_declaration.items", "at least one customs item is required")
        return
    total = 0
    for i, item in enumerate(items):
        at = f"customs_declaration.items[{i}]"
        if not isinstance(item, dict):
            bad(3702, at, "customs item must be an object")
            continue
        description = item.get("description")
        if not isinstance(description, str) or not description.strip() or len(description) > 50:
            bad(3702, f"{at}.description", "description is required (at most 50 characters)")
        amount = _int(item.get("amount"))
        if amount is None or amount < 1:
            bad(3765, f"{at}.amount", "the minimum amount is 1")
        weight = _int(item.get("weight"))
        if weight is None or not 0 <= weight <= 20000:
            bad(3702, f"{at}.weight", "weight must be whole grams between 0 and 20000")
        else:
            total += weight
        value = item.get("item_value")
        if not isinstance(value, dict) or _int(value.get("amount")) is None or value.get("currency", "EUR") != "EUR":
            bad(3702, f"{at}.item_value", "item_value must be {amount: cents, currency: EUR}")
        if not CLASSIFICATION.match(str(item.get("classification") or "")):
            bad(3702, f"{at}.classification", "classification must be a numeric ISIC (1-4) or HS (6-10) code")
        if not CC.match(str(item.get("country") or "")):
            bad(3702, f"{at}.country", "country of origin must be a country code")
    declared = _int(customs.get("weight"))
    if declared is None:
        bad(3702, "customs_declaration.weight", "weight is required")
    elif declared != total:
        bad(3702, "customs_declaration.weight", f"weight {declared} is not the sum of the item weights ({total})")


def _check_multi_collo(shipment: dict[str, Any], platform: str, cc: str, package_type: int, bad: Any) -> None:
    secondaries = shipment.get("secondary_shipments")
    if secondaries is None:
        return
    if not isinstance(secondaries, list):
        bad(3736, "secondary_shipments", "secondary_shipments must be an array")
        return
    if not secondaries:
        return
    if platform != "myparcel":
        bad(3735, "secondary_shipments", "multi collo is only available on MyParcel.nl")
    if package_type != 1:
        bad(3735, "secondary_shipments", "multi collo needs package type 1")
    if cc not in ("NL", "BE"):
        bad(3735, "secondary_shipments", "multi collo is only available for NL and BE")
    for i, secondary in enumerate(secondaries):
        if not isinstance(secondary, dict):
            bad(3736, f"secondary_shipments[{i}]", "secondary shipment must be an object")
        elif "options" in secondary:
            bad(3736, f"secondary_shipments[{i}].options", "shipment options must only be given on the main shipment")
