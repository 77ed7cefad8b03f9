"""Scan parsing: what the window does with a scan depends on nothing else."""

from __future__ import annotations

import pytest

from packstation.domain.scans import Scan, ScanKind, parse_scan


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        ("P2024-00123", Scan(ScanKind.PICKLIST, "P2024-00123", number="P2024-00123")),
        ("p2024-00123", Scan(ScanKind.PICKLIST, "p2024-00123", number="P2024-00123")),
        ("]C1P2024-00123", Scan(ScanKind.PICKLIST, "P2024-00123", number="P2024-00123")),
        ("PICK-7", Scan(ScanKind.PICKLIST, "PICK-7", number="PICK-7")),  # another shop's numbering, kept as is
        (
            "P2024-00123p2024-00124",
            Scan(ScanKind.TWO_NUMBERS, "P2024-00123p2024-00124", number="P2024-00123", second="P2024-00124"),
        ),
        (
            "Péàé')àà&é\"",
            Scan(ScanKind.LAYOUT_MISTAKE, "Péàé')àà&é\"", layout="azerty", meant="P2024-00123"),
        ),
        ("P2024ß00123", Scan(ScanKind.LAYOUT_MISTAKE, "P2024ß00123", layout="qwertz", meant="P2024-00123")),
        ("8710398503961", Scan(ScanKind.PRODUCT_CODE, "8710398503961", number="8710398503961")),
        ("8710398503962", Scan(ScanKind.PICKLIST, "8710398503962", number="8710398503962")),  # wrong check digit
        ("P 2024\t", Scan(ScanKind.GARBAGE, "P 2024\t")),
        ("x", Scan(ScanKind.GARBAGE, "x")),
    ],
)
def test_a_scan_is_told_apart(received: str, expected: Scan) -> None:
    assert parse_scan(received) == expected
