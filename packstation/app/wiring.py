"""Composition root: the only place concrete clients, printers and the journal are built and wired."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from packstation import secrets
from packstation import settings as settings_module
from packstation.app.runtime import Runtime
from packstation.domain.errors import Violation
from packstation.domain.labels import DOCUMENT_PRINTER, LABEL_PRINTER
from packstation.domain.picklists import WriteBackMode
from packstation.domain.profiles import ShippingProfile, default_profiles
from packstation.domain.shipments import Platform
from packstation.paths import DATA_DIR_ENV, data_dir
from packstation.services.packing import PackingService
from packstation.services.ports import LabelPrinter, PicklistSource, PrintQueues, Scale
from packstation.services.shipping import ShippingService, WriteBackPolicy
from packstation.services.weighing import Weighing
from packstation.settings import ScaleKind, ScaleSettings, Settings, Transport, WriteBackSettings

if TYPE_CHECKING:
    from packstation.clients.myparcel import MyParcelClient
    from packstation.clients.picqer import PicqerClient
    from packstation.demo import DemoServers
    from packstation.printing.zpl import PdfRenderer
    from packstation.relay.embedded import RelayThread

log = logging.getLogger(__name__)


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
    # The shared renderer and TLS contexts this context runs on: the caller's (the GUI keeps one across
    # settings changes), or the context's own, closed with it, when the caller handed none in.
    runtime: Runtime = field(default_factory=Runtime)

    packing: PackingService | None = None  # verified packing (issue 16): ticks kept in the journal, picks to Picqer
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
    settings: Settings, folder: Path, *, renderer: PdfRenderer, wait_while_held: bool = False
) -> tuple[PrintQueues, LabelPrinter, LabelPrinter]:
    """Build both printer roles, each behind its own serial queue; return (queues, label, document).

    Both render on `renderer`, the runtime's one PDFium thread. A label held for paper returns at once (the
    window goes on, the queue prints it later), unless `wait_while_held`: then printing waits for the paper
    (headless `ship`, which exits when done).
    """
    from packstation.printing import printers
    from packstation.printing.queue import PrintQueues as Queues

    queues = Queues(wait_while_held=wait_while_held)
    label = queues.add(printers.build_printer(settings.label_printer, folder, LABEL_PRINTER, renderer=renderer))
    document = queues.add(
        printers.build_printer(settings.document_printer, folder, DOCUMENT_PRINTER, renderer=renderer)
    )
    return queues, label, document


def build_context(
    settings: Settings,
    keys: secrets.ApiKeys,
    *,
    runtime: Runtime | None = None,
    demo: DemoServers | None = None,
    wait_while_held: bool = False,
) -> AppContext:
    """Wire clients, printer, journal and the shipping service for these settings and keys.

    `runtime`: the process's shared renderer and TLS contexts, which outlive this context (the caller closes
    them). Without one the context builds its own and closes it in `aclose()`.
    """
    owns_runtime = runtime is None
    runtime = runtime or Runtime()
    from packstation.clients.http import RetryWaits

    platform = settings.myparcel.platform
    picqer, myparcel = _build_clients(settings, keys, runtime)
    folder = data_dir()
    print_folder = Path(settings.label_printer.address or folder / "prints")
    queues, printer, document_printer = build_printers(
        settings, print_folder, renderer=runtime.renderer, wait_while_held=wait_while_held
    )
    from packstation.journal import open_journal

    journal, problem = open_journal(folder / "journal.sqlite3", folder / "labels", settings.station_name or "station")
    service = ShippingService(
        picqer,
        myparcel,
        printer,
        load_profiles(settings, platform),
        platform,
        _write_back_policy(settings.write_back),
        journal=journal,
        document_printer=document_printer,
        waits=RetryWaits(),
        packing_list=settings.packing_list.rule(),
    )
    context = AppContext(
        settings,
        service,
        printer,
        queues,
        picqer,
        demo=demo,
        print_folder=print_folder if settings.label_printer.transport == "virtual" else None,
        journal_problem=problem or "",
        runtime=runtime,
    )
    if owns_runtime:
        context._closers.append(runtime.aclose)  # closed last (closers run in reverse): the queues print on it
    context._closers += [picqer.aclose, myparcel.aclose, queues.close, _async(journal.close)]
    context.packing = PackingService(picqer, journal)
    _add_scale(context, settings.scale)
    if demo is not None:
        context._closers.append(_async(demo.stop))
    # Closed first (closers run in reverse): the service's background work (a claim at a scan) ends before the
    # clients, the journal and the demo servers it runs on close.
    context._closers.append(service.aclose)
    return context


def _build_clients(settings: Settings, keys: secrets.ApiKeys, runtime: Runtime) -> tuple[PicqerClient, MyParcelClient]:
    """Build the Picqer and the MyParcel client on the runtime's TLS context (imported here: httpx loads late)."""
    from packstation.clients.http import HttpConfig, RateLimiter, RetryPolicy
    from packstation.clients.myparcel import MyParcelClient
    from packstation.clients.picqer import PicqerClient

    def config(base_url: str, api_key: str, service: str) -> HttpConfig:
        return HttpConfig(
            base_url=base_url, api_key=api_key, api_key_variable=secrets.ENV_VARS[service], tls=runtime.tls
        )

    picqer = PicqerClient(
        config(settings.picqer.url, keys.picqer, secrets.PICQER), RateLimiter.for_picqer(), RetryPolicy()
    )
    myparcel = MyParcelClient(
        config(settings.myparcel.base_url, keys.myparcel, secrets.MYPARCEL),
        settings.myparcel.platform,
        RateLimiter.for_myparcel(),
        RetryPolicy(),
    )
    return picqer, myparcel


