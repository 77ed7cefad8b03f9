"""The relay under load: POST /shipments at 50 concurrent calls, p50/p99 latency and requests per second.

Two cases: a parcel a desk already booked (lookup, label, ZPL) and a new booking (lookup, lease, re-lookup,
book, label, barcode, ZPL), each with the demo MyParcel answering after 0 ms and after 1 s (its --latency).
The relay runs as a real `packstation relay` process (SQLite lease store, 203 dpi ZPL); the demo MyParcel runs in
another process; this process only sends. Every call is a different picklist (Picqer asks once per shipment).
The relay's client-side MyParcel limit is lifted for the run (myparcel_rate_limit): the real MyParcel allows
100 requests a minute per key, which the "requests per call" column turns into calls a minute.

Run: .venv/bin/python bench/bench_relay.py [--calls 200] [--concurrency 50] [--latencies 0,1]
Prints figures; no pass/fail.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import common
import httpx

from packstation.clients.http import HttpConfig, RateLimiter, RetryPolicy
from packstation.clients.myparcel import MyParcelClient
from packstation.domain.shipments import Address, Carrier, LabelFormat, Platform, ShipmentOptions, ShipmentRequest

USER, PASSWORD = "bench", "bench-password"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# The demo server is a ThreadingHTTPServer with the standard library's listen backlog of 5: 50 calls at once
# overflow it and the kernel retries the dropped connects after 1, 3, 7 s, which would measure the demo server,
# not the relay. This child widens the backlog (as any production server has) and then runs `demo-server`.
_DEMO = """
import sys
import packstation.demo.http as demo_http
demo_http._Server.request_queue_size = 1024
from packstation.cli import main
sys.exit(main(sys.argv[1:]))
"""


def start_demo(latency: float) -> tuple[subprocess.Popen[str], dict[str, str]]:
    command = [sys.executable, "-c", _DEMO, "demo-server", "--picklists", "0", "--no-rate-limits"]
    command += ["--latency", str(latency)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=common.REPO)
    assert child.stdout is not None
    values: dict[str, str] = {}
    for line in child.stdout:
        if line.startswith("serving"):
            break
        key, _, value = line.strip().partition("=")
        values[key] = value
    return child, values


def start_relay(demo: dict[str, str], folder: Path) -> tuple[subprocess.Popen[str], str]:
    settings = folder / "relay.toml"
    settings.write_text(
        f"""
[relay]
database = "sqlite:///{folder / "locks.sqlite3"}"
myparcel_rate_limit = 1000000

