"""Draw the fields of carrier ZPL: text in a scalable font, Code 128, Code 39, DataMatrix and QR symbols.

Used by zpl_render. Glyphs need not match a Zebra's fonts (only their position and size matter for the
preview); barcodes must be exact, because the barcode check reads them back with zxing-cpp. Linear codes are
built here from the symbology tables so the module width, wide-to-narrow ratio and ZPL's Code 128 invocation
codes (`>;` start C, `>8` FNC1, ...) are honoured; 2-D codes come from zxing-cpp's own writer.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import TYPE_CHECKING

from packstation.printing.lazy import lazy

if TYPE_CHECKING:
    import numpy as np
    import zxingcpp
    from PIL import Image, ImageDraw, ImageFont
else:
    np = lazy("numpy", globals(), "np")
    zxingcpp = lazy("zxingcpp", globals(), "zxingcpp")
    Image = lazy("PIL.Image", globals(), "Image")
    ImageDraw = lazy("PIL.ImageDraw", globals(), "ImageDraw")
    ImageFont = lazy("PIL.ImageFont", globals(), "ImageFont")


class FieldError(ValueError):
    """A field's data cannot be drawn as its symbology (a character Code 39 lacks, a bad QR header)."""


# --- Code 128 ----------------------------------------------------------------------------------------------

# Bar/space widths of the 107 Code 128 symbols (value 0-105, then the stop), ISO/IEC 15417 table 1.
CODE128_PATTERNS: tuple[str, ...] = tuple(
    (
        "212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 122132 "
        "122231 113222 123122 123221 223211 221132 221231 213212 223112 312131 311222 321122 321221 312212 "
        "322112 322211 212123 212321 232121 111323 131123 131321 112313 132113 132311 211313 231113 231311 "
        "112133 112331 132131 113123 113321 133121 313121 211331 231131 213113 213311 213131 311123 311321 "
        "331121 312113 312311 332111 314111 221411 431111 111224 111422 121124 121421 141122 141221 112214 "
        "112412 122114 122411 142112 142211 241211 221114 413111 241112 134111 111242 121142 121241 114212 "
        "124112 124211 411212 421112 421211 212141 214121 412121 111143 111341 131141 114113 114311 411113 "
        "411311 113141 114131 311141 411131 211412 211214 211232 2331112"
    ).split()
)
CODE_C, CODE_B, CODE_A, FNC1 = 99, 100, 101, 102
START = {"A": 103, "B": 104, "C": 105}
# ZPL ^BC invocation codes: `>` and one character stand for a Code 128 value (ZPL II manual, table for ^BC).
_INVOCATION_VALUES = {"<": 62, "0": 30, "=": 94, "1": 95, "2": 96, "3": 97, "4": 98, "5": 99, "6": 100, "7": 101}
_INVOCATION_STARTS = {"9": "A", ":": "B", ";": "C"}


def _value_in(subset: str, ch: str) -> int:
    code = ord(ch)
    if subset == "A":
        if code < 32:
            return code + 64
        if code < 96:
            return code - 32
    elif subset == "B" and 32 <= code < 128:
        return code - 32
    raise FieldError(f"Code 128 subset {subset} cannot hold {ch!r}.")


# The symbol that switches to each subset inside a symbol, and the subset each switching value leads to.
_SWITCH_TO = {"A": CODE_A, "B": CODE_B, "C": CODE_C}
_SWITCHED_BY = {CODE_A: "A", CODE_B: "B", CODE_C: "C"}


def _enter(values: list[int], subset: str | None, wanted: str) -> str:
    """Append what starts (no subset yet) or switches to `wanted` unless already in it; return `wanted`."""
    if subset != wanted:
        values.append(START[wanted] if subset is None else _SWITCH_TO[wanted])
    return wanted


def _digit_run(text: str, start: int) -> int:
    """Return how many digits follow one another in `text` from `start`."""
    end = start
    while end < len(text) and text[end].isdigit():
        end += 1
    return end - start


def _auto_values(text: str, values: list[int], subset: str | None) -> str:
    """Append `text` choosing subset C for runs of 4+ digits and B (A for control characters) otherwise."""
    i = 0
    while i < len(text):
        run = _digit_run(text, i)
        if run >= 4 or (subset == "C" and run >= 2):
            subset = _enter(values, subset, "C")
            run -= run % 2
            values.extend(int(text[j : j + 2]) for j in range(i, i + run, 2))
            i += run
            continue
        ch = text[i]
        subset = _enter(values, subset, "A" if ord(ch) < 32 else "B")
        values.append(_value_in(subset, ch))
        i += 1
    return subset or "B"


