"""F12 to print: the packer's wait from F12 to the last ZPL byte at a (fake) USB Zebra, against the floor.

App: the real ShippingService from app.build_context (real clients, rate limiters, journal, print queue,
ZplLabelPrinter on a UsbTransport over tests/fakes' pyusb backend), driven as ShippingController does: the scan
opens the picklist with the claim (open_picklist(claim=True)), the packer packs for --packing seconds (the
claim settles meanwhile), then F12: draft -> start -> run, timed until the fake printer received its last byte.
The write-back to Picqer after printing is timed separately (the packer does not wait for it).

The demo servers answer like the real ones: Picqer after --picqer-ms, MyParcel after --myparcel-ms, and
MyParcel's label route --label-ms later still (it renders the PDF).

Floor, in the same run, picklist by picklist, against a second, identically seeded pair of demo servers with
the same latencies and one plain httpx.AsyncClient: MyParcel's create (the app's own POST /shipments body),
label download and barcode read-back (GET /shipments/{id}), one after the other, plus our conversion of the
label (zpl.pdf_to_zpl, and the barcode check that the app's prepare step adds before anything is printed).

Round trips: the demo servers' timed request logs give every request answered between F12 and the start of
the conversion (the label in hand); the longest chain of requests each sent after the previous one was
answered is what the packer waited on in turn (a request sent while another was in flight adds nothing).
Counted overall and per API. Requests answered later, before the last byte, ran beside the conversion.

Run: .venv/bin/python bench/bench_scan_to_print.py [--picklists 10] [--picqer-ms 80] [--myparcel-ms 150]
     [--label-ms 1000] [--packing 1.0]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import logging
import time
from collections import Counter
from dataclasses import dataclass, field

import common
import httpx

from packstation.demo import DemoServers
from packstation.demo.http import Timed
from packstation.domain.picklists import PicklistStatus
from packstation.printing import barcodes, zpl

TARGET = 1.1  # the packer's wait at most 1.1x the floor


@dataclass
class Recorded:
    method: str
    url: str
    headers: dict[str, str]
    content: bytes


@dataclass
class Recorder:
    """Keep every request any httpx.AsyncClient in this process sends while `on`."""

    on: bool = False
    requests: list[Recorded] = field(default_factory=list)

    def install(self) -> None:
        original = httpx.AsyncClient.send
        recorder = self

        async def send(client: httpx.AsyncClient, request: httpx.Request, **kwargs: object) -> httpx.Response:
            if recorder.on:
                skip = {"host", "content-length", "connection", "accept-encoding", "user-agent"}
                headers = {k: v for k, v in request.headers.items() if k.lower() not in skip}
                recorder.requests.append(Recorded(request.method, str(request.url), headers, request.content))
            return await original(client, request, **kwargs)

        httpx.AsyncClient.send = send  # type: ignore[method-assign]


def chain(requests: list[Timed]) -> list[Timed]:
    """Return the longest sequence of requests each received after the previous one was answered."""
    ordered = sorted(requests, key=lambda r: r.received)
    best: list[list[Timed]] = []
    for index, request in enumerate(ordered):
        before = [best[i] for i in range(index) if ordered[i].answered <= request.received]
        best.append([*max(before, key=len, default=[]), request])
    return max(best, key=len, default=[])


def window(servers: DemoServers, start: float, end: float) -> tuple[list[Timed], list[Timed]]:
    """Requests of (Picqer, MyParcel) received after `start` and answered before `end`."""
    return tuple(  # type: ignore[return-value]
        [r for r in state.timeline if r.received >= start and r.answered <= end]
        for state in (servers.picqer, servers.myparcel)
    )


def route(request: Timed) -> str:
    path = request.path.split("?")[0]
    parts = ["{id}" if part.replace(";", "").isdigit() else part for part in path.split("/")]
    query = "?" + request.path.split("?")[1].split("=")[0] if "?" in request.path else ""
    return f"{request.method} {'/'.join(parts)}{query}"


async def open_dutch_picklists(servers: DemoServers, count: int) -> list[str]:
    """Return numbers of new Dutch picklists the default profile can ship without violations."""
    context = common.demo_usb_context(servers)
    try:
        numbers = []
        async for picklist in context.service.iter_picklists(PicklistStatus.NEW):
            if picklist.delivery.country != "NL":
                continue
            opened = await context.service.open_picklist(picklist.number)
            profile = opened.suggested_profile or context.service.profiles[0]
            if not opened.draft(profile, {}).violations and not opened.existing:
                numbers.append(picklist.number)
            if len(numbers) == count:
                break
        return numbers
    finally:
        await context.aclose()


async def main(args: argparse.Namespace) -> int:
    logging.disable(logging.WARNING)
    common.use_temp_data_dir()
    fake = common.install_fake_usb()
    recorder = Recorder()
    recorder.install()
    latencies = {
        "picqer_latency": args.picqer_ms / 1000,
        "myparcel_latency": args.myparcel_ms / 1000,
        "label_latency": args.label_ms / 1000,
    }
    app_servers = DemoServers(picklist_count=200, rate_limits=False, **latencies).start()
    floor_servers = DemoServers(picklist_count=200, rate_limits=False, **latencies).start()
    with DemoServers(picklist_count=200, rate_limits=False) as quick:
        numbers = await open_dutch_picklists(quick, args.picklists)
    context = common.demo_usb_context(app_servers)
    geometry = context.printer.printer.geometry
    service = context.service
    floor_client = httpx.AsyncClient(timeout=30, base_url=floor_servers.myparcel_url)
    rows: dict[str, list[float]] = {
        k: [] for k in ("app", "write_back", "create", "label", "read", "zpl", "check", "settle_left")
    }
    steps: dict[str, list[float]] = {}
    depth: Counter[tuple[int, int, int, int]] = Counter()
    chains: Counter[str] = Counter()
    per_shipment: Counter[tuple[int, int]] = Counter()
    try:
        await service.open_picklist(numbers[0])  # the first request loads the HTTP stack: not the packer's wait
        for number in numbers:
            common.reset_client_limiters(context)
            for state in (app_servers.picqer, app_servers.myparcel):
                state.reset_requests()
            opened_at = time.perf_counter()
            opened = await service.open_picklist(number, claim=True)
            await asyncio.sleep(args.packing)  # the packer packs; the claim settles meanwhile
            recorder.requests.clear()
            recorder.on = True
            stamps: list[tuple[str, float]] = []
            start = time.perf_counter()
            profile = opened.suggested_profile or service.profiles[0]
            job = service.start(opened, opened.draft(profile, {}))
            await service.run(job, on_step=lambda j, s=stamps: s.append((j.step.value, time.perf_counter())))
            done = time.perf_counter()
            recorder.on = False
            rows["app"].append((fake.last_write - start) * 1000)
            rows["write_back"].append((done - fake.last_write) * 1000)
            for (step, at), (_next, later) in itertools.pairwise(stamps):
                if at < fake.last_write:  # the steps the packer waits for (print: to its last byte)
                    steps.setdefault(step, []).append((min(later, fake.last_write) - at) * 1000)
            # Up to the conversion's start the packer waits on the network only; what is answered after it ran
            # beside the conversion and printing (the barcode read-back, when the conversion is slow).
            prepare_at = next(at for step, at in stamps if step == "prepare")
            picqer, myparcel = window(app_servers, start, prepare_at)
            longest = chain(picqer + myparcel)
            beside = sum(len(r) for r in window(app_servers, prepare_at, fake.last_write))
            depth[(len(longest), len(chain(picqer)), len(chain(myparcel)), beside)] += 1
            chains[" -> ".join(route(r) for r in longest)] += 1
            everything = window(app_servers, opened_at, time.perf_counter())
            per_shipment[(len(everything[0]), len(everything[1]))] += 1

            # Floor: MyParcel's create, label and barcode read-back one after the other, then our conversion.
            post = next(r for r in recorder.requests if r.method == "POST" and r.url.endswith("/shipments"))
            label_request = next(r for r in recorder.requests if "/shipment_labels/" in r.url)
            t0 = time.perf_counter()
            created = await floor_client.post("/shipments", headers=post.headers, content=post.content)
            shipment_id = json.loads(created.content)["data"]["ids"][0]["id"]
            t1 = time.perf_counter()
            label_url = "/shipment_labels/" + str(shipment_id) + "?" + label_request.url.split("?", 1)[1]
            label = await floor_client.get(label_url, headers=label_request.headers)
            t2 = time.perf_counter()
            read = await floor_client.get(f"/shipments/{shipment_id}", headers=post.headers | {"Accept": "*/*"})
            t3 = time.perf_counter()
            labels = zpl.pdf_to_zpl(label.content, geometry)
            t4 = time.perf_counter()
            barcodes.check(label.content, [zpl.rasterize(label.content, geometry)])
            t5 = time.perf_counter()
            assert created.status_code == 200 and label.status_code == 200 and read.status_code == 200
            assert labels and fake.device.written.endswith(labels[-1].encode()), "the printer got other bytes"
            for key, (a, b) in zip(
                ("create", "label", "read", "zpl", "check"), itertools.pairwise((t0, t1, t2, t3, t4, t5)), strict=True
            ):
                rows[key].append((b - a) * 1000)
    finally:
        await floor_client.aclose()
        await context.aclose()
        app_servers.stop()
        floor_servers.stop()

    med = {k: common.median(v) for k, v in rows.items()}
    p90 = {k: common.percentile(v, 90) for k, v in rows.items()}
    floor = [sum(rows[k][i] for k in ("create", "label", "read", "zpl", "check")) for i in range(len(rows["app"]))]
    strict = [f - c for f, c in zip(floor, rows["check"], strict=True)]
    app = med["app"]
    print(
        f"F12 to print, {len(numbers)} picklists; demo servers answering after Picqer {args.picqer_ms:g} ms, "
        f"MyParcel {args.myparcel_ms:g} ms (+{args.label_ms:g} ms to render a label); fake USB Zebra at 203 dpi; "
        f"{args.packing:g} s packing between scan and F12"
    )
    print(
        common.table(
            ["path", "median ms", "p90 ms", "app / this"],
            [
                ["app: F12 -> last ZPL byte at the printer", app, common.percentile(rows["app"], 90), 1.0],
                ["floor: MyParcel create", med["create"], p90["create"], ""],
                ["floor: MyParcel label (render + download)", med["label"], p90["label"], ""],
                ["floor: MyParcel barcode read-back", med["read"], p90["read"], ""],
                ["floor: pdf_to_zpl", med["zpl"], p90["zpl"], ""],
                ["floor: barcode check (source + output)", med["check"], p90["check"], ""],
                [
                    "floor = create + label + read + pdf_to_zpl + check",
                    common.median(floor),
                    common.percentile(floor, 90),
                    app / common.median(floor),
                ],
                [
                    "floor without the barcode check",
                    common.median(strict),
                    common.percentile(strict, 90),
                    app / common.median(strict),
                ],
                ["app: write-back after printing (not waited for)", med["write_back"], p90["write_back"], ""],
            ],
        )
    )
    print(
        "app steps from F12 (median ms; print ends at the last byte): "
        + ", ".join(f"{step} {common.median(values):.0f}" for step, values in steps.items())
    )
    for (total, picqer_rt, myparcel_rt, beside), times in depth.most_common():
        print(
            f"sequential round trips F12 -> label in hand: {total} in all, Picqer {picqer_rt}, MyParcel {myparcel_rt} "
            f"(goal: Picqer <= 1, MyParcel <= 3); answered beside the conversion before the last byte: {beside} "
            f"({times} of {len(numbers)} shipments)"
        )
    for path, times in chains.most_common(3):
        print(f"  longest chain ({times}x): {path}")
    for (picqer_n, myparcel_n), times in per_shipment.most_common():
        print(f"requests per shipment, scan to write-back: Picqer {picqer_n}, MyParcel {myparcel_n} ({times}x)")
    ratio = app / common.median(floor)
    print(f"target: app at most {TARGET}x the floor -> {ratio:.2f}x ({'met' if ratio <= TARGET else 'MISSED'})")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--picklists", type=int, default=10)
    parser.add_argument("--picqer-ms", type=float, default=80.0, help="ms the demo Picqer waits before replying")
    parser.add_argument("--myparcel-ms", type=float, default=150.0, help="ms the demo MyParcel waits before replying")
    parser.add_argument("--label-ms", type=float, default=1000.0, help="extra ms MyParcel takes to render a label")
    parser.add_argument("--packing", type=float, default=1.0, help="seconds between the scan and F12")
    raise SystemExit(asyncio.run(main(parser.parse_args())))
