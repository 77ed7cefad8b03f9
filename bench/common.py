"""Shared helpers of the benchmarks: statistics, resident memory, the demo app context on a fake USB Zebra."""

from __future__ import annotations

import contextlib
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]  # the fake pyusb backend lives with the tests


def median(values: Sequence[float]) -> float:
    """Return the median, NaN for no values."""
    return statistics.median(values) if values else float("nan")


def percentile(values: Sequence[float], pct: float) -> float:
    """Return the pct-th percentile (nearest rank), NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def rss_mb() -> float:
    """Return this process's resident memory in MB (VmRSS from /proc/self/status; psutil is not a dependency)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Return a plain-text table (also valid Markdown)."""
    cells = [[str(h) for h in headers]] + [[_fmt(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.1f}"
    return str(value)


class Stopwatch:
    """Collect elapsed milliseconds of repeated runs."""

    def __init__(self) -> None:
        self.ms: list[float] = []

    @contextlib.contextmanager
    def time(self) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.ms.append((time.perf_counter() - start) * 1000)


def use_temp_data_dir() -> Path:
    """Point the app's journal and label store at a fresh temporary folder."""
    folder = Path(tempfile.mkdtemp(prefix="packstation-bench-"))
    os.environ["PACKSTATION_DATA_DIR"] = str(folder)
    os.environ.setdefault("XDG_CONFIG_HOME", str(folder / "config"))  # never read the developer's settings
    return folder


class TimedUsbBackend:
    """Build a FakeUsbBackend with one Zebra whose bulk writes are time-stamped (last byte = print done)."""

    def __init__(self) -> None:
        from fakes.fake_usb import FakeUsbBackend, FakeUsbDevice

        stamps = self.stamps = [0.0]

        class Backend(FakeUsbBackend):
            def bulk_write(self, dev_handle: Any, ep: int, intf: int, data: Any, timeout: int) -> int:
                written = super().bulk_write(dev_handle, ep, intf, data, timeout)
                stamps[0] = time.perf_counter()
                return written

        self.device = FakeUsbDevice()
        self.backend = Backend(self.device)

    @property
    def last_write(self) -> float:
        return self.stamps[0]


def install_fake_usb() -> TimedUsbBackend:
    """Make every UsbTransport the app builds talk to one fake Zebra (the real pyusb code runs on top)."""
    from packstation.printing import usb

    fake = TimedUsbBackend()
    usb.default_backend = lambda: fake.backend  # type: ignore[assignment]
    return fake


def demo_usb_context(servers: Any) -> Any:
    """Return the app's own context (app.build_context) on the demo servers, label printer on USB."""
    from packstation.app import build_context, demo_settings

    settings, keys = demo_settings(servers)
    settings = replace(settings, label_printer=replace(settings.label_printer, transport="usb", address=""))
    return build_context(settings, keys, demo=None)


def reset_client_limiters(context: Any) -> None:
    """Empty the client-side rate windows (between timed runs, so 20 shipments in a few seconds measure the
    app and not the 100/min MyParcel budget, which bench_api_budget.py measures on its own)."""
    for client in (context.service._picklists, context.service._carrier):
        client._session.limiter._calls.clear()


def run_repeated(fn: Callable[[], object], repeat: int) -> list[float]:
    """Run fn once to warm up, then `repeat` times; return the milliseconds of each run."""
    fn()
    watch = Stopwatch()
    for _ in range(repeat):
        with watch.time():
            fn()
    return watch.ms


_SERVE = """
import json, sys
from packstation.demo import DemoServers
count, limits, picqer_limit = int(sys.argv[1]), sys.argv[2] == "1", int(sys.argv[3])
s = DemoServers(picklist_count=count, rate_limits=limits, picqer_rate_limit=picqer_limit).start()
print(json.dumps({k: getattr(s, k) for k in ("picqer_url", "myparcel_url", "picqer_api_key", "myparcel_api_key")}))
sys.stdout.flush()
sys.stdin.read()
"""


def demo_servers_process(picklists: int, rate_limits: bool = True, picqer_rate_limit: int = 500) -> tuple[Any, Any]:
    """Start DemoServers in a child process; return (process, object with the URLs and keys demo_settings reads).

    Even with rate_limits off the demo Picqer counts down X-RateLimit-Remaining from `picqer_rate_limit`, and the
    app pauses when it reads a low count: a bench that wants no limit at all raises this instead.
    """
    import json
    import subprocess
    from types import SimpleNamespace

    child = subprocess.Popen(
        [sys.executable, "-c", _SERVE, str(picklists), "1" if rate_limits else "0", str(picqer_rate_limit)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert child.stdout is not None
    servers = SimpleNamespace(**json.loads(child.stdout.readline()))
    # No relay behind the child's demo Picqer: demo_settings then keeps the comment write-back.
    servers.picqer = SimpleNamespace(relay_shipment_url="")
    return child, servers
