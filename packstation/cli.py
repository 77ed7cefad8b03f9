"""Command line: the GUI by default, demo mode, the self-test, and the headless subcommands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from packstation import __version__


def build_parser() -> argparse.ArgumentParser:
    """Return the parser for `packstation` and all its subcommands."""
    from packstation.commands import demo_server, journal, printing, relay, ship

    parser = argparse.ArgumentParser(
        prog="packstation",
        description="Packing station: scan a Picqer picklist, print its MyParcel label, close it in Picqer.",
    )
    parser.add_argument("--version", action="version", version=f"packstation {__version__}")
    parser.add_argument("--demo", action="store_true", help="run on the embedded demo servers and a virtual printer")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="with --demo: ship one demo picklist through the whole flow without a window, then exit",
    )
    parser.add_argument("--config", type=Path, help="settings file (default: $PACKSTATION_CONFIG or the user's)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (demo_server, ship, printing, journal, relay):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run packstation; return the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.config is not None:
        import os

        os.environ["PACKSTATION_CONFIG"] = str(args.config)
    if args.command:
        return int(args.func(args))
    from packstation import app

    if args.self_test:
        if not args.demo:
            parser.error("--self-test needs --demo")
        return app.self_test()
    app.leave_without_finalizing(app.run_gui(demo=args.demo))


if __name__ == "__main__":
    sys.exit(main())
