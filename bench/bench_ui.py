"""UI responsiveness and scale: heartbeat gaps while shipping and while loading 10,000 picklists; search keystrokes;
resident memory with 10,000 picklists in the table.

The window is wired as app.run_gui wires it (build_context on the demo servers, ShippingController,
PicklistsController, MainWindow, qasync loop), offscreen, with the label printer on a fake USB Zebra. A 10 ms
QTimer stamps every tick; a gap is the time between two ticks (10 ms when nothing blocks the Qt thread).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_ui.py [--picklists 10000] [--ships 5]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import logging
import os
import subprocess
import sys
import time
from collections.abc import Callable

import common

args_debug = bool(os.environ.get("BENCH_DEBUG"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync  # noqa: E402
from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from packstation.demo import DemoServers  # noqa: E402
from packstation.domain.picklists import PicklistStatus  # noqa: E402


class Heartbeat:
    """A 10 ms QTimer that records the gaps between its ticks while running."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.stamps: list[float] = []

    def _tick(self) -> None:
        self.stamps.append(time.perf_counter())

    def start(self) -> None:
        self.stamps = [time.perf_counter()]
        self.timer.start()

    def stop(self) -> list[float]:
        self.timer.stop()
        self.stamps.append(time.perf_counter())
        return [(b - a) * 1000 for a, b in zip(self.stamps, self.stamps[1:], strict=False)]


async def wait_for(predicate: Callable[[], object], within: float = 120.0) -> None:
    deadline = time.perf_counter() + within
    while not predicate():
        if time.perf_counter() > deadline:
            raise TimeoutError("condition not met in time")
        await asyncio.sleep(0.005)


def build_window(servers: DemoServers) -> tuple[object, object, object, object]:
    """Wire the window as app.run_gui does, on these demo servers; return (window, context, shipping, picklists)."""
    from packstation.ui.controllers.picklists_controller import PicklistsController
    from packstation.ui.controllers.shipping_controller import ShippingController
    from packstation.ui.main_window import MainWindow
    from packstation.ui.messages import Messages
    from packstation.ui.models.picklists_model import PicklistsModel

    context = common.demo_usb_context(servers)
    settings = context.settings
    messages = Messages(settings.language)
    shipping = ShippingController(context.service, messages)
    picklists = PicklistsController(
        context.service, PicklistsModel(messages), messages, refresh_seconds=3600, warehouse_id=None
    )
    window = MainWindow(shipping, picklists, settings)
    window.show()
    window.focus_scan_field()
    gc.freeze()  # as run_gui does once the window is built: later full collections skip start-up's objects
    return window, context, shipping, picklists


async def ship_cycles(count: int) -> list[float]:
    """Scan and ship `count` picklists through the window; return the heartbeat gaps during the cycles."""
    servers = DemoServers(picklist_count=200, rate_limits=False).start()
    window, context, shipping, picklists = build_window(servers)
    gaps: list[float] = []
    try:
        numbers = [
            p.number
            async for p in context.service.iter_picklists(PicklistStatus.NEW)  # type: ignore[attr-defined]
            if p.delivery.country == "NL"
        ]
        done: list[object] = []
        shipping.shipment_done.connect(done.append)  # type: ignore[attr-defined]
        opened: list[object] = []
        shipping.picklist_opened.connect(opened.append)  # type: ignore[attr-defined]
        beat = Heartbeat()
        shipped = 0
        for number in numbers:
            if shipped == count:
                break
            common.reset_client_limiters(context)
            opened.clear()
            beat.start()
            window.handle_scan(number)  # type: ignore[attr-defined]
            await wait_for(lambda: opened)
            draft = window.current_draft()  # type: ignore[attr-defined]
            if draft is None:  # no suggested profile: the packer picks the first one, as the keyboard would
                combo = window.profile_combo  # type: ignore[attr-defined]
                combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemData(i) is not None))
                draft = window.current_draft()  # type: ignore[attr-defined]
            if args_debug:
                print(number, draft and draft.violations, opened[0].existing, file=sys.stderr)  # type: ignore[attr-defined]
            if draft is None or draft.violations or opened[0].existing:  # type: ignore[attr-defined]
                beat.stop()
                continue
            before = len(done)
            window.ship()  # type: ignore[attr-defined]
            await wait_for(lambda before=before: len(done) > before or shipping.can_retry)  # type: ignore[attr-defined]
            gaps += beat.stop()
            shipped += 1
    finally:
        picklists.stop()  # type: ignore[attr-defined]
        window.close()  # type: ignore[attr-defined]
        await context.aclose()  # type: ignore[attr-defined]
        servers.stop()
    return gaps


