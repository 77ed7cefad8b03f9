"""What the settings dialog does beyond showing fields: save, store the keys, test the accounts, print a test label.

The dialog never touches files, the keyring, HTTP or printers: app.py hands this controller one SettingsPorts
(the callables that do), and the dialog's tabs ask the controller.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject

from packstation.domain.documents import PackingStation, station_named
from packstation.domain.errors import SecretsUnavailable
from packstation.domain.picklists import PicqerShippingProvider
from packstation.domain.printers import PrinterSearch
from packstation.settings import PrinterSettings, Settings
from packstation.ui.ports import NamedList, PicqerList
from packstation.ui.tasks import Tasks

log = logging.getLogger(__name__)

SaveSettings = Callable[[Settings], object]  # what it returns (the path written) is not used
SetKey = Callable[[str, str], None]  # (account, key); raises SecretsUnavailable without a keyring
GetKey = Callable[[str], str]
TestPicqer = Callable[[str, str], Awaitable[str]]  # (address, key) -> the user the key belongs to
TestMyParcel = Callable[[str, str, str], Awaitable[None]]  # (platform, API address, key)
PrintTestLabel = Callable[[PrinterSettings, str], Awaitable[None]]  # the printer, and its role (errors name it)
# (Picqer address, API key) -> the account's shipping providers with their profiles (GET /shippingproviders)
LoadPicqerProfiles = Callable[[str, str], Awaitable[Sequence[PicqerShippingProvider]]]
# (Picqer address, API key) -> id: name of one of the account's lists (GET /warehouses, GET /orderfields)
LoadPicqerNames = Callable[[str, str], Awaitable[Mapping[int, str]]]
# () -> the printers this computer sees (USB Zebras, system queues); takes a second or so: app.py runs it on a thread
DiscoverPrinters = Callable[[], Awaitable[PrinterSearch]]
LoadPackingStations = Callable[[str, str], Awaitable[Sequence[PackingStation]]]  # (address, key)


def _no_key(_account: str) -> str:
    return ""


@dataclass(frozen=True)
class SettingsPorts:
    """The outside world the settings dialog reaches, built by app.py (fakes in the tests)."""

    save_settings: SaveSettings
    set_key: SetKey
    test_picqer: TestPicqer
    test_myparcel: TestMyParcel
    print_test_label: PrintTestLabel
    load_picqer_profiles: LoadPicqerProfiles | None = None
    load_picqer_warehouses: LoadPicqerNames | None = None
    load_picqer_order_fields: LoadPicqerNames | None = None
    discover_printers: DiscoverPrinters | None = None
    load_picqer_packing_stations: LoadPackingStations | None = None
    get_key: GetKey = _no_key
    keyring_available: bool = True


class SettingsController(QObject):
    """Save, keys, connection tests, the test print and the Picqer lists, for one open settings dialog."""

    def __init__(self, ports: SettingsPorts, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ports = ports
        self.keyring_available = ports.keyring_available  # False once storing a key failed
        self._tasks = Tasks()
        self._searching_printers = False

    # --- save and keys -------------------------------------------------------------------------------

    def key(self, account: str) -> str:
        """Return the stored API key of an account ("" when none)."""
        return self.ports.get_key(account)

    def save(self, settings: Settings, keys: Mapping[str, str]) -> tuple[str, ...]:
        """Write the settings, then the changed keys (account: key); return the accounts whose key was not stored.

        Raises what writing the settings raised (a full disk, a read-only folder); keys are then not touched.
        """
        try:
            self.ports.save_settings(settings)
        except Exception as exc:
            log.warning("Saving settings failed: %s", exc)
            raise
        not_stored: list[str] = []
        for account, key in keys.items():
            try:
                self.ports.set_key(account, key)
            except SecretsUnavailable:
                not_stored.append(account)
        if not_stored:
            self.keyring_available = False
        return tuple(not_stored)

    # --- checks --------------------------------------------------------------------------------------

    async def test_picqer(self, address: str, key: str) -> str:
        """Return the Picqer user the key belongs to; raise the error that says what is wrong."""
        return await self.ports.test_picqer(address, key)

    async def test_myparcel(self, platform: str, base_url: str, key: str) -> None:
        await self.ports.test_myparcel(platform, base_url, key)

    async def print_test(self, printer: PrinterSettings, role: str) -> None:
        """Print the calibration label on a printer as entered (not yet saved)."""
        await self.ports.print_test_label(printer, role)

    def picqer_list(self, which: PicqerList) -> NamedList | None:
        """Return the loader of one named Picqer list as (id, name) pairs, or None when the station has none."""
        ports = self.ports
        if which is PicqerList.SHIPPING_PROFILES:
            return self._shipping_profile_names if ports.load_picqer_profiles is not None else None
        names = ports.load_picqer_warehouses if which is PicqerList.WAREHOUSES else ports.load_picqer_order_fields
        if names is None:
            return None
        loader = names

        async def named(address: str, key: str) -> list[tuple[int, str]]:
            return list((await loader(address, key)).items())

        return named

    async def _shipping_profile_names(self, address: str, key: str) -> list[tuple[int, str]]:
        assert self.ports.load_picqer_profiles is not None
        providers = await self.ports.load_picqer_profiles(address, key)
        return [
            (profile.id, f"{provider.name} - {profile.name}") for provider in providers for profile in provider.profiles
        ]

    # --- printers ------------------------------------------------------------------------------------

    @property
    def can_load_station_printers(self) -> bool:
        return self.ports.load_picqer_packing_stations is not None

    async def station_printers(self, address: str, key: str, station_name: str) -> PackingStation | None:
        """Return Picqer's packing station named like this station (its printers per role), or None."""
        assert self.ports.load_picqer_packing_stations is not None
        return station_named(list(await self.ports.load_picqer_packing_stations(address, key)), station_name)

    @property
    def can_search_printers(self) -> bool:
        return self.ports.discover_printers is not None

    async def find_printers(self) -> PrinterSearch | None:
        """Return the printers this computer sees (a failed search says why); None while a search already runs."""
        if self.ports.discover_printers is None or self._searching_printers:
            return None
        self._searching_printers = True
        try:
            return await self.ports.discover_printers()
        except Exception as exc:  # the search itself failed: say why and keep what was typed
            log.warning("Looking for printers failed: %s", exc)
            return PrinterSearch(problems=(str(exc) or type(exc).__name__,))
        finally:
            self._searching_printers = False

    # --- running checks without blocking the dialog --------------------------------------------------

    def spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        """Run a check on the event loop; the dialog stays usable."""
        self._tasks.start(coro)

    @property
    def busy(self) -> bool:
        """True while a connection test, a list load or a test print runs."""
        return self._tasks.busy

    async def close(self) -> None:
        """Cancel the checks still running and wait for them (the dialog closes or the app exits)."""
        await self._tasks.close()
