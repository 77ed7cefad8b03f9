"""Fixtures for the printing tests: the sample files in tests/data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from packstation.printing import zpl

REPO = Path(__file__).resolve().parents[3]
DATA = REPO / "tests" / "data"
LABELS = DATA / "labels"
ZPL_SAMPLES = DATA / "zpl"
GOLDEN = DATA / "zpl"

# Barcode values from tests/data/SOURCES.md, with the A4 position of the label (bpost is on A4).
SAMPLE_LABELS = {
    "bpost_webatvantage_createLabelForOrder.pdf": (("27100012512110", "323210742359909732710038"), 1),
    "pdf2zpl_endicia-shipping-label.pdf": (("LZ646432026US",), None),
    "pdf2zpl_usps-label-landscape.pdf": (("CA000253336US",), None),
    "postnl_firstred_singlelabel_3S1234567890123.pdf": (("3SDEVC201611210",), None),
}


@pytest.fixture
def renderer() -> Iterator[zpl.PdfRenderer]:
    """A PdfRenderer for one test, its thread stopped afterwards (the app hands its Runtime's one in)."""
    with zpl.PdfRenderer() as renderer:
        yield renderer


@pytest.fixture(scope="session")
def samples() -> Path:
    return DATA


@pytest.fixture(scope="session")
def postnl_pdf(samples: Path) -> bytes:
    return (samples / "labels" / "postnl_firstred_singlelabel_3S1234567890123.pdf").read_bytes()
