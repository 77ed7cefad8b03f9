"""A4 label sheets on a 4-inch head: the label is found by itself, only its own barcodes are checked, a sheet of
several labels asks for a position, a half-page label prints shrunk only while every barcode still reads.

The sheets are drawn here with reportlab (real Code128 barcodes), like MyParcel's 4-up A4 sheets and DPD's half page.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.units import inch, mm
from reportlab.pdfgen import canvas

from packstation.cli import main
from packstation.domain.errors import SheetLabelUnreadable, SheetPositionNeeded
from packstation.i18n import violation_text
from packstation.printing import barcodes, sheet, zpl, zpl_render
from packstation.printing.printers import ZplLabelPrinter, build_printer
from packstation.printing.virtual import VirtualPrinter
from packstation.settings import PrinterSettings
from packstation.settings import load as load_settings

GEOMETRY = zpl.LabelGeometry.from_mm(101.6, 152.4, dpi=203)
A4_W, A4_H = A4  # points, portrait


def codes_of(position: int) -> tuple[str, str]:
    """The two barcodes of the label in `position` (a tracking code and a routing code, as PostNL prints)."""
    return (f"3SMYPA00{position}4711", f"NL2500{position}AB12")


def draw_quarter_label(c: canvas.Canvas, position: int) -> None:
    """Draw an A6 label (frame, address, two Code128 barcodes) in one quarter of an A4 sheet, 5 mm inside it."""
    x0 = 0 if position in (1, 3) else A4_W / 2
    y_top = A4_H if position in (1, 2) else A4_H / 2
    left, right = x0 + 5 * mm, x0 + A4_W / 2 - 5 * mm
    top, bottom = y_top - 5 * mm, y_top - A4_H / 2 + 5 * mm
    c.setLineWidth(0.8)
    c.rect(left, bottom, right - left, top - bottom)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(left + 4 * mm, top - 10 * mm, f"PostNL  Label {position}")
    c.setFont("Helvetica", 9)
    for i, line in enumerate(("J. de Vries", "Keizersgracht 1", "1015 CJ Amsterdam")):
        c.drawString(left + 4 * mm, top - (20 + 5 * i) * mm, line)
    tracking, routing = codes_of(position)
    Code128(tracking, barWidth=0.38 * mm, barHeight=18 * mm, humanReadable=True).drawOn(
        c, left + 4 * mm, bottom + 48 * mm
    )
    Code128(routing, barWidth=0.38 * mm, barHeight=14 * mm).drawOn(c, left + 4 * mm, bottom + 15 * mm)


def a4_sheet(positions: tuple[int, ...], extra=None) -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    for position in positions:
        draw_quarter_label(c, position)
    if extra:
        extra(c)
    c.showPage()
    c.save()
    return out.getvalue()


DPD_CODES = ("008715830012345678901234", "05308712345678")


def dpd_half_page(bar_width_mm: float) -> bytes:
    """An A4 page with one landscape label over its top half, as DPD prints them: it runs across the middle."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    left, right = 10 * mm, A4_W - 10 * mm
    top, bottom = A4_H - 10 * mm, A4_H / 2 + 8 * mm
    c.setLineWidth(1.2)
    c.rect(left, bottom, right - left, top - bottom)
    c.line(left, top - 30 * mm, right, top - 30 * mm)
    c.setFont("Helvetica-Bold", 28)
    c.drawString(left + 5 * mm, top - 20 * mm, "DPD  Classic")
    c.setFont("Helvetica", 10)
    for i, line in enumerate(("Empfänger: M. Muster", "Hauptstraße 12", "10115 Berlin", "Deutschland")):
        c.drawString(right - 75 * mm, top - (40 + 5 * i) * mm, line)
    big = Code128(DPD_CODES[0], barWidth=bar_width_mm * mm, barHeight=25 * mm, humanReadable=True)
    big.drawOn(c, (A4_W - big.width) / 2, bottom + 10 * mm)
    Code128(DPD_CODES[1], barWidth=bar_width_mm * mm, barHeight=12 * mm).drawOn(c, left + 5 * mm, top - 62 * mm)
    c.showPage()
    c.save()
    return out.getvalue()


def sent_images(conversion: zpl.Conversion, dpi: int = 203) -> list:
    """The labels as the printer gets them: the ZPL rendered back."""
    return [image for label in conversion.labels for image in zpl_render.render(label, dpi).images]


