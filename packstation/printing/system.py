"""PDF labels to the operating system's printer through QPrinter and QPdfDocument.

The page size is set to the label exactly with zero margins: otherwise drivers tile an A6 label over two
or three thermal labels. Painting onto a QPrinter from a worker thread is allowed by Qt; a QGuiApplication
must exist (the app has one).
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QColor, QGuiApplication, QPageLayout, QPageSize, QPainter, QTransform
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from packstation.domain.errors import LabelError, PrinterDisconnected, PrinterNotFound
from packstation.printing.transport import OFFLINE, PrinterStatus

log = logging.getLogger(__name__)


def list_system_printers() -> list[str]:
    """Return the names of the printers Qt sees."""
    return [info.printerName() for info in QPrinterInfo.availablePrinters()]


class SystemPrinterTransport:
    """Prints PDF jobs on a named system printer (or the default one), one label per page."""

    def __init__(
        self,
        printer_name: str = "",
        *,
        width_mm: float = 101.6,
        height_mm: float = 152.4,
        name: str = "",
        output_file: Path | None = None,  # print to a PDF file instead (tests and "print to file")
        dpi: int = 0,  # 0 = the printer's own resolution
    ) -> None:
        self.printer_name = printer_name
        self.width_mm = width_mm
        self.height_mm = height_mm
        self.output_file = output_file
        self.dpi = dpi
        self._name = name or printer_name or "System printer"

    @property
    def name(self) -> str:
        return self._name

    def _make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.output_file is not None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(self.output_file))
        else:
            if self.printer_name:
                names = list_system_printers()
                if self.printer_name not in names:
                    raise PrinterNotFound(self.name, f"The system has no printer named '{self.printer_name}'.")
                printer.setPrinterName(self.printer_name)
            if not printer.isValid():
                raise PrinterNotFound(self.name, "No system printer is set up on this computer.")
        if self.dpi:
            printer.setResolution(self.dpi)
        size = QPageSize(QSizeF(self.width_mm, self.height_mm), QPageSize.Unit.Millimeter, "Label")
        layout = QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
        printer.setFullPage(True)
        if not printer.setPageLayout(layout):
            log.warning("%s does not accept a %.0f x %.0f mm page", self.name, self.width_mm, self.height_mm)
        printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
        return printer

    def _print(self, pdf: bytes, job_name: str) -> int:
        if QGuiApplication.instance() is None:
            raise PrinterNotFound(self.name, "Printing to a system printer needs the packstation window running.")
        data = QByteArray(pdf)
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument()
        document.load(buffer)
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
            raise LabelError(f"The label PDF cannot be read for the system printer ({document.error().name}).")
        printer = self._make_printer()
        printer.setDocName(job_name)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrinterDisconnected(self.name, "The system printer did not accept the job.")
        try:
            target = printer.pageRect(QPrinter.Unit.DevicePixel)
            options = QPdfDocumentRenderOptions()
            for index in range(document.pageCount()):
                if index:
                    printer.newPage()
                page_size = document.pagePointSize(index)
                # Turn landscape pages onto portrait labels rather than shrinking them.
                turn = (page_size.width() > page_size.height()) != (target.width() > target.height())
                w_px, h_px = int(target.width()), int(target.height())
                render_size = QSize(h_px, w_px) if turn else QSize(w_px, h_px)
                image = document.render(index, render_size, options)
                if image.isNull():
                    raise LabelError(f"Page {index + 1} of the label cannot be drawn.")
                if turn:
                    image = image.transformed(QTransform().rotate(90))
                page_rect = QRectF(0, 0, target.width(), target.height())
                # QtPdf renders onto transparency: lay the page on white paper, not on black.
                painter.fillRect(page_rect, QColor("white"))
                painter.drawImage(page_rect, image)
            return document.pageCount()
        finally:
            painter.end()
            document.close()
            buffer.close()

    async def send(self, data: bytes, job_name: str) -> None:
        """Print the PDF pages on the system printer, each page the size of the label."""
        pages = await asyncio.to_thread(self._print, data, job_name)
        log.info("system printer %s: %s, %d page(s)", self.name, job_name, pages)

    async def status(self) -> PrinterStatus:
        """Return ready when the printer exists (system queues report problems per job)."""
        if self.output_file is not None:
            return PrinterStatus(ready=True, detail=f"printing to {self.output_file}")
        names = await asyncio.to_thread(list_system_printers)
        if self.printer_name and self.printer_name not in names:
            return PrinterStatus(ready=False, conditions=(OFFLINE,), detail=f"no printer named {self.printer_name}")
        if not self.printer_name and not names:
            return PrinterStatus(ready=False, conditions=(OFFLINE,), detail="no system printer is set up")
        return PrinterStatus(ready=True)
