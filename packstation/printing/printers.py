"""Printer roles the services use (they match services.ports.LabelPrinter by shape): ZPL label printers and
PDF printers, and `build_printer`, which makes one from the printer settings."""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from packstation.domain.errors import LabelError, PrinterError, PrinterNotFound
from packstation.domain.labels import LABEL_PRINTER, PreparedLabel, PrintReceipt
from packstation.printing import barcodes, zpl, zpl_render
from packstation.printing.transport import OFFLINE, PrinterStatus, Transport, not_ready

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

PREVIEW_DPI = 100  # PDF previews; ZPL previews are at the printer's own dots


class PrinterConfig(Protocol):
    """The printer settings fields build_printer reads (settings.PrinterSettings has them).

    Read-only properties, so the frozen settings (whose StrEnum fields are str) satisfy it."""

    @property
    def transport(self) -> str: ...

    @property
    def address(self) -> str: ...

    @property
    def language(self) -> str: ...

    @property
    def dpi(self) -> int: ...

    @property
    def label_width_mm(self) -> float: ...

    @property
    def label_height_mm(self) -> float: ...

    @property
    def layout(self) -> str: ...

    @property
    def sheet_position(self) -> int: ...  # 0 = find the label on an A4 sheet; 1-4 = its quarter

    @property
    def encoding(self) -> str: ...

    @property
    def darkness(self) -> int: ...

    @property
    def speed(self) -> int: ...

    @property
    def media_type(self) -> str: ...

    @property
    def print_mode(self) -> str: ...

    @property
    def offset_x(self) -> int: ...

    @property
    def offset_y(self) -> int: ...


def _barcodes_lost(source: Sequence[str], output: Sequence[str]) -> str:
    """Why the carrier's label does not carry the PDF's barcodes, or "" when every one reads."""
    missing = [code for code in source if code not in output]
    if missing or not output:
        return f"its barcodes do not read as in the PDF (missing {', '.join(missing) or 'all'})"
    return ""


def _zpl_text(zpl_bytes: bytes) -> str:
    try:
        return zpl_bytes.decode("utf-8")
    except UnicodeDecodeError:
        return zpl_bytes.decode("latin-1")  # ^CI0-27 labels carry single-byte text


async def _checked_send(name: str, transport: Transport, payload: bytes, job_name: str) -> None:
    status = await transport.status()
    if not status.ready:
        if OFFLINE in status.conditions:
            raise PrinterNotFound(name, f"The printer cannot be reached: {status.detail or OFFLINE}.")
        raise not_ready(name, status.conditions)
    await transport.send(payload, job_name)


async def _start_source_decode(renderer: zpl.PdfRenderer, pdf: bytes) -> asyncio.Future[tuple[str, ...]]:
    """Render the source at the check resolution on the PDFium thread; decode it in the background."""
    pages = await renderer.run(zpl.render_pages_gray, pdf, barcodes.SOURCE_DPI, renderer.limits)
    return asyncio.ensure_future(_decode_pages(pages))


async def _start_located_decode(renderer: zpl.PdfRenderer, pdf: bytes) -> asyncio.Future[tuple[barcodes.Located, ...]]:
    """Like _start_source_decode, keeping where each barcode is (to leave out a sheet's other labels)."""
    pages = await renderer.run(zpl.render_pages_gray, pdf, barcodes.SOURCE_DPI, renderer.limits)

    async def decode() -> tuple[barcodes.Located, ...]:
        found = await asyncio.gather(
            *(asyncio.to_thread(barcodes.decode_located, image, index) for index, image in enumerate(pages))
        )
        return tuple(code for codes in found for code in codes)

    return asyncio.ensure_future(decode())


async def _decode_pages(images: Sequence[np.ndarray]) -> tuple[str, ...]:
    """Decode each page in its own worker thread and merge the texts in page order (as barcodes.decode_all)."""
    found = await asyncio.gather(*(asyncio.to_thread(barcodes.decode, image) for image in images))
    return tuple(dict.fromkeys(text for texts in found for text in texts))


