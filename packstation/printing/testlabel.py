"""The "Print test label" page: rulers, darkness steps, a Code 128 and a QR code, at the label's own size."""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode import code128, qr
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

TEST_CODE128 = "PACKSTATION-TEST-128"
TEST_QR = "https://packstation.invalid/test-label"


def calibration_label_pdf(
    width_mm: float = 101.6, height_mm: float = 152.4, title: str = "packstation test label"
) -> bytes:
    """Return a one-page calibration label PDF of exactly this size."""
    if width_mm < 40 or height_mm < 40:
        raise ValueError("A test label needs at least 40 x 40 mm.")
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(width_mm * mm, height_mm * mm))
    c.setTitle(title)
    w, h = width_mm * mm, height_mm * mm
    # Border 1 mm in: if a side is missing, the label is offset or wider than the head.
    c.setLineWidth(0.5)
    c.rect(1 * mm, 1 * mm, w - 2 * mm, h - 2 * mm)
    _rulers(c, width_mm, height_mm)
    # Title and date.
    c.setFont("Helvetica-Bold", 11)
    c.drawString(14 * mm, h - 14 * mm, title)
    c.setFont("Helvetica", 7)
    c.drawString(14 * mm, h - 18 * mm, f"{width_mm:g} x {height_mm:g} mm  -  {datetime.now():%Y-%m-%d %H:%M}")
    _darkness_steps(c, w, h)
    # Fine lines: 1, 2 and 3 dots at 203 dpi; broken ones mean a dirty or worn head.
    for i, width in enumerate((0.125, 0.25, 0.375)):
        c.setLineWidth(width * mm)
        c.line(14 * mm, h - (40 + 3 * i) * mm, w - 14 * mm, h - (40 + 3 * i) * mm)
    # Code 128 with its text.
    barcode = code128.Code128(TEST_CODE128, barHeight=18 * mm, barWidth=0.25 * mm, humanReadable=True)
    bx = max((w - barcode.width) / 2, 8 * mm)
    barcode.drawOn(c, bx, h - 75 * mm)
    _qr_code(c, w, h)
    c.showPage()
    c.save()
    return out.getvalue()


def _tick_mm(n: int) -> float:
    """A ruler tick every mm, longer every 5 and 10 mm."""
    return 4 if n % 10 == 0 else 2.5 if n % 5 == 0 else 1.5


def _rulers(c: canvas.Canvas, width_mm: float, height_mm: float) -> None:
    """Rulers along the top and left edges, numbered every 10 mm."""
    h = height_mm * mm
    c.setFont("Helvetica", 5)
    for x in range(0, int(width_mm) + 1):
        c.line(x * mm, h, x * mm, h - _tick_mm(x) * mm)
        if x % 10 == 0 and 0 < x < width_mm - 3:
            c.drawCentredString(x * mm, h - 6.5 * mm, str(x))
    for y in range(0, int(height_mm) + 1):
        c.line(0, h - y * mm, _tick_mm(y) * mm, h - y * mm)
        if y % 10 == 0 and 0 < y < height_mm - 3:
            c.drawString(5 * mm, h - y * mm - 1.5, str(y))


def _darkness_steps(c: canvas.Canvas, w: float, h: float) -> None:
    """Ten grey patches from 10% to 100% black."""
    step_w = (w - 28 * mm) / 10
    for i in range(10):
        c.setFillGray(1 - (i + 1) / 10)
        c.rect(14 * mm + i * step_w, h - 32 * mm, step_w, 9 * mm, fill=1, stroke=0)
        c.setFillGray(0)
        c.drawCentredString(14 * mm + (i + 0.5) * step_w, h - 35.5 * mm, f"{(i + 1) * 10}%")


def _qr_code(c: canvas.Canvas, w: float, h: float) -> None:
    """The QR code under the Code 128, when the label has room for one of at least 15 mm."""
    size = min(35 * mm, w - 30 * mm, h - 95 * mm)
    if size > 15 * mm:
        widget = qr.QrCodeWidget(TEST_QR)
        x0, y0, x1, y1 = widget.getBounds()
        drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
        drawing.add(widget)
        renderPDF.draw(drawing, c, (w - size) / 2, h - 80 * mm - size)
