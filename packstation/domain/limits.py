"""The bounds on every size, number and file the app takes in: one place, used by every path.

A label is at most what a Zebra prints; a PDF, a ZPL file and a settings value are refused with one clear
sentence before anything is allocated for them. The CLI (`label2zpl`, `zpl2png`), the desk's print path, the
relay and the settings loader all check through these functions, so a number refused in one is refused in all.
Pure: standard library only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MM_PER_INCH = 25.4
POINTS_PER_INCH = 72.0

# The resolutions Zebra print heads come in.
SUPPORTED_DPI: tuple[int, ...] = (203, 300, 600)
# The widest Zebra print head is 8.5 in (220Xi4); an A4 document printer (210 mm) fits within it too. 4-inch heads
# print 4.09 in, less than an A6 label (105 mm), which the desk shrinks to fit: the bound is the widest head.
# 8.5 in is 215.9 mm: rounded up, so a width typed as 215.9 or 216 is taken (its dots are capped at the head's).
MAX_LABEL_WIDTH_MM = 216.0
# ZPL's ^LL takes at most 32000 dot rows: at 203 dpi about 4 m, at 600 dpi about 1.35 m.
MAX_LABEL_LENGTH_DOTS = 32_000
MAX_LABEL_WIDTH_DOTS = round(8.5 * max(SUPPORTED_DPI))
# Smaller than any carrier label; keeps a typo (0.1 for 100) from becoming a one-dot label.
MIN_LABEL_MM = 10.0
# ^LS label shift and ^LT label top, as the ZPL guide bounds them.
MAX_SHIFT_DOTS = 9999
MAX_TOP_DOTS = 120
MAX_DARKNESS = 30  # ~SD
MAX_SPEED = 14  # ^PR, inches per second

# Input files. A carrier's label PDF is tens of kilobytes; 20 MB leaves room for a scanned one.
MAX_PDF_BYTES = 20 * 1024 * 1024
MAX_PDF_PAGES = 50
# A page larger than A2 (420 x 594 mm) on a side is not a label or a label sheet; rendered at 300 dpi for the
# barcode check it would take hundreds of megabytes.
MAX_PAGE_SIDE_MM = 600.0
# All pages together: 25 A4 sheets (about 220 MB of grey at the 300 dpi barcode check).
MAX_TOTAL_PAGE_AREA_MM2 = 25 * 210.0 * 297.0
# ZPL the app writes is about 30-200 kB a label; 50 labels of dense 600-dpi hex stay under this.
MAX_ZPL_BYTES = 32 * 1024 * 1024
# One decoded ^GF/~DG graphic: a whole label of the widest head at ^LL's maximum (packed, 1 bit a dot).
MAX_GRAPHIC_BYTES = MAX_LABEL_WIDTH_DOTS * MAX_LABEL_LENGTH_DOTS // 8
# A rendered ZPL image (one bool a dot): the largest label there is, and no more.
MAX_IMAGE_DOTS = MAX_LABEL_WIDTH_DOTS * MAX_LABEL_LENGTH_DOTS
MAX_ZPL_LABELS = 200
# All the images of one ZPL job together, one bool a dot: 50 labels (MAX_PDF_PAGES) of 4 x 6 in at 600 dpi.
MAX_RENDER_DOTS = MAX_PDF_PAGES * (4 * 600) * (6 * 600)
# ^XG magnification and the like: the ZPL guide allows 1-10.
MAX_MAGNIFICATION = 10
# A settings file is a few kilobytes.
MAX_SETTINGS_BYTES = 1024 * 1024
# What the packer's window takes (its parcel spin box and weight field): `ship` takes no more. A billion parcels
# would build a billion references before anything is booked.
MAX_PARCELS = 20
MAX_WEIGHT_GRAMS = 100_000


class LimitError(ValueError):
    """An input is outside what the app takes; the message says which and what is allowed, in one line."""


@dataclass(frozen=True)
class LabelSize:
    """A label size checked against the bounds, in printer dots."""

    dpi: int
    width_dots: int
    length_dots: int


def finite_number(text: str | float, what: str) -> float:
    """Return the number, or raise LimitError for text that is not one, infinity or NaN."""
    try:
        value = float(text)
    except (TypeError, ValueError):
        raise LimitError(f"{what} must be a number, not {str(text)[:40]!r}.") from None
    if not math.isfinite(value):
        raise LimitError(f"{what} must be a finite number, not {str(text)[:40]!r}.")
    return value


def check_dpi(dpi: object) -> int:
    """Return the resolution if a Zebra head has it; raise LimitError otherwise."""
    if isinstance(dpi, bool) or not isinstance(dpi, int) or dpi not in SUPPORTED_DPI:
        allowed = ", ".join(map(str, SUPPORTED_DPI))
        raise LimitError(f"The printer resolution must be one of {allowed} dpi, not {str(dpi)[:40]}.")
    return dpi


def max_label_length_mm(dpi: int) -> float:
    """Return the longest label ^LL allows at this resolution, in millimetres."""
    return MAX_LABEL_LENGTH_DOTS / dpi * MM_PER_INCH


def check_label_width_mm(width_mm: float) -> float:
    """Return the width if a Zebra head prints it; raise LimitError otherwise."""
    width = finite_number(width_mm, "The label width")
    if not MIN_LABEL_MM <= width <= MAX_LABEL_WIDTH_MM:
        raise LimitError(
            f"The label width must be {MIN_LABEL_MM:g} to {MAX_LABEL_WIDTH_MM:g} mm "
            f"(the widest Zebra head), not {width:g} mm."
        )
    return width


def check_label_length_mm(length_mm: float, dpi: int) -> float:
    """Return the length if ^LL allows it at this resolution; raise LimitError otherwise."""
    length = finite_number(length_mm, "The label height")
    longest = max_label_length_mm(dpi)
    if not MIN_LABEL_MM <= length <= longest:
        raise LimitError(
            f"The label height must be {MIN_LABEL_MM:g} to {math.floor(longest):g} mm at {dpi} dpi "
            f"(ZPL's longest label, {MAX_LABEL_LENGTH_DOTS} dots), not {length:g} mm."
        )
    return length


def label_size(width_mm: float, length_mm: float, dpi: int) -> LabelSize:
    """Return the label in dots after checking resolution, width and length; raise LimitError for any outside."""
    dpi = check_dpi(dpi)
    width = check_label_width_mm(width_mm)
    length = check_label_length_mm(length_mm, dpi)
    width_dots = min(round(width / MM_PER_INCH * dpi), MAX_LABEL_WIDTH_DOTS)
    length_dots = min(round(length / MM_PER_INCH * dpi), MAX_LABEL_LENGTH_DOTS)
    return LabelSize(dpi, width_dots, length_dots)


def check_label_dots(width_dots: int, length_dots: int) -> None:
    """Raise LimitError unless the label in dots is positive and within the widest head and ^LL."""
    if not 1 <= width_dots <= MAX_LABEL_WIDTH_DOTS:
        raise LimitError(f"The label width must be 1 to {MAX_LABEL_WIDTH_DOTS} dots, not {width_dots}.")
    if not 1 <= length_dots <= MAX_LABEL_LENGTH_DOTS:
        raise LimitError(f"The label length must be 1 to {MAX_LABEL_LENGTH_DOTS} dots (^LL), not {length_dots}.")


def check_pdf_pages(sizes_pt: list[tuple[float, float]]) -> None:
    """Raise LimitError for a PDF whose pages are too many, not finite, or too large to be labels."""
    if len(sizes_pt) > MAX_PDF_PAGES:
        raise LimitError(f"The label PDF has {len(sizes_pt)} pages, more than the limit of {MAX_PDF_PAGES}.")
    to_mm = MM_PER_INCH / POINTS_PER_INCH
    total = 0.0
    for number, (width_pt, height_pt) in enumerate(sizes_pt, start=1):
        if not (math.isfinite(width_pt) and math.isfinite(height_pt)) or width_pt <= 0 or height_pt <= 0:
            raise LimitError(f"Page {number} of the label PDF has no usable size ({width_pt!r} x {height_pt!r} pt).")
        width, height = width_pt * to_mm, height_pt * to_mm
        if max(width, height) > MAX_PAGE_SIDE_MM:
            raise LimitError(
                f"Page {number} of the label PDF is {width:.0f} x {height:.0f} mm, larger than "
                f"{MAX_PAGE_SIDE_MM:.0f} mm a side: not a label or a label sheet."
            )
        total += width * height
    if total > MAX_TOTAL_PAGE_AREA_MM2:
        raise LimitError(
            f"The label PDF's pages add up to {total / 1e6:.1f} m², more than the limit of "
            f"{MAX_TOTAL_PAGE_AREA_MM2 / 1e6:.1f} m² (25 A4 sheets)."
        )


def check_zpl_size(size: int) -> None:
    """Raise LimitError for ZPL larger than any job the app makes or previews."""
    if size > MAX_ZPL_BYTES:
        raise LimitError(f"The ZPL is {size / 1_048_576:.1f} MB, more than the limit of {MAX_ZPL_BYTES >> 20} MB.")


def check_in_range(value: float, low: float, high: float, what: str) -> float:
    """Return the value if finite and within [low, high]; raise LimitError with both ends otherwise."""
    number = finite_number(value, what)
    if not low <= number <= high:
        raise LimitError(f"{what} must be {low:g} to {high:g}, not {number:g}.")
    return number
