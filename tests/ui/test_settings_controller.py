"""The settings controller: what Save, the key store, the Picqer lists and the printer search do behind the dialog."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from packstation import settings as settings_module
from packstation.domain.printers import PrinterSearch
from packstation.secrets import MYPARCEL, PICQER
from packstation.settings import Settings, Transport
from packstation.ui.controllers.settings_controller import PicqerList, SettingsController, SettingsPorts
from tests.ui.test_settings_dialog import Station


def controller_for(station: Station, **ports: object) -> SettingsController:
    base: dict[str, object] = {
        "save_settings": station.save_settings,
        "set_key": station.set_key,
        "get_key": station.get_key,
        "test_picqer": station.test_picqer,
        "test_myparcel": station.test_myparcel,
        "print_test_label": station.print_test_label,
    }
    return SettingsController(SettingsPorts(**{**base, **ports}))  # type: ignore[arg-type]


def test_save_writes_the_settings_then_the_changed_keys(tmp_path: Path) -> None:
    station = Station(tmp_path / "settings.toml")
    controller = controller_for(station)
    assert controller.save(Settings(station_name="Tafel 3"), {PICQER: "pq-key"}) == ()
    assert settings_module.load(station.path).settings.station_name == "Tafel 3"
    assert controller.key(PICQER) == "pq-key" and controller.key(MYPARCEL) == ""
    assert controller.keyring_available


def test_keys_without_a_keyring_are_named_and_the_settings_still_saved(tmp_path: Path) -> None:
    station = Station(tmp_path / "settings.toml", keyring=False)
    controller = controller_for(station)
    assert controller.save(Settings(station_name="Tafel 3"), {PICQER: "pq", MYPARCEL: "mp"}) == (PICQER, MYPARCEL)
    assert settings_module.load(station.path).settings.station_name == "Tafel 3"
    assert not controller.keyring_available  # the dialog now shows where to put the keys instead


def test_a_settings_file_that_cannot_be_written_stores_no_key(tmp_path: Path) -> None:
    station = Station(tmp_path / "settings.toml")

    def full_disk(_settings: Settings) -> None:
        raise OSError(28, "No space left on device")

    controller = controller_for(station, save_settings=full_disk)
    with pytest.raises(OSError, match="No space left"):
        controller.save(Settings(), {PICQER: "pq-key"})
    assert station.keyring == {}


async def test_the_picqer_lists_come_by_name_and_only_when_the_station_can_load_them(tmp_path: Path) -> None:
    station = Station(tmp_path / "settings.toml")
    bare = controller_for(station)
    assert all(bare.picqer_list(which) is None for which in PicqerList)
    controller = controller_for(
        station, load_picqer_profiles=station.load_picqer_profiles, load_picqer_warehouses=station.load_warehouses
    )
    profiles = controller.picqer_list(PicqerList.SHIPPING_PROFILES)
    warehouses = controller.picqer_list(PicqerList.WAREHOUSES)
    assert profiles is not None and warehouses is not None and controller.picqer_list(PicqerList.ORDER_FIELDS) is None
    assert (await profiles("shop", "key"))[:2] == [
        (3001, "packstation relay - packstation - PostNL"),
        (3002, "packstation relay - packstation - PostNL handtekening"),
    ]
    assert await warehouses("shop", "key") == [(2811, "Hoofdmagazijn Utrecht"), (2812, "Winkel Antwerpen")]


async def test_a_printer_search_that_fails_says_why_and_runs_once_at_a_time(tmp_path: Path) -> None:
    station = Station(tmp_path / "settings.toml")
    station.printer_gate = asyncio.Event()
    controller = controller_for(station, discover_printers=station.discover_printers)
    first = asyncio.ensure_future(controller.find_printers())
    await asyncio.sleep(0)
    assert await controller.find_printers() is None  # Refresh while searching: the running search answers
    station.printer_gate.set()
    assert await first == station.printers

    async def no_libusb() -> PrinterSearch:
        raise RuntimeError("libusb is not installed")

    failing = controller_for(station, discover_printers=no_libusb)
    assert await failing.find_printers() == PrinterSearch(problems=("libusb is not installed",))
    assert not controller_for(station).can_search_printers


async def test_the_test_print_gets_the_printer_as_entered_and_its_role(tmp_path: Path) -> None:
    station = Station(tmp_path / "settings.toml")
    controller = controller_for(station)
    printer = settings_module.PrinterSettings(transport=Transport.NETWORK, address="10.0.0.9")
    await controller.print_test(printer, "document printer")
    assert station.test_prints == [printer] and station.test_roles == ["document printer"]
