"""Composition root: the only place concrete clients, printers and the journal are built and wired."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import sys
import tempfile
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from packstation import logs, secrets
from packstation import settings as settings_module
from packstation.domain.documents import PackingStation
from packstation.domain.errors import Violation
from packstation.domain.labels import DOCUMENT_PRINTER, LABEL_PRINTER
from packstation.domain.picklists import PicqerShippingProvider, WriteBackMode
from packstation.domain.printers import PrinterSearch
from packstation.domain.profiles import ShippingProfile, default_profiles
from packstation.domain.shipments import Platform
from packstation.services.ports import LabelPrinter, PicklistSource, PrintQueues, Scale
from packstation.services.shipping import ShippingService, WriteBackPolicy
from packstation.services.weighing import Weighing
from packstation.settings import (
    Language,
    PicqerSettings,
    PrinterSettings,
    ScaleKind,
    ScaleSettings,
    Settings,
    Transport,
)

if TYPE_CHECKING:
    from packstation.clients.picqer import PicqerClient
    from packstation.demo import DemoServers
    from packstation.relay.embedded import RelayThread
    from packstation.ui.messages import Messages

log = logging.getLogger(__name__)
DATA_DIR_ENV = "PACKSTATION_DATA_DIR"
# Start the printing warm-up after the first paint and the picklist load's first requests (it shares the GIL).
WARM_UP_DELAY_MS = 300


def data_dir() -> Path:
    """Return the folder for the journal, stored labels and demo prints."""
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env)
    import platformdirs

    return Path(platformdirs.user_data_dir("packstation", appauthor=False))


def use_demo_data_dir() -> None:
    """Keep demo shipments out of the station's real journal: demo mode gets its own data folder."""
    if not os.environ.get(DATA_DIR_ENV):
        os.environ[DATA_DIR_ENV] = str(data_dir() / "demo")


@dataclass
class AppContext:
    """Everything the app runs on, built once; close it with `aclose()`."""

    settings: Settings
    service: ShippingService
    printer: LabelPrinter
    print_queues: PrintQueues
    picklists: PicklistSource
    demo: DemoServers | None = None
    print_folder: Path | None = None  # where the virtual printer writes, if that is the label printer
    settings_problems: tuple[Violation, ...] = ()  # what was wrong in the settings file (defaults used instead)
    journal_problem: str = ""  # the shipment journal could not be used and a new one was started: why, where
    # The station's scale (None: settings scale.kind = "none") and the service that keeps it read; the window
    # starts `weighing` on its loop (weighing.start()) and listens to it. Demo mode has a VirtualScale.
    scale: Scale | None = None
    weighing: Weighing | None = None
    _closers: list[Callable[[], Awaitable[None]]] = field(default_factory=list)

    async def aclose(self) -> None:
        for closer in reversed(self._closers):
            with contextlib.suppress(Exception):
                await closer()
        self._closers.clear()


def load_profiles(settings: Settings, platform: Platform) -> tuple[ShippingProfile, ...]:
    """Return the configured shipping profiles (parsed when the settings were read), or the platform's defaults."""
    return settings.profiles or default_profiles(platform)


def build_printers(
    settings: Settings, folder: Path, *, wait_while_held: bool = False
) -> tuple[PrintQueues, LabelPrinter, LabelPrinter]:
    """Build both printer roles, each behind its own serial queue; return (queues, label, document).

    A label held for paper returns at once (the window goes on, the queue prints it later), unless
    `wait_while_held`: then printing waits for the paper (headless `ship`, which exits when done).
    """
    from packstation.printing import printers
    from packstation.printing.queue import PrintQueues as Queues

    queues = Queues(wait_while_held=wait_while_held)
    label = queues.add(printers.build_printer(settings.label_printer, folder, LABEL_PRINTER))
    document = queues.add(printers.build_printer(settings.document_printer, folder, DOCUMENT_PRINTER))
    return queues, label, document