def code128_values(data: str, mode: str = "N") -> list[int]:
    """Return the Code 128 values (start symbol first, no check or stop) of ^BC field data.

    Mode N reads ZPL's invocation codes; without a start code the symbol starts in subset B, as a Zebra does.
    Mode A chooses the subsets itself; mode D is GS1-128 (FNC1 first, application identifiers in parentheses
    are only marks).
    """
    values: list[int] = []
    if mode == "D":
        values.extend([START["C"], FNC1])
        _auto_values(data.replace("(", "").replace(")", ""), values, "C")
    elif mode == "A":
        _auto_values(data, values, None)
    else:
        _invoked_values(data, values)
    return values


def _invoked_values(data: str, values: list[int]) -> None:
    """Append the values of ^BC data in mode N: subsets as its invocation codes say, starting in B."""
    subset = "B"
    i = 0
    if data[:1] == ">" and data[1:2] in _INVOCATION_STARTS:
        subset = _INVOCATION_STARTS[data[1]]
        i = 2
    values.append(START[subset])
    while i < len(data):
        if data[i] == ">" and i + 1 < len(data):
            subset = _invoke(data[i + 1], subset, values)
            i += 2
        elif subset == "C":
            i, subset = _subset_c_pair(data, i, values)
        else:
            values.append(_value_in(subset, data[i]))
            i += 1


def _invoke(code: str, subset: str, values: list[int]) -> str:
    """Append the value of invocation code `>code`; return the subset the symbol is in after it."""
    if code == "8":
        values.append(FNC1)
        return subset
    if code in _INVOCATION_STARTS:  # a start code inside the data switches subset
        target = _INVOCATION_STARTS[code]
        values.append(_SWITCH_TO[target])
        return target
    if code not in _INVOCATION_VALUES:
        raise FieldError(f"Unknown Code 128 invocation code >{code}.")
    value = _INVOCATION_VALUES[code]
    values.append(value)
    # Switches: 99 is CODE C; 100 is CODE B outside B (FNC4 in B); 101 is CODE A outside A (FNC4 in A).
    return _SWITCHED_BY.get(value, subset)


def _subset_c_pair(data: str, i: int, values: list[int]) -> tuple[int, str]:
    """In subset C, append the digit pair at `i`, or leave for B; return where to go on and the subset."""
    pair = data[i : i + 2]
    if len(pair) == 2 and pair.isdigit():
        values.append(int(pair))
        return i + 2, "C"
    # A Zebra leaves subset C for an odd last digit or a non-digit.
    values.append(CODE_B)
    return i, "B"


def code128_text(data: str, mode: str = "N") -> str:
    """Return the human-readable line of ^BC data (invocation codes removed)."""
    if mode != "N":
        return data
    out = []
    i = 0
    while i < len(data):
        if data[i] == ">" and i + 1 < len(data):
            out.append({"<": "^", "0": ">", "=": "~"}.get(data[i + 1], ""))
            i += 2
        else:
            out.append(data[i])
            i += 1
    return "".join(out)


def code128_row(values: list[int], module: int) -> np.ndarray:
    """Return one row of the symbol (True = bar) for these values, adding the check symbol and the stop."""
    check = (values[0] + sum(i * v for i, v in enumerate(values[1:], start=1))) % 103
    widths: list[int] = []
    for value in [*values, check]:
        widths.extend(int(w) for w in CODE128_PATTERNS[value])
    widths.extend(int(w) for w in CODE128_PATTERNS[106])
    return _bars(widths, module)


def _bars(widths: list[int] | list[float], unit: float) -> np.ndarray:
    """Alternate bar/space runs of `widths` units (first is a bar) into a bool row."""
    sizes = [max(1, round(w * unit)) for w in widths]
    row = np.zeros(sum(sizes), dtype=bool)
    x = 0
    for index, size in enumerate(sizes):
        if index % 2 == 0:
            row[x : x + size] = True
        x += size
    return row


# --- Code 39 -----------------------------------------------------------------------------------------------

CODE39_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%*"
# Per character of CODE39_CHARS: its 9 elements (bar, space, ...), 1 = wide.
CODE39_PATTERNS: tuple[str, ...] = tuple(
    (
        "000110100 100100001 001100001 101100000 000110001 100110000 001110000 000100101 100100100 001100100 "
        "100001001 001001001 101001000 000011001 100011000 001011000 000001101 100001100 001001100 000011100 "
        "100000011 001000011 101000010 000010011 100010010 001010010 000000111 100000110 001000110 000010110 "
        "110000001 011000001 111000000 010010001 110010000 011010000 010000101 110000100 011000100 010101000 "
        "010100010 010001010 000101010 010010100"
    ).split()
)


