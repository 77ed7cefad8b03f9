"""Render ZPL to images: the preview shows exactly what is sent, the barcode check reads it, tests check it.

Interprets what the app itself emits (^GFA in hex, ACS and Z64 with its CRC, frame commands) and the label
subset carriers' own ZPL is made of (text, boxes, Code 128 / Code 39 / DataMatrix / QR, reverse fields; see
`render`). Every other command is listed in `unsupported_commands`, never silently skipped.
"""

from __future__ import annotations

import base64
import binascii
import io
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from packstation.domain import limits
from packstation.printing import zpl_fields
from packstation.printing.lazy import lazy

if TYPE_CHECKING:
    import numpy as np
    from PIL import Image
else:
    np = lazy("numpy", globals(), "np")
    Image = lazy("PIL.Image", globals(), "Image")

# The commands packstation's own ZPL is made of; anything else in a job did not come from the app.
APP_COMMANDS: frozenset[str] = frozenset(
    {"^XA", "^XZ", "^PW", "^LL", "^LH", "^LS", "^LT", "^PR", "^MT", "^MN", "^MM", "~SD", "^FO", "^GF", "^FS", "^PQ"}
)
# Drawn by `render` (or without effect on the image); commands outside this set are reported.
RENDERED_COMMANDS: frozenset[str] = APP_COMMANDS | {
    "~DG", "^XG", "^GB", "^FX", "^LR", "^CI", "^PO", "^A", "^CF", "^FW", "^BY", "^FT", "^FR", "^FH", "^FB",
    "^FD", "^FV", "^BC", "^B3", "^BX", "^BQ", "^B7", "^GC", "^GD", "^GE", "^MD", "^PF",
}  # fmt: skip
# What a carrier's own ZPL may hold to be printed as sent: the drawn commands, without downloads to the
# printer's memory (~DG) or recalls of what is stored there (^XG).
CARRIER_COMMANDS: frozenset[str] = RENDERED_COMMANDS - {"~DG", "^XG"}

_COMMAND = re.compile(r"[\^~]([A-Za-z@][A-Za-z0-9@]|[A-Za-z])")


class ZplRenderError(ValueError):
    """The ZPL cannot be rendered as a printer would (bad graphic data, wrong CRC)."""


@dataclass
class RenderResult:
    """One image per ^XA...^XZ label (True = black) and the commands that were not drawn."""

    images: list[np.ndarray] = field(default_factory=list)
    unsupported_commands: tuple[str, ...] = ()

    def png(self, index: int = 0) -> bytes:
        """Return label `index` as a 1-bit PNG."""
        return bitmap_to_png(self.images[index])


def bitmap_to_png(bitmap: np.ndarray) -> bytes:
    """Return a 1-bit bitmap (True = black) as PNG bytes."""
    image = Image.fromarray(~bitmap.astype(bool))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def tokenize(zpl: str) -> list[tuple[str, str]]:
    """Split ZPL into (command, parameters); ^A's font letter stays in the parameters."""
    tokens: list[tuple[str, str]] = []
    positions = [m.start() for m in re.finditer(r"[\^~]", zpl)]
    for i, start in enumerate(positions):
        end = positions[i + 1] if i + 1 < len(positions) else len(zpl)
        chunk = zpl[start:end]
        if chunk[1:2] in ("A", "a"):
            # ^Afo,h,w: the font name is one character right after ^A, so "^A0" is ^A with font 0.
            tokens.append((chunk[:2].upper(), chunk[2:]))
            continue
        match = _COMMAND.match(chunk)
        if not match:
            tokens.append((chunk[:2], chunk[2:]))
            continue
        name = chunk[0] + match.group(1).upper()
        tokens.append((name, chunk[match.end() :]))
    return tokens


def allowed_commands_only(zpl: str, allowed: frozenset[str] = APP_COMMANDS) -> tuple[str, ...]:
    """Return the commands in the ZPL outside `allowed` (by default: those the app never emits)."""
    return tuple(dict.fromkeys(name for name, _ in tokenize(zpl) if name not in allowed))


# --- graphic data ------------------------------------------------------------------------------


def crc16_xmodem(data: bytes) -> int:
    """Return CRC-16/XMODEM (poly 0x1021, init 0) of the bytes."""
    return binascii.crc_hqx(data, 0)


def _decode_b64_family(data: str, kind: str) -> bytes:
    body = data[5:]
    text, sep, crc = body.rpartition(":")
    if not sep:
        raise ZplRenderError(f"{kind} graphic data has no ':CRC' at the end.")
    text = "".join(text.split())
    crc = crc.strip()
    expected = crc16_xmodem(text.encode("ascii"))
    if not re.fullmatch(r"[0-9A-Fa-f]{4}", crc):
        raise ZplRenderError(f"{kind} graphic data ends in {crc!r}, not a 4-digit hex CRC.")
    if int(crc, 16) != expected:
        raise ZplRenderError(
            f"{kind} graphic data has CRC {crc.upper()} but its content gives {expected:04X}: "
            "a printer would drop this label."
        )
    try:
        raw = base64.b64decode(text, validate=True)
    except binascii.Error as exc:
        raise ZplRenderError(f"{kind} graphic data is not valid base64 ({exc}).") from exc
    if kind == "Z64":
        # Inflated at most to the largest graphic there is (plus one byte to notice more): a few kilobytes of
        # Z64 can otherwise expand to gigabytes.
        inflater = zlib.decompressobj()
        try:
            out = inflater.decompress(raw, limits.MAX_GRAPHIC_BYTES + 1)
        except zlib.error as exc:
            raise ZplRenderError(f"Z64 graphic data is not a zlib stream ({exc}).") from exc
        if len(out) > limits.MAX_GRAPHIC_BYTES:
            raise ZplRenderError(f"Z64 graphic data inflates to more than {limits.MAX_GRAPHIC_BYTES:,} bytes.")
        return out
    return raw