def build_context(
    settings: Settings, keys: secrets.ApiKeys, *, demo: DemoServers | None = None, wait_while_held: bool = False
) -> AppContext:
    """Wire clients, printer, journal and the shipping service for these settings and keys."""
    from packstation.clients.http import HttpConfig, RateLimiter, RetryPolicy, RetryWaits
    from packstation.clients.myparcel import MyParcelClient
    from packstation.clients.picqer import PicqerClient

    platform = settings.myparcel.platform
    picqer = PicqerClient(
        HttpConfig(
            base_url=settings.picqer.url, api_key=keys.picqer, api_key_variable=secrets.ENV_VARS[secrets.PICQER]
        ),
        RateLimiter.for_picqer(),
        RetryPolicy(),
    )
    myparcel = MyParcelClient(
        HttpConfig(
            base_url=settings.myparcel.base_url,
            api_key=keys.myparcel,
            api_key_variable=secrets.ENV_VARS[secrets.MYPARCEL],
        ),
        platform,
        RateLimiter.for_myparcel(),
        RetryPolicy(),
    )
    folder = data_dir()
    print_folder = Path(settings.label_printer.address or folder / "prints")
    queues, printer, document_printer = build_printers(settings, print_folder, wait_while_held=wait_while_held)
    from packstation.journal import open_journal

    journal, problem = open_journal(folder / "journal.sqlite3", folder / "labels", settings.station_name or "station")
    wb = settings.write_back
    service = ShippingService(
        picqer,
        myparcel,
        printer,
        load_profiles(settings, platform),
        platform,
        WriteBackPolicy(
            comment=wb.comment,
            order_field_id=wb.order_field_id or None,
            pick_all=wb.pick_all,
            close=wb.close,
            claim=wb.claim,
            # Without a profile the policy writes the comment (load() names that problem).
            mode=wb.mode,
            picqer_profile_id=wb.picqer_profile_id or None,
        ),
        journal=journal,
        document_printer=document_printer,
        waits=RetryWaits(),
        packing_list=settings.packing_list.rule(),
    )
    context = AppContext(
        settings=settings,
        service=service,
        printer=printer,
        print_queues=queues,
        picklists=picqer,
        demo=demo,
        print_folder=print_folder if settings.label_printer.transport == "virtual" else None,
        journal_problem=problem or "",
    )
    context._closers += [picqer.aclose, myparcel.aclose, queues.close, _async(journal.close)]
    scale = build_scale(settings.scale)
    if scale is not None:
        context.scale = scale
        context.weighing = Weighing(scale)
        context._closers.append(context.weighing.stop)  # stops reading and closes the scale
    if demo is not None:
        context._closers.append(_async(demo.stop))
    return context


def build_scale(settings: ScaleSettings) -> Scale | None:
    """Return the scale the settings name (not opened yet), or None for kind "none" (typing only)."""
    if settings.kind is ScaleKind.HID:
        from packstation.scale.hid_pos import HidPosScale

        return HidPosScale(settings.device)
    if settings.kind is ScaleKind.TOLEDO:
        from packstation.scale.toledo import ToledoScale

        return ToledoScale(settings.serial_port, unit=settings.serial_unit, baudrate=settings.serial_baudrate)
    if settings.kind is ScaleKind.VIRTUAL:
        from packstation.scale.virtual import VirtualScale

        return VirtualScale()
    return None


def _async(fn: Callable[[], object]) -> Callable[[], Awaitable[None]]:
    async def call() -> None:
        fn()

    return call