async def big_list(count: int) -> dict[str, object]:
    """Load `count` picklists into the window's table; measure gaps, keystrokes and memory."""
    # The servers run in their own process so their 10,000 picklists do not count in this process's memory.
    child, servers = common.demo_servers_process(count)
    rss_before = common.rss_mb()
    window, context, _shipping, picklists = build_window(servers)
    try:
        beat = Heartbeat()
        beat.start()
        start = time.perf_counter()
        picklists.refresh()  # type: ignore[attr-defined]
        await wait_for(lambda: not picklists.loading and picklists.model.rowCount() > 0, within=600)  # type: ignore[attr-defined]
        load_s = time.perf_counter() - start
        gaps = beat.stop()
        rows = picklists.model.rowCount()  # type: ignore[attr-defined]
        app = QApplication.instance()
        app.processEvents()
        rss_loaded = common.rss_mb()
        # A periodic refresh of the full table (the interval timer's job), measured the same way.
        beat.start()
        start = time.perf_counter()
        picklists.refresh()  # type: ignore[attr-defined]
        await wait_for(lambda: picklists.loading)  # type: ignore[attr-defined]
        await wait_for(lambda: not picklists.loading, within=600)  # type: ignore[attr-defined]
        refresh_s = time.perf_counter() - start
        refresh_gaps = beat.stop()

        field = window.search_field  # type: ignore[attr-defined]
        field.setFocus()
        keystrokes: list[float] = []
        for text in ("amsterdam", "p2024", "jansen 10", "zz"):
            for char in text:
                start = time.perf_counter()
                QTest.keyClick(field, char)
                app.processEvents()  # the view repaints the filtered rows
                keystrokes.append((time.perf_counter() - start) * 1000)
            for _ in text:
                start = time.perf_counter()
                QTest.keyClick(field, Qt.Key.Key_Backspace)
                app.processEvents()
                keystrokes.append((time.perf_counter() - start) * 1000)
        return {
            "rows": rows,
            "load_s": load_s,
            "gaps": gaps,
            "refresh_s": refresh_s,
            "refresh_gaps": refresh_gaps,
            "keystrokes": keystrokes,
            "rss_before": rss_before,
            "rss_loaded": rss_loaded,
        }
    finally:
        picklists.stop()  # type: ignore[attr-defined]
        window.close()  # type: ignore[attr-defined]
        await context.aclose()  # type: ignore[attr-defined]
        child.terminate()


def report(args: argparse.Namespace, ship_gaps: list[float], big: dict[str, object]) -> None:
    gaps = big["gaps"]
    keys = big["keystrokes"]
    print(
        f"Heartbeat (10 ms QTimer) gaps in the real MainWindow, offscreen; {args.ships} ship-and-print cycles, "
        f"then a first load of {big['rows']:,} picklists ({big['load_s']:.1f} s)"
    )
    print(
        common.table(
            ["while", "ticks", "longest gap ms", "p99 gap ms", "median gap ms", "target"],
            [
                [
                    "scan + ship + print (demo servers, fake USB)",
                    len(ship_gaps),
                    max(ship_gaps),
                    common.percentile(ship_gaps, 99),
                    common.median(ship_gaps),
                    "< 50 ms",
                ],
                [
                    f"loading {big['rows']:,} picklists",
                    len(gaps),
                    max(gaps),
                    common.percentile(gaps, 99),
                    common.median(gaps),
                    "< 50 ms",
                ],
                [
                    f"refreshing {big['rows']:,} picklists ({big['refresh_s']:.1f} s)",
                    len(big["refresh_gaps"]),
                    max(big["refresh_gaps"]),
                    common.percentile(big["refresh_gaps"], 99),
                    common.median(big["refresh_gaps"]),
                    "< 50 ms",
                ],
            ],
        )
    )
    print()
    print(
        common.table(
            ["scale", "value", "target"],
            [
                [
                    f"search keystroke with {big['rows']:,} rows, median ms ({len(keys)} keys)",
                    common.median(keys),
                    "< 50 ms",
                ],
                ["search keystroke, p90 ms", common.percentile(keys, 90), ""],
                ["search keystroke, worst ms", max(keys), ""],
                ["VmRSS before the window, MB", big["rss_before"], ""],
                [f"VmRSS with {big['rows']:,} picklists loaded, MB", big["rss_loaded"], "< 250 MB"],
            ],
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--picklists", type=int, default=10_000)
    parser.add_argument("--ships", type=int, default=5)
    parser.add_argument("--phase", choices=("all", "big"), default="all", help=argparse.SUPPRESS)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    common.use_temp_data_dir()
    common.install_fake_usb()
    app = QApplication.instance() or QApplication(sys.argv)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        if args.phase == "big":  # a fresh process, so the memory figure is the window's own
            print(json.dumps(loop.run_until_complete(big_list(args.picklists))))
            sys.stdout.flush()
            os._exit(0)
        ship_gaps = loop.run_until_complete(ship_cycles(args.ships))
    out = subprocess.run(
        [sys.executable, __file__, "--phase", "big", "--picklists", str(args.picklists)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    report(args, ship_gaps, json.loads(out.strip().splitlines()[-1]))
    sys.stdout.flush()
    os._exit(0)  # PySide6 + qasync can crash while finalizing; the figures are out by now


if __name__ == "__main__":
    raise SystemExit(main())