def _acs_count(ch: str) -> int:
    if "G" <= ch <= "Y":
        return ord(ch) - ord("G") + 1
    return (ord(ch) - ord("g") + 1) * 20


# One step of compressed ASCII hex: repeat counts (G-Y, g-z) and what they apply to, a hex digit (then the plain
# digits after it, read as one run), a row end (`,` white, `!` black), the last row again (`:`), or anything else.
_HEX_STEP = re.compile(r"([G-Yg-z]*)(?:([0-9A-Fa-f])([0-9A-Fa-f]*)|([,!])|(:)|([^G-Yg-z]))", re.S)
_NO_SPACE = str.maketrans("", "", " \r\n\t")
_ROW_FILLS = {",": "0", "!": "F"}  # the rest of the row white (`,`) or black (`!`)


class _HexRows:
    """The rows of hex digits of a ^GF graphic, built as its (compressed) ASCII hex is read."""

    def __init__(self, row_chars: int, rows_needed: int) -> None:
        self.row_chars = row_chars
        self.rows_needed = rows_needed
        self.rows: list[str] = []
        self.current: list[str] = []
        self.filled = 0  # hex digits in the current row
        self.previous = "0" * row_chars

    @property
    def complete(self) -> bool:
        return len(self.rows) >= self.rows_needed

    def read(self, step: re.Match[str]) -> None:
        """Take one _HEX_STEP of the data."""
        counts, digit, plain, fill, again, other = step.groups()
        if digit:
            self.repeat(digit, sum(map(_acs_count, counts)) if counts else 1)
            self.add(plain)
        elif fill:
            self.end_row(_ROW_FILLS[fill])
        elif again:
            if self.filled:  # a row begun is ended white first
                self.end_row("0")
            self.rows.append(self.previous)
        else:
            raise ZplRenderError(f"Unexpected character {other!r} in ^GF hex graphic data.")

    def end_row(self, fill: str) -> None:
        row = "".join(self.current) + fill * (self.row_chars - self.filled)
        self.rows.append(row)
        self.previous = row
        self.current, self.filled = [], 0

    def repeat(self, digit: str, count: int) -> None:
        """Add `count` of the hex digit, across rows, but never beyond the rows needed."""
        self.add(digit * min(count, (self.rows_needed - len(self.rows)) * self.row_chars))

    def add(self, digits: str) -> None:
        """Add these hex digits, across rows, until the rows needed are there."""
        while digits and not self.complete:
            part = digits[: self.row_chars - self.filled]
            self.current.append(part)
            self.filled += len(part)
            digits = digits[len(part) :]
            if self.filled == self.row_chars:
                self.end_row("0")


