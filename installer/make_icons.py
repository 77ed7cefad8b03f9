"""Write installer/icon.svg and the raster icons (icon.png, icon.ico, icon.icns) from one drawing.

Pillow cannot read SVG, so the drawing is defined once here as simple shapes and emitted both as SVG
text and as Pillow drawings; the two outputs cannot drift apart. Run after changing a shape:

    .venv/bin/python installer/make_icons.py
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
VIEWBOX = 256
SUPERSAMPLE = 1024  # draw big, then downscale: Pillow has no anti-aliasing for polygons
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


@dataclass(frozen=True)
class Rect:
    """An axis-aligned rectangle in viewBox units, optionally with rounded corners."""

    x0: float
    y0: float
    x1: float
    y1: float
    fill: str
    radius: float = 0.0


def _barcode(x0: float, y0: float, y1: float) -> list[Rect]:
    # A fixed bar pattern (widths in viewBox units) that reads as a shipping barcode at 32 px and up.
    widths = [4, 2, 6, 2, 2, 4, 2, 6, 4, 2, 2, 6, 2, 4, 6, 2, 4, 2]
    bars: list[Rect] = []
    x = x0
    for index, width in enumerate(widths):
        if index % 2 == 0:
            bars.append(Rect(x, y0, x + width, y1, "#111111"))
        x += width
    return bars


SHAPES: list[Rect] = [
    Rect(8, 8, 248, 248, "#1f4e79", radius=44),  # tile
    Rect(40, 70, 216, 212, "#c8955a", radius=8),  # parcel
    Rect(40, 70, 216, 102, "#a8743d", radius=8),  # lid
    Rect(116, 70, 140, 212, "#e6cf9f"),  # tape
    Rect(60, 122, 196, 196, "#ffffff", radius=6),  # shipping label
    *_barcode(72, 134, 184),
    Rect(146, 134, 184, 142, "#1f4e79"),  # address lines on the label
    Rect(146, 150, 184, 158, "#1f4e79"),
    Rect(146, 166, 172, 174, "#1f4e79"),
]


def svg_text() -> str:
    """Return the icon as an SVG document."""
    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{VIEWBOX}" height="{VIEWBOX}" '
        f'viewBox="0 0 {VIEWBOX} {VIEWBOX}">',
        "  <title>packstation</title>",
    ]
    for s in SHAPES:
        rounded = f' rx="{s.radius:g}"' if s.radius else ""
        lines.append(
            f'  <rect x="{s.x0:g}" y="{s.y0:g}" width="{s.x1 - s.x0:g}" height="{s.y1 - s.y0:g}"{rounded} '
            f'fill="{s.fill}"/>'
        )
    lines.append("</svg>")
    return "\n".join(lines) + "\n"


def render(size: int) -> Image.Image:
    """Return the icon as an RGBA image of size x size pixels."""
    big = Image.new("RGBA", (SUPERSAMPLE, SUPERSAMPLE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)
    k = SUPERSAMPLE / VIEWBOX
    for s in SHAPES:
        box = (s.x0 * k, s.y0 * k, s.x1 * k - 1, s.y1 * k - 1)
        if s.radius:
            draw.rounded_rectangle(box, radius=s.radius * k, fill=s.fill)
        else:
            draw.rectangle(box, fill=s.fill)
    return big if size == SUPERSAMPLE else big.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    """Write icon.svg, icon.png (256 px), icon.ico (16-256 px) and icon.icns (macOS) next to this script."""
    (HERE / "icon.svg").write_text(svg_text(), encoding="utf-8")
    render(256).save(HERE / "icon.png", optimize=True)
    render(256).save(HERE / "icon.ico", sizes=ICO_SIZES)
    render(1024).save(HERE / "icon.icns")
    for name in ("icon.svg", "icon.png", "icon.ico", "icon.icns"):
        print(f"{name}: {(HERE / name).stat().st_size} bytes")


if __name__ == "__main__":
    main()
