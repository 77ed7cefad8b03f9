"""Fault injection for the shipping flow: randomized shipments against one DemoServers, then the invariants.

A label costs money and a parcel without one stays in the warehouse. `ChaosRun` ships picklists through the
real clients, journal, print queue and printer (the virtual printer, or ZPL over pyusb with the fake USB
backend) while the demo servers and the printer misbehave, the "process" is killed and restarted on the same
data folder, and two stations race for one picklist. `ChaosRun.check()` then compares both fake servers, the
printed labels and the journal: one shipment per parcel, one printed label, one tracking comment, closed iff
finished. Shared by tests/integration/test_chaos.py (fixed seeds) and bench/chaos.py (long runs).
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from packstation import app
from packstation.app.runtime import Runtime
from packstation.clients.http import HttpConfig, RateLimiter, RetryPolicy
from packstation.clients.myparcel import MyParcelClient
from packstation.clients.picqer import PicqerClient
from packstation.demo import DemoServers
from packstation.domain.errors import PackstationError
from packstation.domain.journal_entry import JournalEntry
from packstation.domain.labels import PreparedLabel, PrintReceipt
from packstation.domain.picklists import PicklistStatus, PicqerUser
from packstation.domain.shipments import Platform
from packstation.journal import SqliteJournal, open_journal
from packstation.printing import printers, zpl
from packstation.printing.queue import PrintQueues
from packstation.printing.transport import PrinterStatus
from packstation.printing.usb import UsbTransport
from packstation.printing.virtual import VirtualPrinter
from packstation.services.shipping import (
    ShipmentEvent,
    ShipmentJob,
    ShippingService,
    Step,
    StepStarted,
    WriteBackPolicy,
)
from packstation.settings import PrinterSettings
from tests.fakes.fake_usb import FakeUsbBackend, FakeUsbDevice

# Short client timeouts keep "slow" and "timeout" faults fast; the ratio to the fault delays is what matters.
READ_TIMEOUT = 0.3
SLOW_SECONDS = (0.05, 0.15)  # slower than usual, under the read timeout
TIMEOUT_SECONDS = 0.45  # the client gives up, the server still does the work afterwards
KILL_REQUEST_SECONDS = 0.2  # how long a request is held in the server while the "process" dies
FAST_RETRY = RetryPolicy(
    attempts=4,
    base_delay=0.01,
    max_delay=0.05,
    jitter=0.01,
    max_retry_after=0.05,
    rate_limit_wait=0.02,
    rate_limit_cap=0.05,
)
PACKER_RETRIES = 3  # the packer presses "retry" this often before restarting the app
SECOND_USER_ID = 1002  # "Station 2" in packstation/demo/seed.py
STEP_KILLS = (Step.CHECK, Step.CREATE, Step.LABEL, Step.PREPARE, Step.PRINT, Step.WRITE_BACK)


class SimulatedKill(BaseException):
    """Raised at a step boundary: the process died there (BaseException so no handler in the app eats it)."""


# --- the fault plan --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fault:
    """One thing that goes wrong during one shipment."""

    kind: str  # an HTTP fault kind, "timeout", "paper_out", "unplug", "kill_step", "kill_request"
    server: str = ""  # "picqer" | "myparcel" for HTTP faults and kill_request
    method: str = ""
    path: str = ""  # regex on the server's path; "{id}" is the picklist id
    times: int = 1
    seconds: float = 0.0
    step: str = ""  # kill_step: the step the process dies before
    after_bytes: int = 0  # unplug: bytes the printer takes before it vanishes

    def describe(self) -> str:
        """Return the fault in words short enough for a failure message."""
        if self.kind == "kill_step":
            return f"kill before {self.step}"
        if self.kind == "paper_out":
            return f"paper out {self.seconds:.2f}s"
        if self.kind == "unplug":
            return f"USB unplugged after {self.after_bytes} bytes"
        what = f"{self.kind}" + (f"({self.seconds:.2f}s)" if self.seconds else "") + (f"x{self.times}")
        return f"{self.server} {self.method} {self.path} {what}"


# (server, method, path, kinds that are safe to inject there: faults the app must survive without a duplicate)
_PICQER_GET = ("429", "500", "502", "503", "html500", "drop", "slow", "timeout", "bad_json", "empty")
_SAFE_HTTP: list[tuple[str, str, str, tuple[str, ...]]] = [
    ("picqer", "GET", r"^/api/v1/picklists$", _PICQER_GET),
    ("picqer", "GET", r"^/api/v1/picklists/{id}$", _PICQER_GET),
    ("picqer", "GET", r"^/api/v1/orders/\d+$", _PICQER_GET),
    ("picqer", "GET", r"^/api/v1/users/me$", _PICQER_GET),
    ("picqer", "POST", r"^/api/v1/picklists/{id}/assign$", ("429", "500", "503", "drop", "locked", "lose_reply")),
    ("picqer", "POST", r"^/api/v1/picklists/{id}/comments$", ("429", "500", "503", "drop", "locked", "slow")),
    ("picqer", "POST", r"^/api/v1/picklists/{id}/pickall$", ("429", "500", "503", "drop", "locked", "lose_reply")),
    ("picqer", "POST", r"^/api/v1/picklists/{id}/close$", ("429", "500", "503", "drop", "locked", "lose_reply")),
    ("myparcel", "GET", r"^/shipments$", ("429", "500", "503", "drop", "slow", "timeout", "html500", "bad_json")),
    ("myparcel", "POST", r"^/shipments$", ("429", "500", "502", "503", "drop", "lose_reply", "slow")),
    ("myparcel", "GET", r"^/shipment_labels/", ("429", "500", "503", "drop", "slow", "timeout", "bad_json")),
    ("myparcel", "GET", r"^/tracktraces/", ("500", "503", "drop", "timeout", "bad_json")),
]
# Faults that break an invariant today (each has a strict xfail in test_chaos.py); bench/chaos.py --known-bugs.
_KNOWN_BUG_HTTP: list[tuple[str, str, str, tuple[str, ...]]] = [
    # A second tracking comment.
    ("picqer", "POST", r"^/api/v1/picklists/{id}/comments$", ("lose_reply", "timeout")),
    # A second shipment: create() posts again while the first POST is still being booked.
    ("myparcel", "POST", r"^/shipments$", ("timeout",)),
    # Failing after the label was saved: the resumed job never records the barcodes in the journal.
    ("myparcel", "GET", r"^/shipments/\d+$", ("429", "500", "503", "drop", "slow", "timeout", "empty")),
]
# The requests a kill can land in the middle of (held in the server while the process dies).
_KILL_REQUESTS = [
    ("myparcel", "POST", r"^/shipments$"),
    ("myparcel", "GET", r"^/shipment_labels/"),
    ("picqer", "POST", r"^/api/v1/picklists/{id}/assign$"),
    ("picqer", "POST", r"^/api/v1/picklists/{id}/close$"),
    ("picqer", "POST", r"^/api/v1/picklists/{id}/pickall$"),
]


def random_faults(rng: random.Random, printer: str, count: int, known_bugs: bool = False) -> list[Fault]:
    """Draw `count` faults for one shipment (with `known_bugs`, also those that break an invariant today)."""
    menu = _SAFE_HTTP + (_KNOWN_BUG_HTTP if known_bugs else [])
    faults: list[Fault] = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.62:
            server, method, path, kinds = rng.choice(menu)
            kind = rng.choice(kinds)
            seconds = 0.0
            if kind == "slow":
                seconds = rng.uniform(*SLOW_SECONDS)
            elif kind == "timeout":
                seconds = TIMEOUT_SECONDS
            times = 1 if kind in ("lose_reply", "timeout") else rng.randint(1, 5)
            faults.append(Fault(kind, server, method, path, times=times, seconds=seconds))
        elif roll < 0.72:
            faults.append(Fault("paper_out", seconds=rng.uniform(0.05, 0.3)))
        elif roll < 0.8 and printer == "usb":
            faults.append(Fault("unplug", after_bytes=rng.randint(0, 20_000)))
        elif roll < 0.9:
            faults.append(Fault("kill_step", step=rng.choice(STEP_KILLS).value))
        else:
            server, method, path = rng.choice(_KILL_REQUESTS)
            faults.append(Fault("kill_request", server, method, path, seconds=KILL_REQUEST_SECONDS))
    return faults


# --- printers --------------------------------------------------------------------------------------


class PrintedLabels:
    """What each prepared payload reads as (the barcodes decoded from the ZPL itself), across restarts."""

    def __init__(self) -> None:
        self.barcodes_of: dict[bytes, tuple[str, ...]] = {}

    def note(self, label: PreparedLabel) -> None:
        self.barcodes_of[label.payload] = label.output_barcodes


class WatchedPrinter:
    """A label printer that remembers the barcodes of every payload it prepared (LabelPrinter shape)."""

    def __init__(self, inner: printers.ZplLabelPrinter, seen: PrintedLabels) -> None:
        self.inner = inner
        self.seen = seen

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def geometry(self) -> Any:
        return self.inner.geometry

    async def prepare(self, pdf: bytes, carrier_zpl: bytes | None = None) -> PreparedLabel:
        label = await self.inner.prepare(pdf, carrier_zpl=carrier_zpl)
        self.seen.note(label)
        return label

    async def send(self, label: PreparedLabel, job_name: str) -> PrintReceipt:
        return await self.inner.send(label, job_name)

    async def status(self) -> PrinterStatus:
        return await self.inner.status()


class PrinterRig:
    """The station's physical label printer: it outlives app restarts; faults are set on it, not the app."""

    def __init__(self, kind: str, folder: Path, renderer: zpl.PdfRenderer | None = None) -> None:
        if kind not in ("virtual", "usb"):
            raise ValueError(kind)
        # The run's one renderer (as the app's Runtime hands its printers one); a rig built alone gets its own.
        self.renderer = renderer or zpl.PdfRenderer()
        self.kind = kind
        self.folder = folder
        self.seen = PrintedLabels()
        self.device = FakeUsbDevice()
        self.backend = FakeUsbBackend(self.device)
        self._virtual: VirtualPrinter | None = None
        self.settings = PrinterSettings(transport="virtual", address=str(folder))

    def build(self) -> WatchedPrinter:
        """Return a new app-side printer for this hardware (a restarted app opens it again)."""
        geometry = printers.geometry_from(self.settings)
        frame = printers.frame_from(self.settings)
        transport: Any
        if self.kind == "virtual":
            paper_out = self._virtual.conditions if self._virtual is not None else ()
            self._virtual = VirtualPrinter(self.folder, name="Label printer")
            self._virtual.conditions = paper_out
            transport = self._virtual
        else:
            transport = UsbTransport("", name="Label printer", backend=self.backend, status_timeout_ms=60)
        inner = printers.ZplLabelPrinter(
            "Label printer", transport, geometry, frame, self.settings.encoding, renderer=self.renderer
        )
        return WatchedPrinter(inner, self.seen)

    def paper_out(self, out: bool) -> None:
        """Take the labels out of the printer, or put them back."""
        if self.kind == "usb":
            self.device.paper_out = out
        elif self._virtual is not None:
            self._virtual.simulate(*(("paper_out",) if out else ()))

    def unplug_after(self, after_bytes: int) -> None:
        """Make the USB cable come out after this many more bytes."""
        self.device.unplug_after_bytes = len(self.device.written) + after_bytes

    def replug(self) -> None:
        """Put the cable back and the labels in (what the packer does before pressing retry)."""
        self.device.unplugged = False
        self.device.unplug_after_bytes = None
        self.paper_out(False)

    def printed(self) -> Counter[str]:
        """Return how many complete labels each barcode was printed on."""
        counts: Counter[str] = Counter()
        if self.kind == "usb":
            written = bytes(self.device.written)
            for payload, codes in self.seen.barcodes_of.items():
                n = written.count(payload)
                for code in codes if n else ():
                    counts[code] += n
            return counts
        for job in VirtualPrinter(self.folder).jobs():
            codes = self.seen.barcodes_of.get(job.read_bytes())
            if codes is None:
                counts[f"<unknown job {job.name}>"] += 1
                continue
            for code in codes:
                counts[code] += 1
        return counts