class ZplLabelPrinter:
    """A Zebra (or compatible) printer fed ZPL: PDF pages become ^GFA graphics at the printer's dots."""

    def __init__(
        self,
        name: str,
        transport: Transport,
        geometry: zpl.LabelGeometry,
        frame: zpl.PrintFrame | None = None,
        encoding: str = "z64",
        *,
        renderer: zpl.PdfRenderer,
    ) -> None:
        if encoding not in zpl.ENCODINGS:
            raise ValueError(f"Unknown graphic encoding {encoding!r}; use one of {', '.join(zpl.ENCODINGS)}.")
        self._name = name
        self.transport = transport
        self.geometry = geometry
        self.frame = frame or zpl.PrintFrame()
        self.encoding = encoding
        # PDFium is not thread-safe: the renderer is the process's one (app.runtime.Runtime), handed in.
        self.renderer = renderer
        self._jobs = itertools.count(1)
        self.last_notes: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self._name

    async def prepare(self, pdf: bytes, carrier_zpl: bytes | None = None) -> PreparedLabel:
        """Convert the PDF to ZPL, render what will be sent, and read the barcodes of both.

        With `carrier_zpl` (the carrier's own ZPL of this label) that ZPL is sent as it came when it holds only
        commands the renderer draws, fits the label, and its render reads every barcode of the PDF; otherwise
        the PDF is converted as always and `last_notes` says why.

        An A4 sheet's label is found by itself unless the settings name its position; only the barcodes inside the
        part printed are checked. Raises SheetPositionNeeded for a sheet of several labels, and
        SheetLabelUnreadable when a label taken from a sheet loses a barcode in shrinking.
        """
        if carrier_zpl is not None:
            prepared, why_not = await self._prepare_carrier_zpl(pdf, carrier_zpl)
            if prepared is not None:
                self.last_notes = ("Printed the carrier's own ZPL.",)
                return prepared
            log.info("%s: the carrier's ZPL is not printed (%s); the PDF is converted instead", self.name, why_not)
            return await self._converted(pdf, why_not)
        return await self._prepare_pdf(pdf)

    async def _converted(self, pdf: bytes, why_not: str) -> PreparedLabel:
        prepared = await self._prepare_pdf(pdf)
        self.last_notes = (f"The carrier's ZPL was not used: {why_not}.", *self.last_notes)
        return prepared

    async def _prepare_carrier_zpl(self, pdf: bytes, carrier_zpl: bytes) -> tuple[PreparedLabel | None, str]:
        """Check the carrier's ZPL as the converted label is checked: render it, read its barcodes."""
        text = _zpl_text(carrier_zpl)
        foreign = zpl_render.allowed_commands_only(text, zpl_render.CARRIER_COMMANDS)
        if foreign:
            return None, f"it holds commands packstation does not check ({', '.join(foreign)})"
        source_task = await _start_source_decode(self.renderer, pdf)
        try:
            try:
                rendered = await asyncio.to_thread(zpl_render.render, text, self.geometry.dpi)
            except zpl_render.ZplRenderError as exc:
                return None, f"it cannot be drawn ({exc})"
            why_not = self._not_drawn_whole(rendered)
            if why_not:
                return None, why_not
            previews, output = await asyncio.gather(
                asyncio.to_thread(lambda: tuple(zpl_render.bitmap_to_png(i) for i in rendered.images)),
                _decode_pages(rendered.images),
            )
            source = await source_task
        finally:
            if not source_task.done():
                source_task.cancel()
                await asyncio.gather(source_task, return_exceptions=True)
        lost = _barcodes_lost(source, output)
        if lost:
            return None, lost
        label = PreparedLabel(
            payload=bytes(carrier_zpl),
            kind="zpl",
            previews_png=previews,
            source_barcodes=source,
            output_barcodes=output,
            source_pdf=bytes(pdf),
            from_carrier=True,
        )
        return label, ""

    def _not_drawn_whole(self, rendered: zpl_render.RenderResult) -> str:
        """Why the rendered carrier label cannot stand for the label, or "" when it can."""
        if rendered.unsupported_commands:
            return f"part of it cannot be drawn ({', '.join(rendered.unsupported_commands)})"
        if not rendered.images:
            return "it holds no label"
        return self._misfit(rendered.images)

    def _misfit(self, images: Sequence[np.ndarray]) -> str:
        """Say why the drawing does not suit this printer's label (another size or resolution), or ''."""
        import numpy as np

        width, length = self.geometry.width_dots, self.geometry.length_dots
        for image in images:
            rows, cols = np.nonzero(image)
            if not rows.size:
                return "a label of it is blank"
            if cols.max() >= width * 1.05 or rows.max() >= length * 1.05:
                return f"it is drawn larger than the {width} x {length} dot label"
            # A label made for a coarser head comes out shrunk: 203 dpi ZPL on a 300 dpi printer fills ~2/3.
            if cols.max() - cols.min() < width * 0.75:
                return f"it fills less than three quarters of the {width}-dot label width (another resolution?)"
        return ""

    async def _prepare_pdf(self, pdf: bytes) -> PreparedLabel:
        # The source is decoded off the PDFium thread (zxing-cpp releases the GIL) while the PDF is converted.
        source_task = await _start_located_decode(self.renderer, pdf)
        try:
            conversion = await self.renderer.convert(
                pdf, self.geometry, self.frame, self.encoding, locate_barcodes=barcodes.locate
            )
            payload = "".join(conversion.labels)
            # Preview and barcode check come from the ZPL itself, decoded back: exactly what is sent.
            rendered = await asyncio.to_thread(zpl_render.render, payload, self.geometry.dpi)
            previews, output = await asyncio.gather(
                asyncio.to_thread(lambda: tuple(zpl_render.bitmap_to_png(i) for i in rendered.images)),
                _decode_pages(rendered.images),
            )
            source = barcodes.in_regions(await source_task, conversion.regions)
        finally:
            if not source_task.done():
                source_task.cancel()
                await asyncio.gather(source_task, return_exceptions=True)
        self.last_notes = conversion.notes
        for note in conversion.notes:
            log.info("%s: %s", self.name, note)
        refusal = barcodes.sheet_refusal(conversion, barcodes.missing(source, output))
        if refusal is not None:
            raise refusal
        return PreparedLabel(
            payload=payload.encode("ascii"),
            kind="zpl",
            previews_png=previews,
            source_barcodes=source,
            output_barcodes=output,
            source_pdf=bytes(pdf),
        )

    async def status(self) -> PrinterStatus:
        """Return the transport's view of the printer."""
        return await self.transport.status()

    async def send(self, label: PreparedLabel, job_name: str) -> PrintReceipt:
        """Check the printer is ready, then send the ZPL; raise a PrinterError subclass if it did not go."""
        if label.kind != "zpl":
            raise LabelError(f"{self.name} prints ZPL; this label was prepared as {label.kind.upper()}.")
        # Only what this app itself writes may reach the printer: no stored-format, network or firmware
        # commands smuggled in through a label (the payload is checked where it is sent, whoever built it).
        # A carrier's ZPL may hold the drawing commands the renderer checked, nothing more.
        allowed = zpl_render.CARRIER_COMMANDS if label.from_carrier else zpl_render.APP_COMMANDS
        foreign = zpl_render.allowed_commands_only(label.payload.decode("ascii", errors="replace"), allowed)
        if foreign:
            raise LabelError(f"{self.name}: the label holds commands packstation never sends ({', '.join(foreign)}).")
        await _checked_send(self.name, self.transport, label.payload, job_name)
        return PrintReceipt(printer=self.name, job_id=f"{job_name}#{next(self._jobs)}", detail=self.transport.name)


