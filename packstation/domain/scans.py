"""What a scan (or a typed line in the scan field) is: a picklist number, two numbers, a layout mix-up, a product
code or garbage. Pure: the window keeps the key timing (ui/widgets/scan_detector.py) and says the words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from packstation.domain.product_codes import looks_like_product_code

# What a picklist number can look like (Picqer: "P2024-00123"); anything else is shown as a garbled scan.
PLAUSIBLE_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-_/.]{1,39}$")
# Picqer's picklist numbers ("P2024-00123"); a scanner or a person may send the letter in lower case.
PICKLIST_NUMBER = re.compile(r"[A-Za-z]\d{4}-\d{3,}")
# A scanner set to send its AIM symbology identifier puts "]" + code letter + modifier in front (]C1: Code 128).
AIM_IDENTIFIER = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
TWO_NUMBERS = re.compile(rf"^({PICKLIST_NUMBER.pattern})({PICKLIST_NUMBER.pattern})$")

# Characters a scanner types for the digits 1..0 when the computer expects another keyboard layout.
# The US minus key types ")" on both AZERTY variants.
_AZERTY_BE = str.maketrans("&é\"'(§è!çà)", "1234567890-")
_AZERTY_FR = str.maketrans("&é\"'(-è_çà)", "1234567890-")
_QWERTZ_SWAP = str.maketrans("zyZYß", "yzYZ-")
_PLAUSIBLE_SCAN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-_/.]*$")


class ScanKind(StrEnum):
    PICKLIST = "picklist"  # open `number`
    TWO_NUMBERS = "two_numbers"  # two labels read as one scan: `number` and `second`
    LAYOUT_MISTAKE = "layout_mistake"  # typed through another keyboard layout: `layout`, what was `meant`
    PRODUCT_CODE = "product_code"  # an EAN/UPC from the goods: looked up all the same (a shop may number so)
    GARBAGE = "garbage"  # nothing a picklist number can be: `received` as it came


@dataclass(frozen=True)
class Scan:
    kind: ScanKind
    received: str  # the text as it came (after a scanner's AIM prefix is taken off)
    number: str = ""  # the picklist number to open (PICKLIST, PRODUCT_CODE) or the first of two
    second: str = ""  # the second number (TWO_NUMBERS)
    layout: str = ""  # "azerty" or "qwertz" (LAYOUT_MISTAKE)
    meant: str = ""  # what the scanner meant to type (LAYOUT_MISTAKE)


def guess_layout_mistake(received: str) -> tuple[str, str] | None:
    """Return (layout, what was meant) when a scan looks typed through the wrong keyboard layout."""
    if not received:
        return None
    # AZERTY without Shift types &é"'(-è_çà for 1234567890.
    if any(ch in "&é\"'(è_çà§!)" for ch in received):
        for table in (_AZERTY_BE, _AZERTY_FR):
            meant = received.translate(table)
            if meant != received and _PLAUSIBLE_SCAN.match(meant):
                return "azerty", meant
    # QWERTZ swaps Y and Z and puts ß where US keyboards have the minus.
    if "ß" in received:
        meant = received.translate(_QWERTZ_SWAP)
        if _PLAUSIBLE_SCAN.match(meant):
            return "qwertz", meant
    return None


def parse_scan(text: str) -> Scan:
    """Tell what a scan is; a Picqer-style number comes back in upper case ("p2024-00123" opens P2024-00123)."""
    if AIM_IDENTIFIER.match(text) and PLAUSIBLE_NUMBER.match(text[3:]):
        text = text[3:]
    twice = TWO_NUMBERS.match(text)
    if twice is not None:
        first, second = (number.upper() for number in twice.groups())
        return Scan(ScanKind.TWO_NUMBERS, text, number=first, second=second)
    guess = guess_layout_mistake(text)
    if guess is not None:
        return Scan(ScanKind.LAYOUT_MISTAKE, text, layout=guess[0], meant=guess[1])
    if not PLAUSIBLE_NUMBER.match(text):
        return Scan(ScanKind.GARBAGE, text)
    if looks_like_product_code(text):
        return Scan(ScanKind.PRODUCT_CODE, text, number=text)
    return Scan(ScanKind.PICKLIST, text, number=text.upper() if PICKLIST_NUMBER.fullmatch(text) else text)
