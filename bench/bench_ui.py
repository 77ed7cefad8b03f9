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
                combo = window.form.profile_combo  # type: ignore[attr-defined]
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
        # The interval timer's refresh: only the picklists created since the first load (sinceid; full reads: --huge).
        beat.start()
        start = time.perf_counter()
        picklists.refresh()  # type: ignore[attr-defined]
        await wait_for(lambda: picklists.loading)  # type: ignore[attr-defined]
        await wait_for(lambda: not picklists.loading, within=600)  # type: ignore[attr-defined]
        refresh_s = time.perf_counter() - start
        refresh_gaps = beat.stop()

        field = window.queue.search_field  # type: ignore[attr-defined]
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


async def bare_paging(servers: object) -> tuple[float, int]:
    """Page through every NEW picklist with a bare httpx client, no model and no limiter; return (s, pages)."""
    import httpx

    pages = 0
    async with httpx.AsyncClient(
        auth=(servers.picqer_api_key, ""),  # type: ignore[attr-defined]
        headers={"User-Agent": "bench"},
    ) as client:
        start = time.perf_counter()
        offset = 0
        while True:
            reply = await client.get(servers.picqer_url + "/picklists", params={"status": "new", "offset": offset})  # type: ignore[attr-defined]
            reply.raise_for_status()
            page = reply.json()
            pages += 1
            if len(page) < 100:
                break
            offset += 100
        return time.perf_counter() - start, pages


def stage(text: str) -> None:
    if args_debug:
        print(f"{time.strftime('%H:%M:%S')} {text}", file=sys.stderr, flush=True)


async def timed_refresh(picklists: object, full: bool) -> tuple[float, list[float]]:
    """Run one refresh of the window's list (forced full or the planned one); return (s, heartbeat gaps)."""
    stage(f"refresh full={full}")
    if full:
        picklists.planner.forget()  # type: ignore[attr-defined]
    beat = Heartbeat()
    beat.start()
    start = time.perf_counter()
    picklists.refresh()  # type: ignore[attr-defined]
    await wait_for(lambda: picklists.loading)  # type: ignore[attr-defined]
    await wait_for(lambda: not picklists.loading, within=900)  # type: ignore[attr-defined]
    return time.perf_counter() - start, beat.stop()


