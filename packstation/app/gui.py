"""The window and what it runs on: built from the settings, rebuilt when they change, closed on exit."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import gc
import logging
import os
import sys
import threading
from dataclasses import replace
from typing import TYPE_CHECKING, NoReturn, cast

from packstation import logs, secrets
from packstation import settings as settings_module
from packstation.app import accounts
from packstation.app.runtime import Runtime
from packstation.app.wiring import (
    AppContext,
    build_context,
    connect_demo_relay,
    data_dir,
    demo_settings,
    use_demo_data_dir,
)
from packstation.settings import Language

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from packstation.demo import DemoServers
    from packstation.relay.embedded import RelayThread
    from packstation.ui.messages import Messages

log = logging.getLogger(__name__)
# Start the printing warm-up after the first paint and the picklist load's first requests (it shares the GIL).
WARM_UP_DELAY_MS = 300


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
        self.offered_unfinished: set[int] = set()  # journal entries offered once: not again on a rebuild
        # One for the app's life: the contexts rebuilt on each settings change, the demo relay and the settings
        # dialog's test print all render on its one PDFium thread. Closed last, in aclose().
        self.runtime = Runtime()

    def open(self, loaded: settings_module.LoadedSettings) -> None:
        """Build the context and show the main window for these settings."""
        from PySide6.QtCore import QTimer

        from packstation.ui.controllers.picklists_controller import PicklistsController
        from packstation.ui.controllers.shipping_controller import ShippingController
        from packstation.ui.main_window import MainWindow
        from packstation.ui.messages import Messages
        from packstation.ui.models.picklists_model import PicklistsModel

        settings, keys = self._settings_and_keys(loaded)
        self._redact(keys)
        context = build_context(settings, keys, runtime=self.runtime, demo=None)
        self.context = context
        messages = self.messages = Messages(settings.language)
        if not loaded.problems:  # a file with problems stays as the admin wrote it (see remember_language)
            messages.language_changed.connect(lambda language: remember_language(str(language)))
        shipping = ShippingController(context.service, messages, offered_unfinished=self.offered_unfinished)
        picklists = PicklistsController(
            context.service,
            PicklistsModel(messages),
            messages,
            refresh_seconds=settings.ui.refresh_seconds,
            warehouse_id=settings.picqer.warehouse_id or None,
        )
        packing = None
        if context.packing is not None:
            from packstation.ui.controllers.packing_controller import PackingController

            packing = PackingController(context.packing, messages, settings.packing.pack_check, context.weighing)
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
            packing=packing,
            demo_scale=context.scale if self.demo and hasattr(context.scale, "add") else None,  # type: ignore[arg-type]
        )
        window.show()
        window.focus_scan_field()
        self.window = window
        # Tasks may only be created once the loop runs (PySide6 >= 6.7).
        QTimer.singleShot(0, picklists.start)
        if context.weighing is not None:  # read on the window's loop; the packing controller listens
            QTimer.singleShot(0, context.weighing.start)

    def _settings_and_keys(
        self, loaded: settings_module.LoadedSettings
    ) -> tuple[settings_module.Settings, secrets.ApiKeys]:
        """Return the settings and keys to run on: the file's, or in demo mode the demo servers' (started once)."""
        if not self.demo:
            return loaded.settings, secrets.load_keys()
        if self.servers is None:
            from packstation.demo import DemoServers

            self.servers = DemoServers().start()
            self._start_demo_relay(self.servers)
        return demo_settings(self.servers, loaded.settings, picqer_shipments=True)

    def _redact(self, keys: secrets.ApiKeys) -> None:
        """Keep these keys out of the logs: configure logging on the first open, add them on a rebuild."""
        if self.redactor is None:
            self.redactor = logs.configure(secrets=[keys.picqer, keys.myparcel])
            return
        for key in (keys.picqer, keys.myparcel):
            self.redactor.add_secret(key)

    def _start_demo_relay(self, servers: DemoServers) -> None:
        """Start the demo's relay on a thread: the window does not wait for it (a parcel shipped in its first
        second is refused by the demo Picqer as "not connected" and F12 registers it once it is up)."""

        def start() -> None:
            try:
                self.relay = connect_demo_relay(servers, data_dir(), renderer=self.runtime.renderer)
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
            test_picqer=accounts.check_picqer_account,
            test_myparcel=accounts.check_myparcel_account,
            print_test_label=functools.partial(accounts.print_test_label, renderer=self.runtime.renderer),
            load_picqer_profiles=accounts.load_picqer_shipping_profiles,
            load_picqer_warehouses=accounts.load_picqer_warehouses,
            load_picqer_order_fields=accounts.load_picqer_order_fields,
            load_picqer_packing_stations=accounts.load_picqer_packing_stations,
            discover_printers=accounts.find_printers,
        )
        dialog = SettingsDialog(
            loaded.settings,
            # `messages` and the window are typed `object` here so app/ needs no Qt import at module level.
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
            old_window.close()  # type: ignore[attr-defined]  # a MainWindow, typed object (no Qt import here)
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
        await self.runtime.aclose()  # nothing renders any more: the windows, queues and relay are closed


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


def _first_run(
    messages: Messages, loaded: settings_module.LoadedSettings
) -> tuple[settings_module.LoadedSettings, bool, bool] | None:
    """Ask a station without accounts how to start; return (its settings, demo, open the settings first), or None
    when the packer quits. A language chosen in the dialog is saved at once (and the settings read again)."""
    from packstation.ui.views.first_run_dialog import FirstRunChoice, ask_first_run

    choice = ask_first_run(messages)
    if messages.language.value != loaded.settings.language:
        remember_language(messages.language.value)
        loaded = settings_module.load()
    if choice is FirstRunChoice.QUIT:
        return None
    return loaded, choice is FirstRunChoice.DEMO, choice is FirstRunChoice.SETTINGS


def _after_show(qt_app: QApplication) -> None:
    """Plan what follows the first paint: loading the printing libraries, and leaving at once for a benchmark."""
    from PySide6.QtCore import QTimer

    # The printers are built without numpy, PDFium, zxing-cpp and Pillow (~130 ms); load them once the window
    # is up, on a thread, so the first label does not wait for them either.
    QTimer.singleShot(WARM_UP_DELAY_MS, warm_up_printing)
    if os.environ.get("PACKSTATION_BENCH_EXIT_AFTER_SHOW") == "1":
        QTimer.singleShot(0, qt_app.quit)  # start-up benchmark: leave once the window is up


def run_gui(*, demo: bool) -> int:
    """Start the window on the Qt event loop (qasync) and run until it closes."""
    import qasync
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from packstation.paths import resource_path
    from packstation.ui.messages import Messages
    from packstation.ui.views.crash_dialog import install_crash_handler

    # instance() is typed as the base QCoreApplication; the one this process makes is always a QApplication.
    qt_app = cast(QApplication, QApplication.instance() or QApplication(sys.argv))
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
        first_run = _first_run(messages, loaded)
        if first_run is None:
            return 0
        loaded, demo, open_settings_first = first_run
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
    _after_show(qt_app)

    closed = asyncio.Event()
    qt_app.aboutToQuit.connect(closed.set)
    with loop:
        loop.run_until_complete(closed.wait())
        loop.run_until_complete(station.aclose())
    return 0
