"""Barcode check: what reads in the source PDF must still read in the 1-bit image that is printed."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from packstation.domain.errors import SheetLabelUnreadable
from packstation.printing import sheet, zpl
from packstation.printing.lazy import lazy

if TYPE_CHECKING:
    import numpy as np
    import zxingcpp
else:
    np = lazy("numpy", globals(), "np")
    zxingcpp = lazy("zxingcpp", globals(), "zxingcpp")

# 300 dpi: the resolution at which every sample label's barcodes were decoded (tests/data/SOURCES.md).
SOURCE_DPI = sheet.LOCATE_DPI
# A white border gives barcodes that touch the label edge the quiet zone a scanner needs.
_PAD = 16


@dataclass(frozen=True)
class Located:
    """A barcode read in a page of the source PDF, and where: its box in points from the page's top-left."""

    text: str
    page: int  # from 0
    box: sheet.PageBox

    def inside(self, region: sheet.PageBox) -> bool:
        """Whether the barcode's centre lies in the region (a barcode cut by the region's edge still counts)."""
        x, y = (self.box[0] + self.box[2]) / 2, (self.box[1] + self.box[3]) / 2
        return region[0] <= x <= region[2] and region[1] <= y <= region[3]


def _as_gray(image: np.ndarray) -> np.ndarray:
    if image.dtype == bool:
        # True = black in our bitmaps; zxing wants 8-bit grey with white paper. False/True are the bytes 0/1, so
        # the inverse times 255 is that grey in one uint8 pass (np.where went through int64: ~2-3 ms a label).
        return (~image).view(np.uint8) * np.uint8(255)
    if image.ndim == 3 and image.shape[2] == 1:
        return np.ascontiguousarray(image[..., 0])
    return np.ascontiguousarray(image)


def _unique(texts: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for t in texts if t))


def _read(image: np.ndarray) -> list[zxingcpp.Result]:
    return [r for r in zxingcpp.read_barcodes(np.pad(_as_gray(image), _PAD, constant_values=255)) if r.text]


def decode(image: np.ndarray) -> tuple[str, ...]:
    """Return the texts of every barcode zxing-cpp reads in the image (bool = 1-bit, True black; or grey)."""
    return _unique(result.text for result in _read(image))


def _pixel_box(result: zxingcpp.Result) -> sheet.PixelBox:
    p = result.position
    xs = (p.top_left.x, p.top_right.x, p.bottom_right.x, p.bottom_left.x)
    ys = (p.top_left.y, p.top_right.y, p.bottom_right.y, p.bottom_left.y)
    return (min(xs) - _PAD, min(ys) - _PAD, max(xs) - _PAD, max(ys) - _PAD)


def locate(image: np.ndarray) -> list[sheet.PixelBox]:
    """Return the boxes of the barcodes read in the image, in its pixels (a sheet.BarcodeLocator)."""
    return [_pixel_box(result) for result in _read(image)]


def decode_located(image: np.ndarray, page: int, dpi: int = SOURCE_DPI) -> tuple[Located, ...]:
    """Return the barcodes read in page `page` rendered at `dpi`, each with its box on the page in points."""
    k = zpl.POINTS_PER_INCH / dpi
    found = []
    for result in _read(image):
        x0, y0, x1, y1 = _pixel_box(result)
        found.append(Located(result.text, page, (x0 * k, y0 * k, x1 * k, y1 * k)))
    return tuple(found)


def in_regions(found: Iterable[Located], regions: Sequence[sheet.PageBox | None]) -> tuple[str, ...]:
    """Return the texts of the barcodes inside the printed region of their page, each once, in reading order.

    A region of None means the whole page; a page beyond `regions` is not printed at all.
    """

    def printed(code: Located) -> bool:
        if code.page >= len(regions):
            return False
        region = regions[code.page]
        return region is None or code.inside(region)

    return _unique(code.text for code in found if printed(code))


def decode_all(images: Sequence[np.ndarray]) -> tuple[str, ...]:
    """Return the barcode texts of all images, each once, in reading order."""
    return _unique(text for image in images for text in decode(image))


def source_codes(
    pdf: bytes,
    dpi: int = SOURCE_DPI,
    limits: zpl.PdfLimits = zpl.PdfLimits(),  # noqa: B008
    regions: Sequence[sheet.PageBox | None] | None = None,
) -> tuple[str, ...]:
    """Return the barcodes of the PDF rendered at high resolution (calls PDFium: use the renderer's thread).

    With `regions` (zpl.Conversion.regions), only the barcodes inside the part of each page that is printed.
    """
    pages = zpl.render_pages_gray(pdf, dpi, limits)
    if regions is None:
        return decode_all(pages)
    return in_regions((code for i, page in enumerate(pages) for code in decode_located(page, i, dpi)), regions)


def check(
    pdf: bytes,
    bitmaps: Sequence[np.ndarray],
    dpi: int = SOURCE_DPI,
    limits: zpl.PdfLimits = zpl.PdfLimits(),  # noqa: B008
    regions: Sequence[sheet.PageBox | None] | None = None,
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return (barcodes in the source PDF, barcodes in the bitmaps that will be printed).

    Pass the conversion's `regions` when part of a page is printed (one label of a sheet): the barcodes of the
    other labels on the sheet are not expected in it.
    """
    return source_codes(pdf, dpi, limits, regions), decode_all(bitmaps)


def missing(source: Sequence[str], output: Sequence[str]) -> tuple[str, ...]:
    """Return the source barcodes that do not read in the output."""
    return tuple(code for code in source if code not in output)


def sheet_refusal(conversion: zpl.Conversion, lost: Sequence[str]) -> SheetLabelUnreadable | None:
    """Return why a label taken from part of a sheet cannot be printed when barcodes were lost; None otherwise.

    A label cut from a sheet was made for A4: the fix is the document printer or A6 labels, not printer settings.
    """
    if not lost:
        return None
    for index, raster in enumerate(conversion.rasters):
        if raster.from_sheet:
            return SheetLabelUnreadable(tuple(lost), index + 1, raster.scale)
    return None
