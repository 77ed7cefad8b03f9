"""Many benches on one Picqer account: every station refreshes its picklists list while its packer ships.

20 stations (default) share ONE demo Picqer with 10,000 picklists and its per-account limit. Each station is the
app's own code: build_context on the demo servers (its own PicqerClient, RateLimiter and httpx pool, as 20
processes would have) and a PicklistsController with its PicklistsModel refreshing on its timer (no window). Each
packer ships one picklist every `--ship-every` seconds (open_picklist + run, default write-back policy), taking
the next Dutch NEW picklist from a shared queue.

Time is compressed 10x, as in bench_api_budget.py: the server allows 500 requests per 6 s, each station's limiter
500 per 6 s, refresh every 6 s (= a minute), full re-read every 90 s (= 15 minutes), 429 waits 2 s/6 s.

A shipment counts as delayed by the limit when one of its Picqer requests waited more than 1 s (real-time
equivalent) in its station's limiter (a 429 to any request of the station holds that limiter, so it shows here).

`--before` emulates the old behaviour for comparison: one first-come-first-served line for every request (no
priority, no share kept for shipping) and a full read of the list at every refresh. Otherwise the refreshes between
full reads ask only for picklists created since (`sinceid`).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_many_stations.py [--stations 20] [--picklists 10000]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import logging
import os
import sys
import tempfile
import time
from dataclasses import dataclass, field, replace

import common

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtWidgets import QApplication

from packstation.app import build_context, demo_settings
from packstation.clients.http import Priority, RateLimiter, RetryPolicy
from packstation.demo import DemoServers
from packstation.domain.picklists import PicklistStatus
from packstation.services.picklist_refresh import RefreshPlanner
from packstation.ui.controllers.picklists_controller import PicklistsController
from packstation.ui.messages import Messages
from packstation.ui.models.picklists_model import PicklistsModel

SCALE = 10.0
WINDOW = 60.0 / SCALE


class TimedLimiter(RateLimiter):
    """The app's limiter, recording how long each foreground request waited in it."""

    def __init__(self, *args: object, fifo: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fifo = fifo
        self.foreground_waits: list[float] = []
        self.holds = collections.Counter()  # why this station's limiter held every request

    def hold(self, seconds: float) -> None:
        self.holds["after a 429"] += 1
        super().hold(seconds)

    def hold_until_slot_frees(self) -> float:
        self.holds["remaining <= 5"] += 1
        self.holds["after a 429"] -= 1  # it holds through hold()
        return super().hold_until_slot_frees()

    async def acquire(self, priority: Priority = Priority.FOREGROUND) -> None:
        start = time.perf_counter()
        await super().acquire(Priority.FOREGROUND if self.fifo else priority)
        if priority is Priority.FOREGROUND:
            self.foreground_waits.append(time.perf_counter() - start)


@dataclass
class Station:
    index: int
    context: object
    limiter: TimedLimiter
    controller: PicklistsController
    shipments: list[tuple[float, float, float]] = field(default_factory=list)  # (start, seconds, longest wait)
    failures: list[str] = field(default_factory=list)
    skipped: int = 0


async def dutch_numbers(count: int, picklists: int) -> list[str]:
    with DemoServers(picklist_count=picklists, rate_limits=False) as twin:
        settings, keys = demo_settings(twin)
        context = build_context(settings, keys)
        try:
            numbers = []
            async for picklist in context.service.iter_picklists(PicklistStatus.NEW):
                if picklist.delivery.country == "NL" and picklist.delivery.address_line:
                    numbers.append(picklist.number)
        finally:
            await context.aclose()
    return numbers[:count]


async def run(args: argparse.Namespace) -> dict[str, object]:
    ships_per_station = int(args.minutes * 60 / args.ship_every)
    numbers = await dutch_numbers(args.stations * ships_per_station + args.stations, args.picklists)
    servers = DemoServers(
        picklist_count=args.picklists, picqer_rate_limit=500, myparcel_rate_limit=10**6, rate_window=WINDOW
    ).start()
    retry = RetryPolicy(rate_limit_wait=20.0 / SCALE, rate_limit_cap=60.0 / SCALE)
    root = tempfile.mkdtemp(prefix="packstation-stations-")
    messages = Messages("en")
    stations: list[Station] = []
    for i in range(args.stations):
        os.environ["PACKSTATION_DATA_DIR"] = os.path.join(root, f"station{i}")
        settings, keys = demo_settings(servers)
        context = build_context(replace(settings, station_name=f"station{i}"), keys)
        for client in (context.service._picklists, context.service._carrier):
            client._session.retry = retry
        limiter = TimedLimiter(500, WINDOW, fifo=args.before, background_share=1.0 if args.before else 0.8)
        context.service._picklists._session.limiter = limiter
        planner = RefreshPlanner(full_every=0.0 if args.before else 15 * 60 / SCALE)
        controller = PicklistsController(
            context.service, PicklistsModel(messages), messages, refresh_seconds=int(60 / SCALE), planner=planner
        )
        stations.append(Station(i, context, limiter, controller))
    queue: collections.deque[str] = collections.deque(numbers)
    server_log_before = len(servers.picqer.requests)

    async def packer(station: Station) -> None:
        await asyncio.sleep(station.index * args.ship_every / args.stations / SCALE)  # packers do not work in step
        deadline = time.perf_counter() + args.minutes * 60 / SCALE
        service = station.context.service  # type: ignore[attr-defined]
        while time.perf_counter() < deadline and queue:
            started = time.perf_counter()
            number = queue.popleft()
            waits_before = len(station.limiter.foreground_waits)
            try:
                opened = await service.open_picklist(number)
                profile = opened.suggested_profile or service.profiles[0]
                draft = opened.draft(profile, {})
                if draft.violations:  # an address the packer must look at first: the next picklist instead
                    station.skipped += 1
                    continue
                await service.run(service.start(opened, draft))
                station.controller.shipped(number)
            except Exception as exc:  # counted and reported
                station.failures.append(f"{number}: {type(exc).__name__}: {exc}")
            took = time.perf_counter() - started
            # A 429 (to any request of this station) holds its limiter: the shipment's next request waits for it.
            waits = station.limiter.foreground_waits[waits_before:]
            station.shipments.append((started - begun, took, max(waits, default=0.0)))
            await asyncio.sleep(max(0.0, args.ship_every / SCALE - took))

    start = begun = time.perf_counter()
    for station in stations:
        station.controller.start()
    try:
        await asyncio.gather(*(packer(s) for s in stations))
    finally:
        elapsed = time.perf_counter() - start
        for station in stations:
            station.controller.stop()
        for _ in range(200):  # a list read under way finishes before its session closes
            if not any(s.controller.loading for s in stations):
                break
            await asyncio.sleep(0.05)
        for station in stations:
            await station.context.aclose()  # type: ignore[attr-defined]
        servers.stop()
    log = servers.picqer.requests[server_log_before:]
    list_requests = [r for r in log if r[0] == "GET" and "/picklists?" in r[1] and "offset=" in r[1]]
    new_only = [r for r in list_requests if "sinceid=" in r[1]]
    minutes = elapsed * SCALE / 60
    shipments = [s for st in stations for s in st.shipments]
    threshold = 1.0 / SCALE
    delayed = [s for s in shipments if s[2] > threshold]
    holds = sum((st.limiter.holds for st in stations), collections.Counter())
    return {
        "stations": args.stations,
        "picklists": args.picklists,
        "rows": stations[0].controller.model.rowCount(),
        "minutes": minutes,
        "requests": len(log),
        "429": sum(1 for r in log if r[2] == 429),
        "list_429": sum(1 for r in list_requests if r[2] == 429),
        "list_requests": len(list_requests),
        "since_id_requests": len(new_only),
        "list_per_station_minute": len(list_requests) / args.stations / minutes,
        "all_per_minute": len(log) / minutes,
        "shipments": len(shipments),
        "failed": sum(len(s.failures) for s in stations),
        "delayed": len(delayed),
        "worst_wait_real_s": max((s[2] for s in shipments), default=0.0) * SCALE,
        "median_ship_real_s": common.median([s[1] for s in shipments]) * SCALE,
        "delayed_at_minute": sorted(round(s[0] * SCALE / 60, 1) for s in delayed),
        "holds": dict(holds),
        "skipped": sum(st.skipped for st in stations),
        "failures": [f for s in stations for f in s.failures][:5],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stations", type=int, default=20)
    parser.add_argument("--picklists", type=int, default=10_000)
    parser.add_argument("--minutes", type=float, default=20.0, help="real-time minutes to simulate")
    parser.add_argument("--ship-every", type=float, default=30.0, help="real-time seconds between shipments")
    parser.add_argument("--before", action="store_true", help="emulate the old limiter and full reads")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    common.use_temp_data_dir()
    app = QApplication.instance() or QApplication(sys.argv)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        result = loop.run_until_complete(run(args))
    mode = "old behaviour emulated (FIFO limiter, full read every refresh)" if args.before else "this build"
    print(
        f"{result['stations']} stations, one Picqer account with {result['picklists']:,} picklists "
        f"({result['rows']:,} NEW in each list), {result['minutes']:.0f} real-time minutes compressed {SCALE:.0f}x; "
        f"{mode}"
    )
    print(
        common.table(
            [
                "shipments",
                "delayed by the limit",
                "failed",
                "worst limiter wait s",
                "median shipment s",
                "list requests / station / min",
                "of which new-only (sinceid)",
                "all Picqer requests / min",
                "429 (list)",
            ],
            [
                [
                    result["shipments"],
                    result["delayed"],
                    result["failed"],
                    result["worst_wait_real_s"],
                    result["median_ship_real_s"],
                    result["list_per_station_minute"],
                    f"{result['since_id_requests']} of {result['list_requests']}",
                    result["all_per_minute"],
                    f"{result['429']} ({result['list_429']})",
                ]
            ],
        )
    )
    print(
        f"delayed shipments started at minute {result['delayed_at_minute']}; limiter holds: {result['holds']}; "
        f"{result['skipped']} picklists skipped for an address the packer must check"
    )
    for line in result["failures"]:  # type: ignore[attr-defined]
        print("  failed:", str(line)[:160])
    sys.stdout.flush()
    os._exit(0)  # PySide6 + qasync can crash while finalizing; the figures are out by now


if __name__ == "__main__":
    raise SystemExit(main())