def demo_settings(
    servers: DemoServers, base: Settings | None = None, *, picqer_shipments: bool | None = None
) -> tuple[Settings, secrets.ApiKeys]:
    """Return settings and keys that point at the embedded demo servers and the virtual printer.

    With a relay behind the demo Picqer (`connect_demo_relay`, or `picqer_shipments=True` for one that is still
    starting) each parcel is registered as a Picqer shipment, as a station with a relay does; without one the
    desk writes the comment.
    """
    base = base or Settings()
    if picqer_shipments is None:
        picqer_shipments = bool(servers.picqer.relay_shipment_url)
    write_back = base.write_back
    if picqer_shipments:
        write_back = replace(write_back, mode=WriteBackMode.PICQER_SHIPMENT, picqer_profile_id=DEMO_RELAY_PROFILE_ID)
    settings = replace(
        base,
        station_name=base.station_name or "demo",
        picqer=replace(base.picqer, base_url=servers.picqer_url, warehouse_id=0),
        myparcel=replace(base.myparcel, platform=Platform.MYPARCEL, base_url=servers.myparcel_url),
        label_printer=replace(base.label_printer, transport=Transport.VIRTUAL, address=""),
        document_printer=replace(base.document_printer, transport=Transport.VIRTUAL, address=""),
        write_back=write_back,
        # The demo's scale is virtual: its weight is set with keys, it can be "unplugged" (scale/virtual.py).
        scale=replace(base.scale, kind=ScaleKind.VIRTUAL),
        profiles=demo_profiles(),
    )
    return settings, secrets.ApiKeys(picqer=servers.picqer_api_key, myparcel=servers.myparcel_api_key)


# The demo Picqer's "packstation relay" profile the desk registers its parcels with (seed.RELAY_PROFILE_POSTNL).
DEMO_RELAY_PROFILE_ID = 3001


def connect_demo_relay(servers: DemoServers, folder: Path) -> RelayThread:
    """Serve a relay for the demo account and point the demo Picqer's custom shipping provider at it.

    The relay books nothing the desk booked: it finds the desk's label at the demo MyParcel by reference and
    returns it, so Picqer stores the shipment (tracking code, label links) as it would in production.
    """
    import secrets as random_secrets

    from packstation.relay.config import single_account
    from packstation.relay.embedded import RelayThread

    folder.mkdir(parents=True, exist_ok=True)
    username, password = "demo-picqer", random_secrets.token_urlsafe(16)
    config = single_account(
        username,
        password,
        servers.myparcel_api_key,
        myparcel_base_url=servers.myparcel_url,
        database=f"sqlite:///{folder / 'relay-locks.sqlite3'}",
    )
    relay = RelayThread(config)
    servers.picqer.connect_relay(relay.start(), username, password)
    return relay


# The demo Picqer account's shipping-provider profiles, linked to the local profiles an admin would link them
# to, so a demo picklist opens with its profile chosen (its Belgian profiles ship with PostNL from the NL account).
DEMO_PROFILE_LINKS = {
    "PostNL standaard": (1365, 1287, 1290, 2001, 2002),
    "PostNL handtekening": (1366,),
    "PostNL brievenbuspakje": (1367,),
    "PostNL ophaalpunt": (1368,),
}


def demo_profiles() -> tuple[ShippingProfile, ...]:
    """Return the MyParcel.nl default profiles, linked to the demo Picqer profiles."""
    return tuple(
        replace(p, picqer_profile_ids=DEMO_PROFILE_LINKS.get(p.name, ())) for p in default_profiles(Platform.MYPARCEL)
    )


@contextlib.asynccontextmanager
async def open_context(*, demo: bool, wait_while_held: bool = False) -> AsyncIterator[AppContext]:
    """Build the context from the settings file (or the demo servers) and close it afterwards (see
    build_printers for `wait_while_held`)."""
    loaded = settings_module.load()
    if demo:
        from packstation.demo import DemoServers

        use_demo_data_dir()
        servers = DemoServers()
        servers.start()
        try:
            relay = connect_demo_relay(servers, data_dir())
        except BaseException:
            servers.stop()
            raise
        settings, keys = demo_settings(servers, loaded.settings)
        context = build_context(settings, keys, demo=servers, wait_while_held=wait_while_held)
        context._closers.append(_async(relay.stop))  # closed before the demo servers (closers run in reverse)
    else:
        context = build_context(loaded.settings, secrets.load_keys(), wait_while_held=wait_while_held)
    context.settings_problems = loaded.problems
    try:
        yield context
    finally:
        await context.aclose()


