"""PDF label to ZPL: render at the printer's own dots, threshold to 1 bit, encode as ^GFA bands.

Pure apart from PDFium. PDFium is not thread-safe: in the app every call goes through one `PdfRenderer`,
which owns the single worker thread that may touch it.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import ctypes
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import TYPE_CHECKING, Literal, ParamSpec, TypeVar

import deflate

from packstation.domain import limits as bounds
from packstation.domain.errors import LabelError
from packstation.printing import sheet
from packstation.printing.lazy import lazy

if TYPE_CHECKING:
    import numpy as np
    import pypdfium2 as pdfium
else:
    np = lazy("numpy", globals(), "np")
    pdfium = lazy("pypdfium2", globals(), "pdfium")

log = logging.getLogger(__name__)

Encoding = Literal["z64", "acs", "hex"]
Layout = Literal["fit", "crop"]
ENCODINGS: tuple[str, ...] = ("z64", "acs", "hex")
SUPPORTED_DPI: tuple[int, ...] = bounds.SUPPORTED_DPI
MAX_FIELD_BYTES = 99_999  # the ZPL guide's limit for ^GF b and c
MM_PER_INCH = 25.4
POINTS_PER_INCH = 72.0
# Content that needs shrinking below this to fit is not a label for this media (e.g. a whole A4 sheet).
MIN_FIT_SCALE = 0.6
# A page that would need shrinking below this is a sheet: the label on it is looked for (sheet.find_label). An A6
# page on a 4-inch head needs 0.967 and a 6 x 4 in page turned 1.0, so ordinary labels never pay for the search.
SHEET_SCALE = 0.9
# A scale at least this is printing at full size (the notes say nothing below it either).
FULL_SIZE = 0.995
# A found label's inked area is known to one 50-dpi pixel a side (about 1% of a 4-inch label): a box that fits at
# this scale fits the label, and a margin that would shrink it further gives way (sheet.NARROWER_MARGINS_MM).
NEAR_FULL_SIZE = 0.99
# A page that overhangs the label by at most this many dots is fitted without comment (rounding of mm sizes).
SLACK_DOTS = 2


@dataclass(frozen=True)
class LabelGeometry:
    """The label as the printer sees it: resolution, print width, label length, and how a page goes on it."""

    dpi: int = 203
    width_dots: int = 812  # print width (^PW): a 4-inch head at 203 dpi
    length_dots: int = 1218  # label length (^LL): 6 inches at 203 dpi
    layout: Layout = "fit"
    rotation: Literal["auto", 0, 90, 180, 270] = "auto"
    # A4 sheets: 1 top-left, 2 top-right, 3 bottom-left, 4 bottom-right; None = find the label (sheet.find_label).
    # Used only for a page the label does not fit (SHEET_SCALE): an A6 page is never cut to a quarter.
    quadrant: int | None = None

    def __post_init__(self) -> None:
        if self.dpi not in SUPPORTED_DPI:
            raise ValueError(f"The printer resolution must be one of {SUPPORTED_DPI} dpi, not {self.dpi}.")
        # Bounded before anything is allocated for it: a label is at most what a Zebra prints (domain.limits).
        bounds.check_label_dots(self.width_dots, self.length_dots)
        if self.layout not in ("fit", "crop"):
            raise ValueError(f"The layout must be 'fit' or 'crop', not {self.layout!r}.")
        if self.rotation not in ("auto", 0, 90, 180, 270):
            raise ValueError(f"The rotation must be auto, 0, 90, 180 or 270, not {self.rotation!r}.")
        if self.quadrant is not None and self.quadrant not in (1, 2, 3, 4):
            raise ValueError(f"The A4 position must be 1 to 4, not {self.quadrant}.")

    @classmethod
    def from_mm(
        cls,
        width_mm: float,
        height_mm: float,
        dpi: int = 203,
        layout: Layout = "fit",
        rotation: Literal["auto", 0, 90, 180, 270] = "auto",
        quadrant: int | None = None,
    ) -> LabelGeometry:
        """Return the geometry of a label of this size in millimetres (bounds.LimitError outside the bounds)."""
        size = bounds.label_size(width_mm, height_mm, dpi)
        return cls(
            dpi=size.dpi,
            width_dots=size.width_dots,
            length_dots=size.length_dots,
            layout=layout,
            rotation=rotation,
            quadrant=quadrant,
        )

    @property
    def width_mm(self) -> float:
        return self.width_dots / self.dpi * MM_PER_INCH

    @property
    def length_mm(self) -> float:
        return self.length_dots / self.dpi * MM_PER_INCH


@dataclass(frozen=True)
class PrintFrame:
    """Per-printer settings written around every label; -1 or "" means "keep the printer's own"."""

    darkness: int = -1  # ~SD 0..30
    speed: int = -1  # ^PR inches per second, 1..14
    media_type: str = ""  # ^MT: T thermal transfer, D direct thermal
    print_mode: str = ""  # ^MM: T tear-off, P peel-off, C cutter, R rewind, K kiosk, A applicator
    media_tracking: str = ""  # ^MN: N continuous, Y/W gap (web), M black mark
    offset_x: int = 0  # ^LS label shift in dots
    offset_y: int = 0  # ^LT label top in dot rows, -120..120
    copies: int = 1  # ^PQ

    def __post_init__(self) -> None:
        # Checked in this order, so the first wrong setting named is the same whatever else is wrong.
        _check_numbers(self, _FRAME_SPEEDS)
        _check_letters(self, _FRAME_LETTERS)
        _check_numbers(self, _FRAME_PLACEMENT)


# (setting, lowest, highest, whether -1 "the printer's own" is allowed, the message naming the wrong value)
_NumberRule = tuple[str, int, int, bool, str]
_FRAME_SPEEDS: tuple[_NumberRule, ...] = (
    ("darkness", 0, 30, True, "Darkness must be 0 to 30 (or -1 for the printer's own), not {value}."),
    ("speed", 1, 14, True, "Print speed must be 1 to 14 (or -1 for the printer's own), not {value}."),
)
_FRAME_PLACEMENT: tuple[_NumberRule, ...] = (
    ("offset_y", -120, 120, False, "The top offset must be -120 to 120 dot rows, not {value}."),
    ("offset_x", -9999, 9999, False, "The label shift must be -9999 to 9999 dots, not {value}."),
    ("copies", 1, 99_999_999, False, "Copies must be at least 1, not {value}."),
)
# (setting, the letters ZPL knows for it, the message); "" (keep the printer's own) is always allowed.
_FRAME_LETTERS: tuple[tuple[str, frozenset[str], str], ...] = (
    ("media_type", frozenset("TD"), "Media type must be T or D, not {value!r}."),
    ("print_mode", frozenset("TPCRKADFLU"), "Unknown print mode {value!r}."),
    ("media_tracking", frozenset("NYWMAV"), "Unknown media tracking {value!r}."),
)


def _check_numbers(frame: PrintFrame, rules: tuple[_NumberRule, ...]) -> None:
    """Raise ValueError naming the first setting outside its range."""
    for name, low, high, keep_allowed, message in rules:
        value = getattr(frame, name)
        if not (low <= value <= high or (keep_allowed and value == -1)):
            raise ValueError(message.format(value=value))


def _check_letters(frame: PrintFrame, rules: tuple[tuple[str, frozenset[str], str], ...]) -> None:
    """Raise ValueError naming the first setting that is not one of its ZPL letters (or empty)."""
    for name, letters, message in rules:
        value = getattr(frame, name)
        if value and value not in letters:
            raise ValueError(message.format(value=value))


@dataclass(frozen=True)
class PdfLimits:
    """What a label PDF may be before it is refused."""

    max_bytes: int = bounds.MAX_PDF_BYTES
    max_pages: int = bounds.MAX_PDF_PAGES


@dataclass(frozen=True)
class Raster:
    """One page at the printer's dots: the 1-bit image and what was done to get it."""

    # The label's rows of dots, 8 to a byte, the first dot in the high bit and 1 = black: what ^GFA takes, so
    # converting never builds the turned bool image (a transposing copy of every dot) unless `bitmap` is asked.
    packed: np.ndarray
    width: int  # dots per row
    scale: float  # 1.0 = the page's own size
    rotation: int
    clipped: bool = False  # crop layout cut off printed content
    notes: tuple[str, ...] = ()
    # The part of the page printed, in points from its top-left corner (the whole page unless a sheet's label).
    region: sheet.PageBox | None = None
    page_size: tuple[float, float] | None = None  # the page's (width, height) in points

    @cached_property
    def bitmap(self) -> np.ndarray:
        """The 1-bit image, True = black (rows x width)."""
        return np.unpackbits(self.packed, axis=1, count=self.width).view(bool)

    @property
    def from_sheet(self) -> bool:
        """Whether only part of the page was printed (one label of a sheet)."""
        if self.region is None or self.page_size is None:
            return False
        x0, y0, x1, y1 = self.region
        return x0 > 0.5 or y0 > 0.5 or x1 < self.page_size[0] - 0.5 or y1 < self.page_size[1] - 0.5