# --- finding the label --------------------------------------------------------------------------


@pytest.mark.parametrize("position", [1, 2, 3, 4])
def test_a_label_in_any_quarter_is_found_and_checked_with_only_its_own_barcodes(position):
    pdf = a4_sheet((position,))
    conversion = zpl.convert(pdf, GEOMETRY, locate_barcodes=barcodes.locate)
    raster = conversion.rasters[0]
    assert raster.region == pytest.approx(sheet.quarter_box(A4_W, A4_H, position), abs=0.01)
    assert f"printed only its label, found in position {position}" in " ".join(conversion.notes)
    assert raster.scale > 0.95  # an A6 quarter at about its own size, not the sheet at 48%
    source, output = barcodes.check(pdf, sent_images(conversion), regions=conversion.regions)
    assert source == codes_of(position)
    assert barcodes.missing(source, output) == ()


def test_the_admins_position_wins_and_the_check_asks_only_for_that_quarters_barcodes():
    pdf = a4_sheet((1, 2, 3, 4))  # a full 4-up sheet
    geometry = zpl.LabelGeometry.from_mm(101.6, 152.4, dpi=203, quadrant=3)
    conversion = zpl.convert(pdf, geometry, locate_barcodes=barcodes.locate)
    assert conversion.rasters[0].region == pytest.approx(sheet.quarter_box(A4_W, A4_H, 3), abs=0.01)
    source, output = barcodes.check(pdf, sent_images(conversion), regions=conversion.regions)
    # Before: all eight barcodes of the sheet were demanded from one quarter, and the check always failed.
    assert source == codes_of(3)
    assert barcodes.missing(source, output) == ()


@pytest.mark.parametrize("positions", [(1, 2), (1, 4), (2, 3), (1, 2, 3, 4)])
def test_a_sheet_with_labels_in_more_than_one_quarter_asks_for_a_position(positions):
    with pytest.raises(SheetPositionNeeded, match="choose the position") as raised:
        zpl.convert(a4_sheet(positions), GEOMETRY, locate_barcodes=barcodes.locate)
    assert raised.value.positions == positions
    assert raised.value.page == 1


def test_two_labels_joined_by_a_header_line_across_the_sheet_still_ask_for_a_position():
    def header(c: canvas.Canvas) -> None:  # print that runs over the middle: the two quarters become one piece
        c.setLineWidth(1)
        c.line(5 * mm, A4_H - 3 * mm, A4_W - 5 * mm, A4_H - 3 * mm)
        c.line(A4_W / 2 - 2 * mm, A4_H - 3 * mm, A4_W / 2 - 2 * mm, A4_H - 8 * mm)  # down into both frames
        c.line(A4_W / 2 + 2 * mm, A4_H - 3 * mm, A4_W / 2 + 2 * mm, A4_H - 8 * mm)

    with pytest.raises(SheetPositionNeeded) as raised:
        zpl.convert(a4_sheet((1, 2), extra=header), GEOMETRY, locate_barcodes=barcodes.locate)
    assert raised.value.positions == (1, 2)


def test_print_without_barcodes_elsewhere_on_the_sheet_does_not_hide_the_label():
    def thank_you_note(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 12)
        for i, line in enumerate(("Bedankt voor je bestelling!", "Retourneren? Zie onze website.")):
            c.drawString(20 * mm, (100 - 8 * i) * mm, line)

    pdf = a4_sheet((2,), extra=thank_you_note)  # the note sits in position 3
    with pytest.raises(SheetPositionNeeded):  # without barcodes to go by: print in two places, ask
        zpl.convert(pdf, GEOMETRY)
    conversion = zpl.convert(pdf, GEOMETRY, locate_barcodes=barcodes.locate)
    assert conversion.rasters[0].region == pytest.approx(sheet.quarter_box(A4_W, A4_H, 2), abs=0.01)