def self_test() -> int:
    """Ship one demo picklist through every step without a window; print one line; 0 on success.

    Its journal, label and print job go to $PACKSTATION_DATA_DIR when that is set (and stay there), else to
    a temporary folder that is removed afterwards: checking a station must not leave files behind.
    """
    started = time.perf_counter()
    if os.environ.get(DATA_DIR_ENV):
        return _run_self_test(started, keep=True)
    with tempfile.TemporaryDirectory(prefix="packstation-selftest-", ignore_cleanup_errors=True) as folder:
        os.environ[DATA_DIR_ENV] = folder
        try:
            return _run_self_test(started, keep=False)
        finally:
            del os.environ[DATA_DIR_ENV]


def _run_self_test(started: float, *, keep: bool) -> int:
    try:
        return asyncio.run(_self_test(started, keep=keep))
    except Exception as exc:  # the self-test must always end with a reason, never a traceback
        print(f"self-test FAILED: {type(exc).__name__}: {exc}")
        return 1


async def _self_test(started: float, *, keep: bool) -> int:
    from packstation.domain.picklists import PicklistStatus

    async with open_context(demo=True) as context:
        service = context.service
        async for picklist in service.iter_picklists(PicklistStatus.NEW):
            if picklist.delivery.country == "NL":
                break
        else:
            print("self-test FAILED: the demo server has no open Dutch picklist")
            return 1
        opened = await service.open_picklist(picklist.number)
        profile = opened.suggested_profile or service.profiles[0]
        draft = opened.draft(profile, {})
        job = service.start(opened, draft)
        await service.run(job)
        jobs = sorted(context.print_folder.iterdir()) if context.print_folder else []
        closed = await context.picklists.get_picklist(picklist.id)
        if closed.status is not PicklistStatus.CLOSED or not jobs:
            print(f"self-test FAILED: picklist {picklist.number} is {closed.status.value}, {len(jobs)} print jobs")
            return 1
        registered = [s for s in await context.picklists.list_shipments(picklist.id) if not s.cancelled]
        if len(registered) != 1 or registered[0].tracking_code not in job.barcodes:
            codes = [s.tracking_code for s in registered]
            print(f"self-test FAILED: Picqer has {len(registered)} shipments for {picklist.number} ({codes})")
            return 1
        elapsed = time.perf_counter() - started
        printed = f"to {jobs[-1]}" if keep else f"on the virtual printer ({jobs[-1].stat().st_size:,} bytes)"
        print(
            f"self-test OK: {picklist.number} shipped with {profile.name}, barcode {', '.join(job.barcodes)}, "
            f"label printed {printed}, registered in Picqer as shipment {registered[0].id} through the relay, "
            f"picklist closed ({elapsed:.1f} s)"
        )
        return 0


async def check_picqer_account(address: str, key: str) -> str:
    """Return the name of the Picqer user a key belongs to (the settings dialog's "Test connection")."""
    async with _picqer_client(address, key) as client:
        user = await client.current_user()
    return user.full_name or user.username


@contextlib.asynccontextmanager
async def _picqer_client(address: str, key: str) -> AsyncIterator[PicqerClient]:
    """A Picqer client for the address and key the settings dialog holds (not yet saved); closed afterwards."""
    from packstation.clients.http import HttpConfig, RateLimiter, RetryPolicy
    from packstation.clients.picqer import PicqerClient

    url = address if "://" in address else PicqerSettings(subdomain=address.strip()).url
    config = HttpConfig(base_url=url, api_key=key, api_key_variable=secrets.ENV_VARS[secrets.PICQER])
    client = PicqerClient(config, RateLimiter.for_picqer(), RetryPolicy(attempts=2))
    try:
        yield client
    finally:
        await client.aclose()


