"""Verified packing in the window: from a product scan to its tick shown, on a picklist of 200 lines.

The window is wired as app/gui.py wires it (build_context on the demo servers, the packing controller, MainWindow,
qasync loop), offscreen. The demo Picqer gets one extra picklist made for this bench: 200 lines, each its own
product with its own EAN. Each line is scanned once, one scan at a time: the time from the scan to the line's
"1/1" in the packing pane, and a 10 ms heartbeat QTimer's longest gap (what the packer would feel as a stall),
which must stay under 50 ms. Picks go to Picqer in the background (a second after the last tick) meanwhile.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_packing.py [--lines 200]
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import os
import statistics
import sys
import tempfile
import time
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from packstation.demo import DemoServers, seed

NUMBER = "P2099-00200"
GAP_LIMIT_MS = 50.0


def add_long_picklist(servers: DemoServers, lines: int) -> list[str]:
    """Give the demo Picqer a picklist of `lines` lines, each a product of its own; return their barcodes."""
    picqer = servers.picqer
    template = next(p for p in picqer.picklists if p["status"] == "new" and p["products"])
    picklist = copy.deepcopy(template)
    picklist["idpicklist"] = 990_200
    picklist["picklistid"] = NUMBER
    line_template = template["products"][0]
    barcodes: list[str] = []
    picklist["products"] = []
    for index in range(lines):
        idproduct = 70_000 + index
        barcode = seed.ean13(f"8799{index:08d}")
        barcodes.append(barcode)
        product: dict[str, Any] = {
            "idproduct": idproduct,
            "idvatgroup": 17,
            "productcode": f"BENCH-{index:03d}",
            "name": f"Bench product {index}",
            "price": 1.0,
            "barcode": barcode,
            "type": "normal",
            "weight": 100,
            "active": True,
        }
        picqer.products.append(product)
        picklist["products"].append(
            {
                **line_template,
                "idpicklist_product": 990_200_000 + index,
                "idproduct": idproduct,
                "productcode": product["productcode"],
                "name": product["name"],
                "amount": 1,
                "amount_picked": 0,
                "weight": 100,
                "has_parts": False,
                "partof_idpicklist_product": None,
            }
        )
    picklist["totalproducts"] = lines
    picklist["totalpicked"] = 0
    with picqer.lock:  # the server's threads read these
        picqer.picklists.append(picklist)
        picqer._by_id[picklist["idpicklist"]] = picklist  # its id index (a test-only door into the demo)
    return barcodes


class Heartbeat:
    """A 10 ms QTimer recording the gaps between its ticks."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(10)
        self.timer.timeout.connect(lambda: self.stamps.append(time.perf_counter()))
        self.stamps: list[float] = []

    def gaps_ms(self) -> list[float]:
        return [(b - a) * 1000 for a, b in zip(self.stamps, self.stamps[1:], strict=False)]


async def run(lines: int) -> int:
    from packstation import app
    from packstation.ui.controllers.packing_controller import PackingController
    from packstation.ui.controllers.picklists_controller import PicklistsController
    from packstation.ui.controllers.shipping_controller import ShippingController
    from packstation.ui.main_window import MainWindow
    from packstation.ui.messages import Messages
    from packstation.ui.models.picklists_model import PicklistsModel

    with DemoServers(picklist_count=30, rate_limits=False) as servers:
        barcodes = add_long_picklist(servers, lines)
        settings, keys = app.demo_settings(servers)
        context = app.build_context(settings, keys)
        assert context.packing is not None
        messages = Messages("en")
        packing = PackingController(context.packing, messages, weighing=context.weighing, beep=lambda: None)
        shipping = ShippingController(context.service, messages)
        picklists = PicklistsController(context.service, PicklistsModel(messages), messages)
        window = MainWindow(shipping, picklists, settings, packing=packing)
        window.resize(1366, 768)
        window.show()
        pane = window.packing_wiring.pane if window.packing_wiring is not None else None
        assert pane is not None
        opened = asyncio.Event()
        # The controller says "changed" first when it lets the previous packing go (no session yet), then again
        # once this picklist's packing is loaded: wait for that one.
        packing.changed.connect(lambda: opened.set() if packing.session is not None else None)
        window.handle_scan(NUMBER)
        await asyncio.wait_for(opened.wait(), 30)
        assert packing.session is not None and len(packing.session.state.lines) == lines
        await asyncio.sleep(0.3)
        heartbeat = Heartbeat()
        heartbeat.timer.start()
        latencies: list[float] = []
        started = time.perf_counter()
        for index, barcode in enumerate(barcodes):
            t0 = time.perf_counter()
            window.handle_scan(barcode)
            item = None
            while item is None or item.text(4) != "1/1":
                await asyncio.sleep(0)
                item = pane.tree.topLevelItem(index)
            latencies.append((time.perf_counter() - t0) * 1000)
            await asyncio.sleep(0.02)  # a fast packer: 50 scans a second at most
        total = time.perf_counter() - started
        await asyncio.sleep(1.5)  # the debounced flush
        heartbeat.timer.stop()
        gaps = heartbeat.gaps_ms()
        picked = sum(body["amount"] for body in servers.picqer.picks)
        await window.aclose()
        await context.aclose()
    print(f"lines: {lines}, scans: {len(latencies)} in {total:.1f} s")
    print(
        f"scan -> tick shown: median {statistics.median(latencies):.1f} ms, "
        f"p95 {sorted(latencies)[int(len(latencies) * 0.95) - 1]:.1f} ms, max {max(latencies):.1f} ms"
    )
    print(f"UI heartbeat gap (10 ms timer): median {statistics.median(gaps):.1f} ms, longest {max(gaps):.1f} ms")
    print(f"picks in the demo Picqer: {picked} units in {len(servers.picqer.picks)} requests")
    ok = max(gaps) < GAP_LIMIT_MS
    print(f"longest gap under {GAP_LIMIT_MS:.0f} ms: {'yes' if ok else 'NO'}")
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=200)
    args = parser.parse_args()
    os.environ.setdefault("PACKSTATION_DATA_DIR", tempfile.mkdtemp(prefix="bench-packing-"))
    application = QApplication.instance() or QApplication(sys.argv)
    loop = qasync.QEventLoop(application)
    asyncio.set_event_loop(loop)
    with loop:
        return loop.run_until_complete(run(args.lines))


if __name__ == "__main__":
    sys.exit(main())
