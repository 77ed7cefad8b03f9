"""`packstation relay`: serve the relay Picqer calls to create shipments (custom shipping provider)."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    """Add the `relay` subcommand."""
    parser = subparsers.add_parser(
        "relay",
        help="serve the HTTPS endpoints Picqer calls to create a shipment (returns the desk's MyParcel label)",
        description="Serve GET /config-options, POST /shipments and GET /healthz for Picqer's custom shipping "
        "provider. Accounts come from --config (TOML, [[accounts]]) or from PACKSTATION_RELAY_USERNAME, "
        "_PASSWORD, _MYPARCEL_KEY and _PLATFORM.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1: behind a proxy)")
    parser.add_argument("--port", type=int, default=8750, help="port to listen on (8750)")
    parser.add_argument("--config", dest="relay_config", type=Path, metavar="FILE", help="the relay's TOML settings")
    parser.add_argument(
        "--database",
        metavar="URL",
        help="lock store: sqlite:///path (default: a file in the user's data folder) or postgresql://... "
        "(needs the 'postgres' extra) for relays on several machines",
    )
    parser.add_argument("--ssl-certfile", metavar="PEM", help="serve HTTPS (TLS 1.2+) with this certificate chain")
    parser.add_argument("--ssl-keyfile", metavar="PEM", help="the certificate's private key")
    parser.add_argument("--zpl-dpi", type=int, choices=(203, 300, 600), help="ZPL resolution of the labels (203)")
    parser.add_argument("--deadline", type=float, metavar="SECONDS", help="answer Picqer within this time (17)")
    parser.add_argument("--workers", type=int, default=1, metavar="N", help="number of processes (1)")
    parser.add_argument("--log-level", default="info", choices=("debug", "info", "warning", "error"))
    parser.set_defaults(func=run)


def log_config(level: str) -> dict[str, Any]:
    """uvicorn's loggers go through the root handler (and so through the redactor)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "loggers": {
            "uvicorn": {"level": level.upper()},
            "uvicorn.error": {"level": level.upper()},
            "uvicorn.access": {"level": level.upper()},
        },
    }


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl-C; return 2 when the settings cannot be used."""
    from packstation.relay.config import RelayConfigError
    from packstation.relay.server import configure_logging, load_settings, serve

    if bool(args.ssl_certfile) != bool(args.ssl_keyfile):
        print("give --ssl-certfile and --ssl-keyfile together", file=sys.stderr)
        return 2
    if args.workers < 1:
        print("--workers must be at least 1", file=sys.stderr)
        return 2
    overrides = {"database": args.database, "zpl_dpi": args.zpl_dpi, "deadline_seconds": args.deadline}
    try:
        settings = load_settings(args.relay_config, overrides)
    except RelayConfigError as exc:
        print(f"relay settings: {exc}", file=sys.stderr)
        return 2
    configure_logging(args.log_level, settings.secrets)
    if not args.ssl_certfile and args.host not in ("127.0.0.1", "::1", "localhost"):
        logging.getLogger("packstation.relay").warning(
            "serving plain HTTP on %s: Picqer requires HTTPS; put a TLS proxy in front or give --ssl-certfile",
            args.host,
        )
    serve(
        settings,
        settings_file=args.relay_config,
        overrides=overrides,
        host=args.host,
        port=args.port,
        ssl_certfile=args.ssl_certfile,
        ssl_keyfile=args.ssl_keyfile,
        workers=args.workers,
        log_config=log_config(args.log_level),
    )
    return 0
