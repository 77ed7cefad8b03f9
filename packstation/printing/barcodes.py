"""Barcode check: what reads in the source PDF must still read in the 1-bit image that is printed."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from packstation.printing import zpl
from packstation.printing.lazy import lazy

if TYPE_CHECKING:
    import numpy as np
    import zxingcpp
else:
    np = lazy("numpy", globals(), "np")
    zxingcpp = lazy("zxingcpp", globals(), "zxingcpp")

# 300 dpi: the resolution at which every sample label's barcodes were decoded (tests/data/SOURCES.md).
SOURCE_DPI = 300


def _as_gray(image: np.ndarray) -> np.ndarray:
    if image.dtype == bool:
        # True = black in our bitmaps; zxing wants 8-bit grey with white paper.
        return np.where(image, 0, 255).astype(np.uint8)
    if image.ndim == 3 and image.shape[2] == 1:
        return np.ascontiguousarray(image[..., 0])
    return np.ascontiguousarray(image)


def _unique(texts: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for t in texts if t))


def decode(image: np.ndarray) -> tuple[str, ...]:
    """Return the texts of every barcode zxing-cpp reads in the image (bool = 1-bit, True black; or grey)."""
    gray = _as_gray(image)
    # A white border gives barcodes that touch the label edge the quiet zone a scanner needs.
    padded = np.pad(gray, 16, constant_values=255)
    return _unique(result.text for result in zxingcpp.read_barcodes(padded))


def decode_all(images: Sequence[np.ndarray]) -> tuple[str, ...]:
    """Return the barcode texts of all images, each once, in reading order."""
    return _unique(text for image in images for text in decode(image))


def source_codes(pdf: bytes, dpi: int = SOURCE_DPI, limits: zpl.PdfLimits = zpl.PdfLimits()) -> tuple[str, ...]:  # noqa: B008
    """Return the barcodes of the PDF rendered at high resolution (calls PDFium: use the renderer's thread)."""
    return decode_all(zpl.render_pages_gray(pdf, dpi, limits))


def check(
    pdf: bytes,
    bitmaps: Sequence[np.ndarray],
    dpi: int = SOURCE_DPI,
    limits: zpl.PdfLimits = zpl.PdfLimits(),  # noqa: B008
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return (barcodes in the source PDF, barcodes in the bitmaps that will be printed)."""
    return source_codes(pdf, dpi, limits), decode_all(bitmaps)


def missing(source: Sequence[str], output: Sequence[str]) -> tuple[str, ...]:
    """Return the source barcodes that do not read in the output."""
    return tuple(code for code in source if code not in output)