def test_a_large_form_beside_the_label_is_not_dropped_silently():
    def customs_form(c: canvas.Canvas) -> None:  # a CN23 across the bottom half: no barcode, but not to be lost
        c.rect(6 * mm, 6 * mm, A4_W - 12 * mm, 130 * mm)
        c.setFont("Helvetica", 9)
        for i in range(12):
            c.drawString(10 * mm, (125 - 9 * i) * mm, f"Item {i + 1}   T-shirt   1   200 g   EUR 19.95   6109   NL")

    with pytest.raises(SheetPositionNeeded) as raised:
        zpl.convert(a4_sheet((1,), extra=customs_form), GEOMETRY, locate_barcodes=barcodes.locate)
    assert raised.value.positions == (1, 3, 4)
    geometry = zpl.LabelGeometry.from_mm(101.6, 152.4, dpi=203, quadrant=1)  # the admin's choice
    assert zpl.convert(a4_sheet((1,), extra=customs_form), geometry).rasters[0].from_sheet


def test_a_blank_sheet_is_refused_plainly():
    with pytest.raises(zpl.LabelError, match="blank"):
        zpl.convert(a4_sheet(()), GEOMETRY)


def a6_label() -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(105 * mm, 148 * mm))
    Code128("3SMYPA0004711", barWidth=0.38 * mm, barHeight=18 * mm).drawOn(c, 10 * mm, 10 * mm)
    c.showPage()
    c.save()
    return out.getvalue()


def test_an_a6_label_is_not_searched(monkeypatch):
    searched: list[int] = []
    monkeypatch.setattr(sheet, "render_ink", lambda page: searched.append(1))
    conversion = zpl.convert(a6_label(), GEOMETRY, locate_barcodes=barcodes.locate)
    assert searched == [] and not conversion.rasters[0].from_sheet


def test_a_position_set_for_sheets_leaves_an_a6_label_whole():
    # The desk keeps one position for every label; MyParcel may send A6 one day and A4 the next.
    pdf = a6_label()  # its barcode sits in the bottom-left quarter
    geometry = zpl.LabelGeometry.from_mm(101.6, 152.4, dpi=203, quadrant=2)
    conversion = zpl.convert(pdf, geometry)
    assert not conversion.rasters[0].from_sheet
    source, output = barcodes.check(pdf, sent_images(conversion), regions=conversion.regions)
    assert source == ("3SMYPA0004711",) and barcodes.missing(source, output) == ()


def test_a_4x6_label_on_a_letter_page_prints_at_full_size():
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=letter)
    height = letter[1]
    c.rect(0.25 * inch, height - 6.25 * inch, 4 * inch, 6 * inch)  # its right edge is the middle of the page
    c.drawString(0.5 * inch, height - 1 * inch, "UPS GROUND")
    Code128("1Z999AA10123456784", barWidth=0.35 * mm, barHeight=20 * mm).drawOn(c, 0.5 * inch, height - 5.5 * inch)
    c.showPage()
    c.save()
    pdf = out.getvalue()
    conversion = zpl.convert(pdf, GEOMETRY, locate_barcodes=barcodes.locate)
    # The label fills the 4 x 6 in media: the margin kept around a found label gives way rather than shrink it.
    raster = conversion.rasters[0]
    assert raster.scale > 0.99 and raster.from_sheet and not raster.clipped
    source, output = barcodes.check(pdf, sent_images(conversion), regions=conversion.regions)
    assert source == ("1Z999AA10123456784",) and barcodes.missing(source, output) == ()


# --- DPD: a label on half a page ----------------------------------------------------------------


def test_a_half_page_label_prints_shrunk_with_every_barcode_readable():
    pdf = dpd_half_page(bar_width_mm=0.5)
    conversion = zpl.convert(pdf, GEOMETRY, locate_barcodes=barcodes.locate)
    raster = conversion.rasters[0]
    assert "the top half" in " ".join(conversion.notes)
    assert 0.6 < raster.scale < 0.9 and raster.rotation == 90
    # The printed area, not the whole half: less shrinking; and nothing of the label is cut off.
    x0, y0, x1, y1 = raster.region
    assert y0 < 10 * mm and y1 < A4_H / 2 and x0 < 10 * mm and x1 > A4_W - 10 * mm
    source, output = barcodes.check(pdf, sent_images(conversion), regions=conversion.regions)
    assert set(source) == set(DPD_CODES)
    assert barcodes.missing(source, output) == ()
    assert barcodes.sheet_refusal(conversion, ()) is None