async def load_picqer_shipping_profiles(address: str, key: str) -> list[PicqerShippingProvider]:
    """Return the Picqer account's shipping providers and profiles (the settings dialog's relay profile list)."""
    async with _picqer_client(address, key) as client:
        return await client.list_shipping_providers()


async def load_picqer_order_fields(address: str, key: str) -> dict[int, str]:
    """Return the Picqer account's order fields, id -> title (the settings dialog's tracking-code field list)."""
    async with _picqer_client(address, key) as client:
        return await client.list_order_fields()


async def load_picqer_packing_stations(address: str, key: str) -> list[PackingStation]:
    """Return Picqer's packing stations with their printers (the settings dialog's station printer defaults)."""
    async with _picqer_client(address, key) as client:
        return await client.list_packing_stations()


async def load_picqer_warehouses(address: str, key: str) -> dict[int, str]:
    """Return the Picqer account's warehouses, id -> name (the settings dialog's warehouse list)."""
    async with _picqer_client(address, key) as client:
        return await client.list_warehouses()


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


async def print_test_label(config: PrinterSettings, role: str) -> None:
    """Print the calibration label on a printer as the settings dialog describes it (not yet saved).

    `role` names it in errors: LABEL_PRINTER or DOCUMENT_PRINTER.
    """
    from packstation.printing import printers, testlabel

    printer = printers.build_printer(config, data_dir() / "prints", role)
    pdf = testlabel.calibration_label_pdf(config.label_width_mm, config.label_height_mm)
    await printer.send(await printer.prepare(pdf), "test label")