class PdfLabelPrinter:
    """A printer that takes the PDF itself (system printer, or a PDF-capable queue)."""

    def __init__(self, name: str, transport_for_pdf: Transport, *, renderer: zpl.PdfRenderer) -> None:
        self._name = name
        self.transport = transport_for_pdf
        self.renderer = renderer
        self._jobs = itertools.count(1)

    @property
    def name(self) -> str:
        return self._name

    async def prepare(self, pdf: bytes, carrier_zpl: bytes | None = None) -> PreparedLabel:
        """Check the PDF opens, make page previews, and read its barcodes (the PDF is sent unchanged).

        A carrier's ZPL is of no use to a PDF printer and is left aside.
        """
        source_task = await _start_source_decode(self.renderer, pdf)
        try:
            pages = await self.renderer.run(zpl.render_pages_gray, pdf, PREVIEW_DPI, self.renderer.limits)
        except BaseException:
            source_task.cancel()
            await asyncio.gather(source_task, return_exceptions=True)
            raise

        def pngs() -> tuple[bytes, ...]:
            import io

            from PIL import Image

            out = []
            for page in pages:
                buffer = io.BytesIO()
                Image.fromarray(page).save(buffer, format="PNG")
                out.append(buffer.getvalue())
            return tuple(out)

        previews = await asyncio.to_thread(pngs)
        source = await source_task
        return PreparedLabel(
            payload=bytes(pdf), kind="pdf", previews_png=previews, source_barcodes=source, output_barcodes=source
        )

    async def status(self) -> PrinterStatus:
        """Return the transport's view of the printer."""
        return await self.transport.status()

    async def send(self, label: PreparedLabel, job_name: str) -> PrintReceipt:
        """Send the PDF; raise a PrinterError subclass if it did not go."""
        if label.kind != "pdf":
            raise LabelError(f"{self.name} prints PDF; this label was prepared as {label.kind.upper()}.")
        await _checked_send(self.name, self.transport, label.payload, job_name)
        return PrintReceipt(printer=self.name, job_id=f"{job_name}#{next(self._jobs)}", detail=self.transport.name)


