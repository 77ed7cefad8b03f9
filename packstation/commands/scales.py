"""`packstation scales`: the USB scales connected now, and `--watch` to print the stable weights of one."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Any

from packstation.commands.listing import report_found


def register(subparsers: Any) -> None:
    """Add the scales subcommand."""
    p = subparsers.add_parser("scales", help="list USB scales (HID point of sale); --watch prints stable weights")
    p.add_argument("--json", action="store_true", help="print the list (or, with --watch, each weight) as JSON")
    p.add_argument(
        "--watch",
        action="store_true",
        help="read the scale of the settings (or the first USB scale) and print every stable weight until Ctrl+C",
    )
    p.add_argument("--count", type=int, default=0, metavar="N", help="with --watch: stop after N stable weights")
    p.set_defaults(func=run_scales)


def run_scales(args: argparse.Namespace) -> int:
    if args.watch:
        return _watch(args)
    return _list(args)


def _list(args: argparse.Namespace) -> int:
    from packstation.scale.hid_pos import find_scales

    problem = ""
    try:
        found = find_scales()
    except (ImportError, OSError) as exc:  # no hidapi, or the HID devices cannot be listed
        found, problem = [], f"USB scales cannot be listed: {exc}"
    rows = [
        {
            "kind": "hid",
            "name": info.name,
            "address": info.address,
            "serial": info.serial,
            "path": info.path.decode(errors="replace"),
        }
        for info in found
    ]
    return report_found(
        "scales",
        rows,
        [problem] if problem else [],
        as_json=args.json,
        none_found="No USB scale found (serial Toledo scales are not listed: set scale.serial_port).",
        line=lambda row: f"{row['kind']:6} {row['name']:36} {row['address']:10} {row['serial']:16} {row['path']}",
    )


def _watch(args: argparse.Namespace) -> int:
    from packstation import settings as settings_module
    from packstation.app import build_scale
    from packstation.settings import ScaleKind, ScaleSettings

    configured = settings_module.load().settings.scale
    # With no scale in the settings, watch the first USB scale: what an admin setting up a bench wants to see.
    scale_settings = configured if configured.kind is not ScaleKind.NONE else ScaleSettings(kind=ScaleKind.HID)
    scale = build_scale(scale_settings)
    if scale is None:  # pragma: no cover - kind "none" was replaced above
        return 1
    try:
        return asyncio.run(_print_stable(scale, args))
    except KeyboardInterrupt:
        return 0


async def _print_stable(scale: Any, args: argparse.Namespace) -> int:
    from packstation.domain.errors import ScaleError

    printed = 0
    last: int | None = None
    try:
        await scale.open()
        print(f"Watching {scale.name}: put something on it (Ctrl+C stops).", file=sys.stderr)
        async for reading in scale.readings():
            if not reading.stable or reading.whole_grams == last:
                continue
            last = reading.whole_grams
            if args.json:
                print(json.dumps({"grams": reading.grams, "status": reading.status.value}), flush=True)
            else:
                print(f"{reading.grams:g} g ({reading.status.value})", flush=True)
            printed += 1
            if args.count and printed >= args.count:
                return 0
    except ScaleError as exc:
        print(f"packstation: {exc}", file=sys.stderr)
        return 1
    finally:
        await scale.close()
    return 0