class GuiStation:
    """The running window and what it runs on; rebuilt in place when the settings change."""

    def __init__(self, qt_app: object, demo: bool) -> None:
        self.qt_app = qt_app
        self.demo = demo
        self.context: AppContext | None = None
        self.window: object | None = None
        self.servers: DemoServers | None = None
        self.relay: RelayThread | None = None  # demo mode: the relay the demo Picqer calls
        self._relay_starter: threading.Thread | None = None
        self.redactor: logs.RedactingFilter | None = None
        self.messages: Messages | None = None  # the words of the window now open (its language may change)
        self._closing: set[asyncio.Task[None]] = set()

    def open(self, loaded: settings_module.LoadedSettings) -> None:
        """Build the context and show the main window for these settings."""
        from PySide6.QtCore import QTimer

        from packstation.ui.controllers.picklists_controller import PicklistsController
        from packstation.ui.controllers.shipping_controller import ShippingController
        from packstation.ui.main_window import MainWindow
        from packstation.ui.messages import Messages
        from packstation.ui.models.picklists_model import PicklistsModel

        if self.demo:
            if self.servers is None:
                from packstation.demo import DemoServers

                self.servers = DemoServers().start()
                self._start_demo_relay(self.servers)
            settings, keys = demo_settings(self.servers, loaded.settings, picqer_shipments=True)
        else:
            settings, keys = loaded.settings, secrets.load_keys()
        if self.redactor is None:
            self.redactor = logs.configure(secrets=[keys.picqer, keys.myparcel])
        else:
            for key in (keys.picqer, keys.myparcel):
                self.redactor.add_secret(key)
        context = build_context(settings, keys, demo=None)
        self.context = context
        messages = self.messages = Messages(settings.language)
        if not loaded.problems:  # a file with problems stays as the admin wrote it (see remember_language)
            messages.language_changed.connect(lambda language: remember_language(str(language)))
        shipping = ShippingController(context.service, messages)
        picklists = PicklistsController(
            context.service,
            PicklistsModel(messages),
            messages,
            refresh_seconds=settings.ui.refresh_seconds,
            warehouse_id=settings.picqer.warehouse_id or None,
        )
        window = MainWindow(
            shipping,
            picklists,
            settings,
            print_queues=context.print_queues,
            open_settings=lambda: self.open_settings(messages),
            settings_problems=loaded.problems,
            journal_problem=context.journal_problem,
            settings_backup=loaded.backup,
            station="demo" if self.demo else settings.station_name or settings.picqer.subdomain,
            print_folder=context.print_folder,
        )
        window.show()
        window.focus_scan_field()
        self.window = window
        # Tasks may only be created once the loop runs (PySide6 >= 6.7).
        QTimer.singleShot(0, picklists.start)

    def _start_demo_relay(self, servers: DemoServers) -> None:
        """Start the demo's relay on a thread: the window does not wait for it (a parcel shipped in its first
        second is refused by the demo Picqer as "not connected" and F12 registers it once it is up)."""

        def start() -> None:
            try:
                self.relay = connect_demo_relay(servers, data_dir())
            except Exception:  # the desk still ships; registering in Picqer says what went wrong
                log.exception("The demo relay did not start")

        self._relay_starter = threading.Thread(target=start, name="packstation-demo-relay", daemon=True)
        self._relay_starter.start()

    def open_settings(self, messages: object) -> None:
        """Show the settings dialog; saving rebuilds the station on the new settings."""
        from packstation.ui.controllers.settings_controller import SettingsController, SettingsPorts
        from packstation.ui.views.settings_dialog import SettingsDialog

        assert self.context is not None
        loaded = settings_module.load()
        ports = SettingsPorts(
            save_settings=lambda new: settings_module.save(new),
            set_key=secrets.set_key,
            get_key=secrets.get_key,
            keyring_available=secrets.keyring_available(),
            test_picqer=check_picqer_account,
            test_myparcel=check_myparcel_account,
            print_test_label=print_test_label,
            load_picqer_profiles=load_picqer_shipping_profiles,
            load_picqer_warehouses=load_picqer_warehouses,
            load_picqer_order_fields=load_picqer_order_fields,
            load_picqer_packing_stations=load_picqer_packing_stations,
            discover_printers=find_printers,
        )
        dialog = SettingsDialog(
            loaded.settings,
            messages,  # type: ignore[arg-type]
            SettingsController(ports),
            problems=loaded.problems,
            backup=loaded.backup,
            parent=self.window,  # type: ignore[arg-type]
        )
        dialog.saved.connect(lambda _settings: self.rebuild())
        dialog.open()
        self._dialog = dialog

    def rebuild(self) -> None:
        """Close the window and its connections and open them again on the saved settings."""
        old_window, old_context = self.window, self.context
        self.open(settings_module.load())
        if old_window is not None:
            old_window.close()  # type: ignore[attr-defined]
        if old_context is not None:
            task = asyncio.get_event_loop().create_task(old_context.aclose())
            self._closing.add(task)
            task.add_done_callback(self._closing.discard)

    async def aclose(self) -> None:
        if self.window is not None:
            await self.window.aclose()  # type: ignore[attr-defined]  # the window's tasks end before their clients
        if self.context is not None:
            await self.context.aclose()
        await asyncio.gather(*self._closing, return_exceptions=True)
        if self._relay_starter is not None:
            await asyncio.to_thread(self._relay_starter.join)
        if self.relay is not None:
            await asyncio.to_thread(self.relay.stop)
        if self.servers is not None:
            self.servers.stop()


def remember_language(language: str) -> None:
    """Keep the packer's language (Ctrl+L) for the next start and for the settings dialog.

    A settings file that loaded with problems is left as the admin wrote it: saving would write the repaired
    values over theirs. The language then holds until the app closes.
    """
    loaded = settings_module.load()
    if loaded.problems or loaded.settings.language == language:
        return
    settings_module.save(replace(loaded.settings, language=Language(language)))


