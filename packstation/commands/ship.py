"""`packstation ship PICKLIST`: ship one picklist without a window, for scripts and the self-test."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import TYPE_CHECKING, Any

from packstation.domain.errors import AlreadyShipped, InvalidShipment, PackstationError

if TYPE_CHECKING:
    from packstation.services.shipping import ShipmentJob


def register(subparsers: Any) -> None:
    """Add the `ship` subcommand."""
    parser = subparsers.add_parser(
        "ship",
        help="ship one picklist headless: book, fetch and print the label, close the picklist in Picqer",
    )
    parser.add_argument("picklist", help="the picklist number, e.g. P2024-00123")
    parser.add_argument("--profile", help="shipping profile name (default: the profile linked to the picklist)")
    parser.add_argument("--weight", type=int, metavar="GRAMS", help="parcel weight in grams")
    parser.add_argument("--parcels", type=int, default=1, metavar="N", help="number of parcels (multi-collo)")
    parser.add_argument("--no-print", action="store_true", help="book and save the label, but do not print it")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Ship the picklist; print the result; return 0 on success, 1 with the reason otherwise."""
    if args.weight is not None and args.weight <= 0:
        return _fail(args, "The weight must be a positive number of grams.", step="input", code=2)
    if args.parcels < 1:
        return _fail(args, "The number of parcels must be at least 1.", step="input", code=2)
    return asyncio.run(_ship(args))


async def _ship(args: argparse.Namespace) -> int:
    from packstation.app import open_context

    step = "start"
    try:
        # Nothing runs after this command to print a label held for paper: wait for the paper, as before.
        async with open_context(demo=bool(getattr(args, "demo", False)), wait_while_held=True) as context:
            service = context.service
            step = "open"
            opened = await service.open_picklist(args.picklist)
            unfinished = [e for e in await service.unfinished() if e.picklist_number == opened.picklist.number]
            if unfinished:
                # An earlier run stopped half-way (killed, crashed, printer or network down): finish that
                # shipment from where it stopped; it never books a second label.
                job = await service.resume(unfinished[-1])
                job.print_label = not args.no_print
                profile_name = str(job.intent.get("profile") or "")
                try:
                    await service.run(job)
                finally:
                    step = job.step.value
                return _done(args, job, profile_name, resumed=True)
            if args.profile:
                matches = [p for p in service.profiles if p.name.casefold() == args.profile.casefold()]
                if not matches:
                    names = ", ".join(p.name for p in service.profiles)
                    return _fail(args, f"No shipping profile named '{args.profile}'. Available: {names}.", step)
                profile = matches[0]
            elif opened.suggested_profile is not None:
                profile = opened.suggested_profile
            else:
                names = ", ".join(p.name for p in service.profiles)
                reason = f"The picklist names no shipping profile; choose one with --profile ({names})."
                return _fail(args, reason, step)
            draft = opened.draft(profile, {}, weight_grams=args.weight, parcels=args.parcels)
            job = service.start(opened, draft, profile=profile, option_values={})  # the journal keeps both
            job.print_label = not args.no_print
            try:
                await service.run(job)
            finally:
                step = job.step.value
    except InvalidShipment as exc:
        return _fail(args, "The shipment breaks carrier rules: " + "; ".join(v.message for v in exc.violations), step)
    except AlreadyShipped as exc:
        reason = (
            f"{exc.picklist_number} is already shipped ({', '.join(exc.barcodes) or 'no barcode yet'}). "
            f"If this station shipped it, its label is stored: packstation journal --label {exc.picklist_number} "
            "-o label.pdf"
        )
        return _fail(args, reason, step)
    except PackstationError as exc:
        return _fail(args, f"{type(exc).__name__}: {exc}", step)
    return _done(args, job, profile.name)


def _done(args: argparse.Namespace, job: ShipmentJob, profile_name: str, resumed: bool = False) -> int:
    result = {
        "ok": True,
        "picklist": job.picklist.number,
        "resumed": resumed,  # an earlier, unfinished run of this picklist was finished
        "profile": profile_name,
        "shipment_ids": [s.id for s in job.shipments],
        "barcodes": list(job.barcodes),
        "tracking_url": job.tracking_url,
        "label_path": job.label_path,
        "print_jobs": [{"printer": job.receipt.printer, "job_id": job.receipt.job_id, "detail": job.receipt.detail}]
        if job.receipt
        else [],
        "closed": "close" in job.written_back,
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        printed = f", printed on {job.receipt.printer}" if job.receipt else ", not printed"
        print(f"{job.picklist.number}: {', '.join(job.barcodes)}{printed}; label saved at {job.label_path}")
    return 0


def _fail(args: argparse.Namespace, reason: str, step: str, code: int = 1) -> int:
    if getattr(args, "json", False):
        print(json.dumps({"ok": False, "step": step, "error": reason}, indent=2))
    print(f"packstation ship: {reason}", file=sys.stderr)
    return code