@dataclass(frozen=True)
class Conversion:
    """A whole PDF converted: one ZPL label per page, the bitmaps sent, and what the packer should know."""

    labels: list[str]
    rasters: list[Raster] = field(default_factory=list)

    @property
    def notes(self) -> tuple[str, ...]:
        return tuple(note for raster in self.rasters for note in raster.notes)

    @property
    def regions(self) -> list[sheet.PageBox | None]:
        """The printed part of each page, in points from its top-left (for barcodes.check)."""
        return [raster.region for raster in self.rasters]


# --- opening and rendering ---------------------------------------------------------------------


def open_pdf(pdf: bytes, limits: PdfLimits = PdfLimits()) -> pdfium.PdfDocument:
    """Open a label PDF or raise LabelError saying plainly what is wrong with it."""
    data = _pdf_bytes(pdf, limits)
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise LabelError(f"The label PDF is corrupt and cannot be read ({exc}).") from exc
    try:
        _check_pages(document, limits)
    except BaseException:
        document.close()
        raise
    return document


def _pdf_bytes(pdf: bytes, limits: PdfLimits) -> bytes:
    """Return the label as bytes once it looks like a PDF within the size limit; else raise LabelError."""
    if not isinstance(pdf, bytes | bytearray | memoryview):
        raise LabelError(f"The label must be PDF bytes, not {type(pdf).__name__}.")
    data = bytes(pdf)
    if not data:
        raise LabelError("The label is empty (0 bytes): the carrier sent no PDF.")
    if len(data) > limits.max_bytes:
        raise LabelError(
            f"The label PDF is {len(data) / 1_048_576:.1f} MB, more than the limit of "
            f"{limits.max_bytes / 1_048_576:.0f} MB."
        )
    if b"%PDF-" not in data[:1024]:
        start = data[:16].decode("latin-1").encode("unicode_escape").decode()
        raise LabelError(f"The label is not a PDF (it starts with {start!r}).")
    return data


def _check_pages(document: pdfium.PdfDocument, limits: PdfLimits) -> None:
    """Raise LabelError for a document without pages, with too many, or with a page too large to draw."""
    pages = len(document)
    if pages == 0:
        raise LabelError("The label PDF has no pages.")
    if pages > limits.max_pages:
        raise LabelError(f"The label PDF has {pages} pages, more than the limit of {limits.max_pages}.")
    # Every page's size is checked before any is rendered: a 5 x 5 m page would take gigabytes to draw.
    try:
        bounds.check_pdf_pages([document.get_page_size(index) for index in range(pages)])
    except bounds.LimitError as exc:
        raise LabelError(str(exc)) from None
    except pdfium.PdfiumError as exc:
        raise LabelError(f"The label PDF is corrupt and cannot be read ({exc}).") from exc


class _Scratch(threading.local):
    """Per-thread work buffers, reused from label to label.

    A fresh 2 MB array costs more to fault in than the numpy pass that fills it (measured ~0.7 ms per array at
    300 dpi against ~0.1 ms for the pass), so the render buffer and the temporaries of the 1-bit conversion are
    kept. Nothing returned to a caller ever points into them.
    """

    def __init__(self) -> None:
        self.render: ctypes.Array[ctypes.c_ubyte] | None = None
        self.arrays: dict[str, np.ndarray] = {}


_scratch = _Scratch()
# Larger buffers (a 600-dpi A4 sheet) are not kept: rare, and not worth holding on to.
_SCRATCH_MAX_BYTES = 16 * 1024 * 1024


