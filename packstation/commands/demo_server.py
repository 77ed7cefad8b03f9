"""`packstation demo-server`: run the fake Picqer and MyParcel servers standalone until Ctrl-C."""

from __future__ import annotations

import argparse
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from packstation.demo import DemoServers
    from packstation.relay.embedded import RelayThread


def register(subparsers: Any) -> None:
    """Add the `demo-server` subcommand."""
    parser = subparsers.add_parser(
        "demo-server", help="serve the embedded demo Picqer and MyParcel APIs on 127.0.0.1 until Ctrl-C"
    )
    parser.add_argument("--picklists", type=int, default=60, metavar="N", help="number of demo picklists (60)")
    parser.add_argument("--seed", type=int, default=7, help="seed of the demo data (7)")
    parser.add_argument("--port-picqer", type=int, default=0, metavar="PORT", help="Picqer port (default: free)")
    parser.add_argument("--port-myparcel", type=int, default=0, metavar="PORT", help="MyParcel port (default: free)")
    parser.add_argument("--latency", type=float, default=0.0, metavar="SECONDS", help="delay added to each reply")
    parser.add_argument("--no-rate-limits", action="store_true", help="never answer 429 for too many requests")
    parser.add_argument(
        "--no-relay",
        action="store_true",
        help="do not start the relay behind the demo Picqer's custom shipping provider (its profile then refuses)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, stop: threading.Event | None = None) -> int:
    """Start the servers, print their URLs and keys one per line, and serve until Ctrl-C (or `stop` is set)."""
    if getattr(args, "picklists", 60) < 0:
        print("--picklists must be 0 or more")
        return 2
    servers = _demo_servers(args)
    try:
        servers.start()
    except OSError as exc:
        print(f"cannot start the demo servers: {exc}")
        return 1
    print(f"picqer_url={servers.picqer_url}")
    print(f"picqer_api_key={servers.picqer_api_key}")
    print(f"myparcel_url={servers.myparcel_url}")
    print(f"myparcel_api_key={servers.myparcel_api_key}")
    print(f"myparcel_be_api_key={servers.myparcel_be_api_key}")
    relay = None if getattr(args, "no_relay", False) else _start_relay(servers)
    print("serving; press Ctrl-C to stop", flush=True)
    try:
        _serve(stop or threading.Event())
    finally:
        if relay is not None:
            relay.stop()
        servers.stop()
    return 0


def _demo_servers(args: argparse.Namespace) -> DemoServers:
    """Build (not start) the servers the options ask for; an option not given keeps its default."""
    from packstation.demo import DemoServers

    return DemoServers(
        picklist_count=getattr(args, "picklists", 60),
        seed=getattr(args, "seed", 7),
        rate_limits=not getattr(args, "no_rate_limits", False),
        latency=getattr(args, "latency", 0.0),
        picqer_port=getattr(args, "port_picqer", 0) or 0,
        myparcel_port=getattr(args, "port_myparcel", 0) or 0,
    )


def _start_relay(servers: DemoServers) -> RelayThread:
    """As in `packstation --demo`: Picqer's shipments for the "packstation relay" profile go through a relay."""
    import os

    from packstation import app

    # The relay's lock file goes where demo mode keeps its data (never beside a station's real journal).
    folder = app.data_dir() if os.environ.get(app.DATA_DIR_ENV) else app.data_dir() / "demo"
    relay = app.connect_demo_relay(servers, folder)
    print(f"relay_url={relay.base_url}")
    print(f"picqer_relay_profile_id={app.DEMO_RELAY_PROFILE_ID}")
    return relay


def _serve(stop: threading.Event) -> None:
    """Wait until `stop` is set or Ctrl-C is pressed (waiting in half-second steps, so Ctrl-C is noticed)."""
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        print("stopping")
