"""A label printer for the services' tests: it keeps what it was sent and can run out of paper."""

from __future__ import annotations

from packstation.domain.errors import PrinterNotReady
from packstation.domain.labels import PreparedLabel, PrintReceipt
from packstation.services.ports import LabelPrinter


class FakePrinter:
    """A ZPL printer that records each payload; `not_ready` is paper out, `lose_barcode` a label that prints badly."""

    name = "Zebra"

    def __init__(self) -> None:
        self.sent: list[bytes] = []
        self.not_ready = False
        self.lose_barcode = False

    async def prepare(self, pdf: bytes, carrier_zpl: bytes | None = None) -> PreparedLabel:
        output = () if self.lose_barcode else ("3SMYPA000001000",)
        if carrier_zpl is not None:
            return PreparedLabel(carrier_zpl, "zpl", (), ("3SMYPA000001000",), output, pdf, from_carrier=True)
        return PreparedLabel(b"^XA" + pdf + b"^XZ", "zpl", (), ("3SMYPA000001000",), output)

    async def send(self, label: PreparedLabel, job_name: str) -> PrintReceipt:
        if self.not_ready:
            raise PrinterNotReady(self.name, "paper out", ("paper_out",))
        self.sent.append(label.payload)
        return PrintReceipt(self.name, f"job-{len(self.sent)}")


def _satisfies_port(fake: FakePrinter) -> LabelPrinter:
    return fake  # mypy checks the fake against the port (CI: mypy tests/fakes)