def _scratch_array(slot: str, shape: tuple[int, ...], dtype: type) -> np.ndarray:
    """Return this thread's reusable array for `slot` with this shape; its contents are undefined."""
    size = int(np.prod(shape)) * np.dtype(dtype).itemsize
    if size > _SCRATCH_MAX_BYTES:
        return np.empty(shape, dtype=dtype)
    kept = _scratch.arrays.get(slot)
    if kept is None or kept.nbytes < size or kept.dtype != dtype:
        kept = _scratch.arrays[slot] = np.empty(size // np.dtype(dtype).itemsize, dtype=dtype)
    return kept[: int(np.prod(shape))].reshape(shape)


def _render_bitmap_maker(width: int, height: int, format: int, rev_byteorder: bool = False) -> pdfium.PdfBitmap:
    """Make PDFium's target bitmap in this thread's kept buffer (pypdfium2 would zero a new one per page)."""
    channels = {pdfium.raw.FPDFBitmap_Gray: 1, pdfium.raw.FPDFBitmap_BGR: 3}.get(format, 4)
    size = width * height * channels
    if size > _SCRATCH_MAX_BYTES:
        return pdfium.PdfBitmap.new_native(width, height, format, rev_byteorder)
    if _scratch.render is None or len(_scratch.render) < size:
        _scratch.render = (ctypes.c_ubyte * size)()
    return pdfium.PdfBitmap.new_native(width, height, format, rev_byteorder, buffer=_scratch.render)


def _render_gray(page: pdfium.PdfPage, scale: float, crop: tuple[float, float, float, float]) -> np.ndarray:
    """Render one page to 8-bit grey with every kind of anti-aliasing off, cropped, in the page's own orientation.

    The array lives in this thread's render buffer: it is valid until the next render on this thread.
    """
    # pypdfium2 sizes the bitmap with ceil(points * scale): shave float noise so 432 pt at 300 dpi is 1800 rows.
    scale *= 1 - 1e-9
    no_smoothing = {"no_smoothtext": True, "no_smoothpath": True, "no_smoothimage": True}
    bitmap = sheet.draw(
        page, scale, crop=crop, optimize_mode="print", bitmap_maker=_render_bitmap_maker, **no_smoothing
    )
    array = bitmap.to_numpy()
    if array.ndim == 3:
        # Grey rendering still yields BGR(x) for pages with transparency: take the luminance.
        array = (array[..., :3].astype(np.uint16) @ np.array([29, 150, 77], dtype=np.uint16) >> 8).astype(np.uint8)
    # Not turned here: PDFium's crop applies after its rotation, and turning 8-bit grey costs a transposing copy
    # of the whole page. The label is built in this orientation and only its 1-bit result is turned (to_label).
    return array


def _crop_of(region: sheet.PageBox, width: float, height: float) -> tuple[float, float, float, float]:
    """Return PDFium's (left, bottom, right, top) crop in points that keeps `region` of a width x height page."""
    return (region[0], height - region[3], width - region[2], region[1])


def _quadrant_crop(width: float, height: float, quadrant: int | None) -> tuple[float, float, float, float]:
    """Return the (left, bottom, right, top) crop in points that keeps one quarter of the sheet."""
    if quadrant is None:
        return (0.0, 0.0, 0.0, 0.0)
    return _crop_of(sheet.quarter_box(width, height, quadrant), width, height)


def _fit_scale(width: float, height: float, geometry: LabelGeometry) -> float:
    """Return the scale that fits width x height points on the label (turned as it would be), at most 1."""
    if _choose_rotation(width, height, geometry) in (90, 270):
        width, height = height, width
    native = geometry.dpi / POINTS_PER_INCH
    return min(geometry.width_dots / (width * native), geometry.length_dots / (height * native), 1.0)


def _label_region(
    page: pdfium.PdfPage, geometry: LabelGeometry, page_index: int, locate_barcodes: sheet.BarcodeLocator | None
) -> tuple[sheet.PageBox, str]:
    """Return the part of the page that is the label, and how it was found ("" for the whole page)."""
    width, height = page.get_size()
    # A page the label fits is no sheet: a position set for sheets (the desk keeps one in its settings, and
    # MyParcel sends A6 and A4 alike) must not cut a quarter out of an A6 label.
    if _fit_scale(width, height, geometry) >= SHEET_SCALE:
        return (0.0, 0.0, width, height), ""
    if geometry.quadrant is not None:
        return sheet.quarter_box(width, height, geometry.quadrant), ""
    placement = sheet.find_label(page, page_index + 1, locate_barcodes)
    box = placement.box
    if placement.inked is not None and _fit_scale(box[2] - box[0], box[3] - box[1], geometry) < NEAR_FULL_SIZE:
        for margin in sheet.NARROWER_MARGINS_MM:
            narrower = sheet.padded(placement.inked, margin, width, height)
            if _fit_scale(narrower[2] - narrower[0], narrower[3] - narrower[1], geometry) >= NEAR_FULL_SIZE:
                box = narrower
                break
    return box, placement.where


def _choose_rotation(content_w: float, content_h: float, geometry: LabelGeometry) -> int:
    if geometry.rotation != "auto":
        return int(geometry.rotation)
    page_landscape = content_w > content_h * 1.02
    page_portrait = content_h > content_w * 1.02
    media_landscape = geometry.width_dots > geometry.length_dots
    if (page_landscape and not media_landscape) or (page_portrait and media_landscape):
        return 90
    return 0


def _run_and(a: np.ndarray, k: int, axis: int) -> np.ndarray:
    """Return where the k cells starting at each index along `axis` are all True (length shrinks by k - 1)."""
    # Doubling: AND with a shifted copy covers 2, 4, 8... cells in log2(k) passes instead of k.
    out, covered = a, 1
    while covered < k:
        step = min(covered, k - covered)
        n = out.shape[axis] - step
        out = (out[:n] & out[step : step + n]) if axis == 0 else (out[:, :n] & out[:, step : step + n])
        covered += step
    return out


def _run_or(a: np.ndarray, k: int, axis: int) -> np.ndarray:
    """Return where any of the k cells starting at each index along `axis` is True (length shrinks by k - 1)."""
    out, covered = a, 1
    while covered < k:
        step = min(covered, k - covered)
        n = out.shape[axis] - step
        out = (out[:n] | out[step : step + n]) if axis == 0 else (out[:, :n] | out[:, step : step + n])
        covered += step
    return out


def _mid_grey(gray: np.ndarray) -> np.ndarray:
    """Return where the grey is neither near-white nor near-black (41..214): candidates for dithering.

    For 8-bit grey the result is a scratch array, valid until the next call on this thread.
    """
    if gray.dtype == np.uint8:
        # One wrapping subtraction and one compare instead of two compares and an AND: values below 41 wrap to
        # 215..255, so a single unsigned `< 174` keeps exactly 41..214.
        shifted = np.subtract(gray, np.uint8(41), out=_scratch_array("shifted", gray.shape, np.uint8))
        return np.less(shifted, np.uint8(174), out=_scratch_array("mid", gray.shape, bool))
    return (gray > 40) & (gray < 215)


def _is_mid_grey(gray: np.ndarray) -> np.ndarray:
    """Return where the grey is 41..214 as a new array (as _mid_grey, for small arrays: no scratch buffers)."""
    if gray.dtype == np.uint8:
        return (gray - np.uint8(41)) < np.uint8(174)
    return (gray > 40) & (gray < 215)


def _dither_region(gray: np.ndarray, min_size: int = 9) -> tuple[np.ndarray, int, int] | None:
    """Return (mask, top, left) of the large flat grey areas, the mask covering only their box; None if none."""
    k = min_size
    h, w = gray.shape
    if h < k or w < k:
        return None
    b = (k + 1) // 2
    found = _grey_blocks(gray, b)
    if found is None:
        return None
    (first_row, last_row, first_col, last_col), mid = found
    # A grey k x k box reaches at most k - b beyond the aligned block inside it.
    r0 = max(first_row * b - (k - b), 0)
    r1 = min((last_row + 1) * b + (k - b), h)
    c0 = max(first_col * b - (k - b), 0)
    c1 = min((last_col + 1) * b + (k - b), w)
    # Without the page's mid-grey map, it is built for this box only (a scratch array: used up below).
    region = mid[r0:r1, c0:c1] if mid is not None else _mid_grey(gray[r0:r1, c0:c1])
    # An area counts only where a whole min_size x min_size box around the pixel is mid-grey (an erosion):
    # bar edges, text and thin lines never are, so they keep a clean threshold.
    full = _run_and(_run_and(region, k, 0), k, 1)
    if not full.any():
        return None
    # Grow back by the box radius (a dilation) so the area's own edge pixels are dithered too, not thresholded
    # away. Box tops-lefts padded by k - 1 on both sides give each pixel of the region its k x k neighbourhood.
    padded = np.pad(full, k - 1)
    grown = _run_or(_run_or(padded, k, 0), k, 1)
    return grown & region, r0, c0


_BlockSpan = tuple[int, int, int, int]  # first row, last row, first column, last column, counted in blocks


def _grey_blocks(gray: np.ndarray, b: int) -> tuple[_BlockSpan, np.ndarray | None] | None:
    """Find the b x b blocks, aligned to multiples of b, that are all mid-grey.

    Return the span they cover and the page's mid-grey map when it had to be built (None when it was not);
    None when no block is all grey.
    """
    h, w = gray.shape
    # Every k x k grey box holds a whole b x b block aligned to multiples of b (b = ceil(k / 2)), whose top-left
    # pixel is on the grid of every b-th row and column. Only blocks whose top-left is mid-grey are candidates:
    # most labels (pure line art) have none and stop here, having read 1/b^2 of the page.
    rows_b, cols_b = h // b, w // b
    grid = gray[0 : rows_b * b : b, 0 : cols_b * b : b]
    candidates = _is_mid_grey(grid)
    if not candidates.any():  # np.nonzero of a 2-D array costs 5x this (0.14 ms at 300 dpi)
        return None
    cand_rows, cand_cols = np.divmod(np.flatnonzero(candidates), grid.shape[1])
    if cand_rows.size * 8 <= grid.size:
        # Few candidates (stray grey: anti-aliased logos, image edges): check just their blocks' b x b pixels,
        # not the whole page, and leave the page's mid-grey map unbuilt when none is all grey.
        span = _span_of_candidates(gray, cand_rows, cand_cols, b)
        return None if span is None else (span, None)
    # Much grey (a grey fill or a photo): a few strided ANDs over the page find the all-grey aligned blocks.
    mid = _mid_grey(gray)
    span = _span_of_grey_blocks(mid, rows_b, cols_b, b)
    return None if span is None else (span, mid)


def _span_of_candidates(gray: np.ndarray, cand_rows: np.ndarray, cand_cols: np.ndarray, b: int) -> _BlockSpan | None:
    """Return the span of the candidate blocks whose b x b pixels are all mid-grey; None if none is."""
    offsets = np.arange(b)
    block_pixels = gray[
        (cand_rows * b)[:, None, None] + offsets[None, :, None],
        (cand_cols * b)[:, None, None] + offsets[None, None, :],
    ]
    whole = _is_mid_grey(block_pixels).reshape(cand_rows.size, -1).all(axis=1)
    if not whole.any():
        return None
    block_rows, block_cols = cand_rows[whole], cand_cols[whole]
    return int(block_rows.min()), int(block_rows.max()), int(block_cols.min()), int(block_cols.max())


def _span_of_grey_blocks(mid: np.ndarray, rows_b: int, cols_b: int, b: int) -> _BlockSpan | None:
    """Return the span of the aligned b x b blocks that the mid-grey map holds whole; None if none."""
    blocks = mid[0 : rows_b * b : b]
    for i in range(1, b):
        blocks = blocks & mid[i : rows_b * b : b]
    blocks = blocks[:, : cols_b * b]
    cells = blocks[:, 0::b]
    for i in range(1, b):
        cells = cells & blocks[:, i::b]
    if not cells.any():
        return None
    any_rows = np.flatnonzero(cells.any(axis=1))
    any_cols = np.flatnonzero(cells.any(axis=0))
    return int(any_rows[0]), int(any_rows[-1]), int(any_cols[0]), int(any_cols[-1])


def grey_dither_mask(gray: np.ndarray, min_size: int = 9) -> np.ndarray:
    """Return where the image is a large flat grey area (to be dithered); bars and text stay out of it."""
    result = np.zeros(gray.shape, dtype=bool)
    found = _dither_region(gray, min_size)
    if found is not None:
        mask, r0, c0 = found
        result[r0 : r0 + mask.shape[0], c0 : c0 + mask.shape[1]] = mask
    return result


@cache
def _bayer_levels() -> np.ndarray:
    """Return the 8 x 8 ordered-dither thresholds in grey levels (built on first use: numpy loads lazily)."""
    bayer8 = np.array(
        [
            [0, 32, 8, 40, 2, 34, 10, 42],
            [48, 16, 56, 24, 50, 18, 58, 26],
            [12, 44, 4, 36, 14, 46, 6, 38],
            [60, 28, 52, 20, 62, 30, 54, 22],
            [3, 35, 11, 43, 1, 33, 9, 41],
            [51, 19, 59, 27, 49, 17, 57, 25],
            [15, 47, 7, 39, 13, 45, 5, 37],
            [63, 31, 55, 23, 61, 29, 53, 21],
        ],
        dtype=np.float32,
    )
    return (bayer8 + 0.5) * (255.0 / 64.0)


Box = tuple[int, int, int, int]  # rows r0:r1, columns c0:c1


def _unturned_box(box: Box, shape: tuple[int, int], turns: int) -> Box:
    """Map a box of np.rot90(a, -turns) (a turned clockwise) back onto `a`, whose shape is `shape`."""
    r0, r1, c0, c1 = box
    h, w = shape
    if turns == 1:  # turned[i, j] = a[h - 1 - j, i]
        return h - c1, h - c0, r0, r1
    if turns == 2:  # turned[i, j] = a[h - 1 - i, w - 1 - j]
        return h - r1, h - r0, w - c1, w - c0
    if turns == 3:  # turned[i, j] = a[j, w - 1 - i]
        return c0, c1, w - r1, w - r0
    return box


def _turned_box(box: Box, shape: tuple[int, int], turns: int) -> Box:
    """Map a box of `a` (shape `shape`) onto np.rot90(a, -turns): the inverse of _unturned_box."""
    r0, r1, c0, c1 = box
    h, w = shape
    if turns == 1:
        return c0, c1, h - r1, h - r0
    if turns == 2:
        return h - r1, h - r0, w - c1, w - c0
    if turns == 3:
        return w - c1, w - c0, r0, r1
    return box


def _one_bit_into(black: np.ndarray, gray: np.ndarray, turns: int, origin: tuple[int, int], threshold: int) -> None:
    """Write gray's 1-bit image into black (same shape and orientation): threshold, dither large flat grey areas.

    `turns` and `origin` say where gray's (0, 0) lands on the printed label once both are turned clockwise by
    `turns` quarters, so that the dither pattern stays tied to the label's origin whatever the page's orientation.
    """
    np.less(gray, threshold, out=black)
    found = _dither_region(gray)
    if found is None:
        return
    mask, r0, c0 = found
    # Dither only the box around the masked area; the Bayer phase follows the label's (turned) coordinates.
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    box = (r0 + int(rows[0]), r0 + int(rows[-1]) + 1, c0 + int(cols[0]), c0 + int(cols[-1]) + 1)
    sub = (slice(box[0] - r0, box[1] - r0), slice(box[2] - c0, box[3] - c0))
    window = (slice(box[0], box[1]), slice(box[2], box[3]))
    label_box = _turned_box(box, gray.shape, turns)
    # The page's box in the label's orientation starts here; turned views keep the writes going into `black`.
    top, left = origin[0] + label_box[0], origin[1] + label_box[2]
    turned_gray = np.rot90(gray[window], -turns)
    levels = _bayer_levels()[
        np.ix_(np.arange(top, top + turned_gray.shape[0]) % 8, np.arange(left, left + turned_gray.shape[1]) % 8)
    ]
    np.copyto(np.rot90(black[window], -turns), turned_gray < levels, where=np.rot90(mask[sub], -turns))


def to_one_bit(gray: np.ndarray, threshold: int = 128) -> np.ndarray:
    """Threshold line art and dither only large flat grey areas (the hybrid mask); True = black."""
    black = np.empty(gray.shape, dtype=bool)
    _one_bit_into(black, gray, 0, (0, 0), threshold)
    return black


def to_label(gray: np.ndarray, geometry: LabelGeometry, rotation: int, threshold: int = 128) -> tuple[np.ndarray, int]:
    """Place a page rendered in its own orientation onto the label turned clockwise by `rotation`, in 1 bit.

    Returns (bitmap, dots): the label's 1-bit image (True = black), centred across the head and top-aligned along
    the feed, and how many black dots of the page fell outside the label.
    """
    packed, width, lost = to_label_packed(gray, geometry, rotation, threshold)
    return np.unpackbits(packed, axis=1, count=width).view(bool), lost


def _pack_columns(rows_first: np.ndarray) -> np.ndarray:
    """Return the columns of a bool image as packed rows: out[c, k] holds rows 8k..8k+7 of column c, first high.

    Eight bools are eight bytes of 0 or 1: viewed as one uint64, eight rows' words shifted by 7..0 and ORed give,
    in each byte, that column's eight dots (no bit crosses a byte). That is one pass over an eighth of the words,
    then a transposing copy of an eighth of the bytes, instead of transposing every dot and packing after.
    """
    rows, cols = rows_first.shape
    rows8, cols8 = -(-rows // 8) * 8, -(-cols // 8) * 8
    if (rows, cols) == (rows8, cols8) and rows_first.strides[1] == 1:
        padded = rows_first.view(np.uint8)  # already whole words: read in place (to_label_packed lays it out so)
    else:
        padded = _scratch_array("pack", (rows8, cols8), np.uint8)
        padded[rows:] = 0
        padded[:rows, cols:] = 0
        np.copyto(padded[:rows, :cols], rows_first, casting="unsafe")
    words = padded.view(np.uint64).reshape(rows8 // 8, 8, cols8 // 8)
    acc = np.left_shift(words[:, 0], np.uint64(7))
    for bit in range(1, 8):
        acc |= np.left_shift(words[:, bit], np.uint64(7 - bit))
    by_column = acc.view(np.uint8).reshape(rows8 // 8, cols8)[:, :cols]
    return np.ascontiguousarray(by_column.T)


def to_label_packed(
    gray: np.ndarray, geometry: LabelGeometry, rotation: int, threshold: int = 128
) -> tuple[np.ndarray, int, int]:
    """As to_label, but return (packed rows as ^GFA takes them, dots per row, dots lost); see _pack_columns."""
    turns = (rotation // 90) % 4
    label_shape, dest, src, x0 = _page_on_label(gray.shape, geometry, turns)
    page = gray[src[0] : src[1], src[2] : src[3]]
    # Work in the page's orientation: thresholding and the dither mask read the render row by row, and the
    # white margins never need grey pixels (white is never black and never mid-grey).
    words, black = _label_canvas(label_shape, turns)
    # Only the margins around the page stay white: the page's own part is written whole below.
    for margin in _outside(dest, label_shape):
        black[margin] = False
    _one_bit_into(black[dest[0] : dest[1], dest[2] : dest[3]], page, turns, (0, x0), threshold)
    # The page's black dots that fall outside the label: counted in the strips cut off, not over the page twice.
    lost = sum(int(np.count_nonzero(gray[cut] < 128)) for cut in _outside(src, gray.shape))
    return _label_rows(words, black, turns, label_shape), geometry.width_dots, lost


def _page_on_label(
    shape: tuple[int, int], geometry: LabelGeometry, turns: int
) -> tuple[tuple[int, int], Box, Box, int]:
    """Place a page of `shape` (its own orientation) on the label turned clockwise by `turns` quarters.

    Returns the label's shape in the page's orientation, the box of it the page fills, the box of the page that
    is printed (both in the page's orientation), and the dot across the head where the page starts.
    """
    length, width = geometry.length_dots, geometry.width_dots
    h, w = shape if turns % 2 == 0 else shape[::-1]  # the page's size once turned
    # Centre across the head (labels are centred on the liner); top-align along the feed.
    x0 = max((width - w) // 2, 0) if w <= width else 0
    src_x0 = 0 if w <= width else (w - width) // 2
    copy_w = min(w, width)
    copy_h = min(h, length)
    label_shape = (length, width) if turns % 2 == 0 else (width, length)
    dest = _unturned_box((0, copy_h, x0, x0 + copy_w), label_shape, turns)
    src = _unturned_box((0, copy_h, src_x0, src_x0 + copy_w), shape, turns)
    return label_shape, dest, src, x0


def _label_canvas(label_shape: tuple[int, int], turns: int) -> tuple[np.ndarray, np.ndarray]:
    """Return (the buffer packed at the end, the label's 1-bit image within it) in the page's orientation.

    Turned, this image is only a step before _pack_columns: the thread's buffer is reused.
    """
    if turns % 2 == 0:
        black = _scratch_array("black", label_shape, bool) if turns else np.empty(label_shape, dtype=bool)
        return black, black
    # Laid out in whole 8 x 8 words for _pack_columns, the padding white: above the image for a clockwise turn
    # (its columns are read bottom-up, so the padding ends each label row), below it for the other; the padding
    # columns (beside the image, on the side read last) become label rows that are dropped.
    rows8, cols8 = -(-label_shape[0] // 8) * 8, -(-label_shape[1] // 8) * 8
    words = _scratch_array("black", (rows8, cols8), bool)
    if turns == 1:
        words[: rows8 - label_shape[0]] = False
        return words, words[rows8 - label_shape[0] :, : label_shape[1]]
    words[label_shape[0] :] = False
    return words, words[: label_shape[0], cols8 - label_shape[1] :]


def _label_rows(words: np.ndarray, black: np.ndarray, turns: int, label_shape: tuple[int, int]) -> np.ndarray:
    """Return the label's rows packed 8 dots to a byte, turning the page-oriented image by `turns` quarters."""
    if turns == 0:
        return np.packbits(black, axis=1)
    if turns == 2:
        return np.packbits(black[::-1, ::-1], axis=1)
    # A clockwise quarter turn makes each label row a page column read bottom-up; three quarters, a page
    # column read top-down, the last column first.
    label_rows = label_shape[1]
    if turns == 1:
        return _pack_columns(words[::-1])[:label_rows]
    return _pack_columns(words)[::-1][:label_rows].copy()


def _outside(box: Box, shape: tuple[int, int]) -> list[tuple[slice, slice]]:
    """Return the non-empty strips of an array of `shape` outside `box`: rows above and below, columns beside."""
    r0, r1, c0, c1 = box
    h, w = shape
    strips = [((0, r0), (0, w)), ((r1, h), (0, w)), ((r0, r1), (0, c0)), ((r0, r1), (c1, w))]
    return [(slice(a, b), slice(c, d)) for (a, b), (c, d) in strips if b > a and d > c]


@dataclass(frozen=True)
class _PagePlan:
    """How one page's label goes onto the printed label: turned, scaled, and the words notes use for it."""

    rotation: int
    scale: float
    what: str  # "Page 2 of the label", "The label in position 1 of page 1"
    page_mm: str  # the content's size once turned, "100 x 150 mm"
    label_mm: str
    notes: tuple[str, ...]


def rasterize_page(
    document: pdfium.PdfDocument,
    geometry: LabelGeometry,
    page_index: int,
    locate_barcodes: sheet.BarcodeLocator | None = None,
) -> Raster:
    """Render one page of an open document onto the label at the printer's dots.

    A page far larger than the label (an A4 sheet) without a chosen quadrant has its label found by itself
    (sheet.find_label; `locate_barcodes` lets it prefer the part that holds the page's barcodes).
    """
    page = document[page_index]
    try:
        page_w, page_h = page.get_size()
        region, found = _label_region(page, geometry, page_index, locate_barcodes)
        plan = _plan_page(region, found, page_index, geometry)
        gray = _render_gray(page, geometry.dpi / POINTS_PER_INCH * plan.scale, _crop_of(region, page_w, page_h))
    finally:
        page.close()
    packed, width, lost = to_label_packed(gray, geometry, plan.rotation)
    notes = plan.notes
    if lost:
        notes += (
            f"{plan.what} ({plan.page_mm}) is larger than the {plan.label_mm} label and is cropped: "
            f"{lost} printed dots fall outside it.",
        )
        log.warning(notes[-1])
    clipped = bool(lost)
    return Raster(packed, width, plan.scale, plan.rotation, clipped, notes, region, page_size=(page_w, page_h))


def _plan_page(region: sheet.PageBox, found: str, page_index: int, geometry: LabelGeometry) -> _PagePlan:
    """Decide how the page's `region` goes on the label: its turn and scale, and the notes that says.

    Raises LabelError when the label would print so small that it is no use (a sheet taken for a label).
    """
    content_w = region[2] - region[0]
    content_h = region[3] - region[1]
    rotation = _choose_rotation(content_w, content_h, geometry)
    if rotation in (90, 270):
        content_w, content_h = content_h, content_w
    native = geometry.dpi / POINTS_PER_INCH
    want_w, want_h = content_w * native, content_h * native
    over = want_w > geometry.width_dots + SLACK_DOTS or want_h > geometry.length_dots + SLACK_DOTS
    fit_scale = min(geometry.width_dots / want_w, geometry.length_dots / want_h, 1.0)
    page_mm = f"{content_w / POINTS_PER_INCH * MM_PER_INCH:.0f} x {content_h / POINTS_PER_INCH * MM_PER_INCH:.0f} mm"
    label_mm = f"{geometry.width_mm:.0f} x {geometry.length_mm:.0f} mm"
    what = f"The label in {found} of page {page_index + 1}" if found else f"Page {page_index + 1} of the label"
    if fit_scale < MIN_FIT_SCALE:
        hint = (
            " Choose the A4 position of the label (1-4) or ask the carrier for A6 labels."
            if geometry.quadrant is None
            else ""
        )
        raise LabelError(
            f"{what} is {page_mm}, far larger than the {label_mm} label: "
            f"it would print at {fit_scale:.0%} of its size.{hint}"
        )
    notes: list[str] = []
    if found:
        notes.append(f"Page {page_index + 1} is a sheet: printed only its label, found in {found}.")
    scale = fit_scale if over and geometry.layout == "fit" else 1.0
    if scale < FULL_SIZE:
        notes.append(f"{what} ({page_mm}) was scaled to {scale:.1%} to fit the {label_mm} label.")
    return _PagePlan(rotation, scale, what, page_mm, label_mm, tuple(notes))


def rasterize(pdf: bytes, geometry: LabelGeometry, page: int = 0, limits: PdfLimits = PdfLimits()) -> np.ndarray:
    """Return page `page` of the PDF as a 1-bit label image at the printer's dots (True = black)."""
    document = open_pdf(pdf, limits)
    try:
        if not 0 <= page < len(document):
            raise LabelError(f"The label PDF has {len(document)} pages; there is no page {page + 1}.")
        return rasterize_page(document, geometry, page).bitmap
    finally:
        document.close()


def render_pages_gray(pdf: bytes, dpi: int, limits: PdfLimits = PdfLimits()) -> list[np.ndarray]:
    """Render every page at `dpi` in 8-bit grey (anti-aliased, as a scanner would see the source)."""
    document = open_pdf(pdf, limits)
    try:
        images = []
        for page in document:
            try:
                images.append(page.render(scale=dpi / POINTS_PER_INCH, grayscale=True).to_numpy().squeeze())
            finally:
                page.close()
        return images
    finally:
        document.close()


# --- ^GFA encoding -----------------------------------------------------------------------------


def crc16_xmodem(data: bytes) -> int:
    """Return CRC-16/XMODEM (poly 0x1021, init 0, no reflection) of the bytes."""
    return binascii.crc_hqx(data, 0)


def z64_encode(raw: bytes, level: int = 2) -> str:
    """Return `:Z64:` + base64(zlib) + `:` + CRC-16/XMODEM of the base64 text, in upper-case hex."""
    # libdeflate writes a standard zlib stream (RFC 1950, what the printer inflates). Level 2 (greedy matching)
    # is 2-4x faster than level 7 on the sample labels (postnl 203 dpi 0.31 -> 0.16 ms, usps 300 dpi 2.6 -> 0.8 ms)
    # for 5-14% more bytes (postnl +0.8 KB, usps +1.6 KB of base64 at 203 dpi): the conversion is held to 1.5x
    # the bare render (issue 14 F), and ~1 KB more is under a millisecond even over USB full speed. Level 1 is
    # no faster and sometimes slower (postnl: 0.26 ms); zlib's level 1 is slower and 25% larger.
    encoded = base64.b64encode(deflate.zlib_compress(raw, level))
    return f":Z64:{encoded.decode('ascii')}:{crc16_xmodem(encoded):04X}"


def _acs_count(n: int) -> str:
    """Return the ACS repeat-count characters for n repeats (counts add: z = 400)."""
    out = []
    while n > 400:
        out.append("z")
        n -= 400
    tens, units = divmod(n, 20)
    if tens:
        out.append(chr(ord("g") + tens - 1))
    if units:
        out.append(chr(ord("G") + units - 1))
    return "".join(out)


def _acs_run_length(hex_row: str) -> str:
    out = []
    i, n = 0, len(hex_row)
    while i < n:
        ch = hex_row[i]
        j = i + 1
        while j < n and hex_row[j] == ch:
            j += 1
        run = j - i
        out.append(_acs_count(run) + ch if run > 2 else ch * run)
        i = j
    return "".join(out)


def acs_encode(raw: bytes, bytes_per_row: int) -> str:
    """Return ZPL compressed ASCII hex: G-Y/g-z repeat counts, `,` = rest of row zero, `:` = same row again."""
    rows = []
    previous: bytes | None = None
    for start in range(0, len(raw), bytes_per_row):
        row = raw[start : start + bytes_per_row]
        if row == previous:
            rows.append(":")
            continue
        previous = row
        stripped = row.rstrip(b"\x00")  # whole bytes only: a trailing zero nibble of a byte is data
        if not stripped:
            rows.append(",")
            continue
        text = _acs_run_length(stripped.hex().upper())
        rows.append(text + ("," if len(stripped) < len(row) else ""))
    return "".join(rows)


def graphic_data(raw: bytes, bytes_per_row: int, encoding: str) -> str:
    """Return the data part of a ^GFA field in the chosen encoding."""
    if encoding == "z64":
        return z64_encode(raw)
    if encoding == "acs":
        return acs_encode(raw, bytes_per_row)
    if encoding == "hex":
        return raw.hex().upper()
    raise ValueError(f"Unknown graphic encoding {encoding!r}; use one of {', '.join(ENCODINGS)}.")


def encode_gfa(bitmap: np.ndarray, encoding: str = "z64", max_field_bytes: int = MAX_FIELD_BYTES) -> str:
    """Return the bitmap (True = black) as `^FO0,y^GFA,...^FS` bands of at most 99,999 bytes each."""
    if bitmap.ndim != 2 or bitmap.size == 0:
        raise ValueError("The bitmap must be a non-empty 2-D array.")
    # asarray, not astype: our bitmaps are bool already, and a 2 MB copy per label costs ~0.5 ms.
    return encode_packed(np.packbits(np.asarray(bitmap, dtype=bool), axis=1), encoding, max_field_bytes)


def encode_packed(packed: np.ndarray, encoding: str = "z64", max_field_bytes: int = MAX_FIELD_BYTES) -> str:
    """As encode_gfa, for rows already packed 8 dots to a byte (first dot in the high bit, 1 = black)."""
    if encoding not in ENCODINGS:
        raise ValueError(f"Unknown graphic encoding {encoding!r}; use one of {', '.join(ENCODINGS)}.")
    rows, bytes_per_row = packed.shape
    rows_per_band = max_field_bytes // bytes_per_row
    if rows_per_band < 1:
        raise ValueError(f"A row of {bytes_per_row} bytes does not fit a ^GF field of {max_field_bytes} bytes.")
    fields = []
    for y in range(0, rows, rows_per_band):
        band = packed[y : y + rows_per_band]
        raw = band.tobytes()
        data = graphic_data(raw, bytes_per_row, encoding)
        fields.append(f"^FO0,{y}^GFA,{len(raw)},{len(raw)},{bytes_per_row},{data}^FS")
    return "\n".join(fields)


def frame_label(graphic: str, geometry: LabelGeometry, frame: PrintFrame = PrintFrame()) -> str:
    """Wrap graphic fields in one label format with the printer's settings."""
    lines = ["^XA"]
    if frame.darkness >= 0:
        lines.append(f"~SD{frame.darkness:02d}")
    settings = [f"^PW{geometry.width_dots}", f"^LL{geometry.length_dots}", "^LH0,0"]
    if frame.offset_x:
        settings.append(f"^LS{frame.offset_x}")
    if frame.offset_y:
        settings.append(f"^LT{frame.offset_y}")
    if frame.speed > 0:
        settings.append(f"^PR{frame.speed}")
    if frame.media_type:
        settings.append(f"^MT{frame.media_type}")
    if frame.media_tracking:
        settings.append(f"^MN{frame.media_tracking}")
    if frame.print_mode:
        settings.append(f"^MM{frame.print_mode}")
    lines.append("".join(settings))
    lines.append(graphic)
    lines.append(f"^PQ{frame.copies}")
    lines.append("^XZ")
    return "\n".join(lines) + "\n"


def convert(
    pdf: bytes,
    geometry: LabelGeometry,
    frame: PrintFrame = PrintFrame(),
    encoding: str = "z64",
    limits: PdfLimits = PdfLimits(),
    locate_barcodes: sheet.BarcodeLocator | None = None,
) -> Conversion:
    """Convert every page of the PDF into one ZPL label, keeping the bitmaps and notes.

    `locate_barcodes` (barcodes.locate) helps find the label on a sheet with print in more than one place.
    """
    if encoding not in ENCODINGS:
        raise ValueError(f"Unknown graphic encoding {encoding!r}; use one of {', '.join(ENCODINGS)}.")
    document = open_pdf(pdf, limits)
    try:
        rasters = [rasterize_page(document, geometry, index, locate_barcodes) for index in range(len(document))]
    finally:
        document.close()
    labels = [frame_label(encode_packed(r.packed, encoding), geometry, frame) for r in rasters]
    return Conversion(labels=labels, rasters=rasters)


def pdf_to_zpl(
    pdf: bytes, geometry: LabelGeometry, *, encoding: str = "z64", limits: PdfLimits = PdfLimits()
) -> list[str]:
    """Return one `^XA...^XZ` label per page of the PDF, without printer settings (convert takes a PrintFrame)."""
    return convert(pdf, geometry, encoding=encoding, limits=limits).labels


# --- the one PDFium thread ---------------------------------------------------------------------

P = ParamSpec("P")
T = TypeVar("T")


class PdfRenderer:
    """Owns the single worker thread that may call PDFium; every render in the app goes through one of these."""

    def __init__(self, limits: PdfLimits = PdfLimits()) -> None:
        self.limits = limits
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pdfium")

    async def run(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run fn on the PDFium thread and await its result."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, lambda: fn(*args, **kwargs))

    async def convert(
        self,
        pdf: bytes,
        geometry: LabelGeometry,
        frame: PrintFrame = PrintFrame(),
        encoding: str = "z64",
        locate_barcodes: sheet.BarcodeLocator | None = None,
    ) -> Conversion:
        """Convert the PDF to ZPL labels on the PDFium thread."""
        return await self.run(convert, pdf, geometry, frame, encoding, self.limits, locate_barcodes)

    async def pdf_to_zpl(self, pdf: bytes, geometry: LabelGeometry) -> list[str]:
        """Return one ZPL label per page (Z64, no printer settings: convert takes those), on the PDFium thread."""
        return (await self.convert(pdf, geometry)).labels

    async def rasterize(self, pdf: bytes, geometry: LabelGeometry, page: int = 0) -> np.ndarray:
        """Return one page as a 1-bit label image, rendered on the PDFium thread."""
        return await self.run(rasterize, pdf, geometry, page, self.limits)

    async def render_gray(self, pdf: bytes, dpi: int) -> list[np.ndarray]:
        """Render every page in grey at dpi on the PDFium thread (for the source barcode check)."""
        return await self.run(render_pages_gray, pdf, dpi, self.limits)

    def close(self) -> None:
        """Stop the worker thread once the jobs in flight are done."""
        self._executor.shutdown(wait=True)

    def __enter__(self) -> PdfRenderer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
