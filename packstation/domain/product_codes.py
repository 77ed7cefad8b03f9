"""Product codes a packer may scan by mistake: EAN/UPC/GTIN barcodes on the goods, not picklist numbers."""

from __future__ import annotations

GTIN_LENGTHS = frozenset({8, 12, 13, 14})  # EAN-8, UPC-A, EAN-13, GTIN-14


def looks_like_product_code(text: str) -> bool:
    """Return True for 8, 12, 13 or 14 digits ending in a valid GS1 check digit (EAN-13: 8710398503961).

    GS1 check digit: from the right, leaving out the check digit itself, weigh the digits 3, 1, 3, 1…;
    the check digit brings the sum up to a multiple of ten.
    """
    code = text.strip()
    if len(code) not in GTIN_LENGTHS or not code.isascii() or not code.isdigit():
        return False
    body, check = code[:-1], int(code[-1])
    total = sum(int(digit) * (3 if position % 2 == 0 else 1) for position, digit in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check
