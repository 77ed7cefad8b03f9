"""What the settings dialog checks before saving: accounts, printers and a test label, built from its fields."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TypeVar

from packstation import secrets
from packstation.app.wiring import data_dir
from packstation.domain.documents import PackingStation
from packstation.domain.picklists import PicqerShippingProvider
from packstation.domain.printers import PrinterSearch
from packstation.domain.shipments import Platform
from packstation.settings import PicqerSettings, PrinterSettings

if TYPE_CHECKING:
    from packstation.clients.picqer import PicqerClient
    from packstation.printing.zpl import PdfRenderer

T = TypeVar("T")


async def check_picqer_account(address: str, key: str) -> str:
    """Return the name of the Picqer user a key belongs to (the settings dialog's "Test connection")."""
    user = await _ask_picqer(address, key, lambda client: client.current_user())
    return user.full_name or user.username


async def _ask_picqer(address: str, key: str, question: Callable[[PicqerClient], Awaitable[T]]) -> T:
    """Ask Picqer one question with the address and key the settings dialog holds (not yet saved).

    The client lives for that one question and is closed afterwards, also when the question fails.
    """
    from packstation.clients.http import HttpConfig, RateLimiter, RetryPolicy
    from packstation.clients.picqer import PicqerClient

    url = address if "://" in address else PicqerSettings(subdomain=address.strip()).url
    config = HttpConfig(base_url=url, api_key=key, api_key_variable=secrets.ENV_VARS[secrets.PICQER])
    client = PicqerClient(config, RateLimiter.for_picqer(), RetryPolicy(attempts=2))
    try:
        return await question(client)
    finally:
        await client.aclose()


async def load_picqer_shipping_profiles(address: str, key: str) -> list[PicqerShippingProvider]:
    """Return the Picqer account's shipping providers and profiles (the settings dialog's relay profile list)."""
    return await _ask_picqer(address, key, lambda client: client.list_shipping_providers())


async def load_picqer_order_fields(address: str, key: str) -> dict[int, str]:
    """Return the Picqer account's order fields, id -> title (the settings dialog's tracking-code field list)."""
    return await _ask_picqer(address, key, lambda client: client.list_order_fields())


async def load_picqer_packing_stations(address: str, key: str) -> list[PackingStation]:
    """Return Picqer's packing stations with their printers (the settings dialog's station printer defaults)."""
    return await _ask_picqer(address, key, lambda client: client.list_packing_stations())


async def load_picqer_warehouses(address: str, key: str) -> dict[int, str]:
    """Return the Picqer account's warehouses, id -> name (the settings dialog's warehouse list)."""
    return await _ask_picqer(address, key, lambda client: client.list_warehouses())


async def find_printers() -> PrinterSearch:
    """Return the USB Zebras and system print queues this computer sees (the settings dialog's printer lists).

    On a worker thread: asking each Zebra its status waits up to a second and a half, lpstat a moment.
    """
    from packstation.printing.discovery import find_printers as search

    return await asyncio.to_thread(search)


async def check_myparcel_account(platform: str, base_url: str, key: str) -> None:
    """Raise the typed error when the MyParcel key does not work on this platform (a harmless search)."""
    from packstation.clients.http import HttpConfig, RateLimiter, RetryPolicy
    from packstation.clients.myparcel import MyParcelClient

    client = MyParcelClient(
        HttpConfig(base_url=base_url, api_key=key, api_key_variable=secrets.ENV_VARS[secrets.MYPARCEL]),
        Platform(platform),
        RateLimiter.for_myparcel(),
        RetryPolicy(attempts=2),
    )
    try:
        await client.find_by_reference("packstation-connection-test")
    finally:
        await client.aclose()


async def print_test_label(config: PrinterSettings, role: str, *, renderer: PdfRenderer) -> None:
    """Print the calibration label on a printer as the settings dialog describes it (not yet saved).

    `role` names it in errors: LABEL_PRINTER or DOCUMENT_PRINTER. `renderer` is the desk's (Runtime.renderer):
    the test label renders on the same PDFium thread as the labels the desk is printing meanwhile.
    """
    from packstation.printing import printers, testlabel

    printer = printers.build_printer(config, data_dir() / "prints", role, renderer=renderer)
    pdf = testlabel.calibration_label_pdf(config.label_width_mm, config.label_height_mm)
    await printer.send(await printer.prepare(pdf), "test label")