def code39_row(data: str, module: int, ratio: float, with_check: bool = False) -> np.ndarray:
    """Return one row of a Code 39 symbol, start/stop `*` added, wide elements `ratio` times the narrow."""
    text = data.upper()
    bad = sorted({ch for ch in text if ch not in CODE39_CHARS[:-1]})
    if bad:
        raise FieldError(f"Code 39 cannot hold {''.join(bad)!r}.")
    if with_check:
        text += CODE39_CHARS[sum(CODE39_CHARS.index(ch) for ch in text) % 43]
    widths: list[float] = []
    for ch in f"*{text}*":
        widths.extend(ratio if bit == "1" else 1.0 for bit in CODE39_PATTERNS[CODE39_CHARS.index(ch)])
        widths.append(1.0)  # the gap between characters: one narrow space
    widths.pop()
    return _bars(widths, module)


def code39_text(data: str, with_check: bool = False) -> str:
    text = data.upper()
    if with_check:
        text += CODE39_CHARS[sum(CODE39_CHARS.index(ch) for ch in text) % 43]
    return f"*{text}*"


# --- 2-D symbols -------------------------------------------------------------------------------------------


def _matrix(barcode: zxingcpp.Barcode) -> np.ndarray:
    image = np.asarray(barcode.to_image(scale=1, add_quiet_zones=False))
    if image.ndim == 3:
        image = image[..., 0]
    return image < 128


def datamatrix_modules(data: str) -> np.ndarray:
    """Return the modules of an ECC 200 DataMatrix (True = dark)."""
    try:
        return _matrix(zxingcpp.create_barcode(data, zxingcpp.BarcodeFormat.DataMatrix))
    except Exception as exc:  # zxing-cpp raises its own error types for data it cannot encode
        raise FieldError(f"DataMatrix cannot hold this data ({exc}).") from exc


def qr_modules(data: str, ec_level: str = "M") -> np.ndarray:
    """Return the modules of a QR Code (True = dark)."""
    try:
        return _matrix(zxingcpp.create_barcode(data, zxingcpp.BarcodeFormat.QRCode, ec_level=ec_level))
    except Exception as exc:
        raise FieldError(f"QR Code cannot hold this data ({exc}).") from exc


def pdf417_modules(data: str, compact: bool = False) -> np.ndarray:
    """Return the modules of a PDF417 (or truncated, ^B7's t=Y) symbol, one array row per symbol row."""
    symbology = zxingcpp.BarcodeFormat.CompactPDF417 if compact else zxingcpp.BarcodeFormat.PDF417
    try:
        image = _matrix(zxingcpp.create_barcode(data, symbology))
    except Exception as exc:
        raise FieldError(f"PDF417 cannot hold this data ({exc}).") from exc
    # zxing-cpp draws every row several modules tall: keep one line of each.
    changes = np.flatnonzero((image[1:] != image[:-1]).any(axis=1)) + 1
    runs = np.diff(np.concatenate(([0], changes, [image.shape[0]])))
    return image[:: int(runs.min())] if runs.size else image


def ellipse(width: int, height: int, border: int) -> np.ndarray:
    """Return an ellipse ring (or a filled one when the border reaches the middle) in a width x height box."""
    width, height = max(1, width), max(1, height)
    yy, xx = np.mgrid[0:height, 0:width]
    rx, ry = width / 2, height / 2
    dx, dy = (xx + 0.5 - rx), (yy + 0.5 - ry)
    outer = (dx / rx) ** 2 + (dy / ry) ** 2 <= 1.0
    irx, iry = rx - border, ry - border
    if irx <= 0 or iry <= 0:
        return outer
    return outer & ~((dx / irx) ** 2 + (dy / iry) ** 2 < 1.0)


def diagonal(width: int, height: int, border: int, leaning: str = "R") -> np.ndarray:
    """Return ^GD's diagonal line: `R` rises to the right (/), `L` falls to the right (\\)."""
    width, height, border = max(1, width), max(1, height), max(1, border)
    out = np.zeros((height, width), dtype=bool)
    span = max(0, width - border)
    for row in range(height):
        step = row if leaning == "L" else height - 1 - row
        left = round(step * span / max(1, height - 1))
        out[row, left : left + border] = True
    return out