def test_a_half_page_label_whose_barcode_does_not_survive_shrinking_is_refused_with_the_reason():
    pdf = dpd_half_page(bar_width_mm=0.19)
    conversion = zpl.convert(pdf, GEOMETRY, locate_barcodes=barcodes.locate)
    source, output = barcodes.check(pdf, sent_images(conversion), regions=conversion.regions)
    lost = barcodes.missing(source, output)
    assert lost  # 0.19 mm bars at ~73% are about one dot wide at 203 dpi
    refusal = barcodes.sheet_refusal(conversion, lost)
    assert isinstance(refusal, SheetLabelUnreadable)
    assert refusal.missing == lost and refusal.page == 1
    text = str(refusal)
    assert lost[0] in text and "document printer" in text and "A6" in text
    assert f"{conversion.rasters[0].scale:.0%}" in text


# --- the desk's print path ----------------------------------------------------------------------


async def test_desk_prepare_finds_the_label_and_checks_only_its_barcodes(tmp_path: Path):
    with zpl.PdfRenderer() as renderer:
        printer = ZplLabelPrinter("Zebra", VirtualPrinter(tmp_path), GEOMETRY, renderer=renderer)
        label = await printer.prepare(a4_sheet((4,)))
    assert label.source_barcodes == codes_of(4)
    assert label.missing_barcodes == ()
    assert any("position 4" in note for note in printer.last_notes)


async def test_desk_prepare_asks_for_a_position_and_the_settings_position_wins(tmp_path: Path):
    pdf = a4_sheet((1, 2, 3, 4))
    with zpl.PdfRenderer() as renderer:
        finding = build_printer(PrinterSettings(transport="virtual"), tmp_path, renderer=renderer)
        with pytest.raises(SheetPositionNeeded):
            await finding.prepare(pdf)
        chosen = build_printer(PrinterSettings(transport="virtual", sheet_position=2), tmp_path, renderer=renderer)
        label = await chosen.prepare(pdf)
    assert label.source_barcodes == codes_of(2) and label.missing_barcodes == ()


async def test_desk_prepare_prints_a_readable_half_page_and_refuses_an_unreadable_one(tmp_path: Path):
    with zpl.PdfRenderer() as renderer:
        printer = ZplLabelPrinter("Zebra", VirtualPrinter(tmp_path), GEOMETRY, renderer=renderer)
        label = await printer.prepare(dpd_half_page(bar_width_mm=0.5))
        assert set(label.source_barcodes) == set(DPD_CODES) and label.missing_barcodes == ()
        with pytest.raises(SheetLabelUnreadable, match="document printer") as refused:
            await printer.prepare(dpd_half_page(bar_width_mm=0.19))
    assert refused.value.missing


# --- label2zpl ----------------------------------------------------------------------------------


def test_label2zpl_finds_the_label_and_asks_for_a_position_on_a_full_sheet(tmp_path: Path, capsys):
    one = tmp_path / "one.pdf"
    one.write_bytes(a4_sheet((3,)))
    assert main(["label2zpl", str(one), "-o", str(tmp_path / "one.zpl")]) == 0
    assert "position 3" in capsys.readouterr().err
    full = tmp_path / "full.pdf"
    full.write_bytes(a4_sheet((1, 2, 3, 4)))
    assert main(["label2zpl", str(full), "-o", str(tmp_path / "full.zpl")]) == 1
    assert "--position" in capsys.readouterr().err
    assert main(["label2zpl", str(full), "--position", "2", "-o", str(tmp_path / "full.zpl")]) == 0


def test_label2zpl_refuses_an_unreadable_half_page_with_the_reason(tmp_path: Path, capsys):
    pdf = tmp_path / "dpd.pdf"
    pdf.write_bytes(dpd_half_page(bar_width_mm=0.19))
    assert main(["label2zpl", str(pdf), "-o", str(tmp_path / "dpd.zpl")]) == 1
    err = capsys.readouterr().err
    assert "document printer" in err and "A6" in err


def test_the_sheet_position_is_read_from_the_settings_file_and_a_wrong_one_is_reported(tmp_path: Path):
    path = tmp_path / "settings.toml"
    path.write_text("[label_printer]\nsheet_position = 3\n[document_printer]\nsheet_position = 7\n", encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings.label_printer.sheet_position == 3
    assert loaded.settings.document_printer.sheet_position == 0  # 7 is no quarter: found by itself instead
    named = [violation_text(problem, prefix="settings_problem") for problem in loaded.problems]
    assert any("document_printer.sheet_position" in words for words in named)
