"""Scan to print: from the Enter of a scan to the last ZPL byte at a (fake) USB Zebra, against the bare minimum.

App: the real ShippingService from app.build_context (real clients, rate limiters, journal, print queue,
ZplLabelPrinter on a UsbTransport over tests/fakes' pyusb backend), driven as ShippingController does:
open_picklist -> draft -> start -> run. Timed until the fake printer received its last byte (the write-back
to Picqer after printing is timed separately).

Bare minimum, in the same run, picklist by picklist: every HTTP request the app made for that picklist (recorded
from httpx, bodies included) replayed with one plain httpx.AsyncClient per API against a second, identically
seeded pair of demo servers, up to the label download, plus zpl.pdf_to_zpl of the label. The demo servers add
no latency (the issue's condition) unless --latency is given, and their rate limits are off; the app's client-side
limiters are emptied between picklists. --latency MS makes both demo servers wait MS before every reply (app and
bare alike), to show the ratio at internet round trips (Picqer and MyParcel are SaaS: tens of ms away).

Run: .venv/bin/python bench/bench_scan_to_print.py [--picklists 20] [--latency 0]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import time
from dataclasses import dataclass, field

import common
import httpx

from packstation.demo import DemoServers
from packstation.domain.picklists import PicklistStatus
from packstation.printing import barcodes, zpl


@dataclass
class Recorded:
    method: str
    url: str
    headers: dict[str, str]
    content: bytes
    status: int = 0


@dataclass
class Recorder:
    """Keep every request any httpx.AsyncClient in this process sends while `on`."""

    on: bool = False
    requests: list[Recorded] = field(default_factory=list)

    def install(self) -> None:
        original = httpx.AsyncClient.send
        recorder = self

        async def send(client: httpx.AsyncClient, request: httpx.Request, **kwargs: object) -> httpx.Response:
            response = await original(client, request, **kwargs)
            if recorder.on:
                skip = {"host", "content-length", "connection", "accept-encoding", "user-agent"}
                headers = {k: v for k, v in request.headers.items() if k.lower() not in skip}
                recorder.requests.append(
                    Recorded(request.method, str(request.url), headers, request.content, response.status_code)
                )
            return response

        httpx.AsyncClient.send = send  # type: ignore[method-assign]


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


async def main(count: int, latency_ms: float) -> int:
    logging.disable(logging.WARNING)
    common.use_temp_data_dir()
    fake = common.install_fake_usb()
    recorder = Recorder()
    recorder.install()
    latency = latency_ms / 1000
    app_servers = DemoServers(picklist_count=200, rate_limits=False, latency=latency).start()
    bare_servers = DemoServers(picklist_count=200, rate_limits=False, latency=latency).start()
    numbers = await open_dutch_picklists(DemoServers(picklist_count=200, rate_limits=False).start(), count)
    context = common.demo_usb_context(app_servers)
    geometry = context.printer.printer.geometry
    service = context.service
    bases = {
        app_servers.picqer_url.rsplit("/api/v1", 1)[0]: bare_servers.picqer_url.rsplit("/api/v1", 1)[0],
        app_servers.myparcel_url: bare_servers.myparcel_url,
    }
    picqer_origin = bare_servers.picqer_url.rsplit("/api/v1", 1)[0]
    bare_clients = {
        picqer_origin: httpx.AsyncClient(timeout=30),
        bare_servers.myparcel_url: httpx.AsyncClient(timeout=30),
    }
    app_ms, write_back_ms, bare_http_ms, bare_zpl_ms, bare_check_ms, calls = [], [], [], [], [], []
    mismatched = 0
    try:
        for number in numbers:
            common.reset_client_limiters(context)
            recorder.requests.clear()
            recorder.on = True
            start = time.perf_counter()
            opened = await service.open_picklist(number)
            profile = opened.suggested_profile or service.profiles[0]
            job = service.start(opened, opened.draft(profile, {}))
            await service.run(job)
            done = time.perf_counter()
            recorder.on = False
            app_ms.append((fake.last_write - start) * 1000)
            write_back_ms.append((done - fake.last_write) * 1000)
            calls.append(len(recorder.requests))

            # Bare: replay the same requests up to and including the label download, then convert the label.
            async def replay(request: Recorded) -> httpx.Response:
                origin = next(o for o in bases if request.url.startswith(o))
                target = bases[origin]
                return await bare_clients[target].request(
                    request.method,
                    target + request.url[len(origin) :],
                    headers=request.headers,
                    content=request.content or None,
                )

            label_pdf, rest = b"", []
            start = time.perf_counter()
            for index, request in enumerate(recorder.requests):
                response = await replay(request)
                mismatched += response.status_code != request.status
                if response.headers.get("content-type", "").startswith("application/pdf"):
                    label_pdf, rest = response.content, recorder.requests[index + 1 :]
                    break
            http_done = time.perf_counter()
            labels = zpl.pdf_to_zpl(label_pdf, geometry)
            zpl_done = time.perf_counter()
            barcodes.check(label_pdf, [zpl.rasterize(label_pdf, geometry)])
            bare_http_ms.append((http_done - start) * 1000)
            bare_zpl_ms.append((zpl_done - http_done) * 1000)
            bare_check_ms.append((time.perf_counter() - zpl_done) * 1000)
            assert labels and fake.device.written.endswith(labels[-1].encode()), "the printer got other bytes"
            # The rest of the recorded requests (write-back) keep the bare server in step with the app's.
            for request in rest:
                await replay(request)
    finally:
        for client in bare_clients.values():
            await client.aclose()
        await context.aclose()
        app_servers.stop()
        bare_servers.stop()

    bare = [h + z for h, z in zip(bare_http_ms, bare_zpl_ms, strict=True)]
    bare_checked = [b + c for b, c in zip(bare, bare_check_ms, strict=True)]
    app = common.median(app_ms)
    where = f"demo servers answering after {latency_ms:g} ms" if latency_ms else "demo servers without latency"
    print(f"Scan to print, {len(numbers)} picklists, {where}, fake USB Zebra at 203 dpi")
    print(
        f"HTTP requests per picklist (app, up to and after printing): {common.median(calls):.0f}; "
        f"replayed with a different status: {mismatched}"
    )
    print(
        common.table(
            ["path", "median ms", "p90 ms", "app / this"],
            [
                ["app: Enter -> last ZPL byte at the printer", app, common.percentile(app_ms, 90), 1.0],
                [
                    "bare: plain httpx replay (to the label)",
                    common.median(bare_http_ms),
                    common.percentile(bare_http_ms, 90),
                    "",
                ],
                ["bare: pdf_to_zpl", common.median(bare_zpl_ms), common.percentile(bare_zpl_ms, 90), ""],
                [
                    "bare minimum = replay + pdf_to_zpl",
                    common.median(bare),
                    common.percentile(bare, 90),
                    app / common.median(bare),
                ],
                [
                    "bare + barcode check (source 300 dpi + output)",
                    common.median(bare_checked),
                    common.percentile(bare_checked, 90),
                    app / common.median(bare_checked),
                ],
                [
                    "app: write-back after printing (not in the target)",
                    common.median(write_back_ms),
                    common.percentile(write_back_ms, 90),
                    "",
                ],
            ],
        )
    )
    ratio = app / common.median(bare)
    print(f"target: app at most 1.5x the bare minimum -> {ratio:.2f}x ({'met' if ratio <= 1.5 else 'MISSED'})")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--picklists", type=int, default=20)
    parser.add_argument("--latency", type=float, default=0.0, help="ms each demo server waits before replying")
    arguments = parser.parse_args()
    raise SystemExit(asyncio.run(main(arguments.picklists, arguments.latency)))
