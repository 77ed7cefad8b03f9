"""Every sample label's barcodes must survive the conversion at 203 and 300 dpi."""

from __future__ import annotations

import pytest

from packstation.printing import barcodes, zpl, zpl_render

from .conftest import LABELS, SAMPLE_LABELS


@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("name", sorted(SAMPLE_LABELS))
def test_sample_barcodes_survive(name, dpi):
    expected, quadrant = SAMPLE_LABELS[name]
    pdf = (LABELS / name).read_bytes()
    geometry = zpl.LabelGeometry.from_mm(101.6, 152.4, dpi=dpi, quadrant=quadrant)
    labels = zpl.pdf_to_zpl(pdf, geometry)
    # Decode what is sent (the ZPL rendered back), not an intermediate image.
    images = [image for label in labels for image in zpl_render.render(label, dpi).images]
    source, output = barcodes.check(pdf, images)
    assert set(expected) <= set(source)
    assert set(expected) <= set(output)
    assert barcodes.missing(source, output) == ()


def test_a_destroyed_barcode_is_reported_missing(postnl_pdf):
    geometry = zpl.LabelGeometry.from_mm(101.6, 152.4, dpi=203)
    bitmap = zpl.rasterize(postnl_pdf, geometry).copy()
    bitmap[:, : bitmap.shape[1] // 2] = False  # the half with the barcode fell off the head
    source, output = barcodes.check(postnl_pdf, [bitmap])
    assert barcodes.missing(source, output) == ("3SDEVC201611210",)
