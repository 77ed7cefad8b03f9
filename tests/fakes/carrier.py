"""An in-memory MyParcel for the services' tests: shipments by reference, labels as small fake PDFs."""

from __future__ import annotations

import dataclasses

from packstation.domain.shipments import LabelFormat, Shipment, ShipmentRequest
from packstation.services.ports import ShipmentCarrier


class FakeMyParcel:
    """MyParcel in memory: creation is idempotent per reference only when the service looks first."""

    def __init__(self) -> None:
        self.shipments: list[Shipment] = []
        self.created = 0
        self.calls: list[str] = []
        self.carrier_zpl: bytes | None = None

    async def find_by_reference(self, reference: str) -> list[Shipment]:
        return [s for s in self.shipments if s.reference == reference]

    async def create(self, request: ShipmentRequest, *, looked_up: bool = False) -> list[Shipment]:
        self.created += 1
        new = [
            Shipment(id=1000 + len(self.shipments) + i, reference=ref, carrier=request.carrier)
            for i, ref in enumerate(request.parcel_references)
        ]
        self.shipments += new
        return new

    async def get_shipment(self, shipment_id: int) -> Shipment:
        shipment = next(s for s in self.shipments if s.id == shipment_id)
        return dataclasses.replace(shipment, status=2, barcode=f"3SMYPA{shipment_id:09d}")

    async def fetch_label(self, shipment_ids: list[int], label_format: LabelFormat) -> bytes:
        self.calls.append("pdf")
        return b"%PDF-1.4 label " + ",".join(map(str, shipment_ids)).encode()

    async def fetch_carrier_zpl(self, shipments: list[Shipment]) -> bytes | None:
        self.calls.append("zpl")
        return self.carrier_zpl

    async def create_related_return(
        self, parent: Shipment, *, name: str, email: str, package_type: int = 1, printerless: bool = False
    ) -> int:
        self.calls.append("return")
        return 5000 + parent.id

    async def tracking_url(self, shipment: Shipment) -> str:
        return f"https://track.example/{shipment.barcode}"


def _satisfies_port(fake: FakeMyParcel) -> ShipmentCarrier:
    return fake  # mypy checks the fake against the port (CI: mypy tests/fakes)
