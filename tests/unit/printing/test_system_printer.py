"""PDF to the system printer through QPrinter + QPdfDocument: label-sized pages, barcodes intact."""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from packstation.printing import barcodes
from packstation.printing.system import SystemPrinterTransport

from .conftest import LABELS


def page_sizes_mm(pdf: Path) -> list[tuple[int, int]]:
    document = pdfium.PdfDocument(pdf)
    return [(round(p.get_width() / 72 * 25.4), round(p.get_height() / 72 * 25.4)) for p in document]


async def test_pdf_prints_one_label_sized_page_per_page(qapp, tmp_path: Path):
    out = tmp_path / "printed.pdf"
    transport = SystemPrinterTransport(output_file=out, dpi=300)
    source = (LABELS / "pdf2zpl_usps-label-landscape.pdf").read_bytes()
    await transport.send(source, "P2024-0001")
    assert page_sizes_mm(out) == [(102, 152)] * 4  # landscape pages turned onto the 4x6 label, not tiled
    assert "CA000253336US" in barcodes.source_codes(out.read_bytes())


@pytest.mark.cups
@pytest.mark.skipif(not os.environ.get("PACKSTATION_CUPS_PDF_QUEUE"), reason="needs PACKSTATION_CUPS_PDF_QUEUE")
async def test_cups_pdf_queue_prints_the_label_with_its_barcode(qapp):
    folder = Path(os.environ.get("PACKSTATION_CUPS_PDF_OUT", Path.home() / "PDF"))
    transport = SystemPrinterTransport(os.environ["PACKSTATION_CUPS_PDF_QUEUE"])
    assert (await transport.status()).ready
    started, since = time.monotonic(), time.time() - 1
    await transport.send((LABELS / "postnl_firstred_singlelabel_3S1234567890123.pdf").read_bytes(), "cups-pdf")
    new: set[Path] = set()
    while time.monotonic() - started < 30 and not new:
        await asyncio.sleep(0.2)
        # cups-pdf names files after the job title and overwrites: look at what changed since the start.
        new = {p for p in folder.glob("*.pdf") if p.stat().st_mtime >= since} if folder.exists() else set()
    assert new, f"cups-pdf wrote nothing to {folder}"
    printed = max(new, key=lambda p: p.stat().st_mtime)
    await asyncio.sleep(0.5)  # cups-pdf renames when done; let it finish writing
    assert page_sizes_mm(printed) == [(102, 152)]
    assert "3SDEVC201611210" in barcodes.source_codes(printed.read_bytes())
