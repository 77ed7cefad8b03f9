"""When the packing list prints, and which Picqer station printers a station takes."""

from __future__ import annotations

import pytest

from packstation.clients.picqer import parse_order, parse_packing_station
from packstation.domain.documents import PackingListPolicy, PackingListRule, StationPrinterRole, station_named
from packstation.domain.picklists import DeliveryAddress, Picklist, PicklistStatus
from packstation.domain.profiles import default_profiles, profile_from_dict, profile_to_dict
from packstation.domain.shipments import Platform, ReturnLabel


def _picklist(*tags: str) -> Picklist:
    delivery = DeliveryAddress(name="A", contact="A", address_line="Kerkstraat 1", postal_code="1017GC", city="A")
    return Picklist(id=1, number="P1", status=PicklistStatus.NEW, delivery=delivery, tags=tags)


def _order(value: str):
    return parse_order({"idorder": 5, "orderfields": [{"idorderfield": 302, "title": "Pakbon", "value": value}]})


@pytest.mark.parametrize(
    ("rule", "tags", "value", "wanted"),
    [
        (PackingListRule(PackingListPolicy.NEVER, "Pakbon", 302), ("Pakbon",), "ja", False),
        (PackingListRule(PackingListPolicy.ALWAYS), (), "", True),
        (PackingListRule(PackingListPolicy.WHEN_ASKED, tag="pakbon"), (" Pakbon ",), "", True),
        (PackingListRule(PackingListPolicy.WHEN_ASKED, tag="Pakbon"), ("Cadeau",), "ja", False),
        (PackingListRule(PackingListPolicy.WHEN_ASKED, order_field_id=302), (), "ja", True),
        (PackingListRule(PackingListPolicy.WHEN_ASKED, order_field_id=302), (), "nee", False),
        (PackingListRule(PackingListPolicy.WHEN_ASKED, order_field_id=302), (), "0", False),
        (PackingListRule(PackingListPolicy.WHEN_ASKED, order_field_id=302), (), "  ", False),
        (PackingListRule(PackingListPolicy.WHEN_ASKED), ("Pakbon",), "ja", False),  # nothing chosen: never asks
    ],
)
def test_the_packing_list_prints_when_the_rule_says(rule, tags, value, wanted) -> None:
    assert rule.wants(_picklist(*tags), _order(value)) is wanted


def test_a_station_takes_the_printers_of_picqers_station_with_its_name() -> None:
    printer = {"idprinter": 2, "name": "Kantoor", "format": "a4", "zpl_support": False, "printnode_printerid": 7}
    stations = [
        parse_packing_station(
            {
                "idpacking_station": 1,
                "name": "Paktafel 1",
                "printer_packinglists": printer,
                "printer_shipping_labels": None,
                "printer_shipping_documents": None,
                "printer_product_labels": None,
            }
        )
    ]
    station = station_named(stations, " paktafel 1 ")
    assert station is not None and station.printer(StationPrinterRole.LABELS) is None
    document = station.document_printer()  # no shipping-documents printer: the packing-list one
    assert document is not None and (document.name, document.paper, document.printnode_id) == ("Kantoor", "a4", 7)
    assert station_named(stations, "") is None and station_named(stations, "Paktafel 2") is None


def test_a_profiles_return_label_survives_the_settings_file() -> None:
    profile = default_profiles(Platform.MYPARCEL)[0]
    assert "return_label" not in profile_to_dict(profile)  # files of profiles without one read as before
    data = profile_to_dict(profile) | {"return_label": "printerless"}
    assert profile_from_dict(data).return_label is ReturnLabel.PRINTERLESS
    with pytest.raises(ValueError, match="return label"):
        profile_from_dict(data | {"return_label": "sometimes"})
