"""`label2zpl`, `zpl2png` and `printers`: label conversion and printer discovery from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from packstation.commands.listing import report_found
from packstation.domain import limits
from packstation.domain.errors import LabelError, SheetPositionNeeded
from packstation.inputs import InputError, check_output, read_input, write_output

if TYPE_CHECKING:  # the converter loads numpy and PDFium: only when a command needs it
    from packstation.printing.zpl import Conversion


def _width_mm(text: str) -> float:
    """argparse type: a label width a Zebra head prints (finite, within limits)."""
    try:
        return limits.check_label_width_mm(limits.finite_number(text, "--width-mm"))
    except limits.LimitError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _height_mm(text: str) -> float:
    """argparse type: a label height ^LL allows at some resolution (checked again against --dpi)."""
    try:
        return limits.check_label_length_mm(limits.finite_number(text, "--height-mm"), min(limits.SUPPORTED_DPI))
    except limits.LimitError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(subparsers: Any) -> None:
    """Add the printing subcommands."""
    p = subparsers.add_parser("label2zpl", help="convert a label PDF to ZPL (one ^XA...^XZ label per page)")
    p.add_argument("pdf", type=Path, metavar="IN.pdf")
    p.add_argument("-o", "--output", type=Path, metavar="OUT.zpl", help="output file (default: standard output)")
    p.add_argument("--dpi", type=int, choices=limits.SUPPORTED_DPI, default=203, help="printer resolution")
    p.add_argument("--encoding", choices=("z64", "acs", "hex"), default="z64", help="^GFA data encoding")
    layout = p.add_mutually_exclusive_group()
    layout.add_argument("--fit", dest="layout", action="store_const", const="fit", help="shrink to fit (default)")
    layout.add_argument("--crop", dest="layout", action="store_const", const="crop", help="print at size, crop")
    p.add_argument("--width-mm", type=_width_mm, default=101.6, metavar="W", help="label width (default 101.6)")
    p.add_argument("--height-mm", type=_height_mm, default=152.4, metavar="H", help="label height (default 152.4)")
    p.add_argument(
        "--position",
        type=int,
        choices=(1, 2, 3, 4),
        help="A4 sheet: the quarter that holds the label (default: found by itself; asked if the sheet holds several)",
    )
    p.set_defaults(func=run_label2zpl, layout="fit")

    p = subparsers.add_parser("zpl2png", help="render the graphics of a ZPL file to PNG (one file per label)")
    p.add_argument("zpl", type=Path, metavar="IN.zpl")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.png")
    p.add_argument(
        "--dpi", type=int, choices=limits.SUPPORTED_DPI, default=203, help="printer resolution (default 203)"
    )
    p.set_defaults(func=run_zpl2png)

    p = subparsers.add_parser("printers", help="list Zebra printers on USB (with status) and system print queues")
    p.add_argument("--json", action="store_true", help="print the list as JSON")
    p.set_defaults(func=run_printers)


def _error(message: str, code: int = 1) -> int:
    print(f"packstation: {message}", file=sys.stderr)
    return code


class _Refused(Exception):
    """A reason to stop, said on stderr, and the exit code (2: the command line is wrong; 1: the label)."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def run_label2zpl(args: argparse.Namespace) -> int:
    """Convert the PDF; write the ZPL; return 0, or 1/2 with the reason on stderr."""
    try:
        _label2zpl(args)
    except _Refused as exc:
        return _error(str(exc), exc.code)
    return 0