def geometry_from(config: PrinterConfig, quadrant: int | None = None) -> zpl.LabelGeometry:
    """Return the label geometry described by printer settings (`quadrant` overrides their A4 position)."""
    layout: Literal["fit", "crop"] = "crop" if config.layout == "crop" else "fit"
    if quadrant is None and config.sheet_position in (1, 2, 3, 4):
        quadrant = config.sheet_position
    return zpl.LabelGeometry.from_mm(
        config.label_width_mm,
        config.label_height_mm,
        dpi=config.dpi,
        layout=layout,
        quadrant=quadrant,
    )


def frame_from(config: PrinterConfig) -> zpl.PrintFrame:
    """Return the ZPL frame options described by printer settings."""
    return zpl.PrintFrame(
        darkness=config.darkness,
        speed=config.speed,
        media_type=config.media_type,
        print_mode=config.print_mode,
        offset_x=config.offset_x,
        offset_y=config.offset_y,
    )


def build_transport(config: PrinterConfig, folder: Path, name: str) -> Transport:
    """Return the transport the settings name."""
    kind = config.transport
    if kind == "virtual":
        from packstation.printing.virtual import VirtualPrinter

        return VirtualPrinter(Path(config.address) if config.address else folder, name=name)
    if kind == "usb":
        from packstation.printing.usb import UsbTransport

        return UsbTransport(config.address, name=name)
    if kind == "network":
        from packstation.printing.network import NetworkTransport

        return NetworkTransport(config.address, name=name)
    if kind == "spooler":
        from packstation.printing.spooler import SpoolerTransport

        return SpoolerTransport(config.address, name=name)
    if kind == "system":
        from packstation.printing.system import SystemPrinterTransport

        return SystemPrinterTransport(
            config.address, width_mm=config.label_width_mm, height_mm=config.label_height_mm, name=name
        )
    raise PrinterError(name, f"Unknown printer connection {kind!r} (use usb, network, spooler, system or virtual).")


def build_printer(
    config: PrinterConfig, folder: Path, name: str = LABEL_PRINTER, *, renderer: zpl.PdfRenderer
) -> ZplLabelPrinter | PdfLabelPrinter:
    """Return the printer role for these settings: the PDF itself, or ZPL rendered at the printer's dots.

    `renderer` is the process's one PdfRenderer (app.runtime.Runtime.renderer): PDFium is not thread-safe.
    """
    transport = build_transport(config, folder, name)
    if config.transport == "system" or config.language == "pdf":
        return PdfLabelPrinter(name, transport, renderer=renderer)
    return ZplLabelPrinter(
        name, transport, geometry_from(config), frame_from(config), config.encoding, renderer=renderer
    )
