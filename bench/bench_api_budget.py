"""API budget: requests per shipped picklist, per API and endpoint; and 20 stations sharing one Picqer key.

Part 1 ships picklists one by one through the app's own context (app.build_context on the demo servers, default
write-back policy: claim, comment, pick all, close) and counts what the demo servers' request logs saw, from the
scan (open_picklist) to the end of run(). Every shipment is one parcel.

Part 2 runs 20 stations at once, each its own ShippingService with its own client-side RateLimiter (as 20
processes would have), against ONE demo Picqer with its per-key limit. Time is compressed 10x so the run takes
seconds: the server allows 500 requests per 6 s (not per 60 s), each station's limiter is RateLimiter(500, 6 s)
and the retry policy's default 429 wait/cap are 2 s/6 s (not 20 s/60 s). Counts 429s, retries and wall time.

Part 3 (issue 14 G.2) runs 20 stations at once against ONE MyParcel key limited to 100 requests a minute, each
station with its own client-side RateLimiter(100/min) as 20 processes would have: the shared limit shows only as
the server's 429s with Retry-After. Time is compressed 10x the same way (100 per 6 s; the retry policy's waits,
jitter and rate-limit budget divided by 10; the demo's Retry-After is whole seconds, so it is coarser than real).
Target: 0 failed shipments and a wall time of at most 1.2x the limit's floor (MyParcel requests needed / limit
per window, i.e. the time the limit alone forces).

Run: .venv/bin/python bench/bench_api_budget.py [--picklists 10] [--stations 20] [--per-station 3] [--only myparcel]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import logging
import os
import re
import tempfile
import time
from dataclasses import replace

import common

from packstation.app import build_context, demo_settings
from packstation.clients.http import RateLimiter, RetryPolicy
from packstation.demo import DemoServers
from packstation.domain.picklists import PicklistStatus

# What each call buys (from services/shipping.py and the clients), keyed by normalised endpoint.
PURPOSE = {
    "GET /picklists?picklistid": "scan: find the picklist by its number (needed)",
    "GET /orders/{id}": "scan: the order, for the preferred profile and address fields (needed with an order)",
    "GET /shipments?reference_identifier": "idempotency: at the scan (already shipped?) and right before "
    "booking (a station whose claim was overtaken finds the rival's shipment); create() then skips its own",
    "GET /picklists/{id}": "re-read before booking (status changed?) and after the claim settled (did a rival's "
    "assignment win?); a close reply that says closed is trusted",
    "GET /users/me": "who this station is, for the claim (cached after the first shipment)",
    "POST /picklists/{id}/assign": "claim: two stations never book the same picklist (write_back.claim)",
    "POST /shipments": "book the shipment (needed)",
    "GET /shipment_labels/{id}?format": "the label PDF (needed)",
    "GET /shipments/{id}": "after the label: the barcode MyParcel assigned (needed); multi-collo also reads "
    "the secondary ids after the POST",
    "GET /tracktraces/{id}": "the carrier's own tracking page (not called by default: the comment's link is "
    "built from barcode, postal code and country)",
    "POST /picklists/{id}/comments": "write-back: tracking comment in Picqer (write_back.comment)",
    "POST /picklists/{id}/pickall": "write-back: mark all products picked before closing (write_back.pick_all)",
    "POST /picklists/{id}/close": "write-back: close the picklist (write_back.close)",
}


def endpoint(method: str, path: str) -> str:
    """Return 'METHOD /path' with ids as {id} and the query reduced to its first parameter name."""
    path = path.replace("/api/v1", "")
    base, _, query = path.partition("?")
    base = re.sub(r"/\d+(?=/|$)", "/{id}", base)
    base = re.sub(r"/\d+(;\d+)+(?=/|$)", "/{id}", base)
    first = query.split("&")[0].split("=")[0] if query else ""
    return f"{method} {base}" + (f"?{first}" if first else "")


async def dutch_numbers(servers: DemoServers, count: int) -> list[str]:
    """Return new Dutch picklists the default profile ships without violations (checked on a twin server)."""
    settings, keys = demo_settings(servers)
    context = build_context(settings, keys)
    try:
        numbers = []
        async for picklist in context.service.iter_picklists(PicklistStatus.NEW):
            if picklist.delivery.country == "NL":
                opened = await context.service.open_picklist(picklist.number)
                profile = opened.suggested_profile or context.service.profiles[0]
                if not opened.draft(profile, {}).violations and not opened.existing:
                    numbers.append(picklist.number)
            if len(numbers) == count:
                return numbers
        return numbers
    finally:
        await context.aclose()


async def ship(context: object, number: str) -> None:
    service = context.service  # type: ignore[attr-defined]
    opened = await service.open_picklist(number)
    profile = opened.suggested_profile or service.profiles[0]
    await service.run(service.start(opened, opened.draft(profile, {})))


async def budget(count: int) -> None:
    with DemoServers(picklist_count=200, rate_limits=False) as twin:
        numbers = await dutch_numbers(twin, count)
    with DemoServers(picklist_count=200, rate_limits=False) as servers:
        settings, keys = demo_settings(servers)
        context = build_context(settings, keys)
        per_api: dict[str, list[int]] = {"Picqer": [], "MyParcel": []}
        per_endpoint: collections.Counter[tuple[str, str]] = collections.Counter()
        try:
            for number in numbers:
                servers.picqer.reset_requests()
                servers.myparcel.reset_requests()
                await ship(context, number)
                for api, state in (("Picqer", servers.picqer), ("MyParcel", servers.myparcel)):
                    per_api[api].append(len(state.requests))
                    for method, path, _status in state.requests:
                        per_endpoint[(api, endpoint(method, path))] += 1
        finally:
            await context.aclose()
    n = len(numbers)
    print(f"Requests per shipped picklist (one parcel, default write-back policy), {n} picklists")
    print(
        common.table(
            ["API", "median", "min", "max", "target"],
            [[api, common.median(v), min(v), max(v), "4" if api == "Picqer" else "3"] for api, v in per_api.items()],
        )
    )
    print()
    print(
        common.table(
            ["API", "endpoint", "per picklist", "what it buys"],
            [
                [api, ep, f"{c / n:.2f}", PURPOSE.get(ep.replace("/api/v1", ""), "")]
                for (api, ep), c in sorted(per_endpoint.items())
            ],
        )
    )


async def storm(stations: int, per_station: int, scale: float = 10.0) -> None:
    window = 60.0 / scale
    with DemoServers(picklist_count=400, rate_limits=False) as twin:
        numbers = await dutch_numbers(twin, stations * per_station)
    servers = DemoServers(
        picklist_count=400, picqer_rate_limit=500, myparcel_rate_limit=10**6, rate_window=window
    ).start()
    contexts = []
    root = tempfile.mkdtemp(prefix="packstation-stations-")
    retry = RetryPolicy(rate_limit_wait=20.0 / scale, rate_limit_cap=60.0 / scale)
    for i in range(stations):
        os.environ["PACKSTATION_DATA_DIR"] = os.path.join(root, f"station{i}")
        settings, keys = demo_settings(servers)
        context = build_context(replace(settings, station_name=f"station{i}"), keys)
        for client in (context.service._picklists, context.service._carrier):
            client._session.retry = retry
        context.service._picklists._session.limiter = RateLimiter(500, window)
        contexts.append(context)
    queue: asyncio.Queue[str] = asyncio.Queue()
    for number in numbers:
        queue.put_nowait(number)
    failures: list[str] = []

    async def station(context: object) -> None:
        while not queue.empty():
            number = queue.get_nowait()
            try:
                await ship(context, number)
            except Exception as exc:  # counted and reported: a storm shows up as failed shipments
                failures.append(f"{number}: {type(exc).__name__}: {exc}")

    start = time.perf_counter()
    try:
        await asyncio.gather(*(station(c) for c in contexts))
    finally:
        elapsed = time.perf_counter() - start
        for context in contexts:
            await context.aclose()
        servers.stop()
    statuses = collections.Counter(status for _m, _p, status in servers.picqer.requests)
    total = sum(statuses.values())
    print(
        f"\n{stations} stations, one Picqer key, {len(numbers)} picklists, time compressed {scale:.0f}x "
        f"(server: 500 requests per {window:.0f} s; each station's limiter: 500 per {window:.0f} s)"
    )
    print(
        common.table(
            [
                "Picqer requests",
                "429 replies",
                "429 share",
                "shipped",
                "failed",
                "wall s",
                "= real-time s",
                "floor s (requests / limit)",
            ],
            [
                [
                    total,
                    statuses.get(429, 0),
                    f"{statuses.get(429, 0) / max(total, 1):.0%}",
                    len(numbers) - len(failures),
                    len(failures),
                    elapsed,
                    elapsed * scale,
                    (total - statuses.get(429, 0)) / 500 * window,
                ]
            ],
        )
    )
    for line in failures[:5]:
        print("  failed:", line[:160])


async def myparcel_storm(stations: int, per_station: int, scale: float = 10.0) -> bool:
    """20 stations, one MyParcel key at 100 requests a minute: every shipment must wait its turn, none fail."""
    window = 60.0 / scale
    limit = 100
    with DemoServers(picklist_count=400, rate_limits=False) as twin:
        numbers = await dutch_numbers(twin, stations * per_station)
    servers = DemoServers(
        picklist_count=400, picqer_rate_limit=500, myparcel_rate_limit=limit, rate_window=window
    ).start()
    # The app's RetryPolicy() with every duration compressed like the server's window.
    default = RetryPolicy()
    retry = RetryPolicy(
        base_delay=default.base_delay / scale,
        max_delay=default.max_delay / scale,
        jitter=default.jitter / scale,
        max_retry_after=default.max_retry_after / scale,
        rate_limit_budget=default.rate_limit_budget / scale,
        rate_limit_wait=60.0 / scale,
        rate_limit_cap=300.0 / scale,
    )
    contexts = []
    root = tempfile.mkdtemp(prefix="packstation-mp-stations-")
    for i in range(stations):
        os.environ["PACKSTATION_DATA_DIR"] = os.path.join(root, f"station{i}")
        settings, keys = demo_settings(servers)
        context = build_context(replace(settings, station_name=f"station{i}"), keys)
        for client in (context.service._picklists, context.service._carrier):
            client._session.retry = retry
        context.service._picklists._session.limiter = RateLimiter(500, window)
        context.service._carrier._session.limiter = RateLimiter(limit, window)
        contexts.append(context)
    queue: asyncio.Queue[str] = asyncio.Queue()
    for number in numbers:
        queue.put_nowait(number)
    failures: list[str] = []
    waits: list[float] = []  # every rate-limit wait a packer would have seen counted down

    async def station(context: object) -> None:
        service = context.service  # type: ignore[attr-defined]
        while not queue.empty():
            number = queue.get_nowait()
            try:
                opened = await service.open_picklist(number)
                job = service.start(opened, opened.draft(opened.suggested_profile or service.profiles[0], {}))
                await service.run(job, on_wait=lambda _job, wait: waits.append(wait.seconds))
            except Exception as exc:  # counted and reported: the target is none
                failures.append(f"{number}: {type(exc).__name__}: {exc}")

    start = time.perf_counter()
    try:
        await asyncio.gather(*(station(c) for c in contexts))
    finally:
        elapsed = time.perf_counter() - start
        for context in contexts:
            await context.aclose()
        servers.stop()
    statuses = collections.Counter(status for _m, _p, status in servers.myparcel.requests)
    refused = statuses.get(429, 0)
    needed = sum(statuses.values()) - refused
    floor = needed / limit * window
    booked = {s["reference_identifier"] for s in servers.myparcel.shipments}
    print(
        f"\n{stations} stations, one MyParcel key, {len(numbers)} picklists, time compressed {scale:.0f}x "
        f"(server: {limit} requests per {window:.0f} s; each station's limiter: {limit} per {window:.0f} s)"
    )
    print(
        common.table(
            [
                "MyParcel requests",
                "429 replies",
                "shipped",
                "failed",
                "shipments at MyParcel",
                "waits shown",
                "longest wait s (real)",
                "wall s",
                "floor s",
                "wall / floor",
                "= real-time wall s",
            ],
            [
                [
                    needed,
                    refused,
                    len(numbers) - len(failures),
                    len(failures),
                    len(servers.myparcel.shipments),
                    len(waits),
                    max(waits, default=0.0) * scale,
                    elapsed,
                    floor,
                    f"{elapsed / floor:.2f}",
                    elapsed * scale,
                ]
            ],
        )
    )
    for line in failures[:5]:
        print("  failed:", line[:160])
    ok = not failures and elapsed <= 1.2 * floor and len(booked) == len(servers.myparcel.shipments)
    print(f"target (0 failed, one shipment per picklist, wall <= 1.2x floor): {'met' if ok else 'NOT met'}")
    return ok


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--picklists", type=int, default=10)
    parser.add_argument("--stations", type=int, default=20)
    parser.add_argument("--per-station", type=int, default=3)
    parser.add_argument("--only", choices=("budget", "picqer", "myparcel"), help="run one part only")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    common.use_temp_data_dir()
    if args.only in (None, "budget"):
        await budget(args.picklists)
    if args.only in (None, "picqer"):
        await storm(args.stations, args.per_station)
    if args.only in (None, "myparcel"):
        return 0 if await myparcel_storm(args.stations, args.per_station) else 1
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