def _write_back_policy(wb: WriteBackSettings) -> WriteBackPolicy:
    """Return the service's write-back policy from the settings (0 in the settings file means none)."""
    return WriteBackPolicy(
        comment=wb.comment,
        order_field_id=wb.order_field_id or None,
        pick_all=wb.pick_all,
        close=wb.close,
        claim=wb.claim,
        # Without a profile the policy writes the comment (load() names that problem).
        mode=wb.mode,
        picqer_profile_id=wb.picqer_profile_id or None,
    )


def _add_scale(context: AppContext, settings: ScaleSettings) -> None:
    """Give the context the scale the settings name and the service that reads it; "none" adds nothing."""
    scale = build_scale(settings)
    if scale is not None:
        context.scale = scale
        context.weighing = Weighing(scale)
        context._closers.append(context.weighing.stop)  # stops reading and closes the scale


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


def connect_demo_relay(servers: DemoServers, folder: Path, *, renderer: PdfRenderer | None = None) -> RelayThread:
    """Serve a relay for the demo account and point the demo Picqer's custom shipping provider at it.

    `renderer`: the desk's (Runtime.renderer) when the relay runs beside the desk in one process, so PDFium
    keeps its one thread; None for a process that only serves the relay (it then owns its own).

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
    relay = RelayThread(config, pdf_renderer=renderer)
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
    async with Runtime() as runtime:  # closed last, once the relay and the print queues stopped using it
        if demo:
            from packstation.demo import DemoServers

            use_demo_data_dir()
            servers = DemoServers()
            servers.start()
            try:
                relay = connect_demo_relay(servers, data_dir(), renderer=runtime.renderer)
            except BaseException:
                servers.stop()
                raise
            settings, keys = demo_settings(servers, loaded.settings)
            context = build_context(settings, keys, runtime=runtime, demo=servers, wait_while_held=wait_while_held)
            context._closers.append(_async(relay.stop))  # closed before the demo servers (closers run in reverse)
        else:
            context = build_context(
                loaded.settings, secrets.load_keys(), runtime=runtime, wait_while_held=wait_while_held
            )
        context.settings_problems = loaded.problems
        try:
            yield context
        finally:
            await context.aclose()
