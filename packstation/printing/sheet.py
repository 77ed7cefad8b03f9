"""Find the label on a sheet by itself: the quarter, half or printed area of a page that holds it.

Carriers also hand out labels on A4 (or Letter) sheets: MyParcel/PostNL put one A6 label in a quarter, DPD puts
a label on half a page. A 4-inch head can print a quarter at about its own size, but the whole sheet only at
under half size, where barcodes stop reading. So the part of the page that holds the label is printed.

How: the page is rendered once at INK_DPI. Ink that runs across a middle line of the page joins the two quarters
on either side into one piece (a half, or more); quarters with white between them are separate pieces. One piece
is the label. Of several pieces, the one that holds every barcode of the page is the label (the barcodes are
located only then, or for a piece larger than a quarter: that costs a render at LOCATE_DPI and a decode), as long
as the rest is small print (a note). A piece of several quarters whose barcodes sit each within a quarter of its
own, none across the middle, is read as labels whose print touches (a header line across the sheet), not one label.
Barcodes in more than one piece means more than one label on the sheet, and large print beside the label may be a
customs form or a label whose barcode did not read: which part to print is then the admin's choice, never a guess
(SheetPositionNeeded).

Boxes are in PDF points from the page's top-left corner, as the page is displayed (after its /Rotate).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from packstation.domain.errors import LabelError, SheetPositionNeeded
from packstation.printing.lazy import lazy

if TYPE_CHECKING:
    import numpy as np
    import pypdfium2 as pdfium
else:
    np = lazy("numpy", globals(), "np")
    pdfium = lazy("pypdfium2", globals(), "pdfium")

PageBox = tuple[float, float, float, float]  # x0, y0, x1, y1 in points from the page's top-left corner
PixelBox = tuple[float, float, float, float]  # x0, y0, x1, y1 in pixels of the image handed to a locator
# Given a page rendered in grey at LOCATE_DPI, return the boxes of the barcodes it reads (barcodes.locate).
BarcodeLocator = Callable[["np.ndarray"], Sequence[PixelBox]]

POINTS_PER_INCH = 72.0
MM_PER_INCH = 25.4
# 50 dpi (0.5 mm a pixel) resolves the white between two labels of a 4-up sheet and costs ~2 ms for an A4 page.
INK_DPI = 50
# Anti-aliased rendering: a 0.1 mm hairline still comes out darker than this at INK_DPI.
INK_LEVEL = 224
# A quarter with fewer inked pixels than this (about 2 mm²) holds a speck, not print.
MIN_INK_PIXELS = 8
# The resolution at which every sample label's barcodes decode (barcodes.SOURCE_DPI).
LOCATE_DPI = 300
# White kept around the printed area of a piece larger than a quarter: a barcode at its edge keeps a quiet zone.
# Narrower margins are for a label that prints at full size only without the whole margin (a 4 x 6 in label on a
# Letter page): shrinking it to keep white the paper has anyway would thin every bar.
MARGIN_MM = 3.0
NARROWER_MARGINS_MM = (2.0, 1.0, 0.0)
# Print without barcodes beside the label is left off only while it is small (a note, a logo): a printed area
# larger than this share of a quarter may be a customs form or a label whose barcode did not read, so ask.
SMALL_PRINT_SHARE = 0.25

HALVES = {(1, 2): "the top half", (3, 4): "the bottom half", (1, 3): "the left half", (2, 4): "the right half"}


@dataclass(frozen=True)
class Placement:
    """The part of a page that holds its label."""

    box: PageBox
    quadrants: tuple[int, ...]  # the quarters it covers: 1 top-left, 2 top-right, 3 bottom-left, 4 bottom-right
    where: str  # for notes: "position 2", "the top half", "the printed area"
    # For a label larger than a quarter, its inked area alone (`box` is that with MARGIN_MM around it).
    inked: PageBox | None = None


def quarter_box(width: float, height: float, quadrant: int) -> PageBox:
    """Return the box of one quarter of a page (1 top-left, 2 top-right, 3 bottom-left, 4 bottom-right)."""
    half_w, half_h = width / 2, height / 2
    x0 = half_w if quadrant in (2, 4) else 0.0
    y0 = half_h if quadrant in (3, 4) else 0.0
    return (x0, y0, x0 + half_w, y0 + half_h)


def describe(quadrants: Sequence[int]) -> str:
    """Return how a note names these quarters of a sheet."""
    quadrants = tuple(sorted(quadrants))
    if len(quadrants) == 1:
        return f"position {quadrants[0]}"
    return HALVES.get((quadrants[0], quadrants[1]), "the printed area") if len(quadrants) == 2 else "the printed area"


def render_ink(page: pdfium.PdfPage) -> np.ndarray:
    """Return where the page is inked, rendered at INK_DPI with anti-aliasing on (thin lines must show)."""
    return _darkest(draw(page, INK_DPI / POINTS_PER_INCH).to_numpy()) < INK_LEVEL


def draw(page: pdfium.PdfPage, scale: float, **options: Any) -> pdfium.PdfBitmap:
    """Render the page in grey without its form fields (pypdfium2's other render `options` as given).

    Raises LabelError when PDFium cannot draw the page.
    """
    try:
        return page.render(scale=scale, grayscale=True, may_draw_forms=False, **options)
    except pdfium.PdfiumError as exc:
        raise LabelError(f"The label page cannot be drawn ({exc}).") from exc


def _darkest(array: np.ndarray) -> np.ndarray:
    """Return a grey render as one value a pixel: PDFium yields BGR(x) for pages with transparency, and any
    dark channel is print."""
    if array.ndim == 3:
        return np.ascontiguousarray(array[..., :3].min(axis=2))
    return array


def _quarter_slices(shape: tuple[int, int]) -> dict[int, tuple[slice, slice]]:
    h, w = shape
    mid_r, mid_c = h // 2, w // 2
    top, bottom = slice(0, mid_r), slice(mid_r, h)
    left, right = slice(0, mid_c), slice(mid_c, w)
    return {1: (top, left), 2: (top, right), 3: (bottom, left), 4: (bottom, right)}


def _joins(ink: np.ndarray) -> list[tuple[int, int]]:
    """Return the pairs of neighbouring quarters that ink runs across (both pixels at the middle line inked)."""
    h, w = ink.shape
    mid_r, mid_c = h // 2, w // 2
    across_columns = ink[:, mid_c - 1] & ink[:, mid_c]  # ink crossing the vertical middle line, per row
    across_rows = ink[mid_r - 1, :] & ink[mid_r, :]  # ink crossing the horizontal middle line, per column
    pairs = []
    if across_columns[:mid_r].any():
        pairs.append((1, 2))
    if across_columns[mid_r:].any():
        pairs.append((3, 4))
    if across_rows[:mid_c].any():
        pairs.append((1, 3))
    if across_rows[mid_c:].any():
        pairs.append((2, 4))
    return pairs


def pieces(ink: np.ndarray) -> list[tuple[int, ...]]:
    """Return the inked quarters grouped into pieces: quarters that ink runs between belong together."""
    slices = _quarter_slices(ink.shape)
    inked = [q for q in (1, 2, 3, 4) if np.count_nonzero(ink[slices[q]]) >= MIN_INK_PIXELS]
    group = _joined(inked, _joins(ink))
    # Each piece once, in the order of its first quarter.
    return list(dict.fromkeys(tuple(sorted(group[q])) for q in inked))


def _joined(quarters: list[int], joins: list[tuple[int, int]]) -> dict[int, set[int]]:
    """Return each quarter's group: itself and the quarters joined to it, directly or through another."""
    group = {q: {q} for q in quarters}
    for a, b in joins:
        if a in group and b in group and group[a] is not group[b]:
            merged = group[a] | group[b]
            for q in merged:
                group[q] = merged
    return group


def _inked_box(ink: np.ndarray, quadrants: tuple[int, ...]) -> tuple[int, int, int, int]:
    """Return (x0, y0, x1, y1) in INK_DPI pixels around the ink of these quarters."""
    slices = _quarter_slices(ink.shape)
    mask = np.zeros(ink.shape, dtype=bool)
    for q in quadrants:
        mask[slices[q]] = ink[slices[q]]
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


def _is_small(ink: np.ndarray, quadrants: tuple[int, ...]) -> bool:
    """Whether a piece's printed area is small beside a quarter of the page (a note, not a form or a label)."""
    x0, y0, x1, y1 = _inked_box(ink, quadrants)
    return (x1 - x0) * (y1 - y0) < SMALL_PRINT_SHARE * (ink.shape[0] * ink.shape[1] / 4)


def padded(box: PageBox, margin_mm: float, width: float, height: float) -> PageBox:
    """Return the box grown by margin_mm on every side, within the page."""
    margin = margin_mm / MM_PER_INCH * POINTS_PER_INCH
    return (
        max(box[0] - margin, 0.0),
        max(box[1] - margin, 0.0),
        min(box[2] + margin, width),
        min(box[3] + margin, height),
    )


def _placement(ink: np.ndarray, quadrants: tuple[int, ...], width: float, height: float) -> Placement:
    """Return what to print for a piece: its quarter, or the inked area of a larger piece with a margin."""
    if len(quadrants) == 1:
        return Placement(quarter_box(width, height, quadrants[0]), quadrants, describe(quadrants))
    x0, y0, x1, y1 = _inked_box(ink, quadrants)
    to_points = POINTS_PER_INCH / INK_DPI
    inked = (x0 * to_points, y0 * to_points, min(x1 * to_points, width), min(y1 * to_points, height))
    return Placement(padded(inked, MARGIN_MM, width, height), quadrants, describe(quadrants), inked)


def _quadrant_of(x: float, y: float, width: float, height: float) -> int:
    return (1 if x < width / 2 else 2) + (0 if y < height / 2 else 2)


def locate_barcodes(page: pdfium.PdfPage, locate: BarcodeLocator, within: PageBox | None = None) -> list[PageBox]:
    """Return the boxes of the barcodes on the page (or `within` part of it) in points, rendered at LOCATE_DPI."""
    width, height = page.get_size()
    x0, y0, x1, y1 = within or (0.0, 0.0, width, height)
    # Only the part asked about: the decode takes ~90 ms for a whole A4 page at 300 dpi, about half for a half.
    gray = _darkest(draw(page, LOCATE_DPI / POINTS_PER_INCH, crop=(x0, height - y1, width - x1, y0)).to_numpy())
    to_points = POINTS_PER_INCH / LOCATE_DPI
    return [
        (x0 + a * to_points, y0 + b * to_points, x0 + c * to_points, y0 + d * to_points) for a, b, c, d in locate(gray)
    ]


def _quadrants_of(box: PageBox, width: float, height: float) -> set[int]:
    """Return the quarters of the page a box reaches into."""
    corners = ((box[0], box[1]), (box[2] - 1e-6, box[1]), (box[0], box[3] - 1e-6), (box[2] - 1e-6, box[3] - 1e-6))
    return {_quadrant_of(x, y, width, height) for x, y in corners}


def _looks_like_several_labels(piece: tuple[int, ...], codes: Sequence[PageBox], width: float, height: float) -> bool:
    """Whether a piece of several quarters may be labels joined by stray ink (a header across, frames that touch).

    One label over a half has a barcode across the middle, or all its barcodes on one side of it; labels side by
    side each have barcodes of their own within their quarter.
    """
    reached = [_quadrants_of(box, width, height) & set(piece) for box in codes]
    if any(len(quarters) > 1 for quarters in reached):
        return False
    return len({q for quarters in reached for q in quarters}) > 1


def _inked_area(ink: np.ndarray, width: float, height: float) -> PageBox:
    """The inked part of the sheet in points, a dot wider on each side (where to look for barcodes)."""
    inked = _inked_box(ink, (1, 2, 3, 4))
    to_points = POINTS_PER_INCH / INK_DPI
    return (
        max(inked[0] - 1, 0) * to_points,
        max(inked[1] - 1, 0) * to_points,
        min((inked[2] + 1) * to_points, width),
        min((inked[3] + 1) * to_points, height),
    )


def _the_one_piece(
    found: list[tuple[int, ...]],
    codes: list[PageBox] | None,
    ink: np.ndarray,
    width: float,
    height: float,
    page_number: int,
) -> tuple[int, ...]:
    """Of several inked pieces, return the label's: the only one with barcodes when the others are small print;
    else raise SheetPositionNeeded naming the quarters that may hold a label."""
    holding = found
    if codes is not None:
        with_codes, large_without = _sorted_by_codes(found, codes, ink, width, height)
        if len(with_codes) == 1 and not large_without:
            return with_codes[0]
        if with_codes:
            holding = with_codes + large_without
    raise SheetPositionNeeded(page_number, tuple(sorted(q for piece in holding for q in piece)))


def _sorted_by_codes(
    found: list[tuple[int, ...]], codes: list[PageBox], ink: np.ndarray, width: float, height: float
) -> tuple[list[tuple[int, ...]], list[tuple[int, ...]]]:
    """Return (the pieces with a barcode, the large pieces without one)."""
    centres = {_quadrant_of((b[0] + b[2]) / 2, (b[1] + b[3]) / 2, width, height) for b in codes}
    with_codes = [piece for piece in found if centres & set(piece)]
    large_without = [p for p in found if p not in with_codes and not _is_small(ink, p)]
    return with_codes, large_without


def find_label(page: pdfium.PdfPage, page_number: int, locate: BarcodeLocator | None = None) -> Placement:
    """Return the part of a sheet that holds its one label; raise SheetPositionNeeded when it holds several.

    `page_number` counts from 1 (for messages). Without `locate`, a sheet with print in separate places cannot be
    told apart from a sheet of several labels and needs a position; with it, a label larger than a quarter is
    checked not to be two labels whose print happens to touch.
    """
    width, height = page.get_size()
    ink = render_ink(page)
    found = pieces(ink)
    if not found:
        raise LabelError(f"Page {page_number} of the label is blank.")
    codes: list[PageBox] | None = None
    if locate is not None and (len(found) > 1 or len(found[0]) > 1):
        codes = locate_barcodes(page, locate, _inked_area(ink, width, height))
    quadrants = _the_one_piece(found, codes, ink, width, height, page_number) if len(found) > 1 else found[0]
    if codes is not None and len(quadrants) > 1 and _looks_like_several_labels(quadrants, codes, width, height):
        raise SheetPositionNeeded(page_number, quadrants)
    return _placement(ink, quadrants, width, height)
