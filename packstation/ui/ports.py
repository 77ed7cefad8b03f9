"""What views are handed instead of controllers: the controllers satisfy these protocols.

Views and widgets never import a controller (an import-linter contract); the composition root hands one in.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine, Mapping
from enum import StrEnum
from typing import Any, Protocol

from PySide6.QtCore import QObject

from packstation.domain.documents import PackingStation
from packstation.domain.printers import PrinterSearch
from packstation.settings import PrinterSettings, Settings

NamedList = Callable[[str, str], Awaitable[list[tuple[int, str]]]]  # (address, key) -> [(id, name)]


class PicqerList(StrEnum):
    """The Picqer lists the dialog chooses from by name."""

    SHIPPING_PROFILES = "shipping_profiles"  # "provider - profile", for the relay and the station profiles
    WAREHOUSES = "warehouses"
    ORDER_FIELDS = "order_fields"


class SettingsActions(Protocol):
    """What the settings dialog asks of its controller (ui/controllers/settings_controller.SettingsController)."""

    keyring_available: bool

    def setParent(self, parent: QObject | None) -> None: ...
    def key(self, account: str) -> str: ...
    def save(self, settings: Settings, keys: Mapping[str, str]) -> tuple[str, ...]: ...
    async def test_picqer(self, address: str, key: str) -> str: ...
    async def test_myparcel(self, platform: str, base_url: str, key: str) -> None: ...
    async def print_test(self, printer: PrinterSettings, role: str) -> None: ...
    def picqer_list(self, which: PicqerList) -> NamedList | None: ...
    @property
    def can_search_printers(self) -> bool: ...
    async def find_printers(self) -> PrinterSearch | None: ...
    @property
    def can_load_station_printers(self) -> bool: ...
    async def station_printers(self, address: str, key: str, station_name: str) -> PackingStation | None: ...
    def spawn(self, coro: Coroutine[Any, Any, None]) -> None: ...
    @property
    def busy(self) -> bool: ...
