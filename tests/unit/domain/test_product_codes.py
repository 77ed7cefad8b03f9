"""A scanned product code is recognised by its length and GS1 check digit, so the packer is told what it is."""

from __future__ import annotations

import pytest

from packstation.domain.product_codes import looks_like_product_code


@pytest.mark.parametrize(
    "code",
    [
        "8710398503961",  # EAN-13, a Dutch product
        "4006381333931",  # EAN-13
        "96385074",  # EAN-8
        "036000291452",  # UPC-A
        "10614141000415",  # GTIN-14
        " 8710398503961",  # the scanner's leading space
    ],
)
def test_product_codes_with_a_valid_check_digit_are_recognised(code: str) -> None:
    assert looks_like_product_code(code)


@pytest.mark.parametrize(
    "text",
    [
        "8710398503962",  # check digit off by one: a typo, not a product code
        "P2024-00123",  # a picklist number
        "2024000123",  # ten digits: no GTIN length
        "871039850396",  # twelve digits without a valid check digit
        "８７１０３９８５０３９６８",  # full-width digits are not what a scanner sends
        "",
    ],
)
def test_anything_else_is_not_taken_for_a_product_code(text: str) -> None:
    assert not looks_like_product_code(text)
