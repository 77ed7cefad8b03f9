"""A ZPL printer given the carrier's own ZPL: printed as sent when it checks out, else the PDF is converted."""

from __future__ import annotations

from pathlib import Path

import pytest

from packstation.demo import pdfs, zpl_labels
from packstation.domain.errors import LabelError
from packstation.domain.labels import PreparedLabel
from packstation.printing import zpl, zpl_render
from packstation.printing.printers import PdfLabelPrinter, ZplLabelPrinter
from packstation.printing.virtual import VirtualPrinter

GEOMETRY = zpl.LabelGeometry.from_mm(101.6, 152.4, dpi=203)
SHIPMENT = {
    "id": 90000001,
    "barcode": "3SMYPA000000042",
    "carrier_id": 1,
    "platform": "myparcel",
    "recipient": {"person": "Jörg Müller", "street": "Antareslaan", "number": "31", "postal_code": "2132JE",
                  "city": "Hoofddorp", "cc": "NL"},
    "options": {},
    "reference_identifier": "P2024-00042",
}  # fmt: skip


@pytest.fixture(scope="module")
def renderer():
    with zpl.PdfRenderer() as shared:
        yield shared


@pytest.fixture
def pdf() -> bytes:
    return pdfs.labels([SHIPMENT], "A6", [])


async def test_the_carriers_zpl_is_printed_byte_for_byte_after_its_barcodes_read(tmp_path: Path, renderer, pdf):
    carrier_zpl = zpl_labels.label(SHIPMENT)
    virtual = VirtualPrinter(tmp_path)
    printer = ZplLabelPrinter("Zebra", virtual, GEOMETRY, renderer=renderer)
    label = await printer.prepare(pdf, carrier_zpl=carrier_zpl)
    assert label.from_carrier and label.payload == carrier_zpl and label.source_pdf == pdf
    assert "3SMYPA000000042" in label.source_barcodes and label.missing_barcodes == ()
    # The preview is the render of the carrier's ZPL, not of the PDF.
    assert list(label.previews_png) == zpl_render.render_png(carrier_zpl.decode())
    await printer.send(label, "P2024-00042")
    assert virtual.jobs()[0].read_bytes() == carrier_zpl


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda z: z.replace(b"3SMYPA000000042^FS", b"3SMYPA000000043^FS", 1), "barcodes do not read"),
        (lambda z: z.replace(b"^PQ1", b"^DFR:EVIL.ZPL^FS^PQ1"), "commands packstation does not check (^DF)"),
        (lambda z: z.replace(b"^PQ1", b"^FO10,10^BDN,2^FDx^FS^PQ1"), "commands packstation does not check (^BD)"),
        (lambda z: z.replace(b"^PW812", b"^PW812^FO0,0^BY9^B3N,N,50^FDab{}^FS"), "part of it cannot be drawn"),
    ],
)
async def test_a_carrier_zpl_that_does_not_check_out_falls_back_to_the_converter(renderer, pdf, change, why):
    printer = ZplLabelPrinter("Zebra", VirtualPrinter(Path("/nonexistent")), GEOMETRY, renderer=renderer)
    label = await printer.prepare(pdf, carrier_zpl=change(zpl_labels.label(SHIPMENT)))
    assert not label.from_carrier and b"^GFA" in label.payload
    assert label.missing_barcodes == ()
    assert why in printer.last_notes[0]


async def test_a_label_for_another_resolution_is_not_printed_shrunk(renderer, pdf):
    printer = ZplLabelPrinter(
        "Zebra",
        VirtualPrinter(Path("/nonexistent")),
        zpl.LabelGeometry.from_mm(101.6, 152.4, dpi=300),
        renderer=renderer,
    )
    label = await printer.prepare(pdf, carrier_zpl=zpl_labels.label(SHIPMENT))
    assert not label.from_carrier
    assert "three quarters" in printer.last_notes[0]


async def test_a_pdf_printer_ignores_the_carriers_zpl(tmp_path: Path, renderer, pdf):
    printer = PdfLabelPrinter("Office", VirtualPrinter(tmp_path), renderer=renderer)
    label = await printer.prepare(pdf, carrier_zpl=zpl_labels.label(SHIPMENT))
    assert label.kind == "pdf" and label.payload == pdf


async def test_send_refuses_a_carrier_label_with_commands_beyond_the_drawn_ones(tmp_path: Path, renderer):
    printer = ZplLabelPrinter("Zebra", VirtualPrinter(tmp_path), GEOMETRY, renderer=renderer)
    smuggled = PreparedLabel(b"^XA^FO0,0^A0N,20^FDx^FS^XZ~JR^XA^JUS^XZ", "zpl", from_carrier=True)
    with pytest.raises(LabelError, match=r"~JR, \^JU"):
        await printer.send(smuggled, "P1")
    # The app's own labels stay held to the app's own commands.
    with pytest.raises(LabelError, match=r"\^A, \^FD"):
        await printer.send(PreparedLabel(b"^XA^FO0,0^A0N,20^FDx^FS^XZ", "zpl"), "P1")
