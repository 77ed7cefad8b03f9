"""An in-memory Picqer for the services' tests: one picklist, and the calls made on it in order."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator

from packstation.domain.documents import PackingStation
from packstation.domain.errors import ApiMessage, PicklistNotPackable, RequestTimeout, ShipmentNotRegistered
from packstation.domain.picklists import (
    Order,
    Picklist,
    PicklistStatus,
    PicqerProfile,
    PicqerShipment,
    PicqerShippingProvider,
    PicqerUser,
)
from packstation.services.ports import PicklistSource


class FakePicqer:
    """Picqer with one picklist; knobs make it fail the way the real one can."""

    def __init__(self, picklist: Picklist) -> None:
        self.picklist = picklist
        self.comments: list[str] = []
        self.calls: list[str] = []
        self.fail_close_once = False
        self.shipments: list[PicqerShipment] = []  # Picqer shipments made through create_shipment
        self.shipment_bodies: list[tuple[int, int | None, list[int]]] = []
        self.shipment_packagings: list[list[int]] = []
        self.lose_shipment_reply = False  # store the shipment, then fail as if the reply was lost
        self.refuse_shipment: list[str] = []  # the relay's messages, once
        self.closes_on_shipment = False  # Picqer closing the picklist by itself when a shipment is made

    async def create_shipment(
        self, picklist_id: int, profile_id: int, weight_grams=None, parcel_weights=(), packaging_ids=()
    ):
        self.calls.append("create_shipment")
        if self.refuse_shipment:
            reasons, self.refuse_shipment = tuple(self.refuse_shipment), []
            raise ShipmentNotRegistered("Picqer", 400, (ApiMessage("Cannot create shipment", 26),), reasons)
        self.shipment_bodies.append((profile_id, weight_grams, list(parcel_weights)))
        self.shipment_packagings.append(list(packaging_ids))
        shipment = PicqerShipment(id=500 + len(self.shipments), picklist_id=picklist_id, profile_id=profile_id)
        self.shipments.append(shipment)
        if self.closes_on_shipment:
            self.picklist = dataclasses.replace(self.picklist, status=PicklistStatus.CLOSED)
        if self.lose_shipment_reply:
            self.lose_shipment_reply = False
            raise RequestTimeout("Picqer", "no answer in time (ReadTimeout)")
        return shipment

    async def list_shipments(self, picklist_id: int) -> list[PicqerShipment]:
        self.calls.append("list_shipments")
        return list(self.shipments)

    async def iter_picklists(
        self,
        status: PicklistStatus | None = PicklistStatus.NEW,
        warehouse_id: int | None = None,
        search: str | None = None,
        *,
        since_id: int | None = None,
        background: bool = False,
    ) -> AsyncIterator[Picklist]:
        self.calls.append("iter_picklists")
        if status is None or self.picklist.status == status:
            yield self.picklist

    async def packing_list_pdf(self, picklist_id: int) -> bytes:
        self.calls.append("packing_list_pdf")
        return b"%PDF-1.4 packing list " + str(picklist_id).encode()

    async def list_packing_stations(self) -> list[PackingStation]:
        return []

    async def list_profiles(self) -> list[PicqerProfile]:
        return []

    async def set_order_field(self, order_id: int, order_field_id: int, value: str) -> None:
        self.calls.append("set_order_field")

    async def list_shipping_providers(self) -> list[PicqerShippingProvider]:
        return []

    async def find_picklist(self, number: str) -> Picklist | None:
        return self.picklist if number == self.picklist.number else None

    async def get_picklist(self, picklist_id: int) -> Picklist:
        self.calls.append("get_picklist")
        return self.picklist

    async def get_order(self, order_id: int) -> Order:
        return Order(id=order_id, number="O2024-00009", reference="Webshop #77")

    async def add_comment(self, picklist_id: int, text: str) -> None:
        self.comments.append(text)

    async def list_comments(self, picklist_id: int) -> list[str]:
        return list(self.comments)

    async def current_user(self) -> PicqerUser:
        return PicqerUser(1, "bench1", "Bench One")

    async def list_users(self, active_only: bool = True) -> list[PicqerUser]:
        return [PicqerUser(1, "bench1", "Bench One"), PicqerUser(2, "bench2", "Bench Two")]

    async def assign(self, picklist_id: int, user_id: int) -> None:
        self.calls.append("assign")
        self.picklist = dataclasses.replace(self.picklist, assigned_user_id=user_id)

    async def unassign(self, picklist_id: int) -> None:
        self.calls.append("unassign")
        self.picklist = dataclasses.replace(self.picklist, assigned_user_id=None)

    async def pick(self, picklist_id: int, picks, on_picked=None) -> None:
        for item in picks:
            self.calls.append("pick")
            if on_picked is not None:
                on_picked(item)

    async def get_products(self, product_ids) -> dict:
        return {}

    async def get_parts(self, product_id: int) -> list:
        return []

    async def list_packagings(self) -> list:
        return []

    async def pick_all(self, picklist_id: int) -> None:
        self.calls.append("pick_all")
        self.picklist = dataclasses.replace(self.picklist, total_picked=self.picklist.total_products)

    async def close_picklist(self, picklist_id: int) -> None:
        if self.fail_close_once:
            self.fail_close_once = False
            raise PicklistNotPackable(self.picklist.number, "locked")
        self.calls.append("close")
        self.picklist = dataclasses.replace(self.picklist, status=PicklistStatus.CLOSED)


def _satisfies_port(fake: FakePicqer) -> PicklistSource:
    return fake  # mypy checks the fake against the port (CI: mypy tests/fakes)