def leave_without_finalizing(code: int) -> NoReturn:
    """End the GUI process once everything is saved and closed, skipping Python's interpreter teardown.

    PySide6 6.12 can crash while the interpreter tears down Qt objects at exit (bus error or "shared QObject
    was deleted directly" after the first-run dialog, 6-9 runs in 10 in a fresh venv): a clean end of a
    shift would end in a crash. By now the journal, the connections and the print queues are closed.
    """
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


def warm_up_printing() -> None:
    """Import the label rendering libraries on a background thread (the printers load them lazily)."""
    from packstation.printing import lazy

    lazy.warm_up()


def run_gui(*, demo: bool) -> int:
    """Start the window on the Qt event loop (qasync) and run until it closes."""
    import qasync
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from packstation.paths import resource_path
    from packstation.ui.messages import Messages
    from packstation.ui.views.crash_dialog import install_crash_handler
    from packstation.ui.views.first_run_dialog import FirstRunChoice, ask_first_run

    qt_app = QApplication.instance() or QApplication(sys.argv)
    qt_app.setApplicationName("packstation")
    qt_app.setOrganizationName("packstation")
    qt_app.setDesktopFileName("packstation")  # Wayland matches the window to the .desktop file's icon
    qt_app.setWindowIcon(QIcon(str(resource_path("assets/icon.png"))))
    loop = qasync.QEventLoop(qt_app)
    asyncio.set_event_loop(loop)
    # httpx and anyio's backend are not loaded here: the API sessions load them on a worker thread with their
    # first request (clients/http.py), which would otherwise stall the window for ~100 ms.
    loaded = settings_module.load()
    messages = Messages(loaded.settings.language)
    open_settings_first = False
    if not demo and not loaded.settings.accounts_configured:
        choice = ask_first_run(messages)
        if messages.language.value != loaded.settings.language:  # switched in the first-run dialog
            remember_language(messages.language.value)
            loaded = settings_module.load()
        if choice is FirstRunChoice.QUIT:
            return 0
        demo = choice is FirstRunChoice.DEMO
        open_settings_first = choice is FirstRunChoice.SETTINGS
    if demo:
        use_demo_data_dir()

    # No cyclic garbage collection until the window is up: building it allocates many objects that all stay
    # alive, so the ~40 young-generation passes it would trigger (~6 ms) find almost nothing to free.
    gc.disable()
    station = GuiStation(qt_app, demo)
    station.open(loaded)
    assert station.redactor is not None
    install_crash_handler(
        qt_app, station.redactor.redact, logs.default_log_dir() / "crash.log", lambda: station.messages or messages
    )
    if open_settings_first:
        station.open_settings(station.messages or messages)
    # Everything built so far (modules, Qt wrappers, the window) lives as long as the app. Without this, the
    # first full garbage collection walks all of it in one go: ~40 ms with the GIL held, a visible stall
    # when it falls after show (the HTTP stack imports then, see clients/http.py). Frozen objects are skipped
    # by every later collection; the few cycles of start-up garbage among them are never freed, at no cost.
    gc.freeze()
    gc.enable()
    from PySide6.QtCore import QTimer

    # The printers are built without numpy, PDFium, zxing-cpp and Pillow (~130 ms); load them once the window
    # is up, on a thread, so the first label does not wait for them either.
    QTimer.singleShot(WARM_UP_DELAY_MS, warm_up_printing)
    if os.environ.get("PACKSTATION_BENCH_EXIT_AFTER_SHOW") == "1":
        QTimer.singleShot(0, qt_app.quit)  # start-up benchmark: leave once the window is up

    closed = asyncio.Event()
    qt_app.aboutToQuit.connect(closed.set)
    with loop:
        loop.run_until_complete(closed.wait())
        loop.run_until_complete(station.aclose())
    return 0


if __name__ == "__main__":
    sys.exit(self_test())
