"""The documents printed beside the label: Picqer's packing list, and the printers Picqer names per station."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from packstation.domain.picklists import Order, Picklist


class PackingListPolicy(StrEnum):
    """When this station prints Picqer's packing list on its document printer."""

    NEVER = "never"
    ALWAYS = "always"
    WHEN_ASKED = "when_asked"  # the order carries the tag, or a value in the order field, chosen in the settings


# Order field values that say "no" although the field is filled (a webshop's checkbox often writes one of these).
_NO_VALUES = frozenset({"0", "no", "nee", "false", "n"})


@dataclass(frozen=True)
class PackingListRule:
    """The station's packing-list setting: the policy, and for WHEN_ASKED the tag and order field that ask."""

    policy: PackingListPolicy = PackingListPolicy.NEVER
    tag: str = ""  # a picklist/order tag title, compared without case
    order_field_id: int | None = None  # an order field whose non-empty value (not "0"/"no") asks for it

    def wants(self, picklist: Picklist, order: Order | None) -> bool:
        """True when this picklist's packing list is to be printed."""
        if self.policy is PackingListPolicy.ALWAYS:
            return True
        if self.policy is not PackingListPolicy.WHEN_ASKED:
            return False
        wanted_tag = self.tag.strip().casefold()
        if wanted_tag and any(tag.strip().casefold() == wanted_tag for tag in picklist.tags):
            return True
        if self.order_field_id and order is not None:
            value = order.field_value(self.order_field_id).strip().casefold()
            return bool(value) and value not in _NO_VALUES
        return False


class StationPrinterRole(StrEnum):
    """What a printer of a Picqer packing station is for (its field in GET /packingstations)."""

    LABELS = "printer_shipping_labels"
    DOCUMENTS = "printer_shipping_documents"
    PACKING_LISTS = "printer_packinglists"
    PRODUCT_LABELS = "printer_product_labels"


@dataclass(frozen=True)
class StationPrinter:
    """A printer Picqer keeps for a packing station (Picqer prints through PrintNode; the name is what to match)."""

    id: int
    name: str
    paper: str = ""  # Picqer's "format": a4, a6, 4x6, custom ...
    width_mm: int | None = None  # custom formats only
    height_mm: int | None = None
    zpl: bool = False
    printnode_id: int | None = None


@dataclass(frozen=True)
class PackingStation:
    """A packing station set up in Picqer, with a printer per role (None: not set in Picqer)."""

    id: int
    name: str
    printers: tuple[tuple[StationPrinterRole, StationPrinter], ...] = ()

    def printer(self, role: StationPrinterRole) -> StationPrinter | None:
        return next((p for r, p in self.printers if r is role), None)

    def document_printer(self) -> StationPrinter | None:
        """The printer for A4 documents: Picqer's shipping-documents printer, else its packing-list printer."""
        return self.printer(StationPrinterRole.DOCUMENTS) or self.printer(StationPrinterRole.PACKING_LISTS)


def station_named(stations: list[PackingStation], name: str) -> PackingStation | None:
    """The Picqer packing station whose name is this station's name (without case), if any."""
    wanted = name.strip().casefold()
    return next((s for s in stations if wanted and s.name.strip().casefold() == wanted), None)
