"""Fixtures for the printing tests: the shared sample files."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared"
LABELS = SHARED / "samples" / "labels"
ZPL_SAMPLES = SHARED / "samples" / "zpl"
GOLDEN = REPO / "tests" / "data" / "zpl"

# Barcode values from shared/samples/SOURCES.md, with the A4 position of the label (bpost is on A4).
SAMPLE_LABELS = {
    "bpost_webatvantage_createLabelForOrder.pdf": (("27100012512110", "323210742359909732710038"), 1),
    "pdf2zpl_endicia-shipping-label.pdf": (("LZ646432026US",), None),
    "pdf2zpl_usps-label-landscape.pdf": (("CA000253336US",), None),
    "postnl_firstred_singlelabel_3S1234567890123.pdf": (("3SDEVC201611210",), None),
}


@pytest.fixture(scope="session")
def samples() -> Path:
    if not LABELS.is_dir():
        pytest.skip(f"shared samples not found at {SHARED}")
    return SHARED / "samples"


@pytest.fixture(scope="session")
def postnl_pdf(samples: Path) -> bytes:
    return (samples / "labels" / "postnl_firstred_singlelabel_3S1234567890123.pdf").read_bytes()
