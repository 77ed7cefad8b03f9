"""The calibration label prints with both its barcodes readable, at the label's size."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from packstation.printing import barcodes, testlabel, zpl, zpl_render


@pytest.mark.parametrize("dpi", [203, 300])
def test_calibration_label_barcodes_survive(dpi):
    pdf = testlabel.calibration_label_pdf()
    geometry = zpl.LabelGeometry.from_mm(101.6, 152.4, dpi=dpi)
    images = zpl_render.render(zpl.pdf_to_zpl(pdf, geometry)[0], dpi).images
    source, output = barcodes.check(pdf, images)
    assert set(source) == {testlabel.TEST_CODE128, testlabel.TEST_QR} == set(output)


def test_calibration_label_has_the_label_size():
    page = pdfium.PdfDocument(testlabel.calibration_label_pdf(100, 150))[0]
    width, height = page.get_size()
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (100, 150)
    with pytest.raises(ValueError, match="at least"):
        testlabel.calibration_label_pdf(30, 30)