# --- one app "process" -----------------------------------------------------------------------------


class ActingAs:
    """A Picqer source whose API key belongs to another user (the demo server has one key for one user)."""

    def __init__(self, inner: PicqerClient, user_id: int) -> None:
        self._inner = inner
        self._user_id = user_id

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    async def current_user(self) -> PicqerUser:
        users = await self._inner.list_users(active_only=False)
        return next(u for u in users if u.id == self._user_id)


class GatedPicklists:
    """A Picqer source that signals its first picklist read and holds `assign` until told (forces a race)."""

    def __init__(self, inner: Any, *, read: asyncio.Event | None = None, assign_after: asyncio.Event | None = None):
        self._inner = inner
        self._read = read
        self._assign_after = assign_after

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    async def get_picklist(self, picklist_id: int) -> Any:
        picklist = await self._inner.get_picklist(picklist_id)
        if self._read is not None:
            self._read.set()
        return picklist

    async def assign(self, picklist_id: int, user_id: int) -> None:
        if self._assign_after is not None:
            await self._assign_after.wait()
        await self._inner.assign(picklist_id, user_id)


class Station:
    """One running packstation on a data folder, wired like app.build_context but with short timeouts."""

    def __init__(
        self,
        servers: DemoServers,
        data_dir: Path,
        rig: PrinterRig,
        *,
        name: str = "station",
        user_id: int = 0,
        wrap: Callable[[Any], Any] | None = None,
    ) -> None:
        settings, keys = app.demo_settings(servers)
        settings = replace(settings, station_name=name)
        timeouts = {"connect_timeout": 1.0, "read_timeout": READ_TIMEOUT, "write_timeout": 1.0, "pool_timeout": 1.0}
        self.picqer = PicqerClient(
            HttpConfig(base_url=settings.picqer.url, api_key=keys.picqer, **timeouts),
            RateLimiter.for_picqer(),
            FAST_RETRY,
        )
        self.myparcel = MyParcelClient(
            HttpConfig(base_url=settings.myparcel.base_url, api_key=keys.myparcel, **timeouts),
            Platform.MYPARCEL,
            RateLimiter.for_myparcel(),
            FAST_RETRY,
        )
        self.queues = PrintQueues(max_attempts=2, backoff=(0.02,), poll_interval=0.02)
        self.label_printer = self.queues.add(rig.build())
        documents = printers.build_printer(
            PrinterSettings(transport="virtual", language="pdf", address=str(data_dir / "documents")),
            data_dir,
            "Document printer",
            renderer=rig.renderer,
        )
        document_printer = self.queues.add(documents)
        self.journal, _ = open_journal(data_dir / "journal.sqlite3", data_dir / "labels", name)
        source: Any = ActingAs(self.picqer, user_id) if user_id else self.picqer
        if wrap is not None:
            source = wrap(source)
        wb = settings.write_back
        self.service = ShippingService(
            source,
            self.myparcel,
            self.label_printer,
            app.load_profiles(settings, Platform.MYPARCEL),
            Platform.MYPARCEL,
            WriteBackPolicy(
                comment=wb.comment,
                order_field_id=wb.order_field_id or None,
                pick_all=wb.pick_all,
                close=wb.close,
                claim=wb.claim,
            ),
            journal=self.journal,
            document_printer=document_printer,
            claim_settle=0.2,
        )

    async def aclose(self) -> None:
        """Stop like a killed process would: the print queue first, so nothing queued prints afterwards."""
        await self.queues.close()
        for close in (self.picqer.aclose, self.myparcel.aclose):
            with contextlib.suppress(Exception):
                await close()
        await asyncio.to_thread(self.journal.close)


