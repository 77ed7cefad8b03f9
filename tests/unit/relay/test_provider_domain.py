"""The protocol's domain rules without a server: carrier keys, the address check of a desk booking."""

from __future__ import annotations

from pathlib import Path

import pytest

from packstation.domain.picklists import DeliveryAddress
from packstation.domain.provider import booked_address, carrier_key, needs_a4, recipient_matches
from packstation.domain.shipments import Carrier, Platform, Shipment


@pytest.mark.parametrize(
    ("carrier", "platform", "key"),
    [
        (Carrier.POSTNL, Platform.MYPARCEL, "postnl"),
        (Carrier.BPOST, Platform.SENDMYPARCEL, "bpost"),
        (Carrier.DPD, Platform.MYPARCEL, "dpd_nl"),
        (Carrier.DPD, Platform.SENDMYPARCEL, "dpd_be"),
        (Carrier.UPS, Platform.MYPARCEL, "ups"),
        (9, Platform.MYPARCEL, "dhl_for_you"),
        (14, Platform.MYPARCEL, "gls"),
        (Carrier.INSTABOX, Platform.MYPARCEL, "other"),
    ],
)
def test_carrier_keys(carrier: Carrier | int, platform: Platform, key: str) -> None:
    assert carrier_key(carrier, platform) == key


def _booked(postal: str, number: str, cc: str = "NL", suffix: str = "") -> Shipment:
    return Shipment(
        id=1,
        reference="P1",
        carrier=Carrier.POSTNL,
        recipient_postal_code=postal,
        recipient_cc=cc,
        recipient_street="Meander",
        recipient_number=number,
        recipient_number_suffix=suffix,
        recipient_city="Arnhem",
    )


@pytest.mark.parametrize(
    ("booked", "line", "postal", "country", "same"),
    [
        (_booked("6825 MC", "251"), "Meander 251", "6825mc", "nl", True),
        (_booked("6825MC", "251", suffix="A"), "Meander 251A", "6825 MC", "NL", True),
        (_booked("6825MC", "251"), "Meander 253", "6825MC", "NL", False),
        (_booked("6825MC", "251"), "Meander 251", "6825MD", "NL", False),
        (_booked("6825MC", "251"), "Meander 251", "6825MC", "BE", False),
        # The desk corrected a line the splitter reads two ways: the number is in it, the postal code matches.
        (_booked("6825MC", "251", suffix="2"), "Meander 251-2", "6825MC", "NL", True),
        (_booked("1000", "12", cc="BE"), "Rue Neuve 12 bus 3", "1000", "BE", True),
    ],
)
def test_a_desk_booking_matches_picqers_address_by_postal_code_and_number(
    booked: Shipment, line: str, postal: str, country: str, same: bool
) -> None:
    picqer = DeliveryAddress(name="X", address_line=line, postal_code=postal, city="Arnhem", country=country)
    assert recipient_matches(booked, picqer) is same


def test_booked_address_and_paper_size() -> None:
    assert booked_address(_booked("6825 MC", "251", suffix="A")) == "Meander 251A, 6825 MC Arnhem, NL"
    assert not needs_a4(_booked("6825MC", "1"))
    assert needs_a4(_booked("1201", "1", cc="CH"))


def test_an_embedded_relay_for_one_account_as_demo_mode_starts_it(tmp_path: Path) -> None:
    import httpx

    from packstation.demo import DemoServers
    from packstation.relay.config import single_account
    from packstation.relay.embedded import RelayThread

    with DemoServers(picklist_count=1) as demo:
        config = single_account(
            "demo-picqer",
            "demo-relay-password",
            demo.myparcel_api_key,
            myparcel_base_url=demo.myparcel_url,
            database=f"sqlite:///{tmp_path / 'relay-locks.sqlite3'}",
        )
        relay = RelayThread(config)
        base_url = relay.start()
        try:
            assert base_url.startswith("http://127.0.0.1:")
            response = httpx.get(f"{base_url}/config-options", auth=("demo-picqer", "demo-relay-password"))
            assert response.status_code == 200
        finally:
            relay.stop()
        with pytest.raises(httpx.TransportError):
            httpx.get(f"{base_url}/healthz", timeout=1)
