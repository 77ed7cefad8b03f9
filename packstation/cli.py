"""Command line: the GUI by default, demo mode, the self-test, and the headless subcommands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from packstation import __version__


def build_parser() -> argparse.ArgumentParser:
    """Return the parser for `packstation` and all its subcommands."""
    from packstation.commands import demo_server, journal, printing, relay, scales, ship

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
    parser.add_argument("--config", type=Path, help=CONFIG_HELP)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (demo_server, ship, printing, scales, journal, relay):
        module.register(sub)
    for name, subparser in sub.choices.items():
        if name in OWN_SETTINGS_COMMANDS:
            continue
        # Also accepted after the subcommand (`packstation ship P1 --config x.toml`). SUPPRESS: when not given
        # there, the value given before the subcommand stays.
        subparser.add_argument("--config", type=Path, default=argparse.SUPPRESS, help=CONFIG_HELP)
        if name in DEMO_COMMANDS:
            subparser.add_argument("--demo", action="store_true", default=argparse.SUPPRESS, help=DEMO_HELP)
    return parser


CONFIG_HELP = "settings file (default: $PACKSTATION_CONFIG or the user's)"
DEMO_HELP = "run on the embedded demo servers and a virtual printer"
# The subcommands that work on the demo servers or demo data with --demo.
DEMO_COMMANDS = ("ship", "journal")
# The relay is a server with a settings file of its own (`--config relay.toml`); the desk's settings mean nothing to it.
OWN_SETTINGS_COMMANDS = ("relay",)


def main(argv: Sequence[str] | None = None) -> int:
    """Run packstation; return the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.config is not None:
        import os

        os.environ["PACKSTATION_CONFIG"] = str(args.config)
    if (args.command and args.command not in OWN_SETTINGS_COMMANDS) or args.self_test:
        report_settings_problems()
    if args.command:
        return int(args.func(args))
    from packstation import app

    if args.self_test:
        if not args.demo:
            parser.error("--self-test needs --demo")
        return app.self_test()
    app.leave_without_finalizing(app.run_gui(demo=args.demo))


def report_settings_problems() -> None:
    """Print on stderr what is wrong in the settings file, as the window shows it: every command tells the admin.

    A misspelt key (`baseurl`) would otherwise be ignored silently, with only the `.bad-<time>` copy as a hint.
    """
    from packstation import settings
    from packstation.i18n import violation_text

    loaded = settings.load()
    for problem in loaded.problems:
        words = violation_text(problem, prefix="settings_problem")
        print(f"packstation: settings file {loaded.path}: {words}", file=sys.stderr)
    if loaded.backup is not None:
        print(f"packstation: the settings file as it was is kept at {loaded.backup}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