# --- the run ---------------------------------------------------------------------------------------


@dataclass
class Attempt:
    """A picklist the run tried to ship, and what the run expects of it."""

    number: str
    picklist_id: int
    references: tuple[str, ...]
    station_dir: Path
    faults: list[str] = field(default_factory=list)
    race: bool = False  # shipped by two stations at once


@dataclass
class ChaosReport:
    """What one run did and what broke."""

    seed: int
    printer: str
    shipments: int = 0
    parcels: int = 0
    faults: Counter[str] = field(default_factory=Counter)
    duplicates: int = 0
    lost_labels: int = 0
    violations: list[str] = field(default_factory=list)
    plan: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.violations

    def replay(self) -> str:
        """Return the seed and fault sequence, enough to replay the run."""
        lines = [f"seed={self.seed} printer={self.printer}", *self.plan]
        return "\n".join(lines)


class ChaosRun:
    """Randomized shipments with faults against one DemoServers; call `run()` then `check()`."""

    def __init__(
        self,
        seed: int,
        workdir: Path,
        *,
        printer: str = "virtual",
        shipments: int = 3,
        race: bool = True,
        max_faults: int = 3,
        known_bugs: bool = False,
    ) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.workdir = workdir
        self.shipments = shipments
        self.race = race
        self.max_faults = max_faults
        self.known_bugs = known_bugs
        self.servers = DemoServers(picklist_count=40, picqer_rate_limit=1_000_000, myparcel_rate_limit=1_000_000)
        self.runtime = Runtime()  # closed at the end of run()
        self.rig = PrinterRig(printer, workdir / "printer", self.runtime.renderer)
        self.report = ChaosReport(seed=seed, printer=printer)
        self.attempts: list[Attempt] = []
        self.station: Station | None = None
        self.data_dir = workdir / "station-1"
        self.second_rig: PrinterRig | None = None
        self.race_results: list[object] = []
        self._killing = False

    # -- lifecycle ----------------------------------------------------------------------------------

    async def run(self) -> ChaosReport:
        """Ship the planned picklists through their faults, then check the invariants."""
        started = time.perf_counter()
        self.servers.start()
        try:
            self.station = Station(self.servers, self.data_dir, self.rig)
            candidates = await self.candidates(self.station)
            self.rng.shuffle(candidates)
            for _ in range(self.shipments):
                number = candidates.pop()
                count = self.rng.randint(0, self.max_faults)
                faults = random_faults(self.rng, self.rig.kind, count, self.known_bugs)
                await self._ship_with_faults(number, faults)
            if self.race and candidates:
                await self._race(candidates.pop())
            await self.station.aclose()
            self.station = None
            await self.check()
        finally:
            if self.station is not None:
                await self.station.aclose()
            self.servers.stop()
            await self.runtime.aclose()
        self.report.seconds = time.perf_counter() - started
        return self.report

    async def candidates(self, station: Station) -> list[str]:
        """Return open picklists the default profile can ship (Dutch addresses, no rule violations)."""
        service = station.service
        found = []
        async for picklist in service.iter_picklists(PicklistStatus.NEW):
            if picklist.delivery.country != "NL" or picklist.delivery.address_line.endswith("1-3"):
                continue
            opened = await service.open_picklist(picklist.number)
            profile = opened.suggested_profile or service.profiles[0]
            if opened.draft(profile, {}).violations or opened.existing:
                continue
            found.append(picklist.number)
        return sorted(found)

    async def restart(self) -> None:
        """Kill the app (no clean shutdown of the flow) and start a fresh one on the same data folder."""
        assert self.station is not None
        await self.station.aclose()
        self.station = Station(self.servers, self.data_dir, self.rig)

    # -- faults ------------------------------------------------------------------------------------

    def _state(self, server: str) -> Any:
        return self.servers.picqer if server == "picqer" else self.servers.myparcel

    def _arm(self, faults: list[Fault], picklist_id: int) -> None:
        for fault in faults:
            if fault.server and fault.kind != "kill_request":
                kind = "slow" if fault.kind == "timeout" else fault.kind
                path = fault.path.replace("{id}", str(picklist_id))
                self._state(fault.server).faults.inject(
                    kind, method=fault.method, path=path, times=fault.times, seconds=fault.seconds
                )
            elif fault.kind == "unplug":
                self.rig.unplug_after(fault.after_bytes)
            elif fault.kind == "paper_out":
                self.rig.paper_out(True)
                asyncio.get_running_loop().call_later(fault.seconds, self.rig.paper_out, False)

    def _harvest(self) -> None:
        """Count the HTTP faults that fired and disarm the rest."""
        for server in ("picqer", "myparcel"):
            switch = self._state(server).faults
            for fired in switch.injected:
                self.report.faults[f"{server} {fired.kind}"] += 1
            switch.clear()

    # -- shipping ----------------------------------------------------------------------------------

    async def _retrying(self, make: Callable[[], Any]) -> Any:
        """Call an async step the packer would simply repeat after an API error (open, resume)."""
        for attempt in range(1, PACKER_RETRIES * 3 + 1):
            try:
                return await make()
            except PackstationError:
                if attempt == PACKER_RETRIES * 3:
                    raise
                await asyncio.sleep(0.01)
        raise AssertionError("unreachable")

    def record_attempt(
        self, number: str, picklist_id: int, references: tuple[str, ...], faults: list[str], *, race: bool = False
    ) -> Attempt:
        """Note a picklist this run ships, so `check()` looks at it."""
        attempt = Attempt(number, picklist_id, references, self.data_dir, faults=faults, race=race)
        self.attempts.append(attempt)
        self.report.plan.append(f"{number} parcels={len(references)}: " + ("; ".join(faults) or "no faults"))
        self.report.shipments += 1
        self.report.parcels += len(references)
        return attempt

    async def _ship_with_faults(self, number: str, faults: list[Fault]) -> None:
        assert self.station is not None
        service = self.station.service
        opened = await self._retrying(lambda: service.open_picklist(number, claim=True))  # as the app scans
        profile = opened.suggested_profile or service.profiles[0]
        # Multi-collo after a restart prints the label again (test_chaos xfail): only with known_bugs.
        parcels = self.rng.choice((1, 1, 1, 2)) if self.known_bugs else 1
        draft = opened.draft(profile, {}, parcels=parcels)
        if draft.violations:
            parcels = 1
            draft = opened.draft(profile, {})
        self.record_attempt(number, opened.picklist.id, draft.request.parcel_references, [f.describe() for f in faults])
        for fault in faults:
            if fault.kind in ("paper_out", "unplug", "kill_step", "kill_request"):
                self.report.faults[fault.kind] += 1
        self._arm(faults, opened.picklist.id)
        job = service.start(opened, draft, profile=profile)
        kill_step = next((f.step for f in faults if f.kind == "kill_step"), None)
        kill_request = next((f for f in faults if f.kind == "kill_request"), None)
        try:
            await self._drive(job, kill_step, kill_request, opened.picklist.id)
        finally:
            self._harvest()
            self.rig.replug()
        # Whatever is left once the faults are gone is what the packer finishes from the journal.
        await self._finish_unfinished()

    async def _drive(
        self, job: ShipmentJob, kill_step: str | None, kill_request: Fault | None, picklist_id: int
    ) -> None:
        for _ in range(PACKER_RETRIES):
            assert self.station is not None
            outcome = await self._run_once(self.station.service, job, kill_step, kill_request, picklist_id)
            kill_step = kill_request = None  # a process dies once per plan entry
            if outcome == "done":
                return
            if outcome == "killed":
                await self.restart()
                await self._finish_unfinished()
                return
            self.rig.replug()  # the packer looks at the printer before pressing retry
        await self.restart()
        await self._finish_unfinished()

    async def _run_once(
        self,
        service: ShippingService,
        job: ShipmentJob,
        kill_step: str | None,
        kill_request: Fault | None,
        picklist_id: int,
    ) -> str:
        def on_event(event: ShipmentEvent) -> None:
            if kill_step and isinstance(event, StepStarted) and event.step.value == kill_step:
                raise SimulatedKill(kill_step)

        task = asyncio.ensure_future(service.run(job, on_event))
        watcher: asyncio.Task[None] | None = None
        if kill_request is not None:
            watcher = asyncio.ensure_future(self._kill_mid_request(task, kill_request, picklist_id))
        try:
            await task
            return "done"
        except SimulatedKill:
            return "killed"
        except asyncio.CancelledError:
            if watcher is None or not self._killing:
                raise
            self._killing = False
            await watcher  # the restart waits until the server has finished the request it held
            return "killed"
        except PackstationError:
            return "failed"
        finally:
            if watcher is not None and not watcher.done():
                watcher.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await watcher

    async def _kill_mid_request(self, task: asyncio.Future[Any], fault: Fault, picklist_id: int) -> None:
        """Hold the request in the server, kill the app while it waits, let the server finish the work."""
        state = self._state(fault.server)
        path = fault.path.replace("{id}", str(picklist_id))
        state.faults.inject("slow", method=fault.method, path=path, times=1, seconds=fault.seconds)
        pattern = re.compile(path)

        def matching() -> int:
            with state.lock:
                return sum(1 for m, p, _ in state.requests if m == fault.method and pattern.search(p.split("?")[0]))

        def held() -> int:
            return sum(1 for f in state.faults.injected if f.kind == "slow" and pattern.search(f.path))

        before, held_before = matching(), held()
        while held() == held_before:
            if task.done():
                return
            await asyncio.sleep(0.005)
        before = max(before, matching())
        await asyncio.sleep(self.rng.uniform(0.0, fault.seconds / 2))
        if task.done():
            return
        self._killing = True
        task.cancel()
        # The app is down; it comes back only after the server has finished the request it was holding.
        deadline = time.monotonic() + 3
        while matching() == before and time.monotonic() < deadline:
            await asyncio.sleep(0.01)

    async def kill_at(self, job: ShipmentJob, step: Step) -> bool:
        """Run the job on the current station, kill the app before `step`, restart it; return whether it died."""
        assert self.station is not None
        picklist_id = job.picklist.id
        outcome = await self._run_once(self.station.service, job, step.value, None, picklist_id)
        if outcome == "killed":
            await self.restart()
        return outcome == "killed"

    async def kill_during(self, job: ShipmentJob, server: str, method: str, path: str) -> bool:
        """Run the job, kill the app while the server holds this request, restart it; return whether it died."""
        assert self.station is not None
        fault = Fault("kill_request", server, method, path, seconds=KILL_REQUEST_SECONDS)
        outcome = await self._run_once(self.station.service, job, None, fault, job.picklist.id)
        if outcome == "killed":
            await self.restart()
        return outcome == "killed"

    async def finish_unfinished(self) -> None:
        """Resume every unfinished journal entry of the current station."""
        await self._finish_unfinished()

    async def _finish_unfinished(self) -> None:
        """Resume every unfinished journal entry (what the app offers on start), as the packer would."""
        assert self.station is not None
        for _ in range(PACKER_RETRIES):
            entries = await self.station.service.unfinished()
            if not entries:
                return
            for entry in entries:
                service = self.station.service
                try:
                    job = await self._retrying(lambda e=entry, s=service: s.resume(e))
                    for _ in range(PACKER_RETRIES):
                        outcome = await self._run_once(service, job, None, None, entry.picklist_id)
                        if outcome == "done":
                            break
                        self.rig.replug()
                except PackstationError:
                    continue

    # -- two stations, one picklist -----------------------------------------------------------------

    async def _race(self, number: str) -> None:
        """Two stations (different Picqer users, own data folders and printers) ship one picklist at once."""
        assert self.station is not None
        other_rig = PrinterRig(self.rig.kind, self.workdir / "printer-2", self.runtime.renderer)
        other = Station(self.servers, self.workdir / "station-2", other_rig, name="station-2", user_id=SECOND_USER_ID)
        try:
            opened = [await s.service.open_picklist(number, claim=True) for s in (self.station, other)]
            profile = opened[0].suggested_profile or self.station.service.profiles[0]
            jobs = [
                s.service.start(o, o.draft(profile, {}), profile=profile)
                for s, o in zip((self.station, other), opened, strict=True)
            ]
            refs = jobs[0].request.parcel_references
            self.record_attempt(number, opened[0].picklist.id, refs, ["two stations at once"], race=True)
            self.report.faults["two stations"] += 1
            results = await asyncio.gather(
                *(s.service.run(j) for s, j in zip((self.station, other), jobs, strict=True)),
                return_exceptions=True,
            )
            self.race_results = list(results)
        finally:
            await other.aclose()
        self.second_rig = other_rig

    # -- invariants --------------------------------------------------------------------------------

    async def check(self) -> None:
        """Compare the servers, the printed labels and the journal for every picklist attempted."""
        printed = self.rig.printed()
        if self.second_rig is not None:
            printed += self.second_rig.printed()
        report = self.report
        for unknown in (code for code in printed if code.startswith("<unknown")):
            report.violations.append(f"printed something that was never prepared: {unknown}")
        journals = {}
        for attempt in self.attempts:
            dirs = [attempt.station_dir] + ([self.workdir / "station-2"] if attempt.race else [])
            entries: list[JournalEntry] = []
            for folder in dirs:
                if folder not in journals:
                    journals[folder] = SqliteJournal(folder / "journal.sqlite3", folder / "labels", "check")
                entries += await journals[folder].for_picklist(attempt.number)
            self._check_attempt(attempt, entries, printed)
        for journal in journals.values():
            journal.close()

    def _check_attempt(self, attempt: Attempt, entries: list[JournalEntry], printed: Counter[str]) -> None:
        report = self.report
        where = f"{attempt.number} ({'; '.join(attempt.faults) or 'no faults'})"
        shipments = []
        for ref in attempt.references:
            found = self.servers.myparcel.shipments_by_reference(ref)
            if len(found) > 1:
                report.duplicates += len(found) - 1
                report.violations.append(f"{where}: {len(found)} MyParcel shipments for reference {ref}")
            shipments += found[:1]
        # A refused entry ended at the check before booking (another station's claim or shipment): it must
        # have booked nothing, and it is not this picklist's shipment.
        for entry in entries:
            if entry.refused and entry.shipment_ids:
                report.violations.append(f"{where}: a refused journal entry holds shipments {entry.shipment_ids}")
        finished = [e for e in entries if e.finished and not e.refused]
        wire = self.servers.picqer.picklist_by_number(attempt.number)
        assert wire is not None
        closed = wire["status"] == "closed"
        if closed != bool(finished):
            report.violations.append(
                f"{where}: picklist is {wire['status']} but the journal has {len(finished)} finished entries"
            )
        if len(finished) > 1:
            report.violations.append(f"{where}: {len(finished)} finished journal entries")
        if len(shipments) < len(attempt.references):
            if finished or closed:
                report.lost_labels += 1
                report.violations.append(f"{where}: finished, but MyParcel has no shipment for every parcel")
            return
        barcodes = [s["barcode"] for s in shipments]
        for code in barcodes:
            if not code:
                report.lost_labels += 1
                report.violations.append(f"{where}: a shipment exists but never got a label (no barcode)")
                continue
            count = printed.get(code, 0)
            if count > 1:
                report.duplicates += count - 1
                report.violations.append(f"{where}: label {code} printed {count} times")
            elif count == 0 and not any(e.print_error for e in entries):
                report.lost_labels += 1
                report.violations.append(f"{where}: label {code} was never printed and no print failure is recorded")
        comments = self.servers.picqer.comments.get(attempt.picklist_id, [])
        with_code = [c for c in comments if barcodes[0] and barcodes[0] in c["body"]]
        if len(with_code) > 1:
            report.duplicates += len(with_code) - 1
            report.violations.append(f"{where}: {len(with_code)} tracking comments in Picqer")
        elif closed and not with_code:
            report.violations.append(f"{where}: closed without the tracking comment")
        if finished:
            entry = finished[0]
            if sorted(entry.shipment_ids) != sorted(s["id"] for s in shipments):
                report.violations.append(
                    f"{where}: journal has shipments {list(entry.shipment_ids)}, "
                    f"MyParcel {[s['id'] for s in shipments]}"
                )
            if sorted(entry.barcodes) != sorted(barcodes):
                report.violations.append(f"{where}: journal barcodes {list(entry.barcodes)}, MyParcel {barcodes}")
        elif not attempt.race:
            report.violations.append(f"{where}: never finished although every fault had passed")
