"""Embedded demo backends: real loopback HTTP servers imitating Picqer and MyParcel for demo mode and tests.

Written from the API documents only and never importing the app (an import-linter contract forbids it), so a
misreading in the app's rules is caught here and vice versa.
"""

from __future__ import annotations

import threading
from types import TracebackType

from packstation.demo.http import FaultSwitch, Fired
from packstation.demo.myparcel import DEMO_BE_KEY, DEMO_NL_KEY, MyParcelState
from packstation.demo.picqer import DEMO_API_KEY, DEMO_STATION2_API_KEY, PicqerState

__all__ = ["DemoServers", "FaultSwitch", "Fired", "MyParcelState", "PicqerState"]


class DemoServers:
    """Start a fake Picqer and a fake MyParcel server on 127.0.0.1 (context manager; start()/stop() also public).

    `latency` delays every reply of both; `picqer_latency` / `myparcel_latency` set one server's own, and
    `label_latency` adds the label route's render time on MyParcel.
    """

    def __init__(
        self,
        picklist_count: int = 60,
        seed: int = 7,
        rate_limits: bool = True,
        latency: float = 0.0,
        *,
        picqer_latency: float | None = None,
        myparcel_latency: float | None = None,
        label_latency: float = 0.0,
        picqer_rate_limit: int = 500,
        myparcel_rate_limit: int = 100,
        rate_window: float = 60.0,
        picqer_port: int = 0,
        myparcel_port: int = 0,
    ) -> None:
        self.picqer = PicqerState(
            picklist_count,
            seed,
            api_keys={DEMO_API_KEY: 1001, DEMO_STATION2_API_KEY: 1002},
            rate_limit=picqer_rate_limit,
            rate_window=rate_window,
            rate_limits=rate_limits,
            latency=latency if picqer_latency is None else picqer_latency,
        )
        self.myparcel = MyParcelState(
            api_key=DEMO_NL_KEY,
            be_api_key=DEMO_BE_KEY,
            rate_limit=myparcel_rate_limit,
            rate_window=rate_window,
            rate_limits=rate_limits,
            latency=latency if myparcel_latency is None else myparcel_latency,
        )
        if label_latency:
            # MyParcel renders the label PDF when it is first asked for (about a second against the real API).
            self.myparcel.add_route_latency("GET", r"/shipment_labels/[\d;]+", label_latency)
        self.picqer_api_key = DEMO_API_KEY  # user 1001 "Demo Packer"
        self.picqer_station2_api_key = DEMO_STATION2_API_KEY  # user 1002 "Station 2": a second bench
        self.myparcel_api_key = DEMO_NL_KEY
        self.myparcel_be_api_key = DEMO_BE_KEY
        self._ports = (picqer_port, myparcel_port)
        self.picqer_url = ""
        self.myparcel_url = ""

    def start(self) -> DemoServers:
        """Bind both servers and serve them in daemon threads."""
        if self.picqer_url:
            return self
        picqer_port = self.picqer.start(self._ports[0])
        try:
            myparcel_port = self.myparcel.start(self._ports[1])
        except OSError:
            self.picqer.stop()
            raise
        self.picqer_url = f"http://127.0.0.1:{picqer_port}/api/v1"
        self.myparcel_url = f"http://127.0.0.1:{myparcel_port}"
        return self

    def stop(self) -> None:
        """Stop both servers and free their ports."""
        # Each stop waits for its serve loop to notice; stopping both at once halves teardown in tests.
        other = threading.Thread(target=self.picqer.stop, name="picqer-stop")
        other.start()
        self.myparcel.stop()
        other.join()
        self.picqer_url = self.myparcel_url = ""

    def __enter__(self) -> DemoServers:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