def _label2zpl(args: argparse.Namespace) -> None:
    from packstation.printing import barcodes, zpl_render

    pdf = _read_label_pdf(args)
    conversion = _convert_label(args, pdf)
    text = "".join(conversion.labels)
    for note in conversion.notes:
        print(f"note: {note}", file=sys.stderr)
    try:
        images = zpl_render.render(text, args.dpi).images
    except zpl_render.ZplRenderError as exc:
        raise _Refused(f"{args.pdf}: the ZPL made cannot be checked: {exc}") from None
    # Only the barcodes of the part of each page that is printed: not those of a sheet's other labels.
    source, output = barcodes.check(pdf, images, regions=conversion.regions)
    lost = barcodes.missing(source, output)
    if args.output:
        try:
            write_output(args.output, text.encode("ascii"))
        except InputError as exc:
            raise _Refused(str(exc), 2) from None
        print(f"{len(conversion.labels)} label(s), {len(text):,} bytes -> {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    refusal = barcodes.sheet_refusal(conversion, lost)
    if refusal is not None:
        raise _Refused(f"{args.pdf}: {refusal}")
    if lost:
        raise _Refused(f"these barcodes do not read after conversion: {', '.join(lost)}")


def _read_label_pdf(args: argparse.Namespace) -> bytes:
    try:
        # Checked before the work: an -o that names the input must not cost a conversion, nor the input.
        if args.output:
            check_output(args.output, [args.pdf])
        return read_input(args.pdf, limits.MAX_PDF_BYTES, "PDF")
    except InputError as exc:
        raise _Refused(str(exc), 2) from None


def _convert_label(args: argparse.Namespace, pdf: bytes) -> Conversion:
    from packstation.printing import barcodes, zpl

    try:
        geometry = zpl.LabelGeometry.from_mm(
            args.width_mm, args.height_mm, dpi=args.dpi, layout=args.layout, quadrant=args.position
        )
        return zpl.convert(pdf, geometry, encoding=args.encoding, locate_barcodes=barcodes.locate)
    except ValueError as exc:
        raise _Refused(str(exc), 2) from None
    except SheetPositionNeeded as exc:
        raise _Refused(f"{args.pdf}: {exc} Use --position 1-4.") from None
    except LabelError as exc:
        raise _Refused(f"{args.pdf}: {exc}") from None


def run_zpl2png(args: argparse.Namespace) -> int:
    """Render the ZPL graphics to PNG; return 0, or 1/2 with the reason on stderr."""
    from packstation.printing import zpl_render

    try:
        text = read_input(args.zpl, limits.MAX_ZPL_BYTES, "ZPL file").decode("latin-1")
    except InputError as exc:
        return _error(str(exc), 2)
    try:
        result = zpl_render.render(text, args.dpi)
    except zpl_render.ZplRenderError as exc:
        return _error(f"{args.zpl}: {exc}")
    if not result.images:
        return _error(f"{args.zpl} holds no ^XA...^XZ label")
    if result.unsupported_commands:
        print(f"note: not drawn: {' '.join(result.unsupported_commands)}", file=sys.stderr)
    outputs = (
        [args.output]
        if len(result.images) == 1
        else [
            args.output.with_name(f"{args.output.stem}-{i + 1}{args.output.suffix}") for i in range(len(result.images))
        ]
    )
    try:
        for path in outputs:
            check_output(path, [args.zpl])
        for path, image in zip(outputs, result.images, strict=True):
            write_output(path, zpl_render.bitmap_to_png(image))
    except InputError as exc:
        return _error(str(exc), 2)
    print(f"{len(outputs)} image(s) -> {', '.join(map(str, outputs))}", file=sys.stderr)
    return 0


def run_printers(args: argparse.Namespace) -> int:
    """List USB Zebras with their status and the system's print queues."""
    from packstation.domain.printers import USB_PRINTER
    from packstation.i18n import printer_state
    from packstation.printing.discovery import find_printers

    search = find_printers()
    rows: list[dict[str, Any]] = []
    for found in search.printers:
        row: dict[str, Any] = {
            "kind": "usb" if found.kind == USB_PRINTER else "spooler",
            "name": found.name,
            "address": found.address,
            "ready": found.ready,
            # A Zebra says why it cannot print in condition codes; a print queue's state is the system's own word.
            "status": printer_state(found.ready, found.conditions) if found.kind == USB_PRINTER else found.status,
        }
        if found.kind == USB_PRINTER:
            row["conditions"] = list(found.conditions)
        else:
            row["device"] = found.device
        rows.append(row)
    return report_found(
        "printers",
        rows,
        search.problems,
        as_json=args.json,
        none_found="No printers found (no Zebra on USB, no system print queues).",
        line=_printer_line,
    )


def _printer_line(row: dict[str, Any]) -> str:
    where = f" ({row['device']})" if row.get("device") else ""
    return f"{row['kind']:8} {row['name']:30} {row['address']:20} {row['status']}{where}"