[[accounts]]
username = "{USER}"
password = "{PASSWORD}"
myparcel_key = "{demo["myparcel_api_key"]}"
base_url = "{demo["myparcel_url"]}"
""",
        encoding="utf-8",
    )
    port = _free_port()
    command = [sys.executable, "-m", "packstation", "relay", "--config", str(settings), "--port", str(port)]
    command += ["--log-level", "warning"]
    child = subprocess.Popen(command, cwd=common.REPO, text=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return child, url
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError("the relay did not start")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def body(picklist: str) -> dict[str, Any]:
    return {
        "version": "1.0",
        "data": {
            "profile": [{"key": "carrier", "value": 1}, {"key": "signature", "value": 0}],
            "shipment": {
                "weight": 1200,
                "total_paid": 29.95,
                "value_of_goods": 12.5,
                "recipient": {
                    "name": "Picqer B.V.",
                    "contactname": "Jan Jansen",
                    "address": "Meander 251",
                    "address2": None,
                    "zipcode": "6825MC",
                    "city": "Arnhem",
                    "region": None,
                    "country": "NL",
                    "emailaddress": "jan@example.com",
                    "telephone": None,
                },
                "references": {"reference": "bench", "orderid": "O-1", "returnid": None, "picklistid": picklist},
                "preferred_delivery_date": None,
                "pickup_point_data": [],
                "language": "en",
            },
        },
    }


async def desk_books(demo: dict[str, str], picklists: list[str]) -> None:
    """Book and print the picklists as desks would (in parallel, outside the measured time)."""
    client = MyParcelClient(
        HttpConfig(demo["myparcel_url"], demo["myparcel_api_key"]), Platform.MYPARCEL, RateLimiter(10**6), RetryPolicy()
    )
    limit = asyncio.Semaphore(50)

    async def one(picklist: str) -> None:
        request = ShipmentRequest(
            picklist,
            Carrier.POSTNL,
            Address(cc="NL", city="Arnhem", street="Meander", number="251", postal_code="6825 MC", person="Jan"),
            ShipmentOptions(),
            1200,
        )
        async with limit:
            created = await client.create(request)
            await client.fetch_label([s.id for s in created], LabelFormat.A6)

    try:
        await asyncio.gather(*(one(p) for p in picklists))
    finally:
        await client.aclose()


async def fire(url: str, picklists: list[str], concurrency: int) -> tuple[list[float], float, dict[int, int]]:
    limit = asyncio.Semaphore(concurrency)
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, auth=(USER, PASSWORD), timeout=60, limits=limits) as http:

        async def one(picklist: str) -> None:
            async with limit:
                started = time.perf_counter()
                response = await http.post("/shipments", json=body(picklist))
                latencies.append(time.perf_counter() - started)
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1

        started = time.perf_counter()
        await asyncio.gather(*(one(p) for p in picklists))
        wall = time.perf_counter() - started
    return latencies, wall, statuses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--latencies", default="0,1", help="MyParcel answer delays in seconds, comma-separated")
    args = parser.parse_args()
    rows = []
    for latency in [float(x) for x in args.latencies.split(",")]:
        demo_process, demo = start_demo(latency)
        folder = Path(tempfile.mkdtemp(prefix="bench-relay-"))
        relay_process, url = start_relay(demo, folder)
        try:
            calls = args.calls if latency == 0 else max(args.concurrency, args.calls // 2)
            booked = [f"PB{int(latency * 1000)}-{n:05d}" for n in range(calls)]
            asyncio.run(desk_books(demo, booked))
            new = [f"PN{int(latency * 1000)}-{n:05d}" for n in range(calls)]
            asyncio.run(fire(url, [f"PW-{n}" for n in range(args.concurrency)], args.concurrency))  # warm up
            for case, picklists in (("desk-booked (label+ZPL)", booked), ("new booking", new)):
                relay_cpu, demo_cpu = cpu_seconds(relay_process.pid), cpu_seconds(demo_process.pid)
                latencies, wall, statuses = asyncio.run(fire(url, picklists, args.concurrency))
                relay_cpu = cpu_seconds(relay_process.pid) - relay_cpu
                demo_cpu = cpu_seconds(demo_process.pid) - demo_cpu
                rows.append(
                    [
                        case,
                        f"{latency * 1000:.0f} ms",
                        len(picklists),
                        f"{common.percentile(latencies, 50) * 1000:.0f}",
                        f"{common.percentile(latencies, 99) * 1000:.0f}",
                        f"{len(picklists) / wall:.1f}",
                        f"{relay_cpu / len(picklists) * 1000:.1f}",
                        f"{demo_cpu / len(picklists) * 1000:.1f}",
                        " ".join(f"{k}x{v}" for k, v in sorted(statuses.items())),
                    ]
                )
                print(rows[-1], flush=True)
        finally:
            relay_process.terminate()
            relay_process.wait(timeout=30)
            demo_process.terminate()
            demo_process.wait(timeout=30)
    print()
    print(f"relay: 1 process, SQLite leases, 203 dpi ZPL; {args.concurrency} concurrent calls; {os.cpu_count()} cores")
    headers = ["case", "MyParcel delay", "calls", "p50 ms", "p99 ms", "calls/s", "relay CPU ms/call"]
    print(common.table([*headers, "demo MyParcel CPU ms/call", "statuses"], rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