async def huge_list(count: int) -> dict[str, object]:
    """The list at `count` picklists: bare paging vs the app's full and incremental refresh, a scan during a
    paced full read, heartbeat gaps."""
    from packstation.clients.http import RateLimiter

    child, servers = common.demo_servers_process(count, rate_limits=False, picqer_rate_limit=10**9)
    window, context, shipping, picklists = build_window(servers)
    picqer = context.service._picklists  # type: ignore[attr-defined]
    try:
        stage("bare paging")
        bare_s, pages = await bare_paging(servers)
        # 1. Linearity: the app's own work per row, the account's budget out of the way (a limiter that never waits).
        picqer._session.limiter = RateLimiter(10**9, 60.0)
        load_s, load_gaps = await timed_refresh(picklists, full=True)
        rows = picklists.model.rowCount()  # type: ignore[attr-defined]
        full_s, full_gaps = await timed_refresh(picklists, full=True)
        # Once more, now that the demo server is warm as well: the faster of the two bare passes is the baseline.
        bare_s = min(bare_s, (await bare_paging(servers))[0])
        # 2. As at the bench: Picqer's 500 a minute. The minute's refresh reads only new picklists (sinceid).
        limiter = RateLimiter.for_picqer()
        picqer._session.limiter = limiter
        changes_s, changes_gaps = await timed_refresh(picklists, full=False)
        changes_pages = limiter.in_window
        # 3. A full re-read that finds the window already full of this station's list pages, and a scan 2 s in.
        for _ in range(limiter.background_limit - limiter.in_window):
            await limiter.acquire()
        opened: list[object] = []
        shipping.picklist_opened.connect(opened.append)  # type: ignore[attr-defined]
        number = picklists.model.picklist(rows // 2).number  # type: ignore[attr-defined]
        picklists.planner.forget()  # type: ignore[attr-defined]
        beat = Heartbeat()
        beat.start()
        start = time.perf_counter()
        picklists.refresh()  # type: ignore[attr-defined]
        await asyncio.sleep(2.0)
        stage("scan")
        scan_at = time.perf_counter()
        window.handle_scan(number)  # type: ignore[attr-defined]
        await wait_for(lambda: opened, within=300)
        scan_s = time.perf_counter() - scan_at
        await wait_for(lambda: not picklists.loading, within=900)  # type: ignore[attr-defined]
        paced_s = time.perf_counter() - start
        paced_gaps = beat.stop()
        return {
            "count": count,
            "rows": rows,
            "pages": pages,
            "bare_s": bare_s,
            "load_s": load_s,
            "load_gaps": load_gaps,
            "full_s": full_s,
            "full_gaps": full_gaps,
            "changes_s": changes_s,
            "changes_gaps": changes_gaps,
            "changes_pages": changes_pages,
            "scan_s": scan_s,
            "paced_s": paced_s,
            "paced_gaps": paced_gaps,
        }
    finally:
        picklists.stop()  # type: ignore[attr-defined]
        window.close()  # type: ignore[attr-defined]
        await context.aclose()  # type: ignore[attr-defined]
        child.terminate()


def report_huge(huge: dict[str, object]) -> None:
    def gaps(key: str) -> str:
        values = huge[key]
        return f"{max(values):.1f} / {common.percentile(values, 99):.1f}"  # type: ignore[arg-type]

    bare = huge["bare_s"]
    print(
        f"\n{huge['rows']:,} NEW picklists in the window's list (DemoServers({huge['count']:,})); bare paging: "
        f"{huge['pages']} pages in {bare:.1f} s (httpx, no model, no limiter; the faster of a pass before and after)"
    )
    print(
        common.table(
            ["read", "s", "x bare paging", "longest / p99 gap ms", "target"],
            [
                [
                    "first load, limiter never waits",
                    huge["load_s"],
                    huge["load_s"] / bare,
                    gaps("load_gaps"),
                    "< 50 ms",
                ],
                [
                    "full re-read, limiter never waits",
                    huge["full_s"],
                    huge["full_s"] / bare,
                    gaps("full_gaps"),
                    "<= 2x, < 50 ms",
                ],
                [
                    "periodic refresh (new only, sinceid), 500/min",
                    huge["changes_s"],
                    huge["changes_s"] / bare,
                    gaps("changes_gaps"),
                    "< 50 ms",
                ],
                [
                    "full re-read paced at 400/min (with the scan below)",
                    huge["paced_s"],
                    huge["paced_s"] / bare,
                    gaps("paced_gaps"),
                    "< 50 ms",
                ],
            ],
        )
    )
    print(
        f"scan 2 s into the paced full re-read (window already full of list pages): opened after {huge['scan_s']:.2f} s"
    )


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
                    f"periodic refresh of {big['rows']:,} picklists, new only (sinceid) ({big['refresh_s']:.2f} s)",
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
    parser.add_argument("--huge", type=int, default=50_000, help="picklists of the refresh case (0: skip it)")
    parser.add_argument("--phase", choices=("all", "big", "huge"), default="all", help=argparse.SUPPRESS)
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
        if args.phase == "huge":
            print(json.dumps(loop.run_until_complete(huge_list(args.huge))))
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
    if args.huge:
        out = subprocess.run(
            [sys.executable, __file__, "--phase", "huge", "--huge", str(args.huge)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        report_huge(json.loads(out.strip().splitlines()[-1]))
    sys.stdout.flush()
    os._exit(0)  # PySide6 + qasync can crash while finalizing; the figures are out by now


if __name__ == "__main__":
    raise SystemExit(main())
