"""Labels on their way to a printer: what is sent, a picture of it, and the barcode check."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# The station's two printers are named by their role; the UI shows these names in the packer's language.
LABEL_PRINTER = "Label printer"
DOCUMENT_PRINTER = "Document printer"


@dataclass(frozen=True)
class PreparedLabel:
    """Exactly what will be sent to a printer, with a picture of it and the barcode check."""

    payload: bytes
    kind: Literal["zpl", "pdf"]
    previews_png: tuple[bytes, ...] = ()  # one image per label of exactly what is sent
    source_barcodes: tuple[str, ...] = ()
    output_barcodes: tuple[str, ...] = ()
    source_pdf: bytes = b""  # the label as MyParcel made it, to prepare it again for another printer
    from_carrier: bool = False  # the payload is the carrier's own ZPL, sent as MyParcel gave it

    @property
    def missing_barcodes(self) -> tuple[str, ...]:
        """Barcodes readable in the source PDF that do not read in what is sent."""
        return tuple(code for code in self.source_barcodes if code not in self.output_barcodes)


@dataclass(frozen=True)
class PrintReceipt:
    printer: str
    job_id: str
    detail: str = ""
    # Not printed yet: the printer is not ready (paper out, head open) and the job waits in its queue, which
    # prints it by itself once the printer is ready. Empty when the label printed.
    waiting: tuple[str, ...] = ()