def scale(modules: np.ndarray, size: int) -> np.ndarray:
    """Return the module matrix with each module `size` dots square."""
    size = max(1, size)
    return np.kron(modules, np.ones((size, size), dtype=bool)).astype(bool)


# --- text --------------------------------------------------------------------------------------------------

# Cell height and width (dots at 203 dpi) of the Zebra bitmap fonts, used when ^A gives no size.
BITMAP_FONT_SIZES = {
    "A": (9, 5),
    "B": (11, 7),
    "C": (18, 10),
    "D": (18, 10),
    "E": (28, 15),
    "F": (26, 13),
    "G": (60, 40),
    "H": (21, 13),
    "P": (20, 18),
    "Q": (28, 24),
    "R": (35, 31),
    "S": (40, 35),
    "T": (48, 42),
    "U": (59, 53),
    "V": (80, 71),
}
SCALABLE_DEFAULT = (15, 12)


MAX_TEXT_HEIGHT = 1500  # dots: 7 inches at 203 dpi, far above any label text
MAX_TEXT_LENGTH = 8000
# Capitals of Zebra's font 0 stand about 0.72 of the cell height, just under the field origin.
CAP_HEIGHT = 0.72
TOP_GAP = 0.05


@functools.lru_cache(maxsize=64)
def _font(cell_height: int) -> ImageFont.FreeTypeFont:
    """Pillow's bundled scalable font sized so its capitals are as tall as a Zebra's in this cell height."""
    probe = ImageFont.load_default(size=100)
    _left, top, _right, bottom = probe.getbbox("H")
    size = max(1, round(cell_height * CAP_HEIGHT * 100 / max(1, bottom - top)))
    font = ImageFont.load_default(size=size)
    if not isinstance(font, ImageFont.FreeTypeFont):  # a Pillow built without FreeType has no scalable font
        raise FieldError("Text cannot be drawn: this Pillow has no FreeType support.")
    return font


def _drawable(text: str) -> str:
    """Pillow's bundled font is ASCII only: accented letters are drawn as their base letter (same width)."""
    if text.isascii():
        return text
    out = []
    for ch in text:
        base = unicodedata.normalize("NFKD", ch)[:1]
        out.append(ch if ch.isascii() or not base.isascii() else base)
    return "".join(out)


def text_image(text: str, height: int, width: int = 0) -> tuple[np.ndarray, int]:
    """Return the text drawn for a `height`-dot ZPL cell (True = black) and its baseline row.

    `width` is ZPL's character width: 0 keeps the font's own proportions, otherwise the text is stretched by
    width / height, as a Zebra stretches its scalable font.
    """
    height = min(max(1, height), MAX_TEXT_HEIGHT)
    font = _font(height)
    text = _drawable(text)
    ascent, descent = font.getmetrics()
    # Text running beyond any label is cut before Pillow draws it (it renders the whole run at once).
    full = font.getlength(text)
    if full > MAX_TEXT_LENGTH:
        text = text[: int(len(text) * MAX_TEXT_LENGTH / full) + 1]
    length = min(max(1, int(np.ceil(full)) + 1), MAX_TEXT_LENGTH)
    image = Image.new("L", (length, ascent + descent), 255)
    ImageDraw.Draw(image).text((0, 0), text, font=font, fill=0)
    if width and width != height:
        # ZPL widths are of the character cell; stretch the run of text by the same factor.
        factor = width / height
        stretched = min(max(1, round(length * factor)), MAX_TEXT_LENGTH)
        image = image.resize((stretched, ascent + descent))
    bitmap = np.asarray(image) < 128
    # The font's own leading above the capitals is cut so they start just below the origin (never ink).
    box = font.getbbox("H")
    cap_top = int(ascent - (box[3] - box[1]))
    inked = np.flatnonzero(bitmap.any(axis=1))
    cut = max(0, min(cap_top - round(TOP_GAP * height), int(inked[0]) if inked.size else cap_top))
    return bitmap[cut:], ascent - cut


def wrap(text: str, block_width: int, height: int, width: int) -> list[str]:
    """Break text into the lines of a ^FB block `block_width` dots wide (`\\&` forces a break)."""
    lines: list[str] = []
    for paragraph in text.split("\\&"):
        current = ""
        for word in paragraph.split(" "):
            trial = f"{current} {word}" if current else word
            if current and text_image(trial, height, width)[0].shape[1] > block_width:
                lines.append(current)
                current = word
            else:
                current = trial
        lines.append(current)
    return lines