def _decode_ascii_hex(data: str, total: int, bytes_per_row: int) -> bytes:
    """Decode plain or compressed ASCII hex (G-Y, g-z counts; `,` `!` fill the row; `:` repeats it)."""
    # Rows beyond the declared size are never used (the result is cut to `total`): stop there, or a run of repeat
    # counts ("zzzz...") would build gigabytes of rows first. White space may stand anywhere and means nothing.
    rows = _HexRows(bytes_per_row * 2, -(-total // bytes_per_row))
    for step in _HEX_STEP.finditer(data.translate(_NO_SPACE)):
        if rows.complete:
            break
        rows.read(step)
    if rows.filled:
        rows.end_row("0")
    raw = bytes.fromhex("".join(rows.rows))
    if len(raw) < total:
        raise ZplRenderError(f"^GF graphic data has {len(raw)} bytes, the field declares {total}.")
    return raw[:total]


def decode_graphic(data: str, total: int, bytes_per_row: int) -> np.ndarray:
    """Return ^GF/~DG graphic data (hex, ACS, :B64: or :Z64:) as a bool array, True = black."""
    if bytes_per_row <= 0 or total <= 0:
        raise ZplRenderError(f"^GF declares {total} bytes at {bytes_per_row} bytes per row.")
    _check_graphic_size(total, bytes_per_row)
    data = data.strip()
    if data.startswith(":Z64:"):
        raw = _decode_b64_family(data, "Z64")
    elif data.startswith(":B64:"):
        raw = _decode_b64_family(data, "B64")
    else:
        raw = _decode_ascii_hex(data, total, bytes_per_row)
    if len(raw) != total:
        raise ZplRenderError(f"^GF graphic data holds {len(raw)} bytes, the field declares {total}.")
    if total % bytes_per_row:
        raise ZplRenderError(f"^GF byte count {total} is not a whole number of {bytes_per_row}-byte rows.")
    rows = np.frombuffer(raw, dtype=np.uint8).reshape(-1, bytes_per_row)
    return np.unpackbits(rows, axis=1).astype(bool)


# --- rendering ---------------------------------------------------------------------------------


# No label is longer or wider than this (39 inches at 203 dpi): sizes and positions beyond it are cut, so a
# hostile ^GB32000,32000 or ^FO30000,30000 cannot ask for gigabytes.
MAX_DOTS = 8000


def _param(params: list[str], index: int, default: str) -> str:
    """Return a command's parameter `index`, or `default` when it is absent or empty."""
    return (params[index] if index < len(params) else "") or default


def _ints(params: str, count: int, defaults: tuple[int, ...]) -> list[int]:
    parts = params.split(",")
    values = []
    for i in range(count):
        text = parts[i].strip() if i < len(parts) else ""
        try:
            value = int(text) if text else defaults[i]
        except ValueError:
            value = defaults[i]
        values.append(min(max(value, -MAX_DOTS), MAX_DOTS))
    return values


# Commands with no effect on the picture of one label (media handling, print speed, counts).
NO_IMAGE_EFFECT: frozenset[str] = frozenset(
    {"^XA", "^XZ", "^FS", "^FX", "^PQ", "^PR", "~SD", "^MD", "^MN", "^MT", "^MM", "^LS", "^LT", "^PF"}
)
_ORIENTATIONS = "NRIB"
BARCODE_COMMANDS = frozenset({"^BC", "^B3", "^BX", "^BQ", "^B7"})


@dataclass
class _Field:
    """What the commands of one field (up to its ^FS) said."""

    origin: tuple[int, int] = (0, 0)
    typeset: bool = False  # ^FT: the origin is the bottom-left (text: the baseline), not the top-left
    font: tuple[str, int, int, str] | None = None  # ^A: name, height, width, orientation
    barcode: tuple[str, list[str]] | None = None
    reverse: bool = False
    hex_indicator: str | None = None
    block: tuple[int, int, int, str] | None = None  # ^FB: width, lines, extra line spacing, justification
    data: str | None = None


class _Label:
    """One ^XA...^XZ label being drawn: a canvas that grows as fields land further right or down."""

    def __init__(self, dpi: int) -> None:
        self.canvas = np.zeros((0, 0), dtype=bool)
        self.width = round(4 * dpi)
        self.length = 0
        self.home = (0, 0)
        self.inverted = False  # ^POI: the label comes out upside down
        self.reversed = False  # ^LRY: every field is drawn reversed

    def draw(self, image: np.ndarray, x: int, y: int, mode: str = "or") -> None:
        """Put the image at (x, y): `or` blackens, `xor` reverses (^FR), `erase` whitens."""
        image = image[: max(0, MAX_DOTS - y), : max(0, MAX_DOTS - x)]
        h, w = image.shape
        if not h or not w or x + w <= 0 or y + h <= 0:
            return
        canvas = self.canvas
        need_h, need_w = max(canvas.shape[0], y + h), max(canvas.shape[1], x + w)
        if (need_h, need_w) != canvas.shape:
            grown = np.zeros((need_h, need_w), dtype=bool)
            grown[: canvas.shape[0], : canvas.shape[1]] = canvas
            self.canvas = canvas = grown
        x0, y0 = max(x, 0), max(y, 0)
        part = image[y0 - y :, x0 - x :]
        target = canvas[y0 : y0 + part.shape[0], x0 : x0 + part.shape[1]]
        if mode == "xor":
            target ^= part
        elif mode == "erase":
            target &= ~part
        else:
            target |= part

    def finish(self) -> np.ndarray:
        final = np.zeros(
            (self.length or self.canvas.shape[0] or 1, self.width or self.canvas.shape[1] or 1), dtype=bool
        )
        h, w = min(final.shape[0], self.canvas.shape[0]), min(final.shape[1], self.canvas.shape[1])
        final[:h, :w] = self.canvas[:h, :w]
        return final[::-1, ::-1].copy() if self.inverted else final


def _rotate(image: np.ndarray, orientation: str) -> np.ndarray:
    """Turn an upright field: R = 90° clockwise, I = 180°, B = 270° (ZPL's orientation letters)."""
    return np.rot90(image, {"N": 0, "R": -1, "I": 2, "B": 1}.get(orientation, 0))


def _decode_field_data(data: str, indicator: str | None, charset: int) -> str:
    """Apply ^FH hex escapes (`_41` is `A`) in the label's ^CI character set."""
    encoding = "utf-8" if charset == 28 else ("cp1252" if charset == 27 else "latin-1")
    if indicator is None:
        return data
    raw = bytearray()
    i = 0
    while i < len(data):
        ch = data[i]
        pair = data[i + 1 : i + 3]
        if ch == indicator and len(pair) == 2 and all(c in "0123456789ABCDEFabcdef" for c in pair):
            raw.append(int(pair, 16))
            i += 3
            continue
        raw.extend(ch.encode(encoding, errors="replace"))
        i += 1
    return raw.decode(encoding, errors="replace")


class _Interpreter:
    """Runs the ZPL commands of a job in order, like a printer's format buffer."""

    def __init__(self, dpi: int) -> None:
        self.dpi = dpi
        self.result = RenderResult()
        self.unsupported: dict[str, None] = {}
        self.stored: dict[str, np.ndarray] = {}
        self.label: _Label | None = None
        self.field = _Field()
        self.default_font: tuple[str, int, int] = ("A", 0, 0)  # ^CF
        self.field_orientation = "N"  # ^FW
        self.module, self.ratio, self.bar_height = 2, 3.0, 10  # ^BY
        self.charset = 0  # ^CI

    # -- the label --------------------------------------------------------------------------------------

    def run(self, zpl: str) -> RenderResult:
        for name, params in tokenize(zpl):
            self.command(name, params)
        # A label cut off before its ^XZ is not shown: a Zebra does not print it either (it waits for the ^XZ), and
        # the preview shows what the printer prints.
        self.label = None
        self.result.unsupported_commands = tuple(self.unsupported)
        return self.result

    def end_label(self) -> None:
        self.end_field()
        assert self.label is not None
        self.result.images.append(self.label.finish())
        self.label = None

    def command(self, name: str, params: str) -> None:
        if name == "^XA":
            self.label = _Label(self.dpi)
            self.field = _Field()
            self.default_font, self.field_orientation = ("A", 0, 0), "N"
            self.module, self.ratio, self.bar_height = 2, 3.0, 10
            return
        if name == "~DG":
            self.download_graphic(params)
            return
        label = self.label
        if label is None:
            if name not in ("~SD", "^FX", "^XZ"):
                self.unsupported[name] = None
            return
        handler = getattr(self, "cmd_" + name[1:].replace("@", "at"), None) if name[0] == "^" else None
        if handler is not None:
            handler(label, params)
        elif name not in NO_IMAGE_EFFECT:
            self.unsupported[name] = None
            if name.startswith("^B"):
                # A symbology not drawn: its field data must not turn up as text in the picture.
                self.field.barcode = (name, [])

    def cmd_XZ(self, label: _Label, params: str) -> None:
        self.end_label()

    def cmd_PW(self, label: _Label, params: str) -> None:
        label.width = _ints(params, 1, (label.width,))[0]

    def cmd_LL(self, label: _Label, params: str) -> None:
        label.length = _ints(params, 1, (0,))[0]

    def cmd_LH(self, label: _Label, params: str) -> None:
        # _ints returns exactly two numbers here: the tuple is the (x, y) pair `home` is typed as.
        label.home = tuple(_ints(params, 2, (0, 0)))  # type: ignore[assignment]

    def cmd_PO(self, label: _Label, params: str) -> None:
        label.inverted = params.strip().upper().startswith("I")

    def cmd_LR(self, label: _Label, params: str) -> None:
        label.reversed = params.strip().upper().startswith("Y")

    def cmd_CI(self, label: _Label, params: str) -> None:
        self.charset = _ints(params, 1, (0,))[0]

    def cmd_CF(self, label: _Label, params: str) -> None:
        parts = params.split(",")
        name = (parts[0].strip()[:1] or self.default_font[0]).upper()
        height, width = _ints(",".join(parts[1:]), 2, (0, 0))
        self.default_font = (name, height, width)

    def cmd_FW(self, label: _Label, params: str) -> None:
        letter = params.strip()[:1].upper()
        if letter in _ORIENTATIONS:
            self.field_orientation = letter

    def cmd_BY(self, label: _Label, params: str) -> None:
        parts = [p.strip() for p in params.split(",")]
        if parts and parts[0]:
            self.module = min(10, max(1, _ints(parts[0], 1, (self.module,))[0]))  # ZPL's range: 1-10
        if len(parts) > 1 and parts[1]:
            try:
                self.ratio = min(3.0, max(2.0, float(parts[1])))
            except ValueError:
                pass
        if len(parts) > 2 and parts[2]:
            self.bar_height = max(1, _ints(parts[2], 1, (self.bar_height,))[0])

    # -- fields -----------------------------------------------------------------------------------------

    def cmd_FO(self, label: _Label, params: str) -> None:
        self._position(label, params, typeset=False)

    def cmd_FT(self, label: _Label, params: str) -> None:
        self._position(label, params, typeset=True)

    def _position(self, label: _Label, params: str, typeset: bool) -> None:
        if self.field.data is not None:  # a new position before ^FS: the field so far is complete
            self.end_field()
        x, y = _ints(params, 2, (0, 0))
        self.field.origin = (label.home[0] + x, label.home[1] + y)
        self.field.typeset = typeset

    def cmd_A(self, label: _Label, params: str) -> None:
        name = params[:1].upper() or "0"
        parts = params[1:].split(",")
        orientation = parts[0].strip().upper()[:1] or self.field_orientation
        height, width = _ints(",".join(parts[1:]), 2, (0, 0))
        self.field.font = ("0" if name == "@" else name, height, width, orientation)

    def cmd_FR(self, label: _Label, params: str) -> None:
        self.field.reverse = True

    def cmd_FH(self, label: _Label, params: str) -> None:
        indicator = params.strip()[:1]
        self.field.hex_indicator = indicator or "_"

    def cmd_FB(self, label: _Label, params: str) -> None:
        width, lines, spacing = _ints(params, 3, (0, 1, 0))
        parts = params.split(",")
        justify = parts[3].strip().upper()[:1] if len(parts) > 3 else ""
        self.field.block = (width, min(max(1, lines), 200), spacing, justify or "L")

    def cmd_FD(self, label: _Label, params: str) -> None:
        # A printer drops line breaks from the format, also inside field data.
        data = params.replace("\r", "").replace("\n", "")
        self.field.data = _decode_field_data(data, self.field.hex_indicator, self.charset)

    cmd_FV = cmd_FD

    def cmd_FS(self, label: _Label, params: str) -> None:
        self.end_field()

    def _barcode(self, kind: str, params: str) -> None:
        self.field.barcode = (kind, [p.strip() for p in params.split(",")])

    def cmd_BC(self, label: _Label, params: str) -> None:
        self._barcode("^BC", params)

    def cmd_B3(self, label: _Label, params: str) -> None:
        self._barcode("^B3", params)

    def cmd_BX(self, label: _Label, params: str) -> None:
        self._barcode("^BX", params)

    def cmd_BQ(self, label: _Label, params: str) -> None:
        self._barcode("^BQ", params)

    def cmd_B7(self, label: _Label, params: str) -> None:
        self._barcode("^B7", params)

    def end_field(self) -> None:
        field, self.field = self.field, _Field()
        label = self.label
        if label is None or field.data is None:
            return
        if field.barcode is not None and field.barcode[0] not in BARCODE_COMMANDS:
            return  # listed as unsupported when its command came
        try:
            if field.barcode is not None:
                image, baseline, orientation = self._draw_barcode(field.barcode, field.data)
            else:
                image, baseline, orientation = self._draw_text(field)
        except zpl_fields.FieldError as exc:
            # Not drawn, so listed: a picture without the field must never pass for the label.
            self.unsupported[f"{field.barcode[0] if field.barcode else '^FD'} ({exc})"] = None
            return
        self._place(label, field, image, baseline, orientation)

    def _place(self, label: _Label, field: _Field, image: np.ndarray, baseline: int, orientation: str) -> None:
        """Put an upright field image where ^FO (top-left) or ^FT (baseline / bottom-left) says, turned."""
        h, w = image.shape
        turned = _rotate(image, orientation)
        x, y = field.origin
        if field.typeset:
            if orientation == "R":
                x, y = x - (h - baseline), y
            elif orientation == "I":
                x, y = x - w, y - (h - baseline)
            elif orientation == "B":
                x, y = x - baseline, y - w
            else:
                y -= baseline
        reverse = field.reverse or label.reversed
        label.draw(turned, x, y, "xor" if reverse else "or")

    def _font_size(self, font: tuple[str, int, int, str] | None) -> tuple[int, int, str]:
        name, height, width = self.default_font
        orientation = self.field_orientation
        if font is not None:
            name, height, width, orientation = font
        base = zpl_fields.BITMAP_FONT_SIZES.get(name, zpl_fields.SCALABLE_DEFAULT)
        if not height:
            height = base[0] if not width else round(width * base[0] / base[1])
        return height, width, orientation

    def _draw_text(self, field: _Field) -> tuple[np.ndarray, int, str]:
        height, width, orientation = self._font_size(field.font)
        text = field.data or ""
        if field.block is None:
            image, baseline = zpl_fields.text_image(text, height, width)
            return image, baseline, orientation
        block_width, max_lines, spacing, justify = field.block
        lines = zpl_fields.wrap(text, block_width, height, width)[:max_lines]
        rendered = [zpl_fields.text_image(line, height, width) for line in lines]
        line_height = max(img.shape[0] for img, _ in rendered) + spacing
        out = np.zeros((line_height * len(rendered), max(block_width, 1)), dtype=bool)
        for index, (img, _) in enumerate(rendered):
            img = img[:, : out.shape[1]]
            free = out.shape[1] - img.shape[1]
            left = {"C": free // 2, "R": free}.get(justify, 0)
            top = index * line_height
            out[top : top + img.shape[0], left : left + img.shape[1]] |= img
        # ^FT on a block: the origin is the baseline of its last line.
        return out, line_height * (len(rendered) - 1) + rendered[-1][1], orientation

    def _interpretation(self, bars: np.ndarray, text: str, show: bool, above: bool) -> tuple[np.ndarray, int]:
        """Add the human-readable line under (or above) the bars; return the image and the bars' bottom row."""
        if not show:
            return bars, bars.shape[0]
        line, _ = zpl_fields.text_image(text, max(10, 9 * self.module))
        width = max(bars.shape[1], line.shape[1])
        out = np.zeros((bars.shape[0] + line.shape[0], width), dtype=bool)
        left = max(0, (bars.shape[1] - line.shape[1]) // 2)
        if above:
            out[: line.shape[0], left : left + line.shape[1]] = line
            out[line.shape[0] :, : bars.shape[1]] = bars
            return out, out.shape[0]
        out[: bars.shape[0], : bars.shape[1]] = bars
        out[bars.shape[0] :, left : left + line.shape[1]] = line
        return out, bars.shape[0]

    def _draw_barcode(self, barcode: tuple[str, list[str]], data: str) -> tuple[np.ndarray, int, str]:
        """Return the symbol of one barcode field, the row its baseline is on, and its orientation."""
        kind, params = barcode
        draw = {
            "^BC": self._draw_code128,
            "^B3": self._draw_code39,
            "^B7": self._draw_pdf417,
            "^BX": self._draw_datamatrix,
        }.get(kind)
        if draw is None:  # ^BQ: drawn in the one orientation a Zebra gives QR codes
            image = self._qr_image(params, data)
            return image, image.shape[0], "N"
        image, bottom = draw(params, data)
        return image, bottom, _param(params, 0, self.field_orientation).upper()[:1]

    def _linear_bars(self, params: list[str], first: int, row: np.ndarray, text: str) -> tuple[np.ndarray, int]:
        """Stack one row of bars to the field's height (parameter `first`) with its human-readable line."""
        height = _ints(_param(params, first, ""), 1, (self.bar_height,))[0]
        show = _param(params, first + 1, "Y").upper() == "Y"
        above = _param(params, first + 2, "N").upper() == "Y"
        bars = np.repeat(row[np.newaxis, :MAX_DOTS], max(1, height), axis=0)
        return self._interpretation(bars, text, show, above)

    def _draw_code128(self, params: list[str], data: str) -> tuple[np.ndarray, int]:
        mode = _param(params, 5, "N").upper()
        if mode not in ("N", "A", "D"):
            self.unsupported[f"^BC mode {mode}"] = None
            mode = "A"
        row = zpl_fields.code128_row(zpl_fields.code128_values(data, mode), self.module)
        return self._linear_bars(params, 1, row, zpl_fields.code128_text(data, mode))

    def _draw_code39(self, params: list[str], data: str) -> tuple[np.ndarray, int]:
        check = _param(params, 1, "N").upper() == "Y"
        row = zpl_fields.code39_row(data, self.module, self.ratio, check)
        # ^B3 has the check digit flag before the height.
        return self._linear_bars(params, 2, row, zpl_fields.code39_text(data, check))

    def _draw_pdf417(self, params: list[str], data: str) -> tuple[np.ndarray, int]:
        # ^B7 o,h,s,c,r,t: h is the height of one row; the symbol's columns and rows are zxing-cpp's choice.
        try:
            row_height = min(float(_param(params, 1, str(self.bar_height))), MAX_DOTS)
        except ValueError:
            row_height = float(self.bar_height)
        modules = zpl_fields.pdf417_modules(data, compact=_param(params, 5, "N").upper() == "Y")
        wanted_rows = _ints(_param(params, 4, ""), 1, (0,))[0]
        if 3 <= wanted_rows <= 90:
            # zxing-cpp lays the symbol out itself: keep the height the Zebra gives `r` rows of `h` dots.
            row_height = row_height * wanted_rows / modules.shape[0]
        image = np.repeat(np.repeat(modules, max(1, round(row_height)), axis=0), self.module, axis=1)
        image = image[:MAX_DOTS, :MAX_DOTS]
        return image, image.shape[0]

    def _draw_datamatrix(self, params: list[str], data: str) -> tuple[np.ndarray, int]:
        size = min(50, _ints(_param(params, 1, ""), 1, (self.module,))[0])
        quality = _param(params, 2, "200")
        escape = _param(params, 6, "~")
        if quality != "200":
            self.unsupported[f"^BX quality {quality}"] = None
        if escape + "1" in data:
            # FNC1 (GS1 DataMatrix) needs the AI table to rebuild; drawn as plain data and reported.
            self.unsupported["^BX FNC1"] = None
            data = data.replace(escape + "1", "")
        image = zpl_fields.scale(zpl_fields.datamatrix_modules(data), size)
        return image, image.shape[0]

    def _qr_image(self, params: list[str], data: str) -> np.ndarray:
        # ^BQ: model 2 only; the data starts with the error correction level and the input mode.
        default = 2 if self.dpi < 300 else 3
        magnification = min(10, _ints(_param(params, 2, ""), 1, (default,))[0])  # ZPL's range: 1-10
        ec_level, text = "M", data
        match = re.match(r"([HQML])([AM]),(.*)", data, re.S)
        if match:
            ec_level, text = match.group(1), match.group(3)
            if match.group(2) == "M" and text[:1] in ("N", "A"):
                text = text[1:]
            elif match.group(2) == "M" and text[:1] == "B":
                text = text[5:]  # B and a 4-digit byte count
        return zpl_fields.scale(zpl_fields.qr_modules(text, ec_level), magnification)

    # -- graphics ---------------------------------------------------------------------------------------

    def _graphic_at(self, label: _Label, image: np.ndarray, mode: str = "or") -> None:
        x, y = self.field.origin
        if self.field.typeset:
            y -= image.shape[0]
        if self.field.reverse or label.reversed:
            mode = "xor"
        label.draw(image, x, y, mode)

    def cmd_GB(self, label: _Label, params: str) -> None:
        w, h, t = _ints(params, 3, (1, 1, 1))
        parts = params.split(",")
        colour = (parts[3].strip().upper() if len(parts) > 3 else "") or "B"
        t = max(t, 1)
        w, h = max(w, t), max(h, t)
        box = np.zeros((h, w), dtype=bool)
        box[:t, :] = box[-t:, :] = box[:, :t] = box[:, -t:] = True
        self._graphic_at(label, box, "erase" if colour == "W" else "or")

    def _colour_mode(self, params: str, index: int) -> str:
        parts = params.split(",")
        colour = (parts[index].strip().upper() if len(parts) > index else "") or "B"
        return "erase" if colour == "W" else "or"

    def cmd_GC(self, label: _Label, params: str) -> None:
        diameter, border = _ints(params, 2, (3, 1))
        self._graphic_at(label, zpl_fields.ellipse(diameter, diameter, border), self._colour_mode(params, 2))

    def cmd_GE(self, label: _Label, params: str) -> None:
        width, height, border = _ints(params, 3, (1, 1, 1))
        border = max(1, border)
        shape = zpl_fields.ellipse(max(width, border), max(height, border), border)
        self._graphic_at(label, shape, self._colour_mode(params, 3))

    def cmd_GD(self, label: _Label, params: str) -> None:
        width, height, border = _ints(params, 3, (1, 1, 1))
        parts = params.split(",")
        leaning = (parts[4].strip().upper()[:1] if len(parts) > 4 else "") or "R"
        self._graphic_at(label, zpl_fields.diagonal(width, height, border, leaning), self._colour_mode(params, 3))

    def cmd_GF(self, label: _Label, params: str) -> None:
        match = re.match(r"\s*([ABCabc]),(\d+),(\d+),(\d+),(.*)", params, re.S)
        if not match or match.group(1).upper() != "A":
            self.unsupported["^GF" + (match.group(1).upper() if match else "?")] = None
            return
        total, bytes_per_row = int(match.group(3)), int(match.group(4))
        self._graphic_at(label, decode_graphic(match.group(5), total, bytes_per_row))

    def cmd_XG(self, label: _Label, params: str) -> None:
        key_text = params.split(",")[0].strip().upper()
        key = key_text if ":" in key_text else "R:" + key_text
        if key not in self.stored:
            raise ZplRenderError(f"^XG recalls {key_text}, which no ~DG in this ZPL stored.")
        mx, my = (min(10, m) for m in _ints(params.split(",", 1)[1] if "," in params else "", 2, (1, 1)))
        graphic = np.repeat(np.repeat(self.stored[key], max(my, 1), axis=0), max(mx, 1), axis=1)
        self._graphic_at(label, graphic)

    def download_graphic(self, params: str) -> None:
        match = re.match(r"\s*([^,]+),(\d+),(\d+),(.*)", params, re.S)
        if not match:
            raise ZplRenderError(f"~DG parameters cannot be read: {params[:40]!r}")
        key = match.group(1).strip().upper()
        key = key if "." in key else key + ".GRF"
        key = key if ":" in key else "R:" + key
        self.stored[key] = decode_graphic(match.group(4), int(match.group(2)), int(match.group(3)))


def _check_graphic_size(total: int, bytes_per_row: int) -> None:
    """Refuse a graphic larger than the largest label there is, before it is decoded."""
    if total > limits.MAX_GRAPHIC_BYTES:
        raise ZplRenderError(f"A graphic of {total:,} bytes is larger than any label ({limits.MAX_GRAPHIC_BYTES:,}).")
    if bytes_per_row * 8 > limits.MAX_LABEL_WIDTH_DOTS + 7:
        raise ZplRenderError(
            f"A graphic {bytes_per_row * 8} dots wide is wider than any label ({limits.MAX_LABEL_WIDTH_DOTS} dots)."
        )


# ZPL's own bounds on positions and sizes (the guide gives 0-32000 for ^FO and ^GB alike).
_MAX_COORDINATE = limits.MAX_LABEL_LENGTH_DOTS


def check_bounds(tokens: list[tuple[str, str]]) -> None:
    """Refuse, before anything is drawn, ZPL whose numbers would make images larger than any label.

    Every label's page (^PW x ^LL), every position (^FO, ^LH), box (^GB), graphic (^GF, ~DG) and magnification
    (^XG) is checked against domain.limits, and all labels together against MAX_RENDER_DOTS.
    """
    bounds = _Bounds()
    for name, params in tokens:
        check = _BOUNDS_CHECKS.get(name)
        if check is not None:
            check(bounds, params)


class _Bounds:
    """What check_bounds knows while it reads the commands: the label so far and the labels before it."""

    def __init__(self) -> None:
        self.labels = 0
        self.total_dots = 0
        self.width = self.length = 0
        self.extent_w = self.extent_h = 0
        self.home = self.origin = (0, 0)
        self.stored: dict[str, tuple[int, int]] = {}  # ~DG graphics by name: (width, height) in dots

    def reach(self, w: int, h: int, what: str) -> None:
        """Grow the label's drawn extent by something w x h at the field origin; refuse it beyond any label."""
        self.extent_w = max(self.extent_w, self.origin[0] + w)
        self.extent_h = max(self.extent_h, self.origin[1] + h)
        if self.extent_w * self.extent_h > limits.MAX_IMAGE_DOTS:
            raise ZplRenderError(
                f"{what} at {self.origin[0]},{self.origin[1]} reaches beyond the largest label there is."
            )

    def start_label(self, _params: str) -> None:  # ^XA
        self.labels += 1
        if self.labels > limits.MAX_ZPL_LABELS:
            raise ZplRenderError(f"The ZPL holds more than {limits.MAX_ZPL_LABELS} labels.")
        self.width = self.length = self.extent_w = self.extent_h = 0
        self.home = self.origin = (0, 0)

    def end_label(self, _params: str) -> None:  # ^XZ
        self.total_dots += max(self.length, self.extent_h, 1) * max(self.width, self.extent_w, 1)
        if self.total_dots > limits.MAX_RENDER_DOTS:
            raise ZplRenderError(
                f"The ZPL's labels together are larger than {limits.MAX_RENDER_DOTS:,} dots (50 labels of "
                "4 x 6 in at 600 dpi)."
            )

    def print_width(self, params: str) -> None:  # ^PW
        self.width = _bounded(params, 0, 1, limits.MAX_LABEL_WIDTH_DOTS, "^PW print width")

    def label_length(self, params: str) -> None:  # ^LL
        self.length = _bounded(params, 0, 1, limits.MAX_LABEL_LENGTH_DOTS, "^LL label length")

    def label_home(self, params: str) -> None:  # ^LH
        self.home = (
            _bounded(params, 0, 0, _MAX_COORDINATE, "^LH label home x"),
            _bounded(params, 1, 0, _MAX_COORDINATE, "^LH label home y"),
        )

    def field_origin(self, params: str) -> None:  # ^FO
        x = _bounded(params, 0, -_MAX_COORDINATE, _MAX_COORDINATE, "^FO x")
        y = _bounded(params, 1, -_MAX_COORDINATE, _MAX_COORDINATE, "^FO y")
        self.origin = (max(self.home[0] + x, 0), max(self.home[1] + y, 0))

    def box(self, params: str) -> None:  # ^GB
        w = _bounded(params, 0, 0, _MAX_COORDINATE, "^GB box width")
        h = _bounded(params, 1, 0, _MAX_COORDINATE, "^GB box height")
        t = _bounded(params, 2, 0, _MAX_COORDINATE, "^GB border thickness")
        self.reach(max(w, t, 1), max(h, t, 1), "^GB box")

    def field_graphic(self, params: str) -> None:  # ^GF
        found = _declared_graphic("^GF", r"\s*[ABCabc],(\d+),(\d+),(\d+),", params)
        if found is not None:
            self.reach(*found[1], "^GF graphic")

    def stored_graphic(self, params: str) -> None:  # ~DG
        found = _declared_graphic("~DG", r"\s*([^,]+),(\d+),(\d+),", params)
        if found is not None:
            self.stored[_graphic_key(found[0])] = found[1]

    def recalled_graphic(self, params: str) -> None:  # ^XG
        mx = _bounded(params, 1, 0, limits.MAX_MAGNIFICATION, "^XG magnification x")
        my = _bounded(params, 2, 0, limits.MAX_MAGNIFICATION, "^XG magnification y")
        w, h = self.stored.get(_graphic_key(params.split(",")[0]), (0, 0))
        self.reach(w * max(mx, 1), h * max(my, 1), "^XG graphic")


_BOUNDS_CHECKS: dict[str, Callable[[_Bounds, str], None]] = {
    "^XA": _Bounds.start_label,
    "^XZ": _Bounds.end_label,
    "^PW": _Bounds.print_width,
    "^LL": _Bounds.label_length,
    "^LH": _Bounds.label_home,
    "^FO": _Bounds.field_origin,
    "^GB": _Bounds.box,
    "^GF": _Bounds.field_graphic,
    "~DG": _Bounds.stored_graphic,
    "^XG": _Bounds.recalled_graphic,
}


def _declared_graphic(name: str, pattern: str, params: str) -> tuple[str, tuple[int, int]] | None:
    """Return a graphic's first value matched (~DG: its name) and its declared (width, height) in dots, checked.

    None when the sizes cannot be read or are not positive: the renderer then draws it as unsupported or
    refuses it with its own message.
    """
    match = re.match(pattern, params)
    if not match:
        return None
    if max(len(match.group(2)), len(match.group(3))) > 9:
        raise ZplRenderError(f"{name} declares a graphic size of more than nine digits.")
    total, bytes_per_row = int(match.group(2)), int(match.group(3))
    if bytes_per_row <= 0 or total <= 0:
        return None
    _check_graphic_size(total, bytes_per_row)
    return match.group(1), (bytes_per_row * 8, -(-total // bytes_per_row))


def _graphic_key(text: str) -> str:
    """Return a stored graphic's name as ~DG and ^XG both mean it: no device letter, .GRF if no extension."""
    key = text.strip().upper().split(":")[-1]
    return key if "." in key else key + ".GRF"


def _bounded(params: str, index: int, low: int, high: int, what: str) -> int:
    """Return parameter `index` as an int (0 if absent or not a number); raise ZplRenderError outside [low, high]."""
    parts = params.split(",")
    text = parts[index].strip() if index < len(parts) else ""
    try:
        value = int(text) if text else 0
    except ValueError:  # not a number (or thousands of digits): the renderer uses its default
        return 0
    if not low <= value <= high:
        raise ZplRenderError(f"{what} is {text[:20]}, outside {low} to {high}.")
    return value


def render(zpl: str, dpi: int = 203) -> RenderResult:
    """Render every ^XA...^XZ label to a bool image (True = black) and list the commands not drawn.

    Draws what carriers' labels are made of: text (^A ^CF ^FB ^FH ^CI ^FW), boxes (^GB), graphics (^GF ~DG
    ^XG), Code 128 / Code 39 / DataMatrix / QR symbols (^BC ^B3 ^BX ^BQ with ^BY), reverse fields (^FR ^LR),
    PDF417 (^B7), circles, ellipses and diagonals (^GC ^GE ^GD), field positions (^FO ^FT ^LH) and ^PO. Every
    other command is listed in `unsupported_commands`.

    Raises ZplRenderError (before drawing anything) for ZPL larger than limits.MAX_ZPL_BYTES or whose sizes would
    make an image larger than any label (check_bounds), and for a resolution no Zebra head has.
    """
    try:
        limits.check_zpl_size(len(zpl))
        limits.check_dpi(dpi)
    except limits.LimitError as exc:
        raise ZplRenderError(str(exc)) from None
    check_bounds(tokenize(zpl))
    return _Interpreter(dpi).run(zpl)


def render_png(zpl: str, dpi: int = 203) -> list[bytes]:
    """Return one PNG per label of the ZPL."""
    return [bitmap_to_png(image) for image in render(zpl, dpi).images]
