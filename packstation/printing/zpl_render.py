"""Render the graphics of ZPL back to images: the preview shows exactly what is sent, and tests check it.

Understands what the app itself emits (^GFA in hex, ACS and Z64 with its CRC, frame commands) plus ~DG/^XG
and ^GB boxes; every other command is listed in `unsupported_commands`, never silently skipped.
"""

from __future__ import annotations

import base64
import binascii
import io
import re
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from packstation.domain import limits
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
# Rendered (or without effect on the image); commands outside this set are reported.
RENDERED_COMMANDS: frozenset[str] = APP_COMMANDS | {"~DG", "^XG", "^GB", "^FX", "^LR", "^CI", "^PO"}

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


def allowed_commands_only(zpl: str) -> tuple[str, ...]:
    """Return the commands in the ZPL that the app never emits (empty = only the app's own commands)."""
    return tuple(dict.fromkeys(name for name, _ in tokenize(zpl) if name not in APP_COMMANDS))


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


def _decode_ascii_hex(data: str, total: int, bytes_per_row: int) -> bytes:
    """Decode plain or compressed ASCII hex (G-Y, g-z counts; `,` `!` fill the row; `:` repeats it)."""
    row_chars = bytes_per_row * 2
    rows: list[str] = []
    current: list[str] = []
    filled = 0
    count = 0
    previous = "0" * row_chars

    def end_row(fill: str) -> None:
        nonlocal current, filled, previous
        row = "".join(current) + fill * (row_chars - filled)
        rows.append(row)
        previous = row
        current, filled = [], 0

    # Rows beyond the declared size are never used (the result is cut to `total`): stop there, or a run of repeat
    # counts ("zzzz...") would build gigabytes of rows first.
    rows_needed = -(-total // bytes_per_row)
    for ch in data:
        if len(rows) >= rows_needed:
            break
        if ch in " \r\n\t":
            continue
        if ("G" <= ch <= "Y") or ("g" <= ch <= "z"):
            count += _acs_count(ch)
            continue
        if ch == ",":
            end_row("0")
        elif ch == "!":
            end_row("F")
        elif ch == ":":
            if filled:
                end_row("0")
            rows.append(previous)
        elif ch in "0123456789ABCDEFabcdef":
            repeat = min(count or 1, (rows_needed - len(rows)) * row_chars)
            while repeat:
                take = min(repeat, row_chars - filled)
                current.append(ch * take)
                filled += take
                repeat -= take
                if filled == row_chars:
                    end_row("0")
        else:
            raise ZplRenderError(f"Unexpected character {ch!r} in ^GF hex graphic data.")
        count = 0
    if filled:
        end_row("0")
    raw = bytes.fromhex("".join(rows))
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


def _ints(params: str, count: int, defaults: tuple[int, ...]) -> list[int]:
    parts = params.split(",")
    values = []
    for i in range(count):
        text = parts[i].strip() if i < len(parts) else ""
        try:
            values.append(int(text) if text else defaults[i])
        except ValueError:
            values.append(defaults[i])
    return values


def _stamp(canvas: np.ndarray, image: np.ndarray, x: int, y: int) -> np.ndarray:
    """OR the image into the canvas at (x, y), growing the canvas downwards/rightwards if needed."""
    h, w = image.shape
    need_h, need_w = max(canvas.shape[0], y + h), max(canvas.shape[1], x + w)
    if need_h * need_w > limits.MAX_IMAGE_DOTS:  # the last guard for anything check_bounds does not size
        raise ZplRenderError(f"A field at {x},{y} reaches beyond the largest label there is.")
    if (need_h, need_w) != canvas.shape:
        grown = np.zeros((need_h, need_w), dtype=bool)
        grown[: canvas.shape[0], : canvas.shape[1]] = canvas
        canvas = grown
    x0, y0 = max(x, 0), max(y, 0)
    canvas[y0 : y + h, x0 : x + w] |= image[y0 - y :, x0 - x :]
    return canvas


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
    labels = 0
    total_dots = 0
    width = length = 0
    extent_w = extent_h = 0
    home = origin = (0, 0)
    stored: dict[str, tuple[int, int]] = {}

    def reach(w: int, h: int, what: str) -> None:
        nonlocal extent_w, extent_h
        extent_w, extent_h = max(extent_w, origin[0] + w), max(extent_h, origin[1] + h)
        if extent_w * extent_h > limits.MAX_IMAGE_DOTS:
            raise ZplRenderError(f"{what} at {origin[0]},{origin[1]} reaches beyond the largest label there is.")

    for name, params in tokens:
        if name == "^XA":
            labels += 1
            if labels > limits.MAX_ZPL_LABELS:
                raise ZplRenderError(f"The ZPL holds more than {limits.MAX_ZPL_LABELS} labels.")
            width = length = extent_w = extent_h = 0
            home = origin = (0, 0)
        elif name == "^XZ":
            total_dots += max(length, extent_h, 1) * max(width, extent_w, 1)
            if total_dots > limits.MAX_RENDER_DOTS:
                raise ZplRenderError(
                    f"The ZPL's labels together are larger than {limits.MAX_RENDER_DOTS:,} dots (50 labels of "
                    "4 x 6 in at 600 dpi)."
                )
        elif name == "^PW":
            width = _bounded(params, 0, 1, limits.MAX_LABEL_WIDTH_DOTS, "^PW print width")
        elif name == "^LL":
            length = _bounded(params, 0, 1, limits.MAX_LABEL_LENGTH_DOTS, "^LL label length")
        elif name == "^LH":
            home = (
                _bounded(params, 0, 0, _MAX_COORDINATE, "^LH label home x"),
                _bounded(params, 1, 0, _MAX_COORDINATE, "^LH label home y"),
            )
        elif name == "^FO":
            x = _bounded(params, 0, -_MAX_COORDINATE, _MAX_COORDINATE, "^FO x")
            y = _bounded(params, 1, -_MAX_COORDINATE, _MAX_COORDINATE, "^FO y")
            origin = (max(home[0] + x, 0), max(home[1] + y, 0))
        elif name == "^GB":
            w = _bounded(params, 0, 0, _MAX_COORDINATE, "^GB box width")
            h = _bounded(params, 1, 0, _MAX_COORDINATE, "^GB box height")
            t = _bounded(params, 2, 0, _MAX_COORDINATE, "^GB border thickness")
            reach(max(w, t, 1), max(h, t, 1), "^GB box")
        elif name in ("^GF", "~DG"):
            pattern = r"\s*[ABCabc],(\d+),(\d+),(\d+)," if name == "^GF" else r"\s*([^,]+),(\d+),(\d+),"
            match = re.match(pattern, params)
            if not match:
                continue  # drawn as unsupported or refused by the renderer with its own message
            if max(len(match.group(2)), len(match.group(3))) > 9:
                raise ZplRenderError(f"{name} declares a graphic size of more than nine digits.")
            total, bytes_per_row = int(match.group(2)), int(match.group(3))
            if bytes_per_row <= 0 or total <= 0:
                continue
            _check_graphic_size(total, bytes_per_row)
            size = (bytes_per_row * 8, -(-total // bytes_per_row))
            if name == "^GF":
                reach(*size, "^GF graphic")
            else:
                stored[_graphic_key(match.group(1))] = size
        elif name == "^XG":
            parts = params.split(",")
            mx = _bounded(params, 1, 0, limits.MAX_MAGNIFICATION, "^XG magnification x")
            my = _bounded(params, 2, 0, limits.MAX_MAGNIFICATION, "^XG magnification y")
            w, h = stored.get(_graphic_key(parts[0]), (0, 0))
            reach(w * max(mx, 1), h * max(my, 1), "^XG graphic")


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
    """Render every ^XA...^XZ label's graphics to a bool image (True = black) and list unsupported commands.

    Raises ZplRenderError (before drawing anything) for ZPL larger than limits.MAX_ZPL_BYTES or whose sizes would
    make an image larger than any label (check_bounds), and for a resolution no Zebra head has.
    """
    try:
        limits.check_zpl_size(len(zpl))
        limits.check_dpi(dpi)
    except limits.LimitError as exc:
        raise ZplRenderError(str(exc)) from None
    check_bounds(tokenize(zpl))
    result = RenderResult()
    unsupported: dict[str, None] = {}
    stored: dict[str, np.ndarray] = {}
    default_width = round(4 * dpi)
    canvas: np.ndarray | None = None
    width = length = 0
    home = (0, 0)
    origin = (0, 0)
    for name, params in tokenize(zpl):
        if name == "^XA":
            canvas = np.zeros((0, 0), dtype=bool)
            width, length, home, origin = default_width, 0, (0, 0), (0, 0)
        elif name == "^XZ":
            if canvas is not None:
                final = np.zeros((length or canvas.shape[0] or 1, width or canvas.shape[1] or 1), dtype=bool)
                h, w = min(final.shape[0], canvas.shape[0]), min(final.shape[1], canvas.shape[1])
                final[:h, :w] = canvas[:h, :w]
                result.images.append(final)
            canvas = None
        elif name == "~DG":
            match = re.match(r"\s*([^,]+),(\d+),(\d+),(.*)", params, re.S)
            if not match:
                raise ZplRenderError(f"~DG parameters cannot be read: {params[:40]!r}")
            key = match.group(1).strip().upper()
            key = key if "." in key else key + ".GRF"
            key = key if ":" in key else "R:" + key
            stored[key] = decode_graphic(match.group(4), int(match.group(2)), int(match.group(3)))
        elif canvas is None:
            if name not in ("~SD", "^FX"):
                unsupported[name] = None
        elif name == "^PW":
            width = _ints(params, 1, (default_width,))[0]
        elif name == "^LL":
            length = _ints(params, 1, (0,))[0]
        elif name == "^LH":
            home = tuple(_ints(params, 2, (0, 0)))  # type: ignore[assignment]
        elif name == "^FO":
            x, y = _ints(params, 2, (0, 0))
            origin = (home[0] + x, home[1] + y)
        elif name == "^GF":
            match = re.match(r"\s*([ABCabc]),(\d+),(\d+),(\d+),(.*)", params, re.S)
            if not match or match.group(1).upper() != "A":
                unsupported["^GF" + (match.group(1).upper() if match else "?")] = None
                continue
            total, bytes_per_row = int(match.group(3)), int(match.group(4))
            graphic = decode_graphic(match.group(5), total, bytes_per_row)
            canvas = _stamp(canvas, graphic, *origin)
        elif name == "^XG":
            key_text = params.split(",")[0].strip().upper()
            key = key_text if ":" in key_text else "R:" + key_text
            if key not in stored:
                raise ZplRenderError(f"^XG recalls {key_text}, which no ~DG in this ZPL stored.")
            mx, my = _ints(params.split(",", 1)[1] if "," in params else "", 2, (1, 1))
            graphic = np.repeat(np.repeat(stored[key], max(my, 1), axis=0), max(mx, 1), axis=1)
            canvas = _stamp(canvas, graphic, *origin)
        elif name == "^GB":
            w, h, t = _ints(params, 3, (1, 1, 1))
            colour = (params.split(",")[3].strip().upper() if params.count(",") >= 3 else "B") or "B"
            t = max(t, 1)
            w, h = max(w, t), max(h, t)
            box = np.zeros((h, w), dtype=bool)
            box[:t, :] = box[-t:, :] = box[:, :t] = box[:, -t:] = True
            if colour == "W":
                # White boxes erase; drawn only within the canvas as it stands.
                x, y = origin
                canvas[max(y, 0) : y + h, max(x, 0) : x + w] &= ~box[max(-y, 0) :, max(-x, 0) :][
                    : max(canvas.shape[0] - y, 0), : max(canvas.shape[1] - x, 0)
                ]
            else:
                canvas = _stamp(canvas, box, *origin)
        elif name not in RENDERED_COMMANDS:
            unsupported[name] = None
    result.unsupported_commands = tuple(unsupported)
    return result


def render_png(zpl: str, dpi: int = 203) -> list[bytes]:
    """Return one PNG per label of the ZPL."""
    return [bitmap_to_png(image) for image in render(zpl, dpi).images]
